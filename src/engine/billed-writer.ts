// The ledger's billed columns of a streaming close (issue 15), written from
// the row store to a file: the same canonical JSON as ledger/billed-rows.ts
// encodeBilled (tables of partners, candidates and prices in order of first
// appearance, rows grouped by partner, date and price in order of first
// appearance, fingerprints as base64url, quantities and candidate indexes
// space-separated), without holding the rows. A first pass over the store
// finds the tables, the groups and each group's width in every column; then
// each batch of groups whose columns fit in a fixed buffer is filled by one
// more pass and written at its place.
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { S_ADJUSTMENT, S_INCLUDED } from "../domain/row-totals.js";
import { fmtDecimal, type Dec } from "../domain/money.js";
import { dayNumber, isoOfDay } from "../domain/period.js";
import { canonicalJson } from "../ledger/canonical-json.js";
import type { PriceEntry } from "../ledger/billed-rows.js";
import { F_BIG, R, ROW_BYTES } from "./row-layout.js";
import type { RowBlock, RowStore } from "./row-store.js";
import type { BilledPart } from "../ledger/record-stream.js";

const B64URL = Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", "latin1");
const B36 = Buffer.from("0123456789abcdefghijklmnopqrstuvwxyz", "latin1");
const FP_CHARS = 22;
/** Bytes of column text one batch fills in memory (the read phase, with its workers, is the peak; this stays below it). */
const BATCH_BYTES = 64 << 20;

/** Characters of m × 10^-s as fmtDecimal writes it (scaledText's length, without making the text). */
function scaledLength(m: number, s: number): number {
  const neg = m < 0 ? 1 : 0;
  const a = neg ? -m : m;
  let d = 1;
  for (let v = a; v >= 10; v = Math.floor(v / 10)) d++;
  if (s === 0) return neg + d;
  return neg + Math.max(d, s + 1) + 1;
}

/** Write m × 10^-s (scaled normalised: no trailing zeros) at `at`; returns the end. */
function writeScaled(out: Buffer, at: number, m: number, s: number): number {
  let o = at;
  let a = m;
  if (a < 0) {
    out[o++] = 45;
    a = -a;
  }
  const len = scaledLength(a, s);
  let p = o + len - 1;
  for (let k = 0; k < s; k++) {
    out[p--] = 48 + (a % 10);
    a = Math.floor(a / 10);
  }
  if (s > 0) out[p--] = 46;
  do {
    out[p--] = 48 + (a % 10);
    a = Math.floor(a / 10);
  } while (p >= o);
  return o + len;
}

function len36(x: number): number {
  let n = 1;
  for (let v = x; v >= 36; v = Math.floor(v / 36)) n++;
  return n;
}

function write36(out: Buffer, at: number, x: number): number {
  const n = len36(x);
  let v = x;
  for (let p = at + n - 1; p >= at; p--) {
    out[p] = B36[v % 36]!;
    v = Math.floor(v / 36);
  }
  return at + n;
}

type Group = { key: [number, string, number]; rows: number; qtyChars: number; candChars: number };

/** A row the ledger bills: this period's or a late one, an hour with a fee. */
export const isBilled = (kind: "hours" | "benefits", b: RowBlock | RowView, o: number): boolean => {
  const st = b.u8[o + R.status]!;
  if (st !== S_INCLUDED && st !== S_ADJUSTMENT) return false;
  return kind === "benefits" || b.i16[(o + R.rate) >> 1]! >= 0;
};

/** Typed views of rows, as a block of the store or a merged chunk gives them. */
export type RowView = { readonly u8: Uint8Array; readonly u16: Uint16Array; readonly i16: Int16Array; readonly u32: Uint32Array; readonly i32: Int32Array; readonly f64: Float64Array };

/**
 * The billed columns' tables and layout (their first pass): partners, prices,
 * candidates and groups in order of first appearance, each group's row count
 * and widths. Fed the billed rows in input order — by the streaming close as
 * it merges (a row whose status waits for the second pass and then turns out
 * billed makes the order unsure: `unsure()`, and the writer reads the store
 * again), or by the writer from the store.
 */
export class BilledTables {
  readonly partners: string[] = [];
  readonly partnerOf: Int32Array;
  readonly prices: PriceEntry[] = [];
  private readonly priceIndex = new Map<string, number>();
  private readonly rateTexts: string[] = [];
  private readonly shareTexts: string[];
  priceOfRate = new Int32Array(16).fill(-1);
  readonly priceOfType: Int32Array;
  readonly candidates: string[] = [];
  candOf = new Int32Array(1024).fill(-1);
  readonly groups: Group[] = [];
  /** Group of (partner, price, day): per (partner, price), a window of days that grows as rows need. */
  private readonly groupOf: { lo: number; g: Int32Array }[][] = [];
  total = 0;
  private sure = true;

  constructor(
    private readonly store: RowStore,
    private readonly config: { readonly necPartners: readonly string[]; readonly benefitTypes: readonly string[] },
    shares: readonly Dec[],
  ) {
    this.partnerOf = new Int32Array(config.necPartners.length).fill(-1);
    this.priceOfType = new Int32Array(Math.max(1, config.benefitTypes.length)).fill(-1);
    this.shareTexts = shares.map(fmtDecimal);
  }

  /** A row whose billing was only settled after the rows after it were taken: the order of first appearance may differ. */
  unsure(): void {
    this.sure = false;
  }

  get isSure(): boolean {
    return this.sure;
  }

  private price(key: string, entry: PriceEntry): number {
    let i = this.priceIndex.get(key);
    if (i === undefined) {
      i = this.prices.push(entry) - 1;
      this.priceIndex.set(key, i);
    }
    return i;
  }

  /** The price index of a billed row (its rate or its benefit type). */
  priceOf(kind: "hours" | "benefits", b: RowBlock | RowView, o: number): number {
    if (kind === "hours") {
      const r = b.i16[(o + R.rate) >> 1]!;
      if (r >= this.priceOfRate.length) {
        const next = new Int32Array(Math.max(r + 1, this.priceOfRate.length * 2)).fill(-1);
        next.set(this.priceOfRate);
        this.priceOfRate = next;
      }
      if (this.priceOfRate[r] === -1) {
        const text = (this.rateTexts[r] ??= fmtDecimal(this.store.rates[r]!));
        this.priceOfRate[r] = this.price(`h\u0000${text}`, ["h", text]);
      }
      return this.priceOfRate[r]!;
    }
    const t = b.u8[o + R.type]!;
    if (this.priceOfType[t] === -1) this.priceOfType[t] = this.price(`b\u0000${this.config.benefitTypes[t]}\u0000${this.shareTexts[t]}`, ["b", this.config.benefitTypes[t]!, this.shareTexts[t]!]);
    return this.priceOfType[t]!;
  }

  /** Take row `o` if it is billed (rows in input order: hours, then benefits). */
  add(kind: "hours" | "benefits", b: RowBlock | RowView, o: number): void {
    if (!isBilled(kind, b, o)) return;
    this.total++;
    const nec = b.u16[(o + R.nec) >> 1]!;
    if (this.partnerOf[nec] === -1) this.partnerOf[nec] = this.partners.push(this.config.necPartners[nec]!) - 1;
    const p = this.partnerOf[nec]!;
    const pr = this.priceOf(kind, b, o);
    const day = b.i32[(o + R.day) >> 2]!;
    const byPrice = (this.groupOf[p] ??= []);
    let w = byPrice[pr];
    if (w === undefined || day < w.lo || day >= w.lo + w.g.length) w = byPrice[pr] = widen(w, day);
    let g = w.g[day - w.lo]!;
    if (g === -1) {
      g = this.groups.push({ key: [p, isoOfDay(day), pr], rows: 0, qtyChars: 0, candChars: 0 }) - 1;
      w.g[day - w.lo] = g;
    }
    const c = b.u32[(o + R.cand) >> 2]!;
    if (c >= this.candOf.length) {
      const next = new Int32Array(Math.max(c + 1, this.candOf.length * 2)).fill(-1);
      next.set(this.candOf);
      this.candOf = next;
    }
    if (this.candOf[c] === -1) this.candOf[c] = this.candidates.push(this.store.candidates[c]!) - 1;
    const grp = this.groups[g]!;
    grp.rows++;
    grp.qtyChars += ((b.u8[o + R.flags]! & F_BIG) !== 0 ? Buffer.byteLength(bigText(this.store, b, o)) : scaledLength(b.f64[(o + R.m) >> 3]!, b.u8[o + R.s]!)) + 1;
    grp.candChars += len36(this.candOf[c]!) + 1;
  }
}

/**
 * The billed rows that repeat an identical row before them (index among the
 * billed rows, occurrence), as two typed arrays, not a pair object each (an
 * export of repeated rows holds millions); written out as canonical JSON
 * `[[row,k],…]` in row order.
 */
class OccList {
  private rows = new Float64Array(1024);
  private ks = new Float64Array(1024);
  n = 0;
  push(row: number, k: number): void {
    if (this.n === this.rows.length) {
      const r = new Float64Array(this.n * 2);
      r.set(this.rows);
      this.rows = r;
      const q = new Float64Array(this.n * 2);
      q.set(this.ks);
      this.ks = q;
    }
    this.rows[this.n] = row;
    this.ks[this.n++] = k;
  }
  /** Write the list, sorted by row, as canonical JSON to `path`; returns its byte length. */
  writeJson(path: string): number {
    const n = this.n;
    // one sortable number per entry: row × 2^21 + occurrence (rows below 2^32; an occurrence past 2^21 sorts as pairs)
    const SHIFT = 2 ** 21;
    let keys: Float64Array | undefined = new Float64Array(n);
    for (let i = 0; i < n && keys; i++) {
      if (this.ks[i]! >= SHIFT || this.rows[i]! >= 2 ** 32) keys = undefined;
      else keys[i] = this.rows[i]! * SHIFT + this.ks[i]!;
    }
    keys?.sort();
    const pairs = keys ? [] : Array.from({ length: n }, (_, i): [number, number] => [this.rows[i]!, this.ks[i]!]).sort((x, y) => x[0] - y[0]);
    const fd = openSync(path, "w");
    let total = 0;
    try {
      const out = Buffer.allocUnsafe(1 << 16);
      let at = 0;
      const flush = (): void => {
        writeSync(fd, out, 0, at);
        total += at;
        at = 0;
      };
      out[at++] = 91;
      for (let j = 0; j < n; j++) {
        const row = keys ? Math.floor(keys[j]! / SHIFT) : pairs[j]![0];
        const k = keys ? keys[j]! % SHIFT : pairs[j]![1];
        if (at > out.length - 64) flush();
        if (j > 0) out[at++] = 44;
        at += out.write(`[${row},${k}]`, at, "latin1");
      }
      out[at++] = 93;
      flush();
    } finally {
      closeSync(fd);
    }
    return total;
  }
}

/** A window of days (group indexes, -1 for none) widened to hold `day`: twice as wide, or from 512 days around it. */
function widen(w: { lo: number; g: Int32Array } | undefined, day: number): { lo: number; g: Int32Array } {
  if (w === undefined) return { lo: day - 256, g: new Int32Array(512).fill(-1) };
  let lo = w.lo;
  let len = w.g.length;
  while (day < lo || day >= lo + len) {
    if (day < lo) lo -= len;
    len *= 2;
  }
  const g = new Int32Array(len).fill(-1);
  g.set(w.g, w.lo - lo);
  return { lo, g };
}

/** A big quantity's text as fmtDecimal writes it. */
function bigText(store: RowStore, b: RowBlock | RowView, o: number): string {
  const raw = store.texts(b.u32[(o + R.text) >> 2]!).big!;
  return raw === "-0" ? "0" : raw;
}

/**
 * Write the billed columns of `store` into files of the store's folder;
 * returns their canonical JSON as parts, and the row count. `taken`: the
 * tables as the close took them while merging, when sure; else the store is
 * read once more for them.
 */
export function writeBilledColumns(
  store: RowStore,
  config: { readonly necPartners: readonly string[]; readonly benefitTypes: readonly string[] },
  shares: readonly Dec[],
  taken?: BilledTables,
): { parts: BilledPart[]; rows: number } {
  let tables = taken;
  if (tables === undefined || !tables.isSure) {
    const t = new BilledTables(store, config, shares);
    for (const kind of ["hours", "benefits"] as const) {
      store.forEachBlock(kind, (b) => {
        for (let i = 0; i < b.n; i++) t.add(kind, b, i * ROW_BYTES);
      });
    }
    tables = t;
  }
  const { partners, prices, candidates, groups, candOf, total } = tables;
  // group of (partner, price, day): a table over the days the rows span, so the fill pass finds it by index
  const { minDay, maxDay } = store;
  const span = maxDay >= minDay ? maxDay - minDay + 1 : 1;
  const priceSlots = Math.max(1, prices.length);
  const groupTable = new Int32Array(Math.max(1, partners.length * priceSlots * span)).fill(-1);
  const dayOf = new Map<string, number>();
  for (const [g, grp] of groups.entries()) {
    const [p, date, pr] = grp.key;
    let day = dayOf.get(date);
    if (day === undefined) dayOf.set(date, (day = dayNumber(date)));
    groupTable[(p * priceSlots + pr) * span + (day - minDay)] = g;
  }
  const partnerOf = tables.partnerOf;
  // every billed row's price was indexed when the tables were taken: plain lookups from here
  const { priceOfRate, priceOfType } = tables;
  const priceOf = (kind: "hours" | "benefits", b: RowBlock, o: number): number => (kind === "hours" ? priceOfRate[b.i16[(o + R.rate) >> 1]!]! : priceOfType[b.u8[o + R.type]!]!);
  const billed = isBilled;

  // Where each group's rows go in each column.
  const n = groups.length;
  const rowAt = new Float64Array(n);
  const qtyAt = new Float64Array(n);
  const candAt = new Float64Array(n);
  let rows = 0, qty = 0, cand = 0;
  for (let g = 0; g < n; g++) {
    rowAt[g] = rows;
    qtyAt[g] = qty;
    candAt[g] = cand;
    rows += groups[g]!.rows;
    qty += groups[g]!.qtyChars;
    cand += groups[g]!.candChars;
  }
  const fds = { fp: openSync(join(store.dir, "billed-fp.txt"), "w+"), qty: openSync(join(store.dir, "billed-qty.txt"), "w+"), cand: openSync(join(store.dir, "billed-cand.txt"), "w+") };
  const occ = new OccList();
  const bytesOf = (g: number): number => groups[g]!.rows * FP_CHARS + groups[g]!.qtyChars + groups[g]!.candChars;
  // Batches of groups whose columns fit in the buffer (a group larger than it is a batch of its own).
  let buf = Buffer.allocUnsafe(0);
  const cursor = new Float64Array(n * 3);
  const seen = new Float64Array(n);
  for (let g0 = 0; g0 < n; ) {
    let g1 = g0;
    let size = 0;
    while (g1 < n && (g1 === g0 || size + bytesOf(g1) <= BATCH_BYTES)) size += bytesOf(g1++);
    if (buf.length < size) buf = Buffer.allocUnsafe(Math.max(size, Math.min(BATCH_BYTES, 1 << 20)));
    // regions in the buffer: fp, then qty, then cand, each in group order
    const fpBase = 0;
    const qtyBase = rowAt[g1 - 1]! + groups[g1 - 1]!.rows - rowAt[g0]!;
    const qtyLen = (g1 < n ? qtyAt[g1]! : qty) - qtyAt[g0]!;
    const candLen = (g1 < n ? candAt[g1]! : cand) - candAt[g0]!;
    const fpLen = qtyBase * FP_CHARS;
    for (let g = g0; g < g1; g++) {
      cursor[g * 3] = fpBase + (rowAt[g]! - rowAt[g0]!) * FP_CHARS;
      cursor[g * 3 + 1] = fpLen + (qtyAt[g]! - qtyAt[g0]!);
      cursor[g * 3 + 2] = fpLen + qtyLen + (candAt[g]! - candAt[g0]!);
    }
    for (const kind of ["hours", "benefits"] as const) {
      store.forEachBlock(kind, (b) => {
        for (let i = 0; i < b.n; i++) {
          const o = i * ROW_BYTES;
          if (!billed(kind, b, o)) continue;
          const g = groupTable[(partnerOf[b.u16[(o + R.nec) >> 1]!]! * priceSlots + priceOf(kind, b, o)) * span + (b.i32[(o + R.day) >> 2]! - minDay)]!;
          if (g < g0 || g >= g1) continue;
          const k = b.u32[(o + R.occ) >> 2]!;
          if (k !== 0) occ.push(rowAt[g]! + seen[g]!, k);
          seen[g] = seen[g]! + 1;
          // fingerprint: 16 bytes as 22 base64url characters
          let w = cursor[g * 3]!;
          for (let j = 0; j < 15; j += 3) {
            const v = (b.u8[o + j]! << 16) | (b.u8[o + j + 1]! << 8) | b.u8[o + j + 2]!;
            buf[w++] = B64URL[(v >> 18) & 63]!;
            buf[w++] = B64URL[(v >> 12) & 63]!;
            buf[w++] = B64URL[(v >> 6) & 63]!;
            buf[w++] = B64URL[v & 63]!;
          }
          buf[w++] = B64URL[b.u8[o + 15]! >> 2]!;
          buf[w++] = B64URL[(b.u8[o + 15]! & 3) << 4]!;
          cursor[g * 3] = w;
          let q = cursor[g * 3 + 1]!;
          q = (b.u8[o + R.flags]! & F_BIG) !== 0 ? q + buf.write(bigText(store, b, o), q, "latin1") : writeScaled(buf, q, b.f64[(o + R.m) >> 3]!, b.u8[o + R.s]!);
          buf[q++] = 32;
          cursor[g * 3 + 1] = q;
          let c = write36(buf, cursor[g * 3 + 2]!, candOf[b.u32[(o + R.cand) >> 2]!]!);
          buf[c++] = 32;
          cursor[g * 3 + 2] = c;
        }
      });
    }
    writeSync(fds.fp, buf, 0, fpLen, rowAt[g0]! * FP_CHARS);
    writeSync(fds.qty, buf, fpLen, qtyLen, qtyAt[g0]!);
    writeSync(fds.cand, buf, fpLen + qtyLen, candLen, candAt[g0]!);
    g0 = g1;
  }
  for (const fd of Object.values(fds)) closeSync(fd);
  const occPath = join(store.dir, "billed-occ.txt");
  const occBytes = occ.writeJson(occPath);
  // The columns as canonical JSON (keys sorted: cand, candidates, fp, groups, occ, partners, prices, qty),
  // as parts: texts and ranges of the column files, streamed into the ledger without one more copy.
  const parts: BilledPart[] = [
    '{"cand":"',
    { path: join(store.dir, "billed-cand.txt"), bytes: Math.max(0, cand - 1) }, // the last separator is not written
    `","candidates":${canonicalJson(candidates)},"fp":"`,
    { path: join(store.dir, "billed-fp.txt"), bytes: rows * FP_CHARS },
    `","groups":${canonicalJson(groups.map((g) => [...g.key, g.rows]))},"occ":`,
    { path: occPath, bytes: occBytes },
    `,"partners":${canonicalJson(partners)},"prices":${canonicalJson(prices)},"qty":"`,
    { path: join(store.dir, "billed-qty.txt"), bytes: Math.max(0, qty - 1) },
    '"}',
  ];
  return { parts, rows: total };
}
