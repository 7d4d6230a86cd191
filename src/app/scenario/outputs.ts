// Shared shape of the scenario use cases' answers and writing their files atomically.
import { join } from "node:path";
import { writeFilesAtomically, type OutputFile } from "../../adapters/atomic-write.js";
import type { Issue } from "../../domain/issues.js";
import type { Lang } from "../../report/scenario-labels.js";
import type { Overrides } from "./overrides.js";

export type ScenarioOptions = { readonly lang: Lang; readonly json: boolean; readonly outDir?: string; readonly overrides?: Overrides };
export type Answer = { ok: true; stdout: string; written: string[] } | { ok: false; issues: Issue[] };

/** File names are made from the scenario name: lower case, safe characters only. */
export const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "scenario";

export async function writeOutputs(outDir: string | undefined, files: { name: string; data: string | Uint8Array }[]): Promise<string[]> {
  if (!outDir) return [];
  const out: OutputFile[] = files.map((f) => ({ path: join(outDir, f.name), data: f.data }));
  await writeFilesAtomically(out);
  return out.map((f) => f.path);
}
