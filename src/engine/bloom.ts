// A Bloom filter over fingerprints (issue 15): "certainly not seen" in
// ten bits a row, so the streaming close can tell most rows' occurrence
// (identical rows in one export, the same row in two exports) without keeping
// every fingerprint; rows it flags as maybe seen are settled exactly in a
// second pass over the row store. Probes come from the fingerprint's own bits.

import { scaleOnto } from "./fp-table.js";

const PROBES = 7;
/** Words of a block: 512 bits, one cache line. Every probe of a key falls in one block. */
const BLOCK = 16;

/** Bits per expected key: about 1% false "maybe" with seven probes in a block. */
const BITS_PER_KEY = 10;

export class Bloom {
  private readonly bits: Uint32Array;
  private readonly blocks: number;

  /**
   * Sized for `expected` keys at ten bits each, in blocks of one cache line:
   * a key's seven probes cost one memory access, not seven (about 1% false
   * "maybe", which the second pass settles). Any number of blocks (the first
   * word is scaled onto them): rounding up to a power of two made the filter
   * of a 5M-row year 10 MB instead of 6 (issue 15: memory from 1M to 5M rows).
   */
  constructor(expected: number) {
    this.blocks = Math.max(1, Math.ceil((Math.max(expected, 8) * BITS_PER_KEY) / 512));
    this.bits = new Uint32Array(this.blocks * BLOCK);
  }

  /** Bytes of the filter's bits. */
  get byteLength(): number {
    return this.bits.byteLength;
  }

  /** Whether the fingerprint at `u32[at..]` may have been added; then adds it. */
  testAndAdd(u32: Int32Array | Uint32Array, at: number): boolean {
    const base = scaleOnto(u32[at]!, this.blocks) * BLOCK;
    // seven 9-bit probes inside the block, from the fingerprint's other words (three, three and one)
    const a = u32[at + 1]! >>> 0;
    const b = u32[at + 2]! >>> 0;
    const c = u32[at + 3]! >>> 0;
    let seen = true;
    for (let i = 0; i < PROBES; i++) {
      const bit = i < 3 ? (a >>> (i * 9)) & 511 : i < 6 ? (b >>> ((i - 3) * 9)) & 511 : c & 511;
      const w = base + (bit >>> 5);
      const m = 1 << (bit & 31);
      if ((this.bits[w]! & m) === 0) {
        seen = false;
        this.bits[w] = this.bits[w]! | m;
      }
    }
    return seen;
  }
}
