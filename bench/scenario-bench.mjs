// Scenario figures for `npm run bench` (imports the built dist/): Monte Carlo
// 10,000 runs × 60 months and a 50 × 50 grid, each beside a plain-JS float
// floor of the same projection measured in the same run. The grid runs on the
// exact engine (scaled integers); its money is checked against the Decimal
// projection (`scenario run`) at every cell. Target (issue 15): ≤ 1 s. Run
// alone with `npx tsc -p . && node bench/scenario-bench.mjs`.
import { loadScenarioFile } from "../dist/adapters/scenario-file.js";
import { D } from "../dist/domain/money.js";
import { setDriver } from "../dist/domain/scenario/drivers.js";
import { keyFigures } from "../dist/domain/scenario/figures.js";
import { grid, rangeValues } from "../dist/domain/scenario/grid.js";
import { monteCarlo } from "../dist/domain/scenario/montecarlo.js";
import { project } from "../dist/domain/scenario/project.js";
import { fmt, table } from "./measure.mjs";

const RUNS = Number(process.env.BENCH_MC_RUNS ?? 10_000);
const loaded = await loadScenarioFile("scenarios/base.yaml");
if (!loaded.ok) throw new Error("scenarios/base.yaml does not load");
const s = loaded.value.scenario;
const exact = project(s, { detail: false });
const N = s.months;

// ---- the float floor: the same cohort projection, written as plainly as possible ----
const rsz = new Float64Array(N), imw = new Float64Array(N);
for (const [arr, b] of [[rsz, s.benefits[0]], [imw, s.benefits[1]]]) for (const t of b.tiers) for (let m = t.fromMonth; m <= Math.min(t.toMonth, N); m++) arr[m - 1] = Number(t.amount);
const netCost = Float64Array.from(exact.rows, (r) => Number(r.costs.minus(r.subsidies)));
const fee = Number(s.fee[0].value), share = Number(s.benefitShare), ready = Number(s.readyShare), lag = s.monthsToPlacement;
const r2 = (x) => (x < 0 ? -Math.round(-x * 100) : Math.round(x * 100)) / 100;
const cohorts = new Float64Array(N);

/** One projection on floats; writes the reserve per month to out[o..o+N). */
function floorRun(inflow, rate, drop, hpw, out, o) {
  let reserve = 0;
  const q = 1 - drop;
  for (let t = 0; t < N; t++) {
    let active = 0;
    for (let c = 0; c < t; c++) active += cohorts[c] *= q;
    const p = t - lag >= 0 ? inflow[t - lag] * ready * rate : 0;
    cohorts[t] = p;
    active += p;
    let g1 = 0, g2 = 0;
    for (let c = 0; c <= t; c++) {
      g1 += cohorts[c] * rsz[t - c];
      g2 += cohorts[c] * imw[t - c];
    }
    reserve += r2(active * hpw * (52 / 12) * fee) + r2(share * (r2(g1) + r2(g2))) - netCost[t];
    out[o + t] = reserve;
  }
}

const rng = new Uint32Array(1);
const u01 = () => {
  let z = (rng[0] = (rng[0] + 0x6d2b79f5) | 0);
  z = Math.imul(z ^ (z >>> 15), z | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(u01())) * Math.cos(2 * Math.PI * u01());
const poisson = (m) => {
  const L = Math.exp(-m);
  let k = 0, p = u01();
  while (p > L) { k++; p *= u01(); }
  return k;
};
function floorMonteCarlo(runs) {
  rng[0] = 1;
  const res = new Float64Array(runs * N);
  const inflow = new Float64Array(N);
  for (let r = 0; r < runs; r++) {
    const rate = Math.min(1, Math.max(0, 0.5 + 0.08 * normal()));
    const drop = 0.05 + 0.07 * u01();
    const hpw = 24 + 12 * u01();
    for (let t = 0; t < N; t++) inflow[t] = poisson(8);
    floorRun(inflow, rate, drop, hpw, res, r * N);
  }
  const col = new Float64Array(runs);
  const p50 = new Float64Array(N);
  for (let t = 0; t < N; t++) {
    for (let r = 0; r < runs; r++) col[r] = res[r * N + t];
    col.sort();
    p50[t] = col[Math.floor((runs - 1) * 0.5)];
  }
  return p50;
}

function floorGrid() {
  const out = new Float64Array(N);
  const inflow = new Float64Array(N);
  let feasible = 0;
  for (let y = 1; y <= 50; y++)
    for (let x = 1; x <= 50; x++) {
      inflow.fill(x);
      cohorts.fill(0);
      floorRun(inflow, y * 0.02, Number(s.monthlyDropout), Number(s.hoursPerWeek), out, 0);
      if (Math.min(...out) >= 0) feasible++;
    }
  return feasible;
}

function time(fn, reps) {
  fn(); // warm-up
  const ms = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

const mcFloor = time(() => floorMonteCarlo(RUNS), 5);
const mcOurs = time(() => monteCarlo(s, exact, RUNS, 1), 5);
const X = { driver: "inflow", from: new D(1), to: new D(50), step: new D(1) };
const Y = { driver: "placement_rate", from: new D("0.02"), to: new D("1.00"), step: new D("0.02") };
// The first grid of the process: cold JIT, as `menerva scenario grid` meets it.
let t0 = performance.now();
const g = grid(s, X, Y);
const gCold = performance.now() - t0;
const gFloor = time(floorGrid, 3);
const gOurs = time(() => grid(s, X, Y), 3);
// The Decimal projection (what `scenario run` computes) at every cell, timed once.
t0 = performance.now();
const xs = rangeValues(X);
let identical = 0;
rangeValues(Y).forEach((vy, iy) => {
  const sy = setDriver(s, "placement_rate", vy);
  xs.forEach((vx, ix) => {
    const a = keyFigures(project(setDriver(sy, "inflow", vx), { detail: false }));
    const b = g.cells[iy][ix];
    const money = (k) => [k.endReserve, k.lowestReserve, k.fundingNeed, k.totalRevenue, k.totalCosts, k.totalSubsidies, k.totalResult].map((d) => d.toFixed(2)).join() + k.feasible + k.breakEvenMonth + k.paybackMonth + k.lowestReserveMonth;
    if (money(a) === money(b)) identical++;
  });
});
const gDecimal = performance.now() - t0;

if (globalThis.benchFigures) globalThis.benchFigures.grid = { ours: gOurs, cold: gCold, floor: gFloor, identical: identical === 2500 };
table(`scenarios (base.yaml, ${N} months; median ms after a warm-up)`, [
  ["figure", "menerva ms", "float floor ms", "ratio"],
  [`Monte Carlo ${RUNS.toLocaleString("en")} runs (float engine, percentiles)`, fmt(mcOurs, 0), fmt(mcFloor, 0), fmt(mcOurs / mcFloor)],
  ["grid 50 × 50, exact engine (scaled integers), one thread (target ≤ 1000 ms)", fmt(gOurs, 0), fmt(gFloor, 0), fmt(gOurs / gFloor)],
  ["grid 50 × 50, exact engine, first grid of the process (cold)", fmt(gCold, 0), fmt(gFloor, 0), fmt(gCold / gFloor)],
  ["grid 50 × 50 on the Decimal projection (`scenario run`'s engine), for reference", fmt(gDecimal, 0), fmt(gFloor, 0), fmt(gDecimal / gFloor)],
]);
console.log(`  grid money identical to \`scenario run\` at every cell: ${identical === 2500 ? "yes" : `NO (${identical} of 2500)`}; worker threads are not used (measured slower than one thread: their start-up exceeds the work)`);
