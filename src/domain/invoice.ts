// Invoices per NEC partner (SPEC §3.1–3.3, issue 11). Pure.
// This is the invoice model the writers (statement, UBL e-invoice, PDF) are fed
// from. An invoice has three kinds of lines:
// - hours of this period: one line per distinct rate, round(Σ hours × rate);
// - benefits of this period: with one share for all types, one line
//   round(share × Σ benefits); with a share per type, one line per type;
// - corrections of closed periods: one line per (corrected period, rate) for
//   hours and per (corrected period, share [, type]) for benefits, net of late
//   rows, new versions and reversed rows, round(Σ quantity × rate or share).
// VAT is rounded once per invoice; a negative subtotal makes it a credit note.
import type { Classified } from "./classify.js";
import type { BenefitRow, HourRow, ModelConfig } from "./model.js";
import type { BillingInput, BillingLine, PeriodRef } from "./invoicing/types.js";
import { MODEL_ROUNDING, roundMoney, sum, ZERO, type Dec } from "./money.js";
import type { BenefitGroup, HourGroup } from "./row-totals.js";

export type HourLine = {
  readonly kind: "hours";
  readonly rate: Dec;
  readonly hours: Dec;
  readonly amount: Dec;
  /** First and last billed date of the rows on this line. */
  readonly firstDate: string;
  readonly lastDate: string;
  readonly rows: number;
};

export type BenefitLine = {
  readonly kind: "benefits";
  /** The benefit types on this line (one type when shares differ per type). */
  readonly types: readonly string[];
  readonly share: Dec;
  readonly benefits: Dec;
  readonly amount: Dec;
  /** Σ benefits per type on this line (informational; the line rounds once). */
  readonly byType: ReadonlyMap<string, Dec>;
  readonly rows: number;
};

/**
 * A prior-period correction on its own line: rows dated in an already closed
 * period that reach the invoice now (late rows, the new version of an edited
 * row) minus closed rows the exports withdrew (reversed at the rate or share
 * they were billed at). `period` names the closed period corrected.
 */
export type CorrectionLine = {
  readonly kind: "correction";
  /** What is corrected: billed hours or received benefits. */
  readonly of: "hours" | "benefits";
  /** The closed period the corrected rows belong to ("2025-01"). */
  readonly period: string;
  /** Hours: the rate per hour. Benefits: the share. */
  readonly price: Dec;
  /** Benefits: the types on this line (one type when shares differ per type); empty for hours. */
  readonly types: readonly string[];
  /** Net hours or benefits: rows added minus rows reversed (may be negative). */
  readonly quantity: Dec;
  /** round(quantity × price), half away from zero. */
  readonly amount: Dec;
  /** Rows added (late rows, new versions) and closed rows reversed on this line. */
  readonly added: number;
  readonly reversed: number;
  /** First and last date of the rows on this line. */
  readonly firstDate: string;
  readonly lastDate: string;
};

export type InvoiceLine = HourLine | BenefitLine | CorrectionLine;

export type Invoice = {
  readonly necPartner: string;
  /** Hours billed, net of corrections (this period's hour lines plus hour corrections). */
  readonly hours: Dec;
  /** Amount of the hour lines and hour corrections. */
  readonly hourFee: Dec;
  /** Benefits, net of corrections. */
  readonly benefits: Dec;
  /** Amount of the benefit lines and benefit corrections. */
  readonly benefitFee: Dec;
  /** Amount of the correction lines alone (hours and benefits). */
  readonly corrections: Dec;
  readonly subtotal: Dec;
  readonly vatRate: Dec;
  readonly vat: Dec;
  readonly total: Dec;
  /** A net negative subtotal makes the invoice a credit note. */
  readonly creditNote: boolean;
  readonly lines: readonly InvoiceLine[];
};

/** A billed hour row with the rate that applies to its own date. */
export type RatedHours = Classified<HourRow> & { readonly rate: Dec };

export function hourLines(rows: readonly RatedHours[]): HourLine[] {
  const byRate = new Map<string, RatedHours[]>();
  for (const r of rows) {
    const k = r.rate.toFixed();
    const list = byRate.get(k) ?? [];
    list.push(r);
    byRate.set(k, list);
  }
  return [...byRate.values()]
    .map((list) => {
      const rate = list[0]!.rate;
      const hours = sum(list.map((r) => r.row.hours));
      let firstDate = list[0]!.row.date;
      let lastDate = firstDate;
      for (const r of list) {
        if (r.row.date < firstDate) firstDate = r.row.date;
        if (r.row.date > lastDate) lastDate = r.row.date;
      }
      return { kind: "hours" as const, rate, hours, amount: roundMoney(hours.times(rate), MODEL_ROUNDING), firstDate, lastDate, rows: list.length };
    })
    .sort((a, b) => (a.firstDate === b.firstDate ? a.rate.comparedTo(b.rate) : a.firstDate < b.firstDate ? -1 : 1));
}

/** Hour lines from this period's totals per rate (row-totals.ts): the same lines as hourLines. */
export function hourLinesOf(groups: readonly HourGroup[]): HourLine[] {
  return groups
    .map((g) => ({ kind: "hours" as const, rate: g.rate, hours: g.hours, amount: roundMoney(g.hours.times(g.rate), MODEL_ROUNDING), firstDate: g.firstDate, lastDate: g.lastDate, rows: g.rows }))
    .sort((a, b) => (a.firstDate === b.firstDate ? a.rate.comparedTo(b.rate) : a.firstDate < b.firstDate ? -1 : 1));
}

/** The share that applies to a benefit type. */
export function shareFor(config: Pick<ModelConfig, "benefitShare">, type: string): Dec {
  const s = config.benefitShare;
  // Own keys only: a type named like an Object method ("constructor") must not find one.
  return isPerType(s) ? (Object.hasOwn(s, type) ? s[type]! : ZERO) : s;
}

function isPerType(s: ModelConfig["benefitShare"]): s is Readonly<Record<string, Dec>> {
  return !(typeof (s as Dec).toFixed === "function");
}

export function benefitLines(config: Pick<ModelConfig, "benefitShare" | "benefitTypes">, rows: readonly Classified<BenefitRow>[]): BenefitLine[] {
  const groups: { types: string[]; share: Dec }[] = isPerType(config.benefitShare)
    ? config.benefitTypes.map((t) => ({ types: [t], share: shareFor(config, t) }))
    : [{ types: [...config.benefitTypes], share: config.benefitShare }];
  const lines: BenefitLine[] = [];
  for (const g of groups) {
    const mine = rows.filter((r) => g.types.includes(r.row.type));
    if (mine.length === 0) continue;
    const byType = new Map<string, Dec>();
    for (const t of g.types) {
      const ofType = mine.filter((r) => r.row.type === t);
      if (ofType.length > 0) byType.set(t, sum(ofType.map((r) => r.row.amount)));
    }
    const benefits = sum(byType.values());
    lines.push({
      kind: "benefits",
      types: [...byType.keys()],
      share: g.share,
      benefits,
      amount: roundMoney(g.share.times(benefits), MODEL_ROUNDING),
      byType,
      rows: mine.length,
    });
  }
  return lines;
}

/** Benefit lines from this period's totals per type (row-totals.ts): the same lines as benefitLines. */
export function benefitLinesOf(config: Pick<ModelConfig, "benefitShare" | "benefitTypes">, groups: readonly BenefitGroup[]): BenefitLine[] {
  const shareGroups: { types: string[]; share: Dec }[] = isPerType(config.benefitShare)
    ? config.benefitTypes.map((t) => ({ types: [t], share: shareFor(config, t) }))
    : [{ types: [...config.benefitTypes], share: config.benefitShare }];
  const lines: BenefitLine[] = [];
  for (const g of shareGroups) {
    const mine = groups.filter((x) => g.types.includes(x.type));
    if (mine.length === 0) continue;
    const byType = new Map<string, Dec>();
    for (const t of g.types) {
      const ofType = mine.filter((x) => x.type === t);
      if (ofType.length > 0) byType.set(t, sum(ofType.map((x) => x.amount)));
    }
    const benefits = sum(byType.values());
    lines.push({ kind: "benefits", types: [...byType.keys()], share: g.share, benefits, amount: roundMoney(g.share.times(benefits), MODEL_ROUNDING), byType, rows: mine.reduce((n, x) => n + x.rows, 0) });
  }
  return lines;
}

/** One row's contribution to a correction line (a late row, a new version, or a reversal with negative quantity). */
export type CorrectionItem = {
  readonly of: "hours" | "benefits";
  readonly period: string;
  readonly price: Dec;
  readonly type?: string;
  /** The row's date (for several rows: the first). */
  readonly date: string;
  /** For several rows at once (row-totals.ts): the last date. */
  readonly lastDate?: string;
  readonly quantity: Dec;
  readonly reversal: boolean;
  /** Rows this item stands for (default 1). */
  readonly rows?: number;
};

/**
 * Correction lines: grouped per (period, hours at a rate) and per (period,
 * benefits at a share); with a share per benefit type, per type too. Sorted
 * by period, hours first, then price.
 */
export function correctionLines(config: Pick<ModelConfig, "benefitShare" | "benefitTypes">, items: readonly CorrectionItem[]): CorrectionLine[] {
  const perType = isPerType(config.benefitShare);
  type Acc = { of: "hours" | "benefits"; period: string; price: Dec; types: Set<string>; quantity: Dec; added: number; reversed: number; first: string; last: string };
  const groups = new Map<string, Acc>();
  for (const it of items) {
    const k = `${it.period}\u0000${it.of}\u0000${it.price.toFixed()}\u0000${it.of === "benefits" && perType ? (it.type ?? "") : ""}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { of: it.of, period: it.period, price: it.price, types: new Set(), quantity: ZERO, added: 0, reversed: 0, first: it.date, last: it.lastDate ?? it.date }));
    if (it.type !== undefined) g.types.add(it.type);
    g.quantity = g.quantity.plus(it.quantity);
    if (it.reversal) g.reversed += it.rows ?? 1;
    else g.added += it.rows ?? 1;
    if (it.date < g.first) g.first = it.date;
    const last = it.lastDate ?? it.date;
    if (last > g.last) g.last = last;
  }
  const typeOrder = (t: string) => {
    const i = config.benefitTypes.indexOf(t);
    return i < 0 ? config.benefitTypes.length : i;
  };
  return [...groups.values()]
    .map(
      (g): CorrectionLine => ({
        kind: "correction",
        of: g.of,
        period: g.period,
        price: g.price,
        types: [...g.types].sort((a, b) => typeOrder(a) - typeOrder(b) || (a < b ? -1 : a > b ? 1 : 0)),
        quantity: g.quantity,
        amount: roundMoney(g.quantity.times(g.price), MODEL_ROUNDING),
        added: g.added,
        reversed: g.reversed,
        firstDate: g.first,
        lastDate: g.last,
      }),
    )
    .sort(
      (a, b) =>
        (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
        (a.of === b.of ? 0 : a.of === "hours" ? -1 : 1) ||
        a.price.comparedTo(b.price) ||
        (a.types.join() < b.types.join() ? -1 : a.types.join() > b.types.join() ? 1 : 0),
    );
}

export function buildInvoice(necPartner: string, lines: readonly InvoiceLine[], vatRate: Dec): Invoice {
  const hl = lines.filter((l): l is HourLine => l.kind === "hours");
  const bl = lines.filter((l): l is BenefitLine => l.kind === "benefits");
  const cl = lines.filter((l): l is CorrectionLine => l.kind === "correction");
  const ch = cl.filter((l) => l.of === "hours");
  const cb = cl.filter((l) => l.of === "benefits");
  const subtotal = sum(lines.map((l) => l.amount));
  const vat = roundMoney(subtotal.times(vatRate), MODEL_ROUNDING);
  return {
    necPartner,
    hours: sum(hl.map((l) => l.hours)).plus(sum(ch.map((l) => l.quantity))),
    hourFee: sum(hl.map((l) => l.amount)).plus(sum(ch.map((l) => l.amount))),
    benefits: sum(bl.map((l) => l.benefits)).plus(sum(cb.map((l) => l.quantity))),
    benefitFee: sum(bl.map((l) => l.amount)).plus(sum(cb.map((l) => l.amount))),
    corrections: sum(cl.map((l) => l.amount)),
    subtotal,
    vatRate,
    vat,
    total: subtotal.plus(vat),
    creditNote: subtotal.isNegative(),
    lines,
  };
}

/**
 * The invoice as the e-invoice documents take it (src/domain/invoicing):
 * this period's lines as they are, correction lines as hour or benefit lines
 * that name the period they correct (`corrects`), in the invoice's order.
 */
export function toBillingInput(inv: Invoice, period: PeriodRef): BillingInput {
  const lines = inv.lines.map((l): BillingLine => {
    if (l.kind === "hours") return { kind: "hours", hours: l.hours, rate: l.rate, amount: l.amount };
    if (l.kind === "benefits") return { kind: "benefits", types: l.types, share: l.share, benefits: l.benefits, amount: l.amount };
    return l.of === "hours"
      ? { kind: "hours", hours: l.quantity, rate: l.price, amount: l.amount, corrects: l.period }
      : { kind: "benefits", types: l.types, share: l.price, benefits: l.quantity, amount: l.amount, corrects: l.period };
  });
  return { necPartner: inv.necPartner, period, lines, subtotal: inv.subtotal, vatRate: inv.vatRate, vat: inv.vat, total: inv.total };
}
