// Break-even of one SE partner against the MENERVA revenue it receives.
//
// Steady state (Little's law): a month's placements earn their hours and
// benefits over their stay, so in a steady month the project bills
//   P = inflow × placement rate                     (placed workers a month)
//   R = P × (hours per placed worker × fee + benefits per placed worker × benefit share)
// and each of the n SE partners receives R / n (equal split, source S0).
// A partner with yearly net cost K has monthly cost C = K / 12 and is covered when R / n ≥ C:
//   break-even fee    f* = (n·C / P − benefits × share) / hours
//   break-even share  s* = (n·C / P − hours × fee) / benefits
//   break-even inflow i* = n·C / (placement rate × (hours × fee + benefits × share))
// A break-even fee ≤ 0 means the benefit share alone covers the cost; a share > 1 is out of reach.
import { D, type Dec, MODEL_ROUNDING, roundMoney, roundTo } from "../money.js";
import type { RevenueAssumptions } from "./types.js";

export type BreakEven = {
  /** Partner's monthly net cost C = yearly net / 12, to cents. */
  readonly monthlyCost: Dec;
  /** Project revenue a month R, to cents. */
  readonly monthlyRevenue: Dec;
  /** This partner's equal share R / n a month, to cents. */
  readonly monthlyShare: Dec;
  /** (R / n) / C to 4 decimals; absent when the cost is zero. */
  readonly coverage?: Dec;
  /** f* to cents; absent when no hours are billed or no one is placed. */
  readonly fee?: Dec;
  /** s* to 4 decimals; absent without benefits or placements. */
  readonly benefitShare?: Dec;
  /** i* candidates a month, to 2 decimals; absent when a placement earns nothing. */
  readonly inflow?: Dec;
};

export function breakEven(yearlyNet: Dec, r: RevenueAssumptions): BreakEven {
  const n = new D(r.sePartners);
  const cost = yearlyNet.div(12);
  const placed = r.inflowPerMonth.times(r.placementRate);
  const perPlaced = r.hoursPerPlacedWorker.times(r.feePerHour).plus(r.benefitsPerPlacedWorker.times(r.benefitShare));
  const revenue = placed.times(perPlaced);
  const share = revenue.div(n);
  const needed = placed.isZero() ? undefined : n.times(cost).div(placed); // revenue per placed worker needed
  const fee =
    needed && !r.hoursPerPlacedWorker.isZero()
      ? roundMoney(needed.minus(r.benefitsPerPlacedWorker.times(r.benefitShare)).div(r.hoursPerPlacedWorker), MODEL_ROUNDING)
      : undefined;
  const benefitShare =
    needed && !r.benefitsPerPlacedWorker.isZero()
      ? roundTo(needed.minus(r.hoursPerPlacedWorker.times(r.feePerHour)).div(r.benefitsPerPlacedWorker), 4, MODEL_ROUNDING)
      : undefined;
  const perCandidate = r.placementRate.times(perPlaced);
  const inflow = perCandidate.isZero() ? undefined : roundTo(n.times(cost).div(perCandidate), 2, MODEL_ROUNDING);
  return {
    monthlyCost: roundMoney(cost, MODEL_ROUNDING),
    monthlyRevenue: roundMoney(revenue, MODEL_ROUNDING),
    monthlyShare: roundMoney(share, MODEL_ROUNDING),
    ...(cost.isZero() ? {} : { coverage: roundTo(share.div(cost), 4, MODEL_ROUNDING) }),
    ...(fee !== undefined ? { fee } : {}),
    ...(benefitShare !== undefined ? { benefitShare } : {}),
    ...(inflow !== undefined ? { inflow } : {}),
  };
}
