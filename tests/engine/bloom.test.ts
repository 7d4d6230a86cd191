// The streaming close's Bloom filter (engine/bloom.ts) may say "maybe seen"
// of a new fingerprint (the second pass settles it) but never "new" of one it
// has taken: that would bill a repeated row twice.
import { createHash } from "node:crypto";
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { Bloom } from "../../src/engine/bloom.js";

const fp = (i: number): Uint32Array => new Uint32Array(createHash("sha256").update(`row ${i}`).digest().buffer.slice(0, 16));

test.prop([fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 100_000 })], { numRuns: 30 })("a fingerprint taken before is always 'maybe seen'", (n, expected) => {
  const bloom = new Bloom(expected);
  for (let i = 0; i < n; i++) bloom.testAndAdd(fp(i), 0);
  for (let i = 0; i < n; i++) expect(bloom.testAndAdd(fp(i), 0)).toBe(true);
});

test("sized for its keys, it flags few new fingerprints (false alarms cost a second look, not a wrong bill)", () => {
  const bloom = new Bloom(20_000);
  for (let i = 0; i < 20_000; i++) bloom.testAndAdd(fp(i), 0);
  let alarms = 0;
  for (let i = 20_000; i < 40_000; i++) if (bloom.testAndAdd(fp(i), 0)) alarms++;
  expect(alarms / 20_000).toBeLessThan(0.05);
});
