// Scenario results as plain JSON data: amounts as strings with 2 decimals,
// worker counts and hours with 4 decimals (display only), rates as exact text.
import { fmtDecimal, fmtMoney, roundTo, type Dec } from "../domain/money.js";
import type { KeyFigures } from "../domain/scenario/figures.js";
import type { MonthRow, Projection } from "../domain/scenario/project.js";
import type { Scenario } from "../domain/scenario/types.js";

export const qty = (x: Dec): string => fmtDecimal(roundTo(x, 4, "half-away-from-zero"));

export function monthJson(r: MonthRow, s: Scenario) {
  return {
    month: r.month,
    period: r.label,
    inflow: qty(r.inflow),
    placements: qty(r.placements),
    activeWorkers: qty(r.activeWorkers),
    hours: qty(r.hours),
    feeRate: fmtDecimal(r.feeRate),
    fees: fmtMoney(r.fees),
    benefitsByType: Object.fromEntries(s.benefits.map((b, i) => [b.type, fmtMoney(r.benefitsByType[i]!)])),
    benefitsGross: fmtMoney(r.benefitsGross),
    benefitFee: fmtMoney(r.benefitFee),
    revenue: fmtMoney(r.revenue),
    staffCost: fmtMoney(r.staffCost),
    investments: fmtMoney(r.investments),
    runningCosts: fmtMoney(r.runningCosts),
    ...((s.variableCosts ?? []).length > 0 ? { variableCosts: fmtMoney(r.variableCosts) } : {}),
    costs: fmtMoney(r.costs),
    subsidies: fmtMoney(r.subsidies),
    ...(s.seStaff.costPrice ? { costPriceSubsidy: fmtMoney(r.costPriceSubsidy) } : {}),
    ...((s.funding ?? []).some((f) => f.own) ? { ownContributions: fmtMoney(r.ownContributions) } : {}),
    result: fmtMoney(r.result),
    cumulativeResult: fmtMoney(r.cumulativeResult),
    reserve: fmtMoney(r.reserve),
  };
}

export function figuresJson(k: KeyFigures) {
  return {
    breakEvenMonth: k.breakEvenMonth ?? null,
    paybackMonth: k.paybackMonth ?? null,
    lowestReserve: fmtMoney(k.lowestReserve),
    lowestReserveMonth: k.lowestReserveMonth,
    fundingNeed: fmtMoney(k.fundingNeed),
    endReserve: fmtMoney(k.endReserve),
    feasible: k.feasible,
    totalRevenue: fmtMoney(k.totalRevenue),
    totalCosts: fmtMoney(k.totalCosts),
    totalSubsidies: fmtMoney(k.totalSubsidies),
    totalOwnContributions: fmtMoney(k.totalOwnContributions),
    totalResult: fmtMoney(k.totalResult),
    resultWithoutSubsidies: fmtMoney(k.resultWithoutSubsidies),
    resultWithoutSubsidiesAndOwn: fmtMoney(k.resultWithoutSubsidiesAndOwn),
    endActiveWorkers: qty(k.endActiveWorkers),
  };
}

export function projectionJson(s: Scenario, p: Projection, k: KeyFigures, overrides: Readonly<Record<string, string>> = {}) {
  return {
    scenario: s.name,
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
    start: s.start,
    months: s.months,
    hoursPerMonthPerWorker: fmtDecimal(roundTo(p.hoursPerMonthPerWorker, 4, "half-away-from-zero")),
    hoursPerMonthRule: "hours per week × 52 / 12",
    keyFigures: figuresJson(k),
    resultRule: "result = revenue − costs + subsidies + own contributions; own contributions are cash from the partners, not subsidies",
    sePartnerRule: "balance = revenue share − staff cost + staff subsidy − own contribution to other costs; staff-cost subsidies are shared in proportion to staff cost (a cost-price file's own subsidies stay with their partner); own contribution on staff cost is part of the staff cost the partner bears",
    sePartners: (p.sePartners ?? []).map((x) => ({
      name: x.name,
      share: fmtMoney(x.share),
      staffCost: fmtMoney(x.staffCost),
      staffSubsidy: fmtMoney(x.staffSubsidy),
      ownOnStaff: fmtMoney(x.ownOnStaff),
      ownOther: fmtMoney(x.ownOther),
      balance: fmtMoney(x.balance),
    })),
    necPartners: (p.necPartners ?? []).map((x) => ({
      name: x.name,
      hours: qty(x.hours),
      margin: fmtMoney(x.margin),
      feesPaid: fmtMoney(x.feesPaid),
      benefitsReceived: fmtMoney(x.benefitsReceived),
      benefitFeePaid: fmtMoney(x.benefitFeePaid),
      benefitsKept: fmtMoney(x.benefitsKept),
      cellCost: fmtMoney(x.cellCost),
      net: fmtMoney(x.net),
      winWin: x.net.greaterThan(0),
    })),
    monthly: p.rows.map((r) => monthJson(r, s)),
  };
}

/** Stable JSON text: two-space indent and a final newline. */
export const toJsonText = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
