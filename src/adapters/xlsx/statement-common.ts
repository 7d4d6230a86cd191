// Helpers shared by the sheets of the close statement and the year statement:
// absolute references, SUMIFS criteria that match text exactly, column
// letters, checkpoints (cell → menerva's figure) for the recalculation tests.
import type ExcelJS from "exceljs";
import { fmtMoney, type Dec } from "../../domain/money.js";
import { styleHeaderRow } from "./cells.js";

/** A rate in euro with 2 to 4 decimals (2.50, 3.125). */
export const RATE_FMT = "[$€-813] #,##0.00##";

/** A cell whose recalculated value must equal menerva's figure. */
export type Checkpoint = { readonly sheet: string; readonly cell: string; readonly label: string; readonly expected: string };

/** 'Sheet'!$A$1 */
export const ref = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell.replace(/([A-Z]+)(\d+)/, "$$$1$$$2")}`;
export const money2 = (x: Dec) => fmtMoney(x.toDecimalPlaces(2));
export const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/**
 * A SUMIFS criterion that matches exactly this text: "=" so a leading < > =
 * is not an operator, and ~ escapes the wildcards * ? ~ (Excel and LibreOffice).
 */
export const exactly = (s: string) => quote(`=${s.replace(/[~*?]/g, "~$&")}`);

export function colLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export function headerRow(ws: ExcelJS.Worksheet, rowNo: number, labels: readonly string[]): void {
  const row = ws.getRow(rowNo);
  labels.forEach((l, i) => {
    row.getCell(i + 1).value = l;
  });
  styleHeaderRow(row);
}

export function point(checkpoints: Checkpoint[], sheet: string, cell: string, label: string, expected: Dec | string): void {
  checkpoints.push({ sheet, cell, label, expected: typeof expected === "string" ? expected : money2(expected) });
}
