import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { allocate, dec, fmtMoney, roundMoney, splitEqually, sum, D } from "../../src/domain/money.js";

describe("roundMoney", () => {
  it("rounds half away from zero, exactly", () => {
    expect(fmtMoney(roundMoney(dec("53325.685"), "half-away-from-zero"))).toBe("53325.69");
    expect(fmtMoney(roundMoney(dec("-2.675"), "half-away-from-zero"))).toBe("-2.68");
    expect(fmtMoney(roundMoney(dec("2.665"), "half-even"))).toBe("2.66");
  });
});

describe("splitEqually", () => {
  it("gives leftover cents to the first partners in config order", () => {
    expect(splitEqually(dec("100.02"), 4).map(fmtMoney)).toEqual(["25.01", "25.01", "25.00", "25.00"]);
  });
  it("splits a negative total the same way, negated", () => {
    expect(splitEqually(dec("-100.00"), 3).map(fmtMoney)).toEqual(["-33.34", "-33.33", "-33.33"]);
  });
  test.prop([fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 1, max: 12 })])(
    "parts sum exactly to the total and differ by at most a cent",
    (cents, n) => {
      const total = new D(cents.toString()).div(100);
      const parts = splitEqually(total, n);
      expect(sum(parts).equals(total)).toBe(true);
      const hi = parts.reduce((a, b) => (a.greaterThan(b) ? a : b));
      const lo = parts.reduce((a, b) => (a.lessThan(b) ? a : b));
      expect(hi.minus(lo).lessThanOrEqualTo("0.01")).toBe(true);
    },
  );
});

describe("allocate", () => {
  it("gives the odd cent to the largest remainder, not the largest weight", () => {
    expect(allocate(dec("0.07"), [dec(45), dec(35), dec(20)]).map(fmtMoney)).toEqual(["0.03", "0.03", "0.01"]);
  });
  test.prop([
    fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
  ])("parts sum exactly and each is within a cent of its exact share", (cents, ws) => {
    const total = new D(cents.toString()).div(100);
    const weights = ws.map((w) => new D(w).div(100));
    const parts = allocate(total, weights);
    expect(sum(parts).equals(total)).toBe(true);
    const wsum = sum(weights);
    parts.forEach((p, i) => {
      expect(p.minus(total.times(weights[i]!).div(wsum)).abs().lessThan("0.01")).toBe(true);
    });
  });
});
