// A Bloom filter over fingerprints (issue 15): "certainly not seen" in about
// ten bits a row, so the streaming close can tell most rows' occurrence
// (identical rows in one export, the same row in two exports) without keeping
// every fingerprint; rows it flags as maybe seen are settled exactly in a
// second pass over the row store. Probes come from the fingerprint's own bits.

const PROBES = 7;

export class Bloom {
  private readonly bits: Uint32Array;
  /** Bits − 1 (a power of two). */
  private readonly mask: number;

  /** Sized for `expected` keys at 8 to 16 bits each (a power of two; about 1% false "maybe"). */
  constructor(expected: number) {
    let m = 64;
    while (m < Math.max(expected, 8) * 8) m *= 2;
    this.bits = new Uint32Array(m / 32);
    this.mask = m - 1;
  }

  /** Whether the fingerprint at `u32[at..]` may have been added; then adds it. */
  testAndAdd(u32: Int32Array | Uint32Array, at: number): boolean {
    const h1 = u32[at]! >>> 0;
    const h2 = (u32[at + 1]! >>> 0) | 1;
    let seen = true;
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      const w = bit >>> 5;
      const mask = 1 << (bit & 31);
      if ((this.bits[w]! & mask) === 0) {
        seen = false;
        this.bits[w] = this.bits[w]! | mask;
      }
    }
    return seen;
  }

  test(u32: Int32Array | Uint32Array, at: number): boolean {
    const h1 = u32[at]! >>> 0;
    const h2 = (u32[at + 1]! >>> 0) | 1;
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  /** Add every key of another filter of the same size. */
  addAll(o: Bloom): void {
    for (let i = 0; i < this.bits.length; i++) this.bits[i] = this.bits[i]! | o.bits[i]!;
  }

  sameSize(o: Bloom): boolean {
    return this.mask === o.mask;
  }
}
