// The projection on plain JS numbers for Monte Carlo. This is a SIMULATION, not
// money: floats are fine for percentiles of thousands of random runs, never for
// an amount someone invoices. It mirrors project.ts (same cohorts, same drop-out
// timing, cents rounding per month and line) so that with zero variance it
// reproduces the Decimal run to within cents. Fixed costs and subsidies do not
// depend on the random drivers, so they are taken from the exact run as one net
// figure; variable cost lines (per candidate, per active worker) follow the run.
// The funders' payments stay at the exact run's amounts (an approximation when a
// funder pays a rate of a variable line).
import { WEEKS_PER_MONTH, inflowAt, stepAt, type Projection } from "./project.js";
import type { Scenario } from "./types.js";

/** The deterministic inputs of one scenario, compiled once into typed arrays. */
export type FloatModel = {
  readonly months: number;
  readonly monthsToPlacement: number;
  readonly readyShare: number;
  readonly benefitShare: number;
  readonly openingReserve: number;
  readonly weeksPerMonth: number;
  /** fee per hour by month (index t-1). */
  readonly fee: Float64Array;
  /** costs − variable costs − subsidies − own contributions by month, from the exact run. */
  readonly netFixedCost: Float64Array;
  /** Variable cost lines: amount by month (0 outside its window), per entering candidate or per active worker. */
  readonly variable: readonly { readonly perCandidate: boolean; readonly amount: Float64Array }[];
  /** benefit per worker, [type][monthsSincePlacement-1]. */
  readonly benefit: readonly Float64Array[];
  readonly baseInflow: Float64Array;
  readonly placementRate: number;
  readonly monthlyDropout: number;
  readonly hoursPerWeek: number;
};

export function compileFloatModel(s: Scenario, exact: Projection): FloatModel {
  const n = s.months;
  const benefit = s.benefits.map((b) => {
    const a = new Float64Array(n);
    for (const t of b.tiers) for (let m = t.fromMonth; m <= Math.min(t.toMonth, n); m++) a[m - 1] = t.amount.toNumber();
    return a;
  });
  return {
    months: n,
    monthsToPlacement: s.monthsToPlacement,
    readyShare: s.readyShare.toNumber(),
    benefitShare: s.benefitShare.toNumber(),
    openingReserve: s.openingReserve.toNumber(),
    weeksPerMonth: WEEKS_PER_MONTH.toNumber(),
    fee: Float64Array.from({ length: n }, (_, i) => stepAt(s.fee, i + 1).toNumber()),
    netFixedCost: Float64Array.from(exact.rows, (r) => r.costs.minus(r.variableCosts).minus(r.subsidies).minus(r.ownContributions).toNumber()),
    variable: (s.variableCosts ?? []).map((v) => ({
      perCandidate: v.per === "candidate",
      amount: Float64Array.from({ length: n }, (_, i) => (i + 1 >= v.fromMonth && (v.toMonth === undefined || i + 1 <= v.toMonth) ? v.amount.toNumber() : 0)),
    })),
    benefit,
    baseInflow: Float64Array.from({ length: n }, (_, i) => inflowAt(s.inflow, i + 1).toNumber()),
    placementRate: s.placementRate.toNumber(),
    monthlyDropout: s.monthlyDropout.toNumber(),
    hoursPerWeek: s.hoursPerWeek.toNumber(),
  };
}

/** Round to cents, half away from zero (on floats: exact ties may land a cent off; a simulation tolerates that). */
export const round2 = (x: number): number => (x < 0 ? -Math.round(-x * 100) : Math.round(x * 100)) / 100;

/** Scratch space for one run, reused across runs to avoid allocation. */
export type Scratch = { readonly cohorts: Float64Array; readonly placed: Float64Array };
export const makeScratch = (n: number): Scratch => ({ cohorts: new Float64Array(n), placed: new Float64Array(n) });

/**
 * One run. Per-month drivers come as arrays (index t-1). Writes the reserve of
 * every month into `reserveOut` at `offset` and returns nothing else.
 */
export function runFloat(
  m: FloatModel,
  inflow: Float64Array,
  placementRate: Float64Array,
  dropout: Float64Array,
  hoursPerWeek: Float64Array,
  scratch: Scratch,
  reserveOut: Float64Array,
  offset: number,
): void {
  const n = m.months;
  const { cohorts, placed } = scratch;
  const types = m.benefit.length;
  let reserve = m.openingReserve;
  for (let t = 0; t < n; t++) {
    const q = 1 - dropout[t]!;
    const src = t - m.monthsToPlacement;
    const p = src >= 0 ? inflow[src]! * m.readyShare * placementRate[t]! : 0;
    placed[t] = p;
    let active = 0;
    for (let c = 0; c < t; c++) {
      const v = cohorts[c]! * q;
      cohorts[c] = v;
      active += v;
    }
    cohorts[t] = p;
    active += p;
    const hours = active * hoursPerWeek[t]! * m.weeksPerMonth;
    const fees = round2(hours * m.fee[t]!);
    let gross = 0;
    for (let k = 0; k < types; k++) {
      const b = m.benefit[k]!;
      let g = 0;
      for (let c = 0; c <= t; c++) g += cohorts[c]! * b[t - c]!;
      gross += round2(g);
    }
    let variable = 0;
    for (const v of m.variable) variable += round2(v.amount[t]! * (v.perCandidate ? inflow[t]! : active));
    const result = fees + round2(m.benefitShare * gross) - m.netFixedCost[t]! - variable;
    reserve += result;
    reserveOut[offset + t] = reserve;
  }
}
