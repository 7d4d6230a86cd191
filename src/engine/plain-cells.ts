// Number and date cells read without the row reader, where the reading is
// certain (issue 15): a plain number in the file's decimal mark within the
// limits, a date in one of the strict ten-character forms. Anything else is
// undefined or -1, and the row reader decides. Tested against the row
// reader's own cell parsers (tests/engine/plain-quantity.test.ts).
import { dayNumberOf, daysInMonth } from "../domain/period.js";
import { scaledText } from "../domain/exact-sum.js";
import type { DecimalMark } from "../schema/csv-row-number.js";
import type { Quantity } from "./row-encoder.js";

// csv-row-number.ts readUnder for the file's mark, on digits and the two marks only (a space, a
// sign, € or anything else goes to the row reader): thousands separators all one character other
// than the mark, a first group of 1-3 digits not starting with 0, later groups of 3.
const starts = new Int32Array(16);
const ends = new Int32Array(16);
const seps = new Int32Array(16);

/**
 * A number cell as the row reader reads it under the file's decimal mark,
 * when it is plain (digits and marks only) and within the limits without a
 * remark: hours up to 24 (more is a warning), amounts below 10^12 with at
 * most cents, and exact in a double; otherwise undefined (the row reader
 * decides). Exported for its test against csv-row-number.ts.
 */
export function plainQuantity(raw: string, fileMark: DecimalMark, hours: boolean): Quantity | undefined {
  const n = raw.length;
  if (n === 0 || n > 24) return undefined;
  const mark = fileMark === "," ? 44 : 46;
  let groups = 0;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? raw.charCodeAt(i) : -1;
    if (c >= 48 && c <= 57) continue;
    if (c !== -1 && c !== 44 && c !== 46) return undefined;
    if (i === start || groups === 16) return undefined; // an empty group: not a number here
    starts[groups] = start;
    ends[groups] = i;
    seps[groups] = c;
    groups++;
    start = i + 1;
  }
  const last = groups - 1;
  const hasFraction = last > 0 && seps[last - 1] === mark;
  const intGroups = hasFraction ? last : groups;
  if (intGroups > 1) {
    const t = seps[0]!;
    if (t === mark) return undefined;
    for (let g = 1; g < intGroups - 1; g++) if (seps[g] !== t) return undefined;
    if (ends[0]! - starts[0]! > 3 || raw.charCodeAt(0) === 48) return undefined;
    for (let g = 1; g < intGroups; g++) if (ends[g]! - starts[g]! !== 3) return undefined;
  }
  let m = 0;
  let digits = 0;
  let lead = true;
  let intDigits = 0;
  for (let g = 0; g < intGroups; g++) {
    for (let i = starts[g]!; i < ends[g]!; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (lead && d === 0) continue;
      lead = false;
      m = m * 10 + d;
      digits++;
      intDigits++;
    }
  }
  let s = 0;
  if (hasFraction) {
    for (let i = starts[last]!; i < ends[last]!; i++) {
      m = m * 10 + (raw.charCodeAt(i) - 48);
      digits++;
      s++;
    }
  }
  if (digits > 15) return undefined;
  while (s > 0 && m % 10 === 0) {
    m /= 10;
    s--;
  }
  // money: at most cents and below 10^12; hours: up to 24 (more is a warning)
  if (hours ? m > 24 * 10 ** s : s > 2 || intDigits > 12) return undefined;
  const t = scaledText(m, s);
  return { text: t, piece: `"${t}"`, m, s, big: false, raw: t };
}

// strictDay by calendar date: years 1900-2155 × 12 × 31 cells (-2: not computed yet)
const STRICT_FROM = 1900;
const strictDays = new Int32Array(256 * 12 * 31).fill(-2);

/** strictDay, each calendar date's check and day number computed once. */
export function strictDayCached(raw: string): number {
  if (raw.length !== 10) return -1;
  let y: number, m: number, d: number;
  const s4 = raw.charCodeAt(4);
  if (s4 === 45 || s4 === 47) {
    y = raw.charCodeAt(0) * 1000 + raw.charCodeAt(1) * 100 + raw.charCodeAt(2) * 10 + raw.charCodeAt(3) - 48 * 1111;
    m = raw.charCodeAt(5) * 10 + raw.charCodeAt(6) - 48 * 11;
    d = raw.charCodeAt(8) * 10 + raw.charCodeAt(9) - 48 * 11;
  } else {
    d = raw.charCodeAt(0) * 10 + raw.charCodeAt(1) - 48 * 11;
    m = raw.charCodeAt(3) * 10 + raw.charCodeAt(4) - 48 * 11;
    y = raw.charCodeAt(6) * 1000 + raw.charCodeAt(7) * 100 + raw.charCodeAt(8) * 10 + raw.charCodeAt(9) - 48 * 1111;
  }
  // only a cell whose digits make a date in range is cached; everything else (signs, letters, odd forms) asks strictDay
  if (y < STRICT_FROM || y >= STRICT_FROM + 256 || m < 1 || m > 12 || d < 1 || d > 31) return strictDay(raw);
  const slot = ((y - STRICT_FROM) * 12 + (m - 1)) * 31 + (d - 1);
  const form = s4 === 45 || s4 === 47 ? s4 : -raw.charCodeAt(2);
  // the cache is by date, not by form: check the separators here, the digits' meaning is the same in every strict form
  if (!strictForm(raw, form)) return -1;
  let v = strictDays[slot]!;
  if (v === -2) v = strictDays[slot] = strictDay(raw);
  return v;
}

/** The separators and digits of a strict form (strictDay's first checks). */
function strictForm(raw: string, form: number): boolean {
  const digit = (i: number): boolean => {
    const c = raw.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  if (form > 0) return raw.charCodeAt(7) === form && digit(0) && digit(1) && digit(2) && digit(3) && digit(5) && digit(6) && digit(8) && digit(9);
  const sep = -form;
  return (sep === 47 || sep === 46 || sep === 45) && raw.charCodeAt(5) === sep && digit(0) && digit(1) && digit(3) && digit(4) && digit(6) && digit(7) && digit(8) && digit(9);
}

/**
 * The day number of a date cell in one of the strict forms csv-row-cells.ts
 * parseDate reads the same way — `2025-03-31`, `2025/03/31`, `31/03/2025`,
 * `31.03.2025`, `31-03-2025`, ten characters, a real calendar date — or -1
 * (any other form goes to the row reader).
 */
export function strictDay(raw: string): number {
  if (raw.length !== 10) return -1;
  const c = (i: number): number => raw.charCodeAt(i) - 48;
  const digit = (i: number): boolean => c(i) >= 0 && c(i) <= 9;
  let y: number, m: number, d: number;
  const s4 = raw.charCodeAt(4);
  const s2 = raw.charCodeAt(2);
  if ((s4 === 45 || s4 === 47) && raw.charCodeAt(7) === s4) {
    if (!digit(0) || !digit(1) || !digit(2) || !digit(3) || !digit(5) || !digit(6) || !digit(8) || !digit(9)) return -1;
    y = c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3);
    m = c(5) * 10 + c(6);
    d = c(8) * 10 + c(9);
  } else if ((s2 === 47 || s2 === 46 || s2 === 45) && raw.charCodeAt(5) === s2) {
    if (!digit(0) || !digit(1) || !digit(3) || !digit(4) || !digit(6) || !digit(7) || !digit(8) || !digit(9)) return -1;
    d = c(0) * 10 + c(1);
    m = c(3) * 10 + c(4);
    y = c(6) * 1000 + c(7) * 100 + c(8) * 10 + c(9);
  } else return -1;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return -1;
  return dayNumberOf(y, m, d);
}
