// The funding mix (issue 7): allocation sums to the cost lines exactly, caps
// (source S4: 50% up to €10,000), a subsidy ending shows as a gap and as
// "terugval", leverage and the marginal figure computed by hand.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { D, dec, sum, type Dec } from "../../src/domain/money.js";
import { allocateMonth } from "../../src/domain/scenario/funding.js";
import { fundingFigures, marginal } from "../../src/domain/scenario/funding-figures.js";
import { project } from "../../src/domain/scenario/project.js";
import type { Funder, Scenario } from "../../src/domain/scenario/types.js";
import { tiny } from "./make.js";

const m = (x: Dec): string => x.toFixed(2);
const rate = (name: string, lines: string[], r: string, extra: Partial<Funder> = {}): Funder => ({
  name,
  own: false,
  lines,
  basis: { kind: "rate", rate: dec(r) },
  fromMonth: 1,
  ...extra,
});

describe("allocation of one month", () => {
  const cents = fc.integer({ min: 0, max: 5_000_000 }).map((c) => new D(c).div(100));
  const funderArb = (nLines: number) =>
    fc.record({
      own: fc.boolean(),
      lines: fc.array(fc.boolean(), { minLength: nLines, maxLength: nLines }),
      rate: fc.option(fc.integer({ min: 0, max: 1000 }).map((x) => new D(x).div(1000)), { nil: undefined }),
      amount: cents,
      cap: fc.option(cents, { nil: undefined }),
      capPerMonth: fc.option(cents, { nil: undefined }),
      paidBefore: cents,
      fromMonth: fc.integer({ min: 1, max: 3 }),
    });
  const caseArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({ lines: fc.array(cents, { minLength: n, maxLength: n }), funders: fc.array(funderArb(n), { maxLength: 6 }), month: fc.integer({ min: 1, max: 4 }) }),
  );

  test.prop([caseArb], { numRuns: 300 })("every line is paid exactly: Σ funders + project = line, no part negative, caps hold", ({ lines, funders, month }) => {
    const fs: Funder[] = funders.map((f, i) => ({
      name: `F${i}`,
      own: f.own,
      lines: [],
      basis: f.rate !== undefined ? { kind: "rate", rate: f.rate } : { kind: "amount", perMonth: f.amount },
      fromMonth: f.fromMonth,
      ...(f.cap !== undefined ? { cap: f.cap } : {}),
      ...(f.capPerMonth !== undefined ? { capPerMonth: f.capPerMonth } : {}),
    }));
    const a = allocateMonth(lines, fs, funders.map((f) => f.lines), month, funders.map((f) => f.paidBefore));
    lines.forEach((amount, l) => {
      const parts = [...a.byFunder.map((row) => row[l]!), a.project[l]!];
      expect(m(sum(parts))).toBe(m(amount));
      for (const p of parts) expect(p.isNegative()).toBe(false);
      for (const p of parts) expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
    });
    funders.forEach((f, i) => {
      const paid = a.funderTotals[i]!;
      if (f.capPerMonth !== undefined) expect(paid.lessThanOrEqualTo(f.capPerMonth)).toBe(true);
      if (f.cap !== undefined) expect(paid.lessThanOrEqualTo(D.max(0, f.cap.minus(f.paidBefore)))).toBe(true);
      if (month < f.fromMonth) expect(paid.isZero()).toBe(true);
      a.byFunder[i]!.forEach((x, l) => f.lines[l] || expect(x.isZero()).toBe(true));
    });
    expect(m(a.projectTotal)).toBe(m(sum(a.project)));
  });

  it("a projection with funders ties every month: Σ funders + project = costs, covered + gap = project", () => {
    const s = tiny({
      subsidies: [],
      variableCosts: [{ name: "intake", per: "candidate", amount: dec("33.33"), fromMonth: 1 }],
      funding: [
        rate("ESF", ["staff_cost"], "0.333", { months: 2 }),
        { name: "city", own: false, lines: ["IT", "hosting", "intake"], basis: { kind: "amount", perMonth: dec("333.33") }, fromMonth: 1, cap: dec("700.00") },
        rate("own", ["staff_cost", "intake"], "0.1", { own: true }),
      ],
    });
    for (const r of project(s).rows) {
      const f = r.funding!;
      expect(m(sum([...f.funderTotals, f.projectTotal]))).toBe(m(r.costs));
      expect(m(f.covered.plus(f.gap))).toBe(m(f.projectTotal));
      // Own contributions are cash from the partners: beside the subsidies, not in them (issue 14).
      expect(m(r.subsidies)).toBe(m(sum(f.funderTotals.filter((_, i) => !s.funding![i]!.own))));
      expect(m(r.ownContributions)).toBe(m(f.funderTotals[2]!));
      expect(m(r.result)).toBe(m(r.revenue.minus(r.costs).plus(r.subsidies).plus(r.ownContributions)));
    }
  });
});

describe("cap rules: 50% of a cost, at most €10,000 (source S4)", () => {
  const advice = (cost: string) =>
    allocateMonth([dec(cost)], [rate("premie managementadvies", ["advies"], "0.5", { cap: dec("10000.00") })], [[true]], 1, [dec(0)]).funderTotals[0]!;
  it.each([
    ["8000.00", "4000.00"], // below: 50% × 8,000 = 4,000
    ["20000.00", "10000.00"], // at: 50% × 20,000 = 10,000 exactly the cap
    ["30000.00", "10000.00"], // above: 50% × 30,000 = 15,000, capped at 10,000
    ["0.03", "0.02"], // 50% × 0.03 = 0.015, half away from zero: 0.02
  ])("advice costing %s gets %s", (cost, premium) => expect(m(advice(cost))).toBe(premium));

  it("the total cap counts what was paid in earlier months; the rest falls to the project", () => {
    // 9,000 paid before; 50% × 4,000 = 2,000 wanted, 1,000 of cap left: funder 1,000, project 3,000.
    const a = allocateMonth([dec("4000.00")], [rate("p", ["x"], "0.5", { cap: dec("10000.00") })], [[true]], 1, [dec("9000.00")]);
    expect([m(a.funderTotals[0]!), m(a.projectTotal)]).toEqual(["1000.00", "3000.00"]);
  });

  it("a capped rate funder cuts each line in proportion, in cents that add up", () => {
    // Wants 50% of 100.00 and 50% of 200.01 = 50.00 + 100.01 (100.005 rounds up) = 150.01; cap per month 100.00.
    // Largest remainder of 100.00 over weights 50.00 : 100.01 = 33.33 : 66.67.
    const a = allocateMonth([dec("100.00"), dec("200.01")], [rate("p", ["a", "b"], "0.5", { capPerMonth: dec("100.00") })], [[true, true]], 1, [dec(0)]);
    expect(a.byFunder[0]!.map(m)).toEqual(["33.33", "66.67"]);
    expect(a.project.map(m)).toEqual(["66.67", "133.34"]);
  });

  it("later funders only get what earlier ones left (file order)", () => {
    // Line 1,000: A pays 60% = 600, B wants 60% = 600 but only 400 is left.
    const a = allocateMonth([dec("1000.00")], [rate("A", ["x"], "0.6"), rate("B", ["x"], "0.6")], [[true], [true]], 1, [dec(0), dec(0)]);
    expect([...a.funderTotals.map(m), m(a.projectTotal)]).toEqual(["600.00", "400.00", "0.00"]);
  });
});

/** A flat scenario to reason about by hand: no placements in 3 months, staff 1,000.00 a month, nothing else. */
function flat(over: Partial<Scenario> = {}): Scenario {
  return tiny({
    months: 4,
    monthsToPlacement: 10, // no one is placed inside the horizon: no revenue
    benefits: [],
    subsidies: [],
    investments: [],
    runningCosts: [],
    necPartners: [],
    sePartners: ["A"],
    seStaff: { ftePerPartner: dec("1"), yearlyCostPerFte: dec("12000.00"), indexation: dec("0") }, // 1 × 12,000 / 12 = 1,000.00 a month
    openingReserve: dec("2000.00"),
    ...over,
  });
}

describe("a subsidy line that stops", () => {
  it("shows as a gap once the reserve is used up, and as terugval in the figures", () => {
    // Staff 1,000/month. ESF 50% for 2 months, partners 10% throughout, reserve 2,000, no revenue.
    // m1: ESF 500, own 100, project 400 (reserve 2,000 → 1,600)
    // m2: ESF 500, own 100, project 400 (1,600 → 1,200)
    // m3: ESF stops: own 100, project 900 (1,200 → 300)
    // m4: own 100, project 900: reserve 300 covers 300, gap 600 (→ −600)
    const s = flat({ funding: [rate("ESF", ["staff_cost"], "0.5", { months: 2 }), rate("own", ["staff_cost"], "0.1", { own: true })] });
    const p = project(s);
    expect(p.rows.map((r) => [m(r.funding!.projectTotal), m(r.funding!.covered), m(r.funding!.gap), m(r.reserve)])).toEqual([
      ["400.00", "400.00", "0.00", "1600.00"],
      ["400.00", "400.00", "0.00", "1200.00"],
      ["900.00", "900.00", "0.00", "300.00"],
      ["900.00", "300.00", "600.00", "-600.00"],
    ]);
    const f = fundingFigures(s, p);
    expect(f.stops).toHaveLength(1);
    const stop = f.stops[0]!;
    // Result = −project share with no revenue: −400 in month 2, −900 in month 3.
    expect([stop.funder, stop.lastMonth, stop.reason, m(stop.resultBefore), m(stop.resultAfter), m(stop.lastPayment)]).toEqual(["ESF", 2, "window", "-400.00", "-900.00", "500.00"]);
    // Without revenue in the horizon no inflow helps, as is or with ESF continued: not feasible, no extra inflow figure.
    expect(stop.leastInflow.status).toBe("not-feasible");
    expect(stop.extraInflow).toBeUndefined();
    expect(m(f.gapTotal)).toBe("600.00");
  });

  it("terugval: the extra inflow the stop demands is solve's answer as is minus with the line continued", () => {
    // tiny over 24 months: staff 2 × 0.5 × 24,000 / 12 = 2,000/month, fully paid by ESF for 6 months; opening reserve 1,500.
    // After month 6 the staff cost falls on the project, so it needs more candidates than if ESF went on.
    const s = tiny({ months: 24, subsidies: [], openingReserve: dec("1500.00"), funding: [rate("ESF", ["staff_cost"], "1", { months: 6 })] });
    const f = fundingFigures(s, project(s));
    const stop = f.stops[0]!;
    expect([stop.funder, stop.lastMonth, m(stop.lastPayment)]).toEqual(["ESF", 6, "2000.00"]);
    if (stop.leastInflow.status !== "found" || stop.leastInflowIfContinued.status !== "found") throw new Error("expected both solves to find an inflow");
    expect([stop.leastInflow.value.toFixed(), stop.leastInflowIfContinued.value.toFixed(), stop.extraInflow!.toFixed()]).toEqual(["5", "1", "4"]);
    // solve's answers are honest: feasible, and one candidate less is not.
    expect(stop.leastInflow.figures.feasible).toBe(true);
    expect(stop.leastInflow.below!.feasible).toBe(false);
    expect(stop.leastInflowIfContinued.figures.feasible).toBe(true);
    expect(stop.leastInflowIfContinued.below!.feasible).toBe(false);
    // Cross-check against the projection itself: at 4 candidates the reserve goes below zero only after ESF stops.
    const four = project({ ...s, inflow: { kind: "constant", perMonth: dec("4") } });
    const firstNegative = four.rows.find((r) => r.reserve.isNegative())!.month;
    expect(firstNegative).toBeGreaterThan(6);
  });
});

describe("leverage", () => {
  it("is total costs over own contribution, computed by hand", () => {
    // Staff 1,000/month × 4 months = 4,000 of activity (no other cost lines).
    // ESF 50% in months 1-2: 500 + 500 = 1,000. Own contribution 20% of each month: 200 × 4 = 800.
    // Leverage = 4,000 / 800 = 5.00: each euro the partners put in carries five euros of activity.
    const s = flat({ funding: [rate("ESF", ["staff_cost"], "0.5", { months: 2 }), rate("own", ["staff_cost"], "0.2", { own: true })] });
    const f = fundingFigures(s, project(s));
    expect(f.funders.map((x) => [x.name, x.own, m(x.total)])).toEqual([
      ["ESF", false, "1000.00"],
      ["own", true, "800.00"],
    ]);
    expect([m(f.totalCosts), m(f.ownContribution), f.leverage!.toFixed(2)]).toEqual(["4000.00", "800.00", "5.00"]);
    // Project: 4,000 − 1,000 − 800 = 2,200.
    expect(m(f.projectTotal)).toBe("2200.00");
  });

  it("has no figure without own contribution", () => {
    const s = flat({ funding: [rate("ESF", ["staff_cost"], "0.5")] });
    expect(fundingFigures(s, project(s)).leverage).toBeUndefined();
  });
});

describe("marginal figure: one extra candidate a month", () => {
  it("matches a hand computation", () => {
    // 3 months, placement in the month of entry, no drop-out: +1 candidate/month → +0.5 × 0.4 = +0.2 placed/month.
    // Extra active workers 0.2, 0.4, 0.6; hours × 130 (30 h × 52/12): 26, 52, 78; fee 2.00: +52, +104, +156 = 312.00.
    // No benefits. Variable: intake 10.00 per candidate = +10 × 3 = 30.00; follow-up 5.00 per active worker-month = 5 × 1.2 = 6.00.
    // Funding: a city pays 50% of intake: +5 × 3 = 15.00.
    // Per extra candidate (3 of them): revenue 104.00, variable cost 12.00, funding 5.00, result (312 − 36 + 15) / 3 = 97.00.
    const s = tiny({
      monthsToPlacement: 0,
      monthlyDropout: dec("0"),
      benefits: [],
      subsidies: [],
      inflow: { kind: "constant", perMonth: dec("10") },
      variableCosts: [
        { name: "intake", per: "candidate", amount: dec("10.00"), fromMonth: 1 },
        { name: "follow-up", per: "worker", amount: dec("5.00"), fromMonth: 1 },
      ],
      funding: [rate("city", ["intake"], "0.5")],
    });
    const mg = marginal(s);
    expect([mg.extraCandidates.toFixed(), m(mg.extraRevenue), m(mg.extraVariableCost), m(mg.extraFunding), m(mg.extraResult)]).toEqual(["3", "312.00", "36.00", "15.00", "291.00"]);
    expect([m(mg.revenuePerCandidate), m(mg.variableCostPerCandidate), m(mg.fundingPerCandidate), m(mg.resultPerCandidate)]).toEqual(["104.00", "12.00", "5.00", "97.00"]);
  });
});

describe("Monte Carlo with variable cost lines", () => {
  it("follows the drawn inflow: zero variance reproduces the exact run, and a higher fixed draw moves the variable costs too", async () => {
    const { loadScenarioFile } = await import("../../src/adapters/scenario-file.js");
    const { monteCarlo } = await import("../../src/domain/scenario/montecarlo.js");
    const l = await loadScenarioFile("scenarios/funding-mix.yaml");
    if (!l.ok) throw new Error("load failed");
    const s = l.value.scenario;
    const fixed = (v: string) => ({ distribution: { dist: "fixed" as const, value: { kind: "abs" as const, value: Number(v) } }, per: "run" as const });
    for (const inflow of ["8", "12"]) {
      const zero = { ...s, monteCarlo: { inflow: fixed(inflow), placementRate: fixed("0.5"), monthlyDropout: fixed("0.08"), hoursPerWeek: fixed("30") } };
      // The exact run at that inflow (the funders in it pay no variable line at a rate, so the float engine's fixed funding is exact here).
      const exact = project({ ...zero, inflow: { kind: "constant", perMonth: dec(inflow) } }, { detail: false });
      const mc = monteCarlo(zero, project(zero, { detail: false }), 20, 5);
      exact.rows.forEach((r, t) => expect(Math.abs(mc.reserveP50[t]! - r.reserve.toNumber()), `inflow ${inflow} month ${t + 1}`).toBeLessThanOrEqual(0.05));
    }
  });
});
