// Monte Carlo: reproducible bytes for a seed, and zero variance reproduces the exact run.
import { describe, expect, it } from "vitest";
import { BLOCK_SIZE, compileSpec, monteCarlo, simulateBlock, summarise } from "../../src/domain/scenario/montecarlo.js";
import { compileFloatModel } from "../../src/domain/scenario/float-engine.js";
import { project } from "../../src/domain/scenario/project.js";
import { draw, makeRng, poisson } from "../../src/domain/scenario/prng.js";
import { scenarioMonteCarlo } from "../../src/app/scenario/montecarlo.js";
import { loadScenarioFile } from "../../src/adapters/scenario-file.js";
import { tiny } from "./make.js";

describe("Monte Carlo", () => {
  it("same seed, same JSON bytes; another seed, other numbers", async () => {
    const run = async (seed: string) => {
      const r = await scenarioMonteCarlo("scenarios/base.yaml", { lang: "nl", json: true, runs: "2000", seed, overrides: { openingReserve: "50000" } });
      if (!r.ok) throw new Error("load failed");
      return r.stdout;
    };
    const a = await run("42");
    expect(await run("42")).toBe(a);
    expect(await run("43")).not.toBe(a);
    const j = JSON.parse(a);
    expect(j.runs).toBe(2000);
    expect(j.monthly).toHaveLength(60);
    for (const m of j.monthly) {
      expect(Number(m.p5)).toBeLessThanOrEqual(Number(m.p50));
      expect(Number(m.p50)).toBeLessThanOrEqual(Number(m.p95));
    }
    // Every run breaks even in exactly one month or never.
    const counted = j.breakEven.byMonth.reduce((n: number, b: { runs: number }) => n + b.runs, 0) + j.breakEven.never;
    expect(counted).toBe(2000);
    expect(Number(j.probabilityFeasible)).toBeGreaterThanOrEqual(0);
    expect(Number(j.probabilityFeasible)).toBeLessThanOrEqual(1);
  });

  it("with zero variance every percentile equals the exact Decimal run to within a few cents", async () => {
    const l = await loadScenarioFile("scenarios/base.yaml");
    if (!l.ok) throw new Error("load failed");
    const s = l.value.scenario;
    const fixed = (v: string) => ({ distribution: { dist: "fixed" as const, value: { kind: "abs" as const, value: Number(v) } }, per: "run" as const });
    const zero = { ...s, monteCarlo: { inflow: fixed("8"), placementRate: fixed("0.5"), monthlyDropout: fixed("0.08"), hoursPerWeek: fixed("30") } };
    const exact = project(zero, { detail: false });
    const mc = monteCarlo(zero, exact, 50, 3);
    exact.rows.forEach((r, t) => {
      const x = r.reserve.toNumber();
      // The float engine rounds each line to cents like the exact one; a float tie may land a cent off now and then.
      expect(Math.abs(mc.reserveP5[t]! - x)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(mc.reserveP50[t]! - x)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(mc.reserveP95[t]! - x)).toBeLessThanOrEqual(0.05);
    });
    expect(mc.probabilityFeasible).toBe(exact.rows.every((r) => !r.reserve.isNegative()) ? 1 : 0);
    expect(mc.breakEven?.p50).toBe(7);
  });

  it("runs are simulated in fixed seeded blocks: blocks computed in any order give the same result", () => {
    const s = tiny({ months: 12, monteCarlo: { inflow: { distribution: { dist: "poisson" }, per: "month" } } });
    const exact = project(s, { detail: false });
    const runs = 2 * BLOCK_SIZE + 100;
    const whole = monteCarlo(s, exact, runs, 9);
    const m = compileFloatModel(s, exact);
    const spec = compileSpec(s, m);
    const reserves = new Float64Array(runs * 12);
    // Last block first, as a second worker thread might finish it.
    for (const b of [2, 0, 1]) {
      const first = b * BLOCK_SIZE;
      const count = Math.min(BLOCK_SIZE, runs - first);
      simulateBlock(m, spec, 9, b, count, reserves.subarray(first * 12, (first + count) * 12));
    }
    const again = summarise(reserves, runs, 12, m.openingReserve, 9);
    expect(Array.from(again.reserveP50)).toEqual(Array.from(whole.reserveP50));
    expect(Array.from(again.reserveP5)).toEqual(Array.from(whole.reserveP5));
  });

  it("draws: Poisson and uniform have the right means over many draws", () => {
    const rng = makeRng(5);
    let sp = 0;
    let su = 0;
    let st = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      sp += poisson(rng, 8);
      su += draw(rng, { dist: "uniform", min: 0.05, max: 0.12 });
      st += draw(rng, { dist: "triangular", low: 0.05, mode: 0.08, high: 0.12 });
    }
    expect(sp / n).toBeGreaterThan(7.9);
    expect(sp / n).toBeLessThan(8.1);
    expect(su / n).toBeCloseTo(0.085, 2);
    // A triangular distribution's mean is (low + mode + high) / 3.
    expect(st / n).toBeCloseTo(0.25 / 3, 3);
  });
});
