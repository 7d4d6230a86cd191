// The second pass settles flagged fingerprints in parts (engine/second-pass.ts),
// so the groups of identical rows reach DuplicateGroups in any order. Only
// the first 1,000 groups of a file (by the position of their first row) are
// named; it keeps at most 2,000 and cuts back to the first 1,000, counting
// the rest. Whatever the order of arrival, the warnings must be those of
// every group sorted by position: the first 1,000 named, the others counted.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { duplicateRowWarnings } from "../../src/app/close-ledger.js";
import { MAX_ISSUES } from "../../src/adapters/csv/read-input.js";
import { DuplicateGroups } from "../../src/engine/second-pass.js";

type G = { first: number; count: number; lines: number[] };

/** Fisher–Yates with a small seeded generator: the order the parts deliver the groups in. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test.prop([fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 3 }), fc.nat()], { numRuns: 25 })(
  "groups arriving in any order give the warnings of all groups sorted by their first row (the cut at 2,000 included)",
  (sizes, seed) => {
    const files = sizes.map((_, f) => `uren-${f}.csv`);
    const all: { file: number; g: G }[] = [];
    sizes.forEach((n, file) => {
      // positions unique within the file, not in order of their index
      for (let i = 0; i < n; i++) {
        const first = (i * 7919) % 10_007 + file * 20_000;
        all.push({ file, g: { first, count: 2 + (i % 3), lines: [first + 2, first + 3] } });
      }
    });
    const groups = new DuplicateGroups();
    for (const { file, g } of shuffled(all, seed)) groups.add(file, g);
    const expected = sizes.flatMap((n, file) => {
      if (n === 0) return [];
      const mine = all.filter((x) => x.file === file).map((x) => x.g).sort((a, b) => a.first - b.first);
      return duplicateRowWarnings(files[file]!, mine.slice(0, MAX_ISSUES).map(({ count, lines }) => ({ count, lines })), n);
    });
    expect(groups.warnings(files)).toEqual(expected);
  },
);

test("4,321 groups in reverse order: the file's first 1,000 are named, 3,321 counted", () => {
  const groups = new DuplicateGroups();
  for (let i = 4_320; i >= 0; i--) groups.add(0, { first: i, count: 2, lines: [2 * i + 2, 2 * i + 3] });
  const w = groups.warnings(["uren.csv"]);
  expect(w).toHaveLength(1_001);
  expect(w[0]).toMatchObject({ code: "duplicate-row", source: { file: "uren.csv", line: 2 } });
  expect(w[999]).toMatchObject({ code: "duplicate-row", source: { file: "uren.csv", line: 2 * 999 + 2 } });
  expect(w[1_000]).toMatchObject({ code: "more-issues", more: 3_321 });
});
