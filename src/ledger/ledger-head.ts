// The ledger's head: `<ledger>.head`, one canonical JSON line holding the
// number of records and the hash of the last one. It is written in the same
// atomic batch as the ledger (ledger renamed first, head second), so a record
// deleted from the end of the ledger — which leaves a valid, shorter chain —
// is still noticed: the ledger is then shorter than its head says (exit 3).
//
// States a crash between the two renames can leave, and how they read:
// - the ledger has more records than the head and the head's record is in it:
//   the head lags behind an append; accepted, and the next write renews it;
// - the head names a record the ledger replaced, and that record is the last
//   one archived: a `--reopen` was interrupted; accepted likewise.
// Anything else that disagrees is a changed ledger.
import { readSmallFile } from "../adapters/read-small-file.js";
import { basename } from "node:path";
import { error, warning, type Issue } from "../domain/issues.js";
import { canonicalJson } from "./canonical-json.js";
import type { LedgerRecord } from "./record.js";

export type LedgerHead = { readonly count: number; readonly last_hash: string; readonly last_period: string | null };

export const headPathFor = (ledgerPath: string): string => `${ledgerPath}.head`;

/** The head's text for a ledger holding `records`. */
export function headText(ledgerPath: string, records: readonly LedgerRecord[]): string {
  const last = records[records.length - 1];
  return `${canonicalJson({ ledger: basename(ledgerPath), count: records.length, last_hash: last?.hash ?? "", last_period: last?.period ?? null })}\n`;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The head beside a ledger: undefined when there is none, or an issue when it cannot be read as a head. */
export async function readHead(ledgerPath: string, shown: string): Promise<{ ok: true; head?: LedgerHead } | { ok: false; issue: Issue }> {
  // Read only as a small regular file: a FIFO or device put there must not hang a close.
  const read = await readSmallFile(headPathFor(ledgerPath), 4096);
  if (!read.ok && read.code === "ENOENT") return { ok: true };
  const text = read.ok ? read.bytes.toString("utf8") : "";
  try {
    const v = JSON.parse(text) as Partial<LedgerHead>;
    if (Number.isSafeInteger(v.count) && v.count! >= 0 && typeof v.last_hash === "string" && (v.count === 0 || HEX64.test(v.last_hash))) {
      return { ok: true, head: { count: v.count!, last_hash: v.last_hash, last_period: typeof v.last_period === "string" ? v.last_period : null } };
    }
  } catch {
    // falls through: not a head
  }
  return {
    ok: false,
    issue: error("ledger-head-unreadable", "the ledger's head file is damaged", {
      source: { file: `${shown}.head`, line: 1 },
      hint: "restore the ledger and its .head file together from a backup; the head holds the number of records and the last record's hash",
    }),
  };
}

const LOSS_HINT =
  "records were removed from the end of the ledger; restore it from a backup (with its .head file). Closing again now would bill the removed periods a second time.";

/** How a head that is accepted lags the ledger: behind an append, or naming the record an interrupted reopen replaced. */
export type HeadLag = "behind" | "reopen";

/** The warning for a lagging head: the records verify; the next close (or the interrupted command run again) renews it. */
function lagWarning(records: readonly LedgerRecord[], head: LedgerHead, shown: string, lag: HeadLag): Issue {
  const last = records[records.length - 1]!;
  const what =
    lag === "behind"
      ? `the ledger's head names record ${head.count}${head.last_period ? ` (${head.last_period})` : ""}, but the ledger holds ${records.length} records: a close (or an undo) was interrupted between writing the ledger and its head`
      : `the ledger's head names the record of ${last.period} that a --reopen replaced (it is in the archive): the reopen was interrupted between writing the ledger and its head`;
  return warning("ledger-head-lags", what, {
    source: { file: `${shown}.head` },
    hint: `the records verify and nothing is lost; the next close renews the head (\`menerva close ${last.period}\` reproduces the last close and renews it)${lag === "behind" ? "; if an undo was interrupted, run `menerva ledger undo` again instead" : ""}`,
  });
}

/**
 * Compare the records with the head. Returns problems (exit 3) and warnings,
 * and how an accepted head lags the ledger (`lag`), so a close can renew it.
 * `archivedLast` is the last record of the reopen archive, if any.
 */
export function checkHead(
  records: readonly LedgerRecord[],
  head: LedgerHead | undefined,
  shown: string,
  archivedLast?: Pick<LedgerRecord, "seq" | "hash">,
): { problems: Issue[]; warnings: Issue[]; lag?: HeadLag } {
  const at = { file: shown };
  if (head === undefined) {
    if (records.length === 0) return { problems: [], warnings: [] };
    return {
      problems: [],
      warnings: [
        warning("ledger-no-head", `no head file beside the ledger (${basename(shown)}.head): a deleted last record could not be noticed`, {
          source: at,
          hint: "the next close writes it; if this ledger was copied, copy its .head file with it",
        }),
      ],
    };
  }
  if (records.length < head.count) {
    const missing = head.count - records.length;
    return {
      problems: [
        error(
          "ledger-shorter-than-head",
          `the ledger has ${records.length} ${records.length === 1 ? "record" : "records"} but its head says ${head.count}${head.last_period ? ` (the last one closing ${head.last_period})` : ""}: ${missing === 1 ? "the last record was" : `the last ${missing} records were`} removed`,
          { source: { file: shown, line: records.length + 1 }, hint: LOSS_HINT },
        ),
      ],
      warnings: [],
    };
  }
  if (head.count === 0) {
    return records.length === 0 ? { problems: [], warnings: [] } : { problems: [], warnings: [lagWarning(records, head, shown, "behind")], lag: "behind" };
  }
  const named = records[head.count - 1]!;
  if (named.hash === head.last_hash) {
    return records.length === head.count ? { problems: [], warnings: [] } : { problems: [], warnings: [lagWarning(records, head, shown, "behind")], lag: "behind" };
  }
  if (archivedLast && archivedLast.hash === head.last_hash && archivedLast.seq === head.count) {
    return { problems: [], warnings: [lagWarning(records, head, shown, "reopen")], lag: "reopen" };
  }
  return {
    problems: [
      error("ledger-head-mismatch", `record ${head.count} (${named.period}) is not the record the ledger's head names: a record was replaced or the ledger was restored without its head`, {
        source: { file: shown, line: head.count },
        hint: "restore the ledger and its .head file together from a backup",
      }),
    ],
    warnings: [],
  };
}
