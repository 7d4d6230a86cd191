// Sales journal -> journal.csv (RFC 4180 via csv-stringify, LF, UTF-8 without BOM),
// one row per journal entry, ready to import in accounting software.
// Columns (English snake_case, like the close's other CSVs):
//   document, document_type (invoice | credit_note), date (issue date),
//   due_date, entry (receivable | revenue_hours | revenue_benefits | vat),
//   account, debit, credit (two decimals, the other side 0.00),
//   nec_partner, buyer, buyer_vat, description, payment_reference.
import { stringify } from "csv-stringify/sync";
import type { JournalEntry } from "../../domain/invoicing/journal.js";
import { fmtMoney } from "../../domain/money.js";
import { label, type EinvoiceLabel, type Lang } from "../../report/einvoice-labels.js";

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

export function renderJournalCsv(entries: readonly JournalEntry[], lang: Lang): string {
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
  return stringify([[...JOURNAL_HEADER], ...rows], { record_delimiter: "\n" });
}
