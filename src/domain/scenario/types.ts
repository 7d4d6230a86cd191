// The scenario's vocabulary: validated assumptions of a monthly projection (SPEC §7).
// Pure types. Money and rates are Decimals; month numbers are 1-based integers
// counted from the scenario's start month.
import type { Dec } from "../money.js";

/** Candidate inflow per month: constant, an explicit list, or compound growth. */
export type Inflow =
  | { readonly kind: "constant"; readonly perMonth: Dec }
  /** Month m uses values[m-1]; months past the list's end use its last value. */
  | { readonly kind: "list"; readonly values: readonly Dec[] }
  /** Month m: start × (1 + monthlyGrowth)^(m-1). */
  | { readonly kind: "growth"; readonly start: Dec; readonly monthlyGrowth: Dec };

/** A rate that changes from a month on (fee schedule); the first entry starts in month 1. */
export type Step = { readonly fromMonth: number; readonly value: Dec };

/** A benefit amount per placed worker per month, by months since placement (1 = month of placement). */
export type BenefitTier = { readonly fromMonth: number; readonly toMonth: number; readonly amount: Dec };
export type BenefitType = { readonly type: string; readonly tiers: readonly BenefitTier[] };

/** What a subsidy pays for: a rate of the SE staff cost, a rate of a named investment, or a fixed monthly amount. */
export type SubsidyBasis =
  | { readonly kind: "staff-cost"; readonly rate: Dec }
  | { readonly kind: "investment"; readonly investment: string; readonly rate: Dec }
  | { readonly kind: "fixed"; readonly perMonth: Dec };

export type Subsidy = {
  readonly name: string;
  readonly basis: SubsidyBasis;
  readonly fromMonth: number;
  /** Number of months it runs from `fromMonth`; undefined = to the end. */
  readonly months?: number;
  /** Total over its whole life; undefined = no cap. */
  readonly cap?: Dec;
};

export type Investment = { readonly name: string; readonly month: number; readonly amount: Dec };
export type RunningCost = { readonly name: string; readonly perMonth: Dec; readonly fromMonth: number; readonly toMonth?: number };

export type NecPartner = {
  readonly name: string;
  /** Share of all placements (the shares add up to 1). */
  readonly share: Dec;
  /** The agency's gross margin per billed hour. */
  readonly marginPerHour: Dec;
  /** Monthly cost of the agency's staff cell (borne by the agency, not the project). */
  readonly cellCostPerMonth: Dec;
};

export type SeStaff = {
  readonly ftePerPartner: Dec;
  readonly yearlyCostPerFte: Dec;
  /** Yearly indexation, applied every 12 months from the start month. */
  readonly indexation: Dec;
  /**
   * Staff cost taken from a cost-price file instead of FTE × cost (issue 7),
   * per year of the projection (index 0 = months 1-12), per SE partner (in
   * se_partners order), in cents a month: the gross wage cost (staff +
   * supervision) and the subsidies the file counts on it, kept apart so the
   * projection shows those subsidies as subsidies (issue 14). Replaces the flat figures.
   */
  readonly costPrice?: {
    /** The cost-price file, as resolved from the scenario file that names it. */
    readonly file: string;
    readonly grossByYear: readonly (readonly Dec[])[];
    readonly subsidyByYear: readonly (readonly Dec[])[];
  };
};

/**
 * A cost that grows with the candidates: an amount per entering candidate
 * (intake, screening) or per active worker per month (follow-up coaching).
 */
export type VariableCost = {
  readonly name: string;
  readonly per: "candidate" | "worker";
  readonly amount: Dec;
  readonly fromMonth: number;
  readonly toMonth?: number;
};

/**
 * One funder of the funding mix (source S3 "klaverbladfinanciering"): it pays a
 * rate of each eligible cost line, or a fixed amount a month spread over them,
 * within its window and caps. Funders pay in file order; the project (revenue,
 * then reserve) pays the rest.
 */
export type Funder = {
  readonly name: string;
  /** Partners' own contribution: the denominator of the leverage figure. */
  readonly own: boolean;
  /** Names of the cost lines it pays for (already resolved from kinds like "investments"). */
  readonly lines: readonly string[];
  readonly basis: { readonly kind: "rate"; readonly rate: Dec } | { readonly kind: "amount"; readonly perMonth: Dec };
  readonly fromMonth: number;
  /** Number of months from `fromMonth`; undefined = to the end. */
  readonly months?: number;
  /** Total over its whole life. */
  readonly cap?: Dec;
  readonly capPerMonth?: Dec;
};

/**
 * A Monte Carlo parameter: an absolute number, or relative to the scenario's own
 * value of the driver (`+20%` → value × 1.20), so a distribution follows the
 * scenario it is drawn for (issue 14). `undefined` where allowed means "the
 * scenario's value" (a mean, a mode, a fixed value).
 */
export type McParam = { readonly kind: "abs"; readonly value: number } | { readonly kind: "rel"; readonly fraction: number };

/**
 * A random driver for Monte Carlo, drawn once per run or once per month.
 * Location parameters (value, mean, mode, low, high) are absolute or relative
 * to the scenario's value; `sd` is absolute or a share of the scenario's value;
 * `min`/`max` of a normal are clip bounds.
 */
export type Distribution =
  | { readonly dist: "fixed"; readonly value?: McParam }
  | { readonly dist: "poisson"; readonly mean?: McParam }
  | { readonly dist: "normal"; readonly mean?: McParam; readonly sd: McParam; readonly min?: McParam; readonly max?: McParam }
  | { readonly dist: "uniform"; readonly low: McParam; readonly high: McParam }
  | { readonly dist: "triangular"; readonly low: McParam; readonly mode?: McParam; readonly high: McParam };

export type RandomDriver = { readonly distribution: Distribution; readonly per: "run" | "month" };

export type MonteCarloSpec = {
  readonly inflow?: RandomDriver;
  readonly placementRate?: RandomDriver;
  readonly monthlyDropout?: RandomDriver;
  readonly hoursPerWeek?: RandomDriver;
};

export type Scenario = {
  readonly name: string;
  readonly description?: string;
  /** First month, "YYYY-MM". */
  readonly start: string;
  readonly months: number;
  readonly sePartners: readonly string[];
  readonly necPartners: readonly NecPartner[];
  readonly inflow: Inflow;
  readonly readyShare: Dec;
  readonly placementRate: Dec;
  readonly monthsToPlacement: number;
  readonly monthlyDropout: Dec;
  readonly hoursPerWeek: Dec;
  readonly fee: readonly Step[];
  readonly benefitShare: Dec;
  readonly benefits: readonly BenefitType[];
  readonly seStaff: SeStaff;
  readonly subsidies: readonly Subsidy[];
  readonly investments: readonly Investment[];
  readonly runningCosts: readonly RunningCost[];
  /** Cost lines per candidate or per active worker (absent = none). */
  readonly variableCosts?: readonly VariableCost[];
  /** The funding mix (absent = the `subsidies` model only). */
  readonly funding?: readonly Funder[];
  readonly openingReserve: Dec;
  readonly monteCarlo?: MonteCarloSpec;
  /** Source comment per assumption key ("inflow" → "S1: 140 candidates proposed ..."), for the workbook. */
  readonly notes?: Readonly<Record<string, string>>;
};
