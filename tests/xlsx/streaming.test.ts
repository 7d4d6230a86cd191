// The streaming writer for huge detail sheets: deterministic bytes, readable
// by exceljs, and a table split over several sheets (small limit here) is
// still fully covered by the formulas over it, as LibreOffice recalculates.
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { FMT, excelDate } from "../../src/adapters/xlsx/formats.js";
import { splitRows, splitSheetName, streamingXlsxBytes } from "../../src/adapters/xlsx/streaming.js";
import { cellAt, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Row i of the test table: an amount in whole cents, exact as a double. */
const amount = (i: number) => ((i * 7919) % 100_000) / 100 - 300;

async function splitWorkbook(total: number, limit: number): Promise<Uint8Array> {
  const ranges = splitRows(total, limit);
  return streamingXlsxBytes(async (wb) => {
    const names = ranges.map((r) => splitSheetName("Detail", r));
    const sum = wb.addWorksheet("Totaal");
    // SUM over every part: the formula still covers all rows after the split
    const formula = names.map((n, k) => `SUM('${n}'!B2:B${ranges[k]!.end - ranges[k]!.start + 1})`).join("+");
    const c = sum.getCell("A1");
    c.value = { formula, result: 0 } as ExcelJS.CellFormulaValue; // wrong cache on purpose
    c.numFmt = FMT.eur;
    sum.getCell("B1").value = { formula: names.map((n) => `COUNT('${n}'!B:B)`).join("+"), result: 0 } as ExcelJS.CellFormulaValue;
    sum.commit();
    for (const r of ranges) {
      const ws = wb.addWorksheet(splitSheetName("Detail", r));
      ws.addRow(["Datum", "Bedrag", "Rij"]).commit();
      for (let i = r.start; i < r.end; i++) {
        const row = ws.addRow([excelDate("2025-02-28"), amount(i), i + 1]);
        row.getCell(1).numFmt = FMT.date;
        row.getCell(2).numFmt = FMT.eur;
        row.commit();
      }
      ws.commit();
    }
  });
}

describe("streaming xlsx", () => {
  test("same content, same bytes; exceljs reads it back", async () => {
    const a = await splitWorkbook(25, 10);
    const b = await splitWorkbook(25, 10);
    expect(sha(a)).toBe(sha(b));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(a) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Totaal", "Detail 1", "Detail 2", "Detail 3"]);
    expect(wb.getWorksheet("Detail 3")!.rowCount).toBe(6);
    expect(wb.getWorksheet("Detail 1")!.getCell("B2").numFmt).toBe(FMT.eur);
    expect(wb.getWorksheet("Detail 3")!.getCell("C6").value).toBe(25);
  });

  test("formulas over a split table cover every row (LibreOffice recalculation)", async () => {
    requireLibreOffice();
    const total = 2_345;
    const dir = await mkdtemp(join(tmpdir(), "menerva-stream-test-"));
    try {
      const path = join(dir, "split.xlsx");
      await writeFile(path, await splitWorkbook(total, 1_000));
      const sheets = await recalculate(path);
      expect([...sheets.keys()].sort()).toEqual(["Detail 1", "Detail 2", "Detail 3", "Totaal"]);
      let cents = 0n;
      for (let i = 0; i < total; i++) cents += BigInt(Math.round(amount(i) * 100));
      const got = Math.round(Number(cellAt(sheets.get("Totaal")!, "A1")) * 100);
      expect(BigInt(got)).toBe(cents);
      expect(cellAt(sheets.get("Totaal")!, "B1")).toBe(String(total));
      expect(sheets.get("Detail 3")!.length).toBe(1 + total - 2_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
