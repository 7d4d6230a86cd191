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

test("sized for its keys (ten bits each), it flags few new fingerprints (false alarms cost a second look, not a wrong bill)", () => {
  const bloom = new Bloom(20_000);
  for (let i = 0; i < 20_000; i++) bloom.testAndAdd(fp(i), 0);
  // a thousand new ones (each is added as it is tested: the filter stays near the load it was sized for)
  let alarms = 0;
  for (let i = 20_000; i < 21_000; i++) if (bloom.testAndAdd(fp(i), 0)) alarms++;
  expect(alarms / 1_000).toBeLessThan(0.02);
});

test("its size follows the keys it is made for, not the next power of two (issue 15: the 5M-row close's memory)", () => {
  // 4,700,000 keys (a 5M-row year's hours) at ten bits: 5.9 MB, not the 8 MB of 2^26 bits
  expect(new Bloom(4_700_000).byteLength).toBeLessThanOrEqual(4_700_000 * 10 / 8 + 64);
  expect(new Bloom(4_700_000).byteLength).toBeGreaterThanOrEqual(4_700_000 * 10 / 8);
  // a small filter is one block of 512 bits
  expect(new Bloom(0).byteLength).toBe(64);
});
