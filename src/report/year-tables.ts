// Renderers of the statement over several closes (year-report.ts): the JSON
// summary, one CSV table per section, and the text for a terminal.
import { fmtDecimal, sum, type Dec } from "../domain/money.js";
import { localEuro, localNumber } from "../i18n/numbers.js";
import { CLOSE_WORDS } from "./close-labels.js";
import type { Table } from "./close-tables.js";
import { money, qty, rate } from "./format.js";
import { openPeriodsText, statementTitle, type YearReport } from "./year-report.js";

export function yearJson(r: YearReport): Record<string, unknown> {
  const perNec = r.necPartners.map((n) => {
    const mine = r.invoices.filter((i) => i.necPartner === n);
    return {
      nec_partner: n,
      hours: qty(sum(mine.map((i) => i.hours))),
      hour_fee: money(sum(mine.map((i) => i.hourFee))),
      benefits: money(sum(mine.map((i) => i.benefits))),
      benefit_fee: money(sum(mine.map((i) => i.benefitFee))),
      corrections: money(sum(mine.map((i) => i.corrections))),
      subtotal: money(sum(mine.map((i) => i.subtotal))),
      vat: money(sum(mine.map((i) => i.vat))),
      total: money(sum(mine.map((i) => i.total))),
    };
  });
  const perSe = r.sePartners.map((n) => {
    const mine = r.settlement.filter((s) => s.sePartner === n);
    const m = (f: (s: (typeof mine)[number]) => Parameters<typeof money>[0]) => money(sum(mine.map(f)));
    return {
      se_partner: n,
      share: m((s) => s.share),
      staff_cost: m((s) => s.staffCost),
      covered: m((s) => s.covered),
      retained: m((s) => s.retained),
      distributed: m((s) => s.distributed),
      reserve_payment: m((s) => s.reservePayment),
      uncovered: m((s) => s.uncovered),
    };
  });
  const first = r.closes[0];
  const last = r.closes[r.closes.length - 1];
  return {
    project: r.project,
    period: r.period.label,
    from: r.period.from,
    to: r.period.to,
    ledger: r.ledger,
    closes: r.closes.map((c) => ({
      period: c.period,
      from: c.from,
      to: c.to,
      policy: c.policy,
      revenue: money(c.revenue),
      own_revenue: money(c.ownRevenue),
      corrections: money(c.revenue.minus(c.ownRevenue)),
      reserve: { opening: money(c.opening), retained: money(c.retained), other_costs: money(c.otherCosts), reserve_payments: money(c.reservePayments), closing: money(c.closing) },
      ledger_record: c.hash,
    })),
    open_periods: r.open,
    project_start: r.projectStart,
    ...(r.beforeStart !== undefined ? { before_project_start: r.beforeStart } : {}),
    partial_closes_left_out: r.partial,
    revenue: money(sum(r.closes.map((c) => c.revenue))),
    invoices: perNec,
    invoices_per_close: r.invoices.map((i) => ({
      close: i.close,
      nec_partner: i.necPartner,
      hours: qty(i.hours),
      hour_fee: money(i.hourFee),
      benefits: money(i.benefits),
      benefit_fee: money(i.benefitFee),
      corrections: money(i.corrections),
      subtotal: money(i.subtotal),
      vat: money(i.vat),
      total: money(i.total),
    })),
    corrections: r.corrections.map((c) => ({ close: c.close, nec_partner: c.necPartner, period: c.period, of: c.of, [c.of === "hours" ? "rate" : "share"]: rate(c.price), quantity: fmtDecimal(c.quantity), amount: money(c.amount) })),
    settlement: perSe,
    settlement_per_close: r.settlement.map((s) => ({
      close: s.close,
      se_partner: s.sePartner,
      active_days: s.days,
      share: money(s.share),
      staff_cost: money(s.staffCost),
      covered: money(s.covered),
      retained: money(s.retained),
      distributed: money(s.distributed),
      reserve_payment: money(s.reservePayment),
      uncovered: money(s.uncovered),
    })),
    reserve: first && last ? { opening: money(first.opening), retained: money(sum(r.closes.map((c) => c.retained))), other_costs: money(sum(r.closes.map((c) => c.otherCosts))), reserve_payments: money(sum(r.closes.map((c) => c.reservePayments))), closing: money(last.closing) } : null,
  };
}

export function yearTables(r: YearReport): Table[] {
  return [
    {
      name: "closes",
      header: ["period", "from", "to", "policy", "revenue", "own_revenue", "corrections", "opening_reserve", "retained", "other_costs", "reserve_payments", "closing_reserve", "ledger_record"],
      rows: r.closes.map((c) => [c.period, c.from, c.to, c.policy, money(c.revenue), money(c.ownRevenue), money(c.revenue.minus(c.ownRevenue)), money(c.opening), money(c.retained), money(c.otherCosts), money(c.reservePayments), money(c.closing), c.hash]),
    },
    {
      name: "invoices",
      header: ["close", "nec_partner", "hours", "hour_fee", "benefits", "benefit_fee", "corrections", "subtotal", "vat", "total"],
      rows: r.invoices.map((i) => [i.close, i.necPartner, qty(i.hours), money(i.hourFee), money(i.benefits), money(i.benefitFee), money(i.corrections), money(i.subtotal), money(i.vat), money(i.total)]),
    },
    {
      name: "corrections",
      header: ["close", "nec_partner", "corrected_period", "of", "rate_or_share", "quantity", "amount"],
      rows: r.corrections.map((c) => [c.close, c.necPartner, c.period, c.of, rate(c.price), fmtDecimal(c.quantity), money(c.amount)]),
    },
    {
      name: "settlement",
      header: ["close", "se_partner", "active_days", "share", "staff_cost", "covered", "retained", "distributed", "reserve_payment", "uncovered"],
      rows: r.settlement.map((s) => [s.close, s.sePartner, String(s.days), money(s.share), money(s.staffCost), money(s.covered), money(s.retained), money(s.distributed), money(s.reservePayment), money(s.uncovered)]),
    },
    { name: "open-periods", header: ["period"], rows: r.open.map((p) => [p]) },
  ];
}

export function yearText(r: YearReport): string {
  const w = CLOSE_WORDS[r.language];
  const y = w.year;
  // On screen in the language's number style (`1.234,56`); CSV and JSON keep `1234.56`.
  const m = (x: Dec): string => localNumber(money(x), r.language);
  const q = (x: Dec): string => localNumber(qty(x), r.language);
  const out: string[] = [];
  const pad = (s: string, n: number) => s.padEnd(n);
  const lpad = (s: string, n: number) => s.padStart(n);
  out.push(`${statementTitle(r)} (${r.period.from} .. ${r.period.to})`);
  out.push("", `${w.closes}:`);
  for (const c of r.closes) {
    out.push(`  ${pad(c.period, 12)} ${y.revenue} ${lpad(m(c.revenue), 11)} (${w.correctionsAmount.toLowerCase()} ${m(c.revenue.minus(c.ownRevenue))})  ${y.reserve.toLowerCase()} ${m(c.opening)} → ${m(c.closing)}`);
  }
  if (r.closes.length === 0) out.push(`  ${y.noCloses}`);
  out.push("", `${y.invoicesPerNec}:`);
  for (const n of r.necPartners) {
    const mine = r.invoices.filter((i) => i.necPartner === n);
    out.push(
      `  ${pad(n, 20)} ${lpad(q(sum(mine.map((i) => i.hours))), 10)} ${y.hours}  ${w.correctionsAmount.toLowerCase()} ${lpad(m(sum(mine.map((i) => i.corrections))), 10)}  ${y.subtotal} ${lpad(m(sum(mine.map((i) => i.subtotal))), 11)}  ${y.total} ${lpad(m(sum(mine.map((i) => i.total))), 11)}`,
    );
  }
  out.push("", `${y.settlementPerSe}:`);
  for (const n of r.sePartners) {
    const mine = r.settlement.filter((s) => s.sePartner === n);
    out.push(
      `  ${pad(n, 20)} ${y.share} ${lpad(m(sum(mine.map((s) => s.share))), 11)}  ${y.staffCost} ${lpad(m(sum(mine.map((s) => s.staffCost))), 11)}  ${y.covered} ${lpad(m(sum(mine.map((s) => s.covered))), 11)}  ${y.uncovered} ${lpad(m(sum(mine.map((s) => s.uncovered))), 11)}`,
    );
  }
  const first = r.closes[0];
  const last = r.closes[r.closes.length - 1];
  if (first && last) out.push("", `${y.reserve}: ${localEuro(money(first.opening), r.language)} → ${localEuro(money(last.closing), r.language)}`);
  out.push("", `${w.openPeriods}: ${openPeriodsText(r)}`);
  if (r.partial.length > 0) out.push(`${y.partial}: ${r.partial.join(", ")}`);
  return `${out.join("\n")}\n`;
}
