// Small cell helpers so workbook renderers stay short and consistent:
// money as exact cent numbers with the EUR format, formulas with their cached
// result, header rows, and the sheet set-up (freeze, filter, print) every
// sheet gets. Usage:
//   setMoney(ws.getCell("C5"), total);                     // 1234.56 as € 1.234,56
//   setFormula(ws.getCell("C9"), "SUM(C2:C8)", total, FMT.eur);
//   setupSheet(ws, { title: "MENERVA — 2025-Q1 — Facturen", freezeRows: 1, widths: [12, 30] });
import type ExcelJS from "exceljs";
import { D, type Dec } from "../../domain/money.js";
import { FMT } from "./formats.js";

/**
 * The JS number a spreadsheet cell should hold for an exact decimal.
 * Number(text) gives the double nearest to the decimal, which is exactly what
 * Excel itself stores when a user types the same amount, so 0.1 + 0.2 style
 * drift never comes from us.
 */
export function toCellNumber(value: Dec): number {
  const n = Number(value.toFixed());
  if (!Number.isFinite(n)) throw new Error(`toCellNumber: ${value.toFixed()} does not fit a spreadsheet number`);
  return Object.is(n, -0) ? 0 : n;
}

/**
 * An amount in euro: a number (never text) with the EUR format. The amount
 * must already be rounded to cents: rounding is the model's job, with a named
 * mode, not the renderer's.
 */
export function setMoney(cell: ExcelJS.Cell, value: Dec): void {
  if (value.decimalPlaces() > 2) {
    throw new Error(`setMoney: ${value.toFixed()} is not rounded to cents (round it in the model first)`);
  }
  cell.value = toCellNumber(value);
  cell.numFmt = FMT.eur;
}

/** Any exact quantity (hours, rates, shares, counts) as a number with a format. */
export function setNumber(cell: ExcelJS.Cell, value: Dec | number, fmt: string): void {
  cell.value = typeof value === "number" ? value : toCellNumber(value);
  cell.numFmt = fmt;
}

function isDec(x: unknown): x is Dec {
  return D.isDecimal(x);
}

/**
 * A live formula with the value menerva computed for it, so the file shows
 * numbers before any recalculation and LibreOffice's recalculation can be
 * compared with it. Write the formula without a leading "=".
 */
export function setFormula(
  cell: ExcelJS.Cell,
  formula: string,
  result: Dec | number | string | boolean,
  fmt?: string,
): void {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  const r = isDec(result) ? toCellNumber(result) : result;
  cell.value = { formula: f, result: r } as ExcelJS.CellFormulaValue;
  if (fmt !== undefined) cell.numFmt = fmt;
}

/**
 * exceljs's default cell font. A font set without a name makes LibreOffice
 * fall back to a serif face, so every font we set starts from this one.
 */
export const BASE_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

/** BASE_FONT with changes, e.g. font({ bold: true, size: 14 }). */
export function font(changes: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> {
  return { ...BASE_FONT, ...changes };
}

/** Light grey-blue header fill: readable when printed in black and white. */
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE5F0" } };

/** Bold, filled, bottom border, wrapped text, vertically centred. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: false }, (cell) => {
    cell.font = { ...BASE_FONT, ...(cell.font ?? {}), bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { ...(cell.border ?? {}), bottom: { style: "thin", color: { argb: "FF404040" } } };
    cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: "middle" };
  });
}

/** Bold with a thin line above and a double line below: a total row. */
export function styleTotalRow(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: false }, (cell) => {
    cell.font = { ...BASE_FONT, ...(cell.font ?? {}), bold: true };
    cell.border = { ...(cell.border ?? {}), top: { style: "thin" }, bottom: { style: "double" } };
  });
}

export type SheetSetup = {
  /** Print header text, e.g. "MENERVA — 2025-Q1 — Facturen". */
  title: string;
  /** Landscape print (default true: statements are wide). */
  landscape?: boolean;
  /** Rows kept visible when scrolling (the header rows). */
  freezeRows?: number;
  /** Columns kept visible when scrolling. */
  freezeCols?: number;
  /** Column widths in characters, from column A. */
  widths?: number[];
  /** Range with an auto-filter, e.g. "A1:H1". */
  autoFilter?: string;
};

/** Escape "&" for header/footer text, where "&" starts a code (&P, &N, ...). */
function headerText(s: string): string {
  return s.replace(/&/g, "&&");
}

/**
 * Frozen panes, column widths, filter, and print set-up: A4, landscape,
 * fit to one page wide (any number of pages tall), the title as page header
 * and "page N of M" as footer, header rows repeated on every page.
 */
export function setupSheet(ws: ExcelJS.Worksheet, opts: SheetSetup): void {
  const rows = opts.freezeRows ?? 0;
  const cols = opts.freezeCols ?? 0;
  if (rows > 0 || cols > 0) {
    ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows }];
  }
  opts.widths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  if (opts.autoFilter) ws.autoFilter = opts.autoFilter;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: opts.landscape === false ? "portrait" : "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(rows > 0 ? { printTitlesRow: `1:${rows}` } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: `&L&B${headerText(opts.title)}`,
    oddFooter: "&R&P / &N",
  };
}
