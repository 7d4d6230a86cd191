// Fingerprints as keys (issue 15): an open-addressing hash table over the 16
// raw bytes, each mapped to a small integer, in typed arrays (no string and no
// object per key); and a plain list of them, for the streaming close's flagged
// rows. Fingerprints are SHA-256 bits, so their first word is already a good
// hash.

/**
 * A fingerprint word scaled onto 0..n-1 (multiply and shift: no division, any
 * n): the table's slot, the Bloom filter's block (bloom.ts) and a part (partOf)
 * all spread keys this way. The words are SHA-256 bits, already uniform.
 */
export const scaleOnto = (w: number, n: number): number => Math.floor((w >>> 0) * n * 2.3283064365386963e-10);

/** Largest share of a table's slots in use: above it, lookups of absent keys (most of them) probe long runs. */
const MAX_LOAD = 0.6;

export class FpTable {
  private keys: Int32Array;
  private vals: Int32Array;
  /** Slots: any count (the first word is scaled onto them), so a table sized for its keys wastes no power of two. */
  private n: number;
  size = 0;

  /** A table for about `capacity` keys; it grows past that. */
  constructor(capacity = 1024) {
    this.n = Math.max(16, Math.ceil(capacity / MAX_LOAD));
    this.keys = new Int32Array(this.n * 4);
    this.vals = new Int32Array(this.n).fill(-1);
  }

  private slot(w0: number, w1: number, w2: number, w3: number): number {
    let i = scaleOnto(w0, this.n);
    for (;;) {
      if (this.vals[i] === -1) return i;
      const k = i * 4;
      if (this.keys[k] === w0 && this.keys[k + 1] === w1 && this.keys[k + 2] === w2 && this.keys[k + 3] === w3) return i;
      i = i + 1 === this.n ? 0 : i + 1;
    }
  }

  /** The value stored for the fingerprint at `u32[at..at+4)` (at in 32-bit words), or -1. */
  get(u32: Int32Array | Uint32Array, at: number): number {
    return this.vals[this.slot(u32[at]! | 0, u32[at + 1]! | 0, u32[at + 2]! | 0, u32[at + 3]! | 0)]!;
  }

  /** Store a value (≥ 0) for the fingerprint at `u32[at..at+4)`. */
  set(u32: Int32Array | Uint32Array, at: number, value: number): void {
    const w0 = u32[at]! | 0, w1 = u32[at + 1]! | 0, w2 = u32[at + 2]! | 0, w3 = u32[at + 3]! | 0;
    const i = this.slot(w0, w1, w2, w3);
    if (this.vals[i] === -1) {
      this.size++;
      const k = i * 4;
      this.keys[k] = w0;
      this.keys[k + 1] = w1;
      this.keys[k + 2] = w2;
      this.keys[k + 3] = w3;
    }
    this.vals[i] = value;
    if (this.size > this.n * MAX_LOAD) this.grow();
  }

  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.n = vals.length * 2;
    this.keys = new Int32Array(this.n * 4);
    this.vals = new Int32Array(this.n).fill(-1);
    for (let i = 0; i < vals.length; i++) {
      if (vals[i] === -1) continue;
      const k = i * 4;
      const j = this.slot(keys[k]!, keys[k + 1]!, keys[k + 2]!, keys[k + 3]!);
      this.keys.set(keys.subarray(k, k + 4), j * 4);
      this.vals[j] = vals[i]!;
    }
  }
}

/** Entries past which a list gives up (FpList.overflowed): 4 MB of fingerprints. */
const LIST_CAP = 1 << 18;

/**
 * Fingerprints in the order they were first added, 16 bytes each, repeats
 * mostly kept: the rows a close flags while it reads, as a list rather than a
 * table (a table sized as it grows holds two to four times the bytes, and the
 * reading is when memory peaks). A small cache drops a fingerprint added again
 * soon after (runs of one repeated row). Past `cap` entries the list lets its
 * fingerprints go and takes no more (`overflowed`): the rows themselves are
 * marked (row-layout.ts F_FLAGGED), and the close collects them from its row
 * store after the reading, when the reading's memory is free (issue 15: a
 * list that grew with the rows set the 5M-row close's peak). table() makes
 * the table of the distinct ones, each valued by the order of its first
 * addition.
 */
export class FpList {
  private words = new Int32Array(4 * 1024);
  /** Fingerprints held (repeats included, less those the cache dropped). */
  length = 0;
  overflowed = false;
  /** Per cache slot (by a fingerprint's first word): the list index of the last one added there, or -1. */
  private readonly recent = new Int32Array(4096).fill(-1);

  /** `cap`: entries before the list overflows (tests lower it; Infinity: never). */
  constructor(private readonly cap = LIST_CAP) {}

  add(u32: Int32Array | Uint32Array, at: number): void {
    if (this.overflowed) return;
    const w0 = u32[at]! | 0, w1 = u32[at + 1]! | 0, w2 = u32[at + 2]! | 0, w3 = u32[at + 3]! | 0;
    const c = w0 & 4095;
    const r = this.recent[c]!;
    if (r >= 0) {
      const k = r * 4;
      if (this.words[k] === w0 && this.words[k + 1] === w1 && this.words[k + 2] === w2 && this.words[k + 3] === w3) return;
    }
    if (this.length >= this.cap) {
      this.overflowed = true;
      this.words = new Int32Array(0);
      this.length = 0;
      return;
    }
    if ((this.length + 1) * 4 > this.words.length) {
      const next = new Int32Array(Math.ceil((this.words.length * 1.5) / 4) * 4);
      next.set(this.words);
      this.words = next;
    }
    const k = this.length * 4;
    this.words[k] = w0;
    this.words[k + 1] = w1;
    this.words[k + 2] = w2;
    this.words[k + 3] = w3;
    this.recent[c] = this.length++;
  }

  /** Drop the repeats in place: the first addition of each stays, in order. */
  distinct(): void {
    const t = new FpTable(this.length);
    let out = 0;
    for (let i = 0; i < this.length; i++) {
      if (t.get(this.words, i * 4) >= 0) continue;
      t.set(this.words, i * 4, out);
      this.words.copyWithin(out * 4, i * 4, i * 4 + 4);
      out++;
    }
    this.length = out;
    this.recent.fill(-1);
  }

  /**
   * The distinct fingerprints as a table, each valued 0, 1, 2… in the order of
   * its first addition; with `part`, only those of that part (partOf).
   */
  table(part: Part = WHOLE): FpTable {
    let keys = this.length;
    if (part.of > 1) {
      keys = 0;
      for (let i = 0; i < this.length; i++) if (partOf(this.words[i * 4 + 3]!, part.of) === part.index) keys++;
    }
    const t = new FpTable(keys);
    for (let i = 0; i < this.length; i++) {
      if (part.of > 1 && partOf(this.words[i * 4 + 3]!, part.of) !== part.index) continue;
      if (t.get(this.words, i * 4) < 0) t.set(this.words, i * 4, t.size);
    }
    return t;
  }
}

/** One of `of` parts of the fingerprints (partOf), `index` from 0. */
export type Part = { readonly index: number; readonly of: number };
export const WHOLE: Part = { index: 0, of: 1 };

/**
 * Which of `of` parts a fingerprint falls in, by its last word (`w3`): the
 * tables place keys by the first, so a part's keys still spread over all its
 * table's slots.
 */
export const partOf = (w3: number, of: number): number => scaleOnto(w3, of);

/** Fingerprint bytes from 32 hex characters (ledger ids) into `u8[at..at+16)`. */
export function hexInto(hex: string, u8: Uint8Array, at: number): void {
  for (let k = 0; k < 16; k++) u8[at + k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
}
