// Rows generated straight into the zip: exact number text, inline strings
// (escaped, never formulas), date serials, the template's styles, no template
// row left behind, deterministic bytes.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { strFromU8 } from "fflate";
import { describe, expect, test } from "vitest";
import { setNumber } from "../../src/adapters/xlsx/cells.js";
import { unzipParts } from "../../src/adapters/xlsx/deterministic.js";
import { FMT, excelDate } from "../../src/adapters/xlsx/formats.js";
import { toDeterministicXlsxWithRows, type RowCell } from "../../src/adapters/xlsx/sheet-rows.js";

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Rows");
  ws.getRow(1).values = ["Datum", "Tekst", "Bedrag"];
  ws.getCell("A2").value = excelDate("2000-01-01");
  ws.getCell("A2").numFmt = FMT.date;
  ws.getCell("B2").value = "-";
  setNumber(ws.getCell("C2"), 0, FMT.eur);
  wb.addWorksheet("Other").getCell("A1").value = "x";
  return wb;
}

const rows: RowCell[][] = [
  [{ date: "2025-03-31" }, { text: "=1+1" }, { num: "1234.56" }],
  [{ date: "2025-01-01" }, { text: "a < b & c > \"d\"" }, { num: "-0.1" }],
  [null, { text: "  spaces kept  " }, null],
];

describe("toDeterministicXlsxWithRows", () => {
  test("writes the rows with the template's styles and exact values", async () => {
    const bytes = await toDeterministicXlsxWithRows(book(), [{ sheet: "Rows", rows: () => rows }]);
    const xml = strFromU8(unzipParts(bytes).get("xl/worksheets/sheet1.xml")!);
    expect(xml).toMatch(/<c r="A2" s="\d+"><v>45747<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C3" s="\d+"><v>-0.1<\/v><\/c>/);
    expect(xml).toContain('t="inlineStr"><is><t xml:space="preserve">=1+1</t></is>');
    expect(xml).not.toContain("<f>");
    expect(xml).not.toContain("<v>36526</v>"); // the template row is gone
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Rows")!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getCell("B2").value).toBe("=1+1");
    expect(ws.getCell("B3").value).toBe('a < b & c > "d"');
    expect(ws.getCell("B4").value).toBe("  spaces kept  ");
    expect(ws.getCell("C2").value).toBe(1234.56);
    expect(ws.getCell("C2").numFmt).toBe(FMT.eur);
    expect((ws.getCell("A2").value as Date).toISOString()).toBe("2025-03-31T00:00:00.000Z");
    expect(wb.getWorksheet("Other")!.getCell("A1").value).toBe("x");
  });

  test("no rows leaves the header only; same input, same bytes", async () => {
    const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
    const empty = await toDeterministicXlsxWithRows(book(), [{ sheet: "Rows", rows: () => [] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(empty) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Rows")!.rowCount).toBe(1);
    const many = () => Array.from({ length: 5_000 }, (_, i): RowCell[] => [{ date: "2025-01-01" }, { text: `r${i}` }, { num: `${i}.05` }]);
    const a = await toDeterministicXlsxWithRows(book(), [{ sheet: "Rows", rows: many }]);
    const b = await toDeterministicXlsxWithRows(book(), [{ sheet: "Rows", rows: many }]);
    expect(sha(a)).toBe(sha(b));
  });

  test("refuses numbers that are not plain decimal text and unknown sheets", async () => {
    await expect(toDeterministicXlsxWithRows(book(), [{ sheet: "Rows", rows: () => [[null, null, { num: "1e5" }]] }])).rejects.toThrow(/plain decimal/);
    await expect(toDeterministicXlsxWithRows(book(), [{ sheet: "Nope", rows: () => [] }])).rejects.toThrow(/no sheet named/);
  });
});
