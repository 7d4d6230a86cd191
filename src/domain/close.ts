// The period close (SPEC §3, §5, issue 11): classify every row, price hours and
// benefits, correct closed periods (late rows, reversed rows, late or changed
// staff rows and costs), build invoices, split revenue over the SE partners
// active in the period, settle per SE partner, roll the reserve forward,
// check effort and the identities. Pure: rows and the ledger's view in, result out.
// closePeriod classifies rows held in memory into row totals (row-totals.ts);
// closeFromTotals does the rest, and the streaming close (issue 15) feeds it
// the same totals without holding the rows.
import { isBilled, ROW_STATUSES, type Classified, type PriorStatus, type RowCounts } from "./classify.js";
import { checkEffort, type EffortCheck } from "./effort.js";
import { benefitLinesOf, buildInvoice, correctionLines, hourLinesOf, type CorrectionItem, type Invoice, type RatedHours } from "./invoice.js";
import { error, t, warning, type Issue, type Result, type SourceRef, fail, ok } from "./issues.js";
import type { BenefitRow, HourRow, ModelConfig, OtherCost, StaffRow } from "./model.js";
import { sum, ZERO, type Dec } from "./money.js";
import { contains, dayNumber, parsePeriod, type Period } from "./period.js";
import { settle, type PeriodCorrection, type SettlementResult } from "./settlement.js";
import { staffByPartner, staffLinesIn, type PartnerStaff, type StaffLine } from "./staff.js";
import { closeChecks, reserveShortfallReason, type Check } from "./checks.js";
import { candidateDetail, type CandidateDetail } from "./candidates.js";
import { scaledOf } from "./exact-sum.js";
import { newRowFacts, RowClassifier, RowTotals, S_ADJUSTMENT, statusCode, type BeforeStart, type LateRow, type RowFacts, type RowTotalsResult } from "./row-totals.js";
import { costCorrections, Restated, firstDates, staffCorrections, type ClosedPeriod, type CostCorrection, type Reversal, type StaffCorrection } from "./corrections.js";
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

/** A close as the renderers need it: totals, no row held (the streaming close builds only this). */
export type CloseCore = {
  readonly config: ModelConfig;
  readonly period: Period;
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
  /** Late rows billed in this close as corrections of closed periods, hours first, each kind in input order. */
  readonly lateRows: readonly LateRow[];
  /** Closed periods whose staff cost or other costs the inputs changed. */
  readonly staffCorrections: readonly StaffCorrection[];
  readonly costCorrections: readonly CostCorrection[];
  /** Detail per candidate; `sources` is empty when the rows were not kept (the streaming close), and the list is then built anew on each read. */
  readonly candidates: readonly CandidateDetail[];
  /** The most decimals of a billed hours value and of a billed amount (at least 2). */
  readonly decimals: { readonly hours: number; readonly amounts: number };
  readonly checks: readonly Check[];
  readonly warnings: readonly Issue[];
};

/** The close with every row classified (closePeriod, rows in memory). */
export type CloseResult = CloseCore & {
  readonly hours: readonly (Classified<HourRow> & { readonly rate?: Dec })[];
  readonly benefits: readonly Classified<BenefitRow>[];
};

/** The quantity of a row as a scaled integer when it fits (cached: readers share one Decimal per cell text). */
const scaledCache = new WeakMap<Dec, { m: number; s: number } | null>();
function setQuantity(f: RowFacts, x: Dec): void {
  let q = scaledCache.get(x);
  if (q === undefined) scaledCache.set(x, (q = scaledOf(x) ?? null));
  if (q === null) f.big = x;
  else {
    f.big = undefined;
    f.m = q.m;
    f.s = q.s;
  }
}

export function closePeriod(input: CloseInput): Result<CloseResult> {
  const { config, period } = input;
  const closed = input.closed ?? [];
  const prior = input.prior ?? (() => undefined);
  const cls = new RowClassifier(config, period, closed);
  const ids = <K>() => {
    const index = new Map<K, number>();
    const list: K[] = [];
    return { list, of: (k: K) => index.get(k) ?? (index.set(k, list.length), list.push(k) - 1) };
  };
  const cands = ids<string>();
  const files = ids<string>();
  const necs = new Map(config.necPartners.map((n, i) => [n, i]));
  const types = new Map(config.benefitTypes.map((t, i) => [t, i]));
  const days = new Map<string, number>();
  const dayOf = (d: string) => days.get(d) ?? (days.set(d, dayNumber(d)), days.get(d)!);
  const totals = new RowTotals(config, cls.rates, { candidate: (i) => cands.list[i]!, file: (i) => files.list[i]! });
  const f = newRowFacts();
  const issues: Issue[] = [];
  const classify = <R extends HourRow | BenefitRow>(r: R, i: number): Classified<R> => {
    const p = prior(r, i);
    f.day = dayOf(r.date);
    if (p !== undefined) {
      f.status = statusCode(p.status);
      f.ownPeriod = undefined;
      return { row: r, status: p.status, ...(p.ownPeriod ? { ownPeriod: p.ownPeriod } : {}) };
    }
    f.status = cls.status(f.day);
    f.ownPeriod = f.status === S_ADJUSTMENT ? cls.ownPeriod(f.day) : undefined;
    return { row: r, status: ROW_STATUSES[f.status]!, ...(f.ownPeriod !== undefined ? { ownPeriod: f.ownPeriod } : {}) };
  };
  const facts = (r: HourRow | BenefitRow, i: number) => {
    f.nec = necs.get(r.necPartner) ?? -1;
    f.candidate = cands.of(r.candidate);
    f.pos = i;
    f.file = files.of(r.source.file);
    f.line = r.source.line;
  };
  f.kind = "hours";
  // Classify and price in one pass (one object per row: this runs over every input row).
  const rated = input.hours.map((r, i): Classified<HourRow> & { readonly rate?: Dec } => {
    const c = classify(r, i);
    facts(r, i);
    setQuantity(f, r.hours);
    f.rate = -1;
    let out: Classified<HourRow> & { readonly rate?: Dec } = c;
    if (isBilled(c)) {
      f.rate = cls.rate(f.nec, f.day);
      if (f.rate >= 0) out = { row: r, status: c.status, ...(c.ownPeriod ? { ownPeriod: c.ownPeriod } : {}), rate: cls.rates[f.rate]! };
      else issues.push(noFee(r));
    }
    totals.add(f);
    return out;
  });
  f.kind = "benefits";
  f.rate = -1;
  const benefits = input.benefits.map((r, i) => {
    const c = classify(r, i);
    facts(r, i);
    setQuantity(f, r.amount);
    f.type = types.get(r.type) ?? 0;
    totals.add(f);
    return c;
  });
  const core = closeFromTotals({ ...input, totals: totals.finish(), rowsRead: { hours: input.hours.length, benefits: input.benefits.length } }, issues);
  if (!core.ok) return core;
  return ok({
    ...core.value,
    hours: rated,
    benefits,
    candidates: candidateDetail(
      rated.filter((c): c is RatedHours => isBilled(c) && "rate" in c),
      benefits.filter(isBilled),
    ),
  });
}

/** A billed hour on a date no fee covers: an input error at the row. */
export function noFee(r: { necPartner: string; date: string; source: SourceRef }): Issue {
  return error("no-fee", { partner: r.necPartner, date: r.date }, { source: r.source, found: r.date, hint: t("no-fee.hint", { date: r.date }) });
}

export type TotalsInput = Omit<CloseInput, "hours" | "benefits" | "prior"> & {
  readonly totals: RowTotalsResult;
  /** Hours and benefit rows read (every status), for the row-accounting check. */
  readonly rowsRead: { readonly hours: number; readonly benefits: number };
};

/**
 * The close from row totals (row-totals.ts): invoices, corrections of closed
 * periods, split, settlement, reserve, effort, checks and warnings. `issues`
 * are problems the rows already showed (a billed hour without a fee).
 */
export function closeFromTotals(input: TotalsInput, rowIssues: readonly Issue[] = []): Result<CloseCore> {
  const { config, period, totals } = input;
  const closed = input.closed ?? [];
  const issues: Issue[] = [...rowIssues];
  const active = seWeights(config, period);
  if (active.length === 0) {
    issues.push(error("no-se-partner", { period: period.label }, { hint: t("no-se-partner.hint") }));
  }
  if (issues.length > 0) return fail(issues);

  // Invoices: this period's lines per rate and share, and one correction line per (closed period, rate or share).
  const items = new Map<string, CorrectionItem[]>();
  for (const [nec, list] of totals.lateItems) items.set(nec, [...list]);
  const item = (nec: string, it: CorrectionItem) => (items.get(nec) ?? items.set(nec, []).get(nec)!).push(it);
  const reversals = input.reversals ?? [];
  for (const r of reversals) {
    item(r.necPartner, { of: r.kind, period: r.period, price: r.price, ...(r.type !== undefined ? { type: r.type } : {}), date: r.date, quantity: r.quantity.negated(), reversal: true });
  }
  const invoices = config.necPartners
    .map((nec) =>
      buildInvoice(
        nec,
        [
          ...hourLinesOf(totals.hourGroups.filter((g) => g.necPartner === nec)),
          ...benefitLinesOf(config, totals.benefitGroups.filter((g) => g.necPartner === nec)),
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
  const rows = totals.counts;

  const result: Omit<CloseCore, "checks" | "warnings"> = {
    config,
    period,
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
    lateRows: totals.lateRows,
    staffCorrections: staffCorr,
    costCorrections: costCorr,
    // read through, not copied: the totals build the list when it is read (a streamed year has ~500,000 pairs)
    get candidates() {
      return totals.candidates;
    },
    decimals: totals.decimals,
  };
  const checks = closeChecks(result, input.rowsRead);
  // assigned, not spread: a spread would build the candidate list now
  return ok(Object.assign(result, { checks, warnings: closeWarnings(result, idleStaff, totals.beforeStart) }));
}

function closeWarnings(r: Omit<CloseCore, "checks" | "warnings">, idleStaff: readonly StaffLine[], beforeStart: readonly BeforeStart[]): Issue[] {
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
  for (const b of beforeStart) {
    const n = b.count;
    const shown = n > 10 ? `${b.lines.slice(0, 10).join(", ")}, …` : b.lines.join(", ");
    w.push(
      warning("before-start", { count: n, dates: b.first === b.last ? b.first : `${b.first}..${b.last}`, start: r.config.start }, {
        source: { file: b.file, line: b.lines[0]! },
        found: t("lines", { count: n, lines: shown }),
      }),
    );
  }
  const res = r.settlement.reserve;
  if (res.closing.isNegative()) w.push(warning("reserve-negative", { reason: reserveShortfallReason(r) }));
  return w;
}
