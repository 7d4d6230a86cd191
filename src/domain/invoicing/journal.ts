// The sales journal: one balanced booking per document on Belgian
// chart-of-accounts numbers. Pure.
// An invoice debits the receivable with its total and credits revenue (one
// entry per line kind: hourly fees, benefit share; corrections are booked on
// the revenue of their kind) and VAT payable. A credit note books the same
// the other way round. A revenue entry whose lines net to a debit is written
// as a debit; revenue and VAT entries of zero are left out, the receivable
// entry is always there.
import { sum, ZERO, type Dec } from "../money.js";
import type { DocumentKind, EDocument } from "./document.js";
import type { JournalAccounts } from "./types.js";

export type JournalEntryKind = "receivable" | "revenue_hours" | "revenue_benefits" | "vat";

export type JournalEntry = {
  readonly document: string;
  readonly documentKind: DocumentKind;
  readonly date: string;
  readonly dueDate: string;
  readonly entry: JournalEntryKind;
  readonly account: string;
  readonly debit: Dec;
  readonly credit: Dec;
  readonly necPartner: string;
  readonly buyerName: string;
  readonly buyerVat: string;
  readonly paymentReference: string;
};

/** The entries of one document, receivable first. */
export function bookDocument(doc: EDocument, accounts: JournalAccounts): JournalEntry[] {
  // Amounts as the business sees them: an invoice adds revenue, a credit note takes it back.
  const sign = (x: Dec): Dec => (doc.kind === "invoice" ? x : x.neg());
  const base = {
    document: doc.number,
    documentKind: doc.kind,
    date: doc.issueDate,
    dueDate: doc.dueDate,
    necPartner: doc.necPartner,
    buyerName: doc.buyer.name,
    buyerVat: doc.buyer.vatId,
    paymentReference: doc.payment.reference,
  };
  /** An entry whose natural side is `side`; a negative amount moves to the other side. */
  const entry = (entry: JournalEntryKind, account: string, amount: Dec, side: "debit" | "credit"): JournalEntry => {
    const onSide = amount.isNegative() ? (side === "debit" ? "credit" : "debit") : side;
    const abs = amount.abs();
    return { ...base, entry, account, debit: onSide === "debit" ? abs : ZERO, credit: onSide === "credit" ? abs : ZERO };
  };
  const out = [entry("receivable", accounts.receivable, sign(doc.totals.payable), "debit")];
  for (const kind of ["hours", "benefits"] as const) {
    const mine = doc.lines.filter((l) => l.kind === kind);
    const net = sign(sum(mine.map((l) => l.amount)));
    if (!net.isZero()) out.push(entry(kind === "hours" ? "revenue_hours" : "revenue_benefits", accounts.revenue[kind], net, "credit"));
  }
  const vat = sign(doc.totals.vat);
  if (!vat.isZero()) out.push(entry("vat", accounts.vat, vat, "credit"));
  return out;
}

/** The journal of several documents, in the order given. */
export const salesJournal = (docs: readonly EDocument[], accounts: JournalAccounts): JournalEntry[] => docs.flatMap((d) => bookDocument(d, accounts));
