// Goal seek, sensitivity and grid on the exact engine.
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { dec } from "../../src/domain/money.js";
import { keyFigures } from "../../src/domain/scenario/figures.js";
import { grid } from "../../src/domain/scenario/grid.js";
import { project } from "../../src/domain/scenario/project.js";
import { sensitivity } from "../../src/domain/scenario/sensitivity.js";
import { solve } from "../../src/domain/scenario/solve.js";
import { setDriver } from "../../src/domain/scenario/drivers.js";
import { tiny } from "./make.js";

const year = (over = {}) => tiny({ months: 12, investments: [], subsidies: [], openingReserve: dec("3000.00"), ...over });
const feasibleAt = (s: ReturnType<typeof tiny>, driver: "inflow" | "placement_rate" | "fee", v: string) =>
  keyFigures(project(setDriver(s, driver, dec(v)), { detail: false })).feasible;

describe("solve", () => {
  it("finds the least whole inflow: the answer is feasible, one candidate less is not", () => {
    const s = year();
    const r = solve(s, "inflow", { kind: "never-negative" });
    expect(r.status).toBe("found");
    if (r.status !== "found") return;
    const v = r.value.toFixed();
    expect(feasibleAt(s, "inflow", v)).toBe(true);
    expect(feasibleAt(s, "inflow", r.value.minus(1).toFixed())).toBe(false);
    expect(r.below?.feasible).toBe(false);
  });

  it("solves the fee to the cent and the placement rate to 0.001", () => {
    const s = year({ inflow: { kind: "constant", perMonth: dec("20") } });
    const fee = solve(s, "fee", { kind: "never-negative" });
    expect(fee.status).toBe("found");
    if (fee.status === "found") {
      expect(fee.value.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(feasibleAt(s, "fee", fee.value.toFixed())).toBe(true);
      expect(feasibleAt(s, "fee", fee.value.minus("0.01").toFixed())).toBe(false);
    }
    const rate = solve(s, "placement_rate", { kind: "never-negative" });
    expect(rate.status).toBe("found");
    if (rate.status === "found") {
      expect(feasibleAt(s, "placement_rate", rate.value.toFixed())).toBe(true);
      expect(feasibleAt(s, "placement_rate", rate.value.minus("0.001").toFixed())).toBe(false);
    }
  });

  it("says not feasible within the bounds when even the upper bound fails", () => {
    // No opening reserve and a month-1 cost before any placement: no inflow can help.
    const r = solve(year({ openingReserve: dec("0.00") }), "inflow", { kind: "never-negative" }, [dec(0), dec(50)]);
    expect(r.status).toBe("not-feasible");
    if (r.status === "not-feasible") expect([r.lo.toFixed(), r.hi.toFixed()]).toEqual(["0", "50"]);
  });

  it("with a target end reserve, the answer ends at or above it and one less does not", () => {
    const s = year();
    const r = solve(s, "inflow", { kind: "end-reserve", target: dec("20000") });
    expect(r.status).toBe("found");
    if (r.status !== "found") return;
    expect(r.figures.endReserve.greaterThanOrEqualTo(20000)).toBe(true);
    expect(r.below!.endReserve.lessThan(20000)).toBe(true);
  });

  test.prop(
    [fc.record({ opening: fc.integer({ min: 2100, max: 20000 }), rate: fc.integer({ min: 10, max: 90 }), drop: fc.integer({ min: 0, max: 30 }), lag: fc.integer({ min: 0, max: 2 }) })],
    { numRuns: 25, seed: 11 },
  )("solve's answer is feasible and answer − 1 is not", (a) => {
    const s = year({ openingReserve: dec(a.opening), placementRate: dec(a.rate).div(100), monthlyDropout: dec(a.drop).div(100), monthsToPlacement: a.lag });
    const r = solve(s, "inflow", { kind: "never-negative" }, [dec(0), dec(500)]);
    if (r.status === "not-feasible") {
      expect(feasibleAt(s, "inflow", "500")).toBe(false);
      return;
    }
    expect(feasibleAt(s, "inflow", r.value.toFixed())).toBe(true);
    if (r.value.greaterThan(0)) expect(feasibleAt(s, "inflow", r.value.minus(1).toFixed())).toBe(false);
  });
});

describe("sensitivity", () => {
  it("moves every driver, sorts by the larger swing of the end reserve, and a month driver moves at least one month", () => {
    const sens = sensitivity(year({ inflow: { kind: "constant", perMonth: dec("20") } }), dec("0.1"));
    const swings = sens.rows.map((r) => r.swing);
    for (let i = 1; i < swings.length; i++) expect(swings[i - 1]!.greaterThanOrEqualTo(swings[i]!)).toBe(true);
    const inflow = sens.rows.find((r) => r.driver === "inflow")!;
    expect(inflow.endReserveHighDelta.isPositive()).toBe(true);
    expect(inflow.endReserveLowDelta.isNegative()).toBe(true);
    const lag = sens.rows.find((r) => r.driver === "months_to_placement")!;
    expect(lag.endReserveHighDelta.isNegative()).toBe(true);
  });
});

describe("grid", () => {
  it("gives the same cell values as single runs with both drivers set", () => {
    const s = year();
    const g = grid(s, { driver: "inflow", from: dec(4), to: dec(8), step: dec(2) }, { driver: "placement_rate", from: dec("0.3"), to: dec("0.5"), step: dec("0.1") });
    expect(g.xs.map((x) => x.toFixed())).toEqual(["4", "6", "8"]);
    expect(g.ys.map((x) => x.toFixed())).toEqual(["0.3", "0.4", "0.5"]);
    const single = keyFigures(project(setDriver(setDriver(s, "placement_rate", dec("0.4")), "inflow", dec(6)), { detail: false }));
    expect(g.cells[1]![1]!.endReserve.toFixed(2)).toBe(single.endReserve.toFixed(2));
  });
});
