// solve brackets upwards from the lower bound: with costs per entering
// candidate, a huge inflow is not feasible again, yet the least feasible
// inflow must still be found (the shipped funding-mix scenario is such a case).
import { expect, it } from "vitest";
import { loadScenarioFile } from "../../src/adapters/scenario-file.js";
import { dec } from "../../src/domain/money.js";
import { keyFigures } from "../../src/domain/scenario/figures.js";
import { project } from "../../src/domain/scenario/project.js";
import { setDriver } from "../../src/domain/scenario/drivers.js";
import { solve } from "../../src/domain/scenario/solve.js";

it("finds the least feasible inflow although the upper bound is not feasible", async () => {
  const loaded = await loadScenarioFile("scenarios/funding-mix.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const s = loaded.value.scenario;
  const feasibleAt = (n: number) => keyFigures(project(setDriver(s, "inflow", dec(n)), { detail: false })).feasible;
  expect(feasibleAt(1000)).toBe(false);
  const r = solve(s, "inflow", { kind: "never-negative" });
  expect(r.status).toBe("found");
  if (r.status !== "found") return;
  const n = r.value.toNumber();
  expect(feasibleAt(n)).toBe(true);
  expect(feasibleAt(n - 1)).toBe(false);
});
