// Value schemas for scenario files: exact numbers from YAML source text.
// The YAML reader hands numbers over as ScenarioNumber(source text), so a
// written `1.50` becomes Decimal("1.50") without ever being a JS float.
import { z, type output, type ZodType } from "./zod.js";
import { t, type Text } from "../domain/issues.js";
import { says } from "./zod-text.js";
import { parseDecimal, type Dec } from "../domain/money.js";
import type { McParam } from "../domain/scenario/types.js";
import { AMOUNT, COUNT, numberProblem, numberTextProblem, type NumberLimit } from "./limits.js";

/** A YAML number scalar kept as the text the user wrote. */
export class ScenarioNumber {
  constructor(readonly text: string) {}
}

const textOf = (v: unknown): string | undefined =>
  v instanceof ScenarioNumber ? v.text : typeof v === "string" ? v : undefined;

type Bounds = { min?: string; max?: string; minExclusive?: boolean; what?: Text; limit?: NumberLimit };

export { says };

/** A decimal number (written plainly: 1.50, 60000, -20; quoted text is accepted too). */
export function decimal(b: Bounds = {}) {
  return z.any().transform((v, ctx): Dec => {
    if (v === undefined) {
      ctx.addIssue(says(t("scenario.required")));
      return z.NEVER;
    }
    const s = textOf(v);
    const long = s === undefined ? undefined : numberTextProblem(s.trim());
    if (long !== undefined) {
      ctx.addIssue(says(long));
      return z.NEVER;
    }
    const d = s === undefined ? undefined : parseDecimal(s);
    if (!d) {
      ctx.addIssue(says(b.what ?? t("scenario.plain-decimal")));
      return z.NEVER;
    }
    if (b.min !== undefined && (b.minExclusive ? d.lessThanOrEqualTo(b.min) : d.lessThan(b.min))) {
      ctx.addIssue(says(t(b.minExclusive ? "scenario.greater-than" : "scenario.at-least", { min: b.min })));
      return z.NEVER;
    }
    if (b.max !== undefined && d.greaterThan(b.max)) {
      ctx.addIssue(says(t("scenario.at-most", { max: b.max })));
      return z.NEVER;
    }
    // Every scenario number has a stated range (README "Limits"): at most 15 significant digits, amounts below 10^12.
    const big = numberProblem(d, b.limit ?? AMOUNT);
    if (big !== undefined) {
      ctx.addIssue(says(big));
      return z.NEVER;
    }
    return d;
  });
}

/** A money amount: a decimal with at most two decimals. */
export function money(b: Bounds = { min: "0" }) {
  return decimal(b).transform((d, ctx): Dec => {
    if (d.decimalPlaces() > 2) {
      ctx.addIssue(says(t("scenario.cents")));
      return z.NEVER;
    }
    return d;
  });
}

/** A rate or share between 0 and 1. */
export const fraction = () => decimal({ min: "0", max: "1" });

/** A whole number (months, counts). */
export function integer(min = 0, max = 10_000) {
  return decimal({ min: String(min), max: String(max), what: t("scenario.whole-number") }).transform((d, ctx): number => {
    if (!d.isInteger()) {
      ctx.addIssue(says(t("scenario.whole-number")));
      return z.NEVER;
    }
    return d.toNumber();
  });
}

const RELATIVE = /^([+-]?\d+(\.\d+)?)\s*%$/;

/**
 * A Monte Carlo parameter: a plain number (absolute) or a percentage relative
 * to the scenario's own value ("-20%", "+20%"; "10%" for a spread). Floats: a
 * simulation, not money.
 */
export function mcParam(b: { min?: number; relativeMin?: number } = {}) {
  return z.any().transform((v, ctx): McParam => {
    if (v instanceof ScenarioNumber) {
      const tooLong = numberTextProblem(v.text);
      const d = tooLong ? undefined : parseDecimal(v.text);
      if (!d) {
        ctx.addIssue(says(tooLong ?? t("scenario.mc-number")));
        return z.NEVER;
      }
      const big = numberProblem(d, COUNT);
      if (big) {
        ctx.addIssue(says(big));
        return z.NEVER;
      }
      if (b.min !== undefined && d.lessThan(b.min)) {
        ctx.addIssue(says(t("scenario.at-least", { min: String(b.min) })));
        return z.NEVER;
      }
      return { kind: "abs", value: d.toNumber() };
    }
    const m = typeof v === "string" ? RELATIVE.exec(v.trim()) : null;
    if (!m) {
      ctx.addIssue(says(t("scenario.mc-number-or-percent")));
      return z.NEVER;
    }
    const pct = Number(m[1]);
    if (Math.abs(pct) > 1000) {
      ctx.addIssue(says(t("scenario.relative-range")));
      return z.NEVER;
    }
    if (b.relativeMin !== undefined && pct < b.relativeMin) {
      ctx.addIssue(says(t("scenario.at-least-percent", { min: String(b.relativeMin) })));
      return z.NEVER;
    }
    return { kind: "rel", fraction: pct / 100 };
  });
}

/** Text; a YAML number in a text field (`name: 2025`) is taken as written. */
export const text = () =>
  z.any().transform((v, ctx): string => {
    const s = textOf(v);
    if (s === undefined || s.trim() === "") {
      ctx.addIssue(says(t(v === undefined ? "scenario.required" : "scenario.expected-text")));
      return z.NEVER;
    }
    return s;
  });

/**
 * A value that may be written as a list, a map or a single value (inflow, fee):
 * validated by the schema for the shape the user wrote, so the message is about
 * that shape ("at most 2 decimals") rather than "none of three forms matched".
 */
export function byShape<L extends ZodType, M extends ZodType, S extends ZodType>(list: L, map: M, scalar: S) {
  return z.any().transform((v, ctx): output<L> | output<M> | output<S> => {
    const schema: ZodType = Array.isArray(v) ? list : v !== null && typeof v === "object" && !(v instanceof ScenarioNumber) ? map : scalar;
    const r = schema.safeParse(v);
    if (r.success) return r.data as output<L> | output<M> | output<S>;
    for (const i of r.error.issues) ctx.addIssue(i as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });
}
