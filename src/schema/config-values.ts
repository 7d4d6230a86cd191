// Leaf value rules of menerva.yaml (exact numbers, dates, periods, names, choices)
// as zod schemas whose problems carry our own wording and a hint.
// Numbers arrive as YamlNumber (source text) and leave as exact Decimals.
import { z } from "./zod.js";
import { t, type Text } from "../domain/issues.js";
import { D, type Dec } from "../domain/money.js";
import { isIsoDate, parsePeriod } from "../domain/period.js";
import { closest } from "./config-suggest.js";
import { AMOUNT, magnitudeProblem, numberTextProblem, PRECISION_HINT, precisionProblem } from "./limits.js";
import { YamlNumber } from "./config-yaml.js";

/** A rejected value: what is wrong and how to fix it (catalog words). */
export type Problem = { readonly problem: Text; readonly hint?: Text };
type Check<T> = (v: unknown) => { value: T } | Problem;

/** Marks an issue raised because a required key is absent (mapped to "missing required key"). */
export const MISSING = "missing";

/** A problem as a zod custom issue: zod wants a string message, the words travel in `params` (config-issues.ts reads them back). */
export const zodIssue = (r: Problem, extra: { readonly path?: PropertyKey[]; readonly input?: unknown } = {}) => ({
  code: "custom" as const,
  message: r.problem.key,
  params: { text: r.problem, hint: r.hint },
  ...extra,
});

/** Runs a check and reports its problem as a zod custom issue carrying the hint. */
export function leaf<T>(check: Check<T>) {
  return z.unknown().transform((v, ctx): T => {
    if (v === undefined) {
      ctx.addIssue({ code: "custom", message: MISSING, params: { missing: true }, input: v });
      return z.NEVER;
    }
    const r = check(v);
    if ("value" in r) return r.value;
    ctx.addIssue(zodIssue(r, { input: v }));
    return z.NEVER;
  });
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const COMMA_DECIMAL = /^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$/;
const DOTTED_THOUSANDS = /^[+-]?\d{1,3}(\.\d{3}){2,}$/;
const PERCENT = /^([+-]?\d+(?:[.,]\d+)?)\s*%$/;

const describe = (v: unknown): Text =>
  t(v === null ? "value.nothing" : Array.isArray(v) ? "value.a-list" : typeof v === "object" ? "value.a-map" : typeof v === "boolean" ? "value.true-false" : "value.text");

/** "21" -> "0.21", "7.5" -> "0.075": a percentage written as the fraction we want. */
function asFraction(percent: Dec): string {
  const q = percent.div(100);
  return q.toFixed(Math.max(2, q.decimalPlaces()));
}

/** Exact decimal from the text the user wrote; never through a JS number. */
export function decimalCheck(v: unknown): { value: Dec } | Problem {
  const text = v instanceof YamlNumber ? v.text.trim() : typeof v === "string" ? v.trim() : undefined;
  if (text === undefined) return { problem: t("value.expected-number", { got: describe(v) }) };
  const long = numberTextProblem(text);
  if (long !== undefined) return { problem: long };
  if (PLAIN.test(text)) {
    let t = text.replace(/^\+/, "");
    if (t.endsWith(".")) t = t.slice(0, -1);
    t = t.replace(/^(-?)\./, "$10.");
    const value = new D(t);
    // The same rule as an export's cells (README "Limits"): what a spreadsheet cannot hold is refused.
    const digits = precisionProblem(value);
    return digits === undefined ? { value } : { problem: digits, hint: PRECISION_HINT };
  }
  if (COMMA_DECIMAL.test(text) || DOTTED_THOUSANDS.test(text)) {
    const fixed = text.replace(/\./g, "").replace(",", ".");
    return { problem: t("not-a-number"), hint: t("value.use-decimal-point", { fixed }) };
  }
  const pct = PERCENT.exec(text);
  if (pct) {
    return { problem: t("not-a-number"), hint: t("value.write-fraction", { text, fraction: asFraction(new D(pct[1]!.replace(",", "."))) }) };
  }
  if (/^[+-]?(\d[\d_]*\.?\d*[eE][+-]?\d+|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan|\.Inf|\.NaN|\.INF|\.NAN)$/.test(text)) {
    return { problem: t("value.not-plain-decimal"), hint: t("value.not-plain-decimal.hint") };
  }
  return { problem: t("not-a-number") };
}

/** A number from 0 to 1 inclusive (rates and shares are fractions: 21% is 0.21). */
export const fraction = leaf((v) => {
  const r = decimalCheck(v);
  if (!("value" in r)) return r;
  const x = r.value;
  if (x.isNegative() || x.greaterThan(1)) {
    const hint = x.greaterThan(1) && x.lessThanOrEqualTo(100) ? t("value.write-fraction", { text: `${x.toFixed()}%`, fraction: asFraction(x) }) : undefined;
    return { problem: t("value.between-0-and-1"), ...(hint ? { hint } : {}) };
  }
  return r;
});

/**
 * A money amount in euros (may be negative: a correction). At most two
 * decimals as written: `1.800` is refused rather than read as 1.80 when the
 * writer meant one thousand eight hundred.
 */
export const amount = leaf((v) => {
  const r = decimalCheck(v);
  if (!("value" in r)) return r;
  const big = magnitudeProblem(r.value, AMOUNT);
  if (big !== undefined) return { problem: big };
  const written = (v instanceof YamlNumber ? v.text : String(v)).trim();
  const decimals = /\.(\d*)$/.exec(written)?.[1]?.length ?? 0;
  if (decimals <= 2) return r;
  const thousands = /^[+-]?\d{1,3}\.\d{3}$/.test(written);
  const hint = thousands ? t("value.amount-thousands", { thousands: `${written.replace(".", "")}.00`, cents: r.value.toFixed(2) }) : t("value.round-to-cents");
  return { problem: t("value.more-than-cents"), hint };
});

/** A number that may not be below zero (fee rates). */
export const nonNegative = leaf((v) => {
  const r = decimalCheck(v);
  if ("value" in r && r.value.isNegative()) return { problem: t("value.not-negative") };
  if ("value" in r && magnitudeProblem(r.value, AMOUNT) !== undefined) return { problem: magnitudeProblem(r.value, AMOUNT)! };
  return r;
});

/** Plain text; a bare YAML number counts as its text (a partner called "2025"). */
export function textCheck(v: unknown): { value: string } | Problem {
  if (v instanceof YamlNumber) return { value: v.text };
  if (typeof v !== "string") return { problem: t("value.expected-text", { got: describe(v) }) };
  const s = v.trim();
  return s === "" ? { problem: t("value.not-empty") } : { value: s };
}
export const text = leaf(textCheck);

/** "2025-15-01", "15/01/2025" -> a hint in ISO form when we can guess it. */
function dateHint(s: string): Text {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return t("value.date-as-iso", { date: `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` });
  return t("value.date-as-iso-example");
}

/** A calendar date "YYYY-MM-DD". */
export const isoDate = leaf((v) => {
  const r = textCheck(v);
  if (!("value" in r)) return r;
  if (isIsoDate(r.value)) return r;
  return { problem: t("value.not-a-date"), hint: dateHint(r.value) };
});

/** When a fee starts: a date, or a month meaning its first day. */
export const feeFrom = leaf((v) => {
  const r = textCheck(v);
  if (!("value" in r)) return r;
  if (isIsoDate(r.value)) return r;
  const p = /^\d{4}-\d{2}$/.test(r.value) ? parsePeriod(r.value) : undefined;
  if (p) return { value: p.from };
  return { problem: t("value.not-a-date"), hint: dateHint(r.value) };
});

/** When a partner leaves: its last day, or a month meaning that month's last day. */
export const untilDate = leaf((v) => {
  const r = textCheck(v);
  if (!("value" in r)) return r;
  if (isIsoDate(r.value)) return r;
  const p = /^\d{4}-\d{2}$/.test(r.value) ? parsePeriod(r.value) : undefined;
  if (p) return { value: p.to };
  return { problem: t("value.not-a-date"), hint: dateHint(r.value) };
});

/** true or false (YAML booleans; "yes"/"no" are text in YAML 1.2 and refused with a hint). */
export const flag = leaf((v) => {
  if (typeof v === "boolean") return { value: v };
  return { problem: t("value.expected-boolean", { got: describe(v) }), hint: t("value.expected-boolean.hint") };
});

/** The project's first period (month, quarter, year or date) -> its first day. */
export const startPeriod = leaf((v) => {
  const r = textCheck(v);
  if (!("value" in r)) return r;
  const p = parsePeriod(r.value);
  if (p && (p.kind !== "range" || p.from === p.to)) return { value: p.from };
  return { problem: t("value.not-a-period"), hint: t("value.start-period.hint") };
});

function closestHint(word: string, values: readonly string[]): Text | undefined {
  const near = closest(word, values);
  return near === undefined ? undefined : t("did-you-mean", { name: JSON.stringify(near) });
}

/** One of a fixed set of words; `aliases` map other spellings onto them. */
export function choice<T extends string>(values: readonly T[], aliases: Readonly<Record<string, T>> = {}, hint?: Text) {
  return leaf((v): { value: T } | Problem => {
    const r = textCheck(v);
    if (!("value" in r)) return { ...r, ...((r.hint ?? hint) ? { hint: (r.hint ?? hint)! } : {}) };
    const w = r.value;
    const hit = values.find((x) => x === w) ?? aliases[w.toLowerCase()];
    if (hit !== undefined) return { value: hit };
    const shown = values.map((x) => (/^\w/.test(x) ? x : JSON.stringify(x)));
    const h = closestHint(w, values) ?? hint;
    return { problem: t("value.one-of", { values: shown.join(", ") }), ...(h ? { hint: h } : {}) };
  });
}
