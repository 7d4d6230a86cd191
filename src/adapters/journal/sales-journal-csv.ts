// Sales journal -> journal.csv through the one CSV writer (csv-text.ts: RFC
// 4180, formula-like text neutralised; plain: `,`, LF, no BOM; excel-be: `;`,
// decimal comma, CRLF, BOM), one row per journal entry, ready to import in
// accounting software.
// Columns (English snake_case, like the close's other CSVs):
//   document, document_type (invoice | credit_note), date (issue date),
//   due_date, entry (receivable | revenue_hours | revenue_benefits | vat),
//   account, debit, credit (two decimals, the other side 0.00),
//   nec_partner, buyer, buyer_vat, description, payment_reference.
import type { JournalEntry } from "../../domain/invoicing/journal.js";
import { fmtMoney } from "../../domain/money.js";
import { label, type EinvoiceLabel, type Lang } from "../../report/einvoice-labels.js";
import { toCsv, type CsvStyle } from "../../report/csv-text.js";

export const JOURNAL_HEADER = [
  "document",
  "document_type",
  "date",
  "due_date",
  "entry",
  "account",
  "debit",
  "credit",
  "nec_partner",
  "buyer",
  "buyer_vat",
  "description",
  "payment_reference",
] as const;

const ENTRY_LABEL: Readonly<Record<JournalEntry["entry"], EinvoiceLabel>> = {
  receivable: "receivable",
  revenue_hours: "revenueHours",
  revenue_benefits: "revenueBenefits",
  vat: "vatPayable",
};

/** Columns that hold names, numbers-as-ids and dates: never given a decimal comma. */
const TEXT_COLUMNS = new Set(JOURNAL_HEADER.map((h, i) => (h === "debit" || h === "credit" ? -1 : i)).filter((i) => i >= 0));

/** The structured reference: menerva's own text, kept verbatim for the import (csv-text.ts). */
const REFERENCE_COLUMN = new Set([JOURNAL_HEADER.indexOf("payment_reference")]);

export function renderJournalCsv(entries: readonly JournalEntry[], lang: Lang, style: CsvStyle = "plain"): string {
  const rows = entries.map((e) => [
    e.document,
    e.documentKind,
    e.date,
    e.dueDate,
    e.entry,
    e.account,
    fmtMoney(e.debit),
    fmtMoney(e.credit),
    e.necPartner,
    e.buyerName,
    e.buyerVat,
    `${label(e.documentKind === "invoice" ? "invoice" : "creditNote", lang)} ${e.document}: ${label(ENTRY_LABEL[e.entry], lang)}`,
    e.paymentReference,
  ]);
  return toCsv([[...JOURNAL_HEADER], ...rows], style, TEXT_COLUMNS, REFERENCE_COLUMN);
}
