// The e-invoice document model (EN 16931 terms) built from a close's invoice
// figures, and the writers' single source: UBL, PDF and the sales journal all
// render this one value. Pure.
//
// Signs: an invoice shows the close's figures as they are; a close whose
// subtotal is negative becomes a credit note, and a credit note shows every
// figure negated, so its totals are positive (Peppol: credit notes carry
// positive amounts). A line that goes against the document's sense (a
// correction) keeps a negative quantity and amount; prices are never negative.
import { fail, ok, type Result } from "../issues.js";
import { dec, MODEL_ROUNDING, roundMoney, sum, type Dec } from "../money.js";
import { parsePeriod } from "../period.js";
import { missingBuyers } from "./buyers.js";
import { dueDate } from "./dates.js";
import type { DocumentNumber } from "./numbering.js";
import type { BillingInput, BillingLine, Buyer, InvoicingConfig, PeriodRef, Seller } from "./types.js";

export type DocumentKind = "invoice" | "credit_note";

/** An earlier document this one refers to (BT-25/BT-26). */
export type DocumentRef = { readonly number: string; readonly issueDate: string };

/** The period a correction line corrects; from/to when the label is a period menerva can read. */
export type CorrectedPeriod = { readonly label: string; readonly from?: string; readonly to?: string };

type LineBase = {
  /** "1", "2", … (BT-126). */
  readonly id: string;
  /** Hours (HUR), or 1 / −1 for a benefit line (C62), in the document's sign. */
  readonly quantity: Dec;
  readonly unitCode: "HUR" | "C62";
  /** Net price per unit, never negative (BR-27): the rate, or the benefit fee. */
  readonly unitPrice: Dec;
  /** Line net amount (BT-131) in the document's sign, in cents. */
  readonly amount: Dec;
  readonly corrects?: CorrectedPeriod;
};

export type DocumentLine =
  | (LineBase & { readonly kind: "hours"; readonly rate: Dec })
  | (LineBase & { readonly kind: "benefits"; readonly types: readonly string[]; readonly share: Dec; readonly benefits: Dec });

/** The single VAT breakdown (BG-23): category S at the config's rate, or E when the rate is 0. */
export type VatBreakdown = {
  readonly category: "S" | "E";
  /** Fraction (0.21). */
  readonly rate: Dec;
  /** Per cent as UBL writes it (21). */
  readonly percent: Dec;
  readonly taxable: Dec;
  readonly amount: Dec;
};

/** Document totals (BG-22), in the document's sign. */
export type DocumentTotals = {
  /** Σ line amounts (BT-106). */
  readonly lineExtension: Dec;
  /** BT-109: no document allowances or charges, so = lineExtension. */
  readonly taxExclusive: Dec;
  readonly vat: Dec;
  /** BT-112 = taxExclusive + vat. */
  readonly taxInclusive: Dec;
  /** BT-115: nothing prepaid, no rounding, so = taxInclusive. */
  readonly payable: Dec;
};

export type PaymentInstructions = {
  /** UNCL 4461: 58 SEPA credit transfer (IBAN in the SEPA area), else 30 credit transfer. */
  readonly meansCode: "58" | "30";
  readonly iban: string;
  readonly bic?: string;
  /** The structured reference "+++ddd/dddd/ddddd+++" (BT-83). */
  readonly reference: string;
};

export type EDocument = {
  readonly kind: DocumentKind;
  readonly number: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly paymentDays: number;
  readonly currency: "EUR";
  /** The closed period (BG-14). */
  readonly period: PeriodRef;
  readonly necPartner: string;
  readonly seller: Seller;
  readonly buyer: Buyer;
  /** BT-10: the buyer's reference, or the project name. */
  readonly buyerReference: string;
  readonly lines: readonly DocumentLine[];
  readonly vat: VatBreakdown;
  readonly totals: DocumentTotals;
  readonly payment: PaymentInstructions;
  /** Earlier documents this one corrects (a credit note names the invoice it reverses). */
  readonly billingReferences: readonly DocumentRef[];
};

const ONE = dec(1);
const MINUS_ONE = dec(-1);

/** Countries whose IBANs are reachable by a SEPA credit transfer. */
const SEPA = new Set(
  "AD AT BE BG CH CY CZ DE DK EE ES FI FR GB GI GR HR HU IE IS IT LI LT LU LV MC MT NL NO PL PT RO SE SI SK SM VA".split(" "),
);

/** What a close's invoice needs besides its figures to become a document. */
export type DocumentContext = {
  readonly invoicing: InvoicingConfig;
  /** From assignNumbers: number, issue date and payment reference. */
  readonly number: DocumentNumber;
  /** The project's name: the buyer reference when the buyer has none. */
  readonly projectName: string;
  readonly billingReferences?: readonly DocumentRef[];
  /**
   * The kind as issued, when it is known already (a document rebuilt from the
   * ledger, or the reversal of a zero invoice): a subtotal of zero fits both.
   * Absent: from the subtotal's sign.
   */
  readonly kind?: DocumentKind;
};

/** The same figures negated: the input of a document that reverses an earlier one in full. */
export function reverseInput(input: BillingInput): BillingInput {
  return {
    ...input,
    lines: input.lines.map((l): BillingLine => (l.kind === "hours" ? { ...l, hours: l.hours.neg(), amount: l.amount.neg() } : { ...l, benefits: l.benefits.neg(), amount: l.amount.neg() })),
    subtotal: input.subtotal.neg(),
    vat: input.vat.neg(),
    total: input.total.neg(),
  };
}

function correctedPeriod(label: string | undefined): CorrectedPeriod | undefined {
  if (label === undefined) return undefined;
  const p = parsePeriod(label);
  return p ? { label, from: p.from, to: p.to } : { label };
}

/** Internal consistency of the close's figures; a failure is a bug upstream, not a user error. */
function checkFigures(input: BillingInput): void {
  const where = `invoice of ${input.necPartner}`;
  if (input.lines.length === 0) throw new Error(`${where}: no lines (a document needs at least one, BR-16)`);
  for (const l of input.lines) {
    if (l.amount.decimalPlaces() > 2) throw new Error(`${where}: line amount ${l.amount.toFixed()} is not in cents`);
    if (l.kind === "hours") {
      if (l.rate.isNegative()) throw new Error(`${where}: negative rate ${l.rate.toFixed()}`);
      if (!roundMoney(l.hours.times(l.rate), MODEL_ROUNDING).eq(l.amount)) throw new Error(`${where}: ${l.hours.toFixed()} h × ${l.rate.toFixed()} does not round to ${l.amount.toFixed()}`);
    }
  }
  const lines = sum(input.lines.map((l) => l.amount));
  if (!lines.eq(input.subtotal)) throw new Error(`${where}: Σ lines ${lines.toFixed()} ≠ subtotal ${input.subtotal.toFixed()}`);
  if (!input.subtotal.plus(input.vat).eq(input.total)) throw new Error(`${where}: subtotal + VAT ≠ total`);
  if (!roundMoney(input.subtotal.times(input.vatRate), MODEL_ROUNDING).eq(input.vat)) throw new Error(`${where}: VAT ${input.vat.toFixed()} ≠ round(subtotal × rate)`);
}

/**
 * The document of one NEC partner's invoice: an Invoice when the subtotal is
 * zero or positive, a CreditNote (figures negated) when it is negative.
 * Fails when the config has no buyer for the partner.
 */
export function buildDocument(input: BillingInput, ctx: DocumentContext): Result<EDocument> {
  const buyer = ctx.invoicing.buyers[input.necPartner];
  if (buyer === undefined) return fail(missingBuyers(ctx.invoicing, [input.necPartner]));
  checkFigures(input);
  const kind: DocumentKind = ctx.kind ?? (input.subtotal.isNegative() && !input.subtotal.isZero() ? "credit_note" : "invoice");
  if (kind === "credit_note" ? input.subtotal.isPositive() && !input.subtotal.isZero() : input.subtotal.isNegative() && !input.subtotal.isZero()) {
    throw new Error(`invoice of ${input.necPartner}: a ${kind} cannot carry the subtotal ${input.subtotal.toFixed()}`);
  }
  const s = (x: Dec): Dec => (kind === "credit_note" ? x.neg() : x);

  const lines = input.lines.map((l, i): DocumentLine => {
    const corrects = correctedPeriod(l.corrects);
    const base = { id: String(i + 1), amount: s(l.amount), ...(corrects ? { corrects } : {}) };
    if (l.kind === "hours") return { ...base, kind: "hours", quantity: s(l.hours), unitCode: "HUR", unitPrice: l.rate, rate: l.rate };
    const amount = s(l.amount);
    return {
      ...base,
      kind: "benefits",
      quantity: amount.isNegative() ? MINUS_ONE : ONE,
      unitCode: "C62",
      unitPrice: amount.abs(),
      types: l.types,
      share: l.share,
      benefits: s(l.benefits),
    };
  });

  const lineExtension = sum(lines.map((l) => l.amount));
  const vat = s(input.vat);
  const taxInclusive = lineExtension.plus(vat);
  const seller = ctx.invoicing.seller;
  return ok({
    kind,
    number: ctx.number.text,
    issueDate: ctx.number.issueDate,
    dueDate: dueDate(ctx.number.issueDate, ctx.invoicing.paymentDays),
    paymentDays: ctx.invoicing.paymentDays,
    currency: "EUR",
    period: input.period,
    necPartner: input.necPartner,
    seller,
    buyer,
    buyerReference: buyer.reference ?? ctx.projectName,
    lines,
    vat: {
      category: input.vatRate.isZero() ? "E" : "S",
      rate: input.vatRate,
      percent: input.vatRate.times(100),
      taxable: lineExtension,
      amount: vat,
    },
    totals: { lineExtension, taxExclusive: lineExtension, vat, taxInclusive, payable: taxInclusive },
    payment: {
      meansCode: SEPA.has(seller.iban.slice(0, 2)) ? "58" : "30",
      iban: seller.iban,
      ...(seller.bic !== undefined ? { bic: seller.bic } : {}),
      reference: ctx.number.reference,
    },
    billingReferences: ctx.billingReferences ?? [],
  });
}

/** The correction lines of a document, grouped by the period they correct (for the PDF's corrections section). */
export function correctionsByPeriod(doc: EDocument): { period: CorrectedPeriod; lines: DocumentLine[]; amount: Dec }[] {
  const by = new Map<string, { period: CorrectedPeriod; lines: DocumentLine[]; amount: Dec }>();
  for (const l of doc.lines) {
    if (!l.corrects) continue;
    const g = by.get(l.corrects.label) ?? { period: l.corrects, lines: [], amount: sum([]) };
    g.lines.push(l);
    g.amount = g.amount.plus(l.amount);
    by.set(l.corrects.label, g);
  }
  return [...by.values()];
}
