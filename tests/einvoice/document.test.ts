// The document model: invoice or credit note by the subtotal's sign, credit
// notes with positive totals, totals that tie to the close's figures to the
// cent, a reversal that mirrors the original, and the sales journal balanced
// per document.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { renderJournalCsv } from "../../src/adapters/journal/sales-journal-csv.js";
import { buildDocument, reverseInput, type EDocument } from "../../src/domain/invoicing/document.js";
import { bookDocument, salesJournal } from "../../src/domain/invoicing/journal.js";
import { assignNumbers } from "../../src/domain/invoicing/numbering.js";
import type { BillingInput } from "../../src/domain/invoicing/types.js";
import { dec, sum } from "../../src/domain/money.js";
import { randomInputs } from "./cases.js";
import { benefits, bill, hours, INVOICING } from "./fixtures.js";
import { issueMessage } from "../../src/i18n/render.js";

const number = assignNumbers("MEN", [], ["2025-04-01"]);
const build = (input: BillingInput): EDocument => {
  if (!number.ok) throw new Error("numbering");
  const r = buildDocument(input, { invoicing: INVOICING, number: number.value[0]!, projectName: "MENERVA" });
  if (!r.ok) throw new Error(r.issues.map((i) => issueMessage(i)).join("; "));
  return r.value;
};

describe("document model", () => {
  it("an invoice carries the close's figures; a correction line keeps its sign and names its period", () => {
    const d = build(bill("Q-Jobs", [hours("120.5", "2.50"), hours("-7.6", "2.50", "2024-Q4"), benefits(["RSZ"], "0.70", "1000.00")]));
    expect(d.kind).toBe("invoice");
    expect(d.lines.map((l) => [l.quantity.toFixed(), l.unitCode, l.unitPrice.toFixed(), l.amount.toFixed(2)])).toEqual([
      ["120.5", "HUR", "2.5", "301.25"],
      ["-7.6", "HUR", "2.5", "-19.00"],
      ["1", "C62", "700", "700.00"],
    ]);
    expect(d.lines[1]!.corrects).toEqual({ label: "2024-Q4", from: "2024-10-01", to: "2024-12-31" });
    expect(d.totals.lineExtension.toFixed(2)).toBe("982.25");
    expect(d.totals.vat.toFixed(2)).toBe("206.27");
    expect(d.totals.payable.toFixed(2)).toBe("1188.52");
    expect([d.issueDate, d.dueDate, d.buyerReference, d.payment.reference, d.payment.meansCode]).toEqual(["2025-04-01", "2025-05-01", "MENERVA", "+++202/5000/00165+++", "58"]);
  });

  it("a negative subtotal makes a credit note with every figure negated (positive totals)", () => {
    const d = build(bill("Flexer", [hours("-22.8", "2.50", "2024-Q4"), hours("4", "2.50")]));
    expect(d.kind).toBe("credit_note");
    expect(d.lines.map((l) => [l.quantity.toFixed(), l.amount.toFixed(2)])).toEqual([
      ["22.8", "57.00"],
      ["-4", "-10.00"],
    ]);
    expect([d.totals.lineExtension, d.totals.vat, d.totals.payable].map((x) => x.toFixed(2))).toEqual(["47.00", "9.87", "56.87"]);
    expect(d.buyerReference).toBe("MENERVA");
  });

  it("the reversal of an invoice is a credit note with the same figures, naming it", () => {
    const input = bill("Q-Jobs", [hours("10", "2.50"), benefits(["RSZ"], "0.70", "100.00")]);
    const inv = build(input);
    if (!number.ok) throw new Error("numbering");
    const rev = buildDocument(reverseInput(input), { invoicing: INVOICING, number: number.value[0]!, projectName: "MENERVA", billingReferences: [{ number: "MEN2025-0001", issueDate: "2025-04-01" }] });
    expect(rev.ok).toBe(true);
    if (!rev.ok) return;
    expect(rev.value.kind).toBe("credit_note");
    expect(rev.value.lines.map((l) => l.amount.toFixed(2))).toEqual(inv.lines.map((l) => l.amount.toFixed(2)));
    expect(rev.value.totals).toEqual(inv.totals);
    expect(rev.value.billingReferences).toEqual([{ number: "MEN2025-0001", issueDate: "2025-04-01" }]);
  });

  it("a partner without a buyer entry is a user error naming it", () => {
    if (!number.ok) throw new Error("numbering");
    const r = buildDocument(bill("Itzu Jobs", [hours("1", "2.50")]), { invoicing: INVOICING, number: number.value[0]!, projectName: "MENERVA" });
    expect(r.ok ? [] : r.issues.map((i) => issueMessage(i))).toEqual(['no buyer entry for NEC partner "Itzu Jobs"']);
  });

  it("figures that do not tie are a bug, not a document", () => {
    const good = bill("Q-Jobs", [hours("10", "2.50")]);
    expect(() => build({ ...good, subtotal: dec("25.01") })).toThrow(/Σ lines/);
    expect(() => build({ ...good, vat: dec("5.26"), total: dec("30.26") })).toThrow(/VAT/);
    expect(() => build({ ...good, lines: [] })).toThrow(/no lines/);
  });

  test.prop([fc.integer({ min: 1, max: 1_000_000 })], { numRuns: 60 })("totals tie: Σ lines = LineExtension = taxable, + VAT = payable, and equal the close's figures up to the sign", (seed) => {
    const [spec] = randomInputs(1, seed);
    const input = spec!.input;
    const d = build(input);
    const s = d.kind === "credit_note" ? -1 : 1;
    expect(sum(d.lines.map((l) => l.amount)).eq(d.totals.lineExtension)).toBe(true);
    expect(d.totals.taxExclusive.eq(d.totals.lineExtension) && d.vat.taxable.eq(d.totals.lineExtension)).toBe(true);
    expect(d.totals.taxInclusive.eq(d.totals.taxExclusive.plus(d.totals.vat)) && d.totals.payable.eq(d.totals.taxInclusive)).toBe(true);
    expect(d.totals.lineExtension.times(s).eq(input.subtotal) && d.totals.vat.times(s).eq(input.vat) && d.totals.payable.times(s).eq(input.total)).toBe(true);
    expect(d.totals.payable.isNegative()).toBe(false);
    for (const l of d.lines) {
      expect(l.unitPrice.isNegative()).toBe(false);
      expect(l.quantity.times(l.unitPrice).minus(l.amount).abs().lte(dec("0.005"))).toBe(true);
    }
  });
});

describe("sales journal", () => {
  it("an invoice: receivable debit, revenue per line kind and VAT credit; a credit note the other way round", () => {
    const inv = build(bill("Q-Jobs", [hours("10", "2.50"), benefits(["RSZ"], "0.70", "100.00")]));
    const cn = build(bill("Flexer", [hours("-4", "2.50", "2024-Q4")]));
    const rows = salesJournal([inv, cn], INVOICING.accounts).map((e) => [e.document, e.entry, e.account, e.debit.toFixed(2), e.credit.toFixed(2)]);
    expect(rows).toEqual([
      ["MEN2025-0001", "receivable", "400000", "114.95", "0.00"],
      ["MEN2025-0001", "revenue_hours", "700000", "0.00", "25.00"],
      ["MEN2025-0001", "revenue_benefits", "700000", "0.00", "70.00"],
      ["MEN2025-0001", "vat", "451000", "0.00", "19.95"],
      ["MEN2025-0001", "receivable", "400000", "0.00", "12.10"],
      ["MEN2025-0001", "revenue_hours", "700000", "10.00", "0.00"],
      ["MEN2025-0001", "vat", "451000", "2.10", "0.00"],
    ]);
  });

  it("revenue accounts per line kind when configured; a revenue kind that nets to a debit is booked as one", () => {
    const d = build(bill("Q-Jobs", [hours("-10", "2.50", "2024-Q4"), benefits(["RSZ"], "0.70", "100.00")]));
    const rows = bookDocument(d, { ...INVOICING.accounts, revenue: { hours: "700100", benefits: "700200" } }).map((e) => [e.account, e.debit.toFixed(2), e.credit.toFixed(2)]);
    expect(rows).toEqual([
      ["400000", "54.45", "0.00"],
      ["700100", "25.00", "0.00"],
      ["700200", "0.00", "70.00"],
      ["451000", "0.00", "9.45"],
    ]);
  });

  test.prop([fc.integer({ min: 1, max: 1_000_000 })], { numRuns: 60 })("every document's booking balances, and the receivable is its total", (seed) => {
    const [spec] = randomInputs(1, seed);
    const d = build(spec!.input);
    const entries = bookDocument(d, INVOICING.accounts);
    expect(sum(entries.map((e) => e.debit)).eq(sum(entries.map((e) => e.credit)))).toBe(true);
    const receivable = entries[0]!;
    expect(receivable.entry).toBe("receivable");
    expect((d.kind === "invoice" ? receivable.debit : receivable.credit).eq(d.totals.payable)).toBe(true);
    for (const e of entries) expect(e.debit.isZero() || e.credit.isZero()).toBe(true);
  });

  it("journal.csv: header, two-decimal amounts, words in the document's language", () => {
    const inv = build(bill("Intérim & Co", [hours("10", "2.50")]));
    const csv = renderJournalCsv(bookDocument(inv, INVOICING.accounts), "nl");
    expect(csv.split("\n")).toEqual([
      "document,document_type,date,due_date,entry,account,debit,credit,nec_partner,buyer,buyer_vat,description,payment_reference",
      'MEN2025-0001,invoice,2025-04-01,2025-05-01,receivable,400000,30.25,0.00,Intérim & Co,Intérim & Co <Zoë> SRL,BE0999999823,Factuur MEN2025-0001: Handelsvordering,+++202/5000/00165+++',
      "MEN2025-0001,invoice,2025-04-01,2025-05-01,revenue_hours,700000,0.00,25.00,Intérim & Co,Intérim & Co <Zoë> SRL,BE0999999823,Factuur MEN2025-0001: Omzet uurvergoedingen,+++202/5000/00165+++",
      "MEN2025-0001,invoice,2025-04-01,2025-05-01,vat,451000,0.00,5.25,Intérim & Co,Intérim & Co <Zoë> SRL,BE0999999823,Factuur MEN2025-0001: Te betalen btw,+++202/5000/00165+++",
      "",
    ]);
  });
});
