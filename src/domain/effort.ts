// Effort check (SPEC §3.10): the equal split assumes equal staff effort. Pure.
// Committed FTE per SE partner is compared; a spread above the tolerance is a
// warning, and the effort-weighted split of the same revenue is shown beside
// the equal one (for information; the settlement stays equal).
import { allocate, ZERO, type Dec } from "./money.js";

export type EffortCheck = {
  readonly fte: readonly Dec[];
  /** (largest − smallest) / largest committed FTE; 0 when nobody committed any. */
  readonly spread: Dec;
  readonly tolerance: Dec;
  readonly withinTolerance: boolean;
  /** Revenue allocated by FTE (largest remainder); undefined when no FTE at all. */
  readonly weightedShares?: readonly Dec[];
};

export function checkEffort(revenue: Dec, fte: readonly Dec[], tolerance: Dec): EffortCheck {
  const positive = fte.map((f) => (f.isNegative() ? ZERO : f));
  const hi = positive.reduce((a, b) => (a.greaterThan(b) ? a : b), ZERO);
  const lo = positive.reduce((a, b) => (a.lessThan(b) ? a : b), hi);
  const spread = hi.isZero() ? ZERO : hi.minus(lo).div(hi);
  const weightedShares = hi.isZero() ? undefined : allocate(revenue, positive);
  return {
    fte,
    spread,
    tolerance,
    withinTolerance: spread.lessThanOrEqualTo(tolerance),
    ...(weightedShares ? { weightedShares } : {}),
  };
}
