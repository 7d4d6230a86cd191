// Break-even of a partner against the MENERVA revenue (formula in
// src/domain/costprice/break-even.ts), by hand and as properties.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { breakEven } from "../../src/domain/costprice/break-even.js";
import type { RevenueAssumptions } from "../../src/domain/costprice/types.js";
import { dec, D, type Dec } from "../../src/domain/money.js";

const base: RevenueAssumptions = {
  inflowPerMonth: dec("8"),
  placementRate: dec("0.35"),
  hoursPerPlacedWorker: dec("1560"),
  benefitsPerPlacedWorker: dec("5400"),
  feePerHour: dec("1.50"),
  benefitShare: dec("0.70"),
  sePartners: 4,
};

describe("break-even by hand (BLM, net 23,275.00 a year)", () => {
  const be = breakEven(dec("23275"), base);
  // C = 23,275 / 12 = 1,939.5833…; placed P = 8 × 0.35 = 2.8 a month
  // per placed worker: 1,560 h × 1.50 + 5,400 × 0.70 = 2,340 + 3,780 = 6,120
  // R = 2.8 × 6,120 = 17,136.00; R / 4 = 4,284.00
  it("computes cost, revenue and the partner's equal share a month", () => {
    expect([be.monthlyCost, be.monthlyRevenue, be.monthlyShare].map((x) => x.toFixed(2))).toEqual(["1939.58", "17136.00", "4284.00"]);
    // 4,284 / 1,939.5833 = 2.20872… → 2.2087
    expect(be.coverage!.toFixed(4)).toBe("2.2087");
  });
  it("solves the fee, the benefit share and the inflow", () => {
    // needed per placed worker: 4 × 1,939.5833 / 2.8 = 2,770.8333
    // fee*   = (2,770.8333 − 3,780) / 1,560 = −0.6469 → −0.65 (the benefits alone cover)
    // share* = (2,770.8333 − 2,340) / 5,400 = 0.07978 → 0.0798
    // inflow* = 4 × 1,939.5833 / (0.35 × 6,120) = 3.6220 → 3.62
    expect(be.fee!.toFixed(2)).toBe("-0.65");
    expect(be.benefitShare!.toFixed(4)).toBe("0.0798");
    expect(be.inflow!.toFixed(2)).toBe("3.62");
  });
  it("gives a positive fee when there are no benefits", () => {
    // (2,770.8333 − 0) / 1,560 = 1.77617 → 1.78
    const b = breakEven(dec("23275"), { ...base, benefitsPerPlacedWorker: dec("0") });
    expect(b.fee!.toFixed(2)).toBe("1.78");
    expect(b.benefitShare).toBeUndefined();
  });
  it("has no break-even when nobody is placed", () => {
    const b = breakEven(dec("23275"), { ...base, placementRate: dec("0") });
    expect(b.fee).toBeUndefined();
    expect(b.benefitShare).toBeUndefined();
    expect(b.inflow).toBeUndefined(); // no inflow helps when the placement rate is 0
  });
});

const cents = fc.integer({ min: 100_00, max: 500_000_00 }).map((c) => new D(c).div(100));
const pct = fc.integer({ min: 1, max: 100 }).map((p) => new D(p).div(100));

function shareAtFee(net: Dec, r: RevenueAssumptions, fee: Dec): Dec {
  const perPlaced = r.hoursPerPlacedWorker.times(fee).plus(r.benefitsPerPlacedWorker.times(r.benefitShare));
  return r.inflowPerMonth.times(r.placementRate).times(perPlaced).div(r.sePartners);
}

test.prop(
  {
    net: cents,
    inflow: fc.integer({ min: 1, max: 40 }),
    rate: pct,
    hours: fc.integer({ min: 1, max: 3000 }),
    benefits: fc.integer({ min: 0, max: 20000 }),
    share: pct,
    n: fc.integer({ min: 1, max: 8 }),
  },
  { seed: 7, numRuns: 300 },
)("a cent above the break-even fee covers the cost, a cent below does not", ({ net, inflow, rate, hours, benefits, share, n }) => {
  const r: RevenueAssumptions = {
    ...base,
    inflowPerMonth: new D(inflow),
    placementRate: rate,
    hoursPerPlacedWorker: new D(hours),
    benefitsPerPlacedWorker: new D(benefits),
    benefitShare: share,
    sePartners: n,
  };
  const fee = breakEven(net, r).fee!;
  const cost = net.div(12);
  expect(shareAtFee(net, r, fee.plus("0.01")).greaterThanOrEqualTo(cost)).toBe(true);
  expect(shareAtFee(net, r, fee.minus("0.01")).lessThan(cost)).toBe(true);
});
