// Row heights for wrapped text. Excel and LibreOffice do not grow a row to
// fit wrapped text when they open an .xlsx (the row keeps its default 15 pt,
// and "Aandeel (gelijk) — deze periode" shows one line of two), so every row
// holding a wrapped cell gets a height computed from its line count: the text
// word-wrapped at its column's width, in Calibri character widths.
import type ExcelJS from "exceljs";

/** Points per line of 11 pt Calibri (Excel's default row is 15 pt for one line). */
const LINE_PT = 15;
/** Excel's default column width in characters, for a column without one. */
const DEFAULT_WIDTH = 8.43;

/**
 * Width of one character in Calibri 11, in column-width units (the width of
 * "0"): measured classes, generous rather than tight, so the estimate never
 * promises a line that the font then breaks.
 */
function charWidth(c: string): number {
  if (c === " ") return 0.45;
  if (/[iljft.,:;'|!()[\]]/.test(c)) return 0.5;
  if (/[mwMW\u2014%@]/.test(c)) return 1.45;
  if (/[A-Z\u20ac&]/.test(c)) return 1.1;
  return 0.95;
}

const textWidth = (s: string, bold: boolean): number => {
  let w = 0;
  for (const c of s) w += charWidth(c);
  return bold ? w * 1.08 : w;
};

/** Lines `text` takes when word-wrapped in a column `width` characters wide (explicit line breaks kept). */
export function wrappedLines(text: string, width: number, bold = false): number {
  // The cell's own padding takes about one character.
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of para.split(" ").filter((w) => w !== "")) {
      const w = textWidth(word, bold);
      const needed = line === 0 ? w : line + textWidth(" ", bold) + w;
      if (needed <= room) line = needed;
      else if (line === 0) {
        // a word wider than the column breaks inside itself
        count += Math.ceil(w / room) - 1;
        line = w % room;
      } else {
        count += 1;
        line = w > room ? w % room : w;
        if (w > room) count += Math.ceil(w / room) - 1;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Give every row with a wrapped text cell the height of its longest cell (call after the column widths are set). */
export function fitWrappedRows(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    let lines = 1;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== "string") return;
      const width = ws.getColumn(col).width ?? DEFAULT_WIDTH;
      lines = Math.max(lines, wrappedLines(cell.value, width, cell.font?.bold === true));
    });
    if (lines > 1) row.height = lines * LINE_PT;
  });
}
