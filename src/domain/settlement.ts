// Settlement per SE partner and the reserve roll-forward (SPEC §3.5–3.9). Pure.
// Revenue is split equally (largest remainder, leftover cents in config order);
// each share first covers the partner's own net staff cost; what is left is
// retained in the project reserve (or paid out under `profit: distribute`);
// a shortfall is borne by the partner, or paid from the reserve first under
// `shortfall: reserve-first`, pro rata, never taking the reserve below zero.
import type { ProfitPolicy, ShortfallPolicy } from "./model.js";
import { allocate, max, min, splitEqually, sum, ZERO, type Dec } from "./money.js";

export type PartnerSettlement = {
  readonly sePartner: string;
  readonly share: Dec;
  readonly staffCost: Dec;
  /** min(share, cost): paid to the partner to cover its staff cost. */
  readonly covered: Dec;
  /** max(0, share − cost) kept in the reserve (retain policy; 0 when distributing). */
  readonly retained: Dec;
  /** max(0, share − cost) paid out to the partner (distribute policy; 0 when retaining). */
  readonly distributed: Dec;
  /** Paid from the reserve towards the uncovered cost (reserve-first policy). */
  readonly reservePayment: Dec;
  /** max(0, cost − share) − reservePayment: borne by the partner. */
  readonly uncovered: Dec;
};

export type ReserveRollForward = {
  readonly opening: Dec;
  readonly retained: Dec;
  readonly otherCosts: Dec;
  readonly reservePayments: Dec;
  readonly closing: Dec;
};

export type SettlementResult = {
  readonly revenue: Dec;
  readonly shares: readonly Dec[];
  readonly partners: readonly PartnerSettlement[];
  readonly reserve: ReserveRollForward;
};

export type SettlementInput = {
  readonly revenue: Dec;
  readonly sePartners: readonly string[];
  /** Net staff cost per SE partner, in the same order, already rounded to cents. */
  readonly staffCosts: readonly Dec[];
  readonly profit: ProfitPolicy;
  readonly shortfall: ShortfallPolicy;
  readonly openingReserve: Dec;
  readonly otherCosts: Dec;
};

export function settle(input: SettlementInput): SettlementResult {
  const shares = splitEqually(input.revenue, input.sePartners.length);
  const base = input.sePartners.map((p, i) => {
    const share = shares[i]!;
    const cost = input.staffCosts[i]!;
    const surplus = max(ZERO, share.minus(cost));
    return {
      sePartner: p,
      share,
      staffCost: cost,
      covered: min(share, cost),
      retained: input.profit === "retain" ? surplus : ZERO,
      distributed: input.profit === "distribute" ? surplus : ZERO,
      gap: max(ZERO, cost.minus(share)),
    };
  });
  const retained = sum(base.map((b) => b.retained));
  const payments = reservePayments(input, retained, base.map((b) => b.gap));
  const partners = base.map((b, i) => ({
    sePartner: b.sePartner,
    share: b.share,
    staffCost: b.staffCost,
    covered: b.covered,
    retained: b.retained,
    distributed: b.distributed,
    reservePayment: payments[i]!,
    uncovered: b.gap.minus(payments[i]!),
  }));
  const paid = sum(payments);
  return {
    revenue: input.revenue,
    shares,
    partners,
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
 * positive) pays the uncovered costs pro rata (cents by largest remainder), up
 * to the total uncovered; so the reserve never goes below zero through it.
 */
function reservePayments(input: SettlementInput, retained: Dec, gaps: readonly Dec[]): Dec[] {
  const none = gaps.map(() => ZERO);
  if (input.shortfall !== "reserve-first") return none;
  const available = max(ZERO, input.openingReserve.plus(retained).minus(input.otherCosts));
  const need = sum(gaps);
  if (need.isZero() || available.isZero()) return none;
  const pool = min(available, need);
  return allocate(pool, gaps);
}
