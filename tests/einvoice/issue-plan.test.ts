// Which documents a close issues (src/domain/invoicing/issue-plan.ts), over
// random histories of closes, reopens and undos with credit notes: the
// numbers stay one gapless series per year, nothing issued ever changes or
// disappears, every invoice has exactly one current document with its
// figures, and what each partner is billed over all documents is exactly
// what its current invoices say (nothing billed twice, nothing dropped).
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { reverseInput } from "../../src/domain/invoicing/document.js";
import { issueDateFor, planDocuments, planReversals } from "../../src/domain/invoicing/issue-plan.js";
import { billingKey, isCurrent, numberOrder, toEDocument, type IssuedDoc } from "../../src/domain/invoicing/issued.js";
import { seriesIssues } from "../../src/domain/invoicing/numbering.js";
import type { BillingInput } from "../../src/domain/invoicing/types.js";
import { dec, sum, type Dec } from "../../src/domain/money.js";
import { checkDocuments } from "../../src/ledger/documents-check.js";
import { issuedFromJson, issuedJson } from "../../src/ledger/issued-json.js";
import type { LedgerRecord } from "../../src/ledger/record.js";
import { bill, hours, INVOICING } from "./fixtures.js";

const PARTNERS = ["Q-Jobs", "Flexer", "Intérim & Co"] as const;

/** A period of the history: month k of 2025 (k = 12 issues in 2026). */
const periodOf = (k: number) => {
  const m = String(k).padStart(2, "0");
  const last = new Date(Date.UTC(2025, k, 0)).getUTCDate();
  return { label: `2025-${m}`, from: `2025-${m}-01`, to: `2025-${m}-${last}` };
};

/** A random close: hours per invoiced partner (negative hours make a credit note). */
const invoicesArb = fc.array(fc.record({ p: fc.constantFrom(...PARTNERS), h: fc.integer({ min: -2000, max: 5000 }) }), { maxLength: 3 });

const toInvoices = (k: number, xs: readonly { p: string; h: number }[]): BillingInput[] => {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.p) && seen.add(x.p)).map((x) => bill(x.p, [hours(dec(x.h).div(100).toFixed(), "2.50")], "0.21", periodOf(k)));
};

type Op = { kind: "close"; invoices: { p: string; h: number }[] } | { kind: "reopen"; invoices: { p: string; h: number }[]; days: number } | { kind: "undo"; days: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("close" as const), invoices: invoicesArb }),
  fc.record({ kind: fc.constant("reopen" as const), invoices: invoicesArb, days: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant("undo" as const), days: fc.integer({ min: 0, max: 5 }) }),
);

/** A ledger in miniature: records (period, invoices, documents) and the documents of undone closes. */
type Rec = { period: number; invoices: BillingInput[]; docs: IssuedDoc[] };

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function run(ops: readonly Op[]): { records: Rec[]; pending: IssuedDoc[]; history: IssuedDoc[][] } {
  const records: Rec[] = [];
  let pending: IssuedDoc[] = [];
  const history: IssuedDoc[][] = []; // every document list ever produced, to check that issued documents never change
  const all = () => [...records.flatMap((r) => r.docs), ...pending];
  for (const op of ops) {
    const last = records[records.length - 1];
    if (op.kind === "close" || (op.kind === "reopen" && last)) {
      const reopen = op.kind === "reopen";
      const k = reopen ? last!.period : (last?.period ?? 0) + 1;
      if (k > 12) continue;
      const base = reopen ? records.slice(0, -1) : records;
      const invoices = toInvoices(k, op.invoices);
      const others = [...base.flatMap((r) => r.docs)].map((d) => ({ number: d.number, issueDate: d.issueDate }));
      const previous = reopen ? last!.docs : [];
      const series = [...others, ...previous, ...pending];
      const date = issueDateFor(periodOf(k).to, undefined, series);
      expect(date.ok).toBe(true);
      const issueDate = reopen && date.ok ? addDays(date.value.date, op.days) : date.ok ? date.value.date : "";
      const plan = planDocuments({ previous, adopted: pending, others, invoices, issueDate, invoicing: INVOICING, projectName: "MENERVA", language: "nl" });
      if (!plan.ok) throw new Error(plan.issues.map((i) => i.message).join("; "));
      const rec = { period: k, invoices, docs: plan.value.docs.map((d) => d.doc) };
      if (reopen) records[records.length - 1] = rec;
      else records.push(rec);
      pending = [];
    } else if (op.kind === "undo" && last) {
      const others = [...records.slice(0, -1).flatMap((r) => r.docs), ...pending].map((d) => ({ number: d.number, issueDate: d.issueDate }));
      const date = issueDateFor(periodOf(last.period).to, undefined, [...others, ...last.docs]);
      if (!date.ok) throw new Error("date");
      const planned = planReversals(last.docs, others, addDays(date.value.date, op.days), "MEN");
      if (!planned.ok) throw new Error(planned.issues.map((i) => i.message).join("; "));
      pending = [...pending, ...planned.value.map((p) => p.doc)];
      records.pop();
    }
    history.push(all());
  }
  return { records, pending, history };
}

const net = (docs: readonly IssuedDoc[], p: string): Dec => sum(docs.filter((d) => d.necPartner === p).map((d) => d.billing.total));

describe("planDocuments over random histories", () => {
  test.prop([fc.array(opArb, { minLength: 1, maxLength: 14 })], { numRuns: 150 })("series, current documents, reversals and net amounts hold", (ops) => {
    const { records, pending, history } = run(ops);
    const docs = [...records.flatMap((r) => r.docs), ...pending];
    // one gapless series per year, in date order, each number once
    expect(seriesIssues(docs.map((d) => ({ number: d.number, issueDate: d.issueDate })))).toEqual([]);
    expect(new Set(docs.map((d) => d.number)).size).toBe(docs.length);
    // a document, once issued, never changes (only `reversedBy` is set later) and never disappears
    const final = new Map(docs.map((d) => [d.number, d]));
    for (const list of history) {
      for (const d of list) {
        const now = final.get(d.number);
        expect(now, d.number).toBeDefined();
        expect({ ...now!, reversedBy: undefined }).toEqual({ ...d, reversedBy: undefined });
        if (d.reversedBy !== undefined) expect(now!.reversedBy).toBe(d.reversedBy);
      }
    }
    for (const r of records) {
      const current = r.docs.filter(isCurrent);
      // one current document per invoice, with its figures and the kind of its sign
      expect(current.map((d) => d.necPartner).sort()).toEqual(r.invoices.map((i) => i.necPartner).sort());
      for (const inv of r.invoices) {
        const d = current.find((x) => x.necPartner === inv.necPartner)!;
        expect(billingKey(d.billing)).toBe(billingKey(inv));
        expect(d.kind).toBe(inv.subtotal.isNegative() && !inv.subtotal.isZero() ? "credit_note" : "invoice");
      }
    }
    // every reversal reverses one document in full, with the other kind, and that one names it back
    for (const d of docs.filter((x) => x.reverses)) {
      const orig = final.get(d.reverses!.number)!;
      expect(orig.reversedBy).toBe(d.number);
      expect(d.kind).not.toBe(orig.kind);
      expect(billingKey(d.billing)).toBe(billingKey(reverseInput(orig.billing)));
      expect(numberOrder(orig, d)).toBeLessThan(0);
    }
    // over all documents each partner is billed exactly what its current invoices say
    for (const p of PARTNERS) {
      const invoiced = sum(records.flatMap((r) => r.invoices.filter((i) => i.necPartner === p).map((i) => i.total)));
      expect(net(docs, p).toFixed(2), p).toBe(invoiced.toFixed(2));
    }
  });

  it("a re-run with the same invoices keeps every document and numbers nothing", () => {
    const inv = [bill("Q-Jobs", [hours("10", "2.50")]), bill("Flexer", [hours("-4", "2.50")])];
    const first = planDocuments({ previous: [], others: [], invoices: inv, issueDate: "2025-04-01", invoicing: INVOICING, projectName: "M", language: "nl" });
    if (!first.ok) throw new Error("plan");
    const again = planDocuments({ previous: first.value.docs.map((d) => d.doc), others: [], invoices: inv, issueDate: "2025-04-09", invoicing: INVOICING, projectName: "M", language: "nl" });
    if (!again.ok) throw new Error("plan");
    expect(again.value.docs.map((d) => [d.doc.number, d.status])).toEqual([
      ["MEN2025-0001", "carried"],
      ["MEN2025-0002", "carried"],
    ]);
    expect(first.value.docs.map((d) => d.doc.kind)).toEqual(["invoice", "credit_note"]);
  });

  it("a document whose lines correct earlier periods names its buyer's documents of those periods (a credit note too), through the ledger and into the UBL", () => {
    const earlier = [
      { number: "MEN2025-0003", issueDate: "2025-12-01", necPartner: "Flexer", period: "2025-11" },
      { number: "MEN2025-0001", issueDate: "2025-11-01", necPartner: "Flexer", period: "2025-10" },
      { number: "MEN2025-0002", issueDate: "2025-12-01", necPartner: "Q-Jobs", period: "2025-11" },
    ];
    const others = earlier.map((d) => ({ number: d.number, issueDate: d.issueDate }));
    const invoices = [
      bill("Flexer", [hours("1", "2.50"), hours("-8.5", "2.50", "2025-11"), hours("-1", "2.50", "2025-10"), hours("-2", "2.50", "2025-11")], "0.21", periodOf(12)),
      bill("Q-Jobs", [hours("4", "2.50")], "0.21", periodOf(12)),
    ];
    const p = planDocuments({ previous: [], others, invoices, issueDate: "2026-01-01", invoicing: INVOICING, projectName: "M", language: "nl", earlier });
    if (!p.ok) throw new Error("plan");
    const [flexer, qjobs] = p.value.docs.map((d) => d.doc);
    expect(flexer!.kind).toBe("credit_note");
    expect(flexer!.corrects).toEqual([
      { number: "MEN2025-0003", issueDate: "2025-12-01" },
      { number: "MEN2025-0001", issueDate: "2025-11-01" },
    ]);
    expect(qjobs!.corrects).toBeUndefined(); // no correction line: no reference, and none to another buyer's document
    const again = issuedFromJson(issuedJson(flexer!, "0".repeat(64)));
    expect(again.corrects).toEqual(flexer!.corrects);
    expect(toEDocument(again).billingReferences).toEqual(flexer!.corrects);
  });

  it("a missing buyer is an input error, and a date before the last document of its year is refused", () => {
    const noBuyer = planDocuments({ previous: [], others: [], invoices: [bill("Itzu Jobs", [hours("1", "2.50")])], issueDate: "2025-04-01", invoicing: INVOICING, projectName: "M", language: "nl" });
    expect(noBuyer.ok ? [] : noBuyer.issues.map((i) => i.code)).toEqual(["no-buyer"]);
    const early = planDocuments({ previous: [], others: [{ number: "MEN2025-0001", issueDate: "2025-04-05" }], invoices: [bill("Q-Jobs", [hours("1", "2.50")])], issueDate: "2025-04-01", invoicing: INVOICING, projectName: "M", language: "nl" });
    expect(early.ok ? [] : early.issues.map((i) => i.code)).toEqual(["issue-date-before-last"]);
    expect(issueDateFor("2025-03-31", undefined, [{ number: "MEN2025-0003", issueDate: "2025-04-05" }])).toMatchObject({ ok: true, value: { date: "2025-04-05", movedFrom: "2025-04-01" } });
    expect(issueDateFor("2025-12-31", undefined, [{ number: "MEN2025-0003", issueDate: "2025-12-31" }])).toMatchObject({ ok: true, value: { date: "2026-01-01" } });
  });
});

describe("ledger verify's document check", () => {
  const record = (seq: number, docs: IssuedDoc[], invoices: BillingInput[]): LedgerRecord =>
    ({
      seq,
      period: `p${seq}`,
      issued: docs.map((d) => issuedJson(d, "0".repeat(64))),
      invoicing: { invoice_date: docs[0]?.issueDate ?? "2025-04-01" },
      totals: { invoices: invoices.map((i) => ({ nec_partner: i.necPartner, subtotal: i.subtotal.toFixed(2), vat: i.vat.toFixed(2), total: i.total.toFixed(2) })) },
    }) as unknown as LedgerRecord;
  const planned = (invoices: BillingInput[], others: { number: string; issueDate: string }[] = []) => {
    const p = planDocuments({ previous: [], others, invoices, issueDate: "2025-04-01", invoicing: INVOICING, projectName: "M", language: "nl" });
    if (!p.ok) throw new Error("plan");
    return p.value.docs.map((d) => d.doc);
  };

  it("accepts a sound ledger and finds a gap, a number used twice and a document that is not its invoice", () => {
    const a = [bill("Q-Jobs", [hours("10", "2.50")]), bill("Flexer", [hours("3", "2.50")])];
    const d1 = planned(a);
    const d2 = planned([bill("Q-Jobs", [hours("1", "2.50")])], d1.map((d) => ({ number: d.number, issueDate: d.issueDate })));
    const sound = { path: "/x/ledger.jsonl", records: [record(1, d1, a), record(2, d2, [bill("Q-Jobs", [hours("1", "2.50")])])] };
    expect(checkDocuments(sound, []).issues).toEqual([]);
    expect(checkDocuments(sound, []).summary.years).toEqual([{ year: "2025", first: "MEN2025-0001", last: "MEN2025-0003", count: 3 }]);

    const gap = { ...sound, records: [record(1, d1, a), record(2, [{ ...d2[0]!, number: "MEN2025-0004" }], [bill("Q-Jobs", [hours("1", "2.50")])])] };
    expect(checkDocuments(gap, []).issues.map((i) => i.code)).toContain("series-broken");
    const twice = { ...sound, records: [record(1, d1, a), record(2, [{ ...d2[0]!, number: "MEN2025-0002" }], [bill("Q-Jobs", [hours("1", "2.50")])])] };
    expect(checkDocuments(twice, []).issues.map((i) => i.code)).toContain("document-twice");
    const wrong = { ...sound, records: [record(1, d1, [bill("Q-Jobs", [hours("11", "2.50")]), a[1]!])] };
    expect(checkDocuments(wrong, []).issues.map((i) => i.code)).toEqual(["document-figures"]);
    // documents of an undone close in the archive keep their numbers in the series
    expect(checkDocuments({ ...sound, records: [record(1, d1, a)] }, d2.map((d) => issuedJson(d, "0".repeat(64)))).summary.documents).toBe(3);
  });
});
