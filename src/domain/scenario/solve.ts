// Goal seek: the least value of one driver that makes the scenario feasible.
// Exact: the search runs on integers (candidates, 0.001 of a rate, cents of a fee)
// by bracketing and bisection, so the answer is feasible and one step less is not.
import { D, type Dec } from "../money.js";
import { keyFigures, type KeyFigures } from "./figures.js";
import { setDriver } from "./drivers.js";
import { project } from "./project.js";
import type { Scenario } from "./types.js";

export type SolveFor = "inflow" | "placement_rate" | "fee";

/** One search step of each driver: whole candidates, 0.001 of a rate, one cent. */
export const SOLVE_STEP: Readonly<Record<SolveFor, Dec>> = {
  inflow: new D(1),
  placement_rate: new D("0.001"),
  fee: new D("0.01"),
};

/** Default search bounds in driver units. */
export const SOLVE_BOUNDS: Readonly<Record<SolveFor, readonly [Dec, Dec]>> = {
  inflow: [new D(0), new D(1000)],
  placement_rate: [new D(0), new D(1)],
  fee: [new D(0), new D(100)],
};

export type Goal =
  /** The reserve never goes below zero. */
  | { readonly kind: "never-negative" }
  /** The reserve ends at or above `target`. */
  | { readonly kind: "end-reserve"; readonly target: Dec };

export type SolveResult =
  | {
      readonly status: "found";
      readonly driver: SolveFor;
      readonly value: Dec;
      readonly step: Dec;
      readonly figures: KeyFigures;
      /** Figures one step below (absent when the answer is the lower bound). */
      readonly below?: KeyFigures;
      readonly evaluations: number;
    }
  | { readonly status: "not-feasible"; readonly driver: SolveFor; readonly lo: Dec; readonly hi: Dec; readonly atHi: KeyFigures; readonly evaluations: number };

export function meetsGoal(k: KeyFigures, goal: Goal): boolean {
  return goal.kind === "never-negative" ? k.feasible : k.endReserve.greaterThanOrEqualTo(goal.target);
}

export function solve(s: Scenario, driver: SolveFor, goal: Goal, bounds: readonly [Dec, Dec] = SOLVE_BOUNDS[driver]): SolveResult {
  const step = SOLVE_STEP[driver];
  const lo0 = BigInt(bounds[0].div(step).ceil().toFixed(0));
  const hi0 = BigInt(bounds[1].div(step).floor().toFixed(0));
  let evaluations = 0;
  const cache = new Map<bigint, KeyFigures>();
  const at = (k: bigint): KeyFigures => {
    let f = cache.get(k);
    if (!f) {
      evaluations++;
      f = keyFigures(project(setDriver(s, driver, step.times(k.toString())), { detail: false }));
      cache.set(k, f);
    }
    return f;
  };
  const ok = (k: bigint): boolean => meetsGoal(at(k), goal);

  if (hi0 < lo0) return { status: "not-feasible", driver, lo: step.times(lo0.toString()), hi: step.times(hi0.toString()), atHi: at(lo0), evaluations };
  if (ok(lo0)) return { status: "found", driver, value: step.times(lo0.toString()), step, figures: at(lo0), evaluations };
  // Bracket upwards by doubling from the lower bound, so the first feasible
  // region is found even when very large values stop being feasible again
  // (costs per entering candidate grow with inflow); then bisect inside it.
  let lo = lo0;
  let hi = lo0;
  for (let width = 1n; ; width *= 2n) {
    hi = lo0 + width < hi0 ? lo0 + width : hi0;
    if (ok(hi)) break;
    lo = hi;
    if (hi === hi0) {
      return { status: "not-feasible", driver, lo: step.times(lo0.toString()), hi: step.times(hi0.toString()), atHi: at(hi0), evaluations };
    }
  }
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return { status: "found", driver, value: step.times(hi.toString()), step, figures: at(hi), below: at(lo), evaluations };
}
