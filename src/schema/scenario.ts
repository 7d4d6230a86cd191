// Scenario file schema (SPEC §7): raw YAML data (numbers as source text) to a
// validated domain Scenario, or every problem with its key path.
import { z } from "zod";
import { ZERO, sum, type Dec } from "../domain/money.js";
import type { Distribution, Inflow, MonteCarloSpec, RandomDriver, Scenario, Step, Subsidy } from "../domain/scenario/types.js";
import { byShape, decimal, fraction, integer, money, simNumber, text } from "./scenario-values.js";

const list = <T extends z.ZodType>(item: T) => z.array(item, { error: "expected a list" });

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

const Dist = z.strictObject({
  dist: z.enum(["fixed", "poisson", "normal", "uniform"], { error: "expected fixed, poisson, normal or uniform" }),
  value: simNumber().optional(),
  mean: simNumber({ min: "0" }).optional(),
  sd: simNumber({ min: "0" }).optional(),
  min: simNumber().optional(),
  max: simNumber().optional(),
  per: z.enum(["run", "month"], { error: "expected run or month" }).optional(),
});

export const ScenarioRaw = z.strictObject({
  name: text().optional(),
  description: text().optional(),
  start: text(),
  months: integer(1, 600),
  se_partners: list(text()).min(1, "at least one SE partner"),
  nec_partners: list(Nec).optional(),
  inflow: byShape(
    list(decimal({ min: "0" })).min(1, "at least one month"),
    z.strictObject({ start: decimal({ min: "0" }), monthly_growth: decimal({ min: "-1" }) }),
    decimal({ min: "0" }),
  ),
  ready_share: fraction(),
  placement_rate: fraction(),
  months_to_placement: integer(0, 600),
  monthly_dropout: fraction(),
  hours_per_week: decimal({ min: "0", max: "168" }),
  fee_per_hour: byShape(list(FeeStep).min(1, "at least one rate"), z.strictObject({ rate: money() }), money()),
  benefit_share: fraction(),
  benefits: list(Benefit).optional(),
  se_staff: z.strictObject({ fte_per_partner: decimal({ min: "0" }), yearly_cost_per_fte: money(), indexation: decimal({ min: "-1" }).optional() }),
  subsidies: list(SubsidyRaw).optional(),
  investments: list(Investment).optional(),
  running_costs: list(Running).optional(),
  opening_reserve: money({}).optional(),
  montecarlo: z
    .strictObject({ inflow: Dist.optional(), placement_rate: Dist.optional(), monthly_dropout: Dist.optional(), hours_per_week: Dist.optional() })
    .optional(),
});
export type ScenarioRawT = z.output<typeof ScenarioRaw>;

export type SchemaProblem = { readonly path: readonly (string | number)[]; readonly message: string; readonly unknownKey?: string };

type DistRaw = z.output<typeof Dist>;

function toDistribution(d: DistRaw, path: (string | number)[], defaultPer: "run" | "month", out: SchemaProblem[]): RandomDriver | undefined {
  const need = (k: keyof DistRaw): boolean => {
    if (d[k] === undefined) out.push({ path: [...path, k], message: `required for ${d.dist}` });
    return d[k] !== undefined;
  };
  let distribution: Distribution | undefined;
  switch (d.dist) {
    case "fixed":
      if (need("value")) distribution = { dist: "fixed", value: d.value! };
      break;
    case "poisson":
      if (need("mean")) distribution = { dist: "poisson", mean: d.mean! };
      break;
    case "normal":
      if (need("mean") && need("sd"))
        distribution = { dist: "normal", mean: d.mean!, sd: d.sd!, ...(d.min !== undefined ? { min: d.min } : {}), ...(d.max !== undefined ? { max: d.max } : {}) };
      break;
    case "uniform":
      if (need("min") && need("max")) {
        if (d.max! < d.min!) out.push({ path: [...path, "max"], message: "must be at least min" });
        else distribution = { dist: "uniform", min: d.min!, max: d.max! };
      }
      break;
  }
  return distribution ? { distribution, per: d.per ?? defaultPer } : undefined;
}

/** Validate raw data and build the Scenario; `name` defaults to the file's base name. */
export function scenarioFromRaw(
  data: unknown,
  defaultName: string,
  notes: Readonly<Record<string, string>> = {},
): { ok: true; value: Scenario } | { ok: false; problems: SchemaProblem[] } {
  const parsed = ScenarioRaw.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i): SchemaProblem => {
      const path = i.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      if (i.code === "unrecognized_keys") return { path, message: `unknown key "${i.keys[0]}"`, unknownKey: i.keys[0]! };
      return { path, message: i.message === "Invalid input" || i.message.startsWith("Invalid input: expected") ? humanType(i.message) : i.message };
    });
    return { ok: false, problems };
  }
  const r = parsed.data;
  const out: SchemaProblem[] = [];

  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.start)) out.push({ path: ["start"], message: 'expected a month "YYYY-MM" (quote it: "2025-01")' });

  const inflow: Inflow = Array.isArray(r.inflow)
    ? { kind: "list", values: r.inflow }
    : "monthly_growth" in (r.inflow as object)
      ? { kind: "growth", start: (r.inflow as { start: Dec }).start, monthlyGrowth: (r.inflow as { monthly_growth: Dec }).monthly_growth }
      : { kind: "constant", perMonth: r.inflow as Dec };

  const fee: Step[] = Array.isArray(r.fee_per_hour)
    ? r.fee_per_hour.map((f) => ({ fromMonth: f.from_month, value: f.rate }))
    : [{ fromMonth: 1, value: "rate" in (r.fee_per_hour as object) ? (r.fee_per_hour as { rate: Dec }).rate : (r.fee_per_hour as Dec) }];
  if (Array.isArray(r.fee_per_hour)) {
    if (fee[0]!.fromMonth !== 1) out.push({ path: ["fee_per_hour", 0, "from_month"], message: "the first rate must start in month 1" });
    fee.forEach((f, i) => {
      if (i > 0 && f.fromMonth <= fee[i - 1]!.fromMonth) out.push({ path: ["fee_per_hour", i, "from_month"], message: "months must increase" });
    });
  }

  const benefits = (r.benefits ?? []).map((b, bi) => {
    b.schedule.forEach((t, ti) => {
      if (t.to < t.from) out.push({ path: ["benefits", bi, "schedule", ti, "to"], message: "must be at least from" });
      const prev = b.schedule[ti - 1];
      if (prev && t.from <= prev.to) out.push({ path: ["benefits", bi, "schedule", ti, "from"], message: `overlaps the line before (months ${prev.from}-${prev.to})` });
    });
    return { type: b.type, tiers: b.schedule.map((t) => ({ fromMonth: t.from, toMonth: t.to, amount: t.amount })) };
  });

  const necs = r.nec_partners ?? [];
  if (necs.length > 0) {
    const total = sum(necs.map((n) => n.share));
    if (!total.equals(1)) out.push({ path: ["nec_partners"], message: `shares must add up to 1 (they add up to ${total.toFixed()})` });
  }
  const dup = (names: string[], path: string, key?: string) =>
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i) out.push({ path: key ? [path, i, key] : [path, i], message: `"${n}" appears twice` });
    });
  dup(r.se_partners, "se_partners");
  dup(necs.map((n) => n.name), "nec_partners", "name");

  const investments = (r.investments ?? []).map((i) => ({ name: i.name, month: i.month, amount: i.amount }));
  const subsidies: Subsidy[] = [];
  (r.subsidies ?? []).forEach((sr, i) => {
    const base = ["subsidies", i];
    const window = { fromMonth: sr.from_month ?? 1, ...(sr.months !== undefined ? { months: sr.months } : {}), ...(sr.cap !== undefined ? { cap: sr.cap } : {}) };
    if (sr.amount !== undefined) {
      if (sr.rate !== undefined || sr.of !== undefined) out.push({ path: [...base, "amount"], message: "give either amount (per month) or rate with of, not both" });
      else subsidies.push({ name: sr.name, basis: { kind: "fixed", perMonth: sr.amount }, ...window });
      return;
    }
    if (sr.rate === undefined || sr.of === undefined) {
      out.push({ path: base, message: "give amount (per month), or rate and of (staff_cost or an investment's name)" });
      return;
    }
    if (sr.of === "staff_cost") subsidies.push({ name: sr.name, basis: { kind: "staff-cost", rate: sr.rate }, ...window });
    else if (investments.some((x) => x.name === sr.of)) subsidies.push({ name: sr.name, basis: { kind: "investment", investment: sr.of, rate: sr.rate }, ...window });
    else out.push({ path: [...base, "of"], message: `"${sr.of}" is neither staff_cost nor the name of an investment` });
  });

  const runningCosts = (r.running_costs ?? []).map((c, i) => {
    if (c.to_month !== undefined && c.to_month < (c.from_month ?? 1)) out.push({ path: ["running_costs", i, "to_month"], message: "must be at least from_month" });
    return { name: c.name, perMonth: c.per_month, fromMonth: c.from_month ?? 1, ...(c.to_month !== undefined ? { toMonth: c.to_month } : {}) };
  });

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
      seStaff: { ftePerPartner: r.se_staff.fte_per_partner, yearlyCostPerFte: r.se_staff.yearly_cost_per_fte, indexation: r.se_staff.indexation ?? ZERO },
      subsidies,
      investments,
      runningCosts,
      openingReserve: r.opening_reserve ?? ZERO,
      ...(monteCarlo ? { monteCarlo } : {}),
      notes,
    },
  };
}

/** zod's "Invalid input: expected X, received Y" in the words of a YAML file. */
function humanType(message: string): string {
  const m = /expected (\w+), received (\w+)/.exec(message);
  if (!m) return "invalid value";
  const words: Record<string, string> = { array: "a list", object: "a map of keys", string: "text", undefined: "nothing", null: "nothing", boolean: "true/false" };
  if (m[2] === "undefined") return "required";
  return `expected ${words[m[1]!] ?? m[1]}, got ${words[m[2]!] ?? m[2]}`;
}
