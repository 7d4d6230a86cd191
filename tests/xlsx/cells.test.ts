// Cell helpers, read back with exceljs: amounts are numbers with the EUR
// format (never text), formulas keep their cached value, sheets get their
// frozen header and print set-up.
import ExcelJS from "exceljs";
import { strFromU8 } from "fflate";
import { describe, expect, test } from "vitest";
import { setFormula, setMoney, toCellNumber } from "../../src/adapters/xlsx/cells.js";
import { toDeterministicXlsx, unzipParts } from "../../src/adapters/xlsx/deterministic.js";
import { FMT } from "../../src/adapters/xlsx/formats.js";
import { dec } from "../../src/domain/money.js";
import { AMOUNTS, sampleWorkbook } from "./fixtures/sample-workbook.js";

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("cell helpers", () => {
  test("money cells are numbers with the EUR format, exactly the cent amount", async () => {
    const wb = await readBack(await toDeterministicXlsx(sampleWorkbook()));
    const ws = wb.getWorksheet("Data")!;
    AMOUNTS.forEach((a, i) => {
      const c = ws.getCell(`B${i + 2}`);
      expect(typeof c.value).toBe("number");
      expect(c.value).toBe(Number(a));
      expect(c.numFmt).toBe(FMT.eur);
    });
    expect(ws.getCell("C2").numFmt).toBe(FMT.hours);
    expect(ws.getCell("D2").numFmt).toBe(FMT.pct);
    expect(ws.getCell("A2").numFmt).toBe(FMT.date);
    expect((ws.getCell("A2").value as Date).toISOString()).toBe("2025-03-28T00:00:00.000Z");
  });

  test("formulas keep the formula text and the cached result", async () => {
    const wb = await readBack(await toDeterministicXlsx(sampleWorkbook()));
    const c = wb.getWorksheet("Data")!.getCell("D7");
    expect(c.formula).toBe("ROUND(C2*B4/3,2)");
    expect(c.result).toBe(25.03);
    expect(c.numFmt).toBe(FMT.eur);
  });

  test("setMoney refuses an amount that is not rounded to cents", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("x");
    expect(() => setMoney(ws.getCell("A1"), dec("1.005"))).toThrow(/not rounded to cents/);
    setMoney(ws.getCell("A1"), dec("-0.00"));
    expect(Object.is(ws.getCell("A1").value, 0)).toBe(true);
  });

  test("setFormula strips a leading = and converts decimals", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("x");
    setFormula(ws.getCell("A1"), "=1+1", dec("2"));
    expect(ws.getCell("A1").value).toEqual({ formula: "1+1", result: 2 });
    setFormula(ws.getCell("A2"), "IF(1,\"OK\",\"NIET OK\")", "OK");
    expect(ws.getCell("A2").value).toEqual({ formula: "IF(1,\"OK\",\"NIET OK\")", result: "OK" });
  });

  test("toCellNumber is the double nearest to the decimal", () => {
    expect(toCellNumber(dec("0.1"))).toBe(0.1);
    expect(toCellNumber(dec("60576313.75"))).toBe(60576313.75);
    expect(toCellNumber(dec("123456789012.34"))).toBe(123456789012.34);
  });

  test("setupSheet: frozen header, filter, landscape fit-to-width, header and page footer", async () => {
    const parts = unzipParts(await toDeterministicXlsx(sampleWorkbook()));
    const xml = strFromU8(parts.get("xl/worksheets/sheet1.xml")!);
    expect(xml).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(xml).toContain('<autoFilter ref="A1:E5"/>');
    expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
    expect(xml).toMatch(/<sheetPr>.*<pageSetUpPr fitToPage="1"\/>/);
    // "&" in the title is doubled so it is not read as a header code
    expect(xml).toContain("<oddHeader>&amp;L&amp;BMENERVA — 2025-Q1 — Data &amp;&amp; tests</oddHeader>");
    expect(xml).toContain("<oddFooter>&amp;R&amp;P / &amp;N</oddFooter>");
    expect(xml).toMatch(/<col min="2" max="2" width="16"/);
    const wbXml = strFromU8(parts.get("xl/workbook.xml")!);
    expect(wbXml).toContain("_xlnm.Print_Titles");
  });
});
