// Use case: `menerva ledger undo` (issue 11). Remove the last close from the
// ledger: its record is appended to the archive beside the ledger first (the
// same mechanism as `close --reopen`), so nothing is lost; repeated, it walks
// back one close at a time. A close that issued numbered documents (issue 12)
// is refused: sent invoices are corrected by credit notes, never erased.
import { error, fail, ok, t, type Issue, type Result } from "../domain/issues.js";
import { archivePathFor, displayPath, lastRecord, readLedger, removeLastRecord } from "../ledger/ledger-file.js";
import { acquireLock } from "../ledger/lock.js";
import type { LedgerRecord } from "../ledger/record.js";
import { issuedRefusal } from "./close-run.js";

export type UndoOutcome = { readonly removed: LedgerRecord; readonly archive: string; readonly now: LedgerRecord | undefined; readonly notices: readonly Issue[] };

/**
 * Undo the last close. `expected`, when given, must be the last closed
 * period (a guard for scripts). Refusals are ledger refusals (exit 3).
 */
export async function undoLastClose(ledgerPath: string, expected?: string): Promise<Result<UndoOutcome>> {
  const lock = await acquireLock(ledgerPath);
  if (!lock.ok) return fail(lock.issues);
  try {
    const state = await readLedger(ledgerPath);
    if (!state.ok) return fail(state.issues);
    const last = lastRecord(state.value);
    const source = { file: displayPath(ledgerPath) };
    if (!last) return fail([error("ledger-empty.undo", {}, { source })]);
    if (expected !== undefined && expected !== last.period) {
      return fail([error("undo-not-last", { period: expected, last: last.period }, { source, hint: t("undo-not-last.hint") })]);
    }
    // Issue 12 hook: a close that issued numbered invoices can only be undone by issuing credit notes for them.
    if ((last.issued?.length ?? 0) > 0) return fail([issuedRefusal(last.period, last.issued!.map((d) => d.number), ledgerPath, "undo")]);
    const archive = archivePathFor(ledgerPath);
    const removed = await removeLastRecord(ledgerPath, archive);
    return ok({ removed, archive, now: state.value.records[state.value.records.length - 2], notices: lock.warnings });
  } finally {
    await lock.value.release();
  }
}
