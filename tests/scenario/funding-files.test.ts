// Funding and cost-price staff cost in scenario files: the shipped funding-mix
// scenario, staff cost fed through from a cost-price file (partners must match),
// and bad files with their exact messages.
import { describe, expect, it } from "vitest";
import { readCostPriceFile } from "../../src/adapters/costprice-file.js";
import { loadScenarioFile } from "../../src/adapters/scenario-file.js";
import { monthlyNetStaffCost, monthlyStaffCostParts } from "../../src/domain/costprice/index.js";
import { formatIssue } from "../../src/i18n/render.js";
import { roundMoney, sum } from "../../src/domain/money.js";
import { fundingFigures } from "../../src/domain/scenario/funding-figures.js";
import { project } from "../../src/domain/scenario/project.js";

const F = "tests/scenario/files";

async function load(file: string) {
  const r = await loadScenarioFile(file);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value.scenario;
}
async function problems(file: string): Promise<string[]> {
  const r = await loadScenarioFile(file);
  if (r.ok) throw new Error(`${file} loaded without problems`);
  return r.issues.map(formatIssue);
}

describe("scenarios/funding-mix.yaml", () => {
  it("loads with its funders in file order, the source S4 rule and its comments", async () => {
    const s = await load("scenarios/funding-mix.yaml");
    expect(s.subsidies).toEqual([]);
    expect(s.funding!.map((f) => [f.name, f.own, f.lines.join("+")])).toEqual([
      ["ESF", false, "staff_cost"],
      ["Provincie Limburg", false, "IT-platform+managementadvies+IT-platform werking+intake en screening+nazorg op de werkvloer"],
      ["premie managementadvies", false, "managementadvies"],
      ["eigen inbreng partners", true, "staff_cost"],
    ]);
    const advice = s.funding![2]!;
    expect([advice.basis.kind === "rate" && advice.basis.rate.toFixed(), advice.cap?.toFixed(2)]).toEqual(["0.5", "10000.00"]);
    expect(s.notes?.["funding.2.name"]).toContain("premie managementadvies");
    expect(s.notes?.["funding.0.months"]).toContain("beginfase te overbruggen");
    expect(s.variableCosts!.map((v) => [v.name, v.per, v.amount.toFixed(2)])).toEqual([
      ["intake en screening", "candidate", "120.00"],
      ["nazorg op de werkvloer", "worker", "35.00"],
    ]);
  });

  it("pays the €10,000 advice at 50% (€5,000, below the cap) in month 1 and reports ESF stopping after month 18", async () => {
    const s = await load("scenarios/funding-mix.yaml");
    const p = project(s);
    const f = fundingFigures(s, p);
    expect(f.funders.find((x) => x.name === "premie managementadvies")!.total.toFixed(2)).toBe("5000.00");
    expect(p.rows[0]!.funding!.byFunder[2]!.map((x) => x.toFixed(2))).toEqual(["0.00", "0.00", "5000.00", "0.00", "0.00", "0.00"]);
    expect(f.stops.map((x) => [x.funder, x.lastMonth, x.reason])).toEqual([
      ["ESF", 18, "window"],
      ["Provincie Limburg", 24, "window"],
    ]);
    expect(p.rows[18]!.funding!.funderTotals[0]!.isZero()).toBe(true);
    expect(f.leverage!.toFixed(2)).toBe(f.totalCosts.div(f.ownContribution).toDecimalPlaces(2).toFixed(2));
  });
});

describe("SE staff cost from a cost-price file", () => {
  it("feeds each partner's monthly gross staff cost and the file's subsidies on it through apart, per year, path relative to the file that names it", async () => {
    const s = await load(`${F}/funding-costprice.yaml`);
    const cp = await readCostPriceFile("fixtures/costprice.yaml");
    if (!cp.ok) throw new Error("fixtures/costprice.yaml does not load");
    const part = (year: number, k: "gross" | "subsidies") => s.sePartners.map((name) => roundMoney(monthlyStaffCostParts(cp.value, name, year)[k], "half-away-from-zero"));
    const expected = (year: number) => part(year, "gross");
    const p = project(s);
    // Month 1 is year 0, month 13 year 1, month 60 year 4.
    expect(p.rows[0]!.staffCost.toFixed(2)).toBe(sum(expected(0)).toFixed(2));
    expect(p.rows[12]!.staffCost.toFixed(2)).toBe(sum(expected(1)).toFixed(2));
    expect(p.rows[59]!.staffCost.toFixed(2)).toBe(sum(expected(4)).toFixed(2));
    // No hidden subsidies (issue 14): the file's subsidies are subsidies of the projection, month by month.
    expect(p.rows.map((r) => r.costPriceSubsidy.toFixed(2))).toEqual(p.rows.map((_, i) => sum(part(Math.floor(i / 12), "subsidies")).toFixed(2)));
    expect(p.rows[0]!.costPriceSubsidy.greaterThan(0)).toBe(true);
    // Gross − subsidies is the net staff cost of the file, to the cent per partner and month (each part rounded apart).
    const net = (y: number) => s.sePartners.map((name) => monthlyNetStaffCost(cp.value, name, y));
    s.sePartners.forEach((_, i) => expect(expected(0)[i]!.minus(part(0, "subsidies")[i]!).minus(net(0)[i]!).abs().lessThanOrEqualTo("0.01")).toBe(true));
    // Not the flat FTE × cost of base.yaml (4 × 0.5 × 60,000 / 12 = 10,000.00).
    expect(p.rows[0]!.staffCost.toFixed(2)).not.toBe("10000.00");
    // Each SE partner carries its own cost-price figure over the 60 months.
    const total = (name: string, i: number) => sum(Array.from({ length: 5 }, (_, y) => expected(y)[i]!.times(12)));
    expect(p.sePartners!.map((x) => x.staffCost.toFixed(2))).toEqual(s.sePartners.map((n, i) => total(n, i).toFixed(2)));
  });

  it("refuses SE partners the cost-price file does not have", async () => {
    expect(await problems(`${F}/funding-costprice-bad.yaml`)).toEqual([
      `${F}/funding-costprice-bad.yaml:4:14: se_staff.costprice: se_partners "Sherpa" not in the cost-price file (it has "BLM", "Arbeidskansen", "LIV aan het werk", "Alternatief") (got "../../../fixtures/costprice.yaml")`,
    ]);
  });

  it("points at the costprice line when the file is missing", async () => {
    expect(await problems(`${F}/funding-costprice-missing.yaml`)).toEqual([
      `${F}/funding-costprice-missing.yaml:2:24: se_staff.costprice: file not found: ${F}/nowhere.yaml (got "nowhere.yaml")`,
    ]);
  });
});

describe("bad funding sections", () => {
  it("reports shape problems with file:line:col", async () => {
    expect(await problems(`${F}/funding-bad.yaml`)).toEqual([
      `${F}/funding-bad.yaml:8:43: funding.2.own: expected true or false (got "yes")`,
      `${F}/funding-bad.yaml:8:33: funding.2.rate: must be at most 1 (got "1.5")`,
      `${F}/funding-bad.yaml:9:42: funding.3: unknown key "colour"`,
    ]);
  });

  it("reports every meaning problem at once", async () => {
    expect(await problems(`${F}/funding-bad-meaning.yaml`)).toEqual([
      `${F}/funding-bad-meaning.yaml:3:5: variable_costs.0: give per_candidate (per entering candidate) or per_worker_month (per active worker a month), one of the two`,
      `scenarios/base.yaml:57:3: subsidies: give subsidies or funding, not both (funding replaces subsidies: write subsidies: [] when you extend a file that has them)`,
      `${F}/funding-bad-meaning.yaml:4:13: variable_costs.1.name: "IT-platform" is also the name of a line in investments; funding needs distinct cost line names (got "IT-platform")`,
      `${F}/funding-bad-meaning.yaml:6:22: funding.0.of: "staff_costs" is not a cost line (use staff_cost, investments, running_costs, variable_costs, all or the name of an investment, running cost or variable cost) (got "staff_costs")`,
      `${F}/funding-bad-meaning.yaml:7:5: funding.1: give rate (a share of each line) or amount (per month), one of the two`,
      `${F}/funding-bad-meaning.yaml:8:13: funding.2.name: "ESF" appears twice (got "ESF")`,
    ]);
  });
});
