// Exact sums on the hot path (domain/exact-sum.ts): an ExactSum, and every
// slot of an ExactSums, equals the decimal.js sum of the same values —
// including sums that leave the safe-integer range and values given as
// Decimals — and the two agree with each other value for value.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { ExactSum, ExactSums, FAST_SCALES } from "../../src/domain/exact-sum.js";
import { D, ZERO } from "../../src/domain/money.js";

const value = fc.oneof(
  { weight: 8, arbitrary: fc.record({ m: fc.integer({ min: -1_000_000, max: 1_000_000 }), s: fc.integer({ min: 0, max: FAST_SCALES - 1 }) }) },
  // mantissas near the safe-integer limit: the sum leaves it and decimal.js takes over
  { weight: 2, arbitrary: fc.record({ m: fc.oneof(fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-Number.MAX_SAFE_INTEGER), fc.integer({ min: 2 ** 52, max: 2 ** 53 - 1 })), s: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.stringMatching(/^-?[0-9]{1,25}\.[0-9]{1,9}$/).map((t) => ({ big: t })) },
);
const entry = fc.record({ slot: fc.integer({ min: 0, max: 300 }), v: value });

test.prop([fc.array(entry, { maxLength: 200 })], { numRuns: 300 })("every slot is the exact decimal sum of its values, as an ExactSum of them", (entries) => {
  const sums = new ExactSums();
  const one = new Map<number, ExactSum>();
  const want = new Map<number, InstanceType<typeof D>>();
  for (const { slot, v } of entries) {
    const sum = one.get(slot) ?? one.set(slot, new ExactSum()).get(slot)!;
    if ("big" in v) {
      const d = new D(v.big);
      sums.addDec(slot, d);
      sum.addDec(d);
      want.set(slot, (want.get(slot) ?? ZERO).plus(d));
    } else {
      sums.add(slot, v.m, v.s);
      sum.add(v.m, v.s);
      want.set(slot, (want.get(slot) ?? ZERO).plus(new D(v.m).div(new D(10).pow(v.s))));
    }
  }
  for (let slot = 0; slot <= 300; slot++) {
    expect(sums.has(slot)).toBe(one.has(slot));
    if (!one.has(slot)) continue;
    expect(sums.value(slot).toFixed()).toBe(one.get(slot)!.value().toFixed());
    expect(sums.value(slot).eq(want.get(slot)!)).toBe(true);
  }
});
