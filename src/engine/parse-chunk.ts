// One byte range of an hours or benefits export, parsed and checked (issue
// 15): records in array mode (chunk-records.ts: papaparse for quote-free
// lines, csv-parse for the rest, the same records either way), every record
// through the same row reader as `validate` (schema/rows.ts: the same rules
// and messages), and each good row encoded into a 64-byte record
// (row-layout.ts) with its fingerprint. Runs in a parse worker
// (parse-worker.ts) or inline for small inputs; pure but for reading its byte
// range. The main thread merges the chunks of a file in order.
import { closeSync, openSync, readSync } from "node:fs";
import { recordSpan } from "../adapters/csv/record-span.js";
import { recordFeed } from "./chunk-records.js";
import { error, type Issue } from "../domain/issues.js";
import type { BenefitRow, HourRow, PartnerSpan } from "../domain/model.js";
import { D, fmtDecimal, type Dec } from "../domain/money.js";
import { dayNumber, dayNumberOf, daysInMonth, isoOfDay } from "../domain/period.js";
import { isActiveOn, notActiveIssue } from "../domain/partners.js";
import { scaledOf, scaledText } from "../domain/exact-sum.js";
import { fingerprintText, quantityPiece, textPiece, writeFingerprint } from "./fingerprint-bytes.js";
import { COLUMNS, indexOf, resolveHeader, type HeaderMap } from "../schema/csv-row-headers.js";
import { DecimalMarkState, type DecimalMark } from "../schema/csv-row-number.js";
import { MAX_RECORD_CHARS, MAX_TEXT_CHARS } from "../schema/limits.js";
import { rowReader, type RowReader } from "../schema/rows.js";
import { F_BIG, F_TEXTS, R, ROW_BYTES, RowBlock, textBytes, UNDECIDED, writeTexts, type RowTexts } from "./row-layout.js";

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

/** A byte buffer that grows by doubling, with typed views for the row fields. */
/** A growable buffer of rows or texts, seen through a RowBlock's typed views (row-layout.ts). */
class Bytes {
  static reuse(ab: ArrayBuffer | undefined, want: number): Bytes {
    const size = Math.max(64, want);
    const b = new Bytes(ab !== undefined && ab.byteLength >= size ? 0 : size);
    if (ab !== undefined && ab.byteLength >= size) b.use(ab);
    return b;
  }
  /** The views over the current buffer (a new one after need() grows it). */
  view!: RowBlock;
  used = 0;
  constructor(size: number) {
    if (size > 0) this.use(new ArrayBuffer(Math.max(64, Math.ceil(size / 8) * 8)));
  }
  use(ab: ArrayBuffer): void {
    const old = this.view;
    this.view = new RowBlock(ab);
    if (old) old.buf.copy(this.view.buf, 0, 0, this.used);
  }
  need(n: number): void {
    if (this.used + n <= this.view.buf.length) return;
    let size = this.view.buf.length * 2;
    while (size < this.used + n) size *= 2;
    this.use(new ArrayBuffer(size));
  }
}

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
    reader = rowReader(task.kind, h.map, task.names, task.displayPath, line) as RowReader<HourRow | BenefitRow>;
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
  // papaparse for quote-free lines, csv-parse for the rest (chunk-records.ts)
  const records = recordFeed({ delimiter: task.delimiter, encoding: task.encoding, atFileStart: task.start === 0 }, push);
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

/** One checked row, as plain values (what the encoder writes). */
export type RowValues = {
  line: number;
  date: string;
  /** The date's day number and fingerprint piece when the caller knows them (-1 / ""). */
  day: number;
  datePiece: string;
  nec: number;
  candidate: string;
  /** The quantity: exact decimal text (fmtDecimal), scaled integer when it fits. */
  qty: Quantity;
  type: number;
  extra: string | undefined;
  client: string | undefined;
  reference: string | undefined;
};

export type Quantity = { readonly text: string; readonly piece: string; readonly m: number; readonly s: number; readonly big: boolean; readonly raw: string };

/** A Decimal as a Quantity (the scaled form when it fits; `raw` keeps toFixed, so -0 stays -0 in the Detail sheet). */
export function quantityOf(q: Dec): Quantity {
  const text = fmtDecimal(q);
  const sc = q.isZero() && q.isNegative() ? undefined : scaledOf(q);
  return { text, piece: quantityPiece(text), m: sc?.m ?? 0, s: sc?.s ?? 0, big: sc === undefined, raw: q.toFixed() };
}

/** Encodes checked rows into row records (row-layout.ts), with their fingerprints and the membership check. */
export function rowEncoder(task: Pick<ChunkTask, "kind" | "names" | "spans" | "displayPath" | "recycle">, expectedRows: number) {
  const membership: Issue[] = [];
  const rows = Bytes.reuse(task.recycle?.rows, expectedRows * ROW_BYTES);
  const texts = Bytes.reuse(task.recycle?.texts, 1 << 16);
  const candidates: string[] = [];
  const candIndex = new Map<string, number>();
  const necIndex = new Map(task.names.necPartners.map((n, i) => [n, i]));
  const typeIndex = new Map(task.names.benefitTypes.map((t, i) => [t, i]));
  const hours = task.kind === "hours";
  const spans = task.spans && Object.keys(task.spans).length > 0 ? task.spans : undefined;
  // Pieces of the fingerprint text, cached per value (fingerprint-bytes.ts).
  const necPieces = task.names.necPartners.map(textPiece);
  const typePieces = task.names.benefitTypes.map(textPiece);
  const candPieces: string[] = [];
  const days = new Map<string, { day: number; piece: string }>();
  const quantities = new Map<Dec, Quantity>();
  const KIND = task.kind;
  const v: RowValues = { line: 0, date: "", day: -1, datePiece: "", nec: 0, candidate: "", qty: quantityOf(new D(0)), type: 0, extra: undefined, client: undefined, reference: undefined };

  const emitValues = (x: RowValues): void => {
    if (spans) {
      const s = spans[task.names.necPartners[x.nec]!];
      if (s && !isActiveOn(s, x.date)) membership.push(notActiveIssue({ necPartner: task.names.necPartners[x.nec]!, date: x.date, source: { file: task.displayPath, line: x.line } }, s));
    }
    rows.need(ROW_BYTES);
    const o = rows.used;
    rows.used += ROW_BYTES;
    const b = rows.view;
    const q = x.qty;
    let day = x.day;
    let datePiece = x.datePiece;
    if (day < 0) {
      let d = days.get(x.date);
      if (d === undefined) days.set(x.date, (d = { day: dayNumber(x.date), piece: JSON.stringify(x.date.trim()) }));
      day = d.day;
      datePiece = d.piece;
    }
    let c = candIndex.get(x.candidate);
    if (c === undefined) {
      c = candidates.length;
      candidates.push(x.candidate);
      candPieces.push(textPiece(x.candidate));
      candIndex.set(x.candidate, c);
    }
    const ref = x.reference;
    writeFingerprint(
      fingerprintText(KIND, datePiece, necPieces[x.nec]!, candPieces[c]!, q.piece, hours ? "null" : typePieces[x.type]!, ref === undefined ? "null" : textPiece(ref)),
      b.u8,
      o + R.fp,
    );
    b.u32[(o + R.line) >> 2] = x.line;
    b.i32[(o + R.day) >> 2] = day;
    b.u32[(o + R.cand) >> 2] = c;
    b.u16[(o + R.nec) >> 1] = x.nec;
    b.u8[o + R.type] = x.type;
    b.f64[(o + R.m) >> 3] = q.m;
    b.u8[o + R.s] = q.s;
    let flags = q.big ? F_BIG : 0;
    if (q.big || x.extra !== undefined || x.client !== undefined || ref !== undefined) {
      const t: RowTexts = {};
      if (q.big) t.big = q.raw;
      if (x.extra !== undefined) t.extra = x.extra;
      if (x.client !== undefined) t.client = x.client;
      if (ref !== undefined) t.reference = ref;
      flags |= F_TEXTS;
      texts.need(textBytes(t));
      b.u32[(o + R.text) >> 2] = texts.used;
      texts.used = writeTexts(texts.view.buf, texts.used, t);
    } else b.u32[(o + R.text) >> 2] = 0;
    b.u8[o + R.flags] = flags;
    b.u8[o + R.status] = UNDECIDED;
    b.u16[(o + R.own) >> 1] = 0;
    b.u32[(o + R.occ) >> 2] = 0;
    b.i16[(o + R.rate) >> 1] = -1;
    b.u16[(o + R.file) >> 1] = 0;
  };

  /** A row as the row reader (schema/rows.ts) gives it. */
  const emit = (row: HourRow | BenefitRow): void => {
    const d = hours ? (row as HourRow).hours : (row as BenefitRow).amount;
    let q = quantities.get(d);
    if (q === undefined) {
      q = quantityOf(d);
      if (quantities.size < 100_000) quantities.set(d, q);
    }
    v.line = row.source.line;
    v.date = row.date;
    v.nec = necIndex.get(row.necPartner)!;
    v.candidate = row.candidate;
    v.qty = q;
    v.type = hours ? 0 : typeIndex.get((row as BenefitRow).type)!;
    v.extra = hours ? (row as HourRow).sePartner : (row as BenefitRow).relatesTo;
    v.client = hours ? (row as HourRow).client : undefined;
    v.reference = row.reference;
    emitValues(v);
  };
  // the buffers go as they are (no copy): n and textBytes say how much of them is used
  const done = () => ({
    rows: rows.view.u8.buffer as ArrayBuffer,
    n: rows.used / ROW_BYTES,
    texts: texts.view.u8.buffer as ArrayBuffer,
    textBytes: texts.used,
    candidates,
    membership,
  });
  return { emit, emitValues, done };
}

type FastPath = {
  /** Encode the record when every cell is one the row reader already accepted (or a plain number); false: use the row reader. */
  read(fields: readonly string[], line: number): boolean;
  /** Remember the cells of a row the row reader accepted without any remark. */
  learn(fields: readonly string[], row: HourRow | BenefitRow): void;
};

const LEARNED = 10_000;

/**
 * The common row without the row reader (schema/rows.ts) and without a
 * Decimal: each cell is a text the row reader already accepted in this file
 * (a date, a partner, a benefit type) or a plain number in the file's mark
 * (`7.25`, `1234,5`: digits, at most one decimal mark, no sign, no thousands
 * separator, within the limits and without a warning), so it reads to the
 * same value. Anything else — a sign, a separator, a cell seen for the first
 * time, a warning to give — goes through the row reader.
 */
function fastPath(task: ChunkTask, map: HeaderMap, marks: DecimalMarkState, enc: ReturnType<typeof rowEncoder>): FastPath {
  const hours = task.kind === "hours";
  const col = (k: string): number => indexOf(map, k);
  const used = COLUMNS[task.kind].map((c) => col(c.key)).filter((i) => i >= 0);
  const date = col("date");
  const nec = col("nec_partner");
  const cand = col("candidate_id");
  const num = col(hours ? "hours" : "amount");
  const extra = col(hours ? "se_partner" : "relates_to");
  const client = hours ? col("client") : -1;
  const ref = col("reference");
  const type = hours ? -1 : col("type");
  const text = (f: readonly string[], i: number): string => (i < 0 ? "" : (f[i] ?? ""));
  const optional = (f: readonly string[], i: number): string | undefined => {
    const t = text(f, i).trim();
    return t === "" ? undefined : t;
  };
  const dates = new Map<string, { iso: string; day: number; piece: string }>();
  const necs = new Map<string, number>();
  const ses = new Map<string, string>();
  const types = new Map<string, number>();
  const necIndex = new Map(task.names.necPartners.map((n, i) => [n, i]));
  const typeIndex = new Map(task.names.benefitTypes.map((t, i) => [t, i]));
  const necNames = task.names.necPartners;
  const typeNames = task.names.benefitTypes;
  // facts per day number, in an array from the first day seen (widened as needed)
  let factsFrom = 0;
  let facts: ({ iso: string; day: number; piece: string } | undefined)[] = [];
  const dayFacts = (day: number): { iso: string; day: number; piece: string } => {
    if (facts.length === 0) factsFrom = day - 512;
    if (day < factsFrom) {
      facts = [...new Array<undefined>(factsFrom - day + 512), ...facts];
      factsFrom = day - 512;
    }
    let x = facts[day - factsFrom];
    if (x === undefined) {
      const iso = isoOfDay(day);
      x = facts[day - factsFrom] = { iso, day, piece: JSON.stringify(iso) };
    }
    return x;
  };
  // A plain number in the file's mark: digits, marks, thousands separators (plainQuantity).
  // The few distinct values of hours are kept; amounts, mostly distinct, are read each time.
  const known = new Map<string, Quantity>();
  const quantity = (raw: string): Quantity | undefined => {
    if (!hours) return readQuantity(raw);
    const k = known.get(raw);
    if (k !== undefined) return k;
    const q = readQuantity(raw);
    if (q !== undefined && known.size < 1024) known.set(raw, q);
    return q;
  };
  const readQuantity = (raw: string): Quantity | undefined => plainQuantity(raw, marks.mark!, hours);
  const v: RowValues = { line: 0, date: "", day: -1, datePiece: "", nec: 0, candidate: "", qty: quantityOf(new D(0)), type: 0, extra: undefined, client: undefined, reference: undefined };
  return {
    read(f, line) {
      if (marks.mark === undefined) return false;
      for (const i of used) {
        const c = f[i];
        if (c !== undefined && c.length > MAX_TEXT_CHARS) return false;
      }
      const rawDate = text(f, date);
      // a strict date by its digits (no string hash), each calendar day checked once; other forms as learned
      const day = strictDayCached(rawDate);
      const d = day >= 0 ? dayFacts(day) : dates.get(rawDate);
      if (d === undefined) return false;
      const rawNec = text(f, nec);
      let n = -1;
      for (let k = 0; k < necNames.length; k++) if (necNames[k] === rawNec) n = k;
      if (n < 0) n = necs.get(rawNec) ?? -1;
      if (n < 0) return false;
      const c = text(f, cand).trim();
      if (c === "") return false;
      const q = quantity(text(f, num));
      if (q === undefined) return false;
      let x: string | undefined;
      let t = 0;
      if (hours) {
        const raw = text(f, extra);
        if (raw.trim() !== "") {
          x = ses.get(raw);
          if (x === undefined) return false;
        }
      } else {
        const rawType = text(f, type);
        let tt = -1;
        for (let k = 0; k < typeNames.length; k++) if (typeNames[k] === rawType) tt = k;
        if (tt < 0) tt = types.get(rawType) ?? -1;
        if (tt < 0) return false;
        t = tt;
        x = optional(f, extra);
      }
      v.line = line;
      v.date = d.iso;
      v.day = d.day;
      v.datePiece = d.piece;
      v.nec = n;
      v.candidate = c;
      v.qty = q;
      v.type = t;
      v.extra = x;
      v.client = hours ? optional(f, client) : undefined;
      v.reference = optional(f, ref);
      enc.emitValues(v);
      return true;
    },
    learn(f, row) {
      if (dates.size < LEARNED) dates.set(text(f, date), { iso: row.date, day: dayNumber(row.date), piece: JSON.stringify(row.date.trim()) });
      if (necs.size < LEARNED) necs.set(text(f, nec), necIndex.get(row.necPartner)!);
      if (hours) {
        const se = (row as HourRow).sePartner;
        if (se !== undefined && ses.size < LEARNED) ses.set(text(f, extra), se);
      } else if (types.size < LEARNED) types.set(text(f, type), typeIndex.get((row as BenefitRow).type)!);
    },
  };
}

// csv-row-number.ts readUnder for the file's mark, on digits and the two marks only (a space, a
// sign, € or anything else goes to the row reader): thousands separators all one character other
// than the mark, a first group of 1-3 digits not starting with 0, later groups of 3.
const starts = new Int32Array(16);
const ends = new Int32Array(16);
const seps = new Int32Array(16);

/**
 * A number cell as the row reader reads it under the file's decimal mark,
 * when it is plain (digits and marks only) and within the limits without a
 * remark: hours up to 24 (more is a warning), amounts below 10^12 with at
 * most cents, and exact in a double; otherwise undefined (the row reader
 * decides). Exported for its test against csv-row-number.ts.
 */
export function plainQuantity(raw: string, fileMark: DecimalMark, hours: boolean): Quantity | undefined {
  const n = raw.length;
  if (n === 0 || n > 24) return undefined;
  const mark = fileMark === "," ? 44 : 46;
  let groups = 0;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? raw.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) continue;
    if (c !== -1 && c !== 44 && c !== 46) return undefined;
    if (i === start || groups === 16) return undefined; // an empty group: not a number here
    starts[groups] = start;
    ends[groups] = i;
    seps[groups] = c;
    groups++;
    start = i + 1;
  }
  const last = groups - 1;
  const hasFraction = last > 0 && seps[last - 1] === mark;
  const intGroups = hasFraction ? last : groups;
  if (intGroups > 1) {
    const t = seps[0]!;
    if (t === mark) return undefined;
    for (let g = 1; g < intGroups - 1; g++) if (seps[g] !== t) return undefined;
    if (ends[0]! - starts[0]! > 3 || raw.charCodeAt(0) === 48) return undefined;
    for (let g = 1; g < intGroups; g++) if (ends[g]! - starts[g]! !== 3) return undefined;
  }
  let m = 0;
  let digits = 0;
  let lead = true;
  let intDigits = 0;
  for (let g = 0; g < intGroups; g++) {
    for (let i = starts[g]!; i < ends[g]!; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (lead && d === 0) continue;
      lead = false;
      m = m * 10 + d;
      digits++;
      intDigits++;
    }
  }
  let s = 0;
  if (hasFraction) {
    for (let i = starts[last]!; i < ends[last]!; i++) {
      m = m * 10 + (raw.charCodeAt(i) - 48);
      digits++;
      s++;
    }
  }
  if (digits > 15) return undefined;
  while (s > 0 && m % 10 === 0) {
    m /= 10;
    s--;
  }
  // money: at most cents and below 10^12; hours: up to 24 (more is a warning)
  if (hours ? m > 24 * 10 ** s : s > 2 || intDigits > 12) return undefined;
  const t = scaledText(m, s);
  return { text: t, piece: `"${t}"`, m, s, big: false, raw: t };
}

// strictDay by calendar date: years 1900-2155 × 12 × 31 cells (-2: not computed yet)
const STRICT_FROM = 1900;
const strictDays = new Int32Array(256 * 12 * 31).fill(-2);

/** strictDay, each calendar date's check and day number computed once. */
export function strictDayCached(raw: string): number {
  if (raw.length !== 10) return -1;
  let y: number, m: number, d: number;
  const s4 = raw.charCodeAt(4);
  if (s4 === 45 || s4 === 47) {
    y = raw.charCodeAt(0) * 1000 + raw.charCodeAt(1) * 100 + raw.charCodeAt(2) * 10 + raw.charCodeAt(3) - 48 * 1111;
    m = raw.charCodeAt(5) * 10 + raw.charCodeAt(6) - 48 * 11;
    d = raw.charCodeAt(8) * 10 + raw.charCodeAt(9) - 48 * 11;
  } else {
    d = raw.charCodeAt(0) * 10 + raw.charCodeAt(1) - 48 * 11;
    m = raw.charCodeAt(3) * 10 + raw.charCodeAt(4) - 48 * 11;
    y = raw.charCodeAt(6) * 1000 + raw.charCodeAt(7) * 100 + raw.charCodeAt(8) * 10 + raw.charCodeAt(9) - 48 * 1111;
  }
  // only a cell whose digits make a date in range is cached; everything else (signs, letters, odd forms) asks strictDay
  if (y < STRICT_FROM || y >= STRICT_FROM + 256 || m < 1 || m > 12 || d < 1 || d > 31) return strictDay(raw);
  const slot = ((y - STRICT_FROM) * 12 + (m - 1)) * 31 + (d - 1);
  const form = s4 === 45 || s4 === 47 ? s4 : -raw.charCodeAt(2);
  // the cache is by date, not by form: check the separators here, the digits' meaning is the same in every strict form
  if (!strictForm(raw, form)) return -1;
  let v = strictDays[slot]!;
  if (v === -2) v = strictDays[slot] = strictDay(raw);
  return v;
}

/** The separators and digits of a strict form (strictDay's first checks). */
function strictForm(raw: string, form: number): boolean {
  const digit = (i: number): boolean => {
    const c = raw.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  if (form > 0) return raw.charCodeAt(7) === form && digit(0) && digit(1) && digit(2) && digit(3) && digit(5) && digit(6) && digit(8) && digit(9);
  const sep = -form;
  return (sep === 47 || sep === 46 || sep === 45) && raw.charCodeAt(5) === sep && digit(0) && digit(1) && digit(3) && digit(4) && digit(6) && digit(7) && digit(8) && digit(9);
}

/**
 * The day number of a date cell in one of the strict forms csv-row-cells.ts
 * parseDate reads the same way — `2025-03-31`, `2025/03/31`, `31/03/2025`,
 * `31.03.2025`, `31-03-2025`, ten characters, a real calendar date — or -1
 * (any other form goes to the row reader).
 */
export function strictDay(raw: string): number {
  if (raw.length !== 10) return -1;
  const c = (i: number): number => raw.charCodeAt(i) - 48;
  const digit = (i: number): boolean => c(i) >= 0 && c(i) <= 9;
  let y: number, m: number, d: number;
  const s4 = raw.charCodeAt(4);
  const s2 = raw.charCodeAt(2);
  if ((s4 === 45 || s4 === 47) && raw.charCodeAt(7) === s4) {
    if (!digit(0) || !digit(1) || !digit(2) || !digit(3) || !digit(5) || !digit(6) || !digit(8) || !digit(9)) return -1;
    y = c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3);
    m = c(5) * 10 + c(6);
    d = c(8) * 10 + c(9);
  } else if ((s2 === 47 || s2 === 46 || s2 === 45) && raw.charCodeAt(5) === s2) {
    if (!digit(0) || !digit(1) || !digit(3) || !digit(4) || !digit(6) || !digit(7) || !digit(8) || !digit(9)) return -1;
    d = c(0) * 10 + c(1);
    m = c(3) * 10 + c(4);
    y = c(6) * 1000 + c(7) * 100 + c(8) * 10 + c(9);
  } else return -1;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return dayNumberOf(y, m, d);
}
