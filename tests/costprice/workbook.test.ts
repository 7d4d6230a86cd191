// The cost-price workbook in LibreOffice with a forced full recalculation:
// every formula gives menerva's value to the cent, a wrong cached value is
// caught, and changing an input cell moves the cost per hour exactly as
// menerva computes it for the changed file.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readCostPriceFile } from "../../src/adapters/costprice-file.js";
import { costPriceSheetNames, costPriceWorkbook } from "../../src/adapters/xlsx/costprice-workbook.js";
import type { CostPrice } from "../../src/domain/costprice/types.js";
import { dec } from "../../src/domain/money.js";
import { costPriceReport, type CostPriceReport } from "../../src/report/costprice-model.js";
import { cachedValues, cellAt, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";

const FIXTURE = join(import.meta.dirname, "../../fixtures/costprice.yaml");

/** LibreOffice's CSV keeps the % of percentage-formatted cells ("183.27%"): back to the number. */
const asNumberText = (s: string): string => (/^-?[\d.]+%$/.test(s) ? String(Number(s.slice(0, -1)) / 100) : s);

type Mismatch = { sheet: string; cell: string; cached: string; recalculated: string };

const colName = (i: number): string => (i >= 26 ? colName(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));

/**
 * Every cell whose value as stored in the file (LibreOffice, no recalculation)
 * differs from LibreOffice's forced full recalculation: a formula and its
 * cached value that disagree.
 */
async function mismatches(path: string): Promise<Mismatch[]> {
  const [recalculated, cached] = await Promise.all([recalculate(path), cachedValues(path)]);
  expect([...recalculated.keys()]).toEqual([...cached.keys()]);
  const out: Mismatch[] = [];
  for (const [sheet, rows] of recalculated) {
    const stored = cached.get(sheet)!;
    const height = Math.max(rows.length, stored.length);
    for (let r = 0; r < height; r++) {
      const width = Math.max(rows[r]?.length ?? 0, stored[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const got = asNumberText(rows[r]?.[c] ?? "");
        const claim = asNumberText(stored[r]?.[c] ?? "");
        const same = got === claim || (got !== "" && claim !== "" && Math.abs(Number(got) - Number(claim)) <= 1e-9 * Math.max(1, Math.abs(Number(claim))));
        if (!same) out.push({ sheet, cell: `${colName(c)}${r + 1}`, cached: claim, recalculated: got });
      }
    }
  }
  return out;
}

async function fixture(): Promise<CostPrice> {
  const r = await readCostPriceFile(FIXTURE);
  if (!r.ok) throw new Error("fixture does not load");
  return r.value;
}

async function write(report: CostPriceReport, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "menerva-cp-xlsx-"));
  const path = join(dir, name);
  await writeFile(path, await costPriceWorkbook(report, "nl"));
  return path;
}

describe("cost-price workbook recalculated in LibreOffice", { timeout: 180_000 }, () => {
  let report: CostPriceReport;
  beforeAll(async () => {
    requireLibreOffice();
    report = costPriceReport(await fixture());
  });

  it("gives every figure menerva gives, to the cent", async () => {
    const path = await write(report, "costprice.xlsx");
    expect(await mismatches(path)).toEqual([]);
    // and the summary's cost per hour is menerva's, read from the recalculated sheet
    const rows = (await recalculate(path)).get("Kostprijs")!;
    report.partners.forEach((p, i) => {
      expect(cellAt(rows, `A${i + 2}`)).toBe(p.actual.partner);
      expect(Number(cellAt(rows, `F${i + 2}`)).toFixed(2)).toBe(p.actual.perHour!.gross.toFixed(2));
      expect(Number(cellAt(rows, `G${i + 2}`)).toFixed(2)).toBe(p.actual.perHour!.net.toFixed(2));
      expect(Number(cellAt(rows, `D${i + 2}`)).toFixed(2)).toBe(p.actual.net.toFixed(2));
      expect(Number(cellAt(rows, `I${i + 2}`)).toFixed(2)).toBe(p.lostSubsidy.toFixed(2));
      expect(Number(cellAt(rows, `K${i + 2}`)).toFixed(2)).toBe(p.breakEven!.fee!.toFixed(2));
    });
  });

  it("catches a wrong cached value", async () => {
    // Same workbook, but BLM's cost per hour claims 99.99 instead of 32.10.
    const blm = report.partners[0]!;
    const forged: CostPriceReport = {
      ...report,
      partners: [{ ...blm, actual: { ...blm.actual, perHour: { gross: blm.actual.perHour!.gross, net: dec("99.99") } } }, ...report.partners.slice(1)],
    };
    const found = await mismatches(await write(forged, "forged.xlsx"));
    expect(found).toContainEqual({ sheet: "Kostprijs", cell: "G2", cached: "99.99", recalculated: "32.1" });
    expect(found.every((m) => m.cached === "99.99" && m.recalculated === "32.1")).toBe(true);
  });

  it("moves the cost per hour when a user changes an input cell", async () => {
    // In the workbook: BLM's jobcoach from 0.5 to 0.8 FTE (cell C13 of its sheet).
    const path = await write(report, "edited.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const names = costPriceSheetNames(report, "nl");
    const ws = wb.getWorksheet(names.partners[0]!)!;
    expect(ws.getCell("A13").value).toBe("jobcoach");
    ws.getCell("C13").value = 0.8;
    await wb.xlsx.writeFile(path);
    // In menerva: the same change in the file.
    const c = await fixture();
    const [first, ...rest] = c.partners;
    const changed = costPriceReport({
      ...c,
      partners: [{ ...first!, staff: [{ ...first!.staff[0]!, fte: dec("0.8") }] }, ...rest],
    });
    const rows = (await recalculate(path)).get("Kostprijs")!;
    const want = changed.partners[0]!.actual.perHour!.net.toFixed(2);
    expect(want).not.toBe(report.partners[0]!.actual.perHour!.net.toFixed(2));
    expect(Number(cellAt(rows, "G2")).toFixed(2)).toBe(want);
    expect(Number(cellAt(rows, "D2")).toFixed(2)).toBe(changed.partners[0]!.actual.net.toFixed(2));
  });
});
