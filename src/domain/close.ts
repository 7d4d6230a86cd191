// The period close (SPEC §3): classify every row, price hours and benefits,
// build invoices, split revenue, settle per SE partner, roll the reserve
// forward, check effort and the identities. Pure: rows in, result out.
import { classifyRow, countStatuses, isBilled, type Classified, type PriorStatus, type RowCounts } from "./classify.js";
import { checkEffort, type EffortCheck } from "./effort.js";
import { feeSchedule } from "./fee-schedule.js";
import { benefitLines, buildInvoice, hourLines, type Invoice, type RatedHours } from "./invoice.js";
import { error, warning, type Issue, type Result, fail, ok } from "./issues.js";
import type { BenefitRow, HourRow, ModelConfig, OtherCost, StaffRow } from "./model.js";
import { sum, type Dec } from "./money.js";
import { contains, type Period } from "./period.js";
import { settle, type SettlementResult } from "./settlement.js";
import { staffByPartner, staffLinesIn, type PartnerStaff, type StaffLine } from "./staff.js";
import { closeChecks, type Check } from "./checks.js";
import { candidateDetail, type CandidateDetail } from "./candidates.js";

export type CloseInput = {
  readonly config: ModelConfig;
  readonly period: Period;
  readonly hours: readonly HourRow[];
  readonly benefits: readonly BenefitRow[];
  readonly staff: readonly StaffRow[];
  /** Other project costs from config and the costs CSV (all dates; filtered to P here). */
  readonly otherCosts: readonly OtherCost[];
  readonly openingReserve: Dec;
  /** Planned net staff cost per SE partner for P (config order), from a cost-price file. */
  readonly plannedStaff?: readonly Dec[];
  /** Ledger lookup: whether a row was already closed (or read twice in this run); index is per kind. */
  readonly prior?: (row: HourRow | BenefitRow, index: number) => PriorStatus | undefined;
};

export type CloseResult = {
  readonly config: ModelConfig;
  readonly period: Period;
  readonly hours: readonly (Classified<HourRow> & { readonly rate?: Dec })[];
  readonly benefits: readonly Classified<BenefitRow>[];
  readonly rows: { readonly hours: RowCounts; readonly benefits: RowCounts };
  readonly invoices: readonly Invoice[];
  readonly revenue: Dec;
  readonly settlement: SettlementResult;
  readonly staff: readonly PartnerStaff[];
  /** Staff lines of NEC partners (cells): reported, not costed. */
  readonly necStaff: readonly StaffLine[];
  readonly effort: EffortCheck;
  readonly otherCosts: readonly OtherCost[];
  readonly candidates: readonly CandidateDetail[];
  readonly checks: readonly Check[];
  readonly warnings: readonly Issue[];
};

export function closePeriod(input: CloseInput): Result<CloseResult> {
  const { config, period } = input;
  const prior = input.prior ?? (() => undefined);
  const rateOf = feeSchedule(config.hourlyFees);
  const issues: Issue[] = [];
  // Classify and price in one pass (one object per row: this runs over every input row).
  const rated = input.hours.map((r, i): Classified<HourRow> & { readonly rate?: Dec } => {
    const c = classifyRow(r, period, config.start, prior(r, i));
    if (!isBilled(c)) return c;
    const fee = rateOf(r.necPartner, r.date);
    if (fee) return { row: r, status: c.status, ...(c.ownPeriod ? { ownPeriod: c.ownPeriod } : {}), rate: fee.rate };
    issues.push(
      error("no-fee", `no hourly fee applies to ${r.necPartner} on ${r.date}`, {
        source: r.source,
        found: r.date,
        hint: `add a fees.hourly entry with from on or before ${r.date} in the config`,
      }),
    );
    return c;
  });
  const benefits = input.benefits.map((r, i) => classifyRow(r, period, config.start, prior(r, i)));
  if (issues.length > 0) return fail(issues);

  const billedHours = rated.filter((c): c is RatedHours => isBilled(c) && "rate" in c);
  const billedBenefits = benefits.filter(isBilled);
  const invoices = config.necPartners
    .map((nec) =>
      buildInvoice(
        nec,
        [
          ...hourLines(billedHours.filter((c) => c.row.necPartner === nec)),
          ...benefitLines(config, billedBenefits.filter((c) => c.row.necPartner === nec)),
        ],
        config.vatRate,
      ),
    )
    .filter((inv) => inv.lines.length > 0);
  const revenue = sum(invoices.map((i) => i.subtotal));

  const staffLines = staffLinesIn(input.staff, period);
  const staff = staffByPartner(config.sePartners, staffLines, period, input.plannedStaff);
  const necStaff = staffLines.filter((l) => config.necPartners.includes(l.row.partner));
  const otherCosts = input.otherCosts.filter((c) => contains(period, c.date));

  const settlement = settle({
    revenue,
    sePartners: config.sePartners,
    staffCosts: staff.map((s) => s.netCost),
    profit: config.profit,
    shortfall: config.shortfall,
    openingReserve: input.openingReserve,
    otherCosts: sum(otherCosts.map((c) => c.amount)),
  });
  const effort = checkEffort(revenue, staff.map((s) => s.fte), config.effortTolerance);
  const rows = { hours: countStatuses(rated), benefits: countStatuses(benefits) };

  const result: Omit<CloseResult, "checks" | "warnings"> = {
    config,
    period,
    hours: rated,
    benefits,
    rows,
    invoices,
    revenue,
    settlement,
    staff,
    necStaff,
    effort,
    otherCosts,
    candidates: candidateDetail(billedHours, billedBenefits),
  };
  const checks = closeChecks(result, { hours: input.hours.length, benefits: input.benefits.length });
  return ok({ ...result, checks, warnings: closeWarnings(result) });
}

function closeWarnings(r: Omit<CloseResult, "checks" | "warnings">): Issue[] {
  const w: Issue[] = [];
  if (!r.effort.withinTolerance) {
    const pct = r.effort.spread.times(100).toDecimalPlaces(1).toFixed(1);
    const tol = r.effort.tolerance.times(100).toDecimalPlaces(1).toFixed(1);
    w.push(
      warning("effort-spread", `committed FTE differs by ${pct}% between SE partners (tolerance ${tol}%); the equal split assumes equal effort — see the effort-weighted split beside it`),
    );
  }
  for (const s of r.staff) {
    if (s.fromPlan) w.push(warning("staff-from-plan", `no staff rows for SE partner ${s.partner} in ${r.period.label}: its planned staff cost from the cost-price file is used`));
    else if (s.planned !== undefined && s.netCost.minus(s.planned).abs().greaterThan(s.planned.abs().times(r.config.effortTolerance))) {
      w.push(warning("staff-vs-plan", `staff cost of ${s.partner} (${s.netCost.toFixed(2)}) differs from its planned cost (${s.planned.toFixed(2)}) by more than ${r.config.effortTolerance.times(100).toFixed()}%`));
    }
    if (s.lines.length === 0 && !s.fromPlan) w.push(warning("no-staff", `no staff commitment for SE partner ${s.partner} in ${r.period.label}`));
    for (const l of s.lines.filter((x) => x.prorated)) {
      w.push(
        warning("staff-prorated", `staff row for ${s.partner} (${l.row.period}) only partly overlaps ${r.period.label}: prorated ${l.share.num.toFixed()}/${l.share.den}`, {
          source: l.row.source,
        }),
      );
    }
  }
  for (const nec of r.config.necPartners) {
    if (!r.invoices.some((i) => i.necPartner === nec)) w.push(warning("no-billed-rows", `nothing to invoice to ${nec} in ${r.period.label}`));
  }
  for (const inv of r.invoices.filter((i) => i.creditNote)) {
    w.push(warning("credit-note", `the invoice to ${inv.necPartner} has a negative subtotal: it is a credit note`));
  }
  const before = [...r.hours, ...r.benefits].filter((c) => c.status === "before_start");
  for (const c of before) {
    w.push(warning("before-start", `row dated ${c.row.date} is before the project start ${r.config.start}: not used`, { source: c.row.source }));
  }
  return w;
}
