// One byte range of an hours or benefits export, parsed and checked (issue
// 15): records in array mode (chunk-records.ts: papaparse for plain and
// checked quoted lines, csv-parse for the rest, the same records either way), every record
// through the same row reader as `validate` (schema/rows.ts: the same rules
// and messages) or, for the common row, its fast path (fast-path.ts), and
// each good row encoded into a 64-byte record with its fingerprint
// (row-encoder.ts). Runs in a parse worker
// (parse-worker.ts) or inline for small inputs; pure but for reading its byte
// range. The main thread merges the chunks of a file in order.
import { closeSync, openSync, readSync } from "node:fs";
import { recordSpan } from "../adapters/csv/record-span.js";
import { recordFeed } from "./chunk-records.js";
import { error, type Issue } from "../domain/issues.js";
import type { BenefitRow, HourRow, PartnerSpan } from "../domain/model.js";
import { resolveHeader } from "../schema/csv-row-headers.js";
import { DecimalMarkState, type DecimalMark } from "../schema/csv-row-number.js";
import { rowReader, type RowReader } from "../schema/rows.js";
import { fastPath, type FastPath } from "./fast-path.js";
import { rowEncoder } from "./row-encoder.js";

export type ChunkTask = {
  readonly id: number;
  readonly path: string;
  readonly displayPath: string;
  readonly kind: "hours" | "benefits";
  /** Byte range [start, end) of the file. */
  readonly start: number;
  readonly end: number;
  /** Line number of the first byte. */
  readonly firstLine: number;
  /** The chunk holds the file's header (its first non-blank record): read and check it here. */
  readonly withHeader: boolean;
  /** Otherwise: the header, as the first chunk found it. */
  readonly header?: { readonly fields: readonly string[]; readonly line: number };
  readonly encoding: "utf-8" | "windows-1252";
  readonly delimiter: string;
  /** The file's first line ends in CRLF and a later one in a line feed alone (scan.ts): read whole, never cut. */
  readonly mixedLineEnds?: true;
  /** The file's quotes are all in place and no quoted cell holds a line break (quoted-cuts.ts): each line is a record. */
  readonly quotedLines?: true;
  /** The file's decimal mark, when known before reading (config, or decided in the file's head). */
  readonly mark?: { readonly mark: DecimalMark; readonly override: boolean; readonly line?: number; readonly raw?: string };
  readonly names: { readonly sePartners: readonly string[]; readonly necPartners: readonly string[]; readonly benefitTypes: readonly string[] };
  readonly spans?: Readonly<Record<string, PartnerSpan>>;
  /** Buffers of an earlier chunk, given back for reuse (fewer large allocations). */
  readonly recycle?: { readonly rows: ArrayBuffer; readonly texts: ArrayBuffer };
};

export type ChunkResult = {
  readonly id: number;
  /** n rows × ROW_BYTES. */
  readonly rows: ArrayBuffer;
  readonly n: number;
  /** Side texts (row-layout.ts); rows point into it. */
  readonly texts: ArrayBuffer;
  readonly textBytes: number;
  /** The chunk's candidate dictionary: rows hold indexes into it. */
  readonly candidates: readonly string[];
  /** Reading problems, at most MAX_KEPT per severity, in reading order; the rest counted. */
  readonly issues: readonly Issue[];
  readonly dropped: { readonly error: number; readonly warning: number };
  /** Rows dated outside their NEC partner's span (partners.ts membershipIssues), in order. */
  readonly membership: readonly Issue[];
  /** Data records read (not the header, not blank lines), rejected ones too. */
  readonly rowsRead: number;
  /** Physical lines the chunk spans (line feeds read). */
  readonly lines: number;
  /** The decimal mark as the chunk ends (the file's, for a chunk that read it all). */
  readonly mark: DecimalMark | undefined;
  /** The header was missing or wrong: nothing after it was read. */
  readonly headerFailed: boolean;
  /** A CSV syntax error the file cannot be read past (line, csv-parse code, message). */
  readonly syntax?: { readonly line: number; readonly code: string };
  /** The file could not be read (it vanished between the passes). */
  readonly unreadable?: { readonly code: string; readonly message: string };
};

export const MAX_KEPT = 1000;
const PIECE = 1 << 20;
/** The read buffer of this thread (see parseChunk). */
let spare: Buffer | undefined;

export function parseChunk(task: ChunkTask): ChunkResult {
  const issues: Issue[] = [];
  const dropped = { error: 0, warning: 0 };
  const kept = { error: 0, warning: 0 };
  const sink = (batch: Issue[]): void => {
    for (const i of batch) {
      if (kept[i.severity] < MAX_KEPT) {
        kept[i.severity]++;
        issues.push(i);
      } else dropped[i.severity]++;
    }
    batch.length = 0;
  };
  const enc = rowEncoder(task, Math.ceil((task.end - task.start) / 24));
  const emit = enc.emit;
  const marks = new DecimalMarkState(task.mark?.override ? task.mark.mark : undefined);
  if (task.mark && !task.mark.override) {
    marks.mark = task.mark.mark;
    marks.decidedAt = { line: task.mark.line!, raw: task.mark.raw! };
  }
  let reader: RowReader<HourRow | BenefitRow> | undefined;
  let fast: FastPath | undefined;
  let headerFailed = false;
  let rowsRead = 0;
  const batch: Issue[] = [];

  const useHeader = (fields: readonly string[], line: number, report: boolean): boolean => {
    const h = resolveHeader(task.kind, fields, task.displayPath, line);
    if (h.issues.length > 0) {
      if (report) sink(h.issues);
      headerFailed = true;
      return false;
    }
    reader = rowReader(task.kind, h.map, task.names, task.displayPath, line, undefined, task.mixedLineEnds === true) as RowReader<HourRow | BenefitRow>;
    fast = fastPath(task, h.map, marks, enc);
    return true;
  };
  if (!task.withHeader) useHeader(task.header!.fields, task.header!.line, false);

  const readNow = (fields: readonly string[], line: number): void => {
    if (fast!.read(fields, line)) return;
    const row = reader!.read(fields, line, marks, batch);
    if (batch.length > 0) sink(batch);
    else if (row !== undefined) fast!.learn(fields, row);
    if (row !== undefined) emit(row);
  };
  // While the decimal mark is open, a record with an ambiguous number (`1.000`)
  // waits for it, and every record after it too, so rows stay in file order.
  const waiting: { fields: readonly string[]; line: number }[] = [];
  const flush = (): void => {
    for (const w of waiting) readNow(w.fields, w.line);
    waiting.length = 0;
  };

  let headerSeen = !task.withHeader;
  const onRecord = (fields: readonly string[], line: number): boolean => {
    if (!headerSeen) {
      headerSeen = true;
      return useHeader(fields, line, true);
    }
    rowsRead++;
    if (marks.mark === undefined) {
      let ambiguous = false;
      for (const i of reader!.numericColumns) {
        const raw = fields[i];
        if (raw === undefined || raw.trim() === "") continue;
        if (marks.observe(raw, line).kind === "ambiguous") ambiguous = true;
      }
      if (marks.mark !== undefined) flush();
      else if (ambiguous || waiting.length > 0) {
        waiting.push({ fields, line });
        return true;
      }
    }
    readNow(fields, line);
    return true;
  };

  let line = task.firstLine;
  let stopped = false;
  const push = (rec: string[]): void => {
    if (stopped) return;
    const start = line;
    const span = recordSpan(rec);
    line += Math.abs(span);
    if (span < 0) return;
    if (!onRecord(rec, start)) stopped = true;
  };
  // papaparse for plain lines (and checked quoted ones), csv-parse for the rest (chunk-records.ts)
  const records = recordFeed({ delimiter: task.delimiter, encoding: task.encoding, atFileStart: task.start === 0, ...(task.quotedLines ? { quotedLines: true } : {}) }, push);
  let syntax: ChunkResult["syntax"];
  let unreadable: ChunkResult["unreadable"];
  let fd: number | undefined;
  try {
    fd = openSync(task.path, "r");
    let pos = task.start;
    while (pos < task.end && !stopped) {
      // one read buffer per thread, reused while papaparse reads (it keeps no view of it): fresh memory costs a
      // page fault per 4 kB, more than parsing it on a virtual machine
      const piece = spare ?? Buffer.allocUnsafe(PIECE);
      spare = undefined;
      const got = readSync(fd, piece, 0, Math.min(PIECE, task.end - pos), pos);
      if (got === 0) break;
      pos += got;
      records.feed(piece.subarray(0, got));
      if (!records.holdsInput) spare = piece;
    }
    if (!stopped) records.end();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (typeof code === "string" && (code.startsWith("CSV_") || code === "INVALID_OPENING_QUOTE")) syntax = { line, code };
    else if (typeof code === "string" && /^E[A-Z]+$/.test(code)) unreadable = { code, message: (e as Error).message };
    else throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (!headerSeen) {
    sink([error("empty-file", {}, { source: { file: task.displayPath, line: 1 } })]);
    headerFailed = true;
  }
  if (!headerFailed) flush();
  return {
    id: task.id,
    ...enc.done(),
    issues,
    dropped,
    rowsRead,
    lines: line - task.firstLine,
    mark: marks.mark,
    headerFailed,
    ...(syntax ? { syntax } : {}),
    ...(unreadable ? { unreadable } : {}),
  };
}
