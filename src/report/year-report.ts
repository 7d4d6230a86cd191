// The statement over several closes (`menerva report 2025`, issue 11), as
// data: built from the ledger records alone (no re-close), so it shows what
// was closed and invoiced, corrections included. Renderers: JSON and CSV
// (year-tables.ts), text, and the workbook (adapters/xlsx/year-workbook.ts).
import { dec, sum, ZERO, type Dec } from "../domain/money.js";
import { addDays, monthPeriod, type Period } from "../domain/period.js";
import type { LedgerRecord } from "../ledger/record.js";
import { CLOSE_WORDS } from "./close-labels.js";

export type YearClose = {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly policy: string;
  readonly revenue: Dec;
  readonly ownRevenue: Dec;
  readonly opening: Dec;
  readonly retained: Dec;
  readonly otherCosts: Dec;
  readonly reservePayments: Dec;
  readonly closing: Dec;
  readonly hash: string;
};

export type YearInvoice = {
  readonly close: string;
  readonly necPartner: string;
  readonly hours: Dec;
  readonly hourFee: Dec;
  readonly benefits: Dec;
  readonly benefitFee: Dec;
  readonly corrections: Dec;
  readonly subtotal: Dec;
  readonly vat: Dec;
  readonly total: Dec;
};

export type YearCorrection = { readonly close: string; readonly necPartner: string; readonly period: string; readonly of: string; readonly price: Dec; readonly quantity: Dec; readonly amount: Dec };

export type YearSettlement = {
  readonly close: string;
  readonly sePartner: string;
  readonly days: number;
  readonly share: Dec;
  readonly staffCost: Dec;
  readonly covered: Dec;
  readonly retained: Dec;
  readonly distributed: Dec;
  readonly reservePayment: Dec;
  readonly uncovered: Dec;
};

export type YearReport = {
  readonly project: string;
  readonly language: "nl" | "en";
  readonly period: Period;
  readonly ledger: string;
  readonly closes: readonly YearClose[];
  readonly invoices: readonly YearInvoice[];
  readonly corrections: readonly YearCorrection[];
  readonly settlement: readonly YearSettlement[];
  /** Parts of the period (from the project start) that no close covers yet: labels such as "2025-11" or "2025-12-01..2025-12-15". */
  readonly open: readonly string[];
  /** The project's first day (from the ledger's config); days before it are never open. */
  readonly projectStart: string;
  /** The part of the period before the project's start ("2024-01-01..2024-12-31"), when there is one: nothing to close there. */
  readonly beforeStart?: string;
  /** Closes that overlap the period without lying inside it: left out (named, so nothing is hidden). */
  readonly partial: readonly string[];
  /** NEC and SE partners in order of first appearance. */
  readonly necPartners: readonly string[];
  readonly sePartners: readonly string[];
};

type Totals = {
  revenue?: string;
  own_revenue?: string;
  invoices?: { nec_partner: string; hours: string; hour_fee?: string; benefits: string; benefit_fee?: string; corrections?: string; subtotal: string; vat: string; total: string; correction_lines?: { period: string; of: string; price: string; quantity: string; amount: string }[] }[];
  settlement?: { se_partner: string; days?: number; share: string; staff_cost: string; covered: string; retained: string; distributed: string; reserve_payment: string; uncovered: string }[];
  reserve?: { opening: string; retained: string; other_costs: string; reserve_payments: string; closing: string };
};

const d = (x: string | undefined): Dec => (x === undefined ? ZERO : dec(x));

/** Uncovered days of [from, to] as labels: whole months by name, other stretches as ranges. */
function openLabels(from: string, to: string, closes: readonly { from: string; to: string }[]): string[] {
  const out: string[] = [];
  const sorted = [...closes].sort((a, b) => (a.from < b.from ? -1 : 1));
  let cursor = from;
  const gaps: [string, string][] = [];
  for (const c of sorted) {
    if (c.to < cursor) continue;
    if (c.from > cursor) gaps.push([cursor, c.from > to ? to : addDays(c.from, -1)]);
    if (c.to >= cursor) cursor = addDays(c.to, 1);
    if (cursor > to) break;
  }
  if (cursor <= to) gaps.push([cursor, to]);
  for (const [a, b] of gaps) {
    let x = a;
    while (x <= b) {
      const m = monthPeriod(Number(x.slice(0, 4)), Number(x.slice(5, 7)));
      const end = m.to < b ? m.to : b;
      out.push(x === m.from && end === m.to ? m.label : `${x}..${end}`);
      x = addDays(end, 1);
    }
  }
  return out;
}

export function buildYearReport(records: readonly LedgerRecord[], period: Period, opts: { language?: "nl" | "en"; ledger: string }): YearReport {
  const inside = records.filter((r) => r.from >= period.from && r.to <= period.to);
  const partial = records.filter((r) => !inside.includes(r) && r.from <= period.to && r.to >= period.from).map((r) => r.period);
  const cfg = (records[records.length - 1]?.config ?? {}) as { project?: string; language?: string; start?: string };
  const start = cfg.start ?? records[0]?.from ?? period.from;
  const openFrom = start > period.from ? start : period.from;
  const closes: YearClose[] = [];
  const invoices: YearInvoice[] = [];
  const corrections: YearCorrection[] = [];
  const settlement: YearSettlement[] = [];
  const nec: string[] = [];
  const se: string[] = [];
  for (const r of inside) {
    const t = r.totals as Totals;
    const res = t.reserve;
    closes.push({
      period: r.period,
      from: r.from,
      to: r.to,
      policy: `${r.policy.profit}/${r.policy.shortfall}`,
      revenue: d(t.revenue),
      ownRevenue: d(t.own_revenue ?? t.revenue),
      opening: dec(r.opening_reserve),
      retained: d(res?.retained),
      otherCosts: d(res?.other_costs),
      reservePayments: d(res?.reserve_payments),
      closing: dec(r.closing_reserve),
      hash: r.hash,
    });
    for (const i of t.invoices ?? []) {
      if (!nec.includes(i.nec_partner)) nec.push(i.nec_partner);
      invoices.push({
        close: r.period,
        necPartner: i.nec_partner,
        hours: d(i.hours),
        hourFee: d(i.hour_fee),
        benefits: d(i.benefits),
        benefitFee: d(i.benefit_fee),
        corrections: d(i.corrections),
        subtotal: d(i.subtotal),
        vat: d(i.vat),
        total: d(i.total),
      });
      for (const l of i.correction_lines ?? []) corrections.push({ close: r.period, necPartner: i.nec_partner, period: l.period, of: l.of, price: dec(l.price), quantity: dec(l.quantity), amount: dec(l.amount) });
    }
    for (const p of t.settlement ?? []) {
      if (!se.includes(p.se_partner)) se.push(p.se_partner);
      settlement.push({
        close: r.period,
        sePartner: p.se_partner,
        days: p.days ?? 0,
        share: d(p.share),
        staffCost: d(p.staff_cost),
        covered: d(p.covered),
        retained: d(p.retained),
        distributed: d(p.distributed),
        reservePayment: d(p.reserve_payment),
        uncovered: d(p.uncovered),
      });
    }
  }
  return {
    project: cfg.project ?? "MENERVA",
    language: opts.language ?? (cfg.language === "en" ? "en" : "nl"),
    period,
    ledger: opts.ledger,
    closes,
    invoices,
    corrections,
    settlement,
    open: openFrom > period.to ? [] : openLabels(openFrom, period.to, records),
    projectStart: start,
    ...(start > period.from ? { beforeStart: `${period.from}..${start > period.to ? period.to : addDays(start, -1)}` } : {}),
    partial,
    necPartners: nec,
    sePartners: se,
  };
}

/** Sum of one field over the rows of a partner (or all rows). */
export const total = <T>(rows: readonly T[], f: (r: T) => Dec): Dec => sum(rows.map(f));

/** The statement's title word by the kind of its period: a year, quarter, month or any other range. */
export function statementTitle(r: YearReport): string {
  return `${r.project} — ${CLOSE_WORDS[r.language].statementOf[r.period.kind]} ${r.period.label}`;
}

/**
 * "Periods still open" as a reader may take it literally: the months no close
 * covers, or "none" only when every day from the project's start is closed;
 * a period (or part) before the start is said to be so, never called closed.
 */
export function openPeriodsText(r: YearReport): string {
  const w = CLOSE_WORDS[r.language];
  const allBefore = r.beforeStart !== undefined && r.projectStart > r.period.to;
  if (allBefore) return w.noneBeforeStart(r.period.label, r.projectStart);
  const open = r.open.length === 0 ? w.noOpenPeriods : r.open.join(", ");
  return r.beforeStart === undefined ? open : `${open}; ${w.beforeStart(r.beforeStart, r.projectStart)}`;
}
