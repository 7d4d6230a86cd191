// An exceljs cell value as the text a CSV export would hold, so a workbook
// goes through the same header, date and number rules. Numbers keep the 15
// significant digits a spreadsheet shows (0.1 + 0.2 is 0.3, as in Excel),
// written plainly (no exponent); dates become ISO dates; a formula is its
// cached result (never evaluated).
import { D } from "../../domain/money.js";

const pad = (n: number): string => String(n).padStart(2, "0");

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  // Excel's day 0 is 1899-12-30: a value before 1900 is a time or a duration, not a date.
  if (d.getUTCFullYear() < 1900) return time;
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return time === "00:00" ? day : `${day} ${time}`;
}

/** A JS number as plain decimal text with at most 15 significant digits. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  const s = new D(n.toPrecision(15)).toFixed();
  return s === "-0" ? "0" : s;
}

/** The text of a cell value; undefined for a formula whose result was never saved. */
export function cellText(v: unknown): string | undefined {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return dateText(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return o.result === undefined ? undefined : cellText(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    if (typeof o.error === "string") return o.error;
    if ("text" in o) return cellText(o.text);
  }
  return "";
}

/** Whether a cell holds a number (a value, or a formula's saved numeric result), not text that looks like one. */
export function isNumberCell(v: unknown): boolean {
  if (typeof v === "number") return true;
  if (typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v)) return typeof (v as { result?: unknown }).result === "number";
  return false;
}
