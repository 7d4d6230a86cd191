// What changed since a period was closed: rows added and removed per input
// file and config keys changed, as lines for the "refused: inputs differ"
// message of a re-close (as Texts). An empty list means "same inputs".
import { t, type Text } from "../domain/issues.js";
import { canonicalJson } from "./canonical-json.js";
import { BilledTable } from "./billed-rows.js";
import type { LedgerRecord } from "./record.js";

export type CloseInputs = {
  config_sha256: string;
  /** The canonical config object now; with the record's `config` it names changed keys. */
  configCanonical?: unknown;
  inputs: LedgerRecord["inputs"];
  /** Occurrence-aware ids of the rows this close would bill. */
  billed: string[];
  /** Input file → ids of its rows that this close would include (to attribute added rows). */
  perFile?: Record<string, string[]>;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Dotted paths ("fees.hourly.0.rate") of leaves that differ between two config objects, sorted. */
export function changedKeys(a: unknown, b: unknown, path = ""): string[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedKeys(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((v, i) => changedKeys(v, b[i], path ? `${path}.${i}` : String(i)));
  }
  const same = a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));
  return same ? [] : [path || "(whole config)"];
}

/**
 * Lines (Texts) saying how `now` differs from the closed record `old`.
 * Invariant: [] exactly when the config hash and the set of billed rows are
 * the same (a changed file whose change only touches rows outside the period
 * does not count: cumulative exports grow every month).
 */
export function diffInputs(old: LedgerRecord, now: CloseInputs, display: (ledgerFile: string) => string = (f) => f): Text[] {
  const lines: Text[] = [];
  if (old.config_sha256 !== now.config_sha256) {
    const keys = old.config !== undefined && now.configCanonical !== undefined ? changedKeys(old.config, now.configCanonical) : [];
    lines.push(t("diff.config-changed", { keys: keys.join(", ") }));
  }
  const oldIds = new BilledTable(old.billed).ids();
  const before = new Set(oldIds);
  const nowSet = new Set(now.billed);
  const added = now.billed.filter((id) => !before.has(id));
  const removed = oldIds.filter((id) => !nowSet.has(id));
  if (added.length === 0 && removed.length === 0) return lines;

  const perFile = new Map<string, { added: number; removed: number }>();
  const entry = (file: string) => perFile.get(file) ?? perFile.set(file, { added: 0, removed: 0 }).get(file)!;
  const general = { added: 0, removed: 0 };

  // Added rows are attributed to the file(s) they are in now.
  const addedSet = new Set(added);
  const attributed = new Set<string>();
  for (const [file, ids] of Object.entries(now.perFile ?? {})) {
    const mine = new Set(ids.filter((id) => addedSet.has(id)));
    if (mine.size > 0) entry(file).added += mine.size;
    for (const id of mine) attributed.add(id);
  }
  general.added = added.length - attributed.size;

  // The record does not keep rows per file: a removed row goes to the one
  // changed file of its kind that held its NEC partner at the close, else the
  // one file that changed; what stays unattributed is listed with all changed files.
  const nowByFile = new Map(now.inputs.map((i) => [i.file, i]));
  const changedInputs = old.inputs.filter((i) => nowByFile.get(i.file)?.sha256 !== i.sha256);
  const changed = changedInputs.map((i) => i.file);
  if (removed.length > 0) {
    const table = new BilledTable(old.billed);
    const rowOf = new Map<string, number>();
    for (let i = 0; i < table.length; i++) rowOf.set(table.id(i), i);
    for (const id of removed) {
      const row = table.row(rowOf.get(id)!);
      const holders = changedInputs.filter((i) => i.kind === row.kind && (i.nec_partners === undefined || i.nec_partners.includes(row.necPartner)));
      if (holders.length === 1) entry(holders[0]!.file).removed++;
      else if (changed.length === 1) entry(changed[0]!).removed++;
      else general.removed++;
    }
  }

  // The record's names are relative to the ledger's folder: shown as the user writes them (relative to the config).
  for (const file of [...perFile.keys()].sort()) lines.push(t("diff.file-rows", { file: display(file), ...perFile.get(file)! }));
  if (general.added > 0 || general.removed > 0) {
    lines.push(t("diff.rows", { ...general, changedFiles: general.removed > 0 && changed.length > 1 ? changed.map(display).join(", ") : "" }));
  }
  for (const i of old.inputs) if (!now.inputs.some((n) => n.file === i.file)) lines.push(t("diff.no-longer-input", { file: display(i.file) }));
  for (const i of now.inputs) if (!old.inputs.some((o) => o.file === i.file)) lines.push(t("diff.new-input", { file: display(i.file) }));
  return lines;
}
