// Calendar arithmetic on "YYYY-MM-DD" text for issue and due dates. Pure: no
// Date, no time zone, no clock. Days are counted through the proleptic
// Gregorian day number (days since 1970-01-01), so month and leap-year ends
// come out right.
import { isIsoDate } from "../period.js";

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (civil_from_days). */
function fromDayNumber(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** `date` + `days` (may be negative): "2025-01-31" + 30 -> "2025-03-02". */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new Error(`addDays: not a date ${JSON.stringify(date)}`);
  if (!Number.isInteger(days)) throw new Error(`addDays: not a whole number of days ${days}`);
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The default issue date of a close: the first day after its period. */
export const dayAfter = (date: string): string => addDays(date, 1);

/** Due date = issue date + payment days. */
export const dueDate = (issueDate: string, paymentDays: number): string => addDays(issueDate, paymentDays);
