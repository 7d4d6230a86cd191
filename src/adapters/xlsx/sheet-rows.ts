// Huge sheets (issue 4 "Scale": a 1,000,000-row Detail) without exceljs
// holding a million row objects: the renderer builds the sheet in exceljs with
// its header row and ONE template row (row 2) carrying each column's style;
// here the rows are then generated as XML straight into a streaming zip,
// reusing the template's style ids, so the memory cost is the compressed
// output plus one batch of rows. Numbers are written as their exact decimal
// text, strings as inline strings (never formulas), dates as serials.
// Usage: toDeterministicXlsxWithRows(wb, [{ sheet: "Detail", rows: () => gen() }], { charts })
import type ExcelJS from "exceljs";
import { strFromU8, strToU8, Zip, ZipDeflate } from "fflate";
import { injectCharts, sheetParts, xmlEscape, type ChartSpec, type Parts } from "./charts.js";
import { partOrder, stampWorkbook, unzipParts, ZIP_MTIME } from "./deterministic.js";
import { excelSerial } from "./formats.js";

/** One cell of a generated row: empty, an ISO date, an exact decimal number, or text. */
export type RowCell = null | { readonly date: string } | { readonly num: string } | { readonly text: string };

export type StreamedSheet = {
  readonly sheet: string;
  /** Rows from row 2 on, in order; called once while zipping. */
  readonly rows: () => Iterable<readonly RowCell[]>;
};

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

function cellXml(ref: string, style: string | undefined, c: RowCell): string {
  if (c === null) return "";
  const s = style === undefined ? "" : ` s="${style}"`;
  if ("num" in c) {
    if (!PLAIN_NUMBER.test(c.num)) throw new Error(`sheet-rows: ${JSON.stringify(c.num)} is not plain decimal text`);
    return `<c r="${ref}"${s}><v>${c.num}</v></c>`;
  }
  if ("date" in c) return `<c r="${ref}"${s}><v>${excelSerial(c.date)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(c.text)}</t></is></c>`;
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

function* sheetChunks(t: Template, rows: Iterable<readonly RowCell[]>): Generator<string> {
  let r = 1;
  let maxCol = 1;
  let batch: string[] = [];
  for (const cells of rows) {
    r++;
    maxCol = Math.max(maxCol, cells.length);
    let x = `<row r="${r}">`;
    cells.forEach((c, i) => {
      x += cellXml(`${colLetter(i + 1)}${r}`, t.styles.get(i + 1), c);
    });
    batch.push(`${x}</row>`);
    if (batch.length === BATCH_ROWS) {
      yield batch.join("");
      batch = [];
    }
  }
  if (batch.length > 0) yield batch.join("");
  yield t.tail;
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
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure ??= err;
    else chunks.push(data);
  });
  const mtime = ZIP_MTIME();
  for (const name of [...parts.keys()].sort(partOrder)) {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    const s = byPart.get(name);
    if (!s) {
      entry.push(parts.get(name)!, true);
      continue;
    }
    const t = template(strFromU8(parts.get(name)!), s.sheet);
    // the dimension is rewritten once the row count is known; keep exceljs's ref out
    entry.push(strToU8(t.head.replace(/<dimension ref="[^"]*"\/>/, "")));
    for (const chunk of sheetChunks(t, s.rows())) entry.push(strToU8(chunk));
    entry.push(new Uint8Array(0), true);
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
