// One hours or benefit row as the streaming close keeps it (issue 15): 64
// bytes, written by the parse workers, completed by the main thread with what
// classification decides, and spilled to a row-store file in input order. No
// JavaScript object per row survives parsing; names are indexes (NEC partner,
// benefit type, candidate dictionary), the quantity a scaled integer, texts
// the Detail sheet shows (client, reference) live in a side text file.

export const ROW_BYTES = 64;

/** Byte offsets inside a row. */
export const R = {
  /** 16 bytes: the row fingerprint (ledger/fingerprint.ts), binary. */
  fp: 0,
  /** u32: the 1-based physical line the record starts on. */
  line: 16,
  /** i32: the date as a day number (period.ts dayNumber). */
  day: 20,
  /** u32: candidate: a chunk dictionary index from the worker, a global one after the merge. */
  cand: 24,
  /** u16: NEC partner, index in config.necPartners. */
  nec: 28,
  /** u8: benefit type, index in config.benefitTypes. */
  type: 30,
  /** u8: F_* flags. */
  flags: 31,
  /** f64: the quantity's mantissa (hours or amount × 10^scale), a safe integer. */
  m: 32,
  /** u8: the quantity's scale. */
  s: 40,
  /** u8: status code (row-totals.ts S_*), set by the main thread; 255 while undecided. */
  status: 41,
  /** u16: own period (adjustments, already closed): index in the store's label list + 1; 0 for none. */
  own: 42,
  /** u32: offset of the row's texts in the side text file (F_TEXTS). */
  text: 44,
  /** u32: occurrence of the fingerprint inside its file (identical rows). */
  occ: 48,
  /** i16: hours: index in the classifier's rates; -1 none. */
  rate: 52,
  /** u16: input file, index in the store's file list. */
  file: 54,
} as const;

/** The quantity did not fit a scaled integer: its exact text is the side text's `big` field. */
export const F_BIG = 1;
/** The row has side texts (se_partner/relates_to, client, reference, big quantity). */
export const F_TEXTS = 2;
/** The Bloom filter flagged the row as maybe seen before (stream-close.ts): the second pass counts its fingerprint's rows. */
export const F_FLAGGED = 4;

export const UNDECIDED = 255;

/** Side texts of a row, in this order, each as u16 length + UTF-8 bytes. */
export const TEXT_FIELDS = ["extra", "client", "reference", "big"] as const;
export type RowTexts = { extra?: string; client?: string; reference?: string; big?: string };

/** Encode a row's texts at `off` in `buf` (growing is the caller's job: needs at most textBytes()). */
export function writeTexts(buf: Buffer, off: number, t: RowTexts): number {
  let o = off;
  for (const k of TEXT_FIELDS) {
    const v = t[k];
    if (v === undefined) {
      buf.writeUInt16LE(0xffff, o);
      o += 2;
    } else {
      const n = buf.write(v, o + 2, "utf8");
      buf.writeUInt16LE(n, o);
      o += 2 + n;
    }
  }
  return o;
}

/** Upper bound of the bytes writeTexts needs. */
export function textBytes(t: RowTexts): number {
  let n = 0;
  for (const k of TEXT_FIELDS) n += 2 + (t[k] === undefined ? 0 : Buffer.byteLength(t[k]!, "utf8"));
  return n;
}

export function readTexts(buf: Buffer, off: number): RowTexts {
  const out: RowTexts = {};
  let o = off;
  for (const k of TEXT_FIELDS) {
    const n = buf.readUInt16LE(o);
    o += 2;
    if (n === 0xffff) continue;
    out[k] = buf.toString("utf8", o, o + n);
    o += n;
  }
  return out;
}

/** A view of one block of rows: typed arrays over the same bytes. */
export class RowBlock {
  readonly buf: Buffer;
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly i16: Int16Array;
  readonly u32: Uint32Array;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
  n = 0;
  constructor(ab: ArrayBuffer) {
    this.buf = Buffer.from(ab);
    this.u8 = new Uint8Array(ab);
    this.u16 = new Uint16Array(ab);
    this.i16 = new Int16Array(ab);
    this.u32 = new Uint32Array(ab);
    this.i32 = new Int32Array(ab);
    this.f64 = new Float64Array(ab);
  }
}
