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
import { error, t, warning, type Issue } from "../domain/issues.js";
import { canonicalJson } from "./canonical-json.js";
import type { LedgerRecord } from "./record.js";

export type LedgerHead = {
  readonly count: number;
  readonly last_hash: string;
  readonly last_period: string | null;
  /**
   * How many document numbers the ledger and its archive held (absent: none,
   * or a head written before it was counted). It never goes down — an issued
   * number stays used — so fewer means records holding documents were lost,
   * most likely the archive of a close undone with credit notes, whose
   * numbers a close would then issue a second time.
   */
  readonly documents?: number;
};

export const headPathFor = (ledgerPath: string): string => `${ledgerPath}.head`;

/** The head's text for a ledger holding `records`, which with its archive holds `documents` document numbers. */
export function headText(ledgerPath: string, records: readonly LedgerRecord[], documents: number): string {
  const last = records[records.length - 1];
  return `${canonicalJson({ ledger: basename(ledgerPath), count: records.length, last_hash: last?.hash ?? "", last_period: last?.period ?? null, ...(documents > 0 ? { documents } : {}) })}\n`;
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
      const documents = Number.isSafeInteger(v.documents) && v.documents! > 0 ? { documents: v.documents! } : {};
      return { ok: true, head: { count: v.count!, last_hash: v.last_hash, last_period: typeof v.last_period === "string" ? v.last_period : null, ...documents } };
    }
  } catch {
    // falls through: not a head
  }
  return {
    ok: false,
    issue: error("ledger-head-unreadable", {}, { source: { file: `${shown}.head`, line: 1 }, hint: t("ledger-head-unreadable.hint") }),
  };
}

const LOSS_HINT = t("ledger-shorter-than-head.hint");

/** How a head that is accepted lags the ledger: behind an append, or naming the record an interrupted reopen replaced. */
export type HeadLag = "behind" | "reopen";

/** The warning for a lagging head: the records verify; the next close (or the interrupted command run again) renews it. */
function lagWarning(records: readonly LedgerRecord[], head: LedgerHead, shown: string, lag: HeadLag): Issue {
  const last = records[records.length - 1]!;
  const source = { file: `${shown}.head` };
  const hint = t("ledger-head-lags.hint", { period: last.period, behind: lag === "behind" });
  return lag === "behind"
    ? warning("ledger-head-lags", { count: head.count, period: head.last_period ?? "", records: records.length }, { source, hint })
    : warning("ledger-head-lags.reopen", { period: last.period }, { source, hint });
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
        warning("ledger-no-head", { head: `${basename(shown)}.head` }, { source: at, hint: t("ledger-no-head.hint") }),
      ],
    };
  }
  if (records.length < head.count) {
    const missing = head.count - records.length;
    return {
      problems: [
        error(
          "ledger-shorter-than-head",
          { records: records.length, count: head.count, lastPeriod: head.last_period ?? "", missing },
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
      error("ledger-head-mismatch", { count: head.count, period: named.period }, { source: { file: shown, line: head.count }, hint: t("ledger-head-mismatch.hint") }),
    ],
    warnings: [],
  };
}
