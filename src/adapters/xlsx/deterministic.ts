// Byte-identical .xlsx output: the same workbook gives the same bytes on any
// run, machine clock and time zone. exceljs stamps the wall clock into
// docProps/core.xml and into every zip entry, so we fix the document dates,
// then unzip its output and zip it again with fflate (pure-JS deflate, so no
// dependency on the zlib build) with a fixed entry time and a fixed order.
// Charts (charts.ts) are injected in the same step.
// Usage: const bytes = await toDeterministicXlsx(wb, { charts }); then write bytes atomically.
import type ExcelJS from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { injectCharts, type ChartSpec, type Parts } from "./charts.js";

/** The only date in any workbook's metadata: no wall clock anywhere in the file. */
export const FIXED_DOC_DATE: Date = new Date(Date.UTC(2000, 0, 1));

/**
 * Zip entry time. fflate writes DOS time from the *local* fields of the Date,
 * so a local-time constructor gives the same bytes in every TZ (a UTC Date
 * would not). 1980-01-01 is the earliest DOS date.
 */
export const ZIP_MTIME = (): Date => new Date(1980, 0, 1);

/** Stable part order: content types first, package rels next, the rest by name. */
export function partOrder(a: string, b: string): number {
  const rank = (n: string) => (n === "[Content_Types].xml" ? 0 : n === "_rels/.rels" ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Unzip an xlsx into its parts (folder entries dropped). */
export function unzipParts(bytes: Uint8Array): Parts {
  const files = unzipSync(bytes);
  const parts: Parts = new Map();
  for (const [name, data] of Object.entries(files)) if (!name.endsWith("/")) parts.set(name, data);
  return parts;
}

/** Zip parts deterministically (fixed time, fixed order, fixed level). */
export function zipParts(parts: Parts): Uint8Array {
  const mtime = ZIP_MTIME();
  const out: Zippable = {};
  for (const name of [...parts.keys()].sort(partOrder)) {
    out[name] = [parts.get(name)!, { mtime, level: 6 }];
  }
  return zipSync(out);
}

/** Fix the metadata exceljs would otherwise take from the clock or the OS user. */
export function stampWorkbook(wb: ExcelJS.Workbook): void {
  wb.creator = "menerva";
  wb.lastModifiedBy = "menerva";
  wb.created = FIXED_DOC_DATE;
  wb.modified = FIXED_DOC_DATE;
  wb.lastPrinted = FIXED_DOC_DATE;
}

/** The workbook as deterministic .xlsx bytes, with native charts if given. */
export async function toDeterministicXlsx(
  wb: ExcelJS.Workbook,
  opts: { charts?: ChartSpec[] } = {},
): Promise<Uint8Array> {
  stampWorkbook(wb);
  const raw = await wb.xlsx.writeBuffer();
  const parts = unzipParts(new Uint8Array(raw));
  injectCharts(parts, opts.charts ?? []);
  return zipParts(parts);
}
