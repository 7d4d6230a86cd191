// How a set of outputs about to be written compares with the set already in
// its folder (its SHA256SUMS): a re-close with the same inputs says whether
// it reproduced the closed statement byte for byte or rewrote it (another
// --lang, --csv-style or --formats: other words or files, same figures).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { MANIFEST, parseManifest, type OutputFile } from "./output-folder.js";

export type SetComparison = {
  /** Whether the folder held a set (a manifest) before. */
  readonly previous: boolean;
  /** Names (relative to the folder) that differ: changed, new or no longer written; sorted. */
  readonly changed: readonly string[];
};

export async function compareWithPreviousSet(dir: string, files: readonly OutputFile[]): Promise<SetComparison> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), "utf8");
  } catch {
    return { previous: false, changed: [] };
  }
  const before = parseManifest(text);
  const now = new Map(files.map((f) => [relative(dir, f.path).split(sep).join("/"), createHash("sha256").update(f.data).digest("hex")]));
  const names = new Set([...before.keys(), ...now.keys()]);
  const changed = [...names].filter((n) => before.get(n) !== now.get(n)).sort();
  return { previous: true, changed };
}
