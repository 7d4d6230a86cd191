// Huge sheets (issue 4 "Scale": a 1,000,000-row Detail) without exceljs
// holding a million row objects: the renderer builds the sheet in exceljs with
// its header row and ONE template row (row 2) carrying each column's style;
// here the rows are then generated as XML straight into a streaming zip,
// reusing the template's style ids, so the memory cost is the compressed
// output plus one batch of rows. Numbers are written as their exact decimal
// text, strings as inline strings (never formulas), dates as serials.
// A sheet gives its rows as arrays of cells (`rows`), or writes them into a
// RowSink cell by cell (`write`: no object per row, for a million rows).
// Usage: toDeterministicXlsxWithRows(wb, [{ sheet: "Detail", rows: () => gen() }], { charts })
//        toDeterministicXlsxWithRows(wb, [{ sheet: "Detail", write: (out) => { out.row(); out.text(1, "a"); … } }])
import type ExcelJS from "exceljs";
import { strFromU8, strToU8, Zip } from "fflate";
import { injectCharts, sheetParts, xmlEscape, type ChartSpec, type Parts } from "./charts.js";
import { partOrder, stampWorkbook, unzipParts, ZIP_MTIME } from "./deterministic.js";
import { excelSerial } from "./formats.js";
import { Spool } from "./spool.js";
import { zipDeflate } from "./zip-entry.js";

/** One cell of a generated row: empty, an ISO date, an exact decimal number, or text. */
export type RowCell = null | { readonly date: string } | { readonly num: string } | { readonly text: string };

/** Where a sheet writes its rows from row 2 on: row() starts the next row, then its cells left to right (columns 1-based). */
export interface RowSink {
  row(): void;
  /** An Excel date serial (formats.ts excelSerial). */
  date(col: number, serial: number): void;
  /** Exact plain decimal text ("-12.5"). */
  num(col: number, text: string): void;
  text(col: number, text: string): void;
}

export type StreamedSheet = { readonly sheet: string } & (
  | {
      /** Rows from row 2 on, in order; called once while zipping. */
      readonly rows: () => Iterable<readonly RowCell[]>;
    }
  | {
      /** Writes the rows from row 2 on into `out`; called once while zipping. */
      readonly write: (out: RowSink) => void;
    }
);

/** Rows per deflate push: fixed, so the bytes never depend on timing. */
const BATCH_ROWS = 2_000;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function colLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

type Template = { head: string; tail: string; styles: Map<number, string> };

/** Split the exceljs sheet around its template row 2 and read the column styles. */
function template(xml: string, sheet: string): Template {
  const start = xml.search(/<row r="2"[ >]/);
  const end = start < 0 ? -1 : xml.indexOf("</row>", start);
  const close = xml.indexOf("</sheetData>");
  if (start < 0 || end < 0 || close < 0) throw new Error(`sheet-rows: sheet "${sheet}" has no template row 2`);
  const styles = new Map<number, string>();
  for (const m of xml.slice(start, end).matchAll(/<c r="([A-Z]+)2"(?: s="(\d+)")?/g)) {
    if (m[2] !== undefined) styles.set(colNumber(m[1]!), m[2]);
  }
  return { head: xml.slice(0, start), tail: xml.slice(close), styles };
}

/**
 * The rows' XML, handed to `push` BATCH_ROWS rows at a time (then the rest,
 * then the sheet's tail): the same pushes, so the same bytes, however the
 * rows are given.
 */
class SheetXml implements RowSink {
  private r = 1;
  private rowsInBatch = 0;
  private xml = "";
  private readonly refs: string[] = [];
  private readonly attrs: string[] = [];

  constructor(
    private readonly t: Template,
    private readonly push: (text: string) => void,
  ) {}

  private cell(col: number): string {
    const letters = (this.refs[col] ??= colLetter(col));
    const style = (this.attrs[col] ??= this.t.styles.has(col) ? ` s="${this.t.styles.get(col)!}"` : "");
    return `<c r="${letters}${this.r}"${style}`;
  }

  row(): void {
    if (this.r > 1) this.endRow();
    this.r++;
    this.xml += `<row r="${this.r}">`;
  }

  date(col: number, serial: number): void {
    this.xml += `${this.cell(col)}><v>${serial}</v></c>`;
  }

  num(col: number, text: string): void {
    if (!PLAIN_NUMBER.test(text)) throw new Error(`sheet-rows: ${JSON.stringify(text)} is not plain decimal text`);
    this.xml += `${this.cell(col)}><v>${text}</v></c>`;
  }

  text(col: number, text: string): void {
    this.xml += `${this.cell(col)} t="inlineStr"><is><t xml:space="preserve">${ESCAPED.test(text) ? xmlEscape(text) : text}</t></is></c>`;
  }

  private endRow(): void {
    this.xml += "</row>";
    if (++this.rowsInBatch === BATCH_ROWS) {
      this.push(this.xml);
      this.xml = "";
      this.rowsInBatch = 0;
    }
  }

  end(): void {
    if (this.r > 1) this.endRow();
    if (this.rowsInBatch > 0) this.push(this.xml);
    this.push(this.t.tail);
  }
}

const ESCAPED = /[&<>"']/;

/** A row of cells into the sink, the way `rows` sheets give them. */
function writeCells(out: RowSink, cells: readonly RowCell[]): void {
  out.row();
  cells.forEach((c, i) => {
    if (c === null) return;
    if ("num" in c) out.num(i + 1, c.num);
    else if ("date" in c) out.date(i + 1, excelSerial(c.date));
    else out.text(i + 1, c.text);
  });
}

/**
 * Like toDeterministicXlsx, but the rows of the given sheets (from row 2)
 * come from generators. Each such sheet must have been built with its header
 * in row 1 and a template row 2 whose cells carry the column styles.
 */
export async function toDeterministicXlsxWithRows(
  wb: ExcelJS.Workbook,
  streamed: readonly StreamedSheet[],
  opts: { charts?: ChartSpec[] } = {},
): Promise<Uint8Array> {
  stampWorkbook(wb);
  const parts: Parts = unzipParts(new Uint8Array(await wb.xlsx.writeBuffer()));
  injectCharts(parts, opts.charts ?? []);
  const names = sheetParts(parts);
  const byPart = new Map<string, StreamedSheet>();
  for (const s of streamed) {
    const part = names.get(s.sheet);
    if (!part) throw new Error(`sheet-rows: no sheet named ${JSON.stringify(s.sheet)}`);
    byPart.set(part, s);
  }
  // the zipped bytes to a spool: one copy of them in memory at the end, not two
  const out = new Spool();
  try {
    let failure: Error | null = null;
    const zip = new Zip((err, data) => {
      if (err) failure ??= err;
      else out.push(data);
    });
    const mtime = ZIP_MTIME();
    for (const name of [...parts.keys()].sort(partOrder)) {
      const entry = zipDeflate(name, mtime);
      zip.add(entry);
      const s = byPart.get(name);
      if (!s) {
        entry.push(parts.get(name)!, true);
        continue;
      }
      const t = template(strFromU8(parts.get(name)!), s.sheet);
      // the dimension is rewritten once the row count is known; keep exceljs's ref out
      entry.push(strToU8(t.head.replace(/<dimension ref="[^"]*"\/>/, "")));
      const xml = new SheetXml(t, (text) => entry.push(strToU8(text)));
      if ("write" in s) s.write(xml);
      else for (const cells of s.rows()) writeCells(xml, cells);
      xml.end();
      entry.push(new Uint8Array(0), true);
      if (failure) throw failure;
    }
    zip.end();
    if (failure) throw failure;
    return out.bytes();
  } finally {
    out.dispose();
  }
}
