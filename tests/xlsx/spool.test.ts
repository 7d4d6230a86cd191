// The zip spool (a 1,000,000-row statement held once, not twice): what comes
// out is every byte pushed, in order, whether it stayed in memory (a small
// workbook) or went through its temp file (past 8 MB).
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { Spool } from "../../src/adapters/xlsx/spool.js";

function chunks(sizes: readonly number[], seed: number): Uint8Array[] {
  let x = seed;
  return sizes.map((n) => Uint8Array.from({ length: n }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 24)));
}

describe("Spool", () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 40 }), fc.nat()])("small: the bytes pushed, in order", (sizes, seed) => {
    const cs = chunks(sizes, seed);
    const sp = new Spool();
    for (const c of cs) sp.push(c);
    expect(Buffer.from(sp.bytes()).equals(Buffer.concat(cs))).toBe(true);
  });

  test("past 8 MB through its temp file: the same bytes; dispose twice is harmless", () => {
    const cs = chunks(Array.from({ length: 40 }, (_, i) => 300_000 + i * 7919), 42);
    const sp = new Spool();
    for (const c of cs) sp.push(c);
    const out = sp.bytes();
    expect(out.length).toBe(cs.reduce((n, c) => n + c.length, 0));
    expect(Buffer.from(out).equals(Buffer.concat(cs))).toBe(true);
    sp.dispose();
    const empty = new Spool();
    expect(empty.bytes().length).toBe(0);
  });
});
