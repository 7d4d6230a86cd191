// `menerva ledger verify --outputs`: does each closed period's output folder
// hold one complete set of outputs (output-folder.ts), the set its ledger
// record belongs to? An interrupted switch or a file that no longer matches
// the folder's SHA256SUMS is a problem (exit 3); a folder that is not there
// (written elsewhere with --out, or removed) is only reported.
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { checkOutputSet, MANIFEST } from "../adapters/output-folder.js";
import { readSmallFile, utf8Text } from "../adapters/read-small-file.js";
import type { LedgerState } from "../ledger/ledger-file.js";
import { readYaml } from "../schema/config-yaml.js";
import { isPlainMap } from "../schema/yaml-safe.js";

export type OutputCheck = {
  readonly period: string;
  readonly folder: string;
  readonly status: "ok" | "missing" | "no-manifest" | "interrupted" | "changed" | "other-close";
  readonly problems: readonly string[];
};

/** Statuses that mean the outputs are not the closed set (exit 3). */
export const OUTPUT_FAILURES: ReadonlySet<OutputCheck["status"]> = new Set(["interrupted", "changed", "other-close"]);

/** The config's `output:` folder (default `out` beside the config), read without validating the rest. */
export async function outputRootOf(configPath: string): Promise<string> {
  const abs = resolve(configPath);
  const read = await readSmallFile(abs);
  const text = read.ok ? utf8Text(read.bytes) : undefined;
  const yaml = text === undefined ? undefined : readYaml(text.replace(/^\uFEFF/, ""), configPath);
  const data = yaml?.ok ? yaml.value.data : undefined;
  const value = isPlainMap(data) && typeof data.output === "string" && data.output.trim() !== "" ? data.output.trim() : "out";
  return resolve(dirname(abs), value);
}

/** Check `<root>/<period>` for every closed period. */
export async function verifyOutputs(state: LedgerState, root: string): Promise<OutputCheck[]> {
  const out: OutputCheck[] = [];
  for (const r of state.records) {
    const folder = join(root, r.period);
    const c = await checkOutputSet(folder);
    if (c.status !== "ok") {
      out.push({ period: r.period, folder, status: c.status, problems: c.problems });
      continue;
    }
    // The set is whole; is it the set of this ledger record (not of a close that was reopened)?
    let named: unknown;
    try {
      named = (JSON.parse(await readFile(join(folder, "summary.json"), "utf8")) as { ledger_record?: unknown }).ledger_record;
    } catch {
      named = undefined; // no summary.json in this set (--formats without json)
    }
    if (typeof named === "string" && named !== r.hash) {
      out.push({ period: r.period, folder, status: "other-close", problems: [`summary.json names ledger record ${named.slice(0, 12)}, the ledger's record is ${r.hash.slice(0, 12)}: these are the outputs of another close of ${r.period}`] });
    } else out.push({ period: r.period, folder, status: "ok", problems: [] });
  }
  return out;
}

/** One line per period that is not ok, then a count. */
export function outputChecksText(checks: readonly OutputCheck[], shown: (p: string) => string): string {
  const lines: string[] = [];
  for (const c of checks) {
    if (c.status === "ok") continue;
    for (const p of c.problems) lines.push(`${c.period}: ${shown(c.folder)}: ${p}`);
  }
  const bad = checks.filter((c) => OUTPUT_FAILURES.has(c.status)).length;
  const ok = checks.filter((c) => c.status === "ok").length;
  lines.push(
    bad === 0
      ? `outputs: ${ok} of ${checks.length} closed periods have a complete set matching ${MANIFEST}`
      : `outputs: ${bad} of ${checks.length} closed periods have outputs that are not their closed set; run the close of that period again to rewrite them`,
  );
  return `${lines.join("\n")}\n`;
}
