// Calendar periods and ISO dates as text. Pure: no Date, no time zone.
// A date is "YYYY-MM-DD"; ISO text compares correctly as a string.

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

export const PERIOD_HINT = "write a month (2025-03), a quarter (2025-Q1), a year (2025) or a range (2025-01-01..2025-03-31)";

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



/** Calendar months ("YYYY-MM") that a period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let ym = monthOf(p.from); ym <= monthOf(p.to); ym = addMonths(ym, 1)) out.push(ym);
  return out;
}


