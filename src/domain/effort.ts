// Effort check (SPEC §3.10): the equal split assumes equal staff effort. Pure.
// Committed FTE per SE partner is compared; a spread above the tolerance is a
// warning, and the effort-weighted split of the same revenue is shown beside
// the equal one (for information; the settlement stays equal). Both split
// this period's own revenue over the partners active in it: the equal split
// by active days, the effort-weighted one by FTE × active days, so a partner
// active half the period weighs half in both and the two are comparable.
import { allocate, ZERO, type Dec } from "./money.js";

export type EffortCheck = {
  readonly fte: readonly Dec[];
  /** (largest − smallest) / largest committed FTE; 0 when nobody committed any. */
  readonly spread: Dec;
  readonly tolerance: Dec;
  readonly withinTolerance: boolean;
  /** Revenue allocated by FTE × active days (largest remainder); undefined when no FTE at all. */
  readonly weightedShares?: readonly Dec[];
};

/** `days`: each partner's active days in the period (same order as `fte`); without them every partner counts alike. */
export function checkEffort(revenue: Dec, fte: readonly Dec[], tolerance: Dec, days?: readonly number[]): EffortCheck {
  const positive = fte.map((f) => (f.isNegative() ? ZERO : f));
  const hi = positive.reduce((a, b) => (a.greaterThan(b) ? a : b), ZERO);
  const lo = positive.reduce((a, b) => (a.lessThan(b) ? a : b), hi);
  const spread = hi.isZero() ? ZERO : hi.minus(lo).div(hi);
  const weights = days === undefined ? positive : positive.map((f, i) => f.times(days[i] ?? 0));
  const weightedShares = weights.every((w) => w.isZero()) ? undefined : allocate(revenue, weights);
  return {
    fte,
    spread,
    tolerance,
    withinTolerance: spread.lessThanOrEqualTo(tolerance),
    ...(weightedShares ? { weightedShares } : {}),
  };
}
