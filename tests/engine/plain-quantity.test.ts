// The streaming close reads plain number cells without the row reader
// (plain-cells.ts plainQuantity). Whenever it gives a value, the row reader's
// rules (csv-row-number.ts DecimalMarkState, limits.ts, the money and hours
// checks of rows.ts) accept the same cell, without a remark, with exactly
// that value; it gives nothing for a cell those rules refuse or remark on.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { plainQuantity, strictDayCached } from "../../src/engine/plain-cells.js";
import { DecimalMarkState } from "../../src/schema/csv-row-number.js";
import { AMOUNT, HOURS_PER_ROW, magnitudeProblem } from "../../src/schema/limits.js";
import { dec, fmtDecimal } from "../../src/domain/money.js";

const cell = fc.oneof(
  fc.stringMatching(/^[0-9.,]{1,18}$/),
  fc.stringMatching(/^-?[0-9]{1,4}([.,][0-9]{1,3}){0,4}$/),
  fc.constantFrom("1.234,56", "1,234.56", "2.376,69", "12.345.678,9", "007,50", "0,00", "24", "24,01", "1.000", "1,000", "0.5", ".5", "5.", "1..2", "1.2.3", "999.999.999.999,99", "1.000.000.000.000"),
);

/** What the row reader makes of the cell: the value, or undefined for an error or a warning. */
function reference(raw: string, mark: "," | ".", hours: boolean): string | undefined {
  const marks = new DecimalMarkState(mark);
  const r = marks.read(raw, 2);
  if (!r.ok) return undefined;
  if (magnitudeProblem(r.value, hours ? HOURS_PER_ROW : AMOUNT) !== undefined) return undefined;
  if (hours && r.value.greaterThan(dec("24"))) return undefined; // a warning
  if (!hours && (r.value.decimalPlaces() > 2 || r.value.isNegative())) return undefined; // an error, a warning
  return fmtDecimal(r.value);
}

test.prop([cell, fc.constantFrom("," as const, "." as const), fc.boolean()], { numRuns: 3000 })("a plain cell reads as the row reader reads it", (raw, mark, hours) => {
  const q = plainQuantity(raw, mark, hours);
  if (q === undefined) return; // left to the row reader
  expect(q.text).toBe(reference(raw, mark, hours));
  expect(q.text).toBe(fmtDecimal(dec(q.m).div(dec(10).pow(q.s))));
});

test("Belgian amounts with thousands separators and decimal commas take the plain path", () => {
  expect(plainQuantity("2.376,69", ",", false)?.text).toBe("2376.69");
  expect(plainQuantity("12.345.678,9", ",", false)?.text).toBe("12345678.9");
  expect(plainQuantity("7,25", ",", true)?.text).toBe("7.25");
  expect(plainQuantity("1.000", ",", false)?.text).toBe("1000");
  expect(plainQuantity("1.000", ".", false)?.text).toBe("1");
  expect(plainQuantity("24,5", ",", true)).toBeUndefined(); // over 24 hours: the row reader warns
  expect(plainQuantity("1,234", ",", false)).toBeUndefined(); // more than cents: the row reader refuses
  expect(plainQuantity("-5", ",", false)).toBeUndefined(); // a sign: the row reader decides
});

import { strictDay } from "../../src/engine/plain-cells.js";
import { parseDate } from "../../src/schema/csv-row-cells.js";
import { dayNumber } from "../../src/domain/period.js";

test.prop([fc.oneof(fc.stringMatching(/^[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}$/), fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom("31/02/2025", "29/02/2024", "29/02/2025", "2025-13-01", "00/01/2025", "2025/02/29", "31.12.2025", "31-12-2025"))], { numRuns: 3000 })(
  "a strict date reads as the row reader reads it",
  (raw) => {
    const day = strictDay(raw);
    if (day < 0) return; // left to the row reader
    const iso = parseDate(raw);
    expect(iso).toBeDefined();
    expect(day).toBe(dayNumber(iso!));
  },
);

test.prop([fc.oneof(fc.stringMatching(/^[0-9./-]{10}$/), fc.date({ min: new Date("1890-01-01"), max: new Date("2170-12-31"), noInvalidDate: true }).chain((d) => {
  const iso = d.toISOString().slice(0, 10);
  const [y, m, dd] = iso.split("-");
  return fc.constantFrom(iso, `${y}/${m}/${dd}`, `${dd}/${m}/${y}`, `${dd}.${m}.${y}`, `${dd}-${m}-${y}`, `${dd}/${m}-${y}`, `${y}-${m}/${dd}`);
}), fc.constantFrom("2025-02-29", "29/02/2024", "31/04/2025", "00/01/2025", "2025-13-01", "2025-1-01x"))], { numRuns: 5000 })("a date cell reads the same through the day cache as through strictDay", (raw) => {
  expect(strictDayCached(raw)).toBe(strictDay(raw));
  expect(strictDayCached(raw)).toBe(strictDay(raw)); // and again, from the cache
});
