// The documents the e-invoice tests validate: each case of issue 12 built
// through the real modules (numbering, document model, PDF, UBL) from
// hand-made close invoices.
import fc from "fast-check";
import { renderInvoicePdf } from "../../src/adapters/pdf/invoice-pdf.js";
import { renderUbl } from "../../src/adapters/ubl/ubl-document.js";
import { buildDocument, reverseInput, type DocumentRef, type EDocument } from "../../src/domain/invoicing/document.js";
import { assignNumbers, type IssuedDocument } from "../../src/domain/invoicing/numbering.js";
import type { BillingInput, InvoicingConfig } from "../../src/domain/invoicing/types.js";
import type { Lang } from "../../src/report/einvoice-labels.js";
import { benefits, bill, hours, INVOICING } from "./fixtures.js";
import { issueMessage } from "../../src/i18n/render.js";

export type Built = { readonly name: string; readonly input: BillingInput; readonly doc: EDocument; readonly lang: Lang; readonly pdf: Buffer; readonly xml: string };

export type CaseSpec = { name: string; input: BillingInput; lang?: Lang; issueDate?: string; billingReferences?: DocumentRef[]; invoicing?: InvoicingConfig };

/** Number the specs in order after `issued`, then build document, PDF and UBL for each. */
export async function buildAll(specs: readonly CaseSpec[], issued: readonly IssuedDocument[] = []): Promise<Built[]> {
  const numbers = assignNumbers(INVOICING.prefix, issued, specs.map((s) => s.issueDate ?? "2025-04-01"));
  if (!numbers.ok) throw new Error(numbers.issues.map((i) => issueMessage(i)).join("; "));
  const out: Built[] = [];
  for (const [i, spec] of specs.entries()) {
    const r = buildDocument(spec.input, {
      invoicing: spec.invoicing ?? INVOICING,
      number: numbers.value[i]!,
      projectName: "MENERVA",
      ...(spec.billingReferences ? { billingReferences: spec.billingReferences } : {}),
    });
    if (!r.ok) throw new Error(r.issues.map((x) => issueMessage(x)).join("; "));
    const lang = spec.lang ?? "nl";
    const pdf = await renderInvoicePdf(r.value, lang);
    out.push({ name: spec.name, input: spec.input, doc: r.value, lang, pdf, xml: renderUbl(r.value, { language: lang, pdf }) });
  }
  return out;
}

const { bic: _noBic, ...sellerWithoutBic } = INVOICING.seller;

const plain = bill("Q-Jobs", [hours("312.5", "2.50"), benefits(["RSZ", "maatwerk"], "0.70", "4020.00")]);

/** The cases issue 12 names, plus the edges the model allows. */
export const ISSUE_CASES: readonly CaseSpec[] = [
  { name: "plain invoice", input: plain },
  { name: "mid-period fee change (two hour lines)", input: bill("Flexer", [hours("140.25", "2.50"), hours("96.5", "2.75"), benefits(["RSZ", "maatwerk"], "0.70", "1790.00")]) },
  { name: "per-type benefit share", input: bill("Q-Jobs", [hours("80", "2.50"), benefits(["RSZ"], "0.70", "1000.00"), benefits(["maatwerk"], "0.50", "2820.00")]) },
  {
    name: "correction lines naming the period they correct",
    input: bill("Q-Jobs", [hours("200", "2.75"), hours("-7.6", "2.50", "2024-Q4"), hours("12", "2.50", "2024-12"), benefits(["RSZ"], "0.70", "-250.00", "2024-Q4")]),
  },
  { name: "credit note from a negative close (corrections only)", input: bill("Flexer", [hours("-22.8", "2.50", "2024-Q4"), benefits(["maatwerk"], "0.70", "-600.00", "2024-Q4")]) },
  { name: "credit note reversing the plain invoice", input: reverseInput(plain), billingReferences: [{ number: "MEN2025-0001", issueDate: "2025-04-01" }] },
  { name: "hours with four decimals and a rate with three", input: bill("Flexer", [hours("37.1234", "2.75"), hours("0.0001", "3.125")]) },
  { name: "partner name with & and é, buyer reference with < and >", input: bill("Intérim & Co", [hours("10.5", "2.50"), benefits(["RSZ"], "0.70", "790.00")]) },
  { name: "English copy", input: bill("Q-Jobs", [hours("1", "2.50")]), lang: "en" },
  { name: "zero subtotal (a correction that cancels the period)", input: bill("Q-Jobs", [hours("10", "2.50"), hours("-10", "2.50", "2025-01")]) },
  { name: "VAT exempt (rate 0)", input: bill("Q-Jobs", [hours("10", "2.50")], "0") },
  {
    name: "seller without BIC, Dutch IBAN, 14 payment days",
    input: bill("Q-Jobs", [hours("3", "2.50")]),
    invoicing: { ...INVOICING, seller: { ...sellerWithoutBic, iban: "NL91ABNA0417164300" }, paymentDays: 14 },
  },
];

/** Random close invoices (seeded): any partner, 1–6 lines of hours (up to four decimals, corrections negative) and benefits, VAT 21%, 12% or 6%. */
export function randomInputs(n: number, seed: number): CaseSpec[] {
  const partners = Object.keys(INVOICING.buyers);
  const decimalText = (maxUnits: number, dp: number) =>
    fc.integer({ min: -maxUnits, max: maxUnits }).map((u) => {
      const s = String(Math.abs(u)).padStart(dp + 1, "0");
      return `${u < 0 ? "-" : ""}${s.slice(0, -dp)}.${s.slice(-dp)}`;
    });
  const corrects = fc.option(fc.constantFrom("2024-Q4", "2024-12", "2025-01"), { nil: undefined });
  const hourLine = fc.tuple(decimalText(5_000_000, 4), fc.constantFrom("2.50", "2.75", "3.10", "3.125"), corrects).map(([h, r, c]) => hours(h, r, c));
  const benefitLine = fc
    .tuple(fc.constantFrom(["RSZ"], ["maatwerk"], ["RSZ", "maatwerk"]), fc.constantFrom("0.70", "0.50", "0.655"), decimalText(1_000_000, 2), corrects)
    .map(([t, s, a, c]) => benefits(t, s, a, c));
  const input = fc
    .tuple(fc.constantFrom(...partners), fc.array(fc.oneof(hourLine, benefitLine), { minLength: 1, maxLength: 6 }), fc.constantFrom("0.21", "0.12", "0.06"), fc.constantFrom<Lang>("nl", "en"))
    .map(([p, lines, vat, lang]): CaseSpec => ({ name: "", input: bill(p, lines, vat), lang }));
  return fc.sample(input, { seed, numRuns: n }).map((s, i) => ({ ...s, name: `random ${i + 1} (seed ${seed})` }));
}
