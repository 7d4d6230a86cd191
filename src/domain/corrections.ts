// Corrections of closed periods (issue 11, SPEC §5 "system of record"). Pure.
//
// What the ledger knows of the closed periods comes in as ClosedPeriod values
// (restated: as closed, plus every correction since). From them and the
// current inputs this module decides what changed in a closed period:
// - hours and benefit rows: a closed row a restating export no longer holds
//   is reversed at the rate/share it was billed at (the app layer finds them,
//   since it knows row identities; they arrive here as Reversal values);
// - staff rows and other costs: each closed period's staff cost per SE
//   partner and its other costs are recomputed from the current inputs, and
//   the difference with what was charged is the correction.
// A restating staff or cost input restates the closed periods from the one
// holding its first row on, for the partners it has rows of: a file that does
// not reach back to a period (a new year's export) does not erase it. (Which
// hours and benefit rows an export restates: src/app/withdrawn-rows.ts.)
import type { SourceRef } from "./issues.js";
import type { OtherCost, StaffRow } from "./model.js";
import { fmtDecimal, MODEL_ROUNDING, roundMoney, sum, ZERO, type Dec } from "./money.js";
import type { Weighted } from "./partners.js";
import { parsePeriod, type Period } from "./period.js";
import { staffLinesIn } from "./staff.js";

/** A row the ledger closed, as it was billed: everything a reversal needs. */
export type ClosedRow = {
  readonly kind: "hours" | "benefits";
  readonly necPartner: string;
  readonly date: string;
  readonly candidate: string;
  /** Hours, or the benefit amount, as billed. */
  readonly quantity: Dec;
  /** Hours: the rate billed. Benefits: the share billed. */
  readonly price: Dec;
  /** Benefits: the benefit type. */
  readonly type?: string;
  /** Label of the close that billed it. */
  readonly billedIn: string;
};

/** A closed row the current exports withdrew (or edited): reversed in this close. */
export type Reversal = ClosedRow & {
  /** The closed period holding the row's date: what the correction is labelled with. */
  readonly period: string;
  /** The row's new version in the exports (same partner, candidate, date and type), when it was edited in place. */
  readonly newVersion?: SourceRef;
};

/** A staff row as the ledger keeps it (no source: it may no longer be in any export). */
export type ChargedStaffRow = Omit<StaffRow, "source" | "kind"> & { readonly source?: StaffRow["source"] };
/** An other cost as the ledger keeps it. */
export type ChargedCost = Omit<OtherCost, "source"> & { readonly source?: SourceRef };

/** One closed period as the ledger knows it now: as closed, plus every correction since. */
export type ClosedPeriod = {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  /** SE partners that shared its revenue, with their weights (active days), in config order as closed. */
  readonly sePartners: readonly Weighted[];
  /** Per SE partner: its share and staff cost in this period, restated. */
  readonly position: ReadonlyMap<string, { readonly share: Dec; readonly staffCost: Dec }>;
  /** Other project costs charged for it, restated. */
  readonly otherCosts: Dec;
  /** Staff rows and other costs charged for it, restated. */
  readonly staffRows: readonly ChargedStaffRow[];
  readonly costs: readonly ChargedCost[];
};

/** The closed period holding a date, if any (closed periods are contiguous and sorted). */
export function closedPeriodOf(closed: readonly Pick<ClosedPeriod, "label" | "from" | "to">[], date: string): string | undefined {
  let lo = 0;
  let hi = closed.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = closed[mid]!;
    if (date < c.from) hi = mid - 1;
    else if (date > c.to) lo = mid + 1;
    else return c.label;
  }
  return undefined;
}

/**
 * Which (scope, closed period) pairs the restating inputs restate; `scope` is
 * e.g. a partner name. A restating input is a snapshot as of now: from the
 * closed period holding its first row on, it is the truth for the scopes it
 * has rows of (a closed row of theirs that no input holds any more was
 * withdrawn). Closed periods before its first row are left alone: a new
 * year's export does not erase last year.
 */
export class Restated {
  private readonly pairs = new Set<string>();

  /** `firsts`: per input and scope, the first date of its rows. */
  constructor(firsts: Iterable<{ readonly scope: string; readonly from: string }>, closed: readonly Pick<ClosedPeriod, "label" | "from" | "to">[]) {
    for (const s of firsts) for (const c of closed) if (c.to >= s.from) this.pairs.add(`${s.scope}\u0000${c.label}`);
  }

  has(scope: string, period: string): boolean {
    return this.pairs.has(`${scope}\u0000${period}`);
  }
}

/** The first date of the rows per (file, scope): the raw material of Restated. */
export function firstDates<T>(rows: Iterable<T>, file: (r: T) => string, scope: (r: T) => string, date: (r: T) => string): { scope: string; from: string }[] {
  const m = new Map<string, { scope: string; from: string }>();
  for (const r of rows) {
    const k = `${file(r)}\u0000${scope(r)}`;
    const d = date(r);
    const s = m.get(k);
    if (!s) m.set(k, { scope: scope(r), from: d });
    else if (d < s.from) s.from = d;
  }
  return [...m.values()];
}

/** Content key of a staff row (no file or line): two rows with the same key are the same commitment. */
export function staffKey(r: ChargedStaffRow): string {
  return [r.partner, r.period, r.role.trim(), fmtDecimal(r.fte), r.cost ? fmtDecimal(r.cost) : "", r.subsidy ? fmtDecimal(r.subsidy) : ""].join("\u0000");
}

/** Content key of an other cost. */
export const costKey = (c: ChargedCost): string => [c.date, c.description.trim(), fmtDecimal(c.amount)].join("\u0000");

/** Multiset difference by key: items of `a` not matched one-for-one in `b`. */
function minus<T, U>(a: readonly T[], b: readonly U[], keyA: (x: T) => string, keyB: (x: U) => string): T[] {
  const count = new Map<string, number>();
  for (const x of b) count.set(keyB(x), (count.get(keyB(x)) ?? 0) + 1);
  const out: T[] = [];
  for (const x of a) {
    const k = keyA(x);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else out.push(x);
  }
  return out;
}

/** A closed period's staff cost of one SE partner, changed by the current inputs. */
export type StaffCorrection = {
  readonly period: string;
  readonly partner: string;
  /** Rows charged before that the staff exports no longer hold (and restate). */
  readonly removed: readonly ChargedStaffRow[];
  /** Rows the staff exports hold now that were not charged (late or edited rows). */
  readonly added: readonly StaffRow[];
  /** Staff cost of the period as charged until now (restated) and as the inputs say now: delta = now − before. */
  readonly before: Dec;
  readonly now: Dec;
  readonly delta: Dec;
  /** True when the cost-price plan stands in for the partner's staff rows in that period. */
  readonly fromPlan: boolean;
};

/** A closed period's other costs, changed by the current inputs. */
export type CostCorrection = {
  readonly period: string;
  readonly removed: readonly ChargedCost[];
  readonly added: readonly OtherCost[];
  readonly before: Dec;
  readonly now: Dec;
  readonly delta: Dec;
};

/**
 * Staff corrections: for every closed period X and SE partner, the staff cost
 * a close of X would charge with today's rows (rows the exports no longer
 * restate are kept as charged) minus what X was charged, restated. Rounded
 * once per partner and period, as in a close.
 */
export function staffCorrections(
  closed: readonly ClosedPeriod[],
  staff: readonly StaffRow[],
  sePartners: readonly string[],
  restated: Restated,
  plannedFor?: (p: Period) => ReadonlyMap<string, Dec> | undefined,
): StaffCorrection[] {
  const out: StaffCorrection[] = [];
  const se = new Set(sePartners);
  for (const x of closed) {
    const p = parsePeriod(`${x.from}..${x.to}`)!;
    const lines = staffLinesIn(staff.filter((r) => se.has(r.partner)), p);
    const plan = plannedFor?.(p);
    // the partners that took part in X, as closed: a close charges staff only to them (a row of a
    // partner not taking part in X is not charged there, then or now)
    const partners = sePartners.filter((name) => x.position.has(name) || x.staffRows.some((r) => r.partner === name));
    for (const partner of partners) {
      const current = lines.filter((l) => l.row.partner === partner).map((l) => l.row);
      const charged = x.staffRows.filter((r) => r.partner === partner);
      const gone = minus(charged, current, staffKey, staffKey);
      const removed = restated.has(partner, x.label) ? gone : [];
      const kept = gone.filter((r) => !removed.includes(r));
      const added = minus(current, charged, staffKey, staffKey);
      const rows = [...current, ...kept.map((r): StaffRow => ({ kind: "staff", ...r, source: r.source ?? { file: "", line: 0 } }))];
      const inX = staffLinesIn(rows, p);
      const fromPlan = inX.length === 0 && plan?.get(partner) !== undefined;
      const now = fromPlan ? plan!.get(partner)! : roundMoney(sum(inX.map((l) => l.cost)).minus(sum(inX.map((l) => l.subsidy))), MODEL_ROUNDING);
      const before = x.position.get(partner)?.staffCost ?? ZERO;
      if (removed.length === 0 && added.length === 0 && now.equals(before)) continue;
      out.push({ period: x.label, partner, removed, added, before, now, delta: now.minus(before), fromPlan });
    }
  }
  return out;
}

/** Other-cost corrections: each closed period's costs as the inputs say now, minus what was charged (restated). */
export function costCorrections(closed: readonly ClosedPeriod[], costs: readonly OtherCost[], restated: Restated): CostCorrection[] {
  const out: CostCorrection[] = [];
  for (const x of closed) {
    const current = costs.filter((c) => c.date >= x.from && c.date <= x.to);
    const gone = minus(x.costs, current, costKey, costKey);
    const removed = restated.has("", x.label) ? gone : [];
    const added = minus(current, x.costs, costKey, costKey);
    if (removed.length === 0 && added.length === 0) continue;
    const before = x.otherCosts;
    const now = before.plus(sum(added.map((c) => c.amount))).minus(sum(removed.map((c) => c.amount)));
    out.push({ period: x.label, removed, added, before, now, delta: now.minus(before) });
  }
  return out;
}
