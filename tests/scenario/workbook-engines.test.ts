// Every kind of scenario workbook menerva writes recalculates to its own
// cached values in BOTH spreadsheet engines, LibreOffice and Gnumeric (issue
// 14): run for every shipped scenario, Monte Carlo, grid and sensitivity, a
// growth inflow with a fee schedule, English labels. Gnumeric evaluates some
// formulas differently (ABS inside SUMPRODUCT), so this catches formulas that
// only one engine gets right. The cached values are menerva's (checked on the
// projection), so "recalculates to its cached values" means "to menerva's".
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scenarioWorkbookFile, runInfo } from "../../src/app/scenario/workbook.js";
import { dec, fmtMoney } from "../../src/domain/money.js";
import { grid } from "../../src/domain/scenario/grid.js";
import { monteCarlo } from "../../src/domain/scenario/montecarlo.js";
import { project } from "../../src/domain/scenario/project.js";
import { sensitivity } from "../../src/domain/scenario/sensitivity.js";
import type { Scenario } from "../../src/domain/scenario/types.js";
import { manyGnumeric, requireGnumeric } from "../helpers/gnumeric.js";
import { manyLibreOffice, requireLibreOffice } from "../helpers/libreoffice.js";
import { formulaErrors, sheetDiffs } from "../helpers/sheets.js";
import { loadScenario } from "./workbooks.js";

type Book = { label: string; scenario: Scenario; path: string; projection: string };
const books: Book[] = [];
let lo: { cached: Map<string, string[][]>[]; fresh: Map<string, string[][]>[] };
let gn: { cached: Map<string, string[][]>[]; fresh: Map<string, string[][]>[] };

beforeAll(async () => {
  requireLibreOffice();
  requireGnumeric();
  const dir = await mkdtemp(join(tmpdir(), "menerva-engines-"));
  const add = async (label: string, file: string, make: (s: Scenario) => Promise<{ name: string; data: Uint8Array }>, projection = "Projectie") => {
    const s = await loadScenario(file);
    const w = await make(s);
    const path = join(dir, `${books.length}-${w.name}`);
    await writeFile(path, w.data);
    books.push({ label, scenario: s, path, projection });
  };
  const files = (s: Scenario) => [`scenarios/${s.name}.yaml`];
  for (const name of ["base", "pessimistic", "optimistic", "no-subsidy", "funding-mix", "costprice-funding"])
    await add(`run ${name}`, `scenarios/${name}.yaml`, async (s) => scenarioWorkbookFile(s, { lang: "nl", run: await runInfo("run", s, files(s), {}), sensitivity: sensitivity(s, dec("0.1")) }));
  await add("montecarlo base", "scenarios/base.yaml", async (s) =>
    scenarioWorkbookFile(s, { lang: "nl", run: await runInfo("montecarlo", s, files(s), {}, [["runs", "300"], ["seed", "1"]]), monteCarlo: monteCarlo(s, project(s, { detail: false }), 300, 1) }),
  );
  await add("grid base", "scenarios/base.yaml", async (s) =>
    scenarioWorkbookFile(s, {
      lang: "nl",
      run: await runInfo("grid", s, files(s), {}),
      grid: grid(s, { driver: "inflow", from: dec(4), to: dec(12), step: dec(4) }, { driver: "placement_rate", from: dec("0.3"), to: dec("0.7"), step: dec("0.2") }),
    }),
  );
  await add("sensitivity costprice-funding", "scenarios/costprice-funding.yaml", async (s) =>
    scenarioWorkbookFile(s, { lang: "nl", run: await runInfo("sensitivity", s, files(s), {}, [["percent", "20"]]), sensitivity: sensitivity(s, dec("0.2")) }),
  );
  await add("growth, fee schedule, windows (English)", "tests/scenario/files/shapes.yaml", async (s) => scenarioWorkbookFile(s, { lang: "en" }), "Projection");
  await add("funding with cost price (English)", "tests/scenario/files/funding-costprice.yaml", async (s) => scenarioWorkbookFile(s, { lang: "en" }), "Projection");
  const paths = books.map((b) => b.path);
  const [loCached, loFresh, gnCached, gnFresh] = await Promise.all([manyLibreOffice(paths, false), manyLibreOffice(paths, true), manyGnumeric(paths, false), manyGnumeric(paths, true)]);
  lo = { cached: loCached, fresh: loFresh };
  gn = { cached: gnCached, fresh: gnFresh };
}, 300_000);

const cents = (text: string): string => (Math.round(Number(text) * 100) / 100).toFixed(2).replace(/^-0\.00$/, "0.00");

describe("scenario workbooks in LibreOffice and Gnumeric", () => {
  it("every workbook recalculates to its cached values in LibreOffice", () => {
    books.forEach((b, i) => {
      expect(formulaErrors(lo.fresh[i]!), b.label).toEqual([]);
      expect(sheetDiffs(lo.cached[i]!, lo.fresh[i]!), b.label).toEqual([]);
    });
  });

  it("every workbook recalculates to its cached values in Gnumeric", () => {
    books.forEach((b, i) => {
      expect(formulaErrors(gn.fresh[i]!), b.label).toEqual([]);
      expect(sheetDiffs(gn.cached[i]!, gn.fresh[i]!), b.label).toEqual([]);
    });
  });

  it("the recalculated reserve is menerva's in both engines, month by month", () => {
    books.forEach((b, i) => {
      const p = project(b.scenario);
      for (const sheets of [lo.fresh[i]!, gn.fresh[i]!]) {
        const proj = sheets.get(b.projection)!;
        const col = proj[0]!.indexOf("reserve");
        expect(proj.slice(1, p.rows.length + 1).map((r) => cents(r[col]!)), b.label).toEqual(p.rows.map((r) => fmtMoney(r.reserve)));
      }
    });
  });

  it("sheets of stored results say so in their first row, with the command and its parameters", () => {
    const mc = books.findIndex((b) => b.label === "montecarlo base");
    const note = gn.fresh[mc]!.get("Monte Carlo")![0]![0]!;
    expect(note).toMatch(/^Vaste uitkomst, geen formules/);
    expect(note).toContain("menerva scenario montecarlo base.yaml --runs 300 --seed 1");
    expect(note).toMatch(/SHA-256 [0-9a-f]{16}…/);
    const grid = books.findIndex((b) => b.label === "grid base");
    expect(gn.fresh[grid]!.get("Raster")![0]![0]).toMatch(/^Vaste uitkomst, geen formules/);
    const sens = books.findIndex((b) => b.label === "sensitivity costprice-funding");
    expect(gn.fresh[sens]!.get("Gevoeligheid")![0]![0]).toMatch(/^Vaste uitkomst, geen formules.*--percent 20/);
  });
});
