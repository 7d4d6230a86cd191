// The tables of a close's billed columns (issue 15): partners, prices,
// candidates and groups of (partner, date, price) in order of first
// appearance, with each group's row count and column widths — what the
// billed-column writer (billed-writer.ts) needs to place every row before it
// fills the columns. Taken as the streaming close merges rows, or from the
// row store.
import { S_ADJUSTMENT, S_INCLUDED } from "../domain/row-totals.js";
import { fmtDecimal, type Dec } from "../domain/money.js";
import { isoOfDay } from "../domain/period.js";
import type { PriceEntry } from "../ledger/billed-rows.js";
import { FP_CHARS, len36, scaledLength } from "./billed-fill.js";
import { F_BIG, R } from "./row-layout.js";
import type { Kind, RowBlock, RowStore } from "./row-store.js";

/**
 * A cut of the billed rows in input order: the rows of the store before row
 * `pos` of `kind` (hours come before benefits), and each group's rows and column characters among those (groups made later
 * have none).
 */
export type FillSplit = { readonly kind: Kind; readonly pos: number; readonly rows: Float64Array; readonly qty: Float64Array; readonly cand: Float64Array };

export type Group = { key: [number, string, number]; rows: number; qtyChars: number; candChars: number };

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
  /** Where the fill may be cut in two (markSplit). */
  split: FillSplit | undefined;

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

  /** Bytes of the three columns' texts (fingerprints, quantities, candidates with their separators). */
  columnBytes(): number {
    let bytes = 0;
    for (const g of this.groups) bytes += g.rows * FP_CHARS + g.qtyChars + g.candChars;
    return bytes;
  }

  /**
   * Remember this point of the input (row `pos` of `kind` comes next) as
   * where the fill pass may be cut in two: each group's counts so far are
   * where the second part's rows start in it. Once; the first call holds.
   */
  markSplit(kind: Kind, pos: number): void {
    if (this.split) return;
    const n = this.groups.length;
    const rows = new Float64Array(n);
    const qty = new Float64Array(n);
    const cand = new Float64Array(n);
    for (let g = 0; g < n; g++) {
      const grp = this.groups[g]!;
      rows[g] = grp.rows;
      qty[g] = grp.qtyChars;
      cand[g] = grp.candChars;
    }
    this.split = { kind, pos, rows, qty, cand };
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
export function bigText(store: RowStore, b: RowBlock | RowView, o: number): string {
  const raw = store.texts(b.u32[(o + R.text) >> 2]!).big!;
  return raw === "-0" ? "0" : raw;
}

