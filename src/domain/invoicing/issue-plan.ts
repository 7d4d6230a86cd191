// Which documents a close issues, and their numbers. Pure.
//
// A new close issues one document per invoice. A close that redoes a period
// whose documents were issued (a reopen, or the same close again) never
// changes or reuses them: an NEC partner whose invoice is the same keeps its
// document; one whose invoice changed gets a reversal of its document (a
// credit note for an invoice, an invoice for a credit note; billing reference
// to it) and a new document with a new number; a partner without an invoice
// any more gets the reversal only. Numbers continue the series of the issue
// date's year: reversals first, in the order of the documents they reverse,
// then the new documents in the close's invoice order.
import { error, fail, ok, t, type Result } from "../issues.js";
import { missingBuyers } from "./buyers.js";
import { dayAfter, dueDate } from "./dates.js";
import { reverseInput, type DocumentKind, type DocumentRef } from "./document.js";
import { billingKey, isCurrent, numberOrder, type DocumentLanguage, type IssuedDoc } from "./issued.js";
import { assignNumbers, type DocumentNumber } from "./numbering.js";
import type { BillingInput, InvoicingConfig } from "./types.js";

export type PlannedDoc = {
  readonly doc: IssuedDoc;
  /** new: numbered by this close; carried: issued before, kept as it was (a reversal may mark it reversed). */
  readonly status: "new" | "carried";
};

export type IssuePlanInput = {
  /** The documents of the close this one redoes (reopen, or the same close again); [] for a new period. */
  readonly previous: readonly IssuedDoc[];
  /** Documents of undone closes that no record holds any more: carried into this one as they are. */
  readonly adopted?: readonly IssuedDoc[];
  /** The documents of the ledger's other records: the series to continue. */
  readonly others: readonly { readonly number: string; readonly issueDate: string }[];
  /** The close's invoices, in its order. */
  readonly invoices: readonly BillingInput[];
  readonly issueDate: string;
  readonly invoicing: InvoicingConfig;
  /** The buyer reference when a buyer has none. */
  readonly projectName: string;
  readonly language: DocumentLanguage;
  /** Earlier documents a correction line may correct: a new document names those of its buyer for each period it corrects. */
  readonly earlier?: readonly EarlierDoc[];
};

/** An earlier current document, with the buyer and the period it bills. */
export type EarlierDoc = DocumentRef & { readonly necPartner: string; readonly period: string };

/**
 * The documents a close's invoice corrects: for each period its correction
 * lines correct (in line order), the earlier documents to the same NEC
 * partner for that period, in number order; each once.
 */
export function correctedDocuments(b: BillingInput, earlier: readonly EarlierDoc[]): DocumentRef[] {
  const periods = [...new Set(b.lines.flatMap((l) => (l.corrects !== undefined ? [l.corrects] : [])))];
  const refs: DocumentRef[] = [];
  const seen = new Set<string>();
  for (const p of periods) {
    for (const d of earlier.filter((e) => e.necPartner === b.necPartner && e.period === p).sort(numberOrder)) {
      if (seen.has(d.number)) continue;
      seen.add(d.number);
      refs.push({ number: d.number, issueDate: d.issueDate });
    }
  }
  return refs;
}

export type IssuePlan = {
  /** Every document of the close, in number order. */
  readonly docs: readonly PlannedDoc[];
  /** Numbers of earlier documents this close reverses. */
  readonly reversed: readonly string[];
};

const opposite = (k: DocumentKind): DocumentKind => (k === "invoice" ? "credit_note" : "invoice");

/** The full reversal of `d` under `n`: the same parties and terms, every figure negated, the other kind. */
export function reversalOf(d: IssuedDoc, n: DocumentNumber): IssuedDoc {
  return {
    number: n.text,
    kind: opposite(d.kind),
    necPartner: d.necPartner,
    issueDate: n.issueDate,
    dueDate: dueDate(n.issueDate, d.paymentDays),
    reference: n.reference,
    language: d.language,
    paymentDays: d.paymentDays,
    seller: d.seller,
    buyer: d.buyer,
    billing: reverseInput(d.billing),
    reverses: { number: d.number, issueDate: d.issueDate },
  };
}

function newDocument(b: BillingInput, n: DocumentNumber, input: IssuePlanInput): IssuedDoc {
  const buyer = input.invoicing.buyers[b.necPartner]!;
  const corrects = correctedDocuments(b, input.earlier ?? []);
  return {
    number: n.text,
    kind: b.subtotal.isNegative() && !b.subtotal.isZero() ? "credit_note" : "invoice",
    necPartner: b.necPartner,
    issueDate: n.issueDate,
    dueDate: dueDate(n.issueDate, input.invoicing.paymentDays),
    reference: n.reference,
    language: input.language,
    paymentDays: input.invoicing.paymentDays,
    seller: input.invoicing.seller,
    buyer: { ...buyer, reference: buyer.reference ?? input.projectName },
    billing: b,
    ...(corrects.length > 0 ? { corrects } : {}),
  };
}

/** Every number in use: the other records', the redone close's and the adopted ones, each once. */
function seriesOf(input: IssuePlanInput): { number: string; issueDate: string }[] {
  const seen = new Map<string, { number: string; issueDate: string }>();
  for (const d of [...input.others, ...input.previous, ...(input.adopted ?? [])]) if (!seen.has(d.number)) seen.set(d.number, { number: d.number, issueDate: d.issueDate });
  return [...seen.values()];
}

export function planDocuments(input: IssuePlanInput): Result<IssuePlan> {
  const missing = missingBuyers(input.invoicing, input.invoices.map((b) => b.necPartner));
  if (missing.length > 0) return fail(missing);

  const current = new Map<string, IssuedDoc>();
  for (const d of input.previous.filter(isCurrent)) {
    if (current.has(d.necPartner)) throw new Error(`planDocuments: two current documents for ${d.necPartner} (${current.get(d.necPartner)!.number}, ${d.number})`);
    current.set(d.necPartner, d);
  }
  const toReverse: IssuedDoc[] = [];
  const toIssue: BillingInput[] = [];
  const billed = new Set<string>();
  for (const b of input.invoices) {
    billed.add(b.necPartner);
    const had = current.get(b.necPartner);
    if (had && billingKey(had.billing) === billingKey(b)) continue;
    if (had) toReverse.push(had);
    toIssue.push(b);
  }
  for (const d of current.values()) if (!billed.has(d.necPartner)) toReverse.push(d);
  toReverse.sort(numberOrder);

  const dates = Array.from({ length: toReverse.length + toIssue.length }, () => input.issueDate);
  const numbers = assignNumbers(input.invoicing.prefix, seriesOf(input), dates);
  if (!numbers.ok) return fail(numbers.issues);
  const ns = numbers.value;
  const reversals = toReverse.map((d, i) => reversalOf(d, ns[i]!));
  const fresh = toIssue.map((b, i) => newDocument(b, ns[toReverse.length + i]!, input));
  const reversedBy = new Map(reversals.map((r) => [r.reverses!.number, r.number]));

  const docs: PlannedDoc[] = [
    ...input.previous.map((d): PlannedDoc => {
      const by = reversedBy.get(d.number);
      return { doc: by ? { ...d, reversedBy: by } : d, status: "carried" };
    }),
    ...(input.adopted ?? []).map((d): PlannedDoc => ({ doc: d, status: "carried" })),
    ...reversals.map((d): PlannedDoc => ({ doc: d, status: "new" })),
    ...fresh.map((d): PlannedDoc => ({ doc: d, status: "new" })),
  ];
  docs.sort((a, b) => numberOrder(a.doc, b.doc));
  return ok({ docs, reversed: toReverse.map((d) => d.number) });
}

/**
 * Reverse every current document of `docs` (for `ledger undo --credit`):
 * the documents as they are now, with the reversed ones marked, followed by
 * the reversals, numbered after `others` and `docs`.
 */
export function planReversals(
  docs: readonly IssuedDoc[],
  others: readonly { readonly number: string; readonly issueDate: string }[],
  issueDate: string,
  prefix: string,
): Result<PlannedDoc[]> {
  const toReverse = docs.filter(isCurrent).sort(numberOrder);
  const seen = new Map<string, { number: string; issueDate: string }>();
  for (const d of [...others, ...docs]) if (!seen.has(d.number)) seen.set(d.number, { number: d.number, issueDate: d.issueDate });
  const numbers = assignNumbers(prefix, [...seen.values()], toReverse.map(() => issueDate));
  if (!numbers.ok) return fail(numbers.issues);
  const reversals = toReverse.map((d, i) => reversalOf(d, numbers.value[i]!));
  const reversedBy = new Map(reversals.map((r) => [r.reverses!.number, r.number]));
  return ok([
    ...docs.map((d): PlannedDoc => {
      const by = reversedBy.get(d.number);
      return { doc: by ? { ...d, reversedBy: by } : d, status: "carried" };
    }),
    ...reversals.map((d): PlannedDoc => ({ doc: d, status: "new" })),
  ]);
}

/**
 * The issue date of a close's documents: the one asked for, else the first
 * day after the period; a default that lies before the last document of its
 * year moves up to that document's date (numbers follow dates), with a note.
 * An asked date before the period's last day is refused: the work is not done yet.
 */
export function issueDateFor(
  periodTo: string,
  asked: string | undefined,
  series: readonly { readonly number: string; readonly issueDate: string }[],
): Result<{ date: string; movedFrom?: string; after?: string }> {
  if (asked !== undefined) {
    if (asked < periodTo) {
      return fail([
        error("invoice-date-in-period", { date: asked, end: periodTo }, {
          subject: "--invoice-date",
          found: asked,
          hint: t("invoice-date-in-period.hint", { end: periodTo, dayAfter: dayAfter(periodTo) }),
        }),
      ]);
    }
    return ok({ date: asked });
  }
  const date = dayAfter(periodTo);
  const year = date.slice(0, 4);
  let last: { number: string; issueDate: string } | undefined;
  for (const d of series) if (d.issueDate.slice(0, 4) === year && (!last || d.issueDate > last.issueDate)) last = d;
  return last && last.issueDate > date ? ok({ date: last.issueDate, movedFrom: date, after: last.number }) : ok({ date });
}
