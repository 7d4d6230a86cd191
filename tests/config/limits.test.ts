// The stated limits (README "Limits"), exactly at their edges.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { D } from "../../src/domain/money.js";
import { AMOUNT, HOURS_PER_ROW, magnitudeProblem, numberTextProblem, precisionProblem } from "../../src/schema/limits.js";
import { render } from "../../src/i18n/render.js";

describe("limits", () => {
  it("amounts are below 10^12, hours at most 10,000, in absolute value", () => {
    expect(magnitudeProblem(new D("999999999999.99"), AMOUNT)).toBeUndefined();
    expect(magnitudeProblem(new D("-999999999999.99"), AMOUNT)).toBeUndefined();
    expect(render(magnitudeProblem(new D("1000000000000"), AMOUNT)!, "en")).toBe("too large: an amount must be below 1,000,000,000,000 (in absolute value)");
    expect(magnitudeProblem(new D("10000"), HOURS_PER_ROW)).toBeUndefined();
    expect(render(magnitudeProblem(new D("-10000.01"), HOURS_PER_ROW)!, "en")).toBe("too large: at most 10,000 hours on one row");
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])("the fast path agrees with an exact comparison", (x) => {
    const d = new D(x);
    expect(magnitudeProblem(d, HOURS_PER_ROW) === undefined).toBe(d.abs().lessThanOrEqualTo(10000));
    expect(magnitudeProblem(d, AMOUNT) === undefined).toBe(d.abs().lessThan("1e12"));
  });

  it("a number has at most 15 significant digits (what a spreadsheet keeps); leading and trailing zeros do not count", () => {
    for (const ok of ["123456789012345", "9999.99999999999", "0.000000000000000000001", "1000000000000000000", "7.50000000000000000", "-12345678901234.5"]) {
      expect(precisionProblem(new D(ok)), ok).toBeUndefined();
    }
    expect(render(precisionProblem(new D("1234567890123456"))!, "en")).toBe("too many digits: 16 significant digits, a spreadsheet keeps 15");
    expect(render(precisionProblem(new D("2.0019999999999999999"))!, "en")).toBe("too many digits: 20 significant digits, a spreadsheet keeps 15");
  });

  test.prop([fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 25 })])("the fast path agrees with counting the digits", (n, k) => {
    const d = new D(n.toString()).div(new D(10).pow(k));
    const digits = n === 0n ? 0 : n.toString().replace("-", "").replace(/0+$/, "").length;
    expect(precisionProblem(d) === undefined).toBe(digits <= 15);
  });

  it("a number is at most 32 characters before it is parsed", () => {
    expect(numberTextProblem("1".repeat(32))).toBeUndefined();
    expect(render(numberTextProblem("1".repeat(33))!, "en")).toBe("too long for a number (33 characters, at most 32)");
  });
});
