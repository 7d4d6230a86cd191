// Filling the billed columns (issue 15): one part of the row store's rows —
// a range of hours rows, of benefit rows, or both — written into a batch
// buffer where billed-tables.ts placed each group's rows: the fingerprint as
// base64url, the quantity as fmtDecimal writes it, the candidate index in
// base 36. Two parts of one batch fill the same buffer from two threads
// (billed-fill-worker.ts) without overlapping: the second part's rows start
// in each group where the first part's end (billed-tables.ts FillSplit).
import { closeSync, openSync, readSync } from "node:fs";
import { F_BIG, R, ROW_BYTES, RowBlock } from "./row-layout.js";
import { TextWindow } from "./text-window.js";
import type { Kind } from "./row-store.js";

const B64URL = Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", "latin1");
const B36 = Buffer.from("0123456789abcdefghijklmnopqrstuvwxyz", "latin1");
export const FP_CHARS = 22;
const BLOCK_ROWS = 16_384;
// Powers of 10 and 36 below 2^53: digit counts by comparison, not division (per billed row)
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);
const POW36: readonly number[] = Array.from({ length: 11 }, (_, i) => 36 ** i);

/** Characters of m × 10^-s as fmtDecimal writes it (scaledText's length, without making the text). */
export function scaledLength(m: number, s: number): number {
  const neg = m < 0 ? 1 : 0;
  const a = neg ? -m : m;
  let d = 1;
  while (d < 16 && a >= POW10[d]!) d++;
  return neg + (s === 0 ? d : Math.max(d, s + 1) + 1);
}

/** Characters of x in base 36. */
export function len36(x: number): number {
  let n = 1;
  while (n < 11 && x >= POW36[n]!) n++;
  return n;
}

/** Everything a thread needs to place and write any billed row (plain data: it crosses to the worker). */
export type FillLayout = {
  /** The two statuses of billed rows (row-totals.ts S_INCLUDED, S_ADJUSTMENT): passed, so the worker loads no domain code. */
  readonly billed: readonly [number, number];
  readonly paths: { readonly hours: string; readonly benefits: string; readonly texts: string };
  readonly textBytes: number;
  /** Group of (partner, price, day): (partner × priceSlots + price) × span + day − minDay. */
  readonly groupTable: Int32Array;
  readonly priceSlots: number;
  readonly span: number;
  readonly minDay: number;
  readonly partnerOf: Int32Array;
  readonly priceOfRate: Int32Array;
  readonly priceOfType: Int32Array;
  readonly candOf: Int32Array;
  /** Per group: its first row's index among the billed rows, and where its text starts in the quantity and candidate columns. */
  readonly rowAt: Float64Array;
  readonly qtyAt: Float64Array;
  readonly candAt: Float64Array;
  readonly batches: readonly FillBatch[];
};

/** Groups g0..g1 whose columns fill one buffer: fingerprints, then quantities, then candidates. */
export type FillBatch = { readonly g0: number; readonly g1: number; readonly fpLen: number; readonly qtyLen: number; readonly candLen: number };

/** Rows of the store one thread fills: ranges of rows, and per group how many of its rows (and characters) come before. */
export type FillPart = {
  readonly ranges: readonly { readonly kind: Kind; readonly from: number; readonly to: number }[];
  readonly before?: { readonly rows: Float64Array; readonly qty: Float64Array; readonly cand: Float64Array };
};

/**
 * The billed rows that repeat an identical row before them (index among the
 * billed rows, occurrence), as two typed arrays, not a pair object each (an
 * export of repeated rows holds millions).
 */
export class OccList {
  rows = new Float64Array(64);
  ks = new Float64Array(64);
  n = 0;
  push(row: number, k: number): void {
    if (this.n === this.rows.length) this.grow(this.n * 2);
    this.rows[this.n] = row;
    this.ks[this.n++] = k;
  }
  /** Add another list's entries (the other thread's part). */
  pushAll(rows: Float64Array, ks: Float64Array, n: number): void {
    if (this.n + n > this.rows.length) this.grow(Math.max(this.n + n, this.rows.length * 2));
    this.rows.set(rows.subarray(0, n), this.n);
    this.ks.set(ks.subarray(0, n), this.n);
    this.n += n;
  }
  private grow(size: number): void {
    const r = new Float64Array(size);
    r.set(this.rows.subarray(0, this.n));
    this.rows = r;
    const q = new Float64Array(size);
    q.set(this.ks.subarray(0, this.n));
    this.ks = q;
  }
}

/** Write m × 10^-s (scaled normalised: no trailing zeros) at `at`; returns the end. */
function writeScaled(out: Uint8Array, at: number, m: number, s: number): number {
  const end = at + scaledLength(m, s);
  let a = m < 0 ? -m : m;
  let p = end - 1;
  for (let k = 0; k < s; k++) {
    out[p--] = 48 + (a % 10);
    a = Math.floor(a / 10);
  }
  if (s > 0) out[p--] = 46;
  const first = m < 0 ? at + 1 : at;
  do {
    out[p--] = 48 + (a % 10);
    a = Math.floor(a / 10);
  } while (p >= first);
  if (m < 0) out[at] = 45;
  return end;
}

function write36(out: Uint8Array, at: number, x: number): number {
  const end = at + len36(x);
  let v = x;
  for (let p = end - 1; p >= at; p--) {
    out[p] = B36[v % 36]!;
    v = Math.floor(v / 36);
  }
  return end;
}

/**
 * Fill batch `batch` of the columns with the rows of `part` into `out` (the
 * batch's buffer, shared by the parts); the repeated rows found are added to
 * `occ`.
 */
export function fillBatch(layout: FillLayout, part: FillPart, batch: number, out: Uint8Array, occ: OccList): void {
  const { g0, g1, fpLen, qtyLen } = layout.batches[batch]!;
  const { groupTable, priceSlots, span, minDay, partnerOf, priceOfRate, priceOfType, candOf, rowAt, qtyAt, candAt } = layout;
  const [S_INCLUDED, S_ADJUSTMENT] = layout.billed;
  // each group's place among the batch's rows, cursors in the buffer (quantity, candidate), and its billed rows so far
  const count = g1 - g0;
  const place = new Float64Array(count);
  const qtyCur = new Float64Array(count);
  const candCur = new Float64Array(count);
  const seen = new Float64Array(count);
  const before = part.before;
  for (let g = g0; g < g1; g++) {
    const k = g - g0;
    const b = before !== undefined && g < before.rows.length;
    seen[k] = b ? before.rows[g]! : 0;
    place[k] = rowAt[g]! - rowAt[g0]!;
    qtyCur[k] = fpLen + qtyAt[g]! - qtyAt[g0]! + (b ? before.qty[g]! : 0);
    candCur[k] = fpLen + qtyLen + candAt[g]! - candAt[g0]! + (b ? before.cand[g]! : 0);
  }
  const { u8, u16, i16, u32, i32, f64 } = new RowBlock(new ArrayBuffer(BLOCK_ROWS * ROW_BYTES));
  let textFd: number | undefined;
  const texts = new TextWindow(() => (textFd ??= openSync(layout.paths.texts, "r")), () => layout.textBytes);
  try {
    for (const range of part.ranges) {
      const hours = range.kind === "hours";
      const fd = openSync(layout.paths[range.kind], "r");
      try {
        for (let first = range.from; first < range.to; first += BLOCK_ROWS) {
          const n = Math.min(BLOCK_ROWS, range.to - first);
          readSync(fd, u8, 0, n * ROW_BYTES, first * ROW_BYTES);
          for (let i = 0; i < n; i++) {
            const o = i * ROW_BYTES;
            const st = u8[o + R.status]!;
            if (st !== S_INCLUDED && st !== S_ADJUSTMENT) continue;
            let price: number;
            if (hours) {
              const rate = i16[(o + R.rate) >> 1]!;
              if (rate < 0) continue;
              price = priceOfRate[rate]!;
            } else price = priceOfType[u8[o + R.type]!]!;
            const g = groupTable[(partnerOf[u16[(o + R.nec) >> 1]!]! * priceSlots + price) * span + (i32[(o + R.day) >> 2]! - minDay)]!;
            if (g < g0 || g >= g1) continue;
            const k = g - g0;
            const at = place[k]! + seen[k]!;
            const occurrence = u32[(o + R.occ) >> 2]!;
            if (occurrence !== 0) occ.push(rowAt[g0]! + at, occurrence);
            seen[k] = seen[k]! + 1;
            // fingerprint: 16 bytes as 22 base64url characters
            let w = at * FP_CHARS;
            for (let j = 0; j < 15; j += 3) {
              const v = (u8[o + j]! << 16) | (u8[o + j + 1]! << 8) | u8[o + j + 2]!;
              out[w++] = B64URL[(v >> 18) & 63]!;
              out[w++] = B64URL[(v >> 12) & 63]!;
              out[w++] = B64URL[(v >> 6) & 63]!;
              out[w++] = B64URL[v & 63]!;
            }
            out[w++] = B64URL[u8[o + 15]! >> 2]!;
            out[w] = B64URL[(u8[o + 15]! & 3) << 4]!;
            let qt = qtyCur[k]!;
            if ((u8[o + R.flags]! & F_BIG) !== 0) {
              const raw = texts.at(u32[(o + R.text) >> 2]!).big!;
              qt += Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(raw === "-0" ? "0" : raw, qt, "latin1");
            } else qt = writeScaled(out, qt, f64[(o + R.m) >> 3]!, u8[o + R.s]!);
            out[qt++] = 32;
            qtyCur[k] = qt;
            let c = write36(out, candCur[k]!, candOf[u32[(o + R.cand) >> 2]!]!);
            out[c++] = 32;
            candCur[k] = c;
          }
        }
      } finally {
        closeSync(fd);
      }
    }
  } finally {
    if (textFd !== undefined) closeSync(textFd);
  }
}
