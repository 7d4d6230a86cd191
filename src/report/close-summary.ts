// The JSON summary of a close (issue 3's contract; field names are fixed):
// amounts as strings with two decimals, hours as exact decimal strings.
import { ROW_STATUSES, type RowCounts } from "../domain/classify.js";
import { clip, type Issue } from "../domain/issues.js";
import type { Invoice, InvoiceLine } from "../domain/invoice.js";
import type { CloseReport } from "./close-report.js";
import { ZERO, type Dec } from "../domain/money.js";
import { money, qty, rate } from "./format.js";

function line(l: InvoiceLine): Record<string, unknown> {
  if (l.kind === "hours") {
    return { kind: "hours", rate: rate(l.rate), hours: qty(l.hours), amount: money(l.amount), first_date: l.firstDate, last_date: l.lastDate, rows: l.rows };
  }
  return {
    kind: "benefits",
    types: l.types,
    share: rate(l.share),
    benefits: money(l.benefits),
    by_type: Object.fromEntries([...l.byType].map(([t, v]) => [t, money(v)])),
    amount: money(l.amount),
    rows: l.rows,
  };
}

function invoice(i: Invoice): Record<string, unknown> {
  return {
    nec_partner: i.necPartner,
    hours: qty(i.hours),
    hour_fee: money(i.hourFee),
    benefits: money(i.benefits),
    benefit_fee: money(i.benefitFee),
    subtotal: money(i.subtotal),
    vat_rate: rate(i.vatRate),
    vat: money(i.vat),
    total: money(i.total),
    credit_note: i.creditNote,
    lines: i.lines.map(line),
  };
}

function counts(c: RowCounts): Record<string, number> {
  return Object.fromEntries(ROW_STATUSES.map((s) => [s, c[s]]));
}

export function issueJson(i: Issue): Record<string, unknown> {
  return {
    code: i.code,
    message: i.message,
    ...(i.source ? { file: i.source.file, ...(i.source.line !== undefined ? { line: i.source.line } : {}) } : {}),
    ...(i.subject ? { subject: i.subject } : {}),
    ...(i.found !== undefined ? { found: clip(i.found) } : {}),
  };
}

/** Late rows billed now, grouped by the period they belong to (prior-period adjustments). */
export function adjustmentsByPeriod(report: CloseReport): { period: string; hours: Dec; benefits: Dec; rows: number }[] {
  const by = new Map<string, { period: string; hours: Dec; benefits: Dec; rows: number }>();
  for (const c of [...report.result.hours, ...report.result.benefits]) {
    if (c.status !== "adjustment") continue;
    const k = c.ownPeriod ?? "";
    const a = by.get(k) ?? { period: k, hours: ZERO, benefits: ZERO, rows: 0 };
    if (c.row.kind === "hours") a.hours = a.hours.plus(c.row.hours);
    else a.benefits = a.benefits.plus(c.row.amount);
    a.rows += 1;
    by.set(k, a);
  }
  return [...by.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}

export function closeSummary(report: CloseReport): Record<string, unknown> {
  const r = report.result;
  const res = r.settlement.reserve;
  return {
    project: r.config.project,
    period: r.period.label,
    from: r.period.from,
    to: r.period.to,
    policy: { profit: r.config.profit, shortfall: r.config.shortfall },
    invoices: r.invoices.map(invoice),
    revenue: money(r.revenue),
    settlement: r.settlement.partners.map((p, i) => ({
      se_partner: p.sePartner,
      share: money(p.share),
      staff_cost: money(p.staffCost),
      planned_staff_cost: r.staff[i]!.planned !== undefined ? money(r.staff[i]!.planned!) : null,
      staff_cost_from: r.staff[i]!.fromPlan ? "cost-price plan" : "staff export",
      cost: money(r.staff[i]!.cost.toDecimalPlaces(2)),
      subsidy: money(r.staff[i]!.subsidy.toDecimalPlaces(2)),
      covered: money(p.covered),
      retained: money(p.retained),
      distributed: money(p.distributed),
      reserve_payment: money(p.reservePayment),
      uncovered: money(p.uncovered),
      fte: qty(r.staff[i]!.fte.toDecimalPlaces(4)),
      effort_weighted_share: r.effort.weightedShares ? money(r.effort.weightedShares[i]!) : null,
    })),
    reserve: {
      opening: money(res.opening),
      opening_from: report.openingFrom === "config" ? "config" : report.openingFrom.period,
      retained: money(res.retained),
      other_costs: money(res.otherCosts),
      reserve_payments: money(res.reservePayments),
      closing: money(res.closing),
      other_cost_items: r.otherCosts.map((c) => ({ date: c.date, description: c.description, amount: money(c.amount) })),
      history: report.reserveHistory.map((h) => ({ period: h.period, opening: money(h.opening), closing: money(h.closing) })),
    },
    effort: {
      spread: rate(r.effort.spread.toDecimalPlaces(4)),
      tolerance: rate(r.effort.tolerance),
      within_tolerance: r.effort.withinTolerance,
    },
    rows: { hours: counts(r.rows.hours), benefits: counts(r.rows.benefits) },
    adjustments: adjustmentsByPeriod(report).map((a) => ({ period: a.period, rows: a.rows, hours: qty(a.hours), benefits: money(a.benefits) })),
    inputs: report.inputs.map((f) => ({ kind: f.kind, file: f.file, sha256: f.sha256, rows: f.rows })),
    config: { file: report.configFile, sha256: report.configSha256 },
    ...(report.outsideConfigFolder && report.outsideConfigFolder.length > 0 ? { outside_config_folder: [...report.outsideConfigFolder] } : {}),
    ...(report.ledgerRecordHash ? { ledger_record: report.ledgerRecordHash } : {}),
    checks: r.checks.map((c) => ({ name: c.name, ok: c.ok, detail: c.detail })),
    warnings: report.warnings.map(issueJson),
  };
}
