// Scenario file schema (SPEC §7): raw YAML data (numbers as source text) to a
// validated domain Scenario, or every problem with its key path.
import { z, type output, type ZodType } from "./zod.js";
import { t, type Text } from "../domain/issues.js";
import { zodText } from "./zod-text.js";
import { ZERO, sum, type Dec } from "../domain/money.js";
import type { CostPrice } from "../domain/costprice/types.js";
import { monthlyStaffCostParts } from "../domain/costprice/staff-cost.js";
import { roundMoney } from "../domain/money.js";
import { LINE_KINDS, STAFF_LINE, costLines, resolveLines } from "../domain/scenario/funding.js";
import type { Distribution, Funder, Inflow, McParam, MonteCarloSpec, RandomDriver, Scenario, SeStaff, Step, Subsidy, VariableCost } from "../domain/scenario/types.js";
import { byShape, decimal, fraction, integer, mcParam, money, text } from "./scenario-values.js";
import { nameKey, namesByKey, nameProblem } from "./partner-names.js";
import { FTE_PER_ROW, INFLOW_PER_MONTH, magnitudeProblem } from "./limits.js";

const list = <T extends ZodType>(item: T) => z.array(item, { error: "expected a list" });

const Tier = z.strictObject({ from: integer(1), to: integer(1), amount: money() });
const Benefit = z.strictObject({ type: text(), schedule: list(Tier).min(1, "at least one schedule line") });
const FeeStep = z.strictObject({ from_month: integer(1), rate: money() });
const Nec = z.strictObject({
  name: text(),
  share: fraction(),
  margin_per_hour: money({}),
  cell_cost_per_month: money().optional(),
});
const SubsidyRaw = z.strictObject({
  name: text(),
  rate: fraction().optional(),
  of: text().optional(),
  amount: money().optional(),
  from_month: integer(1).optional(),
  months: integer(1).optional(),
  cap: money().optional(),
});
const Investment = z.strictObject({ name: text(), month: integer(1), amount: money() });
const Running = z.strictObject({ name: text(), per_month: money(), from_month: integer(1).optional(), to_month: integer(1).optional() });
const Variable = z.strictObject({
  name: text(),
  per_candidate: money().optional(),
  per_worker_month: money().optional(),
  from_month: integer(1).optional(),
  to_month: integer(1).optional(),
});
const FunderRaw = z.strictObject({
  name: text(),
  own: z.boolean({ error: "expected true or false" }).optional(),
  of: byShape(list(text()).min(1, "at least one cost line"), z.never({ error: "expected a cost line name or a list of them" }), text()),
  rate: fraction().optional(),
  amount: money().optional(),
  from_month: integer(1).optional(),
  months: integer(1).optional(),
  cap: money().optional(),
  cap_per_month: money().optional(),
});

const Dist = z.strictObject({
  dist: z.enum(["fixed", "poisson", "normal", "uniform", "triangular"]),
  value: mcParam().optional(),
  mean: mcParam({ min: 0, relativeMin: -100 }).optional(),
  sd: mcParam({ min: 0, relativeMin: 0 }).optional(),
  min: mcParam().optional(),
  max: mcParam().optional(),
  low: mcParam().optional(),
  mode: mcParam().optional(),
  high: mcParam().optional(),
  per: z.enum(["run", "month"]).optional(),
});

export const ScenarioRaw = z.strictObject({
  name: text().optional(),
  description: text().optional(),
  start: text(),
  months: integer(1, 600),
  se_partners: list(text()).min(1, "at least one SE partner"),
  nec_partners: list(Nec).optional(),
  inflow: byShape(
    list(decimal({ min: "0", limit: INFLOW_PER_MONTH })).min(1, "at least one month"),
    z.strictObject({ start: decimal({ min: "0", limit: INFLOW_PER_MONTH }), monthly_growth: decimal({ min: "-1", max: "1" }) }),
    decimal({ min: "0", limit: INFLOW_PER_MONTH }),
  ),
  ready_share: fraction(),
  placement_rate: fraction(),
  months_to_placement: integer(0, 600),
  monthly_dropout: fraction(),
  hours_per_week: decimal({ min: "0", max: "168" }),
  fee_per_hour: byShape(list(FeeStep).min(1, "at least one rate"), z.strictObject({ rate: money() }), money()),
  benefit_share: fraction(),
  benefits: list(Benefit).optional(),
  se_staff: z.strictObject({
    fte_per_partner: decimal({ min: "0", limit: FTE_PER_ROW }).optional(),
    yearly_cost_per_fte: money().optional(),
    indexation: decimal({ min: "-1", max: "1" }).optional(),
    costprice: text().optional(),
  }),
  subsidies: list(SubsidyRaw).optional(),
  investments: list(Investment).optional(),
  running_costs: list(Running).optional(),
  variable_costs: list(Variable).optional(),
  funding: list(FunderRaw).optional(),
  opening_reserve: money({}).optional(),
  montecarlo: z
    .strictObject({ inflow: Dist.optional(), placement_rate: Dist.optional(), monthly_dropout: Dist.optional(), hours_per_week: Dist.optional() })
    .optional(),
});
export type ScenarioRawT = output<typeof ScenarioRaw>;

export type SchemaProblem = { readonly path: readonly (string | number)[]; readonly message: Text; readonly unknownKey?: string };

type DistRaw = output<typeof Dist>;

/** The keys each distribution takes (anything else is an error, so a typo never passes silently). */
const DIST_KEYS: Readonly<Record<DistRaw["dist"], readonly (keyof DistRaw)[]>> = {
  fixed: ["value"],
  poisson: ["mean"],
  normal: ["mean", "sd", "min", "max"],
  uniform: ["low", "high", "min", "max"],
  triangular: ["low", "mode", "high"],
};

function toDistribution(d: DistRaw, path: (string | number)[], defaultPer: "run" | "month", out: SchemaProblem[]): RandomDriver | undefined {
  const before = out.length;
  for (const k of ["value", "mean", "sd", "min", "max", "low", "mode", "high"] as const)
    if (d[k] !== undefined && !DIST_KEYS[d.dist].includes(k)) out.push({ path: [...path, k], message: t("scenario.dist-keys", { dist: d.dist, keys: DIST_KEYS[d.dist].join(", "), key: k }) });
  const need = (k: keyof DistRaw): boolean => {
    if (d[k] === undefined) out.push({ path: [...path, k], message: t("scenario.required-for", { dist: d.dist }) });
    return d[k] !== undefined;
  };
  const opt = <K extends string>(k: K, v: McParam | undefined) => (v !== undefined ? ({ [k]: v } as Record<K, McParam>) : {});
  let distribution: Distribution | undefined;
  switch (d.dist) {
    case "fixed":
      distribution = { dist: "fixed", ...opt("value", d.value) };
      break;
    case "poisson":
      distribution = { dist: "poisson", ...opt("mean", d.mean) };
      break;
    case "normal":
      if (need("sd")) distribution = { dist: "normal", sd: d.sd!, ...opt("mean", d.mean), ...opt("min", d.min), ...opt("max", d.max) };
      break;
    case "uniform": {
      // low/high, or min/max as older files write them.
      if ((d.low !== undefined || d.high !== undefined) && (d.min !== undefined || d.max !== undefined)) {
        out.push({ path: [...path, "min"], message: t("scenario.low-high-or-min-max") });
        break;
      }
      const low = d.low ?? d.min;
      const high = d.high ?? d.max;
      if (low === undefined) out.push({ path: [...path, "low"], message: t("scenario.required-for", { dist: "uniform" }) });
      if (high === undefined) out.push({ path: [...path, "high"], message: t("scenario.required-for", { dist: "uniform" }) });
      if (low !== undefined && high !== undefined) distribution = { dist: "uniform", low, high };
      break;
    }
    case "triangular":
      if (need("low") && need("high")) distribution = { dist: "triangular", low: d.low!, high: d.high!, ...opt("mode", d.mode) };
      break;
  }
  return distribution && out.length === before ? { distribution, per: d.per ?? defaultPer } : undefined;
}

/** A cost-price file named by `se_staff.costprice`, read by the caller (the schema stays free of disk access). */
export type CostPriceInput = { readonly file: string; readonly costPrice: CostPrice } | { readonly file: string; readonly error: Text };

/** Validate raw data and build the Scenario; `name` defaults to the file's base name. */
export function scenarioFromRaw(
  data: unknown,
  defaultName: string,
  notes: Readonly<Record<string, string>> = {},
  costPrice?: CostPriceInput,
): { ok: true; value: Scenario } | { ok: false; problems: SchemaProblem[] } {
  const parsed = ScenarioRaw.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i): SchemaProblem => {
      const path = i.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      if (i.code === "unrecognized_keys") return { path, message: t("scenario.unknown-key", { key: i.keys[0]! }), unknownKey: i.keys[0]! };
      if (i.code === "invalid_value") return { path, message: t("scenario.expected-one-of", { values: i.values.map(String) }) };
      return { path, message: i.message === "Invalid input" || i.message.startsWith("Invalid input: expected") ? humanType(i.message) : zodText(i) };
    });
    return { ok: false, problems };
  }
  const r = parsed.data;
  const out: SchemaProblem[] = [];

  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.start)) out.push({ path: ["start"], message: t("scenario.start-month") });

  if (!Array.isArray(r.inflow) && "monthly_growth" in (r.inflow as object)) {
    // Growth compounds: the last month's inflow must stay within the limit too.
    const g = r.inflow as { start: Dec; monthly_growth: Dec };
    const last = g.start.times(g.monthly_growth.plus(1).pow(r.months - 1));
    if (magnitudeProblem(last, INFLOW_PER_MONTH) !== undefined) {
      out.push({ path: ["inflow", "monthly_growth"], message: t("scenario.growth-too-large", { grows: last.toSignificantDigits(3).toString(), month: r.months, max: INFLOW_PER_MONTH.max }) });
    }
  }
  const inflow: Inflow = Array.isArray(r.inflow)
    ? { kind: "list", values: r.inflow }
    : "monthly_growth" in (r.inflow as object)
      ? { kind: "growth", start: (r.inflow as { start: Dec }).start, monthlyGrowth: (r.inflow as { monthly_growth: Dec }).monthly_growth }
      : { kind: "constant", perMonth: r.inflow as Dec };

  const fee: Step[] = Array.isArray(r.fee_per_hour)
    ? r.fee_per_hour.map((f) => ({ fromMonth: f.from_month, value: f.rate }))
    : [{ fromMonth: 1, value: "rate" in (r.fee_per_hour as object) ? (r.fee_per_hour as { rate: Dec }).rate : (r.fee_per_hour as Dec) }];
  if (Array.isArray(r.fee_per_hour)) {
    if (fee[0]!.fromMonth !== 1) out.push({ path: ["fee_per_hour", 0, "from_month"], message: t("scenario.first-rate-month-1") });
    fee.forEach((f, i) => {
      if (i > 0 && f.fromMonth <= fee[i - 1]!.fromMonth) out.push({ path: ["fee_per_hour", i, "from_month"], message: t("scenario.months-increase") });
    });
  }

  const benefits = (r.benefits ?? []).map((b, bi) => {
    b.schedule.forEach((tier, ti) => {
      if (tier.to < tier.from) out.push({ path: ["benefits", bi, "schedule", ti, "to"], message: t("scenario.at-least-from") });
      const prev = b.schedule[ti - 1];
      if (prev && tier.from <= prev.to) out.push({ path: ["benefits", bi, "schedule", ti, "from"], message: t("scenario.overlaps-before", { from: prev.from, to: prev.to }) });
    });
    return { type: b.type, tiers: b.schedule.map((t) => ({ fromMonth: t.from, toMonth: t.to, amount: t.amount })) };
  });

  const necs = r.nec_partners ?? [];
  if (necs.length > 0) {
    const total = sum(necs.map((n) => n.share));
    if (!total.equals(1)) out.push({ path: ["nec_partners"], message: t("scenario.shares-sum", { total: total.toFixed() }) });
  }
  // Names compare ignoring case and Unicode form (partner-names.ts); a partner name must be one script.
  const dup = (names: string[], path: string, key?: string, partners = false) => {
    const seen = new Set<string>();
    names.forEach((n, i) => {
      const at = key ? [path, i, key] : [path, i];
      const bad = partners ? nameProblem(n) : undefined;
      if (bad) out.push({ path: at, message: t("scenario.bad-name", { problem: bad.problem, hint: bad.hint }) });
      if (seen.has(nameKey(n))) out.push({ path: at, message: t("scenario.twice", { name: n }) });
      seen.add(nameKey(n));
    });
  };
  dup(r.se_partners, "se_partners", undefined, true);
  dup(necs.map((n) => n.name), "nec_partners", "name", true);

  const investments = (r.investments ?? []).map((i) => ({ name: i.name, month: i.month, amount: i.amount }));
  const subsidies: Subsidy[] = [];
  (r.subsidies ?? []).forEach((sr, i) => {
    const base = ["subsidies", i];
    const window = { fromMonth: sr.from_month ?? 1, ...(sr.months !== undefined ? { months: sr.months } : {}), ...(sr.cap !== undefined ? { cap: sr.cap } : {}) };
    if (sr.amount !== undefined) {
      if (sr.rate !== undefined || sr.of !== undefined) out.push({ path: [...base, "amount"], message: t("scenario.subsidy-amount-or-rate") });
      else subsidies.push({ name: sr.name, basis: { kind: "fixed", perMonth: sr.amount }, ...window });
      return;
    }
    if (sr.rate === undefined || sr.of === undefined) {
      out.push({ path: base, message: t("scenario.subsidy-give") });
      return;
    }
    if (sr.of === "staff_cost") subsidies.push({ name: sr.name, basis: { kind: "staff-cost", rate: sr.rate }, ...window });
    else if (investments.some((x) => x.name === sr.of)) subsidies.push({ name: sr.name, basis: { kind: "investment", investment: sr.of, rate: sr.rate }, ...window });
    else out.push({ path: [...base, "of"], message: t("scenario.subsidy-of", { of: sr.of }) });
  });

  const runningCosts = (r.running_costs ?? []).map((c, i) => {
    if (c.to_month !== undefined && c.to_month < (c.from_month ?? 1)) out.push({ path: ["running_costs", i, "to_month"], message: t("scenario.at-least-from-month") });
    return { name: c.name, perMonth: c.per_month, fromMonth: c.from_month ?? 1, ...(c.to_month !== undefined ? { toMonth: c.to_month } : {}) };
  });

  const variableCosts: VariableCost[] = [];
  (r.variable_costs ?? []).forEach((v, i) => {
    const base = ["variable_costs", i];
    if ((v.per_candidate === undefined) === (v.per_worker_month === undefined)) {
      out.push({ path: base, message: t("scenario.variable-cost-per") });
      return;
    }
    if (v.to_month !== undefined && v.to_month < (v.from_month ?? 1)) out.push({ path: [...base, "to_month"], message: t("scenario.at-least-from-month") });
    variableCosts.push({
      name: v.name,
      per: v.per_candidate !== undefined ? "candidate" : "worker",
      amount: (v.per_candidate ?? v.per_worker_month)!,
      fromMonth: v.from_month ?? 1,
      ...(v.to_month !== undefined ? { toMonth: v.to_month } : {}),
    });
  });

  const funding: Funder[] = [];
  if (r.funding && r.funding.length > 0) {
    if ((r.subsidies ?? []).length > 0)
      out.push({ path: ["subsidies"], message: t("scenario.subsidies-or-funding") });
    const lines = costLines({ investments, runningCosts, variableCosts });
    const seen = new Map<string, string>();
    const reserved = new Set(Object.keys(LINE_KINDS));
    const named: [string, (string | number)[]][] = [
      ...investments.map((x, i): [string, (string | number)[]] => [x.name, ["investments", i, "name"]]),
      ...runningCosts.map((x, i): [string, (string | number)[]] => [x.name, ["running_costs", i, "name"]]),
      ...(r.variable_costs ?? []).map((x, i): [string, (string | number)[]] => [x.name, ["variable_costs", i, "name"]]),
    ];
    for (const [n, path] of named) {
      const kind = String(path[0]);
      if (reserved.has(n)) out.push({ path, message: t("scenario.reserved-name", { name: n }) });
      else if (seen.has(n) && seen.get(n) !== kind) out.push({ path, message: t("scenario.name-in-two-kinds", { name: n, other: seen.get(n)! }) });
      else seen.set(n, kind);
    }
    r.funding.forEach((f, i) => {
      const base = ["funding", i];
      const of = Array.isArray(f.of) ? f.of : [f.of as string];
      const { names, unknown } = resolveLines(lines, of);
      unknown.forEach((u) =>
        out.push({
          path: [...base, "of"],
          message: t("scenario.not-a-cost-line", { name: u, kinds: [STAFF_LINE, "investments", "running_costs", "variable_costs", "all"].join(", ") }),
        }),
      );
      if ((f.rate === undefined) === (f.amount === undefined)) {
        out.push({ path: base, message: t("scenario.funding-rate-or-amount") });
        return;
      }
      funding.push({
        name: f.name,
        own: f.own ?? false,
        lines: names,
        basis: f.rate !== undefined ? { kind: "rate", rate: f.rate } : { kind: "amount", perMonth: f.amount! },
        fromMonth: f.from_month ?? 1,
        ...(f.months !== undefined ? { months: f.months } : {}),
        ...(f.cap !== undefined ? { cap: f.cap } : {}),
        ...(f.cap_per_month !== undefined ? { capPerMonth: f.cap_per_month } : {}),
      });
    });
    dup(r.funding.map((f) => f.name), "funding", "name");
  }

  const st = r.se_staff;
  let seStaff: SeStaff | undefined;
  if (st.costprice !== undefined) {
    if (!costPrice || "error" in costPrice) out.push({ path: ["se_staff", "costprice"], message: costPrice && "error" in costPrice ? costPrice.error : t("scenario.costprice-unreadable") });
    else {
      const known = costPrice.costPrice.partners.map((p) => p.name);
      const byKey = namesByKey(known);
      const missing = r.se_partners.filter((p) => !byKey.has(nameKey(p)));
      if (missing.length > 0)
        out.push({
          path: ["se_staff", "costprice"],
          message: t("scenario.costprice-partners", { missing: missing.map((m) => `"${m}"`).join(", "), known: known.map((k) => `"${k}"`).join(", ") }),
        });
      else {
        // Gross cost and the file's subsidies each rounded to cents a month, kept apart (issue 14).
        const years = Math.ceil(r.months / 12);
        const parts = Array.from({ length: years }, (_, y) => r.se_partners.map((p) => monthlyStaffCostParts(costPrice.costPrice, byKey.get(nameKey(p))!, y)));
        const grossByYear = parts.map((y) => y.map((x) => roundMoney(x.gross, "half-away-from-zero")));
        const subsidyByYear = parts.map((y) => y.map((x) => roundMoney(x.subsidies, "half-away-from-zero")));
        seStaff = { ftePerPartner: ZERO, yearlyCostPerFte: ZERO, indexation: ZERO, costPrice: { file: costPrice.file, grossByYear, subsidyByYear } };
      }
    }
  } else {
    if (st.fte_per_partner === undefined) out.push({ path: ["se_staff", "fte_per_partner"], message: t("scenario.required-or-costprice") });
    if (st.yearly_cost_per_fte === undefined) out.push({ path: ["se_staff", "yearly_cost_per_fte"], message: t("scenario.required-or-costprice") });
    if (st.fte_per_partner !== undefined && st.yearly_cost_per_fte !== undefined)
      seStaff = { ftePerPartner: st.fte_per_partner, yearlyCostPerFte: st.yearly_cost_per_fte, indexation: st.indexation ?? ZERO };
  }

  let monteCarlo: MonteCarloSpec | undefined;
  if (r.montecarlo) {
    const mc = r.montecarlo;
    const d = (k: keyof typeof mc, per: "run" | "month") => (mc[k] ? toDistribution(mc[k]!, ["montecarlo", k], per, out) : undefined);
    const inflowD = d("inflow", "month");
    const pr = d("placement_rate", "run");
    const dr = d("monthly_dropout", "run");
    const hw = d("hours_per_week", "run");
    monteCarlo = { ...(inflowD ? { inflow: inflowD } : {}), ...(pr ? { placementRate: pr } : {}), ...(dr ? { monthlyDropout: dr } : {}), ...(hw ? { hoursPerWeek: hw } : {}) };
  }

  if (out.length > 0) return { ok: false, problems: out };
  return {
    ok: true,
    value: {
      name: r.name ?? defaultName,
      ...(r.description !== undefined ? { description: r.description } : {}),
      start: r.start,
      months: r.months,
      sePartners: r.se_partners,
      necPartners: necs.map((n) => ({ name: n.name, share: n.share, marginPerHour: n.margin_per_hour, cellCostPerMonth: n.cell_cost_per_month ?? ZERO })),
      inflow,
      readyShare: r.ready_share,
      placementRate: r.placement_rate,
      monthsToPlacement: r.months_to_placement,
      monthlyDropout: r.monthly_dropout,
      hoursPerWeek: r.hours_per_week,
      fee,
      benefitShare: r.benefit_share,
      benefits,
      seStaff: seStaff!,
      subsidies,
      investments,
      runningCosts,
      ...(variableCosts.length > 0 ? { variableCosts } : {}),
      ...(funding.length > 0 ? { funding } : {}),
      openingReserve: r.opening_reserve ?? ZERO,
      ...(monteCarlo ? { monteCarlo } : {}),
      notes,
    },
  };
}

/** zod's "Invalid input: expected X, received Y" in the words of a YAML file. */
function humanType(message: string): Text {
  const m = /expected (\w+), received (\w+)/.exec(message);
  if (!m) return t("scenario.invalid-value");
  if (m[2] === "undefined") return t("scenario.required");
  const word = (w: string): Text | string =>
    ({ array: t("value.a-list"), object: t("scenario.a-map-of-keys"), string: t("value.text"), undefined: t("value.nothing"), null: t("value.nothing"), boolean: t("value.true-false") })[w] ?? w;
  return t("scenario.expected-got", { expected: word(m[1]!), got: word(m[2]!) });
}
