// The pure rules of issue 11: correction invoice lines, settling a correction
// where the corrected period's money went, the split by active days, staff
// and cost corrections of closed periods, partner spans, period arithmetic.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { closedPeriodOf, costCorrections, Restated, staffCorrections, type ClosedPeriod } from "../../src/domain/corrections.js";
import { buildInvoice, correctionLines } from "../../src/domain/invoice.js";
import type { StaffRow } from "../../src/domain/model.js";
import { dec, sum, ZERO } from "../../src/domain/money.js";
import { activeDays, membershipIssues, seWeights } from "../../src/domain/partners.js";
import { addDays, dayNumber, isoOfDay, parsePeriod, periodStartingOn } from "../../src/domain/period.js";
import { settle, splitWeighted } from "../../src/domain/settlement.js";
import { issueMessage } from "../../src/i18n/render.js";

const config = { benefitShare: dec("0.70"), benefitTypes: ["RSZ", "maatwerk"] };

describe("correction lines", () => {
  it("one line per (period, rate): late rows and new versions minus reversals, rounded once", () => {
    const lines = correctionLines(config, [
      { of: "hours", period: "2025-01", price: dec("2.50"), date: "2025-01-06", quantity: dec("-7.6"), reversal: true },
      { of: "hours", period: "2025-01", price: dec("2.50"), date: "2025-01-06", quantity: dec("6.6"), reversal: false },
      { of: "hours", period: "2025-01", price: dec("2.50"), date: "2025-01-25", quantity: dec("0.01"), reversal: false },
      { of: "hours", period: "2024-12", price: dec("2.75"), date: "2024-12-30", quantity: dec("1"), reversal: false },
      { of: "benefits", period: "2025-01", price: dec("0.70"), type: "maatwerk", date: "2025-01-10", quantity: dec("10.05"), reversal: false },
      { of: "benefits", period: "2025-01", price: dec("0.70"), type: "RSZ", date: "2025-01-13", quantity: dec("-1000.00"), reversal: true },
    ]);
    expect(lines.map((l) => [l.period, l.of, l.price.toFixed(2), l.types.join("+"), l.quantity.toFixed(), l.amount.toFixed(2), l.added, l.reversed])).toEqual([
      ["2024-12", "hours", "2.75", "", "1", "2.75", 1, 0],
      // −7.6 + 6.6 + 0.01 = −0.99 h × 2.50 = −2.475 → −2.48 (half away from zero)
      ["2025-01", "hours", "2.50", "", "-0.99", "-2.48", 2, 1],
      // one share for every type: one line, types in config order
      ["2025-01", "benefits", "0.70", "RSZ+maatwerk", "-989.95", "-692.97", 1, 1],
    ]);
    const inv = buildInvoice("Q-Jobs", lines, dec("0.21"));
    expect(inv.corrections.toFixed(2)).toBe("-692.70");
    expect(inv.subtotal.equals(sum(lines.map((l) => l.amount)))).toBe(true);
    expect(inv.hours.toFixed()).toBe("0.01");
    expect(inv.creditNote).toBe(true);
  });

  it("with a share per benefit type, one line per type", () => {
    const perType = { benefitShare: { RSZ: dec("0.70"), maatwerk: dec("0.50") }, benefitTypes: ["RSZ", "maatwerk"] };
    const lines = correctionLines(perType, [
      { of: "benefits", period: "2025-01", price: dec("0.70"), type: "RSZ", date: "2025-01-13", quantity: dec("100"), reversal: false },
      { of: "benefits", period: "2025-01", price: dec("0.50"), type: "maatwerk", date: "2025-01-13", quantity: dec("100"), reversal: false },
    ]);
    expect(lines.map((l) => [l.types, l.amount.toFixed(2)])).toEqual([[["maatwerk"], "50.00"], [["RSZ"], "70.00"]]);
  });
});

describe("settling a correction where the corrected period's money went", () => {
  const period = (position: Record<string, [string, string]>, partners = Object.keys(position)) => ({
    period: "2025-01",
    partners: partners.map((name) => ({ name, days: 31 })),
    position: new Map(Object.entries(position).map(([n, [s, c]]) => [n, { share: dec(s), staffCost: dec(c) }])),
  });
  const base = { order: ["A", "B", "C"], active: [{ name: "A", days: 28 }, { name: "B", days: 28 }], staffCosts: [dec("0"), dec("0")], openingReserve: dec("1000"), otherCosts: ZERO, revenue: ZERO };

  it("retain: a smaller share first reduces the surplus kept in the reserve, then the covered cost", () => {
    // A had 250 against a cost of 200 (50 retained); a correction of −150 for January takes 75 from each
    const r = settle({ ...base, profit: "retain", shortfall: "partner", corrections: [{ ...period({ A: ["250", "200"], B: ["250", "300"] }), revenue: dec("-150"), staffCost: new Map() }] });
    const [a, b] = r.corrections;
    expect([a!.share, a!.covered, a!.retained, a!.uncovered].map((x) => x.toFixed(2))).toEqual(["-75.00", "-25.00", "-50.00", "25.00"]);
    // B was already short: its whole −75 is covered cost it pays back, and its shortfall grows by 75
    expect([b!.share, b!.covered, b!.retained, b!.uncovered].map((x) => x.toFixed(2))).toEqual(["-75.00", "-75.00", "0.00", "75.00"]);
    expect(r.reserve.closing.toFixed(2)).toBe("950.00");
  });

  it("distribute: the change in surplus goes to the partner, not the reserve", () => {
    const r = settle({ ...base, profit: "distribute", shortfall: "partner", corrections: [{ ...period({ A: ["250", "200"], B: ["250", "200"] }), revenue: dec("100"), staffCost: new Map() }] });
    expect(r.corrections.map((c) => [c.distributed.toFixed(2), c.retained.toFixed(2)])).toEqual([["50.00", "0.00"], ["50.00", "0.00"]]);
    expect(r.reserve.closing.toFixed(2)).toBe("1000.00");
  });

  it("a staff cost correction belongs to its partner; reserve-first pays a larger shortfall from the reserve", () => {
    const r = settle({ ...base, profit: "retain", shortfall: "reserve-first", corrections: [{ ...period({ A: ["250", "250"], B: ["250", "100"] }), revenue: ZERO, staffCost: new Map([["A", dec("40")]]) }] });
    expect(r.corrections).toHaveLength(1);
    expect(r.corrections[0]).toMatchObject({ sePartner: "A" });
    expect(r.corrections[0]!.uncovered.toFixed(2)).toBe("40.00");
    expect(r.partners.find((p) => p.sePartner === "A")!.reservePayment.toFixed(2)).toBe("40.00");
    expect(r.reserve.closing.toFixed(2)).toBe("960.00");
  });

  it("a partner that left still shares its old period's correction, and the shares add up to the revenue", () => {
    const r = settle({ ...base, profit: "retain", shortfall: "partner", corrections: [{ ...period({ A: ["100", "0"], B: ["100", "0"], C: ["100", "0"] }), revenue: dec("10.00"), staffCost: new Map() }] });
    expect(r.partners.map((p) => [p.sePartner, p.days, p.share.toFixed(2)])).toEqual([["A", 28, "3.34"], ["B", 28, "3.33"], ["C", 0, "3.33"]]);
    expect(sum(r.shares).equals(r.revenue)).toBe(true);
  });
});

describe("partners joining and leaving", () => {
  const cfg = { sePartners: ["A", "B", "C"], necPartners: ["N"], partnerSpans: { B: { until: "2025-02-14" }, C: { from: "2025-02-20" }, N: { until: "2025-01-31" } } };
  it("weights the split by active days, leaving out partners with none", () => {
    expect(seWeights(cfg, parsePeriod("2025-02")!)).toEqual([{ name: "A", days: 28 }, { name: "B", days: 14 }, { name: "C", days: 9 }]);
    expect(seWeights(cfg, parsePeriod("2025-03")!).map((w) => w.name)).toEqual(["A", "C"]);
    expect(splitWeighted(dec("102.00"), seWeights(cfg, parsePeriod("2025-02")!)).map((x) => x.toFixed(2))).toEqual(["56.00", "28.00", "18.00"]);
    expect(activeDays({}, "2025-01-01", "2025-12-31")).toBe(365);
  });

  test.prop([fc.integer({ min: -100_000_00, max: 100_000_00 }), fc.array(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 6 })])("the split by days is exact", (cents, days) => {
    const parts = splitWeighted(dec(cents).div(100), days.map((d, i) => ({ name: `P${i}`, days: d })));
    expect(sum(parts).equals(dec(cents).div(100))).toBe(true);
  });

  it("refuses hours and benefit rows dated outside their agency's span, with file:line", () => {
    const src = { file: "uren.csv", line: 7 };
    const issues = membershipIssues(cfg, {
      hours: [
        { kind: "hours", date: "2025-02-03", necPartner: "N", candidate: "K", hours: dec("1"), source: src },
        { kind: "hours", date: "2025-01-31", necPartner: "N", candidate: "K", hours: dec("1"), source: { file: "uren.csv", line: 8 } },
      ],
      benefits: [],
    });
    expect(issues.map((i) => `${i.source?.file}:${i.source?.line} ${issueMessage(i)}`)).toEqual(["uren.csv:7 N does not take part on 2025-02-03"]);
  });
});

describe("staff rows and costs of closed periods", () => {
  const jan: ClosedPeriod = {
    label: "2025-01", from: "2025-01-01", to: "2025-01-31",
    sePartners: [{ name: "A", days: 31 }],
    position: new Map([["A", { share: dec("1000"), staffCost: dec("200.00") }]]),
    otherCosts: dec("50"),
    staffRows: [{ partner: "A", period: "2025-Q1", role: "coach", fte: dec("1"), cost: dec("600") }],
    costs: [{ date: "2025-01-10", description: "IT", amount: dec("50") }],
  };
  const staff = (period: string, cost: string, line: number): StaffRow => ({ kind: "staff", period, partner: "A", role: "coach", fte: dec("1"), cost: dec(cost), source: { file: "p.csv", line } });

  it("a quarter row edited after January was closed: January's third is corrected", () => {
    const restated = new Restated([{ scope: "A", from: "2025-01-01" }], [jan]);
    const [c] = staffCorrections([jan], [staff("2025-Q1", "900", 2)], ["A"], restated);
    expect(c).toMatchObject({ period: "2025-01", partner: "A" });
    expect([c!.before, c!.now, c!.delta].map((x) => x.toFixed(2))).toEqual(["200.00", "300.00", "100.00"]);
    expect(c!.removed).toHaveLength(1);
    expect(c!.added).toHaveLength(1);
  });

  it("a staff row no export restates any more is kept as charged (not reversed)", () => {
    const none = new Restated([{ scope: "A", from: "2025-02-01" }], [jan]); // the staff file starts in February
    expect(staffCorrections([jan], [staff("2025-02", "100", 2)], ["A"], none)).toEqual([]);
  });

  it("a late cost and a withdrawn cost of a closed period", () => {
    const restated = new Restated([{ scope: "", from: "2025-01-01" }], [jan]);
    const [c] = costCorrections([jan], [{ date: "2025-01-28", description: "late", amount: dec("40") }], restated);
    expect(c!.added.map((x) => x.description)).toEqual(["late"]);
    expect(c!.removed.map((x) => x.description)).toEqual(["IT"]);
    expect(c!.delta.toFixed(2)).toBe("-10.00");
  });

  it("finds the closed period of a date", () => {
    const feb = { ...jan, label: "2025-02", from: "2025-02-01", to: "2025-02-28" };
    expect(closedPeriodOf([jan, feb], "2025-02-14")).toBe("2025-02");
    expect(closedPeriodOf([jan, feb], "2025-03-01")).toBeUndefined();
  });
});

describe("period arithmetic", () => {
  test.prop([fc.integer({ min: -100_000, max: 200_000 })])("day numbers and ISO dates are inverse", (n) => {
    expect(dayNumber(isoOfDay(n))).toBe(n);
  });
  it("adds days across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(dayNumber("1970-01-01")).toBe(0);
  });
  it("names the period that starts on a day, in the kind asked for when one starts there", () => {
    expect(periodStartingOn("2025-04-01", "quarter").label).toBe("2025-Q2");
    expect(periodStartingOn("2025-05-01", "quarter").label).toBe("2025-05");
    expect(periodStartingOn("2026-01-01", "year").label).toBe("2026");
    expect(periodStartingOn("2025-05-15", "month").label).toBe("2025-05-15..2025-05-31");
  });
});

describe("staff of a partner that does not take part in a closed period", () => {
  it("is not charged there by a later correction either", () => {
    const mar: ClosedPeriod = {
      label: "2025-03", from: "2025-03-01", to: "2025-03-31",
      sePartners: [{ name: "A", days: 31 }],
      position: new Map([["A", { share: dec("100"), staffCost: dec("0.00") }]]),
      otherCosts: ZERO, staffRows: [], costs: [],
    };
    // B left in February; its quarter row overlaps March, where it took no part
    const row: StaffRow = { kind: "staff", period: "2025-Q1", partner: "B", role: "coach", fte: dec("1"), cost: dec("900"), source: { file: "p.csv", line: 2 } };
    const restated = new Restated([{ scope: "B", from: "2025-01-01" }], [mar]);
    expect(staffCorrections([mar], [row], ["A", "B"], restated)).toEqual([]);
  });
});
