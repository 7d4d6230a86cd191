// Use case: `menerva ledger undo` (issue 11). Remove the last close from the
// ledger: its record is appended to the archive beside the ledger first (the
// same mechanism as `close --reopen`), so nothing is lost; repeated, it walks
// back one close at a time.
//
// A close that issued numbered documents (issue 12) is only undone with
// `--credit`: every current document of it is reversed by a new document
// (a credit note for an invoice), written to an output folder with its sales
// journal; the record goes to the archive with its documents marked reversed
// and the reversals added (`undone_credited`). Those numbers stay used: the
// numbering reads them from the archive, and the next close carries them
// back into the ledger.
import { join, resolve } from "node:path";
import type { OutputFile } from "../adapters/atomic-write.js";
import { writeOutputSet } from "../adapters/output-folder.js";
import { outputFolderProblem } from "../adapters/output-target.js";
import { loadConfig } from "../adapters/config-file.js";
import { issueDateFor, planReversals } from "../domain/invoicing/issue-plan.js";
import { parseDocumentNumber } from "../domain/invoicing/numbering.js";
import { error, t, warning, type Issue } from "../domain/issues.js";
import { interruptedUndo, pendingDocuments, readArchive } from "../ledger/archive.js";
import { documentsOf, issuedFromJson } from "../ledger/issued-json.js";
import { archivePathFor, displayPath, dropArchivedLastRecord, lastRecord, readLedger, removeLastRecord } from "../ledger/ledger-file.js";
import { acquireLock } from "../ledger/lock.js";
import { sealRecord, type LedgerRecord } from "../ledger/record.js";
import { documentFiles, renderDocuments, reportDocument, type RenderedDoc } from "./close-documents.js";
import { documentJson } from "../report/close-summary.js";
import { issuedRefusal } from "./close-run.js";

export type CreditOptions = {
  /** The config: its invoicing block (number prefix, journal accounts) and output folder. */
  readonly configPath: string;
  readonly invoiceDate?: string;
  /** Where the credit notes go (default: the config's output folder, `<period>-undo`). */
  readonly out?: string;
};

export type UndoResult =
  | { readonly ok: true; readonly value: UndoOutcome; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly exit: 2 | 3; readonly issues: readonly Issue[] };

const refused = (issues: readonly Issue[]): UndoResult => ({ ok: false, exit: 3, issues });
const done = (value: UndoOutcome): UndoResult => ({ ok: true, value, warnings: [] });

export type UndoOutcome = {
  readonly removed: LedgerRecord;
  readonly archive: string;
  readonly now: LedgerRecord | undefined;
  readonly notices: readonly Issue[];
  /** With --credit: the reversals issued and the folder they were written to. */
  readonly credited?: { readonly docs: readonly RenderedDoc[]; readonly outDir: string };
};

/**
 * Undo the last close. `expected`, when given, must be the last closed
 * period (a guard for scripts). Refusals are ledger refusals (exit 3).
 */
export async function undoLastClose(ledgerPath: string, expected?: string, credit?: CreditOptions): Promise<UndoResult> {
  // the documents come from the ledger record: the exports may be gone by now
  const config = credit ? await loadConfig(credit.configPath, { inputs: false }) : undefined;
  if (config && !config.ok) return { ok: false, exit: 2, issues: config.issues };
  const lock = await acquireLock(ledgerPath);
  if (!lock.ok) return refused(lock.issues);
  try {
    const state = await readLedger(ledgerPath);
    if (!state.ok) return refused(state.issues);
    const last = lastRecord(state.value);
    const source = { file: displayPath(ledgerPath) };
    if (!last) return refused([error("ledger-empty.undo", {}, { source })]);
    if (expected !== undefined && expected !== last.period) {
      return refused([error("undo-not-last", { period: expected, last: last.period }, { source, hint: t("undo-not-last.hint") })]);
    }
    const archive = archivePathFor(ledgerPath);
    const issued = last.issued ?? [];
    const now = state.value.records[state.value.records.length - 2];
    if (issued.length === 0) {
      const removed = await removeLastRecord(ledgerPath, archive);
      return done({ removed, archive, now, notices: lock.warnings });
    }
    if (!credit || !config?.ok) return refused([issuedRefusal(last.period, issued.map((d) => d.number), ledgerPath)]);

    // Number the reversals after every document the ledger and the archive hold.
    const archived = await readArchive(archive);
    if (!archived.ok) return refused(archived.issues);
    // An earlier undo --credit of this close was killed after archiving it: its credit notes are issued; finish it.
    const begun = interruptedUndo(archived.value, last);
    if (begun) {
      const reversals = (begun.issued ?? []).filter((d) => !issued.some((x) => x.number === d.number));
      const shown = await renderDocuments(reversals.map((d) => ({ doc: issuedFromJson(d), status: "carried" as const })), new Map(reversals.map((d) => [d.number, d])), true);
      const removed = await dropArchivedLastRecord(ledgerPath, last);
      const outDir = resolve(credit.out ?? join(config.value.output, `${last.period}-undo`));
      const notice = warning("undo-finished", { period: last.period, notes: reversals.map((d) => d.number).join(", ") }, {
        source: { file: displayPath(archive) },
      });
      return done({ removed, archive, now, notices: [...lock.warnings, notice], credited: { docs: shown.docs, outDir } });
    }
    const others = [...documentsOf(state.value.records.slice(0, -1)), ...pendingDocuments(archived.value, state.value.records)].map((d) => ({ number: d.number, issueDate: d.issue_date }));
    const docs = issued.map(issuedFromJson);
    const date = issueDateFor(last.to, credit.invoiceDate, [...others, ...docs]);
    if (!date.ok) return { ok: false, exit: 2, issues: date.issues };
    const prefix = config.value.invoicing?.prefix ?? parseDocumentNumber(issued[issued.length - 1]!.number)?.prefix ?? "";
    const planned = planReversals(docs, others, date.value.date, prefix);
    if (!planned.ok) return { ok: false, exit: 2, issues: planned.issues.map((i) => ({ ...i, subject: "--invoice-date" })) };
    const fresh = planned.value.filter((p) => p.status === "new");
    const rendered = await renderDocuments(fresh, new Map());
    const held = new Map(issued.map((d) => [d.number, d]));
    const entries = planned.value.map((p) => {
      if (p.status === "new") return rendered.docs.find((r) => r.doc.number === p.doc.number)!.json;
      const old = held.get(p.doc.number)!;
      return p.doc.reversedBy !== undefined ? { ...old, reversed_by: p.doc.reversedBy } : old;
    });
    const { hash: _h, prev_hash: _p, seq: _s, ...body } = last;
    // `undone_record`: the record as the ledger held it, which the period's output folder still names
    const undone = sealRecord({ ...body, issued: entries, undone_credited: true, undone_record: last.hash } as Omit<LedgerRecord, "hash" | "prev_hash" | "seq">, now);

    // The credit notes first (one output set, like a close's), then the ledger: a crash in between leaves the files and the close; the same undo again gives the same files.
    const outDir = resolve(credit.out ?? join(config.value.output, `${last.period}-undo`));
    const unwritable = await outputFolderProblem(outDir, credit.out !== undefined ? "--out" : "output", credit.out ?? displayPath(outDir));
    if (unwritable) return { ok: false, exit: 2, issues: [unwritable] };
    const accounts = config.value.invoicing?.accounts ?? { receivable: "400000", revenue: { hours: "700000", benefits: "700000" }, vat: "451000" };
    const files: OutputFile[] = documentFiles(rendered.docs, outDir, accounts, config.value.model.language);
    const summary = { undone: last.period, ledger_record: last.hash, archived_record: undone.hash, invoice_date: date.value.date, documents: rendered.docs.map((d) => documentJson(reportDocument(d))) };
    files.push({ path: join(outDir, "summary.json"), data: `${JSON.stringify(summary, null, 2)}\n` });
    await writeOutputSet(outDir, files);
    const removed = await removeLastRecord(ledgerPath, archive, () => undone);
    return done({ removed, archive, now, notices: [...lock.warnings, ...rendered.warnings], credited: { docs: rendered.docs, outDir } });
  } finally {
    await lock.value.release();
  }
}
