// The Decimal projection checked by hand on a 3-month scenario, and its invariants.
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { dec, sum } from "../../src/domain/money.js";
import { keyFigures } from "../../src/domain/scenario/figures.js";
import { project } from "../../src/domain/scenario/project.js";
import { money, tiny } from "./make.js";

describe("projection, hand-checked (tiny: inflow 10, ready 0.5, placement 0.4 after 1 month, drop-out 10%)", () => {
  const p = project(tiny());
  const [m1, m2, m3] = p.rows;

  it("month 1: nobody placed yet; costs, the capped staff subsidy and the investment", () => {
    // staff = 2 partners × round(0.5 FTE × 24000 / 12) = 2 × 1000.00 = 2000.00
    // costs = 2000 + investment 1000 + running 50 = 3050; subsidy = 50% × 2000 = 1000 (cap 1500 not reached)
    // result = 0 − 3050 + 1000 = −2050; reserve = 500 − 2050 = −1550
    expect(m1!.placements.toFixed()).toBe("0");
    expect(money(m1!.staffCost)).toBe("2000.00");
    expect(money(m1!.costs)).toBe("3050.00");
    expect(money(m1!.subsidies)).toBe("1000.00");
    expect(money(m1!.result)).toBe("-2050.00");
    expect(money(m1!.reserve)).toBe("-1550.00");
  });

  it("month 2: the month-1 cohort is placed and works; the subsidy hits its cap", () => {
    // placements = 10 × 0.5 × 0.4 = 2; active = 2; hours = 2 × 30 × 52/12 = 260
    // fees = 260 × 2.00 = 520.00; benefits = 2 workers × 100 (month 1 since placement) = 200.00
    // benefit fee = 0.7 × 200 = 140.00; revenue = 660.00
    // subsidy = min(1000, 1500 − 1000) = 500.00; result = 660 − 2050 + 500 = −890.00; reserve = −1550 − 890 = −2440.00
    expect(m2!.placements.toFixed()).toBe("2");
    expect(m2!.activeWorkers.toFixed()).toBe("2");
    expect(m2!.hours.toFixed()).toBe("260");
    expect(money(m2!.fees)).toBe("520.00");
    expect(money(m2!.benefitsGross)).toBe("200.00");
    expect(money(m2!.benefitFee)).toBe("140.00");
    expect(money(m2!.revenue)).toBe("660.00");
    expect(money(m2!.subsidies)).toBe("500.00");
    expect(money(m2!.result)).toBe("-890.00");
    expect(money(m2!.reserve)).toBe("-2440.00");
  });

  it("month 3: drop-out hits the first cohort; benefits by months since placement", () => {
    // active = 2 × 0.9 + 2 = 3.8; hours = 3.8 × 130 = 494; fees = 988.00
    // benefits = cohort 2 in its 2nd month (1.8 × 100) + cohort 3 in its 1st (2 × 100) = 380.00; fee = 266.00
    // revenue = 1254.00; subsidy 0 (cap used up); result = 1254 − 2050 = −796.00; reserve = −3236.00
    expect(m3!.activeWorkers.toFixed()).toBe("3.8");
    expect(m3!.hours.toFixed()).toBe("494");
    expect(money(m3!.fees)).toBe("988.00");
    expect(money(m3!.benefitsGross)).toBe("380.00");
    expect(money(m3!.benefitFee)).toBe("266.00");
    expect(money(m3!.subsidies)).toBe("0.00");
    expect(money(m3!.result)).toBe("-796.00");
    expect(money(m3!.cumulativeResult)).toBe("-3736.00");
    expect(money(m3!.reserve)).toBe("-3236.00");
  });

  it("key figures: no break-even, no payback, funding need = −lowest reserve", () => {
    const k = keyFigures(p);
    expect(k.breakEvenMonth).toBeUndefined();
    expect(k.paybackMonth).toBeUndefined();
    expect(money(k.lowestReserve)).toBe("-3236.00");
    expect(k.lowestReserveMonth).toBe(3);
    expect(money(k.fundingNeed)).toBe("3236.00");
    expect(k.feasible).toBe(false);
    expect(money(k.totalSubsidies)).toBe("1500.00");
    expect(money(k.resultWithoutSubsidies)).toBe("-5236.00");
  });

  it("SE partners: revenue split equally (660 + 1254 → 957 each), staff cost 3000 and subsidy 750 each", () => {
    expect(p.sePartners!.map((x) => [x.name, money(x.share), money(x.staffCost), money(x.staffSubsidy), money(x.balance)])).toEqual([
      ["A", "957.00", "3000.00", "750.00", "-1293.00"],
      ["B", "957.00", "3000.00", "750.00", "-1293.00"],
    ]);
  });

  it("NEC win-win: margin 4 × 754 h − fees 1508 − cell 300 + 30% of benefits kept (580 − 406)", () => {
    const n = p.necPartners![0]!;
    expect([money(n.margin), money(n.feesPaid), money(n.benefitsReceived), money(n.benefitFeePaid), money(n.benefitsKept), money(n.cellCost), money(n.net)]).toEqual([
      "3016.00", "1508.00", "580.00", "406.00", "174.00", "300.00", "1382.00",
    ]);
  });

  it("break-even is the first month from which the result stays ≥ 0; payback counts from month 1", () => {
    const k = keyFigures(project(tiny({ months: 12, subsidies: [], investments: [], inflow: { kind: "constant", perMonth: dec("40") } })));
    // inflow 40 → 8 placements a month; staff 2000/month is covered from month 2 on (8 × 130 × 2 + 0.7 × 800 = 2640 > 2050)
    expect(k.breakEvenMonth).toBe(2);
    expect(k.paybackMonth).toBe(3);
  });
});

const arbScenario = fc.record({
  inflow: fc.integer({ min: 0, max: 30 }),
  extra: fc.integer({ min: 1, max: 10 }),
  ready: fc.integer({ min: 0, max: 100 }),
  rate: fc.integer({ min: 0, max: 100 }),
  drop: fc.integer({ min: 0, max: 50 }),
  lag: fc.integer({ min: 0, max: 4 }),
  hours: fc.integer({ min: 0, max: 40 }),
  feeCents: fc.integer({ min: 0, max: 500 }),
  benefit: fc.integer({ min: 0, max: 50000 }),
  months: fc.integer({ min: 1, max: 24 }),
  nSe: fc.integer({ min: 1, max: 5 }),
});

const build = (a: fc.infer<typeof arbScenario>, inflow: number) =>
  tiny({
    necPartners: [
      { name: "N1", share: dec("0.5"), marginPerHour: dec("4.00"), cellCostPerMonth: dec("100.00") },
      { name: "N2", share: dec("0.3"), marginPerHour: dec("3.50"), cellCostPerMonth: dec("0.00") },
      { name: "N3", share: dec("0.2"), marginPerHour: dec("5.00"), cellCostPerMonth: dec("50.00") },
    ],
    months: a.months,
    sePartners: Array.from({ length: a.nSe }, (_, i) => `SE${i}`),
    inflow: { kind: "constant", perMonth: dec(inflow) },
    readyShare: dec(a.ready).div(100),
    placementRate: dec(a.rate).div(100),
    monthlyDropout: dec(a.drop).div(100),
    monthsToPlacement: a.lag,
    hoursPerWeek: dec(a.hours),
    fee: [{ fromMonth: 1, value: dec(a.feeCents).div(100) }],
    benefits: [{ type: "X", tiers: [{ fromMonth: 1, toMonth: 12, amount: dec(a.benefit).div(100) }] }],
  });

describe("projection properties", () => {
  test.prop([arbScenario], { numRuns: 60, seed: 6 })("more inflow never lowers the end reserve (revenue per worker ≥ 0)", (a) => {
    const lo = keyFigures(project(build(a, a.inflow), { detail: false }));
    const hi = keyFigures(project(build(a, a.inflow + a.extra), { detail: false }));
    expect(hi.endReserve.greaterThanOrEqualTo(lo.endReserve)).toBe(true);
    expect(hi.lowestReserve.greaterThanOrEqualTo(lo.lowestReserve)).toBe(true);
  });

  test.prop([arbScenario], { numRuns: 40, seed: 7 })("every month ties: revenue = fees + benefit fee, reserve rolls forward, SE shares sum to revenue", (a) => {
    const s = build(a, a.inflow);
    const p = project(s);
    let reserve = s.openingReserve;
    for (const r of p.rows) {
      expect(r.revenue.equals(r.fees.plus(r.benefitFee))).toBe(true);
      expect(r.result.equals(r.revenue.minus(r.costs).plus(r.subsidies))).toBe(true);
      reserve = reserve.plus(r.result);
      expect(r.reserve.equals(reserve)).toBe(true);
      expect(r.fees.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(r.benefitFee.decimalPlaces()).toBeLessThanOrEqual(2);
    }
    expect(sum(p.sePartners!.map((x) => x.share)).equals(sum(p.rows.map((r) => r.revenue)))).toBe(true);
    const nec = p.necPartners!;
    expect(sum(nec.map((x) => x.feesPaid)).equals(sum(p.rows.map((r) => r.fees)))).toBe(true);
    expect(sum(nec.map((x) => x.benefitFeePaid)).equals(sum(p.rows.map((r) => r.benefitFee)))).toBe(true);
  });
});
