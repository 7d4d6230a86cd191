// The stated limits (README "Limits"), exactly at their edges.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { D } from "../../src/domain/money.js";
import { AMOUNT, HOURS_PER_ROW, magnitudeProblem, numberTextProblem } from "../../src/schema/limits.js";

describe("limits", () => {
  it("amounts are below 10^12, hours at most 10,000, in absolute value", () => {
    expect(magnitudeProblem(new D("999999999999.99"), AMOUNT)).toBeUndefined();
    expect(magnitudeProblem(new D("-999999999999.99"), AMOUNT)).toBeUndefined();
    expect(magnitudeProblem(new D("1000000000000"), AMOUNT)).toBe("too large: an amount must be below 1,000,000,000,000 (in absolute value)");
    expect(magnitudeProblem(new D("10000"), HOURS_PER_ROW)).toBeUndefined();
    expect(magnitudeProblem(new D("-10000.01"), HOURS_PER_ROW)).toBe("too large: at most 10,000 hours on one row");
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])("the fast path agrees with an exact comparison", (x) => {
    const d = new D(x);
    expect(magnitudeProblem(d, HOURS_PER_ROW) === undefined).toBe(d.abs().lessThanOrEqualTo(10000));
    expect(magnitudeProblem(d, AMOUNT) === undefined).toBe(d.abs().lessThan("1e12"));
  });

  it("a number is at most 32 characters before it is parsed", () => {
    expect(numberTextProblem("1".repeat(32))).toBeUndefined();
    expect(numberTextProblem("1".repeat(33))).toBe("too long for a number (33 characters, at most 32)");
  });
});
