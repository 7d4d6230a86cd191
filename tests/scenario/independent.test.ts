// scenarios/README.md is precise enough to re-implement the model from (issue
// 14: hidden scenarios are checked against an independent calculation). This
// is such a re-implementation, written from the README's "The model",
// "Partners" and "Funding mix" sections in the plainest way (cohorts summed
// one by one, no recurrences, its own largest remainder on BigInt), checked
// against `project()` month by month on random scenarios: schedules, growth,
// subsidies with caps, variable costs, funders with windows, caps and own
// contributions, and cost-price staff cost.
import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { D, type Dec } from "../../src/domain/money.js";
import { project } from "../../src/domain/scenario/project.js";
import type { Funder, Scenario } from "../../src/domain/scenario/types.js";
import { scenarioArb } from "./random-scenario.js";

const ZERO = new D(0);
const round2 = (x: Dec): Dec => x.toDecimalPlaces(2, D.ROUND_HALF_UP);
const total = (xs: readonly Dec[]): Dec => xs.reduce((a, b) => a.plus(b), ZERO);

/** README "Largest remainder": floor shares in cents, leftover cents to the largest remainders, ties to the earlier; negatives mirrored. */
function lr(amount: Dec, weights: readonly Dec[]): Dec[] {
  if (amount.isZero() || weights.every((w) => w.isZero())) return weights.map(() => ZERO);
  const neg = amount.isNegative();
  const T = BigInt(amount.abs().times(100).toFixed(0));
  const scale = 10 ** 12;
  const w = weights.map((x) => BigInt(x.times(scale).toFixed(0)));
  const W = w.reduce((a, b) => a + b, 0n);
  const base = w.map((x) => (T * x) / W);
  const rem = w.map((x) => (T * x) % W);
  let left = T - base.reduce((a, b) => a + b, 0n);
  const order = w.map((_, i) => i).sort((i, j) => (rem[j]! > rem[i]! ? 1 : rem[j]! < rem[i]! ? -1 : i - j));
  for (const i of order) if (left > 0n) (base[i]! += 1n), left--;
  return base.map((c) => new D(c.toString()).div(100).times(neg ? -1 : 1));
}

type Month = { revenue: Dec; costs: Dec; subsidies: Dec; own: Dec; result: Dec; reserve: Dec; gross: Dec; fees: Dec };

function independent(s: Scenario) {
  const n = s.months;
  const q = new D(1).minus(s.monthlyDropout);
  const I = (t: number): Dec =>
    s.inflow.kind === "constant" ? s.inflow.perMonth : s.inflow.kind === "list" ? s.inflow.values[Math.min(t, s.inflow.values.length) - 1]! : s.inflow.start.times(new D(1).plus(s.inflow.monthlyGrowth).pow(t - 1));
  const P = (t: number): Dec => (t - s.monthsToPlacement >= 1 ? I(t - s.monthsToPlacement).times(s.readyShare).times(s.placementRate) : ZERO);
  const year = (t: number) => Math.floor((t - 1) / 12);
  const staffOf = (t: number): Dec[] => {
    const cp = s.seStaff.costPrice;
    if (cp) return [...cp.grossByYear[Math.min(year(t), cp.grossByYear.length - 1)]!];
    const one = round2(s.seStaff.ftePerPartner.times(s.seStaff.yearlyCostPerFte).times(new D(1).plus(s.seStaff.indexation).pow(year(t))).div(12));
    return s.sePartners.map(() => one);
  };
  const cpsOf = (t: number): Dec[] => {
    const cp = s.seStaff.costPrice;
    return cp ? [...cp.subsidyByYear[Math.min(year(t), cp.subsidyByYear.length - 1)]!] : s.sePartners.map(() => ZERO);
  };
  const funders = s.funding ?? [];
  // README "Cost lines": staff, then investments, running costs, variable costs by distinct name, in file order.
  const lines: { name: string; kind: string }[] = [{ name: "staff_cost", kind: "staff" }];
  for (const [kind, names] of [["investment", s.investments.map((x) => x.name)], ["running", s.runningCosts.map((x) => x.name)], ["variable", (s.variableCosts ?? []).map((x) => x.name)]] as const)
    for (const name of names) if (!lines.some((l) => l.name === name && l.kind === kind)) lines.push({ name, kind });
  const paidSub = s.subsidies.map(() => ZERO);
  const paidFund = funders.map(() => ZERO);
  const months: Month[] = [];
  const se = s.sePartners.map(() => ({ share: ZERO, cost: ZERO, sub: ZERO, ownStaff: ZERO, ownOther: ZERO }));
  let reserve = s.openingReserve;
  const active: Dec[] = [];
  for (let t = 1; t <= n; t++) {
    // Workers: every cohort p ≤ t still working, q^(t − p) of it.
    let A = ZERO;
    for (let p = 1; p <= t; p++) A = A.plus(P(p).times(q.pow(t - p)));
    active.push(A);
    const H = A.times(s.hoursPerWeek).times(52).div(12);
    const feeRate = [...s.fee].reverse().find((f) => f.fromMonth <= t)!.value;
    const F = round2(H.times(feeRate));
    const G = total(
      s.benefits.map((b) =>
        round2(total(b.tiers.map((tier) => {
          let W = ZERO;
          for (let p = 1; p <= t; p++) if (tier.fromMonth <= t - p + 1 && t - p + 1 <= tier.toMonth) W = W.plus(P(p).times(q.pow(t - p)));
          return tier.amount.times(W);
        }))),
      ),
    );
    const BF = round2(s.benefitShare.times(G));
    const R = F.plus(BF);
    const staff = staffOf(t);
    const S = total(staff);
    const invOf = (name?: string) => total(s.investments.filter((x) => x.month === t && (name === undefined || x.name === name)).map((x) => x.amount));
    const runOf = (name?: string) => total(s.runningCosts.filter((c) => c.fromMonth <= t && (c.toMonth === undefined || t <= c.toMonth) && (name === undefined || c.name === name)).map((c) => c.perMonth));
    const varOf = (name?: string) =>
      total((s.variableCosts ?? []).filter((v) => t >= v.fromMonth && (v.toMonth === undefined || t <= v.toMonth) && (name === undefined || v.name === name)).map((v) => round2(v.amount.times(v.per === "candidate" ? I(t) : A))));
    const C = S.plus(invOf()).plus(runOf()).plus(varOf());
    let SUB = ZERO;
    let SS = ZERO; // staff-cost subsidies shared by staff cost
    s.subsidies.forEach((x, i) => {
      if (!(t >= x.fromMonth && (x.months === undefined || t < x.fromMonth + x.months))) return;
      let a = x.basis.kind === "staff-cost" ? round2(x.basis.rate.times(S)) : x.basis.kind === "investment" ? round2(x.basis.rate.times(invOf(x.basis.investment))) : x.basis.perMonth;
      if (x.cap !== undefined) a = D.min(a, D.max(ZERO, x.cap.minus(paidSub[i]!)));
      paidSub[i] = paidSub[i]!.plus(a);
      SUB = SUB.plus(a);
      if (x.basis.kind === "staff-cost") SS = SS.plus(a);
    });
    const cps = cpsOf(t);
    SUB = SUB.plus(total(cps));
    let O = ZERO;
    let ownStaff = ZERO;
    if (funders.length > 0) {
      const amounts = lines.map((l) => (l.kind === "staff" ? S : l.kind === "investment" ? invOf(l.name) : l.kind === "running" ? runOf(l.name) : varOf(l.name)));
      const left = amounts.map((a, li) => (li === 0 ? a.minus(total(cps)) : a));
      funders.forEach((f: Funder, fi) => {
        if (!(t >= f.fromMonth && (f.months === undefined || t < f.fromMonth + f.months))) return;
        const mine = lines.map((l, li) => li).filter((li) => f.lines.includes(lines[li]!.name) && left[li]!.greaterThan(0));
        if (mine.length === 0) return;
        const ask =
          f.basis.kind === "rate"
            ? mine.map((li) => D.min(round2((f.basis as { rate: Dec }).rate.times(amounts[li]!)), left[li]!))
            : lr(D.min(f.basis.perMonth, total(mine.map((li) => left[li]!))), mine.map((li) => left[li]!));
        const asked = total(ask);
        let room = asked;
        if (f.capPerMonth !== undefined) room = D.min(room, f.capPerMonth);
        if (f.cap !== undefined) room = D.min(room, D.max(ZERO, f.cap.minus(paidFund[fi]!)));
        const pay = room.equals(asked) ? ask : lr(room, ask);
        mine.forEach((li, k) => {
          left[li] = left[li]!.minus(pay[k]!);
          if (li === 0) f.own ? (ownStaff = ownStaff.plus(pay[k]!)) : (SS = SS.plus(pay[k]!));
        });
        paidFund[fi] = paidFund[fi]!.plus(total(pay));
        if (f.own) O = O.plus(total(pay));
        else SUB = SUB.plus(total(pay));
      });
    }
    const result = R.minus(C).plus(SUB).plus(O);
    reserve = reserve.plus(result);
    months.push({ revenue: R, costs: C, subsidies: SUB, own: O, result, reserve, gross: G, fees: F });
    const share = lr(R, s.sePartners.map(() => new D(1)));
    const sub = lr(SS, staff);
    const own = lr(ownStaff, staff);
    const other = lr(O.minus(ownStaff), s.sePartners.map(() => new D(1)));
    se.forEach((x, i) => {
      x.share = x.share.plus(share[i]!);
      x.cost = x.cost.plus(staff[i]!);
      x.sub = x.sub.plus(sub[i]!).plus(cps[i]!);
      x.ownStaff = x.ownStaff.plus(own[i]!);
      x.ownOther = x.ownOther.plus(other[i]!);
    });
  }
  return { months, se: se.map((x) => ({ ...x, balance: x.share.minus(x.cost).plus(x.sub).minus(x.ownOther) })) };
}

describe("an independent calculation written from scenarios/README.md", () => {
  test.prop([scenarioArb], { numRuns: 150, seed: 14 })("agrees with menerva month by month and per partner, to the cent", (s) => {
    const mine = independent(s);
    const p = project(s);
    const f = (x: Dec) => x.toFixed(2);
    p.rows.forEach((r, i) => {
      const m = mine.months[i]!;
      expect([f(r.fees), f(r.benefitsGross), f(r.revenue), f(r.costs), f(r.subsidies), f(r.ownContributions), f(r.result), f(r.reserve)], `month ${r.month}`).toEqual([
        f(m.fees), f(m.gross), f(m.revenue), f(m.costs), f(m.subsidies), f(m.own), f(m.result), f(m.reserve),
      ]);
    });
    expect(p.sePartners!.map((x) => [f(x.share), f(x.staffCost), f(x.staffSubsidy), f(x.ownOnStaff), f(x.ownOther), f(x.balance)])).toEqual(
      mine.se.map((x) => [f(x.share), f(x.cost), f(x.sub), f(x.ownStaff), f(x.ownOther), f(x.balance)]),
    );
  });
});
