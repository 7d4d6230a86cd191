// The statement's Corrections sheet (issue 11): every correction of a closed
// period in this close, one row each: late and new rows with their file:line,
// closed rows reversed as the ledger billed them, staff rows and other costs
// added to or removed from a closed period. The invoices' correction lines sum
// this sheet with SUMIFS. Also the Rules sheet: the rules the close followed.
import type ExcelJS from "exceljs";
import { formatSource } from "../../domain/issues.js";
import type { CorrectionEntry } from "../../report/close-corrections.js";
import { CLOSE_WORDS, RULES, type Lang } from "../../report/close-labels.js";
import { setNumber, setupSheet } from "./cells.js";
import { excelDate, FMT, safeText } from "./formats.js";
import { colLetter, exactly, headerRow, RATE_FMT, ref } from "./statement-common.js";

/** Corrections sheet columns (1-based). */
export const CC = { period: 1, action: 2, kind: 3, partner: 4, date: 5, what: 6, type: 7, quantity: 8, price: 9, billedIn: 10, source: 11 } as const;

export type CorrectionsSheet = {
  readonly sheet: string;
  /** Last data row (at least 2, so ranges are never empty). */
  readonly last: number;
  /** SUMIFS of the quantity column with exact-text criteria (column → text) and one cell criterion for the price. */
  readonly sumQuantity: (criteria: readonly [number, string][], priceCell: string) => string;
};

export function writeCorrectionsSheet(ws: ExcelJS.Worksheet, entries: readonly CorrectionEntry[], lang: Lang, title: string): CorrectionsSheet {
  const w = CLOSE_WORDS[lang];
  headerRow(ws, 1, [w.correctedPeriod, w.action, "Soort / kind", w.partner, w.dateOrPeriod, w.what, w.type, w.quantity, w.price, w.billedIn, w.source]);
  ws.getCell(1, CC.kind).value = lang === "nl" ? "Soort" : "Kind";
  ws.getRow(1).height = 30; // two-line headers
  let row = 2;
  for (const e of entries) {
    const c = (col: number) => ws.getCell(row, col);
    c(CC.period).value = e.period;
    c(CC.action).value = w.actions[e.action];
    c(CC.kind).value = w.kinds[e.kind];
    if (e.partner) c(CC.partner).value = safeText(e.partner);
    if (e.kind === "staff") c(CC.date).value = e.date;
    else {
      c(CC.date).value = excelDate(e.date);
      c(CC.date).numFmt = FMT.date;
    }
    c(CC.what).value = safeText(e.what);
    if (e.type !== undefined) c(CC.type).value = safeText(e.type);
    // staff rows: the net cost in the period, exact (rounded once per partner in the settlement)
    setNumber(c(CC.quantity), e.quantity, e.kind === "hours" ? FMT.hours : FMT.eur);
    if (e.price !== undefined) setNumber(c(CC.price), e.price, e.kind === "hours" ? RATE_FMT : FMT.pct);
    else if (e.share) c(CC.price).value = `${e.share.num.toFixed()}/${e.share.den}`;
    c(CC.billedIn).value = e.action === "reverse" ? (e.billedIn ? `${w.fromLedger} ${e.billedIn}` : w.fromLedger) : "";
    if (e.source) c(CC.source).value = safeText(formatSource(e.source));
    row++;
  }
  const last = Math.max(2, row - 1);
  setupSheet(ws, { title, freezeRows: 1, widths: [12, 14, 12, 20, 14, 28, 14, 14, 14, 18, 30], autoFilter: `A1:K${last}` });
  const range = (col: number) => `${ref(ws.name, `${colLetter(col)}2`)}:$${colLetter(col)}$${last}`;
  return {
    sheet: ws.name,
    last,
    sumQuantity: (criteria, priceCell) =>
      `SUMIFS(${range(CC.quantity)},${criteria.map(([col, text]) => `${range(col)},${exactly(text)}`).join(",")},${range(CC.price)},${priceCell})`,
  };
}

/** The rules of the system of record, as the README states them. */
export function writeRulesSheet(ws: ExcelJS.Worksheet, lang: Lang, title: string): void {
  const w = CLOSE_WORDS[lang];
  headerRow(ws, 1, ["#", w.rule]);
  RULES[lang].forEach((text, i) => {
    ws.getCell(i + 2, 1).value = i + 1;
    const cell = ws.getCell(i + 2, 2);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  setupSheet(ws, { title, freezeRows: 1, landscape: false, widths: [5, 110] });
}
