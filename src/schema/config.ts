// menerva.yaml text -> validated ModelConfig (every number exact) plus the
// non-model settings (inputs, ledger, output), or every problem at once with
// its line:column. Pure: the file is read by src/adapters/config-file.ts.
import { byLocation, capIssues, error, fail, ok, t, warning, type Issue, type Result, type SourceRef } from "../domain/issues.js";
import type { ModelConfig, PartnerSpan } from "../domain/model.js";
import { D, fmtDecimal } from "../domain/money.js";
import type { InvoicingConfig } from "../domain/invoicing/types.js";
import { crossChecks } from "./config-checks.js";
import { invoicingChecks, toInvoicing } from "./config-invoicing.js";
import { fromZodIssues } from "./config-issues.js";
import { ALLOWED_KEYS, ConfigShape, type ConfigData } from "./config-shape.js";
import { readYaml, type YamlSource } from "./config-yaml.js";
import { isPlainMap } from "./yaml-safe.js";
import { nameKey, namesByKey } from "./partner-names.js";

/** One entry of `inputs.<kind>`: a glob as written, with optional format overrides. */
export type InputSpec = {
  pattern: string;
  decimal?: "," | ".";
  encoding?: "utf-8" | "windows-1252";
  delimiter?: string;
  /** A restating (year-to-date) export (`cumulative: true`). */
  cumulative?: boolean;
  /** The sheet of an .xlsx input (default: the first visible one). */
  sheet?: string;
};

export type InputKind = "hours" | "benefits" | "staff" | "costs";
export const INPUT_KINDS: readonly InputKind[] = ["hours", "benefits", "staff", "costs"];

/** An input glob with where it was written (for "no file matches" messages). */
export type InputEntry = { readonly spec: InputSpec; readonly subject: string; readonly source: SourceRef };

/** The settings beside the model, paths still relative to the config's folder. */
export type ParsedConfigRaw = {
  readonly inputs: Readonly<Record<InputKind, readonly InputEntry[]>>;
  readonly ledger: string;
  /** Where `ledger:` is written (the top of the file when it is left at its default). */
  readonly ledgerSource: SourceRef;
  readonly output: string;
  readonly staffCost?: { readonly path: string; readonly source: SourceRef };
  /** The `invoicing:` block; absent: the close makes no documents. */
  readonly invoicing?: InvoicingConfig;
  /** The config as plain JSON, defaults applied, numbers as exact decimal strings. */
  readonly canonical: Record<string, unknown>;
};

/** Plain JSON with Decimals as exact strings and absent optionals dropped. */
function toCanonical(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(toCanonical);
  if (v instanceof D) return fmtDecimal(v);
  const out = Object.create(null) as Record<string, unknown>; // a user key "__proto__" stays a key
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toCanonical(x);
  return out;
}

/** Name → span of the partners that join or leave (entries with from or until). */
function spans(c: ConfigData): Record<string, PartnerSpan> | undefined {
  let out: Record<string, PartnerSpan> | undefined;
  for (const p of [...c.se_partners, ...c.nec_partners]) {
    if (p.from === undefined && p.until === undefined) continue;
    (out ??= Object.create(null) as Record<string, PartnerSpan>)[p.name] = { ...(p.from !== undefined ? { from: p.from } : {}), ...(p.until !== undefined ? { until: p.until } : {}) };
  }
  return out;
}

function toModel(c: ConfigData, src: YamlSource): ModelConfig {
  const partnerSpans = spans(c);
  // A fee entry may name its partner in another case: the model uses the listed spelling.
  const nec = namesByKey(c.nec_partners.map((p) => p.name));
  return {
    project: c.project,
    language: c.language,
    start: c.start,
    sePartners: c.se_partners.map((p) => p.name),
    necPartners: c.nec_partners.map((p) => p.name),
    ...(partnerSpans ? { partnerSpans } : {}),
    hourlyFees: c.fees.hourly.map((f, i) => ({
      from: f.from,
      rate: f.rate,
      ...(f.nec_partner !== undefined ? { necPartner: nec.get(nameKey(f.nec_partner)) ?? f.nec_partner } : {}),
      source: src.locate(["fees", "hourly", i]),
    })),
    benefitShare: c.fees.benefit_share,
    benefitTypes: c.fees.benefit_types,
    vatRate: c.vat_rate,
    profit: c.settlement.profit,
    shortfall: c.settlement.shortfall,
    effortTolerance: c.effort_tolerance,
    openingReserve: c.opening_reserve,
    otherCosts: c.other_costs.map((o, i) => ({ ...o, source: src.locate(["other_costs", i]) })),
  };
}

function toRaw(c: ConfigData, src: YamlSource): ParsedConfigRaw {
  const entries = (kind: InputKind): InputEntry[] =>
    c.inputs[kind].map((item, i) => {
      const { path, ...overrides } = item;
      const spec: InputSpec = { pattern: path };
      if (overrides.decimal !== undefined) spec.decimal = overrides.decimal;
      if (overrides.encoding !== undefined) spec.encoding = overrides.encoding;
      if (overrides.delimiter !== undefined) spec.delimiter = overrides.delimiter;
      if (overrides.cumulative === true) spec.cumulative = true;
      if (overrides.sheet !== undefined) spec.sheet = overrides.sheet;
      // Point at the glob itself, whether written as a string or as {path: ...}.
      const where = src.textAt(["inputs", kind, i]) !== undefined ? ["inputs", kind, i] : ["inputs", kind, i, "path"];
      return { spec, subject: `inputs.${kind}.${i}`, source: src.locate(where) };
    });
  const inputs = { hours: entries("hours"), benefits: entries("benefits"), staff: entries("staff"), costs: entries("costs") };
  // Inputs written as a bare glob stay a bare glob in the canonical form.
  const canonical = toCanonical(c) as Record<string, unknown>;
  // Partners written as a bare name stay a bare name.
  for (const key of ["se_partners", "nec_partners"] as const) {
    canonical[key] = c[key].map((p) => (p.from === undefined && p.until === undefined ? p.name : toCanonical(p)));
  }
  canonical.inputs = Object.fromEntries(
    INPUT_KINDS.map((k) => [k, c.inputs[k].map((item) => (Object.keys(item).length === 1 ? item.path : toCanonical(item)))]),
  );
  return {
    inputs,
    ledger: c.ledger,
    ledgerSource: src.locate(["ledger"]),
    output: c.output,
    ...(c.staff_cost !== undefined ? { staffCost: { path: c.staff_cost, source: src.locate(["staff_cost"]) } } : {}),
    ...(c.invoicing !== undefined ? { invoicing: toInvoicing(c.invoicing, src, c.nec_partners.map((p) => p.name)) } : {}),
    canonical,
  };
}

/** Parse and validate menerva.yaml text; `file` is the name used in messages. */
export function parseConfigText(text: string, file: string): Result<{ model: ModelConfig; raw: ParsedConfigRaw }> {
  const yaml = readYaml(text.replace(/^\uFEFF/, ""), file);
  if (!yaml.ok) return fail(yaml.issues);
  const src = yaml.value;
  if (!isPlainMap(src.data)) {
    return fail([error(src.data === null ? "not-a-map.empty" : "not-a-map", {}, { source: src.locate([]), hint: t("see-example-config") })]);
  }
  // Another program's YAML (or /etc/passwd, which reads as YAML): say so once,
  // without quoting its keys or values.
  if (!Object.keys(src.data).some((k) => ALLOWED_KEYS[""]!.includes(k))) {
    return fail([error("not-a-config", {}, { source: { file, line: 1 }, hint: t("see-example-config") })]);
  }
  const parsed = ConfigShape.safeParse(src.data);
  const issues: Issue[] = [...(parsed.success ? [] : fromZodIssues(parsed.error.issues, src)), ...crossChecks(src), ...invoicingChecks(src)];
  if (issues.length > 0 || !parsed.success) return fail(capIssues([...issues].sort(byLocation), file));
  // A negative opening reserve may be a deficit taken over: allowed, but never silent.
  const warnings = parsed.data.opening_reserve.isNegative()
    ? [warning("opening-reserve-negative", {}, { source: src.locate(["opening_reserve"]), subject: "opening_reserve", found: parsed.data.opening_reserve.toFixed(), hint: t("opening-reserve-negative.hint") })]
    : [];
  return ok({ model: toModel(parsed.data, src), raw: toRaw(parsed.data, src) }, warnings);
}
