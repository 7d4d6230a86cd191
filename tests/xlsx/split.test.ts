// Splitting a detail table over several sheets when it exceeds Excel's rows.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { EXCEL_MAX_DATA_ROWS, splitRows, splitSheetName } from "../../src/adapters/xlsx/streaming.js";

describe("splitRows", () => {
  test("the default limit is Excel's rows minus the header", () => {
    expect(EXCEL_MAX_DATA_ROWS).toBe(1_048_575);
    expect(splitRows(1_048_575)).toEqual([{ index: 0, count: 1, start: 0, end: 1_048_575 }]);
    expect(splitRows(1_048_576)).toEqual([
      { index: 0, count: 2, start: 0, end: 1_048_575 },
      { index: 1, count: 2, start: 1_048_575, end: 1_048_576 },
    ]);
  });
  test("an empty table still gets one (header-only) sheet", () => {
    expect(splitRows(0, 10)).toEqual([{ index: 0, count: 1, start: 0, end: 0 }]);
  });
  test("rejects nonsense limits", () => {
    expect(() => splitRows(10, 0)).toThrow();
    expect(() => splitRows(10, 1_048_576)).toThrow();
    expect(() => splitRows(-1, 5)).toThrow();
  });
  test.prop([fc.nat(50_000), fc.integer({ min: 1, max: 5_000 })])("covers every row once, in order, within the limit", (total, max) => {
    const ranges = splitRows(total, max);
    expect(ranges[0]!.start).toBe(0);
    expect(ranges.at(-1)!.end).toBe(total);
    expect(ranges.length).toBe(Math.max(1, Math.ceil(total / max)));
    const bad = ranges.filter(
      (r, i) =>
        r.index !== i ||
        r.count !== ranges.length ||
        r.end - r.start > max ||
        (i > 0 && r.start !== ranges[i - 1]!.end) ||
        (total > 0 && r.end <= r.start),
    );
    expect(bad).toEqual([]);
  });
});

describe("splitSheetName", () => {
  test("numbers the parts only when there are several", () => {
    expect(splitSheetName("Detail", { index: 0, count: 1 })).toBe("Detail");
    expect(splitSheetName("Detail", { index: 1, count: 3 })).toBe("Detail 2");
    expect(splitSheetName("x".repeat(40), { index: 9, count: 12 })).toBe(`${"x".repeat(28)} 10`);
  });
});
