// Number formats and value conversions shared by every workbook menerva writes.
// Formats are Excel format codes; the viewer's locale supplies the separators,
// so `[$€-813] #,##0.00` shows as "€ 1.234,56" in nl-BE and negatives in red.
// Pure: no exceljs import, so report code may use these constants freely.

export const FMT = {
  /** Amount in euro, two decimals, negatives red (nl-BE currency symbol placement). */
  eur: "[$€-813] #,##0.00;[Red][$€-813] -#,##0.00",
  /** Whole euros, for charts and scenario summaries. */
  eurWhole: "[$€-813] #,##0;[Red][$€-813] -#,##0",
  /** Hours (and FTE-like quantities) with two decimals. */
  hours: "#,##0.00",
  /** Rates and shares with four decimals. */
  decimal4: "#,##0.0000",
  /** Percentage with one decimal: 0.1234 shows as 12.3%. */
  pct: "0.0%",
  /** Whole percentage. */
  pct0: "0%",
  /** Counts. */
  int: "#,##0",
  /** Calendar date, Flemish order. */
  date: "dd/mm/yyyy",
  /** A month (periods, projection rows). */
  month: "mm/yyyy",
} as const;

export type FormatName = keyof typeof FMT;

/**
 * Text from CSV input, made safe to put in a cell.
 *
 * Formula injection cannot happen through exceljs string values: a JS string
 * is always written as a shared string (`t="s"`) and never as `<f>`, and
 * LibreOffice keeps such cells as text on load and after a full
 * recalculation (verified in tests/xlsx/injection.test.ts for `=1+1`, `+32`,
 * `-5`, `@SUM(A1)`, a leading tab and CR). So nothing is prefixed: the user
 * sees exactly the text of the input. What this does remove are characters
 * XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone surrogates,
 * U+FFFE/U+FFFF), which would otherwise make the file unreadable; and it
 * caps the length at Excel's 32,767 characters per cell.
 */
export function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return cleaned.length > 32767 ? cleaned.slice(0, 32766) + "…" : cleaned;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An ISO date ("2025-03-31") as a Date at UTC midnight, for exceljs date
 * cells. exceljs turns a Date into a serial with getTime() (UTC based), so
 * the serial, and the 31/03/2025 shown, do not depend on the TZ of the
 * process (verified in tests/xlsx/dates.test.ts under several TZs).
 */
export function excelDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`excelDate: not an ISO date: ${JSON.stringify(iso)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new Error(`excelDate: no such date: ${JSON.stringify(iso)}`);
  }
  return date;
}

/** An ISO date as the text a date cell shows (FMT.date, dd/mm/yyyy): for labels that hold a date, so every date reads alike. */
export function dateText(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The Excel serial number (1900 date system) of an ISO date; 2025-03-31 → 45747. */
export function excelSerial(iso: string): number {
  return Math.round((excelDate(iso).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Days from the 1900 system's day 0 (1899-12-30) to 1970-01-01, the day number 0 of period.ts. */
const SERIAL_OF_DAY_0 = 25_569;

/** The Excel serial of a day number (period.ts dayNumber): excelSerial(isoOfDay(day)), without the text. */
export function serialOfDay(day: number): number {
  if (!Number.isSafeInteger(day)) throw new Error(`serialOfDay: not a day number: ${day}`);
  return day + SERIAL_OF_DAY_0;
}
