// The grid's exact engine (issue 15) gives the money of the Decimal projection
// to the cent: every money key figure, the break-even and payback months and
// feasibility, on random scenarios of up to six years (long enough that
// decimal.js rounds worker counts to 40 digits while the exact engine keeps
// every digit), and on the shipped scenarios across a grid.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/domain/money.js";
import { setDriver } from "../../src/domain/scenario/drivers.js";
import { exactKeyFigures } from "../../src/domain/scenario/exact-engine.js";
import { keyFigures, type KeyFigures } from "../../src/domain/scenario/figures.js";
import { project } from "../../src/domain/scenario/project.js";
import { scenariosOf } from "./random-scenario.js";
import { loadScenario } from "./workbooks.js";

const money = (k: KeyFigures) => ({
  breakEven: k.breakEvenMonth ?? null,
  payback: k.paybackMonth ?? null,
  lowest: k.lowestReserve.toFixed(2),
  lowestMonth: k.lowestReserveMonth,
  need: k.fundingNeed.toFixed(2),
  end: k.endReserve.toFixed(2),
  feasible: k.feasible,
  revenue: k.totalRevenue.toFixed(2),
  costs: k.totalCosts.toFixed(2),
  subsidies: k.totalSubsidies.toFixed(2),
  own: k.totalOwnContributions.toFixed(2),
  result: k.totalResult.toFixed(2),
  withoutSubsidies: k.resultWithoutSubsidies.toFixed(2),
  withoutBoth: k.resultWithoutSubsidiesAndOwn.toFixed(2),
});

describe("exact engine", () => {
  test.prop([scenariosOf(24, 72)], { numRuns: 200, seed: 15 })("equals the Decimal projection's key figures to the cent on random scenarios", (s) => {
    expect(money(exactKeyFigures(s))).toEqual(money(keyFigures(project(s, { detail: false }))));
  });

  test.prop([scenariosOf(40, 72), fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 })], { numRuns: 60, seed: 151 })(
    "also with drop-out and placement rates of four decimals (worker counts far beyond 40 digits)",
    (s, drop, rate) => {
      const t = { ...s, monthlyDropout: dec(drop).div(40000), placementRate: dec(rate).div(10000) };
      expect(money(exactKeyFigures(t))).toEqual(money(keyFigures(project(t, { detail: false }))));
    },
  );

  it("equals it on every shipped scenario, over a grid of inflow × placement rate", async () => {
    for (const name of ["base", "pessimistic", "optimistic", "no-subsidy", "funding-mix", "costprice-funding"]) {
      const s = await loadScenario(`scenarios/${name}.yaml`);
      for (const inflow of ["3", "8", "13"])
        for (const rate of ["0.3", "0.55", "0.8"]) {
          const c = setDriver(setDriver(s, "inflow", dec(inflow)), "placement_rate", dec(rate));
          expect(money(exactKeyFigures(c)), `${name} ${inflow} ${rate}`).toEqual(money(keyFigures(project(c, { detail: false }))));
        }
    }
  });
});
