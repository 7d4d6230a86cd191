// The deterministic monthly projection of a scenario (SPEC §7), in exact Decimals.
// Cohorts are tracked honestly: candidates entering in month m are placed in month
// m + monthsToPlacement (ready share × placement rate of them), a cohort placed in
// month p works from month p, loses `monthlyDropout` of its workers at the start of
// every later month, and draws benefits by months since placement (1 = month p).
// Worker counts are fractional expectations; money is rounded to cents per month
// and line (half away from zero), the way the close rounds invoice lines.
import { D, ZERO, allocate, roundMoney, splitEqually, sum, type Dec } from "../money.js";
import { allocateMonth, costLines, eligibility, type MonthAllocation } from "./funding.js";
import type { Inflow, Scenario, Step } from "./types.js";

const R = "half-away-from-zero" as const;
const cents = (x: Dec): Dec => roundMoney(x, R);

/** Billed hours per month from hours per week: × 52 weeks / 12 months (30 h/week = 130 h/month). */
export const WEEKS_PER_MONTH: Dec = new D(52).div(12);

export type MonthRow = {
  /** 1-based month number. */
  readonly month: number;
  /** Calendar month "YYYY-MM". */
  readonly label: string;
  readonly inflow: Dec;
  readonly placements: Dec;
  readonly activeWorkers: Dec;
  readonly hours: Dec;
  readonly feeRate: Dec;
  /** Hourly fees invoiced to the NEC partners: round(hours × fee). */
  readonly fees: Dec;
  /** Benefits the NEC partners receive, per type (each rounded to cents). */
  readonly benefitsByType: readonly Dec[];
  readonly benefitsGross: Dec;
  /** The project's share of the benefits: round(share × gross). */
  readonly benefitFee: Dec;
  readonly revenue: Dec;
  /** SE staff cost, all partners (each partner's cost rounded to cents); gross: subsidies on it are under subsidies. */
  readonly staffCost: Dec;
  readonly investments: Dec;
  readonly runningCosts: Dec;
  /** Σ variable cost lines (per candidate, per active worker), each rounded to cents. */
  readonly variableCosts: Dec;
  readonly costs: Dec;
  /** Every subsidy: the `subsidies` list, the cost-price file's subsidies and the funders not marked own. */
  readonly subsidies: Dec;
  /** Each entry of the `subsidies` list this month, in scenario order. */
  readonly subsidiesByItem: readonly Dec[];
  /** The subsidies a cost-price file counts on the staff cost (all partners; zero without one). */
  readonly costPriceSubsidy: Dec;
  /** Each funder's payment this month, in file order (own contributions included; empty without funding). */
  readonly funderPayments: readonly Dec[];
  /** The partners' own contributions (funders marked own): cash from the partners, neither subsidy nor revenue. */
  readonly ownContributions: Dec;
  /** revenue − costs + subsidies + own contributions. */
  readonly result: Dec;
  /** Σ result from month 1 (investments included, opening reserve excluded). */
  readonly cumulativeResult: Dec;
  /** opening reserve + cumulative result (the pooled project view: funding need when negative). */
  readonly reserve: Dec;
  /** Present when the scenario has a funding mix: who paid which cost line. */
  readonly funding?: MonthFunding;
};

/** One month of the funding mix. */
export type MonthFunding = MonthAllocation & {
  /** Amount of each cost line this month (costLines order). */
  readonly lines: readonly Dec[];
  /** What was paid before the funders: the cost-price file's subsidies on the staff line (costLines order). */
  readonly prePaid: readonly Dec[];
  /** The part of the project's share paid from this month's revenue and the reserve left from earlier months. */
  readonly covered: Dec;
  /** The part of the project's share nothing paid this month: the funding gap (covered + gap = project total). */
  readonly gap: Dec;
};

export type SePartnerTotals = {
  readonly name: string;
  /** Σ of its equal shares of revenue (splitEqually per month). */
  readonly share: Dec;
  /** Its own staff cost (gross). */
  readonly staffCost: Dec;
  /**
   * Its part of the subsidies on staff cost: its own subsidies in a cost-price
   * file, plus its part of every other staff-cost subsidy in proportion to its
   * staff cost that month (largest remainder in cents).
   */
  readonly staffSubsidy: Dec;
  /** Its part of the own contributions on the staff line (in proportion to its staff cost): borne inside its staff cost. */
  readonly ownOnStaff: Dec;
  /** Its equal part of the own contributions on other cost lines: cash it pays on top. */
  readonly ownOther: Dec;
  /** share − staffCost + staffSubsidy − ownOther (its own contribution on staff cost is already inside its staff cost). */
  readonly balance: Dec;
};

export type NecPartnerTotals = {
  readonly name: string;
  readonly hours: Dec;
  /** round(its hours × margin per hour), per month. */
  readonly margin: Dec;
  readonly feesPaid: Dec;
  readonly benefitsReceived: Dec;
  readonly benefitFeePaid: Dec;
  /** benefitsReceived − benefitFeePaid: the (1 − share) it keeps. */
  readonly benefitsKept: Dec;
  readonly cellCost: Dec;
  /** margin − fees − cell cost + benefits kept. */
  readonly net: Dec;
};

export type Projection = {
  readonly rows: readonly MonthRow[];
  readonly hoursPerMonthPerWorker: Dec;
  /** Present when projected with `detail` (the default). */
  readonly sePartners?: readonly SePartnerTotals[];
  readonly necPartners?: readonly NecPartnerTotals[];
};

export function monthLabel(start: string, month: number): string {
  const [y, m] = start.split("-").map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + (month - 1);
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

export function inflowAt(inflow: Inflow, month: number): Dec {
  switch (inflow.kind) {
    case "constant":
      return inflow.perMonth;
    case "list":
      return inflow.values[Math.min(month, inflow.values.length) - 1] ?? ZERO;
    case "growth":
      return inflow.start.times(new D(1).plus(inflow.monthlyGrowth).pow(month - 1));
  }
}

/** The value of a step schedule in a month (the last step starting on or before it). */
export function stepAt(steps: readonly Step[], month: number): Dec {
  let v = ZERO;
  for (const s of steps) if (s.fromMonth <= month) v = s.value;
  return v;
}

/** Staff cost of one SE partner in a month: FTE × yearly cost × (1 + index)^(whole years since start) / 12. */
export function staffCostPerPartner(s: Scenario, month: number): Dec {
  const years = Math.floor((month - 1) / 12);
  const st = s.seStaff;
  return cents(st.ftePerPartner.times(st.yearlyCostPerFte).times(new D(1).plus(st.indexation).pow(years)).div(12));
}

/** Gross staff cost of each SE partner in a month: from the cost-price file when given (its last year repeats), else the flat rule. */
export function staffCostByPartner(s: Scenario, month: number): Dec[] {
  const cp = s.seStaff.costPrice;
  if (cp) return [...cp.grossByYear[Math.min(Math.floor((month - 1) / 12), cp.grossByYear.length - 1)]!];
  const one = staffCostPerPartner(s, month);
  return s.sePartners.map(() => one);
}

/** The cost-price file's subsidies on each SE partner's staff cost in a month (zeros without a cost-price file). */
export function costPriceSubsidyByPartner(s: Scenario, month: number): Dec[] {
  const cp = s.seStaff.costPrice;
  if (!cp) return s.sePartners.map(() => ZERO);
  return [...cp.subsidyByYear[Math.min(Math.floor((month - 1) / 12), cp.subsidyByYear.length - 1)]!];
}

/** Split `total` over the partners in proportion to their staff cost (largest remainder); zeros when there is nothing to split. */
function byStaffCost(total: Dec, costs: readonly Dec[]): Dec[] {
  if (total.isZero() || costs.every((c) => c.isZero())) return costs.map(() => ZERO);
  return allocate(total, costs);
}

export function project(s: Scenario, opts: { detail?: boolean } = {}): Projection {
  const detail = opts.detail ?? true;
  const n = s.months;
  const q = new D(1).minus(s.monthlyDropout);
  // Hours per worker per month for display; the month's hours multiply before they divide
  // (active × h/week × 52 / 12), so a whole number of hours stays exact (52/12 is not).
  const hpm = s.hoursPerWeek.times(52).div(12);
  const hoursFactor = s.hoursPerWeek.times(52);
  const convert = s.readyShare.times(s.placementRate);

  // A tier pays `amount` per worker in months f..g since placement. The workers
  // of all cohorts inside that window, W[t] = Σ_{s=f..g} P[t-s+1]·q^(s-1), follow
  // W[t] = q·W[t-1] + P[t-f+1]·q^(f-1) − P[t-g]·q^g (the cohort entering the
  // window minus the one leaving it): the same sum, in O(1) per month.
  const qPow: Dec[] = [new D(1)];
  for (let k = 1; k <= n; k++) qPow.push(qPow[k - 1]!.times(q));
  const tiers = s.benefits.map((b) => b.tiers.map((t) => ({ f: t.fromMonth, g: t.toMonth, amount: t.amount, w: ZERO })));

  const placements: Dec[] = [];
  const rows: MonthRow[] = [];
  const subsidyPaid = s.subsidies.map(() => ZERO);
  const nSe = s.sePartners.length;
  const seShare = s.sePartners.map(() => ZERO);
  const seCost = s.sePartners.map(() => ZERO);
  const seSub = s.sePartners.map(() => ZERO);
  const seOwnStaff = s.sePartners.map(() => ZERO);
  const seOwnOther = s.sePartners.map(() => ZERO);
  const necShares = s.necPartners.map((p) => p.share);
  const nec = s.necPartners.map(() => ({ hours: ZERO, margin: ZERO, fees: ZERO, received: ZERO, paid: ZERO, cell: ZERO }));

  // Month-by-month fixed amounts, computed once (grid and solve run this many times).
  const staffByYear: Dec[][] = [];
  const cpSubByYear: Dec[][] = [];
  const variableCosts = s.variableCosts ?? [];
  const funders = s.funding ?? [];
  const lines = funders.length > 0 ? costLines(s) : [];
  const eligible = eligibility(lines, funders);
  const funderPaid = funders.map(() => ZERO);
  const investmentsByMonth = Array.from({ length: n }, (_, i) => sum(s.investments.filter((x) => x.month === i + 1).map((x) => x.amount)));
  const runningByMonth = Array.from({ length: n }, (_, i) =>
    sum(s.runningCosts.filter((c) => c.fromMonth <= i + 1 && (c.toMonth === undefined || i + 1 <= c.toMonth)).map((c) => c.perMonth)),
  );

  let active = ZERO;
  let cumulative = ZERO;
  let reserve = s.openingReserve;
  for (let t = 1; t <= n; t++) {
    const inflow = inflowAt(s.inflow, t);
    const src = t - s.monthsToPlacement;
    const placed = src >= 1 ? inflowAt(s.inflow, src).times(convert) : ZERO;
    placements.push(placed);
    active = active.times(q).plus(placed);
    const hours = active.times(hoursFactor).div(12);
    const feeRate = stepAt(s.fee, t);
    const fees = cents(hours.times(feeRate));
    const benefitsByType = tiers.map((ts) => {
      let g = ZERO;
      for (const tier of ts) {
        let w = tier.w.isZero() ? tier.w : tier.w.times(q);
        const entering = t - tier.f + 1 >= 1 ? placements[t - tier.f]! : ZERO;
        if (!entering.isZero()) w = w.plus(entering.times(qPow[tier.f - 1]!));
        const leaving = t - tier.g >= 1 && tier.g <= n ? placements[t - tier.g - 1]! : ZERO;
        if (!leaving.isZero()) w = w.minus(leaving.times(qPow[tier.g]!));
        tier.w = w;
        if (!w.isZero()) g = g.plus(w.times(tier.amount));
      }
      return g.isZero() ? ZERO : cents(g);
    });
    const benefitsGross = sum(benefitsByType);
    const benefitFee = cents(s.benefitShare.times(benefitsGross));
    const revenue = fees.plus(benefitFee);

    const year = Math.floor((t - 1) / 12);
    let perPartner = staffByYear[year];
    if (perPartner === undefined) perPartner = staffByYear[year] = staffCostByPartner(s, t);
    let cpPerPartner = cpSubByYear[year];
    if (cpPerPartner === undefined) cpPerPartner = cpSubByYear[year] = costPriceSubsidyByPartner(s, t);
    const staffCost = sum(perPartner);
    const costPriceSubsidy = sum(cpPerPartner);
    const investments = investmentsByMonth[t - 1]!;
    const runningCosts = runningByMonth[t - 1]!;
    const variableByItem = variableCosts.map((v) =>
      t >= v.fromMonth && (v.toMonth === undefined || t <= v.toMonth) ? cents(v.amount.times(v.per === "candidate" ? inflow : active)) : ZERO,
    );
    const variable = sum(variableByItem);
    const costs = staffCost.plus(investments).plus(runningCosts).plus(variable);

    // Subsidies on the staff line other than the cost-price file's own (shared by staff cost), own contributions apart.
    let staffSubsidy = ZERO;
    let subsidies = costPriceSubsidy;
    const subsidiesByItem = s.subsidies.map(() => ZERO);
    s.subsidies.forEach((sub, i) => {
      const activeSub = t >= sub.fromMonth && (sub.months === undefined || t < sub.fromMonth + sub.months);
      if (!activeSub) return;
      const b = sub.basis;
      let amount =
        b.kind === "staff-cost"
          ? cents(b.rate.times(staffCost))
          : b.kind === "investment"
            ? cents(b.rate.times(sum(s.investments.filter((x) => x.name === b.investment && x.month === t).map((x) => x.amount))))
            : b.perMonth;
      if (sub.cap !== undefined) {
        const room = sub.cap.minus(subsidyPaid[i]!);
        if (amount.greaterThan(room)) amount = room.isNegative() ? ZERO : room;
      }
      subsidyPaid[i] = subsidyPaid[i]!.plus(amount);
      subsidiesByItem[i] = amount;
      subsidies = subsidies.plus(amount);
      if (b.kind === "staff-cost") staffSubsidy = staffSubsidy.plus(amount);
    });

    let funding: MonthFunding | undefined;
    let ownContributions = ZERO;
    let ownOnStaff = ZERO;
    const funderPayments: Dec[] = [];
    if (funders.length > 0) {
      const lineAmounts = lines.map((l) =>
        l.kind === "staff"
          ? staffCost
          : l.kind === "investment"
            ? sum(s.investments.filter((x) => x.name === l.name && x.month === t).map((x) => x.amount))
            : l.kind === "running"
              ? sum(s.runningCosts.filter((c) => c.name === l.name && c.fromMonth <= t && (c.toMonth === undefined || t <= c.toMonth)).map((c) => c.perMonth))
              : sum(variableCosts.map((v, i) => (v.name === l.name ? variableByItem[i]! : ZERO))),
      );
      // The cost-price file's subsidies pay their part of the staff line first: they are part of that line's price.
      const prePaid = lines.map((l) => (l.kind === "staff" ? costPriceSubsidy : ZERO));
      const a = allocateMonth(lineAmounts, funders, eligible, t, funderPaid, prePaid);
      const staffIdx = lines.findIndex((l) => l.kind === "staff");
      a.funderTotals.forEach((x, i) => {
        funderPaid[i] = funderPaid[i]!.plus(x);
        funderPayments.push(x);
        if (funders[i]!.own) {
          ownContributions = ownContributions.plus(x);
          ownOnStaff = ownOnStaff.plus(a.byFunder[i]![staffIdx]!);
        } else {
          subsidies = subsidies.plus(x);
          staffSubsidy = staffSubsidy.plus(a.byFunder[i]![staffIdx]!);
        }
      });
      // The project pays its share from this month's revenue first, then from what the reserve holds.
      const available = revenue.plus(reserve.isNegative() ? ZERO : reserve);
      const covered = a.projectTotal.lessThan(available) ? a.projectTotal : available.isNegative() ? ZERO : available;
      funding = { ...a, lines: lineAmounts, prePaid, covered, gap: a.projectTotal.minus(covered) };
    }

    const result = revenue.minus(costs).plus(subsidies).plus(ownContributions);
    cumulative = cumulative.plus(result);
    reserve = reserve.plus(result);
    rows.push({
      month: t,
      label: monthLabel(s.start, t),
      inflow,
      placements: placed,
      activeWorkers: active,
      hours,
      feeRate,
      fees,
      benefitsByType,
      benefitsGross,
      benefitFee,
      revenue,
      staffCost,
      investments,
      runningCosts,
      variableCosts: variable,
      costs,
      subsidies,
      subsidiesByItem,
      costPriceSubsidy,
      funderPayments,
      ownContributions,
      result,
      cumulativeResult: cumulative,
      reserve,
      ...(funding ? { funding } : {}),
    });

    if (detail) {
      // One model with the close: revenue is split equally in cents (SPEC §3.5);
      // subsidies follow the cost they subsidise (issue 14): a partner's own
      // cost-price subsidies are its own, the rest is shared by staff cost.
      splitEqually(revenue, nSe).forEach((x, i) => (seShare[i] = seShare[i]!.plus(x)));
      byStaffCost(staffSubsidy, perPartner).forEach((x, i) => (seSub[i] = seSub[i]!.plus(x).plus(cpPerPartner[i]!)));
      byStaffCost(ownOnStaff, perPartner).forEach((x, i) => (seOwnStaff[i] = seOwnStaff[i]!.plus(x)));
      const ownOther = ownContributions.minus(ownOnStaff);
      if (!ownOther.isZero()) splitEqually(ownOther, nSe).forEach((x, i) => (seOwnOther[i] = seOwnOther[i]!.plus(x)));
      for (let i = 0; i < nSe; i++) seCost[i] = seCost[i]!.plus(perPartner[i]!);
      if (nec.length > 0) {
        const f = allocate(fees, necShares);
        const g = allocate(benefitsGross, necShares);
        const bf = allocate(benefitFee, necShares);
        s.necPartners.forEach((p, j) => {
          const h = hours.times(p.share);
          const a = nec[j]!;
          a.hours = a.hours.plus(h);
          a.margin = a.margin.plus(cents(h.times(p.marginPerHour)));
          a.fees = a.fees.plus(f[j]!);
          a.received = a.received.plus(g[j]!);
          a.paid = a.paid.plus(bf[j]!);
          a.cell = a.cell.plus(p.cellCostPerMonth);
        });
      }
    }
  }

  if (!detail) return { rows, hoursPerMonthPerWorker: hpm };
  return {
    rows,
    hoursPerMonthPerWorker: hpm,
    sePartners: s.sePartners.map((name, i) => ({
      name,
      share: seShare[i]!,
      staffCost: seCost[i]!,
      staffSubsidy: seSub[i]!,
      ownOnStaff: seOwnStaff[i]!,
      ownOther: seOwnOther[i]!,
      balance: seShare[i]!.minus(seCost[i]!).plus(seSub[i]!).minus(seOwnOther[i]!),
    })),
    necPartners: s.necPartners.map((p, j) => {
      const a = nec[j]!;
      const kept = a.received.minus(a.paid);
      return {
        name: p.name,
        hours: a.hours,
        margin: a.margin,
        feesPaid: a.fees,
        benefitsReceived: a.received,
        benefitFeePaid: a.paid,
        benefitsKept: kept,
        cellCost: a.cell,
        net: a.margin.minus(a.fees).minus(a.cell).plus(kept),
      };
    }),
  };
}
