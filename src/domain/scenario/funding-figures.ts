// Key figures of a funding mix (issue 7): total per funder, the funding gap, the
// leverage of each euro of own contribution, what happens when a subsidy line
// stops ("terugval subsidielijnen", source S3) and the marginal figure of one
// extra candidate a month. Pure; reuses project() and solve().
import { D, ZERO, roundTo, sum, type Dec } from "../money.js";
import { costLines, type CostLine } from "./funding.js";
import { inflowAt, project, type Projection } from "./project.js";
import { solve, type SolveResult } from "./solve.js";
import type { Scenario } from "./types.js";

export type FunderTotal = { readonly name: string; readonly own: boolean; readonly total: Dec };

/** A subsidy line that stops before the end of the projection, and what that costs. */
export type LineStop = {
  readonly funder: string;
  /** The last month it pays anything. */
  readonly lastMonth: number;
  /** Why it stops: its window ends, or its total cap is used up. */
  readonly reason: "window" | "cap";
  /** The project's result in its last month and in the month after. */
  readonly resultBefore: Dec;
  readonly resultAfter: Dec;
  /** What it paid in its last month: the inflow the project loses from the month after. */
  readonly lastPayment: Dec;
  /** Least constant inflow that keeps the reserve ≥ 0 as the scenario stands (the line stops). */
  readonly leastInflow: SolveResult;
  /** The same if the line kept paying to the end (no end month, no total cap). */
  readonly leastInflowIfContinued: SolveResult;
  /** leastInflow − leastInflowIfContinued: extra candidates a month the stop demands; undefined when either is not feasible. */
  readonly extraInflow?: Dec;
};

/** One extra candidate every month over the whole projection, against the scenario as it stands. */
export type Marginal = {
  readonly extraCandidates: Dec;
  /** Σ Δ over the projection (each line still rounded to cents per month). */
  readonly extraRevenue: Dec;
  readonly extraVariableCost: Dec;
  readonly extraFunding: Dec;
  readonly extraResult: Dec;
  /** The same per extra candidate, rounded to cents. */
  readonly revenuePerCandidate: Dec;
  readonly variableCostPerCandidate: Dec;
  readonly fundingPerCandidate: Dec;
  readonly resultPerCandidate: Dec;
  /** The variable lines as written: amount per candidate or per active worker a month. */
  readonly variableLines: readonly { readonly name: string; readonly per: "candidate" | "worker"; readonly amount: Dec }[];
};

export type FundingFigures = {
  readonly lines: readonly CostLine[];
  readonly funders: readonly FunderTotal[];
  readonly totalCosts: Dec;
  /** Σ the cost-price file's subsidies on the staff line, paid before the funders (zero without a cost-price file). */
  readonly costPriceSubsidy: Dec;
  /** Σ what the project itself paid (revenue and reserve), gap included. */
  readonly projectTotal: Dec;
  readonly gapTotal: Dec;
  readonly ownContribution: Dec;
  /** Total activity financed (all cost lines) / own contribution, to 2 decimals; undefined without own contribution. */
  readonly leverage?: Dec;
  readonly stops: readonly LineStop[];
  readonly marginal: Marginal;
};

const cents = (x: Dec): Dec => roundTo(x, 2, "half-away-from-zero");

/** Largest inflow the terugval search tries: far beyond the 140 candidates of the whole project (source S1). */
export const STOP_SOLVE_MAX = 100;

/**
 * Least constant inflow that keeps the reserve ≥ 0. With costs per entering
 * candidate a huge inflow is infeasible in its first months, so feasibility only
 * rises with inflow up to a point: the upper bound starts at the scenario's own
 * inflow and doubles (up to STOP_SOLVE_MAX) until it is feasible, then solve bisects below it.
 */
export function leastInflow(s: Scenario): SolveResult {
  let top = 1;
  for (let m = 1; m <= s.months; m++) top = Math.max(top, Math.ceil(inflowAt(s.inflow, m).toNumber()));
  let r: SolveResult | undefined;
  for (let h = Math.min(top, STOP_SOLVE_MAX); ; h = Math.min(h * 2, STOP_SOLVE_MAX)) {
    r = solve(s, "inflow", { kind: "never-negative" }, [new D(0), new D(h)]);
    if (r.status === "found" || h === STOP_SOLVE_MAX) return r;
  }
}

/** The scenario with one more candidate every month (a list of inflow values). */
export function plusOneCandidate(s: Scenario): Scenario {
  return { ...s, inflow: { kind: "list", values: Array.from({ length: s.months }, (_, i) => inflowAt(s.inflow, i + 1).plus(1)) } };
}

export function marginal(s: Scenario, base: Projection = project(s, { detail: false })): Marginal {
  const more = project(plusOneCandidate(s), { detail: false });
  const total = (p: Projection, f: (r: Projection["rows"][number]) => Dec) => sum(p.rows.map(f));
  const d = (f: (r: Projection["rows"][number]) => Dec) => total(more, f).minus(total(base, f));
  const n = new D(s.months);
  const extraRevenue = d((r) => r.revenue);
  const extraVariableCost = d((r) => r.costs);
  const extraFunding = d((r) => r.subsidies.plus(r.ownContributions));
  const extraResult = d((r) => r.result);
  return {
    extraCandidates: n,
    extraRevenue,
    extraVariableCost,
    extraFunding,
    extraResult,
    revenuePerCandidate: cents(extraRevenue.div(n)),
    variableCostPerCandidate: cents(extraVariableCost.div(n)),
    fundingPerCandidate: cents(extraFunding.div(n)),
    resultPerCandidate: cents(extraResult.div(n)),
    variableLines: (s.variableCosts ?? []).map((v) => ({ name: v.name, per: v.per, amount: v.amount })),
  };
}

function lineStops(s: Scenario, p: Projection): LineStop[] {
  const funders = s.funding ?? [];
  const out: LineStop[] = [];
  let least: SolveResult | undefined;
  funders.forEach((f, fi) => {
    if (f.own) return;
    const paid = p.rows.map((r) => r.funderPayments[fi]!);
    let last = 0;
    paid.forEach((x, i) => {
      if (!x.isZero()) last = i + 1;
    });
    if (last === 0 || last >= s.months) return;
    const windowEnds = f.months !== undefined && f.fromMonth + f.months - 1 === last;
    const capUsed = f.cap !== undefined && sum(paid).equals(f.cap);
    if (!windowEnds && !capUsed) return;
    least ??= leastInflow(s);
    const continued: Scenario = {
      ...s,
      funding: funders.map((g, gi) => (gi === fi ? { name: g.name, own: g.own, lines: g.lines, basis: g.basis, fromMonth: g.fromMonth, ...(g.capPerMonth ? { capPerMonth: g.capPerMonth } : {}) } : g)),
    };
    const ifContinued = leastInflow(continued);
    out.push({
      funder: f.name,
      lastMonth: last,
      reason: windowEnds ? "window" : "cap",
      resultBefore: p.rows[last - 1]!.result,
      resultAfter: p.rows[last]!.result,
      lastPayment: paid[last - 1]!,
      leastInflow: least,
      leastInflowIfContinued: ifContinued,
      ...(least.status === "found" && ifContinued.status === "found" ? { extraInflow: least.value.minus(ifContinued.value) } : {}),
    });
  });
  return out;
}

export function fundingFigures(s: Scenario, p: Projection): FundingFigures {
  const funders = s.funding ?? [];
  const totals = funders.map((f, fi): FunderTotal => ({ name: f.name, own: f.own, total: sum(p.rows.map((r) => r.funderPayments[fi]!)) }));
  const totalCosts = sum(p.rows.map((r) => r.costs));
  const own = sum(totals.filter((t) => t.own).map((t) => t.total));
  return {
    lines: costLines(s),
    funders: totals,
    totalCosts,
    costPriceSubsidy: sum(p.rows.map((r) => r.costPriceSubsidy)),
    projectTotal: sum(p.rows.map((r) => r.funding?.projectTotal ?? ZERO)),
    gapTotal: sum(p.rows.map((r) => r.funding?.gap ?? ZERO)),
    ownContribution: own,
    ...(own.greaterThan(0) ? { leverage: cents(totalCosts.div(own)) } : {}),
    stops: lineStops(s, p),
    marginal: marginal(s),
  };
}
