// `menerva ledger verify --outputs`: does each closed period's output folder
// hold one complete set of outputs (output-folder.ts), the set its ledger
// record belongs to? An interrupted switch or a file that no longer matches
// the folder's SHA256SUMS is a problem (exit 3); a folder that is not there
// (written elsewhere with --out, or removed) is only reported. A folder under
// the output root whose summary.json names a close that neither the ledger
// nor its archive holds is a problem too: a record removed from the ledger
// (or a close killed before its record was written).
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { checkOutputSet, MANIFEST } from "../adapters/output-folder.js";
import { readSmallFile, utf8Text } from "../adapters/read-small-file.js";
import { t, type Text } from "../domain/issues.js";
import type { LedgerState } from "../ledger/ledger-file.js";
import type { LedgerRecord } from "../ledger/record.js";
import { readYaml } from "../schema/config-yaml.js";
import { isPlainMap } from "../schema/yaml-safe.js";

export type OutputCheck = {
  readonly period: string;
  readonly folder: string;
  readonly status: "ok" | "missing" | "no-manifest" | "interrupted" | "changed" | "other-close" | "not-in-ledger" | "undone";
  readonly problems: readonly Text[];
};

/** Statuses that mean the outputs are not the closed set (exit 3). */
export const OUTPUT_FAILURES: ReadonlySet<OutputCheck["status"]> = new Set(["interrupted", "changed", "other-close", "not-in-ledger"]);

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

/** summary.json of a folder, as far as the checks need it (undefined: none, or not JSON). */
async function summaryOf(folder: string): Promise<{ ledger_record?: unknown; period?: unknown; undone?: unknown; archived_record?: unknown } | undefined> {
  try {
    const v = JSON.parse(await readFile(join(folder, "summary.json"), "utf8")) as unknown;
    return isPlainMap(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // no summary.json in this set (--formats without json)
  }
}

/** Does `folder` hold the closed set of record `r`? */
export async function checkRecordFolder(r: Pick<LedgerRecord, "period" | "hash">, folder: string): Promise<OutputCheck> {
  const c = await checkOutputSet(folder);
  if (c.status !== "ok") return { period: r.period, folder, status: c.status, problems: c.problems };
  // The set is whole; is it the set of this ledger record (not of a close that was reopened)?
  const named = (await summaryOf(folder))?.ledger_record;
  if (typeof named === "string" && named !== r.hash) {
    return { period: r.period, folder, status: "other-close", problems: [t("outputs.other-close", { named: named.slice(0, 12), hash: r.hash.slice(0, 12), period: r.period })] };
  }
  return { period: r.period, folder, status: "ok", problems: [] };
}

/**
 * Check `<root>/<period>` for every closed period, then every other folder
 * under `root` whose summary.json names a close: one the archive holds (an
 * undone or reopened close, whose files stay) is reported, one that neither
 * the ledger nor the archive holds is a problem.
 */
export async function verifyOutputs(state: LedgerState, root: string, archived: readonly LedgerRecord[] = []): Promise<OutputCheck[]> {
  const out: OutputCheck[] = [];
  for (const r of state.records) out.push(await checkRecordFolder(r, join(root, r.period)));
  const closed = new Set(state.records.map((r) => r.period));
  const live = new Set(state.records.map((r) => r.hash));
  // an archived record, or the record an undo --credit archived in changed form (it names the one it undid)
  const gone = new Map<string, LedgerRecord>();
  for (const r of archived) {
    gone.set(r.hash, r);
    const undid = (r as { undone_record?: unknown }).undone_record;
    if (typeof undid === "string") gone.set(undid, r);
  }
  let names: string[] = [];
  try {
    names = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory() && !closed.has(e.name)).map((e) => e.name).sort();
  } catch {
    // no output folder
  }
  const summaries = new Map<string, Awaited<ReturnType<typeof summaryOf>>>();
  for (const name of names) summaries.set(name, await summaryOf(join(root, name)));
  // an undo folder (written before undone_record was kept) names the record it undid beside the archived one
  for (const s of summaries.values()) {
    const archivedAs = typeof s?.archived_record === "string" ? gone.get(s.archived_record) : undefined;
    if (archivedAs && typeof s?.ledger_record === "string" && !gone.has(s.ledger_record)) gone.set(s.ledger_record, archivedAs);
  }
  for (const name of names) {
    const folder = join(root, name);
    const s = summaries.get(name);
    // an undo --credit folder names the close it undid and the archived record
    const named = typeof s?.archived_record === "string" ? s.archived_record : s?.ledger_record;
    if (typeof named !== "string") continue; // not the outputs of a close (costprice, scenarios, a report)
    if (live.has(named)) continue; // written with --out of a closed period: it is that period's set
    const period = typeof s?.undone === "string" ? s.undone : typeof s?.period === "string" ? s.period : name;
    const was = gone.get(named);
    if (was) {
      out.push({ period, folder, status: "undone", problems: [t("outputs.undone", { period: was.period, record: named.slice(0, 12) })] });
    } else {
      out.push({
        period,
        folder,
        status: "not-in-ledger",
        problems: [t("outputs.not-in-ledger", { record: named.slice(0, 12) })],
      });
    }
  }
  return out;
}

/** One line per period that is not ok, then a count (as Texts, for the CLI to print in its language). */
export function outputChecksText(checks: readonly OutputCheck[], shown: (p: string) => string): Text[] {
  const lines: Text[] = [];
  for (const c of checks) {
    if (c.status === "ok") continue;
    for (const p of c.problems) lines.push(t("outputs.problem", { period: c.period, folder: shown(c.folder), problem: p }));
  }
  const closed = checks.filter((c) => c.status !== "undone" && c.status !== "not-in-ledger");
  const bad = closed.filter((c) => OUTPUT_FAILURES.has(c.status));
  const ok = closed.filter((c) => c.status === "ok").length;
  const orphans = checks.filter((c) => c.status === "not-in-ledger").length;
  lines.push(bad.length === 0 ? t("outputs.all-ok", { ok, total: closed.length, manifest: MANIFEST }) : t("outputs.some-bad", { bad: bad.length, total: closed.length }));
  if (orphans > 0) lines.push(t("outputs.orphans", { count: orphans }));
  return lines;
}
