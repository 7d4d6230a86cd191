// Invariants of every close (SPEC §3 identities), over random inputs:
// Σ invoice subtotals = R, Σ shares = R exactly, covered + retained (+ distributed)
// = share, the reserve rolls forward, and every row is counted exactly once.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { closePeriod } from "../../src/domain/close.js";
import { ROW_STATUSES } from "../../src/domain/classify.js";
import type { BenefitRow, HourRow, ModelConfig, StaffRow } from "../../src/domain/model.js";
import { D, dec, sum } from "../../src/domain/money.js";
import { parsePeriod } from "../../src/domain/period.js";

const se = ["A", "B", "C", "D"];
const nec = ["N1", "N2", "N3"];
const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new D(c).div(100));
const date = fc.integer({ min: 0, max: 364 }).map((d) => {
  const t = new Date(Date.UTC(2024, 9, 1) + d * 86_400_000); // test data only: Oct 2024 .. Sep 2025
  return t.toISOString().slice(0, 10);
});
const src = { file: "p.csv", line: 2 };
const hourRow = fc.record({ date, nec: fc.constantFrom(...nec), h: fc.integer({ min: -800, max: 4000 }).map((x) => new D(x).div(100)) }).map(
  (r): HourRow => ({ kind: "hours", date: r.date, necPartner: r.nec, candidate: "K", hours: r.h, source: src }),
);
const benefitRow = fc.record({ date, nec: fc.constantFrom(...nec), t: fc.constantFrom("RSZ", "maatwerk"), a: cents(-50_000, 300_000) }).map(
  (r): BenefitRow => ({ kind: "benefits", date: r.date, necPartner: r.nec, candidate: "K", type: r.t, amount: r.a, source: src }),
);
const staffRow = fc.record({ p: fc.constantFrom(...se), m: fc.constantFrom("2025-01", "2025-02", "2025-03", "2025-Q1", "2025-Q2"), c: cents(0, 900_000), s: cents(0, 300_000) }).map(
  (r): StaffRow => ({ kind: "staff", period: r.m, partner: r.p, role: "coach", fte: dec("0.5"), cost: r.c, subsidy: r.s, source: src }),
);

const config = (profit: "retain" | "distribute", shortfall: "partner" | "reserve-first"): ModelConfig => ({
  project: "P", language: "nl", start: "2024-11-01", sePartners: se, necPartners: nec,
  hourlyFees: [{ from: "2024-01-01", rate: dec("2.50") }, { from: "2025-02-15", rate: dec("2.75") }, { from: "2025-03-01", rate: dec("3.10"), necPartner: "N2" }],
  benefitShare: dec("0.70"), benefitTypes: ["RSZ", "maatwerk"], vatRate: dec("0.21"), profit, shortfall,
  effortTolerance: dec("0.10"), openingReserve: dec("0"), otherCosts: [],
});

test.prop(
  {
    hours: fc.array(hourRow, { maxLength: 40 }),
    benefits: fc.array(benefitRow, { maxLength: 20 }),
    staff: fc.array(staffRow, { maxLength: 10 }),
    period: fc.constantFrom("2025-01", "2025-02", "2025-03", "2025-Q1", "2025", "2025-01-15..2025-02-20"),
    profit: fc.constantFrom("retain" as const, "distribute" as const),
    shortfall: fc.constantFrom("partner" as const, "reserve-first" as const),
    opening: cents(-100_000, 1_000_000),
    other: cents(0, 500_000),
  },
  { numRuns: 300 },
)("every close satisfies the SPEC §3 identities", (x) => {
  const r = closePeriod({
    config: config(x.profit, x.shortfall),
    period: parsePeriod(x.period)!,
    hours: x.hours,
    benefits: x.benefits,
    staff: x.staff,
    otherCosts: [{ date: "2025-01-20", description: "IT", amount: x.other }],
    openingReserve: x.opening,
  });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  const c = r.value;
  expect(sum(c.invoices.map((i) => i.subtotal)).equals(c.revenue)).toBe(true);
  expect(sum(c.settlement.shares).equals(c.revenue)).toBe(true);
  for (const p of c.settlement.partners) {
    expect(p.covered.plus(p.retained).plus(p.distributed).equals(p.share)).toBe(true);
    expect(p.uncovered.isNegative()).toBe(false);
  }
  const res = c.settlement.reserve;
  expect(res.opening.plus(res.retained).minus(res.otherCosts).minus(res.reservePayments).equals(res.closing)).toBe(true);
  if (x.shortfall === "reserve-first" && !res.reservePayments.isZero()) expect(res.closing.isNegative()).toBe(false);
  expect(ROW_STATUSES.reduce((a, s) => a + c.rows.hours[s], 0)).toBe(x.hours.length);
  expect(ROW_STATUSES.reduce((a, s) => a + c.rows.benefits[s], 0)).toBe(x.benefits.length);
  expect(c.checks.filter((k) => k.name !== "reserve_not_negative").every((k) => k.ok)).toBe(true);
  // a negative reserve is never silent: its check fails, and a warning says why
  const reserveCheck = c.checks.find((k) => k.name === "reserve_not_negative")!;
  expect(reserveCheck.ok).toBe(!res.closing.isNegative());
  expect(c.warnings.some((w) => w.code === "reserve-negative")).toBe(res.closing.isNegative());
  for (const v of [c.revenue, ...c.settlement.shares, res.closing]) expect(v.decimalPlaces()).toBeLessThanOrEqual(2);
});
