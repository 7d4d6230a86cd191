// What the sheets of a scenario workbook share: the input, the sheet names,
// the language, and the layout helpers every sheet uses the same way (legible
// print set-up, header rows tall enough for their wrapped text).
import type ExcelJS from "exceljs";
import type { FundingFigures } from "../../../domain/scenario/funding-figures.js";
import type { Projection } from "../../../domain/scenario/project.js";
import type { Scenario } from "../../../domain/scenario/types.js";
import type { Lang } from "../../../report/scenario-labels.js";
import { setupSheet, styleHeaderRow, type SheetSetup } from "../cells.js";

export const SHEETS = {
  nl: {
    assumptions: "Aannames",
    projection: "Projectie",
    figures: "Kengetallen",
    partners: "Partners",
    funding: "Financiering",
    allocation: "Financiering per kostenlijn",
    sensitivity: "Gevoeligheid",
    grid: "Raster",
    montecarlo: "Monte Carlo",
    charts: "Grafieken",
  },
  en: {
    assumptions: "Assumptions",
    projection: "Projection",
    figures: "Key figures",
    partners: "Partners",
    funding: "Funding",
    allocation: "Funding by cost line",
    sensitivity: "Sensitivity",
    grid: "Grid",
    montecarlo: "Monte Carlo",
    charts: "Charts",
  },
} as const;

export type SheetNames = (typeof SHEETS)[Lang];

export type Ctx = {
  readonly s: Scenario;
  readonly p: Projection;
  readonly lang: Lang;
  readonly nl: boolean;
  readonly names: SheetNames;
  readonly funding?: FundingFigures;
};

/** Characters of column width one A4 page holds at 100% (Calibri 11, 0.5" margins). */
const CHARS_PER_PAGE = { landscape: 146, portrait: 100 } as const;
/** The smallest print scale we accept: 65% of 11 pt is 7 pt, still legible. */
const MIN_SCALE = 0.65;

/**
 * Print set-up for a sheet of known column widths: fit to as many pages wide
 * as keep the print at 65% or more (one page when it fits), as many pages tall
 * as needed, frozen columns repeated on every page.
 */
export function setupLegible(ws: ExcelJS.Worksheet, opts: SheetSetup & { readonly widths: readonly number[] }): void {
  setupSheet(ws, { ...opts, widths: [...opts.widths] });
  const total = opts.widths.reduce((a, b) => a + b + 0.7, 0);
  const perPage = CHARS_PER_PAGE[opts.landscape === false ? "portrait" : "landscape"] / MIN_SCALE;
  const pagesWide = Math.max(1, Math.ceil(total / perPage));
  ws.pageSetup.fitToWidth = pagesWide;
  ws.pageSetup.fitToHeight = 0;
  if ((opts.freezeCols ?? 0) > 0 && pagesWide > 1) ws.pageSetup.printTitlesColumn = `A:${String.fromCharCode(64 + opts.freezeCols!)}`;
}

/** Style a header row and make it tall enough for its longest wrapped text. */
export function headerRow(ws: ExcelJS.Worksheet, row: number, cells: readonly string[], widths: readonly number[], first = 1): ExcelJS.Row {
  const r = ws.getRow(row);
  cells.forEach((c, i) => (r.getCell(first + i).value = c));
  styleHeaderRow(r);
  fitHeight(r, cells, widths, first);
  return r;
}

/** Row height for wrapped text: lines of (width − 1) characters, 15 pt a line. */
export function fitHeight(r: ExcelJS.Row, cells: readonly string[], widths: readonly number[], first = 1): void {
  let lines = 1;
  cells.forEach((c, i) => {
    const w = Math.max(4, (widths[first - 1 + i] ?? 10) - 1.5);
    const words = c.split(/\s+/);
    let n = 1;
    let len = 0;
    for (const word of words) {
      if (len > 0 && len + 1 + word.length > w) {
        n++;
        len = word.length;
      } else len += (len > 0 ? 1 : 0) + word.length;
    }
    lines = Math.max(lines, n);
  });
  r.height = Math.max(15, 15 * lines);
}
