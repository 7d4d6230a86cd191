// The close's vocabulary: configuration of the partnership and the typed input
// rows the adapters produce. Pure types; the rules live in their own modules.
import type { SourceRef } from "./issues.js";
import type { Dec } from "./money.js";

/** One effective-dated hourly fee (SPEC §3.1); a partner entry beats a general one. */
export type HourlyFee = {
  /** First day the rate applies ("YYYY-MM-DD"). */
  readonly from: string;
  readonly rate: Dec;
  /** Only for this NEC partner; absent means every partner. */
  readonly necPartner?: string;
  readonly source?: SourceRef;
};

export type ProfitPolicy = "retain" | "distribute";
export type ShortfallPolicy = "partner" | "reserve-first";

export type OtherCost = {
  readonly date: string;
  readonly description: string;
  readonly amount: Dec;
  readonly source?: SourceRef;
};

/**
 * When a partner takes part (issue 11): from its first to its last day, both
 * inclusive; an absent bound is open. A partner without a span always takes part.
 */
export type PartnerSpan = { readonly from?: string; readonly until?: string };

/** Everything the settlement model needs from menerva.yaml, already validated. */
export type ModelConfig = {
  readonly project: string;
  readonly language: "nl" | "en";
  /** First day of the project ("YYYY-MM-DD"). */
  readonly start: string;
  /** Every SE partner ever in the partnership, in config order (departed ones too). */
  readonly sePartners: readonly string[];
  /** Every NEC partner ever in the partnership, in config order (departed ones too). */
  readonly necPartners: readonly string[];
  /** Partners that join or leave: name → span (`{name, from, until}` entries). Absent: always active. */
  readonly partnerSpans?: Readonly<Record<string, PartnerSpan>>;
  readonly hourlyFees: readonly HourlyFee[];
  /** One share for every type, or a share per benefit type. */
  readonly benefitShare: Dec | Readonly<Record<string, Dec>>;
  readonly benefitTypes: readonly string[];
  readonly vatRate: Dec;
  readonly profit: ProfitPolicy;
  readonly shortfall: ShortfallPolicy;
  readonly effortTolerance: Dec;
  readonly openingReserve: Dec;
  readonly otherCosts: readonly OtherCost[];
};

/** Where an input row is: its file and line; for a row of a workbook input also its sheet (file.xlsx:Sheet:12). */
export type RowSource = Required<Pick<SourceRef, "file" | "line">> & Pick<SourceRef, "sheet">;

/** A billed-hours row (SPEC §4 hours). Negative hours are corrections. */
export type HourRow = {
  readonly kind: "hours";
  readonly date: string;
  readonly necPartner: string;
  readonly candidate: string;
  readonly hours: Dec;
  readonly sePartner?: string;
  readonly client?: string;
  readonly reference?: string;
  readonly source: RowSource;
};

/** A benefit the NEC partner booked for a placed candidate (SPEC §4 benefits). */
export type BenefitRow = {
  readonly kind: "benefits";
  readonly date: string;
  readonly necPartner: string;
  readonly candidate: string;
  /** As spelled in config benefit_types. */
  readonly type: string;
  readonly amount: Dec;
  readonly relatesTo?: string;
  readonly reference?: string;
  readonly source: RowSource;
};

/** A staff commitment (SPEC §4 staff): SE rows are costed, NEC cells are reported. */
export type StaffRow = {
  readonly kind: "staff";
  /** A month ("2025-03") or quarter ("2025-Q1") label. */
  readonly period: string;
  readonly partner: string;
  readonly role: string;
  readonly fte: Dec;
  readonly cost?: Dec;
  readonly subsidy?: Dec;
  readonly source: RowSource;
};

export type InputRow = HourRow | BenefitRow | StaffRow;
