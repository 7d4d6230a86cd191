// The funding mix of a scenario (issue 7, source S3 "klaverbladfinanciering"):
// named cost lines (fixed or variable per candidate) and who pays each of them,
// month by month. Pure and exact: funders pay in file order, each its rate of
// each eligible line (rounded to cents per line) or a fixed amount spread over
// its lines, never more than what is left of a line and never past its caps;
// the project pays the rest, so the parts of a line always add up to the line.
import { ZERO, allocate, roundMoney, sum, type Dec } from "../money.js";
import type { Funder, Scenario } from "./types.js";

const cents = (x: Dec): Dec => roundMoney(x, "half-away-from-zero");

export type CostLineKind = "staff" | "investment" | "running" | "variable";

export type CostLine = {
  readonly name: string;
  readonly kind: CostLineKind;
  /** Variable lines grow with the candidates; the others do not (the marginal cost of growth). */
  readonly variable: boolean;
};

/** The reserved name of the SE staff cost line. */
export const STAFF_LINE = "staff_cost";

/** Names a funder's `of` may use for a whole kind of lines. */
export const LINE_KINDS: Readonly<Record<string, CostLineKind | "all">> = {
  all: "all",
  staff_cost: "staff",
  investments: "investment",
  running_costs: "running",
  variable_costs: "variable",
};

/** The cost lines of a scenario, in a fixed order: staff, investments, running costs, variable costs (same name = one line). */
export function costLines(s: Pick<Scenario, "investments" | "runningCosts" | "variableCosts">): CostLine[] {
  const out: CostLine[] = [{ name: STAFF_LINE, kind: "staff", variable: false }];
  const add = (name: string, kind: CostLineKind) => {
    if (!out.some((l) => l.name === name && l.kind === kind)) out.push({ name, kind, variable: kind === "variable" });
  };
  for (const i of s.investments) add(i.name, "investment");
  for (const c of s.runningCosts) add(c.name, "running");
  for (const v of s.variableCosts ?? []) add(v.name, "variable");
  return out;
}

export const funderActive = (f: Funder, month: number): boolean => month >= f.fromMonth && (f.months === undefined || month < f.fromMonth + f.months);

/** What one month's costs became: per funder per line, and the project's part per line. */
export type MonthAllocation = {
  /** [funder][line] in cents. */
  readonly byFunder: readonly (readonly Dec[])[];
  readonly funderTotals: readonly Dec[];
  /** What is left of each line for the project (revenue, then reserve): line − pre-paid − funders. */
  readonly project: readonly Dec[];
  readonly projectTotal: Dec;
  /** The steps, for a workbook that recalculates them: [funder][line] what was left before it paid, and what it asked before its caps. */
  readonly restBefore: readonly (readonly Dec[])[];
  readonly wanted: readonly (readonly Dec[])[];
  /** An amount funder's monthly amount spread this month (zero for rate funders and inactive months). */
  readonly spreadAmount: readonly Dec[];
};

/**
 * Allocate one month's cost lines (cents, non-negative) over the funders.
 * `paidBefore[f]` is what funder f paid in earlier months (for its total cap).
 * `eligible[f][l]` says whether funder f pays for line l. `prePaid[l]` was paid
 * before any funder (the cost-price file's own subsidies on the staff line):
 * funders pay their rate of the whole line, but never more than is left.
 */
export function allocateMonth(
  lineAmounts: readonly Dec[],
  funders: readonly Funder[],
  eligible: readonly (readonly boolean[])[],
  month: number,
  paidBefore: readonly Dec[],
  prePaid?: readonly Dec[],
): MonthAllocation {
  const rest = lineAmounts.map((x, l) => (prePaid ? x.minus(prePaid[l]!) : x));
  const restBefore: Dec[][] = [];
  const asks: Dec[][] = [];
  const spreadAmount: Dec[] = [];
  const byFunder = funders.map((f, fi) => {
    restBefore.push([...rest]);
    const pay = lineAmounts.map(() => ZERO);
    const asked = lineAmounts.map(() => ZERO);
    asks.push(asked);
    spreadAmount.push(ZERO);
    if (!funderActive(f, month)) return pay;
    const idx = lineAmounts.map((_, l) => l).filter((l) => eligible[fi]![l] && rest[l]!.greaterThan(0));
    if (idx.length === 0) return pay;
    // What it would pay without caps, per line, never more than is left of the line.
    let want: Dec[];
    if (f.basis.kind === "rate") {
      const rate = f.basis.rate;
      want = idx.map((l) => {
        const w = cents(rate.times(lineAmounts[l]!));
        return w.greaterThan(rest[l]!) ? rest[l]! : w;
      });
    } else {
      const left = sum(idx.map((l) => rest[l]!));
      const total = f.basis.perMonth.greaterThan(left) ? left : f.basis.perMonth;
      spreadAmount[fi] = total;
      want = allocate(total, idx.map((l) => rest[l]!));
    }
    idx.forEach((l, k) => (asked[l] = want[k]!));
    const wanted = sum(want);
    let room = wanted;
    if (f.capPerMonth !== undefined && room.greaterThan(f.capPerMonth)) room = f.capPerMonth;
    if (f.cap !== undefined) {
      const left = f.cap.minus(paidBefore[fi]!);
      if (room.greaterThan(left)) room = left.isNegative() ? ZERO : left;
    }
    // A cap cuts every line in proportion; largest remainder keeps the cents exact and each part ≤ its want.
    const paid = room.equals(wanted) || wanted.isZero() ? want : allocate(room, want);
    idx.forEach((l, k) => {
      pay[l] = paid[k]!;
      rest[l] = rest[l]!.minus(paid[k]!);
    });
    return pay;
  });
  return { byFunder, funderTotals: byFunder.map((p) => sum(p)), project: rest, projectTotal: sum(rest), restBefore, wanted: asks, spreadAmount };
}

/** eligible[f][l]: the funder's resolved line names against the scenario's lines. */
export function eligibility(lines: readonly CostLine[], funders: readonly Funder[]): boolean[][] {
  return funders.map((f) => lines.map((l) => f.lines.includes(l.name)));
}

/** Resolve a funder's `of` entries (kinds or line names) to line names; unknown entries are returned apart. */
export function resolveLines(lines: readonly CostLine[], of: readonly string[]): { names: string[]; unknown: string[] } {
  const names = new Set<string>();
  const unknown: string[] = [];
  for (const o of of) {
    const kind = LINE_KINDS[o];
    const matches = kind === "all" ? lines : kind !== undefined ? lines.filter((l) => l.kind === kind) : lines.filter((l) => l.name === o);
    if (matches.length === 0 && kind === undefined) unknown.push(o);
    for (const l of matches) names.add(l.name);
  }
  return { names: lines.filter((l) => names.has(l.name)).map((l) => l.name), unknown };
}
