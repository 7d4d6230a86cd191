// Random scenarios (list, growth and constant inflow, fee schedules, benefit
// tiers, subsidies with caps, funders with rates, amounts, windows, caps and
// own contributions, variable costs, NEC partners) written as workbooks and
// recalculated in LibreOffice and Gnumeric: every formula gives its cached
// value (menerva's) in both, and the reserve is menerva's month by month.
import fc from "fast-check";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildScenarioWorkbook } from "../../src/adapters/xlsx/scenario-workbook.js";
import { dec, fmtMoney } from "../../src/domain/money.js";
import { keyFigures } from "../../src/domain/scenario/figures.js";
import { fundingFigures } from "../../src/domain/scenario/funding-figures.js";
import { project } from "../../src/domain/scenario/project.js";
import type { Scenario } from "../../src/domain/scenario/types.js";
import { manyGnumeric, requireGnumeric } from "../helpers/gnumeric.js";
import { manyLibreOffice, requireLibreOffice } from "../helpers/libreoffice.js";
import { formulaErrors, sheetDiffs } from "../helpers/sheets.js";
import { scenarioArb } from "./random-scenario.js";

const withPartners = (s: Scenario, i: number): Scenario => {
  const staff = { ftePerPartner: s.seStaff.ftePerPartner, yearlyCostPerFte: s.seStaff.yearlyCostPerFte, indexation: s.seStaff.indexation };
  return {
    ...s,
    name: `random-${i}`,
    // A cost-price staff cost needs its cost-price sheets; these scenarios use the flat rule.
    seStaff: staff,
    necPartners: [
      { name: "Q-Jobs", share: dec("0.5"), marginPerHour: dec("4.00"), cellCostPerMonth: dec("1000.00") },
      { name: "Flexer", share: dec("0.3333"), marginPerHour: dec("3.75"), cellCostPerMonth: dec("800.00") },
      { name: "Itzu Jobs", share: dec("0.1667"), marginPerHour: dec("4.25"), cellCostPerMonth: dec("0.00") },
    ],
  };
};

describe("random scenario workbooks in LibreOffice and Gnumeric", () => {
  it("recalculate to their cached values, which are menerva's", async () => {
    requireLibreOffice();
    requireGnumeric();
    const scenarios = fc.sample(scenarioArb, { seed: 1414, numRuns: 8 }).map(withPartners);
    const dir = await mkdtemp(join(tmpdir(), "menerva-scn-random-"));
    const paths = await Promise.all(
      scenarios.map(async (s, i) => {
        const p = project(s);
        const bytes = await buildScenarioWorkbook({ scenario: s, projection: p, figures: keyFigures(p), lang: "nl", ...(s.funding ? { funding: fundingFigures(s, p) } : {}) });
        const path = join(dir, `r${i}.xlsx`);
        await writeFile(path, bytes);
        return path;
      }),
    );
    const [loCached, loFresh, gnCached, gnFresh] = await Promise.all([manyLibreOffice(paths, false), manyLibreOffice(paths, true), manyGnumeric(paths, false), manyGnumeric(paths, true)]);
    scenarios.forEach((s, i) => {
      const label = `${s.name}: ${JSON.stringify(s)}`;
      expect(formulaErrors(loFresh[i]!), label).toEqual([]);
      expect(formulaErrors(gnFresh[i]!), label).toEqual([]);
      expect(sheetDiffs(loCached[i]!, loFresh[i]!), label).toEqual([]);
      expect(sheetDiffs(gnCached[i]!, gnFresh[i]!), label).toEqual([]);
      const proj = gnFresh[i]!.get("Projectie")!;
      const col = proj[0]!.indexOf("reserve");
      const cents = (t: string) => (Math.round(Number(t) * 100) / 100).toFixed(2).replace(/^-0\.00$/, "0.00");
      expect(proj.slice(1, s.months + 1).map((r) => cents(r[col]!)), label).toEqual(project(s).rows.map((r) => fmtMoney(r.reserve)));
    });
  }, 240_000);
});
