// Numbers as Belgian and other exports write them: decimal point or decimal
// comma, `.`/`,`/space thousands separators. Pure. A cell is classified by
// which decimal marks it is valid under; the file decides the mark once
// (SPEC §4), so `1.000` is only read after that decision. Never via a JS float.
import { t, type Text } from "../domain/issues.js";
import { D, type Dec } from "../domain/money.js";
import { numberTextProblem } from "./limits.js";

export type DecimalMark = "," | ".";

/** What one cell says about the file's decimal mark, with its value(s). */
export type NumberShape =
  /** The same value under either mark (`8`, `1 234`, `-12`). */
  | { readonly kind: "plain"; readonly value: Dec }
  /** Valid under one mark only (`7.25` → ".", `7,5` or `1.234,56` → ","). */
  | { readonly kind: "marked"; readonly mark: DecimalMark; readonly value: Dec }
  /** Valid under both marks with different values (`1.000`, `2,500`). */
  | { readonly kind: "ambiguous"; readonly asPoint: Dec; readonly asComma: Dec }
  | { readonly kind: "invalid" }
  /** Longer than MAX_NUMBER_CHARS: refused before any parsing (a megabyte of digits must not cost seconds). */
  | { readonly kind: "too-long"; readonly problem: Text };

const INVALID: NumberShape = { kind: "invalid" };
const DIGIT_OR_SEP = /^[0-9]+(?:[., ][0-9]+)*$/;
// Spaces a spreadsheet may use as thousands separators: space, no-break space, narrow no-break space.
const SPACES = /[\u00a0\u202f]/g;
const CURRENCY = /^(?:\u20ac\s*)?(.*?)(?:\s*\u20ac)?$/s;

/**
 * Canonical decimal text ("-1234.5") of `body` read with decimal mark `mark`,
 * or undefined when `body` is not a valid number under that mark. Thousands
 * separators must all be one character other than `mark` (`.`, `,` or space),
 * with a first group of 1–3 digits not starting with 0 and later groups of 3.
 */
function readUnder(groups: readonly string[], seps: readonly string[], mark: DecimalMark): string | undefined {
  if (seps.length === 0) return groups[0];
  const last = seps.length - 1;
  const hasFraction = seps[last] === mark;
  const thousandSeps = hasFraction ? seps.slice(0, last) : seps;
  const intGroups = hasFraction ? groups.slice(0, last + 1) : groups;
  if (thousandSeps.length > 0) {
    const t = thousandSeps[0]!;
    if (t === mark) return undefined;
    for (const s of thousandSeps) if (s !== t) return undefined;
    const first = intGroups[0]!;
    if (first.length > 3 || first.startsWith("0")) return undefined;
    for (let i = 1; i < intGroups.length; i++) if (intGroups[i]!.length !== 3) return undefined;
  }
  const int = intGroups.join("");
  return hasFraction ? `${int}.${groups[last + 1]}` : int;
}

/** Classify one cell's text. Accepts a leading minus and a € sign before or after. */
export function classifyNumber(raw: string): NumberShape {
  let t = raw.trim();
  const long = numberTextProblem(t);
  if (long !== undefined) return { kind: "too-long", problem: long };
  if (t.includes("€")) t = CURRENCY.exec(t)![1]!;
  let sign = "";
  if (t.startsWith("-") || t.startsWith("\u2212")) {
    sign = "-";
    t = t.slice(1);
  }
  t = t.replace(SPACES, " ");
  if (!DIGIT_OR_SEP.test(t)) return INVALID;
  const groups: string[] = [];
  const seps: string[] = [];
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) {
      groups.push(t.slice(start, i));
      seps.push(t[i]!);
      start = i + 1;
    }
  }
  groups.push(t.slice(start));
  const p = readUnder(groups, seps, ".");
  const c = readUnder(groups, seps, ",");
  if (p === undefined && c === undefined) return INVALID;
  if (p !== undefined && c !== undefined) {
    if (p === c) return { kind: "plain", value: new D(sign + p) };
    return { kind: "ambiguous", asPoint: new D(sign + p), asComma: new D(sign + c) };
  }
  return p !== undefined
    ? { kind: "marked", mark: ".", value: new D(sign + p) }
    : { kind: "marked", mark: ",", value: new D(sign + c!) };
}

/** The outcome of reading a numeric cell under the file's decimal-mark state. */
export type NumberRead =
  | { readonly ok: true; readonly value: Dec }
  | { readonly ok: false; readonly code: "not-a-number" | "mixed-decimal-marks" | "ambiguous-decimal-mark" | "number-too-long"; readonly message: Text; readonly hint?: Text };

export const DECIMAL_HINT = t("decimal.hint");

const markName = (m: DecimalMark): Text => t(m === "," ? "decimal.comma" : "decimal.point");

/**
 * Per-file decimal-mark state: an override from the config, or the first
 * unambiguous cell's mark. Cells that contradict the decision are errors at
 * that cell; ambiguous cells can only be read once a mark is known.
 */
export class DecimalMarkState {
  mark: DecimalMark | undefined;
  /**
   * Fields of the current record that hold a spreadsheet's number cell (an
   * .xlsx input), as canonical text: read as they are, never deciding or
   * contradicting the file's decimal mark, which only numbers typed as text have.
   */
  native: readonly number[] | undefined;
  /** Where the mark was decided (undefined when overridden or still open). */
  decidedAt: { line: number; raw: string } | undefined;
  private readonly cache = new Map<string, NumberShape>();

  constructor(readonly override?: DecimalMark) {
    this.mark = override;
  }

  /** Classification with a small per-file cache: exports repeat the same few values. */
  shape(raw: string): NumberShape {
    let s = this.cache.get(raw);
    if (s === undefined) {
      s = classifyNumber(raw);
      if (this.cache.size < 50_000 && raw.length <= 64) this.cache.set(raw, s);
    }
    return s;
  }

  /** Let an unambiguous cell decide the mark if it is still open. Returns the cell's shape. */
  observe(raw: string, line: number): NumberShape {
    const s = this.shape(raw);
    if (this.mark === undefined && s.kind === "marked") {
      this.mark = s.mark;
      this.decidedAt = { line, raw: raw.trim() };
    }
    return s;
  }

  /** Read one cell (field `col` of its record); decides the mark on the first unambiguous cell typed as text. */
  read(raw: string, line: number, col?: number): NumberRead {
    if (col !== undefined && this.native !== undefined && this.native.includes(col)) {
      const long = numberTextProblem(raw);
      return long !== undefined ? { ok: false, code: "number-too-long", message: long } : { ok: true, value: new D(raw) };
    }
    const s = this.observe(raw, line);
    switch (s.kind) {
      case "plain":
        return { ok: true, value: s.value };
      case "marked":
        if (s.mark === this.mark) return { ok: true, value: s.value };
        if (this.override !== undefined) {
          return {
            ok: false,
            code: "not-a-number",
            message: t("not-a-number"),
            hint: t("decimal.override", { mark: this.override }),
          };
        }
        return {
          ok: false,
          code: "mixed-decimal-marks",
          message: t("mixed-decimal-marks"),
          hint: t("mixed-decimal-marks.hint", { line: this.decidedAt!.line, raw: this.decidedAt!.raw, mark: markName(this.mark!), cell: markName(s.mark) }),
        };
      case "ambiguous":
        if (this.mark === ".") return { ok: true, value: s.asPoint };
        if (this.mark === ",") return { ok: true, value: s.asComma };
        return { ok: false, code: "ambiguous-decimal-mark", message: t("ambiguous-decimal-mark"), hint: DECIMAL_HINT };
      case "invalid":
        return { ok: false, code: "not-a-number", message: t("not-a-number") };
      case "too-long":
        return { ok: false, code: "number-too-long", message: s.problem };
    }
  }
}
