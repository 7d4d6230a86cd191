// The size and magnitude limits of everything menerva reads, stated once
// (README "Limits") and applied at the boundary: CSV and xlsx cells, config,
// scenario and cost-price values. A value past a limit is an input error at
// its file:line, in `validate` and `close` alike, found before any arithmetic,
// so a hostile number (a 1 MB cell of digits, 1 followed by 309 zeros) is
// refused in milliseconds instead of overflowing a spreadsheet cell later.
// Pure: the readers (and a future streaming engine) call these functions.
import { t, type Text } from "../domain/issues.js";
import { D, type Dec } from "../domain/money.js";

/** Characters in one number as written, signs, separators and € included. */
export const MAX_NUMBER_CHARS = 32;

/**
 * Significant digits in one number (leading zeros, and trailing zeros of a
 * whole number, do not count): a spreadsheet holds a number as a double and
 * keeps 15, so a 16th digit would be changed silently by every engine that
 * recalculates the statement (2.0019999999999999999 h × 2.50 is 5.00 exactly,
 * 5.01 in a spreadsheet). Refused at the boundary, in every file.
 */
export const MAX_SIGNIFICANT_DIGITS = 15;

/** Characters in one text cell menerva reads (a name, id, reference or description). */
export const MAX_TEXT_CHARS = 1000;

/** A CSV record (one row with all its cells) longer than this is refused: an unclosed quote, or not a CSV. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/** The range of one kind of number: |value| at most (or below) `max`, at most `decimals` decimals. */
export type NumberLimit = {
  /** What the value is, for the message ("an amount"). */
  readonly what: Text;
  /** Largest absolute value, as exact decimal text. */
  readonly max: string;
  /** True when `max` itself is not allowed (amounts are below 10^12). */
  readonly exclusive?: boolean;
};

/** Money: every amount, in any file, is below 10^12 euro in absolute value. */
export const AMOUNT: NumberLimit = { what: t("limit.an-amount"), max: "1000000000000", exclusive: true };
/** Billed hours on one CSV row (a year has 8,784 hours at most). */
export const HOURS_PER_ROW: NumberLimit = { what: t("limit.hours-per-row"), max: "10000" };
/** FTE on one staff row. */
export const FTE_PER_ROW: NumberLimit = { what: t("limit.fte-per-row"), max: "1000" };
/** Hours a year per FTE in a cost-price file (a leap year has 8,784). */
export const HOURS_PER_YEAR: NumberLimit = { what: t("limit.hours-a-year"), max: "8784" };
/** Counts and sizes in scenario and cost-price files: candidates, FTE, ratios, years. */
export const COUNT: NumberLimit = { what: t("limit.this-value"), max: "1000000" };
/** Candidates entering in one month of a scenario. */
export const INFLOW_PER_MONTH: NumberLimit = { what: t("limit.candidates-a-month"), max: "100000" };

const cache = new Map<string, Dec>();
const dec = (text: string): Dec => {
  let d = cache.get(text);
  if (d === undefined) cache.set(text, (d = new D(text)));
  return d;
};

/** The problem with `value` under `limit`, or undefined when it is within range. */
export function magnitudeProblem(value: Dec, limit: NumberLimit): Text | undefined {
  const max = dec(limit.max);
  // Hot path (every numeric cell): a value with fewer integer digits than the maximum is within it.
  if (value.e < max.e) return undefined;
  const abs = value.abs();
  const over = limit.exclusive ? abs.greaterThanOrEqualTo(max) : abs.greaterThan(max);
  if (!over) return undefined;
  return t(limit.exclusive ? "limit.below" : "limit.at-most", { what: limit.what, max: limit.max });
}

/** The problem with a number's significant digits (MAX_SIGNIFICANT_DIGITS), or undefined. */
export function precisionProblem(value: Dec): Text | undefined {
  // Hot path: a Decimal holds its digits in base-1e7 words; two words or fewer is at most 14 digits.
  if (value.d !== null && value.d.length <= 2) return undefined;
  const n = value.precision();
  return n > MAX_SIGNIFICANT_DIGITS ? t("limit.too-precise", { digits: n, max: MAX_SIGNIFICANT_DIGITS }) : undefined;
}

/** Hint for a number past MAX_SIGNIFICANT_DIGITS. */
export const PRECISION_HINT: Text = t("limit.too-precise.hint", { max: MAX_SIGNIFICANT_DIGITS });

/** The problem with a number under `limit`: its significant digits, then its size; undefined when it is within both. */
export function numberProblem(value: Dec, limit: NumberLimit): Text | undefined {
  return precisionProblem(value) ?? magnitudeProblem(value, limit);
}

/** The problem with a number's text before it is parsed (its length), or undefined. */
export function numberTextProblem(text: string): Text | undefined {
  return text.length > MAX_NUMBER_CHARS ? t("limit.number-too-long", { length: text.length, max: MAX_NUMBER_CHARS }) : undefined;
}

/** The problem with a text cell's length, or undefined. */
export function textProblem(text: string): Text | undefined {
  return text.length > MAX_TEXT_CHARS ? t("limit.text-too-long", { length: text.length, max: MAX_TEXT_CHARS }) : undefined;
}
