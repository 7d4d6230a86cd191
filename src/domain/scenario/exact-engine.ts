// The projection's key figures on exact scaled integers (issue 15): the same
// model as project.ts, month for month and rounding for rounding, but every
// quantity is a BigInt numerator over a power of ten (no 40-digit rounding at
// all: worker counts carry every digit) and every amount is whole cents in a
// number checked with Number.isSafeInteger. It is exact where decimal.js is
// exact and closer where decimal.js rounds to 40 digits, so both give the same
// cents (a 40-digit rounding can only move a cent within 10^-38 of a half
// cent); tests/scenario/exact-engine.test.ts checks that on random scenarios.
// Being exact, it may use algebra decimal.js could not: every worker count is
// linear in the placements, so with a constant inflow the cohort sums for
// inflow × ready share × placement rate = 1 are computed once and each grid
// cell multiplies them by its own product (the same exact numbers). The grid
// runs it: 2,500 cells × 60 months in a fraction of a second. Pure.
import { D, type Dec } from "../money.js";
import { costLines, eligibility, funderActive } from "./funding.js";
import type { KeyFigures } from "./figures.js";
import { costPriceSubsidyByPartner, inflowAt, staffCostByPartner, stepAt } from "./project.js";
import type { Scenario } from "./types.js";

/** An exact decimal: n × 10^-e (e ≥ 0). */
type X = { readonly n: bigint; readonly e: number };

const POW10: bigint[] = [1n];
const pow10 = (k: number): bigint => {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[k]!;
};

const ZX: X = { n: 0n, e: 0 };
const xCache = new WeakMap<Dec, X>();

/** A Decimal as an exact scaled integer (cached: the grid reuses its range values). */
function x(d: Dec): X {
  let v = xCache.get(d);
  if (v === undefined) {
    const t = d.toFixed();
    const neg = t.startsWith("-");
    const [i, f = ""] = (neg ? t.slice(1) : t).split(".");
    const n = BigInt(i! + f);
    v = { n: neg ? -n : n, e: f.length };
    xCache.set(d, v);
  }
  return v;
}

const mul = (a: X, b: X): X => (a.n === 0n || b.n === 0n ? ZX : { n: a.n * b.n, e: a.e + b.e });
function add(a: X, b: X): X {
  if (b.n === 0n) return a;
  if (a.n === 0n) return b;
  if (a.e === b.e) return { n: a.n + b.n, e: a.e };
  return a.e > b.e ? { n: a.n + b.n * pow10(a.e - b.e), e: a.e } : { n: a.n * pow10(b.e - a.e) + b.n, e: b.e };
}
const neg = (a: X): X => ({ n: -a.n, e: a.e });

/** round(n / d) half away from zero, for BigInts (d > 0): floor((2|n| + d) / 2d), one division. */
function divRound(n: bigint, d: bigint): bigint {
  return n >= 0n ? (2n * n + d) / (2n * d) : -((-2n * n + d) / (2n * d));
}

/** Whole cents of a BigInt that must stay a safe number. */
function safe(c: bigint): number {
  const v = Number(c);
  if (!Number.isSafeInteger(v)) throw new RangeError(`exact engine: ${c} cents is beyond a safe integer`);
  return v;
}

/** round2(a) in whole cents. */
const cents = (a: X): number => safe(a.e <= 2 ? a.n * pow10(2 - a.e) : divRound(a.n, pow10(a.e - 2)));
/** round2(a / 12) in whole cents. */
const centsOver12 = (a: X): number => safe(divRound(a.n * (a.e <= 2 ? pow10(2 - a.e) : 1n), 12n * (a.e <= 2 ? 1n : pow10(a.e - 2))));
/** round2(rate × c cents) in whole cents. */
const rateTimes = (rate: X, c: number): number => safe(divRound(rate.n * BigInt(c), pow10(rate.e)));
/** A money Decimal (at most two decimals) in whole cents. */
function toCents(d: Dec): number {
  const v = x(d);
  if (v.e > 2) throw new RangeError(`exact engine: ${d.toFixed()} is not an amount in cents`);
  return safe(v.n * pow10(2 - v.e));
}

/** Largest remainder in whole cents (money.ts `allocate`), weights as whole numbers. */
function allocateCents(total: number, weights: readonly number[]): number[] {
  const sign = total < 0 ? -1 : 1;
  const T = BigInt(total * sign);
  const w = weights.map((v) => BigInt(v));
  const W = w.reduce((a, b) => a + b, 0n);
  if (W === 0n) throw new Error("allocate: weights sum to zero");
  const parts = w.map((v) => (T * v) / W);
  const rems = w.map((v, i) => ({ i, r: (T * v) % W }));
  let left = T - parts.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => safe(p) * sign);
}

/** What depends only on a part of the scenario, computed once per distinct part (the grid changes one or two). */
const perInflow = new WeakMap<object, readonly X[]>();
const perStaff = new WeakMap<object, { staff: number[]; cps: number[] }>();
const perFee = new WeakMap<object, Map<Dec, readonly X[]>>();

function inflowSeries(s: Scenario): readonly X[] {
  let v = perInflow.get(s.inflow);
  if (v === undefined || v.length < s.months) {
    v = Array.from({ length: s.months }, (_, i) => x(inflowAt(s.inflow, i + 1)));
    perInflow.set(s.inflow, v);
  }
  return v;
}

/** Staff cost and cost-price subsidies (all partners, cents) per year index. */
function staffSeries(s: Scenario): { staff: number[]; cps: number[] } {
  let v = perStaff.get(s.seStaff);
  const years = Math.ceil(s.months / 12);
  if (v === undefined || v.staff.length < years) {
    const staff: number[] = [];
    const cps: number[] = [];
    for (let y = 0; y < years; y++) {
      staff.push(staffCostByPartner(s, y * 12 + 1).reduce((a, b) => a + toCents(b), 0));
      cps.push(costPriceSubsidyByPartner(s, y * 12 + 1).reduce((a, b) => a + toCents(b), 0));
    }
    v = { staff, cps };
    perStaff.set(s.seStaff, v);
  }
  return v;
}

/** hours_per_week × 52 × fee, per month (fees = round2(active × that / 12)). */
function hourFeeSeries(s: Scenario): readonly X[] {
  let byHours = perFee.get(s.fee);
  if (byHours === undefined) {
    byHours = new Map();
    perFee.set(s.fee, byHours);
  }
  let v = byHours.get(s.hoursPerWeek);
  if (v === undefined || v.length < s.months) {
    const hf = mul(x(s.hoursPerWeek), { n: 52n, e: 0 });
    v = Array.from({ length: s.months }, (_, i) => mul(hf, x(stepAt(s.fee, i + 1))));
    byHours.set(s.hoursPerWeek, v);
  }
  return v;
}

/**
 * The cohort sums per unit of placement, per month: fees before rounding
 * (active × hours/week × 52 × fee, still to be divided by 12), each benefit
 * type's Σ amount × workers, and the active workers. With a constant inflow a
 * unit is one placed worker a month (from month k + 1); otherwise it is the
 * inflow path, and ready share × placement rate is the multiplier.
 */
type Unit = { readonly fee: readonly X[]; readonly benefits: readonly (readonly X[])[]; readonly active: readonly X[] };

const unitCache = new Map<string, Unit>();
const ids = new WeakMap<object, number>();
let nextId = 1;
const objectId = (o: object): number => {
  let v = ids.get(o);
  if (v === undefined) {
    v = nextId++;
    ids.set(o, v);
  }
  return v;
};

function unitOf(s: Scenario, constantInflow: boolean): Unit {
  const key = [
    s.months,
    s.monthsToPlacement,
    s.monthlyDropout.toFixed(),
    s.hoursPerWeek.toFixed(),
    objectId(s.fee),
    objectId(s.benefits),
    constantInflow ? "c" : objectId(s.inflow),
  ].join("|");
  let u = unitCache.get(key);
  if (u !== undefined) return u;
  if (unitCache.size > 10_000) unitCache.clear();
  const n = s.months;
  const q = add({ n: 1n, e: 0 }, neg(x(s.monthlyDropout)));
  const hourFee = hourFeeSeries(s);
  const inflow = constantInflow ? undefined : inflowSeries(s);
  const qPow: X[] = [{ n: 1n, e: 0 }];
  for (let k = 1; k <= n; k++) qPow.push(mul(qPow[k - 1]!, q));
  const tiers = s.benefits.map((b) => b.tiers.map((t) => ({ f: t.fromMonth, g: t.toMonth, amount: x(t.amount), w: ZX })));
  const placements: X[] = [];
  const fee: X[] = [];
  const benefits: X[][] = s.benefits.map(() => []);
  const active: X[] = [];
  let a = ZX;
  const one: X = { n: 1n, e: 0 };
  for (let t = 1; t <= n; t++) {
    const src = t - s.monthsToPlacement;
    const placed = src >= 1 ? (inflow ? inflow[src - 1]! : one) : ZX;
    placements.push(placed);
    a = add(mul(a, q), placed);
    active.push(a);
    fee.push(mul(a, hourFee[t - 1]!));
    tiers.forEach((ts, bi) => {
      let g = ZX;
      for (const tier of ts) {
        let w = mul(tier.w, q);
        if (t - tier.f + 1 >= 1) w = add(w, mul(placements[t - tier.f]!, qPow[tier.f - 1]!));
        if (t - tier.g >= 1 && tier.g <= n) w = add(w, neg(mul(placements[t - tier.g - 1]!, qPow[tier.g]!)));
        tier.w = w;
        g = add(g, mul(w, tier.amount));
      }
      benefits[bi]!.push(g);
    });
  }
  u = { fee, benefits, active };
  unitCache.set(key, u);
  return u;
}

/** The key figures of `s`, money identical to keyFigures(project(s)). */
export function exactKeyFigures(s: Scenario): KeyFigures {
  const n = s.months;
  const constantInflow = s.inflow.kind === "constant";
  const unit = unitOf(s, constantInflow);
  // The multiplier of every cohort sum: placements per unit.
  const convert = mul(x(s.readyShare), x(s.placementRate));
  const m = constantInflow ? mul(x((s.inflow as { perMonth: Dec }).perMonth), convert) : convert;
  const inflow = inflowSeries(s);
  const { staff: staffByYear, cps: cpsByYear } = staffSeries(s);
  const share = x(s.benefitShare);
  const invByMonth = Array.from({ length: n }, (_, i) => s.investments.reduce((a, v) => (v.month === i + 1 ? a + toCents(v.amount) : a), 0));
  const runByMonth = Array.from({ length: n }, (_, i) => s.runningCosts.reduce((a, c) => (c.fromMonth <= i + 1 && (c.toMonth === undefined || i + 1 <= c.toMonth) ? a + toCents(c.perMonth) : a), 0));
  const vars = (s.variableCosts ?? []).map((v) => ({ v, amount: x(v.amount) }));
  const subs = s.subsidies.map((sub) => ({
    sub,
    rate: sub.basis.kind === "fixed" ? ZX : x(sub.basis.rate),
    fixed: sub.basis.kind === "fixed" ? toCents(sub.basis.perMonth) : 0,
    cap: sub.cap !== undefined ? toCents(sub.cap) : undefined,
    paid: 0,
  }));
  const funders = s.funding ?? [];
  const lines = funders.length > 0 ? costLines(s) : [];
  const eligible = eligibility(lines, funders);
  const fx = funders.map((f) => ({
    f,
    rate: f.basis.kind === "rate" ? x(f.basis.rate) : undefined,
    amount: f.basis.kind === "amount" ? toCents(f.basis.perMonth) : 0,
    cap: f.cap !== undefined ? toCents(f.cap) : undefined,
    capPerMonth: f.capPerMonth !== undefined ? toCents(f.capPerMonth) : undefined,
    paid: 0,
  }));

  let cumulative = 0;
  let reserve = toCents(s.openingReserve);
  let breakEven: number | undefined;
  let payback: number | undefined;
  let lowest = Infinity;
  let lowestMonth = 1;
  let totalRevenue = 0;
  let totalCosts = 0;
  let totalSubsidies = 0;
  let totalOwn = 0;
  const perWorker = (s.variableCosts ?? []).some((v) => v.per === "worker");
  for (let t = 1; t <= n; t++) {
    const active = perWorker ? mul(m, unit.active[t - 1]!) : ZX;
    const fees = centsOver12(mul(m, unit.fee[t - 1]!));
    let gross = 0;
    for (const b of unit.benefits) gross += cents(mul(m, b[t - 1]!));
    const revenue = fees + rateTimes(share, gross);
    const year = Math.min(Math.floor((t - 1) / 12), staffByYear.length - 1);
    const staffCost = staffByYear[year]!;
    const cps = cpsByYear[year]!;
    const variableByItem = vars.map(({ v, amount }) => (t >= v.fromMonth && (v.toMonth === undefined || t <= v.toMonth) ? cents(mul(amount, v.per === "candidate" ? inflow[t - 1]! : active)) : 0));
    const costs = staffCost + invByMonth[t - 1]! + runByMonth[t - 1]! + variableByItem.reduce((a, b) => a + b, 0);
    let subsidies = cps;
    for (const x1 of subs) {
      const { sub } = x1;
      if (!(t >= sub.fromMonth && (sub.months === undefined || t < sub.fromMonth + sub.months))) continue;
      const b = sub.basis;
      let amount =
        b.kind === "staff-cost"
          ? rateTimes(x1.rate, staffCost)
          : b.kind === "investment"
            ? rateTimes(x1.rate, s.investments.reduce((a, v) => (v.name === b.investment && v.month === t ? a + toCents(v.amount) : a), 0))
            : x1.fixed;
      if (x1.cap !== undefined) amount = Math.min(amount, Math.max(0, x1.cap - x1.paid));
      x1.paid += amount;
      subsidies += amount;
    }
    let own = 0;
    if (fx.length > 0) {
      // funding.ts allocateMonth on whole cents.
      const amounts = lines.map((l) =>
        l.kind === "staff"
          ? staffCost
          : l.kind === "investment"
            ? s.investments.reduce((a, v) => (v.name === l.name && v.month === t ? a + toCents(v.amount) : a), 0)
            : l.kind === "running"
              ? s.runningCosts.reduce((a, c) => (c.name === l.name && c.fromMonth <= t && (c.toMonth === undefined || t <= c.toMonth) ? a + toCents(c.perMonth) : a), 0)
              : vars.reduce((a, v, i) => (v.v.name === l.name ? a + variableByItem[i]! : a), 0),
      );
      const rest = amounts.map((a, l) => (lines[l]!.kind === "staff" ? a - cps : a));
      fx.forEach((F, fi) => {
        if (!funderActive(F.f, t)) return;
        const idx = rest.map((_, l) => l).filter((l) => eligible[fi]![l] && rest[l]! > 0);
        if (idx.length === 0) return;
        let want: number[];
        if (F.rate !== undefined) want = idx.map((l) => Math.min(rateTimes(F.rate!, amounts[l]!), rest[l]!));
        else {
          const left = idx.reduce((a, l) => a + rest[l]!, 0);
          want = allocateCents(Math.min(F.amount, left), idx.map((l) => rest[l]!));
        }
        const wanted = want.reduce((a, b) => a + b, 0);
        let room = wanted;
        if (F.capPerMonth !== undefined) room = Math.min(room, F.capPerMonth);
        if (F.cap !== undefined) room = Math.min(room, Math.max(0, F.cap - F.paid));
        const paid = room === wanted || wanted === 0 ? want : allocateCents(room, want);
        let sum = 0;
        idx.forEach((l, k) => {
          rest[l] = rest[l]! - paid[k]!;
          sum += paid[k]!;
        });
        F.paid += sum;
        if (F.f.own) own += sum;
        else subsidies += sum;
      });
    }
    const result = revenue - costs + subsidies + own;
    cumulative += result;
    reserve += result;
    if (!Number.isSafeInteger(reserve) || !Number.isSafeInteger(cumulative)) throw new RangeError("exact engine: reserve beyond a safe integer");
    if (result < 0) breakEven = undefined;
    else if (breakEven === undefined) breakEven = t;
    if (payback === undefined && cumulative >= 0) payback = t;
    if (reserve < lowest) {
      lowest = reserve;
      lowestMonth = t;
    }
    totalRevenue += revenue;
    totalCosts += costs;
    totalSubsidies += subsidies;
    totalOwn += own;
  }
  const money = (c: number): Dec => new D(c).div(100);
  const totalResult = totalRevenue - totalCosts + totalSubsidies + totalOwn;
  return {
    ...(breakEven !== undefined ? { breakEvenMonth: breakEven } : {}),
    ...(payback !== undefined ? { paybackMonth: payback } : {}),
    lowestReserve: money(lowest),
    lowestReserveMonth: lowestMonth,
    fundingNeed: money(Math.max(0, -lowest)),
    endReserve: money(reserve),
    feasible: lowest >= 0,
    totalRevenue: money(totalRevenue),
    totalCosts: money(totalCosts),
    totalSubsidies: money(totalSubsidies),
    totalOwnContributions: money(totalOwn),
    totalResult: money(totalResult),
    resultWithoutSubsidies: money(totalResult - totalSubsidies),
    resultWithoutSubsidiesAndOwn: money(totalResult - totalSubsidies - totalOwn),
    // Exact; decimal.js keeps 40 significant digits of it.
    endActiveWorkers: ((a: X) => new D(a.n.toString()).div(new D(10).pow(a.e)))(mul(m, unit.active[n - 1]!)),
  };
}
