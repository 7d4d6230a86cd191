// zod schema of a cost-price file (menerva costprice FILE.yaml): raw YAML
// values, with every number still its source text, to exact domain values.
import { z, type ZodType } from "./zod.js";
import { t, type Text } from "../domain/issues.js";
import { type Dec, D, parseDecimal } from "../domain/money.js";
import { says } from "./zod-text.js";
import { nameKey, nameProblem } from "./partner-names.js";
import { AMOUNT, COUNT, FTE_PER_ROW, HOURS_PER_YEAR, numberProblem, numberTextProblem, type NumberLimit } from "./limits.js";
import type {
  CostPrice,
  Equipment,
  PartnerCost,
  RevenueAssumptions,
  StaffLine,
  Subsidy,
  Supervision,
  Trajectory,
  YearlyCost,
} from "../domain/costprice/types.js";

type Bound = { readonly min?: string; readonly minExclusive?: boolean; readonly max?: string; readonly limit?: NumberLimit };

const PERCENT = /^(-?\d+(?:\.\d+)?)\s*%$/;

/** Numbers arrive as the YAML source text; `percent` also accepts "50%". */
function decimal(bound: Bound = {}, percent = false) {
  return z
    .string({ error: (i) => (i.input === undefined ? "costprice.missing" : "costprice.expected-number") })
    .transform((text, ctx): Dec => {
      const long = numberTextProblem(text.trim());
      if (long !== undefined) {
        ctx.addIssue(says(long, { input: text }));
        return z.NEVER;
      }
      const pct = percent ? PERCENT.exec(text.trim()) : null;
      const d = pct ? new D(pct[1]!).div(100) : parseDecimal(text);
      if (!d) {
        ctx.addIssue(says(t(percent ? "costprice.not-a-number-or-percent" : "costprice.not-a-number"), { input: text }));
        return z.NEVER;
      }
      if (bound.min !== undefined && (bound.minExclusive ? d.lessThanOrEqualTo(bound.min) : d.lessThan(bound.min))) {
        ctx.addIssue(says(t(bound.minExclusive ? "costprice.more-than" : "costprice.at-least", { min: bound.min }), { input: text }));
      } else if (bound.max !== undefined && d.greaterThan(bound.max)) {
        ctx.addIssue(says(t("costprice.at-most", { max: bound.max, percent }), { input: text }));
      } else {
        // Every number of a cost-price file has a stated range (README "Limits"): at most 15 significant digits, amounts below 10^12.
        const big = numberProblem(d, bound.limit ?? AMOUNT);
        if (big !== undefined) ctx.addIssue(says(big, { input: text }));
      }
      return d;
    });
}

const text = () =>
  z
    .string({ error: (i) => (i.input === undefined ? "costprice.missing" : "costprice.expected-text") })
    .trim()
    .min(1, { error: "costprice.not-empty" });

const money = () => decimal({ min: "0" });
/** Hours in a year (productive hours, contract hours, leave): 0..8784. */
const yearHours = (min: Bound = { min: "0" }) => decimal({ ...min, limit: HOURS_PER_YEAR });
/** A count or size (FTE, ratios, years, candidates): up to a million. */
const count = (min: Bound = { min: "0" }) => decimal({ ...min, limit: COUNT });
const rate = () => decimal({ min: "0", max: "1" }, true);
const list = <T extends ZodType>(item: T) => z.array(item, { error: "costprice.expected-list" }).default([]);

const SubsidySchema = z
  .strictObject({ kind: text(), rate: rate().optional(), amount: money().optional(), cap: money().optional() })
  .superRefine((s, ctx) => {
    if ((s.rate === undefined) === (s.amount === undefined)) {
      ctx.addIssue(says(t("costprice.rate-or-amount"), { path: [] }));
    }
  })
  .transform((s): Subsidy => ({
    kind: s.kind,
    ...(s.rate !== undefined ? { rate: s.rate } : {}),
    ...(s.amount !== undefined ? { amount: s.amount } : {}),
    ...(s.cap !== undefined ? { cap: s.cap } : {}),
  }));

const StaffSchema = z
  .strictObject({
    role: text(),
    fte: decimal({ min: "0", limit: FTE_PER_ROW }),
    occupancy: decimal({ min: "0", minExclusive: true, max: "1" }, true).optional(),
    yearly_cost: money(),
    indexation: decimal({ min: "-1", minExclusive: true }, true).optional(),
    subsidies: list(SubsidySchema),
  })
  .transform((s): StaffLine => ({
    role: s.role,
    fte: s.fte,
    occupancy: s.occupancy ?? new D(1),
    yearlyCost: s.yearly_cost,
    indexation: s.indexation ?? new D(0),
    subsidies: s.subsidies,
  }));

const SupervisionSchema = z
  .strictObject({
    role: text(),
    ratio: count({ min: "0", minExclusive: true }),
    yearly_cost: money(),
    indexation: decimal({ min: "-1", minExclusive: true }, true).optional(),
    subsidies: list(SubsidySchema),
  })
  .transform((s): Supervision => ({
    role: s.role,
    ratio: s.ratio,
    yearlyCost: s.yearly_cost,
    indexation: s.indexation ?? new D(0),
    subsidies: s.subsidies,
  }));

const YearlyCostSchema = z
  .strictObject({ fixed: money().optional(), per_fte: money().optional() })
  .transform((c): YearlyCost => ({ fixed: c.fixed ?? new D(0), perFte: c.per_fte ?? new D(0) }));
const NO_COST: YearlyCost = { fixed: new D(0), perFte: new D(0) };

const EquipmentSchema = z
  .strictObject({ item: text(), purchase: money(), lifetime_years: count({ min: "0", minExclusive: true }), residual: money().optional() })
  .superRefine((e, ctx) => {
    if (e.residual !== undefined && e.residual.greaterThan(e.purchase)) {
      ctx.addIssue(says(t("costprice.residual"), { path: ["residual"] }));
    }
  })
  .transform((e): Equipment => ({
    item: e.item,
    purchase: e.purchase,
    lifetimeYears: e.lifetime_years,
    residual: e.residual ?? new D(0),
  }));

/**
 * Pick a schema by the shape of the input and pass its issues through, so the
 * user sees "not a plain number" rather than a union's "no option matched".
 */
function byShape<T>(pick: (input: unknown) => ZodType<T> | Text) {
  return z.unknown().transform((input, ctx): T => {
    if (input === undefined || input === null) {
      ctx.addIssue(says(t("costprice.missing"), { input }));
      return z.NEVER;
    }
    const schema = pick(input);
    if (!("safeParse" in schema)) {
      ctx.addIssue(says(schema, { input }));
      return z.NEVER;
    }
    const r = schema.safeParse(input);
    if (r.success) return r.data;
    for (const i of r.error.issues) ctx.addIssue(i as never);
    return z.NEVER;
  });
}

const isMapLike = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Productive hours per FTE: a number, or contract hours minus leave, training and absence. */
const HoursBreakdown = z
  .strictObject({
    contract: yearHours({ min: "0", minExclusive: true }),
    leave: yearHours().optional(),
    training: yearHours().optional(),
    absence: yearHours().optional(),
  })
  .transform((h, ctx) => {
    const net = h.contract.minus(h.leave ?? 0).minus(h.training ?? 0).minus(h.absence ?? 0);
    if (!net.greaterThan(0)) ctx.addIssue(says(t("costprice.no-productive-hours"), { path: [] }));
    return net;
  });
const HoursSchema = byShape<Dec>((v) =>
  typeof v === "string" ? yearHours({ min: "0", minExclusive: true }) : isMapLike(v) ? HoursBreakdown : t("costprice.hours-shape"),
);

const TrajectoryPerFte = z
  .strictObject({ candidates_per_fte: count({ min: "0", minExclusive: true }) })
  .transform((t): Trajectory => ({ kind: "per-fte", candidatesPerFte: t.candidates_per_fte }));
const TrajectoryHours = z
  .strictObject({ hours_per_candidate: count({ min: "0", minExclusive: true }) })
  .transform((t): Trajectory => ({ kind: "hours", hoursPerCandidate: t.hours_per_candidate }));
const TrajectorySchema = byShape<Trajectory>((v) =>
  !isMapLike(v)
    ? t("costprice.trajectory-shape")
    : "hours_per_candidate" in v && !("candidates_per_fte" in v)
      ? TrajectoryHours
      : TrajectoryPerFte,
);

const PartnerSchema = z
  .strictObject({
    name: text(),
    productive_hours_per_fte: HoursSchema,
    staff: z.array(StaffSchema, { error: (i) => (i.input === undefined ? "costprice.missing" : "costprice.expected-list") }).min(1, { error: "costprice.one-staff-line" }),
    supervision: SupervisionSchema.optional(),
    consumables: YearlyCostSchema.optional(),
    equipment: list(EquipmentSchema),
    operating: YearlyCostSchema.optional(),
    trajectory: TrajectorySchema.optional(),
  })
  .transform((p): PartnerCost => ({
    name: p.name,
    productiveHoursPerFte: p.productive_hours_per_fte,
    staff: p.staff,
    ...(p.supervision ? { supervision: p.supervision } : {}),
    consumables: p.consumables ?? NO_COST,
    equipment: p.equipment,
    operating: p.operating ?? NO_COST,
    ...(p.trajectory ? { trajectory: p.trajectory } : {}),
  }));

const RevenueSchema = z
  .strictObject({
    inflow_per_month: count(),
    placement_rate: rate(),
    hours_per_placed_worker: count(),
    benefits_per_placed_worker: money(),
    fee_per_hour: money(),
    benefit_share: rate(),
    se_partners: decimal({ min: "1", limit: COUNT }).refine((d) => d.isInteger(), { error: "costprice.whole-number" }),
  })
  .transform((r): RevenueAssumptions => ({
    inflowPerMonth: r.inflow_per_month,
    placementRate: r.placement_rate,
    hoursPerPlacedWorker: r.hours_per_placed_worker,
    benefitsPerPlacedWorker: r.benefits_per_placed_worker,
    feePerHour: r.fee_per_hour,
    benefitShare: r.benefit_share,
    sePartners: r.se_partners.toNumber(),
  }));

/** The top-level keys of a cost-price file. */
export const COSTPRICE_KEYS: readonly string[] = ["project", "revenue", "partners"];

export const CostPriceSchema = z
  .strictObject({
    project: text().optional(),
    revenue: RevenueSchema.optional(),
    partners: z
      .array(PartnerSchema, { error: (i) => (i.input === undefined ? "costprice.missing" : "costprice.expected-list") })
      .min(1, { error: "costprice.one-partner" })
      .check(
        z.superRefine(
          (list, ctx) => {
            // Runs even when the list itself is missing or not a list (see `when` below).
            if (!Array.isArray(list)) return;
            // Names compare ignoring case and Unicode form (partner-names.ts); look-alike letters are refused.
            const seen = new Set<string>();
            (list as unknown[]).forEach((p, i) => {
              const name = typeof p === "object" && p !== null ? (p as { name?: unknown }).name : undefined;
              if (typeof name !== "string") return;
              const bad = nameProblem(name.trim());
              if (bad) ctx.addIssue(says(t("costprice.bad-name", { problem: bad.problem }), { path: [i, "name"], input: name }));
              if (seen.has(nameKey(name))) ctx.addIssue(says(t("costprice.twice", { name: name.trim() }), { path: [i, "name"], input: name }));
              seen.add(nameKey(name));
            });
          },
          // Run even when a partner has other problems, so every problem shows at once.
          { when: () => true },
        ),
      ),
  }, { error: "costprice.expected-map" })
  .transform((c): CostPrice => ({
    ...(c.project !== undefined ? { project: c.project } : {}),
    partners: c.partners,
    ...(c.revenue ? { revenue: c.revenue } : {}),
  }));
