// The JSON summary of a close (issue 3's contract; field names are fixed):
// amounts as strings with two decimals, hours as exact decimal strings.
import { ROW_STATUSES, type RowCounts } from "../domain/classify.js";
import { clip, formatSource, type Issue } from "../domain/issues.js";
import { render } from "../i18n/render.js";
import { correctionEntries, type CorrectionEntry } from "./close-corrections.js";
import type { Invoice, InvoiceLine } from "../domain/invoice.js";
import type { CloseReport, ReportDocument } from "./close-report.js";

/** What a close without an `invoicing:` block says about documents (JSON `invoicing.message`). */
export const NO_DOCUMENTS = "no documents were made: the config has no invoicing: block (README, E-invoices)";
import { money, qty, rate } from "./format.js";
import { sum, ZERO, type Dec } from "../domain/money.js";

function line(l: InvoiceLine): Record<string, unknown> {
  if (l.kind === "hours") {
    return { kind: "hours", rate: rate(l.rate), hours: qty(l.hours), amount: money(l.amount), first_date: l.firstDate, last_date: l.lastDate, rows: l.rows };
  }
  if (l.kind === "correction") {
    return {
      kind: "correction",
      of: l.of,
      period: l.period,
      ...(l.of === "hours" ? { rate: rate(l.price), hours: qty(l.quantity) } : { types: l.types, share: rate(l.price), benefits: money(l.quantity) }),
      amount: money(l.amount),
      rows_added: l.added,
      rows_reversed: l.reversed,
      first_date: l.firstDate,
      last_date: l.lastDate,
    };
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

/** The document that stands for a partner's invoice now (neither a reversal nor reversed). */
export function currentDocument(report: CloseReport, necPartner: string): ReportDocument | undefined {
  if (!report.documents?.made) return undefined;
  return report.documents.docs.find((d) => d.necPartner === necPartner && d.reverses === undefined && d.reversedBy === undefined);
}

/** One document in the JSON: number, kind, partner, dates, payment reference, amount, files. */
export function documentJson(d: ReportDocument): Record<string, unknown> {
  return {
    number: d.number,
    kind: d.kind,
    nec_partner: d.necPartner,
    issue_date: d.issueDate,
    due_date: d.dueDate,
    payment_reference: d.reference,
    amount: money(d.payable),
    status: d.status,
    ...(d.reverses !== undefined ? { reverses: d.reverses } : {}),
    ...(d.reversedBy !== undefined ? { reversed_by: d.reversedBy } : {}),
    document: d.xml,
    pdf: d.pdf,
  };
}

function invoice(i: Invoice, doc: ReportDocument | undefined): Record<string, unknown> {
  return {
    nec_partner: i.necPartner,
    number: doc?.number ?? null,
    kind: doc?.kind ?? (i.creditNote ? "credit_note" : "invoice"),
    issue_date: doc?.issueDate ?? null,
    due_date: doc?.dueDate ?? null,
    payment_reference: doc?.reference ?? null,
    document: doc?.xml ?? null,
    hours: qty(i.hours),
    hour_fee: money(i.hourFee),
    benefits: money(i.benefits),
    benefit_fee: money(i.benefitFee),
    corrections: money(i.corrections),
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
    message: render(i.message, "en"),
    ...(i.source ? { file: i.source.file, ...(i.source.line !== undefined ? { line: i.source.line } : {}) } : {}),
    ...(i.subject ? { subject: render(i.subject, "en") } : {}),
    ...(i.found !== undefined ? { found: clip(render(i.found, "en")) } : {}),
  };
}

/** One correction entry as JSON: signed quantities, the rate or share, where it comes from. */
export function correctionJson(e: CorrectionEntry): Record<string, unknown> {
  const q = e.kind === "hours" ? { hours: qty(e.quantity) } : e.kind === "benefits" ? { benefit_type: e.type, amount: money(e.quantity) } : { amount: money(e.quantity.toDecimalPlaces(2)) };
  return {
    period: e.period,
    action: e.action,
    kind: e.kind,
    ...(e.kind === "cost" ? {} : e.kind === "staff" ? { se_partner: e.partner } : { nec_partner: e.partner }),
    ...(e.kind === "staff" ? { staff_period: e.date, role: e.what, share_of_row: `${e.share!.num.toFixed()}/${e.share!.den}` } : e.kind === "cost" ? { date: e.date, description: e.what } : { date: e.date, candidate_id: e.what }),
    ...q,
    ...(e.price !== undefined ? (e.kind === "hours" ? { rate: rate(e.price) } : { share: rate(e.price) }) : {}),
    ...(e.billedIn !== undefined ? { billed_in: e.billedIn } : {}),
    ...(e.source ? { [e.action === "reverse" ? "new_version" : "source"]: formatSource(e.source) } : {}),
  };
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
    invoices: r.invoices.map((i) => invoice(i, currentDocument(report, i.necPartner))),
    invoicing: report.documents?.made
      ? { enabled: true, invoice_date: report.documents.invoiceDate, documents: report.documents.docs.length, new: report.documents.docs.filter((d) => d.status === "new").length, journal: report.documents.journal }
      : { enabled: false, message: NO_DOCUMENTS },
    documents: report.documents?.made ? report.documents.docs.map(documentJson) : [],
    revenue: money(r.revenue),
    own_revenue: money(r.settlement.ownRevenue),
    settlement: r.settlement.partners.map((p) => {
      const k = r.staff.findIndex((s) => s.partner === p.sePartner);
      const st = r.staff[k];
      const corr = r.settlement.corrections.filter((c) => c.sePartner === p.sePartner);
      const total = (f: (c: (typeof corr)[number]) => Dec) => money(sum(corr.map(f)));
      return {
        se_partner: p.sePartner,
        active_days: p.days,
        share: money(p.share),
        staff_cost: money(p.staffCost),
        planned_staff_cost: st?.planned !== undefined ? money(st.planned) : null,
        staff_cost_from: st?.fromPlan ? "cost-price plan" : "staff export",
        cost: money((st?.cost ?? ZERO).toDecimalPlaces(2)),
        subsidy: money((st?.subsidy ?? ZERO).toDecimalPlaces(2)),
        covered: money(p.covered),
        retained: money(p.retained),
        distributed: money(p.distributed),
        reserve_payment: money(p.reservePayment),
        uncovered: money(p.uncovered),
        fte: qty((st?.fte ?? ZERO).toDecimalPlaces(4)),
        effort_weighted_share: r.effort.weightedShares && k >= 0 ? money(r.effort.weightedShares[k]!) : null,
        corrections: {
          share: total((c) => c.share),
          staff_cost: total((c) => c.staffCost),
          covered: total((c) => c.covered),
          retained: total((c) => c.retained),
          distributed: total((c) => c.distributed),
          uncovered: total((c) => c.uncovered),
        },
      };
    }),
    settlement_corrections: r.settlement.corrections.map((c) => ({
      period: c.period,
      se_partner: c.sePartner,
      share_before: money(c.shareBefore),
      staff_cost_before: money(c.staffCostBefore),
      share: money(c.share),
      staff_cost: money(c.staffCost),
      covered: money(c.covered),
      retained: money(c.retained),
      distributed: money(c.distributed),
      uncovered: money(c.uncovered),
    })),
    reserve: {
      opening: money(res.opening),
      opening_from: report.openingFrom === "config" ? "config" : report.openingFrom.period,
      retained: money(res.retained),
      other_costs: money(res.otherCosts),
      reserve_payments: money(res.reservePayments),
      closing: money(res.closing),
      other_cost_items: r.otherCosts.map((c) => ({ date: c.date, description: c.description, amount: money(c.amount) })),
      other_cost_corrections: r.costCorrections.map((c) => ({ period: c.period, amount: money(c.delta) })),
      history: report.reserveHistory.map((h) => ({ period: h.period, opening: money(h.opening), closing: money(h.closing) })),
    },
    effort: {
      spread: rate(r.effort.spread.toDecimalPlaces(4)),
      tolerance: rate(r.effort.tolerance),
      within_tolerance: r.effort.withinTolerance,
    },
    rows: { hours: counts(r.rows.hours), benefits: counts(r.rows.benefits) },
    adjustments: correctionEntries(r).map(correctionJson),
    inputs: report.inputs.map((f) => ({ kind: f.kind, file: f.file, sha256: f.sha256, rows: f.rows })),
    config: { file: report.configFile, sha256: report.configSha256 },
    ...(report.outsideConfigFolder && report.outsideConfigFolder.length > 0 ? { outside_config_folder: [...report.outsideConfigFolder] } : {}),
    ...(report.ledgerRecordHash ? { ledger_record: report.ledgerRecordHash } : {}),
    checks: r.checks.map((c) => ({ name: c.name, ok: c.ok, detail: render(c.detail, "en") })),
    warnings: report.warnings.map(issueJson),
  };
}
