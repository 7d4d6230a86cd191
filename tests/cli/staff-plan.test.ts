// staff_cost: a cost-price file feeds the close (issue 7): a partner without
// staff rows is charged its planned cost; every partner shows plan vs actual.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildCloseReport, plannedStaffFor, readCloseInputs } from "../../src/app/close.js";
import { plannedStaffCost } from "../../src/domain/costprice/index.js";
import { fmtMoney } from "../../src/domain/money.js";
import { closeSummary } from "../../src/report/close-summary.js";
import { scratchFixtures } from "./helpers.js";

it("uses the cost-price plan where the staff export has no rows, and compares it where it has", async () => {
  const dir = scratchFixtures();
  const cfg = join(dir, "fixtures/menerva.yaml");
  writeFileSync(cfg, `${readFileSync(cfg, "utf8")}staff_cost: costprice.yaml\n`);
  const staff = join(dir, "fixtures/exports/personeel.csv");
  writeFileSync(staff, readFileSync(staff, "latin1").split("\n").filter((l) => !l.includes("Alternatief")).join("\n"), "latin1");

  const read = await readCloseInputs(cfg, "2025-Q1");
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  const period = read.value.period!;
  const built = buildCloseReport({ ...read.value, period });
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  const s = closeSummary(built.value) as { settlement: { se_partner: string; staff_cost: string; planned_staff_cost: string; staff_cost_from: string }[] };

  // the project starts 2024-10, so 2025-Q1 is months 3..5 of the plan: plan(6) − plan(3)
  const plan = plannedStaffCost(read.value.costPrice!, "Alternatief", 6).minus(plannedStaffCost(read.value.costPrice!, "Alternatief", 3));
  const alt = s.settlement.find((p) => p.se_partner === "Alternatief")!;
  expect(alt).toMatchObject({ staff_cost_from: "cost-price plan", staff_cost: fmtMoney(plan.toDecimalPlaces(2)), planned_staff_cost: fmtMoney(plan.toDecimalPlaces(2)) });
  const blm = s.settlement.find((p) => p.se_partner === "BLM")!;
  expect(blm.staff_cost_from).toBe("staff export");
  expect(blm.staff_cost).toBe("3750.00"); // 3 × (2500.00 − 1250.00)
  expect(blm.planned_staff_cost).toBe(fmtMoney(plannedStaffFor(read.value.costPrice!, read.value.config, period)[0]!));
  expect(built.value.warnings.map((w) => w.code)).toContain("staff-from-plan");
});
