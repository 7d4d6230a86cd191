// Exact money and quantities. Pure: decimal.js only.
// Every amount is a Decimal built from text (never from a JS float); rounding
// happens only through `roundMoney`, whose mode is named at every call site.
import { Decimal } from "decimal.js";

/**
 * Our own Decimal constructor, isolated from any other user of decimal.js.
 * 40 significant digits leave room for sums of a million rows times rates;
 * the default rounding is half away from zero (ROUND_HALF_UP in decimal.js terms),
 * the mode SPEC §3 prescribes, but callers still name it explicitly.
 */
export const D = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof D>;

export const ZERO: Dec = new D(0);

/** Rounding modes the model may use; named so every rounding point says which one. */
export type RoundingMode = "half-away-from-zero" | "half-even" | "down" | "up";

const MODES: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  "half-away-from-zero": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/** The model's rounding (SPEC §3: half away from zero). */
export const MODEL_ROUNDING: RoundingMode = "half-away-from-zero";

/** Round to whole cents with a named mode. */
export function roundMoney(x: Dec, mode: RoundingMode): Dec {
  return x.toDecimalPlaces(2, MODES[mode]);
}

/** Round to `dp` decimals with a named mode (for rates, hours, quantities). */
export function roundTo(x: Dec, dp: number, mode: RoundingMode): Dec {
  return x.toDecimalPlaces(dp, MODES[mode]);
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** Parse canonical decimal text ("-1234.5"); undefined when it is not one. */
export function parseDecimal(text: string): Dec | undefined {
  const t = text.trim();
  return PLAIN_DECIMAL.test(t) ? new D(t) : undefined;
}

/** Decimal from canonical text; throws on anything else (for literals in code and tests). */
export function dec(text: string | number | bigint): Dec {
  if (typeof text === "number" && !Number.isInteger(text)) {
    throw new Error(`dec(): pass decimal text, not the float ${text}`);
  }
  return new D(typeof text === "bigint" ? text.toString() : text);
}

export function sum(xs: Iterable<Dec>): Dec {
  let s = ZERO;
  for (const x of xs) s = s.plus(x);
  return s;
}

/** Money as text with exactly two decimals ("1234.50", "-0.05"). The value must already be in cents. */
export function fmtMoney(x: Dec): string {
  if (x.decimalPlaces() > 2) throw new Error(`fmtMoney: ${x.toFixed()} is not rounded to cents`);
  const s = x.toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

/** Exact decimal text without exponent or trailing zeros ("1234.5", "8"). */
export function fmtDecimal(x: Dec): string {
  const s = x.toFixed();
  return s === "-0" ? "0" : s;
}

/** Whole cents of an amount already rounded to cents. */
export function toCents(x: Dec): bigint {
  if (x.decimalPlaces() > 2) throw new Error(`toCents: ${x.toFixed()} is not rounded to cents`);
  return BigInt(x.times(100).toFixed(0));
}

export function fromCents(c: bigint): Dec {
  return new D(c.toString()).div(100);
}

export const min = (a: Dec, b: Dec): Dec => (a.lessThan(b) ? a : b);
export const max = (a: Dec, b: Dec): Dec => (a.greaterThan(b) ? a : b);

/**
 * Split `total` (in cents) over `weights` so the parts add up to `total` exactly.
 * Largest remainder (Hamilton): every part gets the floor of its exact share in
 * cents, then the leftover cents go one each to the largest remainders; ties go
 * to the earlier index (config order). A negative total is split as its absolute
 * value and negated, so -100.00 over three gives -33.34, -33.33, -33.33.
 * Weights must be non-negative and not all zero.
 */
export function allocate(total: Dec, weights: readonly Dec[]): Dec[] {
  if (weights.length === 0) throw new Error("allocate: no weights");
  if (weights.some((w) => w.isNegative())) throw new Error("allocate: negative weight");
  const weightSum = sum(weights);
  if (weightSum.isZero()) throw new Error("allocate: weights sum to zero");
  const units = toCents(total);
  const sign = units < 0n ? -1n : 1n;
  const abs = units * sign;
  // Scale weights to integers so the arithmetic below is exact.
  const dp = Math.max(...weights.map((w) => w.decimalPlaces()));
  const scale = new D(10).pow(dp);
  const ints = weights.map((w) => BigInt(w.times(scale).toFixed(0)));
  const wsum = ints.reduce((a, b) => a + b, 0n);
  const parts = ints.map((w) => (abs * w) / wsum);
  const rems = ints.map((w, i) => ({ i, r: (abs * w) % wsum }));
  let leftover = abs - parts.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (leftover === 0n) break;
    parts[i] = parts[i]! + 1n;
    leftover -= 1n;
  }
  return parts.map((p) => fromCents(p * sign));
}

/** Equal split of `total` over `n` parties (SPEC §3.5): leftover cents in order. */
export function splitEqually(total: Dec, n: number): Dec[] {
  return allocate(total, Array.from({ length: n }, () => new D(1)));
}
