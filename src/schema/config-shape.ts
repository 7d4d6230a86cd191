// The shape of menerva.yaml as zod 4 strict objects: key names, which keys are
// required, defaults. Leaf rules live in config-values.ts; rules that compare
// keys with each other (partners, duplicates) in config-checks.ts.
import { z, type output } from "./zod.js";
import { t } from "../domain/issues.js";
import { dec, type Dec } from "../domain/money.js";
import { INVOICING_KEYS, InvoicingShape } from "./config-invoicing.js";
import { YamlNumber } from "./config-yaml.js";
import { amount, choice, decimalCheck, feeFrom, flag, fraction, isoDate, leaf, nonNegative, startPeriod, text, textCheck, untilDate, zodIssue, type Problem } from "./config-values.js";

const hourlyFee = z.strictObject({ from: feeFrom, rate: nonNegative, nec_partner: text.optional() });

/** One share for all benefit types, or a map type -> share; each share 0..1. */
const benefitShare = z.unknown().transform((v, ctx): Dec | Record<string, Dec> => {
  const check = (x: unknown): { value: Dec } | Problem => {
    const r = decimalCheck(x);
    if ("value" in r && (r.value.isNegative() || r.value.greaterThan(1))) return { problem: t("value.between-0-and-1") };
    return r;
  };
  if (v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof YamlNumber)) {
    // Null prototype: a key `__proto__` is an unknown benefit type, never the map's prototype.
    const out = Object.create(null) as Record<string, Dec>;
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) ctx.addIssue(zodIssue({ problem: t("value.empty-map") }, { input: v }));
    for (const [k, x] of entries) {
      const r = check(x);
      if ("value" in r) out[k] = r.value;
      else ctx.addIssue(zodIssue(r, { path: [k], input: x }));
    }
    return out;
  }
  const r = check(v);
  if ("value" in r) return r.value;
  ctx.addIssue(zodIssue({ problem: r.problem, hint: r.hint ?? t("value.benefit-share.hint") }, { input: v }));
  return z.NEVER;
});

const fees = z.strictObject({
  hourly: z.array(hourlyFee).min(1),
  benefit_share: benefitShare.default(dec("0.70")),
  benefit_types: z.array(text).min(1).default(["RSZ", "maatwerk"]),
});

const settlement = z.strictObject({
  profit: choice(["retain", "distribute"] as const).default("retain"),
  shortfall: choice(["partner", "reserve-first"] as const, { reserve_first: "reserve-first" }).default("partner"),
});

const otherCost = z.strictObject({ date: isoDate, description: text, amount });

/**
 * A partner: a name, or {name, from, until} for one that joins or leaves
 * (issue 11). `from` is its first day (a month means its first day), `until`
 * its last (a month means its last day).
 */
const partner = z.preprocess(
  (v) => (typeof v === "string" || v instanceof YamlNumber ? { name: v } : v),
  z.strictObject({ name: text, from: feeFrom.optional(), until: untilDate.optional() }),
);

/** An input item: a glob, or {path, decimal, encoding, delimiter, cumulative} to override detection or declare a restatement. */
const inputItem = z.preprocess(
  (v) => (typeof v === "string" ? { path: v } : v),
  z.strictObject({
    path: text,
    decimal: choice([",", "."] as const, { comma: ",", point: ".", dot: "." }, t("value.decimal.hint")).optional(),
    encoding: choice(["utf-8", "windows-1252"] as const, { utf8: "utf-8", "utf-8": "utf-8", cp1252: "windows-1252", "windows-1252": "windows-1252", win1252: "windows-1252" }).optional(),
    delimiter: leaf((v) => {
      const named: Record<string, string> = { comma: ",", semicolon: ";", tab: "\t", pipe: "|" };
      const r = textCheck(v);
      if (typeof v === "string" && v === "\t") return { value: "\t" };
      if (!("value" in r)) return r;
      const d = named[r.value.toLowerCase()] ?? r.value;
      return d.length === 1 ? { value: d } : { problem: t("value.one-character"), hint: t("value.delimiter.hint") };
    }).optional(),
    /** A restating (year-to-date) export: closed rows it no longer holds are reversed (issue 11). */
    cumulative: flag.optional(),
    /** For an .xlsx input: the sheet to read (default: the first visible one). */
    sheet: text.optional(),
  }),
);

/** A list of input globs; a single string is accepted as a list of one. */
const inputList = (min: number) => z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(inputItem).min(min));

const inputs = z.strictObject({
  hours: inputList(1),
  benefits: inputList(1),
  staff: inputList(1),
  costs: inputList(0).default([]),
});

export const ConfigShape = z.strictObject({
  project: text.default("MENERVA"),
  language: choice(["nl", "en"] as const, { nl: "nl", en: "en", nederlands: "nl", english: "en" }).default("nl"),
  start: startPeriod,
  se_partners: z.array(partner).min(1),
  nec_partners: z.array(partner).min(1),
  fees,
  vat_rate: fraction.default(dec("0.21")),
  settlement: settlement.default({ profit: "retain", shortfall: "partner" }),
  effort_tolerance: fraction.default(dec("0.10")),
  opening_reserve: amount.default(dec("0")),
  other_costs: z.array(otherCost).default([]),
  inputs,
  ledger: text.default("menerva-ledger.jsonl"),
  output: text.default("out"),
  staff_cost: text.optional(),
  invoicing: InvoicingShape.optional(),
});

export type ConfigData = output<typeof ConfigShape>;

/** Keys allowed at each place (indices as "*"), for unknown-key hints. */
export const ALLOWED_KEYS: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(ConfigShape.shape),
  fees: Object.keys(fees.shape),
  "fees.hourly.*": Object.keys(hourlyFee.shape),
  settlement: Object.keys(settlement.shape),
  "other_costs.*": Object.keys(otherCost.shape),
  "se_partners.*": ["name", "from", "until"],
  "nec_partners.*": ["name", "from", "until"],
  inputs: Object.keys(inputs.shape),
  "inputs.*.*": ["path", "decimal", "encoding", "delimiter", "cumulative", "sheet"],
  ...INVOICING_KEYS,
};
