// Checked rows into 64-byte row records (row-layout.ts), with their
// fingerprints (fingerprint-bytes.ts) and the partner-membership check, in
// growable buffers handed to the main thread as they are (issue 15). Fed by
// a chunk's row reader (parse-chunk.ts), its fast path (fast-path.ts) and a
// workbook read whole (file-plan.ts).
import type { Issue } from "../domain/issues.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import { D, fmtDecimal, type Dec } from "../domain/money.js";
import { dayNumber } from "../domain/period.js";
import { isActiveOn, notActiveIssue } from "../domain/partners.js";
import { scaledOf } from "../domain/exact-sum.js";
import { fingerprintText, quantityPiece, textPiece, writeFingerprint } from "./fingerprint-bytes.js";
import type { ChunkTask } from "./parse-chunk.js";
import { F_BIG, F_TEXTS, R, ROW_BYTES, RowBlock, textBytes, UNDECIDED, writeTexts, type RowTexts } from "./row-layout.js";

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
