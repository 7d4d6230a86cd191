// The ledger file: JSON Lines, one canonical record per line, hash-chained.
// Reading checks every line, the chain and the head beside the ledger
// (ledger-head.ts); writing replaces the whole file atomically, so a crash
// leaves the ledger either as before or as after, and renews the head in the
// same batch.
import { readFile } from "node:fs/promises";
import { isAbsolute, relative } from "node:path";
import { error, fail, ok, t, warning, type Issue, type Result } from "../domain/issues.js";
import { writeFilesAtomically } from "../adapters/atomic-write.js";
import { checkHead, headPathFor, headText, readHead, type HeadLag } from "./ledger-head.js";
import { canonicalJson } from "./canonical-json.js";
import { GENESIS_HASH, LedgerRecordSchema, recordHash, recordLine, type LedgerRecord } from "./record.js";

export type LedgerState = {
  path: string;
  records: LedgerRecord[];
  /** The head lags the ledger (an interrupted close, reopen or undo): accepted, and renewed by the next close (renewHead). */
  headLag?: HeadLag;
};

/** A ledger problem found while writing; `issues` render like any input problem (exit 3 by the caller). */
export class LedgerError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((i) => i.code).join("; "));
  }
}

/** The path as the user should see it: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** Where --reopen keeps removed records: `menerva-ledger.jsonl` → `menerva-ledger.archive.jsonl`. */
export function archivePathFor(ledgerPath: string): string {
  return ledgerPath.endsWith(".jsonl") ? `${ledgerPath.slice(0, -".jsonl".length)}.archive.jsonl` : `${ledgerPath}.archive.jsonl`;
}

const TAMPER_HINT = t("ledger.tamper.hint");

const label = (r: Pick<LedgerRecord, "seq" | "period">): string => `record ${r.seq} (${r.period})`;

/**
 * Read and check a ledger. A missing file is an empty ledger. A line that is
 * not JSON (a truncated last line), not a record, not canonical (edited by
 * hand) or breaks the chain gives one error naming the first broken line.
 */
export async function readLedger(path: string): Promise<Result<LedgerState>> {
  const read = await readRecords(path);
  if (!read.ok) return read;
  // The head beside the ledger notices records deleted from its end (ledger-head.ts).
  const file = displayPath(path);
  const head = await readHead(path, file);
  if (!head.ok) return fail([head.issue]);
  const records = read.value.records;
  const named = head.head && head.head.count > 0 ? records[head.head.count - 1] : undefined;
  const archived = named && named.hash !== head.head!.last_hash ? await lastArchived(archivePathFor(path)) : undefined;
  const checked = checkHead(records, head.head, file, archived);
  if (checked.problems.length > 0) return fail(checked.problems);
  const counted = head.head?.documents ?? 0;
  if (counted > 0) {
    const held = await documentsHeld(path, records);
    if (held < counted) {
      const archive = displayPath(archivePathFor(path));
      return fail([error("ledger-documents-lost", { counted, held, archive }, { source: { file: `${file}.head` }, hint: t("ledger-documents-lost.hint", { archive }) })]);
    }
  }
  return ok(checked.lag ? { ...read.value, headLag: checked.lag } : read.value, [...read.warnings, ...checked.warnings]);
}

/**
 * Renew a lagging head (state.headLag) for the records the ledger holds: what
 * the interrupted write would have done. Call it while holding the lock, on a
 * state just read. Returns true when it wrote the head.
 */
export async function renewHead(state: LedgerState): Promise<boolean> {
  if (!state.headLag) return false;
  await writeFilesAtomically([{ path: headPathFor(state.path), data: headText(state.path, state.records, await documentsHeld(state.path, state.records)) }]);
  return true;
}

/**
 * How many document numbers `records` and the archive beside the ledger hold
 * together, and `extra` (a record about to be archived). The archive is read
 * leniently, for its numbers only: archive.ts checks the records the
 * numbering relies on.
 */
export async function documentsHeld(path: string, records: readonly LedgerRecord[], extra: readonly LedgerRecord[] = []): Promise<number> {
  const numbers = new Set<string>();
  const add = (r: { issued?: readonly { number?: unknown }[] } | null | undefined): void => {
    for (const d of Array.isArray(r?.issued) ? r.issued : []) if (typeof d?.number === "string") numbers.add(d.number);
  };
  for (const r of [...records, ...extra]) add(r);
  let text = "";
  try {
    text = await readFile(archivePathFor(path), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      add(JSON.parse(line) as { issued?: { number?: unknown }[] });
    } catch {
      // a damaged line holds no numbers it can vouch for
    }
  }
  return numbers.size;
}

/** The last record of the reopen archive (seq and hash only), if there is one. */
async function lastArchived(archivePath: string): Promise<Pick<LedgerRecord, "seq" | "hash"> | undefined> {
  try {
    const lines = (await readFile(archivePath, "utf8")).split("\n").filter((l) => l.trim() !== "");
    const v = JSON.parse(lines[lines.length - 1] ?? "null") as Partial<LedgerRecord> | null;
    return v && typeof v.seq === "number" && typeof v.hash === "string" ? { seq: v.seq, hash: v.hash } : undefined;
  } catch {
    return undefined;
  }
}

/** The records of a ledger file, each line and the chain checked; a missing file is an empty ledger. */
async function readRecords(path: string): Promise<Result<LedgerState>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return ok({ path, records: [] });
    throw e;
  }
  const file = displayPath(path);
  const warnings: Issue[] = [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else if (lines.length > 0) {
    warnings.push(warning("ledger-no-line-end", {}, { source: { file, line: lines.length } }));
  }
  const records: LedgerRecord[] = [];
  for (const [i, line] of lines.entries()) {
    const at = { file, line: i + 1 };
    const subject = `record ${i + 1}`;
    const last = i === lines.length - 1;
    if (line.trim() === "") {
      return fail([error("ledger-blank-line", {}, { source: at, subject, hint: TAMPER_HINT })]);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return fail([
        error(last ? "ledger-bad-json.last" : "ledger-bad-json", {}, {
          source: at,
          subject,
          found: line.length > 60 ? `${line.slice(0, 57)}...` : line,
          hint: TAMPER_HINT,
        }),
      ]);
    }
    const shape = LedgerRecordSchema.safeParse(parsed);
    const old = parsed as Record<string, unknown> | null;
    if (!shape.success && old !== null && typeof old === "object" && Array.isArray(old.included) && old.billed === undefined) {
      // A record of the first ledger format (row ids only): it lacks what corrections need.
      return fail([
        error("ledger-old-format", {}, { source: at, subject, hint: t("ledger-old-format.hint") }),
      ]);
    }
    if (!shape.success) {
      const first = shape.error.issues[0];
      return fail([
        error("ledger-bad-record", { path: first?.path.join(".") || "record", detail: first?.message ?? "invalid" }, {
          source: at,
          subject,
          hint: TAMPER_HINT,
        }),
      ]);
    }
    let canonical: string | undefined;
    try {
      canonical = canonicalJson(parsed);
    } catch {
      canonical = undefined; // a float or other non-canonical value
    }
    const rec = shape.data as LedgerRecord;
    if (canonical !== line) {
      return fail([error("ledger-not-canonical", {}, { source: at, subject: label(rec), hint: TAMPER_HINT })]);
    }
    records.push(rec);
  }
  const state = { path, records };
  const broken = verifyLedger(state);
  return broken.length > 0 ? fail(broken) : ok(state, warnings);
}

/**
 * Recompute every hash and link. Returns [] for a sound chain, otherwise one
 * error naming the first broken record (later ones break as a consequence).
 * Record i is on line i + 1.
 */
export function verifyLedger(state: LedgerState): Issue[] {
  const file = displayPath(state.path);
  let prev: LedgerRecord | undefined;
  for (const [i, r] of state.records.entries()) {
    const at = { source: { file, line: i + 1 }, subject: label(r), hint: TAMPER_HINT };
    if (recordHash(r) !== r.hash) return [error("ledger-hash-mismatch", {}, at)];
    if (r.seq !== i + 1) {
      return [error("ledger-seq", { line: i + 1, seq: r.seq }, at)];
    }
    if (r.prev_hash !== (prev ? prev.hash : GENESIS_HASH)) {
      return [error("ledger-chain", { previous: prev ? label(prev) : "" }, at)];
    }
    if (prev && !(r.from > prev.to)) {
      return [error("ledger-order", { period: `${r.from}..${r.to}`, previous: `${label(prev)} (${prev.from}..${prev.to})` }, at)];
    }
    prev = r;
  }
  return [];
}

export const lastRecord = (state: LedgerState): LedgerRecord | undefined => state.records[state.records.length - 1];

const ledgerText = (records: readonly LedgerRecord[]): string => records.map((r) => `${recordLine(r)}\n`).join("");

async function readOrThrow(path: string): Promise<LedgerState> {
  const res = await readLedger(path);
  if (!res.ok) throw new LedgerError(res.issues);
  return res.value;
}

/**
 * Append a sealed record: re-read and check the ledger, require the record
 * to chain onto its last record, then replace the file atomically (temp,
 * fsync, rename). Call it while holding the lock (lock.ts).
 */
export async function appendRecord(path: string, record: LedgerRecord): Promise<void> {
  const state = await readOrThrow(path);
  const next = [...state.records, record];
  const broken = verifyLedger({ path, records: next });
  if (broken.length > 0) throw new LedgerError(broken);
  await writeFilesAtomically([
    { path, data: ledgerText(next) },
    { path: headPathFor(path), data: headText(path, next, await documentsHeld(path, next)) },
  ]);
}

/**
 * For --reopen: replace the last record by `record` (which must chain onto the
 * one before it), or remove it when `record` is undefined; the old record (or
 * `archived(old)`) is appended to the archive. Archive and ledger are written in one batch,
 * archive renamed first: a crash leaves the ledger as before (with an extra
 * archived copy) or as after, never without the period. Returns the old record.
 */
export async function replaceLastRecord(path: string, archivePath: string, record?: LedgerRecord, archived?: (last: LedgerRecord) => LedgerRecord): Promise<LedgerRecord> {
  const state = await readOrThrow(path);
  const last = lastRecord(state);
  if (!last) throw new LedgerError([error("ledger-empty", {}, { source: { file: displayPath(path) } })]);
  const next = [...state.records.slice(0, -1), ...(record ? [record] : [])];
  const broken = verifyLedger({ path, records: next });
  if (broken.length > 0) throw new LedgerError(broken);
  let archive = "";
  try {
    archive = await readFile(archivePath, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (archive !== "" && !archive.endsWith("\n")) archive += "\n";
  const gone = archived ? archived(last) : last;
  const ledger = { path, data: ledgerText(next) };
  const head = { path: headPathFor(path), data: headText(path, next, await documentsHeld(path, next, [gone])) };
  // Renamed in this order, so a crash between two renames reads as before or as after
  // (ledger-head.ts): a replaced record before its head; for a removal the head first
  // (a head behind the ledger is the state "head lags", accepted; a ledger shorter
  // than its head would read as a lost record).
  await writeFilesAtomically([{ path: archivePath, data: `${archive}${recordLine(gone)}\n` }, ...(record ? [ledger, head] : [head, ledger])]);
  return last;
}

/**
 * Finish a removal whose archive write already happened (an interrupted
 * `ledger undo`): remove the last record, which must be `expected`, without
 * archiving it again; the head is renamed first, as in every removal.
 */
export async function dropArchivedLastRecord(path: string, expected: LedgerRecord): Promise<LedgerRecord> {
  const state = await readOrThrow(path);
  const last = lastRecord(state);
  if (!last || last.hash !== expected.hash) throw new LedgerError([error("ledger-changed", {}, { source: { file: displayPath(path) } })]);
  const next = state.records.slice(0, -1);
  await writeFilesAtomically([
    { path: headPathFor(path), data: headText(path, next, await documentsHeld(path, next)) },
    { path, data: ledgerText(next) },
  ]);
  return last;
}

/**
 * Remove the last record (archived first); see replaceLastRecord. `archived`
 * gives the record to archive instead of it (`ledger undo --credit`: the
 * record with its documents reversed).
 */
export const removeLastRecord = (path: string, archivePath: string, archived?: (last: LedgerRecord) => LedgerRecord): Promise<LedgerRecord> =>
  replaceLastRecord(path, archivePath, undefined, archived);
