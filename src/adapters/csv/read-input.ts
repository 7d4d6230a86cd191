// Reading one partner export (hours, benefits, staff or costs) into typed rows
// and issues (SPEC §4). Two streamed passes: bytes (hash, encoding), then CSV
// records. User errors never throw: a missing file, broken CSV or a bad cell
// all come back as issues with file:line.
import { byLocation, error, t, warning, type Issue } from "../../domain/issues.js";
import type { BenefitRow, HourRow, StaffRow } from "../../domain/model.js";
import { resolveHeader, type InputKind } from "../../schema/csv-row-headers.js";
import { DecimalMarkState, type DecimalMark } from "../../schema/csv-row-number.js";
import { rowReader, type CostRow, type RowContext, type RowOf, type RowReader } from "../../schema/rows.js";
import { CsvSyntaxError, forEachRecord } from "./records.js";
import { lineAtOffset, scanFile, type ScanResult } from "./scan.js";
import { headerLine, sniffDelimiter } from "./sniff.js";
import { decodeWin1252 } from "./win1252.js";
import { createHash } from "node:crypto";
import { isWorkbookPath } from "../xlsx-input/workbook-path.js";

/** `numbers`: the fields that hold a workbook's number cell (no decimal mark of their own). */
type CsvRecord = { readonly fields: readonly string[]; readonly line: number; readonly numbers?: readonly number[] };

export type { InputKind } from "../../schema/csv-row-headers.js";
export type { CostRow } from "../../schema/rows.js";

/** Per-input settings from menerva.yaml that replace detection. */
export type InputOverrides = { decimal?: "," | "."; encoding?: "utf-8" | "windows-1252"; delimiter?: string; sheet?: string };

export type InputFileMeta = {
  /** Display path as given (relative to the config). */
  file: string;
  /** Hex SHA-256 of the raw bytes ("" when the file could not be read). */
  sha256: string;
  encoding: "utf-8" | "utf-8-bom" | "windows-1252" | "xlsx";
  delimiter: string;
  decimalMark: "," | "." | "none";
  /** Data records read (not the header, not blank lines), including rejected ones. */
  rowsRead: number;
  /** The sheet read, for an .xlsx input. */
  sheet?: string;
};

export type ReadContext = {
  sePartners: readonly string[];
  necPartners: readonly string[];
  benefitTypes: readonly string[];
  overrides?: InputOverrides;
};

export type InputFileResult<R> = { meta: InputFileMeta; rows: R[]; issues: Issue[] };

/** More issues than this per severity per file are summarised in one line. */
export const MAX_ISSUES = 1000;

export function unreadable(displayPath: string, e: unknown): Issue {
  const code = (e as { code?: string }).code;
  const message =
    code === "ENOENT"
      ? t("file.not-found")
      : code === "EISDIR"
        ? t("csv.is-directory")
        : code === "EACCES" || code === "EPERM"
          ? t("csv.permission")
          : t("csv.cannot-read", { detail: (e as Error).message ?? String(e) });
  return { ...error("file-unreadable", {}, { source: { file: displayPath } }), message };
}

/** Caps issues per severity so a wholly wrong million-row file stays readable. */
export class IssueSink {
  readonly list: Issue[] = [];
  private readonly dropped = { error: 0, warning: 0 };
  private readonly kept = { error: 0, warning: 0 };

  add(batch: Issue[]): void {
    for (const i of batch) {
      if (this.kept[i.severity] < MAX_ISSUES) {
        this.kept[i.severity]++;
        this.list.push(i);
      } else this.dropped[i.severity]++;
    }
    batch.length = 0;
  }

  /** Issues a reader left out beyond its own cap (parse-chunk.ts keeps at most as many). */
  addDropped(counts: { readonly error: number; readonly warning: number }): void {
    this.dropped.error += counts.error;
    this.dropped.warning += counts.warning;
  }

  finish(file: string): Issue[] {
    const out = this.list.sort(byLocation);
    if (this.dropped.error > 0) {
      out.push(error("more-issues.errors", { count: this.dropped.error }, { source: { file }, more: this.dropped.error }));
    }
    if (this.dropped.warning > 0) {
      out.push(warning("more-issues.warnings", { count: this.dropped.warning }, { source: { file }, more: this.dropped.warning }));
    }
    return out;
  }
}

/**
 * Read one export and hand each good row to `onRow`, in file order except that
 * rows holding an ambiguous number (`1.000`) before the file's decimal mark is
 * known are delivered once it is. For callers that aggregate while reading
 * (the memory of a large close then does not grow with the rows).
 */
export async function forEachInputRow<K extends InputKind>(
  kind: K,
  path: string,
  displayPath: string,
  ctx: ReadContext,
  onRow: (row: RowOf<K>) => void,
): Promise<{ meta: InputFileMeta; issues: Issue[] }> {
  if (isWorkbookPath(path)) return forEachSheetRow(kind, path, displayPath, ctx, onRow);
  const open = await openCsvInput(path, displayPath, ctx);
  if ("fatal" in open) return { meta: open.meta, issues: open.fatal };
  const { meta, encoding } = open;
  const sink = new IssueSink();
  const rows = recordRows(kind, displayPath, ctx, meta, sink, onRow, undefined, open.scan.mixedLineEnds);
  try {
    await forEachRecord(path, encoding, meta.delimiter, rows.onRecord);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      sink.add([
        { ...error("csv-syntax", {}, { source: { file: displayPath, line: e.line }, hint: t("csv-syntax.hint") }), message: e.text },
      ]);
    } else if (typeof (e as { code?: unknown }).code === "string" && /^E[A-Z]+$/.test((e as { code: string }).code)) {
      // The file vanished or became unreadable between the two passes.
      sink.add([unreadable(displayPath, e)]);
    } else {
      throw e; // a bug, not a user error
    }
  }
  rows.finish();
  return { meta, issues: sink.finish(displayPath) };
}

/** A CSV export ready to be parsed: its first-pass facts and how to read it; or the problem that stops it. */
export type OpenCsv =
  | { readonly meta: InputFileMeta; readonly encoding: "utf-8" | "windows-1252"; readonly scan: ScanResult }
  | { readonly meta: InputFileMeta; readonly fatal: Issue[] };

/**
 * First pass over a CSV export (scan.ts): hash, UTF-16, binary content,
 * encoding and delimiter, as every reader of exports applies them. With
 * `cutEvery`, the scan also marks line starts to cut the file into chunks.
 */
export async function openCsvInput(path: string, displayPath: string, ctx: Pick<ReadContext, "overrides">, scanOpts: { cutEvery?: number } = {}): Promise<OpenCsv> {
  const ov = ctx.overrides ?? {};
  const meta: InputFileMeta = { file: displayPath, sha256: "", encoding: "utf-8", delimiter: ov.delimiter ?? ",", decimalMark: ov.decimal ?? "none", rowsRead: 0 };
  let scan: ScanResult;
  try {
    scan = await scanFile(path, scanOpts);
  } catch (e) {
    return { meta, fatal: [unreadable(displayPath, e)] };
  }
  meta.sha256 = scan.sha256;
  const sink = new IssueSink();

  if (!ov.encoding && scan.head.length >= 2 && ((scan.head[0] === 0xff && scan.head[1] === 0xfe) || (scan.head[0] === 0xfe && scan.head[1] === 0xff))) {
    // Excel's "Unicode text" export; reading it as Windows-1252 would give garbage.
    sink.add([error("utf16-file", {}, { source: { file: displayPath, line: 1 }, hint: t("utf16-file.hint") })]);
    return { meta, fatal: sink.finish(displayPath) };
  }
  if (scan.nulAt >= 0) {
    // A binary file (a workbook, a PDF, /proc/self/environ): never parsed, never quoted.
    const zip = scan.head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    // an old Excel workbook (.xls, or an .xlsx with a password): an OLE compound file
    const ole = scan.head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    sink.add([
      error("not-text", {}, {
        source: { file: displayPath, line: await lineAtOffset(path, scan.nulAt) },
        hint: zip ? t("not-text.zip") : ole ? t("not-text.ole") : t("not-text.hint"),
      }),
    ]);
    return { meta, fatal: sink.finish(displayPath) };
  }
  if (ov.encoding === "windows-1252" && scan.bom) {
    // The config and the file disagree: read as Windows-1252, the BOM would head the first column's name ("ï»¿Datum").
    sink.add([error("bom-not-win1252", {}, { source: { file: displayPath, line: 1 }, hint: t("bom-not-win1252.hint") })]);
    return { meta, fatal: sink.finish(displayPath) };
  }
  // Encoding: a BOM or valid UTF-8 means UTF-8; anything else is Windows-1252.
  const encoding = ov.encoding ?? (scan.bom || scan.validUtf8 ? "utf-8" : "windows-1252");
  if (encoding === "utf-8" && !scan.validUtf8) {
    sink.add([
      error("not-utf8", {}, {
        source: { file: displayPath, line: await lineAtOffset(path, Math.max(0, scan.badUtf8At)) },
        hint: ov.encoding ? t("not-utf8.override") : t("not-utf8.bom"),
      }),
    ]);
    return { meta, fatal: sink.finish(displayPath) };
  }
  meta.encoding = encoding === "windows-1252" ? "windows-1252" : scan.bom ? "utf-8-bom" : "utf-8";
  const headText = encoding === "windows-1252" ? decodeWin1252(scan.head) : scan.head.toString("utf8");
  meta.delimiter = ov.delimiter ?? sniffDelimiter(headerLine(headText));

  return { meta, encoding, scan };
}

/**
 * The rules every export shares, CSV or sheet: the first record is the
 * header; then each record becomes a row, except that rows holding an
 * ambiguous number (`1.000`) before the file's decimal mark is known wait
 * until it is. `onRecord` returns false to stop reading (a bad header).
 */
function recordRows<K extends InputKind>(
  kind: K,
  displayPath: string,
  ctx: ReadContext,
  meta: InputFileMeta,
  sink: IssueSink,
  onRow: (row: RowOf<K>) => void,
  sheet?: string,
  mixedLineEnds = false,
): { onRecord: (fields: readonly string[], line: number, numbers?: readonly number[]) => boolean; finish: () => void } {
  const marks = new DecimalMarkState(ctx.overrides?.decimal);
  const rowCtx: RowContext = ctx;
  let reader: RowReader<RowOf<K>> | undefined;
  let headerFound = false;
  let headerIssues = false;
  const pending: CsvRecord[] = [];
  const batch: Issue[] = [];

  const readNow = (rec: CsvRecord): void => {
    marks.native = rec.numbers;
    const row = reader!.read(rec.fields, rec.line, marks, batch);
    if (batch.length > 0) sink.add(batch);
    if (row !== undefined) onRow(row);
  };
  const flushPending = (): void => {
    for (const rec of pending) readNow(rec);
    pending.length = 0;
  };

  const onRecord = (fields: readonly string[], line: number, numbers?: readonly number[]): boolean => {
    if (!headerFound) {
      headerFound = true;
      const h = resolveHeader(kind, fields, displayPath, line);
      if (h.issues.length > 0) {
        headerIssues = true;
        sink.add(h.issues);
        return false;
      }
      reader = rowReader(kind, h.map, rowCtx, displayPath, line, sheet, mixedLineEnds);
      return true;
    }
    meta.rowsRead++;
    if (marks.mark === undefined) {
      // Decimal mark still open: unambiguous cells decide it; a row with an
      // ambiguous cell waits until the mark is known (or the file ends).
      let ambiguous = false;
      for (const i of reader!.numericColumns) {
        const raw = fields[i];
        if (raw === undefined || raw.trim() === "" || numbers?.includes(i)) continue;
        if (marks.observe(raw, line).kind === "ambiguous") ambiguous = true;
      }
      if (marks.mark !== undefined) flushPending();
      else if (ambiguous) {
        pending.push({ fields, line, ...(numbers ? { numbers } : {}) });
        return true;
      }
    }
    readNow({ fields, line, ...(numbers ? { numbers } : {}) });
    return true;
  };

  const finish = (): void => {
    if (headerIssues) return;
    // The file never decided: each ambiguous cell is an error at its line.
    flushPending();
    if (!headerFound) {
      sink.add([error(sheet === undefined ? "empty-file" : "empty-file.sheet", {}, { source: { file: displayPath, line: 1, ...(sheet !== undefined ? { sheet } : {}) } })]);
    }
    meta.decimalMark = marks.mark ?? "none";
  };
  return { onRecord, finish };
}

/** An `.xlsx` export: its sheet's rows through the same rules (xlsx-input/read-workbook.ts). */
async function forEachSheetRow<K extends InputKind>(
  kind: K,
  path: string,
  displayPath: string,
  ctx: ReadContext,
  onRow: (row: RowOf<K>) => void,
): Promise<{ meta: InputFileMeta; issues: Issue[] }> {
  const meta: InputFileMeta = { file: displayPath, sha256: "", encoding: "xlsx", delimiter: "", decimalMark: ctx.overrides?.decimal ?? "none", rowsRead: 0 };
  const sink = new IssueSink();
  // the workbook reader (and its unzipper) loads only for a workbook input
  const { readWorkbookSheet } = await import("../xlsx-input/read-workbook.js");
  const read = await readWorkbookSheet(path, ctx.overrides?.sheet);
  if (!read.ok) {
    const f = read.failure;
    return { meta, issues: [{ severity: "error", code: f.code, message: f.problem, source: { file: displayPath }, ...(f.hint ? { hint: f.hint } : {}) }] };
  }
  meta.sha256 = createHash("sha256").update(read.sha256Bytes).digest("hex");
  const { sheet, records, uncached } = read.value;
  meta.sheet = sheet;
  if (uncached) {
    sink.add([
      warning("formula-without-value", { count: uncached.count }, {
        source: { file: displayPath, sheet, line: Number(/\d+$/.exec(uncached.first)?.[0] ?? 1), column: columnNumber(uncached.first) },
        hint: t("formula-without-value.hint"),
      }),
    ]);
  }
  const rows = recordRows(kind, displayPath, ctx, meta, sink, onRow, sheet);
  for (const r of records) if (!rows.onRecord(r.fields, r.line, r.numbers)) break;
  rows.finish();
  // Whole-row and header problems are in this sheet too.
  return { meta, issues: sink.finish(displayPath).map((i) => (i.source && i.source.file === displayPath && i.source.sheet === undefined && i.source.line !== undefined ? { ...i, source: { ...i.source, sheet } } : i)) };
}

/** 1-based column number of a cell address ("AB12" → 28). */
function columnNumber(address: string): number {
  let n = 0;
  for (const c of /^[A-Z]+/.exec(address)?.[0] ?? "") n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

async function readAll<K extends InputKind>(kind: K, path: string, displayPath: string, ctx: ReadContext): Promise<InputFileResult<RowOf<K>>> {
  const rows: RowOf<K>[] = [];
  const { meta, issues } = await forEachInputRow(kind, path, displayPath, ctx, (r) => rows.push(r));
  // Rows held back for an undecided decimal mark arrive late; restore file order.
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.source.line < rows[i - 1]!.source.line) {
      rows.sort((a, b) => a.source.line - b.source.line);
      break;
    }
  }
  return { meta, rows, issues };
}

/** Billed hours (SPEC §4 hours); never throws for user errors. */
export function readHoursFile(path: string, displayPath: string, ctx: ReadContext): Promise<InputFileResult<HourRow>> {
  return readAll("hours", path, displayPath, ctx);
}
/** Booked benefits (SPEC §4 benefits); types mapped to their configured spelling. */
export function readBenefitsFile(path: string, displayPath: string, ctx: ReadContext): Promise<InputFileResult<BenefitRow>> {
  return readAll("benefits", path, displayPath, ctx);
}
/** Staff commitments (SPEC §4 staff); periods normalised to "2025-03" / "2025-Q1". */
export function readStaffFile(path: string, displayPath: string, ctx: ReadContext): Promise<InputFileResult<StaffRow>> {
  return readAll("staff", path, displayPath, ctx);
}
/** Other project costs (date, description, amount). */
export function readCostsFile(path: string, displayPath: string, ctx: ReadContext): Promise<InputFileResult<CostRow>> {
  return readAll("costs", path, displayPath, ctx);
}

export type { DecimalMark };
