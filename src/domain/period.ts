// Calendar periods and ISO dates as text. Pure: no Date, no time zone.
// A date is "YYYY-MM-DD"; ISO text compares correctly as a string.
import { t, type Text } from "./issues.js";

export type PeriodKind = "month" | "quarter" | "year" | "range";

export type Period = {
  /** As the user wrote it, normalised: "2025-03", "2025-Q1", "2025", "2025-01-01..2025-03-31". */
  readonly label: string;
  readonly kind: PeriodKind;
  /** First day, inclusive. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
};

const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-?[QqKk]([1-4])$/;
const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** True for a real calendar date in "YYYY-MM-DD". */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function monthPeriod(y: number, m: number): Period {
  return { label: `${y}-${pad(m)}`, kind: "month", from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
}

export function quarterPeriod(y: number, q: number): Period {
  const m1 = (q - 1) * 3 + 1;
  const m3 = m1 + 2;
  return { label: `${y}-Q${q}`, kind: "quarter", from: `${y}-${pad(m1)}-01`, to: `${y}-${pad(m3)}-${pad(daysInMonth(y, m3))}` };
}

export function yearPeriod(y: number): Period {
  return { label: `${y}`, kind: "year", from: `${y}-01-01`, to: `${y}-12-31` };
}

/** Parse a period as SPEC §3 writes it; undefined when it is not one. */
export function parsePeriod(text: string): Period | undefined {
  const t = text.trim();
  let m = MONTH.exec(t);
  if (m) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? monthPeriod(Number(m[1]), mo) : undefined;
  }
  m = QUARTER.exec(t);
  if (m) return quarterPeriod(Number(m[1]), Number(m[2]));
  m = YEAR.exec(t);
  if (m) return yearPeriod(Number(m[1]));
  m = RANGE.exec(t);
  if (m) {
    const [from, to] = [m[1]!, m[2]!];
    if (!isIsoDate(from) || !isIsoDate(to) || to < from) return undefined;
    return { label: `${from}..${to}`, kind: "range", from, to };
  }
  if (isIsoDate(t)) return { label: t, kind: "range", from: t, to: t };
  return undefined;
}

export const PERIOD_HINT = t("period.hint");

/** The hint for a text parsePeriod refused: what is wrong with a range's dates or a month's number, else the forms a period takes. */
export function periodHint(text: string): Text {
  const s = text.trim();
  const range = RANGE.exec(s);
  if (range) {
    const bad = [range[1]!, range[2]!].find((d) => !isIsoDate(d));
    if (bad !== undefined) return t("period.no-such-day", { date: bad });
    if (range[2]! < range[1]!) return t("period.backwards", { from: range[1]!, to: range[2]! });
  }
  const month = MONTH.exec(s);
  if (month) return t("period.no-such-month", { month: month[2]! });
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return t("period.no-such-day", { date: s });
  return PERIOD_HINT;
}

export const contains = (p: Period, date: string): boolean => date >= p.from && date <= p.to;

/** "2025-03-15" -> "2025-03". */
export const monthOf = (date: string): string => date.slice(0, 7);

/** "2025-03-15" -> "2025-Q1". */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The period of the same kind as `like` that holds `date` (ranges label by month). */
export function periodLabelOf(date: string, like: PeriodKind): string {
  if (like === "quarter") return quarterOf(date);
  if (like === "year") return date.slice(0, 4);
  return monthOf(date);
}

/** "2025-11" + 3 -> "2026-02". */
export function addMonths(yearMonth: string, k: number): string {
  const y = Number(yearMonth.slice(0, 4));
  const m = Number(yearMonth.slice(5, 7));
  const idx = y * 12 + (m - 1) + k;
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
}



/** Days since 1970-01-01 of an ISO date (proleptic Gregorian; pure arithmetic, no Date). */
export function dayNumber(iso: string): number {
  return dayNumberOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** dayNumber of year, month and day as numbers. */
export function dayNumberOf(year: number, m: number, d: number): number {
  let y = year;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (inverse of dayNumber). */
export function isoOfDay(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
}

/** "2025-03-31" + 1 -> "2025-04-01". */
export const addDays = (iso: string, k: number): string => isoOfDay(dayNumber(iso) + k);

/** Days from `from` to `to`, both inclusive (0 when to < from). */
export const daysBetween = (from: string, to: string): number => Math.max(0, dayNumber(to) - dayNumber(from) + 1);

/** Days of a period. */
export const daysOf = (p: Period): number => daysBetween(p.from, p.to);

/**
 * The period a close starting on `from` should name: of the kind the user
 * asked for when one starts there (a quarter on 1 April), else the month,
 * else a range to the end of that month. Used to say which period comes next.
 */
export function periodStartingOn(from: string, like: PeriodKind): Period {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  const firstOfMonth = from.slice(8, 10) === "01";
  if (like === "year" && firstOfMonth && m === 1) return yearPeriod(y);
  if (like === "quarter" && firstOfMonth && (m - 1) % 3 === 0) return quarterPeriod(y, (m - 1) / 3 + 1);
  if (firstOfMonth) return monthPeriod(y, m);
  const end = monthPeriod(y, m).to;
  return { label: `${from}..${end}`, kind: "range", from, to: end };
}

/** Calendar months ("YYYY-MM") that a period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let ym = monthOf(p.from); ym <= monthOf(p.to); ym = addMonths(ym, 1)) out.push(ym);
  return out;
}


