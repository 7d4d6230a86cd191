// Invoices per NEC partner (SPEC §3.1–3.3). Pure.
// Hour lines: one per distinct rate, line = round(Σ hours at that rate × rate).
// Benefit lines: with one share for all types, one line round(share × Σ benefits);
// with a share per type, one line per type. VAT is rounded once per invoice.
import type { Classified } from "./classify.js";
import type { BenefitRow, HourRow, ModelConfig } from "./model.js";
import { MODEL_ROUNDING, roundMoney, sum, ZERO, type Dec } from "./money.js";

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

export type InvoiceLine = HourLine | BenefitLine;

export type Invoice = {
  readonly necPartner: string;
  readonly hours: Dec;
  readonly hourFee: Dec;
  readonly benefits: Dec;
  readonly benefitFee: Dec;
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

export function buildInvoice(necPartner: string, lines: readonly InvoiceLine[], vatRate: Dec): Invoice {
  const hl = lines.filter((l): l is HourLine => l.kind === "hours");
  const bl = lines.filter((l): l is BenefitLine => l.kind === "benefits");
  const subtotal = sum(lines.map((l) => l.amount));
  const vat = roundMoney(subtotal.times(vatRate), MODEL_ROUNDING);
  return {
    necPartner,
    hours: sum(hl.map((l) => l.hours)),
    hourFee: sum(hl.map((l) => l.amount)),
    benefits: sum(bl.map((l) => l.benefits)),
    benefitFee: sum(bl.map((l) => l.amount)),
    subtotal,
    vatRate,
    vat,
    total: subtotal.plus(vat),
    creditNote: subtotal.isNegative(),
    lines,
  };
}
