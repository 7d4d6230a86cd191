// The cost-price vocabulary (source S2 §5.2.6, Gent Dienstenbedrijf): what one
// SE partner's productive hour costs. Pure types; already validated values.
import type { Dec } from "../money.js";

/**
 * A subsidy on a wage line (tewerkstellings- of omkaderingssubsidie).
 * Either a `rate` of the line's gross wage cost or a yearly `amount` per
 * occupied FTE; `cap` is the yearly maximum for the whole line (source S4:
 * 50% of the cost, at most €10,000).
 */
export type Subsidy = {
  readonly kind: string;
  readonly rate?: Dec;
  readonly amount?: Dec;
  readonly cap?: Dec;
};

/** Target-group or coaching staff whose hours are the partner's productive hours. */
export type StaffLine = {
  readonly role: string;
  /** Allotted jobs in FTE (the contingent). */
  readonly fte: Dec;
  /** Share of the allotted FTE actually filled, 0 < occupancy ≤ 1. */
  readonly occupancy: Dec;
  /** Gross employer wage cost per FTE per year in the base year. */
  readonly yearlyCost: Dec;
  /** Yearly indexation of the wage cost (0.02 = +2% a year). */
  readonly indexation: Dec;
  readonly subsidies: readonly Subsidy[];
};

/** Omkadering: instructors/coaches staffed for the allotted jobs, one per `ratio` worker FTE. */
export type Supervision = {
  readonly role: string;
  /** Worker FTE per supervisor FTE. */
  readonly ratio: Dec;
  readonly yearlyCost: Dec;
  readonly indexation: Dec;
  readonly subsidies: readonly Subsidy[];
};

/** A yearly cost with a fixed part and a part per occupied staff FTE. */
export type YearlyCost = { readonly fixed: Dec; readonly perFte: Dec };

/** Equipment, depreciated straight line: (purchase − residual) / lifetime a year. */
export type Equipment = {
  readonly item: string;
  readonly purchase: Dec;
  readonly lifetimeYears: Dec;
  readonly residual: Dec;
};

/** How many candidates a partner coaches a year. */
export type Trajectory =
  | { readonly kind: "per-fte"; readonly candidatesPerFte: Dec }
  | { readonly kind: "hours"; readonly hoursPerCandidate: Dec };

export type PartnerCost = {
  readonly name: string;
  /** Productive hours per FTE a year, after leave, training and absence. */
  readonly productiveHoursPerFte: Dec;
  readonly staff: readonly StaffLine[];
  readonly supervision?: Supervision;
  readonly consumables: YearlyCost;
  readonly equipment: readonly Equipment[];
  readonly operating: YearlyCost;
  readonly trajectory?: Trajectory;
};

/** MENERVA revenue drivers for the break-even (one set for the partnership). */
export type RevenueAssumptions = {
  readonly inflowPerMonth: Dec;
  /** Share of the inflow that is placed (0..1). */
  readonly placementRate: Dec;
  /** Billed hours per placed worker over the placement. */
  readonly hoursPerPlacedWorker: Dec;
  /** Benefits the agency receives per placed worker over the placement. */
  readonly benefitsPerPlacedWorker: Dec;
  readonly feePerHour: Dec;
  readonly benefitShare: Dec;
  /** SE partners sharing the revenue equally. */
  readonly sePartners: number;
};

export type CostPrice = {
  readonly project?: string;
  readonly partners: readonly PartnerCost[];
  readonly revenue?: RevenueAssumptions;
};
