// Structured payment references (OGM/VCS): check digits, the 97 rule, the
// derivation from year and sequence, uniqueness, and typo detection.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseStructuredReference, referenceCheckDigits, referenceDigits, referenceFor, structuredReference } from "../../src/domain/invoicing/payment-reference.js";

describe("structured reference", () => {
  it("1234567890 -> +++123/4567/89002+++ (remainder 2)", () => expect(structuredReference("1234567890")).toBe("+++123/4567/89002+++"));
  it("a remainder of 0 gives check digits 97", () => {
    expect(referenceCheckDigits("0000000097")).toBe("97");
    expect(structuredReference("0000000194")).toBe("+++000/0000/19497+++");
  });
  it("MEN2025-0001 and MEN2025-0007 take year and sequence: 2025000001, 2025000007", () => {
    expect(referenceFor(2025, 1)).toBe("+++202/5000/00165+++");
    expect(referenceFor(2025, 7)).toBe("+++202/5000/00771+++");
    expect(referenceFor(2026, 123456)).toBe(structuredReference("2026123456"));
  });
  it("refuses a sequence that does not fit six digits", () => {
    expect(() => referenceFor(2025, 1_000_000)).toThrow(/outside/);
    expect(() => referenceFor(2025, 0)).toThrow(/outside/);
  });

  test.prop([fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999_999 })])("every reference reads back with valid check digits and its own ten digits", (year, seq) => {
    const ref = referenceFor(year, seq);
    expect(ref).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    const digits = parseStructuredReference(ref);
    expect(digits).toBe(referenceDigits(ref));
    expect(digits!.slice(0, 10)).toBe(`${year}${String(seq).padStart(6, "0")}`);
    const check = Number(digits!.slice(10));
    expect(check).toBeGreaterThanOrEqual(1);
    expect(check).toBeLessThanOrEqual(97);
  });

  test.prop([fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999_999 })])(
    "different (year, sequence) give different references",
    (y1, s1, y2, s2) => {
      fc.pre(y1 !== y2 || s1 !== s2);
      expect(referenceFor(y1, s1)).not.toBe(referenceFor(y2, s2));
    },
  );

  test.prop([fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 })])(
    "a mistyped digit among the ten is caught by the check digits",
    (year, seq, pos, delta) => {
      const d = referenceDigits(referenceFor(year, seq));
      const typo = d.slice(0, pos) + String((Number(d[pos]) + delta) % 10) + d.slice(pos + 1);
      expect(parseStructuredReference(typo)).toBeUndefined();
    },
  );

  it("reads the usual spellings", () => {
    expect(parseStructuredReference("***123/4567/89002***")).toBe("123456789002");
    expect(parseStructuredReference("123 4567 89002")).toBe("123456789002");
    expect(parseStructuredReference("+++123/4567/89012+++")).toBeUndefined();
  });
});
