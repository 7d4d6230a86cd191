// The streaming close's fingerprint containers (engine/fp-table.ts). The
// flagged rows' list, however it drops repeats (its cache, its compactions),
// must give every distinct fingerprint exactly once, numbered in the order it
// was first added: the second pass counts each row's occurrence by that
// number, so a lost fingerprint would miss a duplicate (billed twice) and a
// doubled one would split a group. The table must find every key it holds and
// none it does not, at any size.
import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { FpList, FpTable } from "../../src/engine/fp-table.js";

const fp = (i: number): Uint32Array => new Uint32Array(createHash("sha256").update(`row ${i}`).digest().buffer.slice(0, 16));
const hex = (u: Uint32Array): string => Buffer.from(u.buffer, u.byteOffset, 16).toString("hex");

test.prop([fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 3000 }), fc.integer({ min: 1, max: 200 })], { numRuns: 60 })(
  "the list's table holds each distinct fingerprint once, numbered by first addition (repeats near and far, compactions)",
  (draws, compactFrom) => {
    const list = new FpList(compactFrom);
    const first = new Map<string, number>();
    for (const d of draws) {
      const k = fp(d);
      list.add(k, 0);
      if (!first.has(hex(k))) first.set(hex(k), first.size);
    }
    const table = list.table();
    expect(table.size).toBe(first.size);
    for (const [d] of draws.entries()) {
      const k = fp(draws[d]!);
      expect(table.get(k, 0)).toBe(first.get(hex(k)));
    }
    expect(table.get(fp(1_000_000), 0)).toBe(-1);
  },
);

test("a list of one row repeated far apart stays near twice its distinct fingerprints", () => {
  // 5,000 distinct rows, the whole run repeated 40 times: too far apart for the cache, dropped by compaction
  const list = new FpList(1000);
  for (let r = 0; r < 40; r++) for (let i = 0; i < 5000; i++) list.add(fp(i), 0);
  expect(list.length).toBeLessThanOrEqual(2 * 5000);
  const table = list.table();
  expect(table.size).toBe(5000);
  expect(table.get(fp(4999), 0)).toBe(4999);
});

test.prop([fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 1, max: 50_000 })], { numRuns: 20 })("a table finds what it holds and nothing else, sized small or large", (n, capacity) => {
  const t = new FpTable(capacity);
  for (let i = 0; i < n; i++) t.set(fp(i), 0, i * 3);
  expect(t.size).toBe(n);
  for (let i = 0; i < n; i += 7) expect(t.get(fp(i), 0)).toBe(i * 3);
  for (let i = n; i < n + 200; i++) expect(t.get(fp(i), 0)).toBe(-1);
});

test("keys at the ends of the slot range and keys sharing a first word, in a small table (probes wrap at the end)", () => {
  const key = (w0: number, w1: number): Uint32Array => new Uint32Array([w0, w1, 7, 9]);
  const keys = [key(0xffffffff, 1), key(0xffffffff, 2), key(0xffffffff, 3), key(0, 1), key(0, 2), key(0xfffffffe, 1), key(0x80000000, 1)];
  const t = new FpTable(10); // 17 slots: the last one fills and probing wraps to slot 0
  keys.forEach((k, i) => t.set(k, 0, i));
  expect(keys.map((k) => t.get(k, 0))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(t.get(key(0xffffffff, 4), 0)).toBe(-1);
  expect(t.get(key(0, 3), 0)).toBe(-1);
  // and again after growing to 34 and 68 slots
  for (let i = 0; i < 40; i++) t.set(key(0xffffffff, 100 + i), 0, 100 + i);
  expect(keys.map((k) => t.get(k, 0))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(t.get(key(0xffffffff, 139), 0)).toBe(139);
});
