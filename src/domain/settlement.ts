// Settlement per SE partner and the reserve roll-forward (SPEC §3.5–3.9, issue 11). Pure.
//
// This period: its own revenue is split over the SE partners active in it,
// weighted by their active days (equal when all take part the whole period;
// largest remainder, leftover cents in config order). Each share first covers
// the partner's own net staff cost; what is left is retained in the project
// reserve (or paid out under `profit: distribute`); a shortfall is borne by
// the partner, or paid from the reserve first under `shortfall:
// reserve-first`, pro rata, never taking the reserve below zero.
//
// Corrections of a closed period X are settled where X's money went: X's
// revenue correction is split over X's SE partners with X's weights, a staff
// cost correction belongs to its partner, and each partner's part is settled
// against its position in X as restated (share and staff cost in X, as closed
// plus corrections since): the change in min(share, cost) is covered cost
// paid to (or back by) the partner, the change in the surplus goes to the
// reserve (or to the partner under `distribute`), the change in the shortfall
// is borne by the partner (under reserve-first, a larger shortfall is paid
// from the reserve now, as far as it goes, like this period's).
import type { ProfitPolicy, ShortfallPolicy } from "./model.js";
import { allocate, D, max, min, sum, ZERO, type Dec } from "./money.js";
import type { Weighted } from "./partners.js";

/** One partner's own figures for this period (before corrections of closed periods). */
export type OwnSettlement = {
  readonly share: Dec;
  readonly staffCost: Dec;
  readonly covered: Dec;
  readonly retained: Dec;
  readonly distributed: Dec;
  /** max(0, cost − share). */
  readonly gap: Dec;
};

/** Totals for this close: this period plus corrections of closed periods. */
export type PartnerSettlement = {
  readonly sePartner: string;
  /** Active days in this period (0 for a partner settled here only for corrections). */
  readonly days: number;
  readonly share: Dec;
  readonly staffCost: Dec;
  /** Paid to the partner towards its staff cost. */
  readonly covered: Dec;
  /** Surplus kept in the reserve (retain policy; 0 when distributing). */
  readonly retained: Dec;
  /** Surplus paid out to the partner (distribute policy; 0 when retaining). */
  readonly distributed: Dec;
  /** Paid from the reserve towards the shortfall (reserve-first policy). */
  readonly reservePayment: Dec;
  /** Shortfall borne by the partner: own shortfall + correction changes − reservePayment. */
  readonly uncovered: Dec;
  readonly own: OwnSettlement;
};

/** A correction of a closed period, settled for one partner: all figures are changes. */
export type CorrectionSettlement = {
  readonly period: string;
  readonly sePartner: string;
  /** The partner's share and staff cost in the period as restated before this correction. */
  readonly shareBefore: Dec;
  readonly staffCostBefore: Dec;
  readonly share: Dec;
  readonly staffCost: Dec;
  readonly covered: Dec;
  readonly retained: Dec;
  readonly distributed: Dec;
  /** Change in the shortfall borne by the partner (negative: a smaller shortfall). */
  readonly uncovered: Dec;
};

export type ReserveRollForward = {
  readonly opening: Dec;
  /** Retained surplus of this period and of corrections. */
  readonly retained: Dec;
  /** Other costs of this period and corrections of other costs of closed periods. */
  readonly otherCosts: Dec;
  readonly reservePayments: Dec;
  readonly closing: Dec;
};

export type SettlementResult = {
  /** Total revenue of the close (this period + corrections) = Σ invoice subtotals. */
  readonly revenue: Dec;
  /** This period's own revenue (before corrections). */
  readonly ownRevenue: Dec;
  /** Total share per partner, same order as `partners`. */
  readonly shares: readonly Dec[];
  readonly partners: readonly PartnerSettlement[];
  readonly corrections: readonly CorrectionSettlement[];
  readonly reserve: ReserveRollForward;
};

/** A closed period's corrections to settle in this close. */
export type PeriodCorrection = {
  readonly period: string;
  /** Revenue correction (Σ correction invoice lines of the period). */
  readonly revenue: Dec;
  /** The period's SE partners and weights, as it was closed. */
  readonly partners: readonly Weighted[];
  /** Each partner's share and staff cost in the period as restated so far. */
  readonly position: ReadonlyMap<string, { readonly share: Dec; readonly staffCost: Dec }>;
  /** Staff cost corrections per partner. */
  readonly staffCost: ReadonlyMap<string, Dec>;
};

export type SettlementInput = {
  /** This period's own revenue (correction lines excluded). */
  readonly revenue: Dec;
  /** Every SE partner in config order (fixes the order of the result). */
  readonly order: readonly string[];
  /** SE partners active in this period with their active days, config order. */
  readonly active: readonly Weighted[];
  /** Net staff cost per active partner, same order as `active`, already rounded to cents. */
  readonly staffCosts: readonly Dec[];
  readonly corrections?: readonly PeriodCorrection[];
  readonly profit: ProfitPolicy;
  readonly shortfall: ShortfallPolicy;
  readonly openingReserve: Dec;
  /** Other costs charged to the reserve: this period's plus corrections. */
  readonly otherCosts: Dec;
};

/** Split `total` over weighted partners (largest remainder, ties in the given order). */
export function splitWeighted(total: Dec, ws: readonly Weighted[]): Dec[] {
  if (ws.length === 0) return [];
  return allocate(total, ws.map((w) => new D(w.days)));
}

function own(share: Dec, cost: Dec, profit: ProfitPolicy): OwnSettlement {
  const surplus = max(ZERO, share.minus(cost));
  return {
    share,
    staffCost: cost,
    covered: min(share, cost),
    retained: profit === "retain" ? surplus : ZERO,
    distributed: profit === "distribute" ? surplus : ZERO,
    gap: max(ZERO, cost.minus(share)),
  };
}

/** One partner's correction of a closed period: the change between its settlement before and after. */
function settleCorrection(period: string, partner: string, s: Dec, c: Dec, ds: Dec, dc: Dec, profit: ProfitPolicy): CorrectionSettlement {
  const before = own(s, c, profit);
  const after = own(s.plus(ds), c.plus(dc), profit);
  return {
    period,
    sePartner: partner,
    shareBefore: s,
    staffCostBefore: c,
    share: ds,
    staffCost: dc,
    covered: after.covered.minus(before.covered),
    retained: after.retained.minus(before.retained),
    distributed: after.distributed.minus(before.distributed),
    uncovered: after.gap.minus(before.gap),
  };
}

export function settle(input: SettlementInput): SettlementResult {
  const shares = splitWeighted(input.revenue, input.active);
  const owns = new Map<string, { days: number; own: OwnSettlement }>();
  input.active.forEach((w, i) => owns.set(w.name, { days: w.days, own: own(shares[i]!, input.staffCosts[i]!, input.profit) }));

  const corrections: CorrectionSettlement[] = [];
  for (const x of input.corrections ?? []) {
    const ds = new Map<string, Dec>();
    if (!x.revenue.isZero() && x.partners.length > 0) splitWeighted(x.revenue, x.partners).forEach((v, i) => ds.set(x.partners[i]!.name, v));
    const names = [...new Set([...x.partners.map((w) => w.name), ...x.staffCost.keys()])];
    for (const name of names) {
      const dShare = ds.get(name) ?? ZERO;
      const dCost = x.staffCost.get(name) ?? ZERO;
      if (dShare.isZero() && dCost.isZero()) continue;
      const pos = x.position.get(name);
      corrections.push(settleCorrection(x.period, name, pos?.share ?? ZERO, pos?.staffCost ?? ZERO, dShare, dCost, input.profit));
    }
  }

  const rank = (n: string) => {
    const i = input.order.indexOf(n);
    return i < 0 ? input.order.length : i;
  };
  const names = [...new Set([...owns.keys(), ...corrections.map((c) => c.sePartner)])].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const none = own(ZERO, ZERO, input.profit);
  const base = names.map((name) => {
    const o = owns.get(name);
    const mine = corrections.filter((c) => c.sePartner === name);
    const o2 = o?.own ?? none;
    return {
      sePartner: name,
      days: o?.days ?? 0,
      own: o2,
      share: o2.share.plus(sum(mine.map((c) => c.share))),
      staffCost: o2.staffCost.plus(sum(mine.map((c) => c.staffCost))),
      covered: o2.covered.plus(sum(mine.map((c) => c.covered))),
      retained: o2.retained.plus(sum(mine.map((c) => c.retained))),
      distributed: o2.distributed.plus(sum(mine.map((c) => c.distributed))),
      gap: o2.gap.plus(sum(mine.map((c) => c.uncovered))),
    };
  });
  const retained = sum(base.map((b) => b.retained));
  const payments = reservePayments(input, retained, base.map((b) => max(ZERO, b.gap)));
  const partners: PartnerSettlement[] = base.map((b, i) => ({
    sePartner: b.sePartner,
    days: b.days,
    share: b.share,
    staffCost: b.staffCost,
    covered: b.covered,
    retained: b.retained,
    distributed: b.distributed,
    reservePayment: payments[i]!,
    uncovered: b.gap.minus(payments[i]!),
    own: b.own,
  }));
  const paid = sum(payments);
  const revenue = input.revenue.plus(sum((input.corrections ?? []).map((c) => c.revenue)));
  return {
    revenue,
    ownRevenue: input.revenue,
    shares: partners.map((p) => p.share),
    partners,
    corrections,
    reserve: {
      opening: input.openingReserve,
      retained,
      otherCosts: input.otherCosts,
      reservePayments: paid,
      closing: input.openingReserve.plus(retained).minus(input.otherCosts).minus(paid),
    },
  };
}

/**
 * reserve-first: the available reserve (opening + retained − other costs, if
 * positive) pays the shortfalls pro rata (cents by largest remainder), up to
 * their total; so the reserve never goes below zero through it.
 */
function reservePayments(input: SettlementInput, retained: Dec, gaps: readonly Dec[]): Dec[] {
  const none = gaps.map(() => ZERO);
  if (input.shortfall !== "reserve-first" || gaps.length === 0) return none;
  const available = max(ZERO, input.openingReserve.plus(retained).minus(input.otherCosts));
  const need = sum(gaps);
  if (need.isZero() || available.isZero()) return none;
  const pool = min(available, need);
  return allocate(pool, gaps);
}
