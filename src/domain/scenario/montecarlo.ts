// Monte Carlo over the float engine: N seeded runs with random inflow, placement,
// drop-out and hours as declared in the scenario; percentiles of the reserve per
// month, the probability that the reserve never goes below zero, and the
// distribution of the break-even month. Runs are simulated in fixed blocks, each
// with its own PRNG stream derived from (seed, block), so the result never
// depends on how blocks are scheduled (one thread or several).
import type { Projection } from "./project.js";
import { compileFloatModel, makeScratch, runFloat, type FloatModel } from "./float-engine.js";
import { centreOf, MC_DRIVERS, mustResolve, type McDriver, type Resolved } from "./distributions.js";
import { draw, makeRng, type Rng } from "./prng.js";
import type { Scenario } from "./types.js";

export const BLOCK_SIZE = 500;

export type Percentiles = { readonly p5: number; readonly p50: number; readonly p95: number };

export type MonteCarloResult = {
  readonly runs: number;
  readonly seed: number;
  readonly months: number;
  /** Per month (index t-1). */
  readonly reserveP5: Float64Array;
  readonly reserveP50: Float64Array;
  readonly reserveP95: Float64Array;
  readonly reserveMean: Float64Array;
  /** Share of runs whose reserve never goes below zero. */
  readonly probabilityFeasible: number;
  readonly endReserve: Percentiles;
  readonly fundingNeed: Percentiles;
  /**
   * The least opening reserve each run needs to stay at or above zero,
   * max(0, opening − lowest reserve): its P95 is the starting capital that
   * suffices in 95% of runs, whatever the scenario's own opening reserve.
   */
  readonly leastOpeningReserve: Percentiles;
  /** breakEvenCounts[t-1] = runs breaking even in month t; `neverBreakEven` the rest. */
  readonly breakEvenCounts: Uint32Array;
  readonly neverBreakEven: number;
  readonly breakEven: Percentiles | undefined;
};

/**
 * A driver's distributions resolved against the scenario: one per month for
 * inflow (it follows the month's inflow), one for the whole run otherwise.
 * Absent drivers keep the scenario's value.
 */
export type CompiledDriver = { readonly per: "run" | "month"; readonly byMonth: readonly Resolved[] };
export type CompiledSpec = Readonly<Partial<Record<McDriver, CompiledDriver>>>;

/** Resolve the scenario's distributions once (they are checked with distributionProblems before). */
export function compileSpec(s: Scenario, m: FloatModel): CompiledSpec {
  const out: Partial<Record<McDriver, CompiledDriver>> = {};
  for (const k of MC_DRIVERS) {
    const d = s.monteCarlo?.[k];
    if (!d) continue;
    const byMonth =
      k === "inflow" && d.per === "month"
        ? Array.from(m.baseInflow, (c) => mustResolve(d.distribution, c))
        : Array.from({ length: m.months }, () => mustResolve(d.distribution, centreOf(s, k)));
    out[k] = { per: d.per, byMonth };
  }
  return out;
}

/** Fill one driver's per-month values for a run: its draws, or the scenario's values when it is not random. */
function fill(out: Float64Array, rng: Rng, d: CompiledDriver | undefined, fallback: number | Float64Array, perRunValue: number | undefined): void {
  if (!d) {
    if (typeof fallback === "number") out.fill(fallback);
    else out.set(fallback);
    return;
  }
  if (d.per === "run") out.fill(perRunValue!);
  else for (let t = 0; t < out.length; t++) out[t] = draw(rng, d.byMonth[t]!);
}

/** Simulate runs [first, first + count) of block `block`; reserves go to out[(run - first) * months + t]. */
export function simulateBlock(m: FloatModel, spec: CompiledSpec, seed: number, block: number, count: number, out: Float64Array): void {
  const n = m.months;
  const rng = makeRng(seed, block);
  const scratch = makeScratch(n);
  const inflow = new Float64Array(n);
  const rate = new Float64Array(n);
  const drop = new Float64Array(n);
  const hours = new Float64Array(n);
  const clip01 = (a: Float64Array) => {
    for (let t = 0; t < n; t++) a[t] = Math.min(1, Math.max(0, a[t]!));
  };
  const c1 = m.baseInflow[0] ?? 0;
  for (let r = 0; r < count; r++) {
    // Per-run draws first, in a fixed order, then the per-month ones.
    const runDraw = (d: CompiledDriver | undefined) => (d && d.per === "run" ? draw(rng, d.byMonth[0]!) : undefined);
    const rRate = runDraw(spec.placementRate);
    const rDrop = runDraw(spec.monthlyDropout);
    const rHours = runDraw(spec.hoursPerWeek);
    const rInflow = runDraw(spec.inflow);
    if (spec.inflow?.per === "run" && c1 > 0) {
      // One draw against month 1's inflow scales the whole inflow path.
      for (let t = 0; t < n; t++) inflow[t] = (m.baseInflow[t]! * rInflow!) / c1;
    } else fill(inflow, rng, spec.inflow, m.baseInflow, rInflow);
    fill(rate, rng, spec.placementRate, m.placementRate, rRate);
    fill(drop, rng, spec.monthlyDropout, m.monthlyDropout, rDrop);
    fill(hours, rng, spec.hoursPerWeek, m.hoursPerWeek, rHours);
    clip01(rate);
    clip01(drop);
    for (let t = 0; t < n; t++) {
      if (inflow[t]! < 0) inflow[t] = 0;
      if (hours[t]! < 0) hours[t] = 0;
    }
    runFloat(m, inflow, rate, drop, hours, scratch, out, r * n);
  }
}

/** Linear interpolation between order statistics (Excel PERCENTILE.INC / type 7). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const pct = (a: Float64Array): Percentiles => {
  const s = Float64Array.from(a).sort();
  return { p5: percentile(s, 0.05), p50: percentile(s, 0.5), p95: percentile(s, 0.95) };
};

/** Summarise a (runs × months) matrix of reserves. */
export function summarise(reserves: Float64Array, runs: number, months: number, openingReserve: number, seed: number): MonteCarloResult {
  const col = new Float64Array(runs);
  const p5 = new Float64Array(months);
  const p50 = new Float64Array(months);
  const p95 = new Float64Array(months);
  const mean = new Float64Array(months);
  for (let t = 0; t < months; t++) {
    let s = 0;
    for (let r = 0; r < runs; r++) {
      const v = reserves[r * months + t]!;
      col[r] = v;
      s += v;
    }
    col.sort();
    p5[t] = percentile(col, 0.05);
    p50[t] = percentile(col, 0.5);
    p95[t] = percentile(col, 0.95);
    mean[t] = s / runs;
  }
  let feasible = 0;
  const ends = new Float64Array(runs);
  const needs = new Float64Array(runs);
  const least = new Float64Array(runs);
  const counts = new Uint32Array(months);
  const beMonths: number[] = [];
  let never = 0;
  for (let r = 0; r < runs; r++) {
    const o = r * months;
    let low = Infinity;
    let be = -1;
    let prev = openingReserve;
    for (let t = 0; t < months; t++) {
      const v = reserves[o + t]!;
      if (v < low) low = v;
      const result = v - prev;
      // Break-even: first month from which every result is ≥ 0 (tolerating float noise below half a cent).
      if (result < -0.005) be = -1;
      else if (be < 0) be = t;
      prev = v;
    }
    if (low >= -0.005) feasible++;
    ends[r] = reserves[o + months - 1]!;
    needs[r] = Math.max(0, -low);
    least[r] = Math.max(0, openingReserve - low);
    if (be >= 0) {
      counts[be]!++;
      beMonths.push(be + 1);
    } else never++;
  }
  return {
    runs,
    seed,
    months,
    reserveP5: p5,
    reserveP50: p50,
    reserveP95: p95,
    reserveMean: mean,
    probabilityFeasible: feasible / runs,
    endReserve: pct(ends),
    fundingNeed: pct(needs),
    leastOpeningReserve: pct(least),
    breakEvenCounts: counts,
    neverBreakEven: never,
    breakEven: beMonths.length > 0 ? pct(Float64Array.from(beMonths)) : undefined,
  };
}

/** The whole Monte Carlo on one thread; `onBlock` reports progress (runs done). */
export function monteCarlo(s: Scenario, exact: Projection, runs: number, seed: number, onBlock?: (done: number) => void): MonteCarloResult {
  const m = compileFloatModel(s, exact);
  const spec = compileSpec(s, m);
  const n = m.months;
  const reserves = new Float64Array(runs * n);
  for (let b = 0, first = 0; first < runs; b++, first += BLOCK_SIZE) {
    const count = Math.min(BLOCK_SIZE, runs - first);
    simulateBlock(m, spec, seed, b, count, reserves.subarray(first * n, (first + count) * n));
    onBlock?.(first + count);
  }
  return summarise(reserves, runs, n, m.openingReserve, seed);
}
