// The documents of a close (issue 12): which ones it issues and keeps (the
// pure plan, src/domain/invoicing/issue-plan.ts), rendered once to UBL with
// the PDF copy inside, hashed for the ledger, and booked in the sales journal.
// The files are written by the caller, with the rest of the close's outputs.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { renderJournalCsv } from "../adapters/journal/sales-journal-csv.js";
import type { EDocument } from "../domain/invoicing/document.js";
import { toEDocument, type IssuedDoc } from "../domain/invoicing/issued.js";
import { issueDateFor, planDocuments, type PlannedDoc } from "../domain/invoicing/issue-plan.js";
import { salesJournal } from "../domain/invoicing/journal.js";
import { fileStemOf } from "../domain/invoicing/numbering.js";
import type { BillingInput, InvoicingConfig, JournalAccounts, PeriodRef } from "../domain/invoicing/types.js";
import { error, ok, t, warning, type Issue } from "../domain/issues.js";
import type { OutputFile } from "../adapters/atomic-write.js";
import { pendingDocuments, readArchive } from "../ledger/archive.js";
import { documentsOf, issuedFromJson, issuedJson, type IssuedDocumentJson } from "../ledger/issued-json.js";
import { archivePathFor, displayPath } from "../ledger/ledger-file.js";
import type { LedgerRecord } from "../ledger/record.js";
import type { DocumentsInfo, ReportDocument } from "../report/close-report.js";
import type { CsvStyle } from "../report/csv-text.js";

/** Where a close keeps its documents, relative to its output folder. */
export const INVOICES_DIR = "invoices";
export const JOURNAL_FILE = "journal.csv";

/** `invoices/MEN2025-0001.xml` (a "/" of the number becomes "-"). */
export const documentPath = (number: string, ext: "xml" | "pdf"): string => `${INVOICES_DIR}/${fileStemOf(number)}.${ext}`;

export type RenderedDoc = {
  readonly doc: IssuedDoc;
  readonly status: PlannedDoc["status"];
  readonly edoc: EDocument;
  readonly xml: string;
  readonly pdf: Buffer;
  readonly xmlSha256: string;
  /** The ledger entry: as the ledger held it for a carried document (only a new `reversed_by`), else new. */
  readonly json: IssuedDocumentJson;
};

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

// The PDF and UBL writers, the heaviest modules of a close: loaded for a close that issues documents, not for
// one without invoicing.
let writers: Promise<[typeof import("../adapters/pdf/invoice-pdf.js"), typeof import("../adapters/ubl/ubl-document.js")]> | undefined;
export const documentWriters = () => (writers ??= Promise.all([import("../adapters/pdf/invoice-pdf.js"), import("../adapters/ubl/ubl-document.js")]));

/**
 * Render every planned document. A carried document keeps its ledger entry
 * (the XML hash as issued); when it no longer renders to those bytes (another
 * menerva or PDF library), a warning says so and the file written is the new
 * rendering of the same content.
 */
export async function renderDocuments(
  planned: readonly PlannedDoc[],
  held: ReadonlyMap<string, IssuedDocumentJson>,
  reproducing = false,
): Promise<{ docs: RenderedDoc[]; warnings: Issue[] }> {
  const docs: RenderedDoc[] = [];
  const warnings: Issue[] = [];
  const [{ renderInvoicePdf }, { renderUbl }] = await documentWriters();
  for (const p of planned) {
    const edoc = toEDocument(p.doc);
    const pdf = await renderInvoicePdf(edoc, p.doc.language);
    const xml = renderUbl(edoc, { language: p.doc.language, pdf });
    const xmlSha256 = sha256(xml);
    const old = p.status === "carried" ? held.get(p.doc.number) : undefined;
    if (p.status === "carried" && !old) throw new Error(`renderDocuments: carried document ${p.doc.number} has no ledger entry`);
    // A document kept from another record is marked so (the same close again keeps its entries as they are).
    const json: IssuedDocumentJson = old
      ? reproducing
        ? old
        : { ...old, carried_over: true, ...(p.doc.reversedBy !== undefined ? { reversed_by: p.doc.reversedBy } : {}) }
      : issuedJson(p.doc, xmlSha256);
    if (old && old.xml_sha256 !== xmlSha256) {
      warnings.push(
        warning("document-renders-differently", { number: p.doc.number }, {
          found: `${xmlSha256.slice(0, 12)} ≠ ${old.xml_sha256.slice(0, 12)}`,
          hint: t("document-renders-differently.hint"),
        }),
      );
    }
    docs.push({ doc: p.doc, status: p.status, edoc, xml, pdf, xmlSha256, json });
  }
  return { docs, warnings };
}

/** A rendered document as the summaries show it. */
export function reportDocument(d: RenderedDoc): ReportDocument {
  return {
    number: d.doc.number,
    kind: d.doc.kind,
    necPartner: d.doc.necPartner,
    issueDate: d.doc.issueDate,
    dueDate: d.doc.dueDate,
    reference: d.doc.reference,
    payable: d.edoc.totals.payable,
    status: d.json.carried_over === true ? "kept" : "new",
    ...(d.doc.reverses ? { reverses: d.doc.reverses.number } : {}),
    ...(d.doc.reversedBy !== undefined ? { reversedBy: d.doc.reversedBy } : {}),
    xml: documentPath(d.doc.number, "xml"),
    pdf: documentPath(d.doc.number, "pdf"),
  };
}

/** The files of the documents: invoices/NUMBER.xml and .pdf, and journal.csv. */
export function documentFiles(docs: readonly RenderedDoc[], outDir: string, accounts: JournalAccounts, language: "nl" | "en", csvStyle: CsvStyle = "plain"): OutputFile[] {
  const files: OutputFile[] = [];
  for (const d of docs) {
    files.push({ path: join(outDir, documentPath(d.doc.number, "xml")), data: d.xml });
    files.push({ path: join(outDir, documentPath(d.doc.number, "pdf")), data: d.pdf });
  }
  files.push({ path: join(outDir, JOURNAL_FILE), data: renderJournalCsv(salesJournal(docs.map((d) => d.edoc), accounts), language, csvStyle) });
  return files;
}

export type CloseDocumentsInput = {
  readonly invoicing: InvoicingConfig | undefined;
  readonly ledgerPath: string;
  /** new: a period not closed yet; reopen: redo the last close; reclose: the same close again. */
  readonly mode: "new" | "reopen" | "reclose";
  /** The ledger's records before this close. */
  readonly base: readonly LedgerRecord[];
  /** The record this close redoes (reopen) or reproduces (reclose). */
  readonly previous: LedgerRecord | undefined;
  /** Every record of the ledger now (for documents of undone closes that no record holds). */
  readonly live: readonly LedgerRecord[];
  readonly invoices: readonly BillingInput[];
  readonly period: PeriodRef;
  /** --invoice-date. */
  readonly askedDate: string | undefined;
  readonly projectName: string;
  readonly language: "nl" | "en";
};

export type CloseDocuments = {
  readonly docs: readonly RenderedDoc[];
  readonly info: DocumentsInfo;
  /** What the ledger record keeps. */
  readonly record: Pick<LedgerRecord, "issued" | "invoicing">;
  readonly warnings: readonly Issue[];
};

type Refusal = { readonly ok: false; readonly exit: 2 | 3; readonly issues: readonly Issue[] };

/** Plan, number and render the documents of a close; nothing is written. */
export async function closeDocuments(input: CloseDocumentsInput): Promise<{ ok: true; value: CloseDocuments } | Refusal> {
  const source = { file: displayPath(input.ledgerPath) };
  const previous = (input.previous?.issued ?? []).map(issuedFromJson);
  const archive = input.mode === "reclose" ? ok([]) : await readArchive(archivePathFor(input.ledgerPath));
  if (!archive.ok) return { ok: false, exit: 3, issues: archive.issues };
  const pending = pendingDocuments(archive.value, input.live);

  if (!input.invoicing) {
    if (input.askedDate !== undefined) {
      return { ok: false, exit: 2, issues: [error("invoice-date-without-invoicing", {}, { subject: "--invoice-date", found: input.askedDate, hint: t("invoice-date-without-invoicing.hint") })] };
    }
    const keep = input.mode === "reopen" ? previous.map((d) => d.number) : [];
    if (keep.length > 0 || pending.length > 0) {
      return {
        ok: false,
        exit: 3,
        issues: [
          error("documents-need-invoicing", { numbers: [...keep, ...pending.map((d) => d.number)].join(", ") }, { source, hint: t("documents-need-invoicing.hint") }),
        ],
      };
    }
    return { ok: true, value: { docs: [], info: { made: false }, record: {}, warnings: [] } };
  }

  const earlierDocs = documentsOf(input.base);
  const others = earlierDocs.map((d) => ({ number: d.number, issueDate: d.issue_date }));
  // What a correction line corrects: the documents standing for that period now (neither reversed nor reversals).
  const earlier = earlierDocs
    .filter((d) => d.reverses === undefined && d.reversed_by === undefined)
    .map((d) => ({ number: d.number, issueDate: d.issue_date, necPartner: d.nec_partner, period: d.billing.period.label }));
  const adopted = pending.map(issuedFromJson);
  const warnings: Issue[] = [];
  let invoiceDate: string;
  const closedWith = input.mode === "reclose" ? input.previous?.invoicing?.invoice_date : undefined;
  if (closedWith !== undefined) {
    if (input.askedDate !== undefined && input.askedDate !== closedWith) {
      return {
        ok: false,
        exit: 3,
        issues: [
          error("reclose-invoice-date", { period: input.period.label, date: closedWith }, {
            source,
            found: input.askedDate,
            hint: t("reclose-invoice-date.hint", { period: input.period.label }),
          }),
        ],
      };
    }
    invoiceDate = closedWith;
  } else {
    const date = issueDateFor(input.period.to, input.askedDate, [...others, ...previous, ...adopted]);
    if (!date.ok) return { ok: false, exit: 2, issues: date.issues };
    invoiceDate = date.value.date;
    if (date.value.movedFrom !== undefined) {
      warnings.push(
        warning("invoice-date-moved", { date: date.value.date, movedFrom: date.value.movedFrom, after: date.value.after ?? "" }, { hint: t("invoice-date-moved.hint") }),
      );
    }
  }
  const plan = planDocuments({
    previous,
    adopted,
    others,
    invoices: input.invoices,
    issueDate: invoiceDate,
    invoicing: input.invoicing,
    projectName: input.projectName,
    language: input.language,
    earlier,
  });
  if (!plan.ok) return { ok: false, exit: 2, issues: plan.issues.map((i) => (i.code === "issue-date-before-last" ? { ...i, subject: "--invoice-date" } : i)) };
  if (input.mode === "reclose" && plan.value.docs.some((d) => d.status === "new")) {
    return {
      ok: false,
      exit: 3,
      issues: [
        error("reclose-documents-changed", { period: input.period.label, numbers: plan.value.reversed.join(", ") }, {
          source,
          hint: t("reclose-documents-changed.hint", { period: input.period.label }),
        }),
      ],
    };
  }
  const held = new Map([...(input.previous?.issued ?? []), ...pending].map((d) => [d.number, d]));
  const rendered = await renderDocuments(plan.value.docs, held, input.mode === "reclose");
  warnings.push(...rendered.warnings);
  const docs = rendered.docs;
  const info: DocumentsInfo = {
    made: true,
    invoiceDate,
    journal: JOURNAL_FILE,
    docs: docs.map(reportDocument),
  };
  return { ok: true, value: { docs, info, record: { issued: docs.map((d) => d.json), invoicing: { invoice_date: invoiceDate } }, warnings } };
}
