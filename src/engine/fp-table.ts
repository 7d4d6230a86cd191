// Fingerprints as keys (issue 15): an open-addressing hash table over the 16
// raw bytes, each mapped to a small integer, in typed arrays (no string and no
// object per key). Fingerprints are SHA-256 bits, so their first word is
// already a good hash.

export class FpTable {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Int32Array(n * 4);
    this.vals = new Int32Array(n).fill(-1);
    this.mask = n - 1;
  }

  private slot(w0: number, w1: number, w2: number, w3: number): number {
    let i = w0 & this.mask;
    for (;;) {
      if (this.vals[i] === -1) return i;
      const k = i * 4;
      if (this.keys[k] === w0 && this.keys[k + 1] === w1 && this.keys[k + 2] === w2 && this.keys[k + 3] === w3) return i;
      i = (i + 1) & this.mask;
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
    if (this.size * 2 > this.vals.length) this.grow();
  }

  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    const n = vals.length * 2;
    this.keys = new Int32Array(n * 4);
    this.vals = new Int32Array(n).fill(-1);
    this.mask = n - 1;
    for (let i = 0; i < vals.length; i++) {
      if (vals[i] === -1) continue;
      const k = i * 4;
      const j = this.slot(keys[k]!, keys[k + 1]!, keys[k + 2]!, keys[k + 3]!);
      this.keys.set(keys.subarray(k, k + 4), j * 4);
      this.vals[j] = vals[i]!;
    }
  }
}

/** Fingerprint bytes from 32 hex characters (ledger ids) into `u8[at..at+16)`. */
export function hexInto(hex: string, u8: Uint8Array, at: number): void {
  for (let k = 0; k < 16; k++) u8[at + k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
}
