// A document once it has a number: what the ledger keeps of it, enough to
// render it again byte for byte (its figures and the parties as they were on
// the day it was issued) and to reverse it later. Pure.
//
// The documents of a close are its record's `issued` list. A close issues one
// document per invoice; a reopen that changes an invoice reverses the earlier
// document (`reverses`) and issues a new one; the earlier one stays in the
// list, marked `reversedBy`. The current document of an NEC partner is the
// one that neither reverses nor is reversed.
import { buildDocument, type DocumentKind, type DocumentRef, type EDocument } from "./document.js";
import { parseDocumentNumber } from "./numbering.js";
import type { BillingInput, Buyer, Seller } from "./types.js";

export type DocumentLanguage = "nl" | "en";

export type IssuedDoc = {
  readonly number: string;
  readonly kind: DocumentKind;
  readonly necPartner: string;
  readonly issueDate: string;
  readonly dueDate: string;
  /** "+++ddd/dddd/ddddd+++". */
  readonly reference: string;
  readonly language: DocumentLanguage;
  readonly paymentDays: number;
  /** The parties as the document names them; `buyer.reference` is the buyer reference it carries (BT-10). */
  readonly seller: Seller;
  readonly buyer: Buyer & { readonly reference: string };
  /** The figures in the close's signs (a reversal: the reversed document's figures negated). */
  readonly billing: BillingInput;
  /** The earlier document this one reverses in full. */
  readonly reverses?: DocumentRef;
  /**
   * The earlier documents to the same buyer for the periods its correction
   * lines correct (billing references besides `reverses`), in number order.
   */
  readonly corrects?: readonly DocumentRef[];
  /** The later document that reversed this one. */
  readonly reversedBy?: string;
};

/** The billing references of a document: the one it reverses, then those its correction lines correct. */
export const billingReferencesOf = (d: IssuedDoc): DocumentRef[] => [...(d.reverses ? [d.reverses] : []), ...(d.corrects ?? [])];

/** The document a number stands for, as the writers take it. */
export function toEDocument(d: IssuedDoc): EDocument {
  const parsed = parseDocumentNumber(d.number);
  if (!parsed) throw new Error(`toEDocument: unreadable number ${d.number}`);
  const built = buildDocument(d.billing, {
    invoicing: {
      seller: d.seller,
      buyers: { [d.necPartner]: d.buyer },
      paymentDays: d.paymentDays,
      prefix: parsed.prefix,
      accounts: { receivable: "", revenue: { hours: "", benefits: "" }, vat: "" },
    },
    number: { text: d.number, year: parsed.year, sequence: parsed.sequence, reference: d.reference, issueDate: d.issueDate },
    projectName: d.buyer.reference,
    kind: d.kind,
    billingReferences: billingReferencesOf(d),
  });
  if (!built.ok) throw new Error(`toEDocument: ${built.issues.map((i) => i.message).join("; ")}`);
  if (built.value.dueDate !== d.dueDate) throw new Error(`toEDocument: ${d.number} due ${d.dueDate}, but ${d.issueDate} + ${d.paymentDays} days is ${built.value.dueDate}`);
  return built.value;
}

/** Is this a document that stands for a close's invoice now (neither a reversal nor reversed)? */
export const isCurrent = (d: IssuedDoc): boolean => d.reverses === undefined && d.reversedBy === undefined;

/** A text key of a billing input's figures: two inputs bill the same exactly when their keys are equal. */
export function billingKey(b: BillingInput): string {
  const lines = b.lines.map((l) =>
    l.kind === "hours"
      ? ["h", l.hours.toFixed(), l.rate.toFixed(), l.amount.toFixed(), l.corrects ?? ""]
      : ["b", l.types.join("+"), l.share.toFixed(), l.benefits.toFixed(), l.amount.toFixed(), l.corrects ?? ""],
  );
  return JSON.stringify([b.necPartner, b.period.label, b.period.from, b.period.to, lines, b.subtotal.toFixed(), b.vatRate.toFixed(), b.vat.toFixed(), b.total.toFixed()]);
}

/** Year and sequence of a number, for sorting documents in number order. */
export function numberOrder(a: { number: string }, b: { number: string }): number {
  const x = parseDocumentNumber(a.number);
  const y = parseDocumentNumber(b.number);
  if (!x || !y) return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  return x.year - y.year || x.sequence - y.sequence;
}
