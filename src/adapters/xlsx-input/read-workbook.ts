// Reading an `.xlsx` export like a CSV export: one sheet (the first visible
// one, or the one named in the config) as records of cell texts with their
// row numbers, handed to the same header, number and name rules as CSV
// (read-input.ts). Hostile workbooks are bounded before exceljs sees them:
// the file's size, and the bytes it really unpacks to (counted while
// inflating, so a zip that lies about its sizes is caught too). Formulas are
// never evaluated: their cached result is read.
import { t, type Text } from "../../domain/issues.js";
import { Unzip, UnzipInflate } from "fflate";
import { readSmallFile } from "../read-small-file.js";
import { cellText, isNumberCell } from "./cell-text.js";

/** Largest `.xlsx` file read (bytes on disk). */
export const MAX_XLSX_BYTES = 32 * 1024 * 1024;
/** Largest total a workbook may unpack to; past it, export the data as CSV (streamed, no limit). */
export const MAX_XLSX_UNPACKED = 64 * 1024 * 1024;

export { isWorkbookPath } from "./workbook-path.js";

export type SheetRecords = {
  readonly sheet: string;
  /**
   * Each non-empty row: cell texts (column A first), the row number, and the
   * fields that hold a number cell (0-based): a number has no decimal mark,
   * so it must not decide how the sheet's numbers typed as text are read.
   */
  readonly records: readonly { readonly fields: readonly string[]; readonly line: number; readonly numbers: readonly number[] }[];
  /** Formula cells without a saved result: where the first is, and how many. */
  readonly uncached: { readonly first: string; readonly count: number } | undefined;
};

export type SheetFailure = { readonly problem: Text; readonly hint?: Text; readonly code: string };

class TooLarge extends Error {}

/** Inflate every entry, counting real bytes; throws TooLarge past the cap, or the zip error. */
function checkUnpackedSize(bytes: Uint8Array): void {
  let total = 0;
  const unzip = new Unzip((file) => {
    file.ondata = (err, data) => {
      if (err) throw err;
      total += data.length;
      if (total > MAX_XLSX_UNPACKED) throw new TooLarge();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const step = 1 << 16;
  for (let i = 0; i < bytes.length; i += step) unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
}

/** The records of one sheet, or why the workbook cannot be read. */
export async function readWorkbookSheet(path: string, wanted?: string): Promise<{ ok: true; value: SheetRecords; sha256Bytes: Buffer } | { ok: false; failure: SheetFailure }> {
  const read = await readSmallFile(path, MAX_XLSX_BYTES);
  if (!read.ok) {
    const tooLarge = read.code === "too-large";
    return { ok: false, failure: { code: tooLarge ? "xlsx-too-large" : "file-unreadable", problem: read.message, ...(tooLarge ? { hint: t("xlsx.as-csv") } : {}) } };
  }
  const bytes = read.bytes;
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    const ole = bytes.length >= 4 && bytes.readUInt32LE(0) === 0xe011cfd0;
    return {
      ok: false,
      failure: {
        code: "not-xlsx",
        problem: t(ole ? "not-xlsx.ole" : "not-xlsx"),
        hint: t("not-xlsx.hint"),
      },
    };
  }
  try {
    checkUnpackedSize(bytes);
  } catch (e) {
    if (e instanceof TooLarge) {
      return { ok: false, failure: { code: "xlsx-too-large", problem: t("xlsx-too-large", { mb: MAX_XLSX_UNPACKED / 1024 / 1024 }), hint: t("xlsx.as-csv") } };
    }
    return { ok: false, failure: { code: "not-xlsx", problem: t("not-xlsx.zip"), hint: t("not-xlsx.damaged.hint") } };
  }
  // exceljs is heavy to import: load it only when a workbook is read.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, failure: { code: "not-xlsx", problem: t("not-xlsx.sheets"), hint: t("not-xlsx.damaged.hint") } };
  }
  // Workbook (tab) order; exceljs keeps it in the untyped `orderNo`.
  const order = (w: unknown): number => (w as { orderNo?: number }).orderNo ?? 0;
  const sheets = wb.worksheets.filter((w) => w !== undefined).sort((a, b) => order(a) - order(b));
  const ws = wanted === undefined ? (sheets.find((w) => w.state === "visible") ?? sheets[0]) : sheets.find((w) => w.name === wanted);
  if (ws === undefined) {
    const names = sheets.map((w) => JSON.stringify(w.name)).join(", ");
    return {
      ok: false,
      failure: wanted === undefined
        ? { code: "xlsx-no-sheet", problem: t("xlsx-no-sheet") }
        : { code: "xlsx-no-sheet", problem: t("xlsx-no-sheet.named", { name: JSON.stringify(wanted.slice(0, 80)) }), hint: t("xlsx-no-sheet.hint", { names }) },
    };
  }
  const records: { fields: string[]; line: number; numbers: number[] }[] = [];
  let uncached: { first: string; count: number } | undefined;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    const numbers: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const t = cellText(cell.value);
      if (t === undefined) {
        uncached = uncached ? { ...uncached, count: uncached.count + 1 } : { first: cell.address, count: 1 };
      }
      while (fields.length < col - 1) fields.push("");
      fields[col - 1] = t ?? "";
      if (t !== undefined && t !== "" && isNumberCell(cell.value)) numbers.push(col - 1);
    });
    records.push({ fields, line: rowNumber, numbers });
  });
  return { ok: true, value: { sheet: ws.name, records, uncached }, sha256Bytes: bytes };
}
