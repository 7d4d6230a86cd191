import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { canonicalJson, CanonicalJsonError } from "../../src/ledger/canonical-json.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: "x", y: null }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"y":null,"z":"x"}]},"b":1}');
  });

  it("drops undefined keys and prints -0 as 0", () => {
    expect(canonicalJson({ a: undefined, b: -0 })).toBe('{"b":0}');
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ "é\"": "line\nbreak\u0000" })).toBe('{"é\\"":"line\\nbreak\\u0000"}');
  });

  it.each([[1.5], [Number.MAX_SAFE_INTEGER + 1], [Number.NaN], [Infinity]])("refuses the non-integer number %s (money must be text)", (n) => {
    expect(() => canonicalJson({ amount: n })).toThrow(CanonicalJsonError);
  });

  it("refuses Dates, Maps, functions, bigints and undefined array items", () => {
    for (const v of [new Date(0), new Map(), () => 1, 1n, [undefined]]) expect(() => canonicalJson({ v })).toThrow(CanonicalJsonError);
  });

  const jsonValue = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isSafeInteger(x) ? String(x) : x))) as unknown);

  test.prop([jsonValue])("round-trips: parse(canonical(v)) is canonical to the same text", (v) => {
    const text = canonicalJson(v);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  test.prop([fc.dictionary(fc.string(), fc.string()), fc.integer({ min: 0, max: 1000 })])(
    "does not depend on key insertion order",
    (obj, seed) => {
      const keys = Object.keys(obj);
      const shuffled = [...keys].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || (a < b ? 1 : -1));
      // a null-prototype object, so a "__proto__" key is an own key here too
      const other: Record<string, string> = Object.create(null);
      for (const k of shuffled) other[k] = obj[k]!;
      expect(canonicalJson(other)).toBe(canonicalJson(obj));
    },
  );
});
