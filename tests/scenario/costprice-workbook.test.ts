// One workbook for the director (issue 7 "Done means"): a scenario that takes
// its staff cost from the cost-price file carries the cost-price sheets beside
// the projection and the funding sheet, and the whole file recalculates in
// LibreOffice to the same figures: the cached values equal the recalculated ones.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expect, it } from "vitest";
import { loadScenarioFile } from "../../src/adapters/scenario-file.js";
import { scenarioWorkbookFile } from "../../src/app/scenario/workbook.js";
import { cachedValues, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";

it("shows the cost of a coaching hour, who pays what, and recalculates to its own figures", async () => {
  requireLibreOffice();
  const loaded = await loadScenarioFile("scenarios/costprice-funding.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const { name, data } = await scenarioWorkbookFile(loaded.value.scenario, { lang: "nl" });
  expect(name).toBe("scenario-costprice-funding.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map((w) => w.name);
  for (const s of ["Projectie", "Kostprijs", "BLM", "Alternatief", "Financiering", "Grafieken"]) expect(sheets).toContain(s);

  const path = join(mkdtempSync(join(tmpdir(), "menerva-cpf-")), name);
  writeFileSync(path, data);
  const [fresh, cached] = await Promise.all([recalculate(path), cachedValues(path)]);
  for (const sheet of ["Projectie", "Kostprijs", "BLM", "Financiering"]) {
    const num = (rows: string[][]) => rows.map((r) => r.map((v) => (/^-?\d+(\.\d+)?(E[-+]\d+)?$/.test(v) ? Number(v).toFixed(2) : v)));
    expect(num(fresh.get(sheet)!), sheet).toEqual(num(cached.get(sheet)!));
  }
});
