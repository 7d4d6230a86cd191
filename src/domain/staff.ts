// Staff commitments in a close (SPEC §3.6, issue 3): which rows count, how a
// row that only partly overlaps P is prorated, and each SE partner's staff
// cost Cᵢ = Σ (cost − subsidy), rounded once per partner. Pure.
import type { StaffRow } from "./model.js";
import { D, MODEL_ROUNDING, roundMoney, sum, ZERO, type Dec } from "./money.js";
import { daysInMonth, monthsOf, parsePeriod, type Period } from "./period.js";

/** Fraction of a staff row's period that lies in P, as numerator/denominator (exact). */
export type Share = { readonly num: Dec; readonly den: number };

/**
 * By months: each month of the row's period weighs 1/n (n = months in the row's
 * period); a month counts fully when P covers it, and by its days in P otherwise.
 * A quarter row in a monthly close counts 1/3; a month row in a quarter close, 1.
 */
export function staffShare(rowPeriod: string, p: Period): Share {
  const rp = parsePeriod(rowPeriod);
  if (!rp) return { num: ZERO, den: 1 };
  const months = monthsOf(rp);
  // Σ over the row's months of (days of the month in P / days of the month),
  // kept as one exact fraction sum/den; then divided by the number of months.
  let total = ZERO;
  let den = 1;
  for (const ym of months) {
    const mp = parsePeriod(ym)!;
    const from = mp.from > p.from ? mp.from : p.from;
    const to = mp.to < p.to ? mp.to : p.to;
    if (from > to) continue;
    const days = Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
    const dim = daysInMonth(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)));
    if (days === dim) total = total.plus(den);
    else {
      // total/den + days/dim = (total·dim + days·den) / (den·dim)
      total = total.times(dim).plus(days * den);
      den *= dim;
    }
  }
  return { num: total, den: den * months.length };
}

export type StaffLine = {
  readonly row: StaffRow;
  readonly share: Share;
  /** True when the row's period is not wholly inside P. */
  readonly prorated: boolean;
  /** FTE × share (exact, unrounded): FTE-periods this row contributes. */
  readonly fteMonths: Dec;
  readonly cost: Dec;
  readonly subsidy: Dec;
};

export function staffLinesIn(rows: readonly StaffRow[], p: Period): StaffLine[] {
  const out: StaffLine[] = [];
  for (const row of rows) {
    const share = staffShare(row.period, p);
    if (share.num.isZero()) continue;
    const f = share.num.div(share.den);
    const months = monthsOf(parsePeriod(row.period)!).length;
    out.push({
      row,
      share,
      prorated: !share.num.equals(share.den),
      fteMonths: row.fte.times(months).times(f),
      cost: (row.cost ?? ZERO).times(share.num).div(share.den),
      subsidy: (row.subsidy ?? ZERO).times(share.num).div(share.den),
    });
  }
  return out;
}

export type PartnerStaff = {
  readonly partner: string;
  /** Planned net staff cost for P from the cost-price file (`staff_cost:`), rounded to cents. */
  readonly planned?: Dec;
  /** True when the partner had no staff rows in P and the planned cost stands in for them. */
  readonly fromPlan: boolean;
  readonly cost: Dec;
  readonly subsidy: Dec;
  /** Cᵢ = Σ(cost − subsidy), rounded once to cents (half away from zero). */
  readonly netCost: Dec;
  /** Average committed FTE over P (FTE-months / months of P). */
  readonly fte: Dec;
  readonly lines: readonly StaffLine[];
};

/**
 * Per partner, in the given order. Sums stay exact; only the final net cost is
 * rounded (SPEC: "final staff cost per partner"). Cost and subsidy are shown
 * rounded for display by the renderers, never re-used in arithmetic.
 */
export function staffByPartner(partners: readonly string[], lines: readonly StaffLine[], p: Period, planned?: readonly Dec[]): PartnerStaff[] {
  const monthsInP = new D(monthsOf(p).length);
  return partners.map((partner, i) => {
    const mine = lines.filter((l) => l.row.partner === partner);
    const cost = sum(mine.map((l) => l.cost));
    const subsidy = sum(mine.map((l) => l.subsidy));
    const plan = planned?.[i];
    // No staff rows but a plan: the cost-price file replaces the staff export.
    const fromPlan = mine.length === 0 && plan !== undefined;
    return {
      partner,
      ...(plan !== undefined ? { planned: plan } : {}),
      fromPlan,
      cost: fromPlan ? plan : cost,
      subsidy,
      netCost: fromPlan ? plan : roundMoney(cost.minus(subsidy), MODEL_ROUNDING),
      fte: sum(mine.map((l) => l.fteMonths)).div(monthsInP),
      lines: mine,
    };
  });
}
