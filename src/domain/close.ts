// The period close (SPEC §3, §5, issue 11): classify every row, price hours and
// benefits, correct closed periods (late rows, reversed rows, late or changed
// staff rows and costs), build invoices, split revenue over the SE partners
// active in the period, settle per SE partner, roll the reserve forward,
// check effort and the identities. Pure: rows and the ledger's view in, result out.
import { classifyRow, countStatuses, isBilled, type Classified, type PriorStatus, type RowCounts } from "./classify.js";
import { checkEffort, type EffortCheck } from "./effort.js";
import { feeSchedule } from "./fee-schedule.js";
import { benefitLines, buildInvoice, correctionLines, hourLines, shareFor, type CorrectionItem, type Invoice, type RatedHours } from "./invoice.js";
import { error, t, warning, type Issue, type Result, fail, ok } from "./issues.js";
import type { BenefitRow, HourRow, ModelConfig, OtherCost, StaffRow } from "./model.js";
import { sum, ZERO, type Dec } from "./money.js";
import { contains, parsePeriod, type Period } from "./period.js";
import { settle, type PeriodCorrection, type SettlementResult } from "./settlement.js";
import { staffByPartner, staffLinesIn, type PartnerStaff, type StaffLine } from "./staff.js";
import { closeChecks, reserveShortfallReason, type Check } from "./checks.js";
import { candidateDetail, type CandidateDetail } from "./candidates.js";
import { closedPeriodOf, costCorrections, Restated, firstDates, staffCorrections, type ClosedPeriod, type CostCorrection, type Reversal, type StaffCorrection } from "./corrections.js";
import { activeNec, seWeights, type Weighted } from "./partners.js";

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
  /** Planned net staff cost per SE partner for a closed period (to recompute its staff cost). */
  readonly plannedStaffFor?: (p: Period) => ReadonlyMap<string, Dec> | undefined;
  /** Ledger lookup: whether a row was already closed (or read twice in this run); index is per kind. */
  readonly prior?: (row: HourRow | BenefitRow, index: number) => PriorStatus | undefined;
  /** The closed periods before P, oldest first, as the ledger knows them now. */
  readonly closed?: readonly ClosedPeriod[];
  /** Closed rows the restating exports withdrew: reversed in this close. */
  readonly reversals?: readonly Reversal[];
};

export type CloseResult = {
  readonly config: ModelConfig;
  readonly period: Period;
  readonly hours: readonly (Classified<HourRow> & { readonly rate?: Dec })[];
  readonly benefits: readonly Classified<BenefitRow>[];
  readonly rows: { readonly hours: RowCounts; readonly benefits: RowCounts };
  readonly invoices: readonly Invoice[];
  /** Σ invoice subtotals: this period's revenue plus corrections. */
  readonly revenue: Dec;
  /** SE partners active in P with their active days (the weights of the split). */
  readonly sePartners: readonly Weighted[];
  readonly settlement: SettlementResult;
  /** Staff of the SE partners active in P. */
  readonly staff: readonly PartnerStaff[];
  /** Staff lines of NEC partners (cells): reported, not costed. */
  readonly necStaff: readonly StaffLine[];
  readonly effort: EffortCheck;
  /** This period's other costs. */
  readonly otherCosts: readonly OtherCost[];
  /** Closed rows reversed in this close. */
  readonly reversals: readonly Reversal[];
  /** Closed periods whose staff cost or other costs the inputs changed. */
  readonly staffCorrections: readonly StaffCorrection[];
  readonly costCorrections: readonly CostCorrection[];
  readonly candidates: readonly CandidateDetail[];
  readonly checks: readonly Check[];
  readonly warnings: readonly Issue[];
};

export function closePeriod(input: CloseInput): Result<CloseResult> {
  const { config, period } = input;
  const closed = input.closed ?? [];
  const prior = input.prior ?? (() => undefined);
  const rateOf = feeSchedule(config.hourlyFees);
  const issues: Issue[] = [];
  // A late row is labelled with the closed period holding its date (else its calendar period of P's kind).
  const label = <R extends HourRow | BenefitRow>(c: Classified<R>): Classified<R> => {
    if (c.status !== "adjustment") return c;
    const own = closedPeriodOf(closed, c.row.date);
    return own === undefined || own === c.ownPeriod ? c : { ...c, ownPeriod: own };
  };
  // Classify and price in one pass (one object per row: this runs over every input row).
  const rated = input.hours.map((r, i): Classified<HourRow> & { readonly rate?: Dec } => {
    const c = label(classifyRow(r, period, config.start, prior(r, i)));
    if (!isBilled(c)) return c;
    const fee = rateOf(r.necPartner, r.date);
    if (fee) return { row: r, status: c.status, ...(c.ownPeriod ? { ownPeriod: c.ownPeriod } : {}), rate: fee.rate };
    issues.push(
      error("no-fee", { partner: r.necPartner, date: r.date }, { source: r.source, found: r.date, hint: t("no-fee.hint", { date: r.date }) }),
    );
    return c;
  });
  const benefits = input.benefits.map((r, i) => label(classifyRow(r, period, config.start, prior(r, i))));
  const active = seWeights(config, period);
  if (active.length === 0) {
    issues.push(error("no-se-partner", { period: period.label }, { hint: t("no-se-partner.hint") }));
  }
  if (issues.length > 0) return fail(issues);

  // Invoices: this period's lines per rate and share, and one correction line per (closed period, rate or share).
  const included = rated.filter((c): c is RatedHours => c.status === "included" && "rate" in c);
  const includedBenefits = benefits.filter((c) => c.status === "included");
  const items = new Map<string, CorrectionItem[]>();
  const item = (nec: string, it: CorrectionItem) => (items.get(nec) ?? items.set(nec, []).get(nec)!).push(it);
  for (const c of rated) {
    if (c.status === "adjustment" && c.rate) item(c.row.necPartner, { of: "hours", period: c.ownPeriod ?? "", price: c.rate, date: c.row.date, quantity: c.row.hours, reversal: false });
  }
  for (const c of benefits) {
    if (c.status === "adjustment") item(c.row.necPartner, { of: "benefits", period: c.ownPeriod ?? "", price: shareFor(config, c.row.type), type: c.row.type, date: c.row.date, quantity: c.row.amount, reversal: false });
  }
  const reversals = input.reversals ?? [];
  for (const r of reversals) {
    item(r.necPartner, { of: r.kind, period: r.period, price: r.price, ...(r.type !== undefined ? { type: r.type } : {}), date: r.date, quantity: r.quantity.negated(), reversal: true });
  }
  const invoices = config.necPartners
    .map((nec) =>
      buildInvoice(
        nec,
        [
          ...hourLines(included.filter((c) => c.row.necPartner === nec)),
          ...benefitLines(config, includedBenefits.filter((c) => c.row.necPartner === nec)),
          ...correctionLines(config, items.get(nec) ?? []),
        ],
        config.vatRate,
      ),
    )
    .filter((inv) => inv.lines.length > 0);
  const ownRevenue = sum(invoices.flatMap((i) => i.lines.filter((l) => l.kind !== "correction").map((l) => l.amount)));
  const revenueCorrection = new Map<string, Dec>();
  for (const inv of invoices) for (const l of inv.lines) if (l.kind === "correction") revenueCorrection.set(l.period, (revenueCorrection.get(l.period) ?? ZERO).plus(l.amount));

  // Staff of this period, for the SE partners active in it.
  const staffLines = staffLinesIn(input.staff, period);
  const planned = input.plannedStaff ? new Map(config.sePartners.map((p, i) => [p, input.plannedStaff![i]!])) : undefined;
  const activeNames = active.map((a) => a.name);
  const staff = staffByPartner(activeNames, staffLines, period, planned ? activeNames.map((p) => planned.get(p)!) : undefined);
  const necStaff = staffLines.filter((l) => config.necPartners.includes(l.row.partner));
  const idleStaff = staffLines.filter((l) => config.sePartners.includes(l.row.partner) && !activeNames.includes(l.row.partner));
  const otherCosts = input.otherCosts.filter((c) => contains(period, c.date));

  // Closed periods: staff cost and other costs as the inputs say now.
  const restatedStaff = new Restated(
    firstDates(input.staff, (r) => r.source.file, (r) => r.partner, (r) => parsePeriod(r.period)?.from ?? ""),
    closed,
  );
  const restatedCosts = new Restated(firstDates(input.otherCosts, (c) => c.source?.file ?? "", () => "", (c) => c.date), closed);
  const staffCorr = staffCorrections(closed, input.staff, config.sePartners, restatedStaff, input.plannedStaffFor);
  const costCorr = costCorrections(closed, input.otherCosts, restatedCosts);

  const corrections: PeriodCorrection[] = closed
    .filter((x) => revenueCorrection.has(x.label) || staffCorr.some((s) => s.period === x.label))
    .map((x) => ({
      period: x.label,
      revenue: revenueCorrection.get(x.label) ?? ZERO,
      partners: x.sePartners,
      position: x.position,
      staffCost: new Map(staffCorr.filter((s) => s.period === x.label).map((s) => [s.partner, s.delta])),
    }));
  // Revenue corrections of a period the ledger does not know (no ledger: a plain recomputation) are split like this period's.
  const unknown = [...revenueCorrection].filter(([p]) => !closed.some((x) => x.label === p));
  for (const [p, amount] of unknown) corrections.push({ period: p, revenue: amount, partners: active, position: new Map(), staffCost: new Map() });

  const settlement = settle({
    revenue: ownRevenue,
    order: config.sePartners,
    active,
    staffCosts: staff.map((s) => s.netCost),
    corrections,
    profit: config.profit,
    shortfall: config.shortfall,
    openingReserve: input.openingReserve,
    otherCosts: sum(otherCosts.map((c) => c.amount)).plus(sum(costCorr.map((c) => c.delta))),
  });
  const effort = checkEffort(ownRevenue, staff.map((s) => s.fte), config.effortTolerance, active.map((a) => a.days));
  const rows = { hours: countStatuses(rated), benefits: countStatuses(benefits) };

  const result: Omit<CloseResult, "checks" | "warnings"> = {
    config,
    period,
    hours: rated,
    benefits,
    rows,
    invoices,
    revenue: settlement.revenue,
    sePartners: active,
    settlement,
    staff,
    necStaff,
    effort,
    otherCosts,
    reversals,
    staffCorrections: staffCorr,
    costCorrections: costCorr,
    candidates: candidateDetail(
      rated.filter((c): c is RatedHours => isBilled(c) && "rate" in c),
      benefits.filter(isBilled),
    ),
  };
  const checks = closeChecks(result, { hours: input.hours.length, benefits: input.benefits.length });
  return ok({ ...result, checks, warnings: closeWarnings(result, idleStaff) });
}

function closeWarnings(r: Omit<CloseResult, "checks" | "warnings">, idleStaff: readonly StaffLine[]): Issue[] {
  const w: Issue[] = [];
  if (!r.effort.withinTolerance) {
    const pct = r.effort.spread.times(100).toDecimalPlaces(1).toFixed(1);
    const tol = r.effort.tolerance.times(100).toDecimalPlaces(1).toFixed(1);
    w.push(
      warning("effort-spread", { percent: pct, tolerance: tol }),
    );
  }
  for (const s of r.staff) {
    if (s.fromPlan) w.push(warning("staff-from-plan", { partner: s.partner, period: r.period.label }));
    else if (s.planned !== undefined && s.netCost.minus(s.planned).abs().greaterThan(s.planned.abs().times(r.config.effortTolerance))) {
      w.push(warning("staff-vs-plan", { partner: s.partner, cost: s.netCost.toFixed(2), planned: s.planned.toFixed(2), percent: r.config.effortTolerance.times(100).toFixed() }));
    }
    if (s.lines.length === 0 && !s.fromPlan) w.push(warning("no-staff", { partner: s.partner, period: r.period.label }));
    for (const l of s.lines.filter((x) => x.prorated)) {
      w.push(
        warning("staff-prorated", { partner: s.partner, staffPeriod: l.row.period, period: r.period.label, share: `${l.share.num.toFixed()}/${l.share.den}` }, { source: l.row.source }),
      );
    }
  }
  for (const l of idleStaff) {
    w.push(
      warning("staff-partner-inactive", { partner: l.row.partner, staffPeriod: l.row.period, period: r.period.label }, { source: l.row.source }),
    );
  }
  for (const nec of activeNec(r.config, r.period)) {
    if (!r.invoices.some((i) => i.necPartner === nec)) w.push(warning("no-billed-rows", { partner: nec, period: r.period.label }));
  }
  for (const inv of r.invoices.filter((i) => i.creditNote)) {
    w.push(warning("credit-note", { partner: inv.necPartner }));
  }
  // Rows before the project start: one warning per file, naming the lines (an export may hold a whole earlier year).
  const before = new Map<string, { lines: number[]; first: string; last: string }>();
  for (const c of [...r.hours, ...r.benefits]) {
    if (c.status !== "before_start") continue;
    const b = before.get(c.row.source.file);
    if (!b) before.set(c.row.source.file, { lines: [c.row.source.line], first: c.row.date, last: c.row.date });
    else {
      b.lines.push(c.row.source.line);
      if (c.row.date < b.first) b.first = c.row.date;
      if (c.row.date > b.last) b.last = c.row.date;
    }
  }
  for (const [file, b] of before) {
    const n = b.lines.length;
    const shown = n > 10 ? `${b.lines.slice(0, 10).join(", ")}, …` : b.lines.join(", ");
    w.push(
      warning("before-start", { count: n, dates: b.first === b.last ? b.first : `${b.first}..${b.last}`, start: r.config.start }, {
        source: { file, line: b.lines[0]! },
        found: t("lines", { count: n, lines: shown }),
      }),
    );
  }
  const res = r.settlement.reserve;
  if (res.closing.isNegative()) w.push(warning("reserve-negative", { reason: reserveShortfallReason(r) }));
  return w;
}
