// `scenario run` with a funding mix: the JSON `funding` block (amounts as
// 2-decimal strings, per month per funder, gap, leverage, terugval, marginal),
// the text tables and the funding CSVs written with --out.
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarioRun } from "../../src/app/scenario/run.js";

const money = /^-?\d+\.\d{2}$/;

describe("scenario run with funding", () => {
  it("--json has a funding block whose months tie: funders + project = costs, line by line", async () => {
    const r = await scenarioRun("scenarios/funding-mix.yaml", { lang: "en", json: true });
    if (!r.ok) throw new Error("run failed");
    const j = JSON.parse(r.stdout);
    const f = j.funding;
    expect(f.funders.map((x: { name: string; own: boolean }) => [x.name, x.own])).toEqual([
      ["ESF", false],
      ["Provincie Limburg", false],
      ["premie managementadvies", false],
      ["eigen inbreng partners", true],
    ]);
    expect(f.leverage).toMatch(/^\d+\.\d{2}$/);
    expect(f.stops.map((x: { funder: string; lastMonth: number; extraInflow: string | null }) => [x.funder, x.lastMonth, x.extraInflow !== null])).toEqual([
      ["ESF", 18, true],
      ["Provincie Limburg", 24, true],
    ]);
    expect(f.marginal.resultPerCandidate).toMatch(money);
    expect(f.monthly).toHaveLength(60);
    const cents = (x: string) => Math.round(Number(x) * 100);
    for (const mo of f.monthly) {
      for (const v of [mo.costs, mo.project, mo.gap, mo.covered, ...Object.values(mo.funders)]) expect(v).toMatch(money);
      const funders = Object.values(mo.funders as Record<string, string>).reduce((a, x) => a + cents(x), 0);
      expect(funders + cents(mo.project)).toBe(cents(mo.costs));
      for (const line of Object.values(mo.byLine as Record<string, Record<string, string>>)) {
        const { amount, ...parts } = line;
        expect(Object.values(parts).reduce((a, x) => a + cents(x), 0)).toBe(cents(amount!));
      }
    }
    // The projection's subsidies are the payments of the funders not marked own; the own contribution is its own column (issue 14).
    const own = new Set(f.funders.filter((x: { own: boolean }) => x.own).map((x: { name: string }) => x.name));
    const paid = (mine: boolean) =>
      (Object.entries(f.monthly[0].funders as Record<string, string>).reduce((a, [name, x]) => a + (own.has(name) === mine ? cents(x) : 0), 0) / 100).toFixed(2);
    expect(j.monthly[0].subsidies).toBe(paid(false));
    expect(j.monthly[0].ownContributions).toBe(paid(true));
    expect(j.keyFigures.resultWithoutSubsidiesAndOwn).toBe(
      ((cents(j.keyFigures.totalResult) - cents(j.keyFigures.totalSubsidies) - cents(j.keyFigures.totalOwnContributions)) / 100).toFixed(2),
    );
    expect(j.monthly[0].variableCosts).toMatch(money);
  });

  it("text shows the funding mix, totals, leverage and terugval; --out writes the funding CSVs", async () => {
    const out = await mkdtemp(join(tmpdir(), "menerva-fund-cli-"));
    const r = await scenarioRun("scenarios/funding-mix.yaml", { lang: "nl", json: false, outDir: out });
    if (!r.ok) throw new Error("run failed");
    expect(r.stdout).toContain("Financieringsmix (volgorde van het bestand");
    expect(r.stdout).toMatch(/hefboom per euro eigen inbreng\s+\d+,\d{2}\b/); // Dutch decimal comma on screen
    expect(r.stdout).toMatch(/terugval: ESF\s+laatste maand 18 \(2026-06\)/);
    expect(r.stdout).toMatch(/marginaal: \+1 kandidaat per maand\s+60 extra kandidaten/);
    expect((await readdir(out)).sort()).toEqual([
      "scenario-funding-mix-figures.csv",
      "scenario-funding-mix-funding-figures.csv",
      "scenario-funding-mix-funding-totals.csv",
      "scenario-funding-mix-funding.csv",
      "scenario-funding-mix-nec-partners.csv",
      "scenario-funding-mix-projection.csv",
      "scenario-funding-mix-se-partners.csv",
      "scenario-funding-mix.json",
      "scenario-funding-mix.xlsx",
    ]);
    const csv = (await readFile(join(out, "scenario-funding-mix-funding.csv"), "utf8")).split("\n");
    expect(csv[0]).toBe("maand,periode,kosten,ESF,Provincie Limburg,premie managementadvies,eigen inbreng partners,project (omzet + reserve),waarvan tekort");
    expect(csv[1]).toMatch(/^1,2025-01,41360\.00,5000\.00,1000\.00,5000\.00,2500\.00,27860\.00,0\.00$/);
  }, 60_000);

  it("a scenario without funding has no funding block (base unchanged)", async () => {
    const r = await scenarioRun("scenarios/base.yaml", { lang: "en", json: true });
    if (!r.ok) throw new Error("run failed");
    const j = JSON.parse(r.stdout);
    expect(j.funding).toBeUndefined();
    expect(j.monthly[0].variableCosts).toBeUndefined();
  });
});
