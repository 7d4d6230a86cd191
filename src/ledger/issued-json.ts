// The numbered documents of a ledger record (`issued`, issue 12) as JSON:
// number, kind, partner, dates, payment reference, the SHA-256 of the XML as
// issued, and what it takes to render the document again and to reverse it
// (its figures and the parties as they were). Money as text, like the rest
// of the record.
import { z } from "../schema/zod.js";
import type { IssuedDoc } from "../domain/invoicing/issued.js";
import type { BillingLine } from "../domain/invoicing/types.js";
import { dec, fmtDecimal, fmtMoney } from "../domain/money.js";

type AddressJson = { street: string; postcode: string; city: string; country: string };
type PartyJson = { name: string; enterprise_number: string; vat: string; address: AddressJson };
type LineJson =
  | { kind: "hours"; hours: string; rate: string; amount: string; corrects?: string }
  | { kind: "benefits"; types: string[]; share: string; benefits: string; amount: string; corrects?: string };

export type IssuedDocumentJson = {
  number: string;
  kind: "invoice" | "credit_note";
  nec_partner: string;
  issue_date: string;
  due_date: string;
  payment_reference: string;
  /** SHA-256 (hex) of the UBL XML as issued (the PDF copy is inside it). */
  xml_sha256: string;
  language: "nl" | "en";
  payment_days: number;
  seller: PartyJson & { iban: string; bic?: string };
  buyer: PartyJson & { reference: string };
  billing: {
    period: { label: string; from: string; to: string };
    lines: LineJson[];
    subtotal: string;
    vat_rate: string;
    vat: string;
    total: string;
  };
  /** The earlier document this one reverses in full. */
  reverses?: { number: string; issue_date: string };
  /** The earlier documents to the same buyer for the periods its correction lines correct. */
  corrects?: { number: string; issue_date: string }[];
  /** The later document that reversed this one. */
  reversed_by?: string;
  /** Issued by an earlier close of the period (kept by a reopen) or by an undone close (carried back into the ledger). */
  carried_over?: true;
};

const address = z.object({ street: z.string(), postcode: z.string(), city: z.string(), country: z.string() });
const party = { name: z.string(), enterprise_number: z.string(), vat: z.string(), address };
const line = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("hours"), hours: z.string(), rate: z.string(), amount: z.string(), corrects: z.string().optional() }),
  z.object({ kind: z.literal("benefits"), types: z.array(z.string()), share: z.string(), benefits: z.string(), amount: z.string(), corrects: z.string().optional() }),
]);

/** Shape check of one `issued` entry (content is covered by the record's hash). */
export const IssuedDocumentSchema = z.object({
  number: z.string(),
  kind: z.enum(["invoice", "credit_note"]),
  nec_partner: z.string(),
  issue_date: z.string(),
  due_date: z.string(),
  payment_reference: z.string(),
  xml_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  language: z.enum(["nl", "en"]),
  payment_days: z.number().int().nonnegative(),
  seller: z.object({ ...party, iban: z.string(), bic: z.string().optional() }),
  buyer: z.object({ ...party, reference: z.string() }),
  billing: z.object({
    period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
    lines: z.array(line),
    subtotal: z.string(),
    vat_rate: z.string(),
    vat: z.string(),
    total: z.string(),
  }),
  reverses: z.object({ number: z.string(), issue_date: z.string() }).optional(),
  corrects: z.array(z.object({ number: z.string(), issue_date: z.string() })).optional(),
  reversed_by: z.string().optional(),
  carried_over: z.literal(true).optional(),
}).loose();

const partyJson = (p: IssuedDoc["seller"] | IssuedDoc["buyer"]): PartyJson => ({
  name: p.name,
  enterprise_number: p.enterpriseNumber,
  vat: p.vatId,
  address: { street: p.address.street, postcode: p.address.postcode, city: p.address.city, country: p.address.country },
});

const lineJson = (l: BillingLine): LineJson =>
  l.kind === "hours"
    ? { kind: "hours", hours: fmtDecimal(l.hours), rate: fmtDecimal(l.rate), amount: fmtMoney(l.amount), ...(l.corrects !== undefined ? { corrects: l.corrects } : {}) }
    : { kind: "benefits", types: [...l.types], share: fmtDecimal(l.share), benefits: fmtDecimal(l.benefits), amount: fmtMoney(l.amount), ...(l.corrects !== undefined ? { corrects: l.corrects } : {}) };

export function issuedJson(d: IssuedDoc, xmlSha256: string): IssuedDocumentJson {
  const b = d.billing;
  return {
    number: d.number,
    kind: d.kind,
    nec_partner: d.necPartner,
    issue_date: d.issueDate,
    due_date: d.dueDate,
    payment_reference: d.reference,
    xml_sha256: xmlSha256,
    language: d.language,
    payment_days: d.paymentDays,
    seller: { ...partyJson(d.seller), iban: d.seller.iban, ...(d.seller.bic !== undefined ? { bic: d.seller.bic } : {}) },
    buyer: { ...partyJson(d.buyer), reference: d.buyer.reference },
    billing: {
      period: { label: b.period.label, from: b.period.from, to: b.period.to },
      lines: b.lines.map(lineJson),
      subtotal: fmtMoney(b.subtotal),
      vat_rate: fmtDecimal(b.vatRate),
      vat: fmtMoney(b.vat),
      total: fmtMoney(b.total),
    },
    ...(d.reverses ? { reverses: { number: d.reverses.number, issue_date: d.reverses.issueDate } } : {}),
    ...(d.corrects && d.corrects.length > 0 ? { corrects: d.corrects.map((r) => ({ number: r.number, issue_date: r.issueDate })) } : {}),
    ...(d.reversedBy !== undefined ? { reversed_by: d.reversedBy } : {}),
  };
}

const partyOf = (p: PartyJson) => ({
  name: p.name,
  enterpriseNumber: p.enterprise_number,
  vatId: p.vat,
  address: { street: p.address.street, postcode: p.address.postcode, city: p.address.city, country: p.address.country },
});

export function issuedFromJson(j: IssuedDocumentJson): IssuedDoc {
  const b = j.billing;
  return {
    number: j.number,
    kind: j.kind,
    necPartner: j.nec_partner,
    issueDate: j.issue_date,
    dueDate: j.due_date,
    reference: j.payment_reference,
    language: j.language,
    paymentDays: j.payment_days,
    seller: { ...partyOf(j.seller), iban: j.seller.iban, ...(j.seller.bic !== undefined ? { bic: j.seller.bic } : {}) },
    buyer: { ...partyOf(j.buyer), reference: j.buyer.reference },
    billing: {
      necPartner: j.nec_partner,
      period: { label: b.period.label, from: b.period.from, to: b.period.to },
      lines: b.lines.map(
        (l): BillingLine =>
          l.kind === "hours"
            ? { kind: "hours", hours: dec(l.hours), rate: dec(l.rate), amount: dec(l.amount), ...(l.corrects !== undefined ? { corrects: l.corrects } : {}) }
            : { kind: "benefits", types: l.types, share: dec(l.share), benefits: dec(l.benefits), amount: dec(l.amount), ...(l.corrects !== undefined ? { corrects: l.corrects } : {}) },
      ),
      subtotal: dec(b.subtotal),
      vatRate: dec(b.vat_rate),
      vat: dec(b.vat),
      total: dec(b.total),
    },
    ...(j.reverses ? { reverses: { number: j.reverses.number, issueDate: j.reverses.issue_date } } : {}),
    ...(j.corrects ? { corrects: j.corrects.map((r) => ({ number: r.number, issueDate: r.issue_date })) } : {}),
    ...(j.reversed_by !== undefined ? { reversedBy: j.reversed_by } : {}),
  };
}

/** Every document of these records, each number once (the last record's entry wins). */
export function documentsOf(records: readonly { issued?: IssuedDocumentJson[] }[]): IssuedDocumentJson[] {
  const by = new Map<string, IssuedDocumentJson>();
  for (const r of records) for (const d of r.issued ?? []) by.set(d.number, d);
  return [...by.values()];
}
