// Exact sums of decimal quantities on the hot path (issue 15): each value
// comes in as a scaled integer (mantissa × 10^-scale, the mantissa a safe
// integer), summed per scale in plain numbers while the sum stays a safe
// integer; decimal.js only takes over when a sum would leave that range, for
// a value that does not fit, and once at the end. The result equals the
// decimal.js sum of the same values. Pure.
import { D, ZERO, type Dec } from "./money.js";

/** Scales kept as plain numbers (hours with up to 6 decimals, cents); more decimals go through decimal.js. */
export const FAST_SCALES = 7;

const POW10 = Array.from({ length: FAST_SCALES }, (_, s) => new D(10).pow(s));

/** A decimal value as a scaled integer, or undefined when it does not fit (too many digits or decimals). */
export function scaledOf(x: Dec): { m: number; s: number } | undefined {
  const s = x.decimalPlaces();
  if (s >= FAST_SCALES) return undefined;
  const m = Number(x.times(POW10[s]!).toFixed(0));
  return Number.isSafeInteger(m) ? { m, s } : undefined;
}

/** Exact decimal text of m × 10^-s, without trailing zeros (what fmtDecimal writes for that value). */
export function scaledText(m: number, s: number): string {
  if (s === 0) return m === 0 ? "0" : String(m);
  const neg = m < 0;
  const digits = String(neg ? -m : m).padStart(s + 1, "0");
  const int = digits.slice(0, digits.length - s);
  const frac = digits.slice(digits.length - s).replace(/0+$/, "");
  const t = frac === "" ? int : `${int}.${frac}`;
  return neg && t !== "0" ? `-${t}` : t;
}

export class ExactSum {
  private ints: Float64Array | undefined;
  private big: Dec | undefined;

  /** Add mantissa × 10^-scale; `m` a safe integer, 0 ≤ scale < FAST_SCALES. */
  add(m: number, s: number): void {
    const ints = (this.ints ??= new Float64Array(FAST_SCALES));
    const v = ints[s]! + m;
    if (Number.isSafeInteger(v)) ints[s] = v;
    else {
      this.addDec(new D(ints[s]!).plus(m).div(POW10[s]!));
      ints[s] = 0;
    }
  }

  addDec(x: Dec): void {
    this.big = this.big === undefined ? x : this.big.plus(x);
  }

  /** Add another sum into this one. */
  addSum(o: ExactSum): void {
    if (o.ints) for (let s = 0; s < FAST_SCALES; s++) if (o.ints[s] !== 0) this.add(o.ints[s]!, s);
    if (o.big !== undefined) this.addDec(o.big);
  }

  value(): Dec {
    let v = this.big ?? ZERO;
    if (this.ints) for (let s = 0; s < FAST_SCALES; s++) if (this.ints[s] !== 0) v = v.plus(new D(this.ints[s]!).div(POW10[s]!));
    return v;
  }
}

/**
 * Many exact sums in flat typed arrays, by slot (0, 1, 2, …): each slot
 * behaves exactly as an ExactSum (the same scaled integers, the same change
 * to decimal.js, the same value), without an object per sum — the streaming
 * close keeps one per candidate, partner and kind of quantity, touched at
 * random by a million rows, and small flat arrays stay in the cache.
 */
export class ExactSums {
  private ints = new Float64Array(64 * FAST_SCALES);
  private used = new Uint8Array(64);
  private readonly big = new Map<number, Dec>();

  private ensure(slot: number): void {
    if (slot < this.used.length) return;
    let n = this.used.length * 2;
    while (n <= slot) n *= 2;
    const ints = new Float64Array(n * FAST_SCALES);
    ints.set(this.ints);
    this.ints = ints;
    const used = new Uint8Array(n);
    used.set(this.used);
    this.used = used;
  }

  /** Add mantissa × 10^-scale to a slot; `m` a safe integer, 0 ≤ scale < FAST_SCALES. */
  add(slot: number, m: number, s: number): void {
    this.ensure(slot);
    this.used[slot] = 1;
    const i = slot * FAST_SCALES + s;
    const v = this.ints[i]! + m;
    if (Number.isSafeInteger(v)) this.ints[i] = v;
    else {
      this.addDec(slot, new D(this.ints[i]!).plus(m).div(POW10[s]!));
      this.ints[i] = 0;
    }
  }

  addDec(slot: number, x: Dec): void {
    this.ensure(slot);
    this.used[slot] = 1;
    const b = this.big.get(slot);
    this.big.set(slot, b === undefined ? x : b.plus(x));
  }

  /** Whether anything was added to the slot (an ExactSum exists). */
  has(slot: number): boolean {
    return slot < this.used.length && this.used[slot] === 1;
  }

  /** The slot's sum, as ExactSum.value computes it. */
  value(slot: number): Dec {
    let v = this.big.get(slot) ?? ZERO;
    if (slot >= this.used.length) return v;
    for (let s = 0; s < FAST_SCALES; s++) {
      const x = this.ints[slot * FAST_SCALES + s]!;
      if (x !== 0) v = v.plus(new D(x).div(POW10[s]!));
    }
    return v;
  }
}
