// The streaming close's fingerprint containers (engine/fp-table.ts). The
// flagged rows' list, however it drops repeats (its cache), must give every
// distinct fingerprint exactly once, in the part partOf names, numbered in the
// order it was first added: the second pass counts each row's occurrence by that
// number, so a lost fingerprint would miss a duplicate (billed twice) and a
// doubled one would split a group. The table must find every key it holds and
// none it does not, at any size.
import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { FpList, FpTable, partOf } from "../../src/engine/fp-table.js";

const fp = (i: number): Uint32Array => new Uint32Array(createHash("sha256").update(`row ${i}`).digest().buffer.slice(0, 16));
const hex = (u: Uint32Array): string => Buffer.from(u.buffer, u.byteOffset, 16).toString("hex");

test.prop([fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 3000 }), fc.integer({ min: 1, max: 5 })], { numRuns: 60 })(
  "the list's table holds each distinct fingerprint once, numbered by first addition (repeats near and far), with its repeats dropped or not; its parts together hold the same",
  (draws, of) => {
    const list = new FpList(Infinity);
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
    // without its repeats (as the close collects flagged rows from its store): the same table, one entry each
    list.distinct();
    expect(list.length).toBe(first.size);
    const again = list.table();
    for (const d of draws) expect(again.get(fp(d), 0)).toBe(first.get(hex(fp(d))));
    // in parts: each fingerprint in exactly the part partOf names, numbered by first addition within it
    const parts = Array.from({ length: of }, (_, index) => list.table({ index, of }));
    expect(parts.reduce((n, t) => n + t.size, 0)).toBe(first.size);
    const inPart = Array.from({ length: of }, () => new Map<string, number>());
    for (const d of draws) {
      const k = fp(d);
      const m = inPart[partOf(k[3]!, of)]!;
      if (!m.has(hex(k))) m.set(hex(k), m.size);
    }
    for (const d of draws) {
      const k = fp(d);
      const p = partOf(k[3]!, of);
      parts.forEach((t, i) => expect(t.get(k, 0)).toBe(i === p ? inPart[p]!.get(hex(k)) : -1));
    }
  },
);

test("a list past its cap lets its fingerprints go and takes no more (the close then collects the rows marked)", () => {
  const list = new FpList(100);
  for (let i = 0; i < 100; i++) list.add(fp(i), 0);
  expect(list.overflowed).toBe(false);
  expect(list.table().size).toBe(100);
  list.add(fp(5), 0); // a repeat the cache holds is no entry
  expect(list.overflowed).toBe(false);
  list.add(fp(100), 0);
  expect(list.overflowed).toBe(true);
  expect(list.length).toBe(0);
  list.add(fp(500), 0);
  expect(list.length).toBe(0);
});

test("partOf cuts the 32-bit range into `of` even parts, from 0 to of − 1", () => {
  expect([0, 0x3fffffff, 0x40000000, 0x7fffffff, 0x80000000, 0xffffffff].map((w) => partOf(w | 0, 4))).toEqual([0, 0, 1, 1, 2, 3]);
  expect(partOf(-1, 7)).toBe(6);
  expect(partOf(0x12345678, 1)).toBe(0);
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
