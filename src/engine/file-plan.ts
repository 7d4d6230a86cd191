// How one export of a streaming close is read (issue 15): a workbook whole,
// through the shared reader; a CSV file scanned once (hash, encoding, where
// lines end) and cut into chunks of whole records for the parse workers where
// that is safe — line ends all of one kind, its header and decimal mark
// decided in its first bytes, and any quotes in their place (quoted-cuts.ts)
// — else one task for the whole file. stream-close.ts merges the chunks in order.
import { stat } from "node:fs/promises";
import { parse as parseSync } from "csv-parse/sync";
import { recordSpan } from "../adapters/csv/record-span.js";
import { decodeWin1252 as win1252 } from "../adapters/csv/win1252.js";
import { quotedCutsOf } from "../adapters/csv/scan.js";
import { forEachInputRow, IssueSink, openCsvInput, type InputFileMeta, type ReadContext } from "../adapters/csv/read-input.js";
import { isWorkbookPath } from "../adapters/xlsx-input/workbook-path.js";
import type { ResolvedInput } from "../adapters/config-file.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import { resolveHeader } from "../schema/csv-row-headers.js";
import { DecimalMarkState } from "../schema/csv-row-number.js";
import { MAX_RECORD_CHARS } from "../schema/limits.js";
import { rowReader } from "../schema/rows.js";
import type { ChunkResult, ChunkTask } from "./parse-chunk.js";
import { rowEncoder } from "./row-encoder.js";
import type { Kind } from "./row-store.js";

/** Chunks a file is cut into for the workers (each kept between 1 and 2 MB: a large file gets more). */
const CHUNKS_PER_FILE = 16;

export type FilePlan = {
  readonly input: ResolvedInput;
  readonly kind: Kind;
  readonly meta: InputFileMeta;
  readonly sink: IssueSink;
  /** Chunk tasks in order (empty when the file stopped before its rows, or for a workbook). */
  readonly tasks: ChunkTask[];
  /** A workbook's rows, read by the shared reader. */
  readonly workbook?: ChunkResult;
};

/** The header record and the decimal mark decided in the file's first bytes, if they show them. */
function headFacts(kind: Kind, head: string, delimiter: string, names: ChunkTask["names"], override: "," | "." | undefined): { fields: string[]; line: number; mark?: ChunkTask["mark"] } | undefined {
  const lastLf = head.lastIndexOf("\n");
  if (lastLf < 0) return undefined;
  let records: string[][];
  try {
    records = parseSync(head.slice(0, lastLf + 1), { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS });
  } catch {
    return undefined;
  }
  let line = 1;
  let header: { fields: string[]; line: number } | undefined;
  const marks = new DecimalMarkState();
  let numeric: readonly number[] = [];
  for (const rec of records) {
    // physical lines, as the chunks count them: a quoted cell may hold line breaks
    const at = line;
    const span = recordSpan(rec);
    line += Math.abs(span);
    if (span < 0) continue;
    if (!header) {
      header = { fields: rec, line: at };
      const h = resolveHeader(kind, rec, "", at);
      if (h.issues.length > 0) return undefined;
      numeric = rowReader(kind, h.map, names, "", at).numericColumns;
      if (override) return { ...header, mark: { mark: override, override: true } };
      continue;
    }
    for (const i of numeric) {
      const raw = rec[i];
      if (raw === undefined || raw.trim() === "") continue;
      marks.observe(raw, at);
      if (marks.mark !== undefined) return { ...header, mark: { mark: marks.mark, override: false, line: marks.decidedAt!.line, raw: marks.decidedAt!.raw } };
    }
  }
  return undefined;
}

export async function planFile(kind: Kind, input: ResolvedInput, ctx: ReadContext, base: Omit<ChunkTask, "id" | "path" | "displayPath" | "kind" | "start" | "end" | "firstLine" | "withHeader" | "encoding" | "delimiter">, nextId: () => number, parallel: boolean, chunkBytes?: number): Promise<FilePlan> {
  const sink = new IssueSink();
  if (isWorkbookPath(input.path)) {
    // A workbook (at most 64 MB unpacked) is read whole by the shared reader, then encoded like a chunk.
    const rows: (HourRow | BenefitRow)[] = [];
    const read = await forEachInputRow(kind, input.path, input.displayPath, ctx, (r) => rows.push(r as HourRow | BenefitRow));
    rows.sort((a, b) => a.source.line - b.source.line);
    const enc = rowEncoder({ kind, displayPath: input.displayPath, names: base.names, ...(base.spans ? { spans: base.spans } : {}) }, rows.length);
    for (const r of rows) enc.emit(r);
    sink.add([...read.issues]);
    const done = enc.done();
    // rowsRead 0: the reader counted them in read.meta already (merge adds a chunk's count to it)
    return { input, kind, meta: read.meta, sink, tasks: [], workbook: { id: -1, ...done, issues: [], dropped: { error: 0, warning: 0 }, rowsRead: 0, lines: 0, mark: undefined, headerFailed: false } };
  }
  let size = 0;
  try {
    size = (await stat(input.path)).size;
  } catch {
    // openCsvInput reports it
  }
  // chunks of 1 to 2 MB: larger ones saved no time, and the chunks in flight (rows and texts of each) grew with the input
  const cutEvery = chunkBytes ?? Math.min(2 << 20, Math.max(1 << 20, Math.ceil(size / CHUNKS_PER_FILE)));
  const open = await openCsvInput(input.path, input.displayPath, ctx, parallel ? { cutEvery } : {});
  if ("fatal" in open) {
    sink.add(open.fatal);
    return { input, kind, meta: open.meta, sink, tasks: [] };
  }
  const { meta, encoding, scan } = open;
  const common = { ...base, path: input.path, displayPath: input.displayPath, kind, encoding, delimiter: meta.delimiter, ...(scan.mixedLineEnds ? { mixedLineEnds: true as const } : {}) };
  const whole = (mark?: ChunkTask["mark"]): FilePlan => ({ input, kind, meta, sink, tasks: [{ ...common, id: nextId(), start: 0, end: scan.size, firstLine: 1, withHeader: true, ...(mark ? { mark } : {}) }] });
  const override = ctx.overrides?.decimal;
  const overrideMark = override ? { mark: override, override: true } : undefined;
  // Cut into chunks only at a record's end, with line ends all of one kind (LF, or CRLF): after any line
  // feed in a file without quotes; in one with, after a line feed outside them, where every quote is in
  // its place (quoted-cuts.ts), else whole.
  if (!parallel || scan.cuts.length === 0 || (scan.crAt >= 0 && !scan.crlfOnly)) return whole(overrideMark);
  const headText = encoding === "windows-1252" ? win1252(scan.head) : scan.head.toString("utf8");
  const facts = headFacts(kind, headText, meta.delimiter, base.names, override);
  if (!facts?.mark) return whole(overrideMark);
  // the quotes followed only now, when nothing else keeps the file whole (a read of the whole file again)
  const quoted = scan.quoteAt < 0 ? undefined : await quotedCutsOf(input.path, meta.delimiter, cutEvery, encoding);
  // (read again: none past the size scanned, should the file have grown since)
  const cuts = scan.quoteAt < 0 ? scan.cuts : quoted?.cuts.filter((c) => c < scan.size);
  if (cuts === undefined || cuts.length === 0) return whole(overrideMark);
  const tasks: ChunkTask[] = [];
  const bounds = [0, ...cuts, scan.size];
  for (let k = 0; k + 1 < bounds.length; k++) {
    tasks.push({
      ...common,
      id: nextId(),
      start: bounds[k]!,
      end: bounds[k + 1]!,
      // the first chunk counts lines from 1; later ones from 0, rebased on merge
      firstLine: k === 0 ? 1 : 0,
      withHeader: k === 0,
      ...(k > 0 ? { header: { fields: facts.fields, line: facts.line } } : {}),
      mark: facts.mark,
      ...(quoted?.linesAreRecords ? { quotedLines: true as const } : {}),
    });
  }
  return { input, kind, meta, sink, tasks };
}
