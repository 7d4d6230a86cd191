// The close statement: structure (sheets, headers, named cells, formats,
// formula text), Dutch and English, determinism, and the decisive test: a
// forced LibreOffice recalculation gives menerva's own figure, to the cent,
// in every total, including with the Detail table split over several sheets.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { FMT } from "../../src/adapters/xlsx/formats.js";
import { buildStatement, renderStatementXlsx, type Checkpoint } from "../../src/adapters/xlsx/statement-workbook.js";
import { D, dec, fmtMoney } from "../../src/domain/money.js";
import { cellAt, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";
import { sampleCloseReport } from "./fixtures/close-report.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Recalculate in LibreOffice and list every checkpoint that does not match. */
async function mismatches(bytes: Uint8Array, checkpoints: readonly Checkpoint[]): Promise<string[]> {
  requireLibreOffice();
  const dir = await mkdtemp(join(tmpdir(), "menerva-statement-"));
  try {
    const path = join(dir, "statement.xlsx");
    await writeFile(path, bytes);
    const sheets = await recalculate(path);
    const bad: string[] = [];
    for (const c of checkpoints) {
      const raw = cellAt(sheets.get(c.sheet) ?? [], c.cell);
      const got = /^-?\d/.test(raw) ? fmtMoney(new D(raw).toDecimalPlaces(2)) : raw;
      if (got !== c.expected) bad.push(`${c.sheet}!${c.cell} ${c.label}: got ${raw}, menerva ${c.expected}`);
    }
    return bad;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("statement workbook structure", () => {
  test("Dutch sheets, named parameters, formats and formula text", async () => {
    const report = sampleCloseReport();
    const wb = await load(await renderStatementXlsx(report));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Overzicht", "Facturen", "Correcties", "Afrekening", "Reserve", "Personeel", "Detail", "Uitzonderingen", "Controles", "Regels"]);
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.map((n) => n.name).sort();
    expect(names).toEqual(expect.arrayContaining(["Benefit_share", "Opening_reserve", "Revenue", "VAT_rate"]));
    const inv = wb.getWorksheet("Facturen")!;
    expect(inv.getCell("A3").value).toBe("Factuur aan N1");
    // first N1 line: hours at 2.50 summed from Detail by partner and rate, rounded like the model
    expect(inv.getCell("C4").formula).toBe(`ROUND(SUMIFS('Detail'!$F$2:$F$11,'Detail'!$B$2:$B$11,"=N1",'Detail'!$G$2:$G$11,D4,'Detail'!$I$2:$I$11,"=opgenomen"),2)`);
    expect(inv.getCell("E4").formula).toBe("ROUND(C4*D4,2)");
    expect(inv.getCell("E4").result).toBe(25.63);
    expect(inv.getCell("E4").numFmt).toBe(FMT.eur);
    // the wildcard in "N*2" is escaped so it matches only itself
    const all = inv.getSheetValues().flat().map((c) => (c && typeof c === "object" && "formula" in c ? c.formula : "")).join("\n");
    expect(all).toContain('"=N~*2"');
    const set = wb.getWorksheet("Afrekening")!;
    expect(set.getCell("A1").value).toBe("SE-partner");
    expect(set.getCell("B2").formula).toContain("Revenue");
    expect(set.getCell("D2").formula).toBe("MIN(B2,C2)");
    const detail = wb.getWorksheet("Detail")!;
    expect(detail.getCell("F1").value).toBe("Uren");
    expect(typeof detail.getCell("F2").value).toBe("number");
    expect((detail.getCell("A2").value as Date).toISOString()).toBe("2025-01-10T00:00:00.000Z");
    // formula-looking candidate ids stay text
    const cands = detail.getColumn(3).values.filter((v) => typeof v === "string");
    expect(cands).toEqual(expect.arrayContaining(["=1+1", "@SUM(A1)"]));
    const checks = wb.getWorksheet("Controles")!;
    expect(checks.getCell("B2").formula).toMatch(/^IF\(ROUND\(.*,2\)=0,"OK","NIET OK"\)$/);
    expect(wb.getWorksheet("Facturen")!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  test("English labels with --lang en", async () => {
    const wb = await load(await renderStatementXlsx(sampleCloseReport({ language: "en" })));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Overview", "Invoices", "Corrections", "Settlement", "Reserve", "Staff", "Detail", "Exceptions", "Checks", "Rules"]);
    expect(wb.getWorksheet("Invoices")!.getCell("A3").value).toBe("Invoice to N1");
    expect(wb.getWorksheet("Settlement")!.getCell("A1").value).toBe("SE partner");
  });

  test("byte-identical on a second render", async () => {
    const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
    expect(sha(await renderStatementXlsx(sampleCloseReport()))).toBe(sha(await renderStatementXlsx(sampleCloseReport())));
  });

  test("a Detail table over the row limit is split and named per part", async () => {
    const wb = await load(await renderStatementXlsx(sampleCloseReport(), { maxDetailRowsPerSheet: 3 }));
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("Detail"))).toEqual(["Detail 1", "Detail 2", "Detail 3", "Detail 4"]);
    const f = wb.getWorksheet("Facturen")!.getCell("C4").formula;
    for (const part of ["Detail 1", "Detail 2", "Detail 3", "Detail 4"]) expect(f).toContain(`'${part}'!`);
  });
});

describe("statement recalculated in LibreOffice", () => {
  test("every total recalculates to menerva's figure, to the cent (Dutch, split Detail)", async () => {
    const built = buildStatement(sampleCloseReport(), { maxDetailRowsPerSheet: 3 });
    expect(built.checkpoints.length).toBeGreaterThan(30);
    expect(await mismatches(await built.bytes(), built.checkpoints)).toEqual([]);
  }, 180_000);

  test("English, one Detail sheet, distribute + reserve-first, shares per type, a partner costed from the plan", async () => {
    const report = sampleCloseReport({
      language: "en",
      config: { sePartners: ["A", "B", "C", "D"], profit: "distribute", shortfall: "reserve-first", benefitShare: { RSZ: dec("0.70"), maatwerk: dec("0.55") } },
      plannedStaff: ["1.00", "2.00", "3.00", "1234.56"],
    });
    expect(report.result.staff[3]!.fromPlan).toBe(true);
    expect(report.result.settlement.reserve.reservePayments.isZero()).toBe(false);
    const built = buildStatement(report);
    expect(await mismatches(await built.bytes(), built.checkpoints)).toEqual([]);
  }, 180_000);

  test("a formula that drifts from the model is caught, even when its cached value is right", async () => {
    const built = buildStatement(sampleCloseReport());
    const revenue = built.checkpoints.find((c) => c.sheet === "Facturen" && /Omzet/.test(c.label))!;
    const cell = built.wb.getWorksheet("Facturen")!.getCell(revenue.cell);
    const v = cell.value as ExcelJS.CellFormulaValue;
    cell.value = { formula: `${v.formula}+0.01`, result: v.result } as ExcelJS.CellFormulaValue; // cache still says menerva's figure
    const bad = await mismatches(await built.bytes(), built.checkpoints);
    expect(bad.some((b) => b.includes("Facturen") && b.includes("Omzet"))).toBe(true);
    // the equal split and the checks sheet follow the wrong revenue too
    expect(bad.some((b) => b.startsWith("Afrekening!B2"))).toBe(true);
    expect(bad.some((b) => b.startsWith("Controles!") && b.includes("NIET OK"))).toBe(true);
  }, 180_000);
});
