// Key figures of a projection: break-even, payback, funding need, end reserve.
// Pure; definitions are stated here once and reused by every report.
import { ZERO, max, sum, type Dec } from "../money.js";
import type { Projection } from "./project.js";

export type KeyFigures = {
  /** First month with result ≥ 0 that stays ≥ 0 to the end; undefined when none. */
  readonly breakEvenMonth?: number;
  /** First month whose cumulative result (investments included, opening reserve excluded) is ≥ 0. */
  readonly paybackMonth?: number;
  readonly lowestReserve: Dec;
  readonly lowestReserveMonth: number;
  /** max(0, −lowest reserve). */
  readonly fundingNeed: Dec;
  readonly endReserve: Dec;
  /** The reserve never goes below zero. */
  readonly feasible: boolean;
  readonly totalRevenue: Dec;
  readonly totalCosts: Dec;
  /** Σ subsidies (own contributions are not subsidies). */
  readonly totalSubsidies: Dec;
  /** Σ own contributions: cash the partners put in (funders marked own). */
  readonly totalOwnContributions: Dec;
  readonly totalResult: Dec;
  /** Σ result − Σ subsidies. */
  readonly resultWithoutSubsidies: Dec;
  /** Σ result − Σ subsidies − Σ own contributions: what the project earns on its own. */
  readonly resultWithoutSubsidiesAndOwn: Dec;
  /** Active workers in the last month. */
  readonly endActiveWorkers: Dec;
};

export function keyFigures(p: Projection): KeyFigures {
  const rows = p.rows;
  let breakEven: number | undefined;
  for (let i = rows.length - 1; i >= 0 && !rows[i]!.result.isNegative(); i--) breakEven = rows[i]!.month;
  const payback = rows.find((r) => !r.cumulativeResult.isNegative())?.month;
  let lowest = rows[0]!;
  for (const r of rows) if (r.reserve.lessThan(lowest.reserve)) lowest = r;
  const totalSubsidies = sum(rows.map((r) => r.subsidies));
  const totalOwn = sum(rows.map((r) => r.ownContributions));
  const totalResult = sum(rows.map((r) => r.result));
  return {
    ...(breakEven !== undefined ? { breakEvenMonth: breakEven } : {}),
    ...(payback !== undefined ? { paybackMonth: payback } : {}),
    lowestReserve: lowest.reserve,
    lowestReserveMonth: lowest.month,
    fundingNeed: max(ZERO, lowest.reserve.negated()),
    endReserve: rows[rows.length - 1]!.reserve,
    feasible: !lowest.reserve.isNegative(),
    totalRevenue: sum(rows.map((r) => r.revenue)),
    totalCosts: sum(rows.map((r) => r.costs)),
    totalSubsidies,
    totalOwnContributions: totalOwn,
    totalResult,
    resultWithoutSubsidies: totalResult.minus(totalSubsidies),
    resultWithoutSubsidiesAndOwn: totalResult.minus(totalSubsidies).minus(totalOwn),
    endActiveWorkers: rows[rows.length - 1]!.activeWorkers,
  };
}

/**
 * The least opening reserve that keeps the reserve at or above zero, computed:
 * results do not depend on the reserve, so reserve_t = opening + cumulative_t
 * and the least opening is max(0, −lowest cumulative result), reached in `month`.
 */
export function leastOpeningReserve(p: Projection): { readonly amount: Dec; readonly month: number } {
  let low = p.rows[0]!;
  for (const r of p.rows) if (r.cumulativeResult.lessThan(low.cumulativeResult)) low = r;
  return { amount: max(ZERO, low.cumulativeResult.negated()), month: low.month };
}
