// The closed books as the ledger holds them (issue 11): which rows are closed
// now (billed and not reversed since), what each was billed at, and every
// closed period restated with the corrections later closes made to it. Built
// from the records alone; the close and `ledger verify --inputs` read it.
import type { ChargedCost, ChargedStaffRow, ClosedPeriod, ClosedRow } from "../domain/corrections.js";
import { dec, ZERO, type Dec } from "../domain/money.js";
import { BilledTable, decodeIds } from "./billed-rows.js";
import type { CostJson, LedgerRecord, StaffRowJson } from "./record.js";

export const staffFromJson = (r: StaffRowJson): ChargedStaffRow => ({
  partner: r.partner,
  period: r.period,
  role: r.role,
  fte: dec(r.fte),
  ...(r.cost !== undefined ? { cost: dec(r.cost) } : {}),
  ...(r.subsidy !== undefined ? { subsidy: dec(r.subsidy) } : {}),
});
export const costFromJson = (c: CostJson): ChargedCost => ({ date: c.date, description: c.description, amount: dec(c.amount) });

export type ClosedBooks = {
  readonly records: readonly LedgerRecord[];
  /** Closed periods, oldest first, restated. */
  readonly periods: readonly ClosedPeriod[];
  /** Id of every row closed now → where it was billed (record index, row index). */
  readonly rows: ReadonlyMap<string, { readonly record: number; readonly row: number }>;
  /** The billed rows of each record. */
  readonly tables: readonly BilledTable[];
};

/** The row a closed id stands for, as billed. */
export function closedRow(books: ClosedBooks, at: { record: number; row: number }): ClosedRow & { id: string } {
  const r = books.tables[at.record]!.row(at.row);
  return {
    id: r.id,
    kind: r.kind,
    necPartner: r.necPartner,
    date: r.date,
    candidate: r.candidate,
    quantity: dec(r.quantity),
    price: dec(r.price),
    ...(r.type !== undefined ? { type: r.type } : {}),
    billedIn: books.records[at.record]!.period,
  };
}

/** Remove one item per element of `gone` (by key) from `list`. */
function without<T>(list: T[], gone: readonly T[], key: (x: T) => string): T[] {
  const count = new Map<string, number>();
  for (const g of gone) count.set(key(g), (count.get(key(g)) ?? 0) + 1);
  return list.filter((x) => {
    const n = count.get(key(x)) ?? 0;
    if (n === 0) return true;
    count.set(key(x), n - 1);
    return false;
  });
}

const staffJsonKey = (r: StaffRowJson): string => [r.partner, r.period, r.role, r.fte, r.cost ?? "", r.subsidy ?? ""].join("\u0000");
const costJsonKey = (c: CostJson): string => [c.date, c.description, c.amount].join("\u0000");

export function readBooks(records: readonly LedgerRecord[]): ClosedBooks {
  const tables = records.map((r) => new BilledTable(r.billed));
  const rows = new Map<string, { record: number; row: number }>();
  records.forEach((r, ri) => {
    const t = tables[ri]!;
    // reversals first: a record never reverses a row it bills itself
    for (const id of decodeIds(r.reversed)) rows.delete(id);
    for (let i = 0; i < t.length; i++) rows.set(t.id(i), { record: ri, row: i });
  });

  type Acc = {
    label: string;
    from: string;
    to: string;
    partners: { name: string; weight: number }[];
    position: Map<string, { share: Dec; staffCost: Dec }>;
    otherCosts: Dec;
    staff: StaffRowJson[];
    costs: CostJson[];
  };
  const acc = new Map<string, Acc>();
  for (const r of records) {
    acc.set(r.period, {
      label: r.period,
      from: r.from,
      to: r.to,
      partners: r.own.se_partners.map((p) => ({ name: p.name, weight: p.days })),
      position: new Map(r.own.se_partners.map((p) => [p.name, { share: dec(p.share), staffCost: dec(p.staff_cost) }])),
      otherCosts: dec(r.own.other_costs),
      staff: [...r.own.staff],
      costs: [...r.own.costs],
    });
    for (const c of r.corrections) {
      const x = acc.get(c.period);
      if (!x) continue; // a period no record holds: nothing to restate
      for (const p of c.se_partners) {
        const pos = x.position.get(p.name) ?? { share: ZERO, staffCost: ZERO };
        x.position.set(p.name, { share: pos.share.plus(dec(p.share)), staffCost: pos.staffCost.plus(dec(p.staff_cost)) });
      }
      x.otherCosts = x.otherCosts.plus(dec(c.other_costs));
      x.staff = [...without(x.staff, c.staff_removed, staffJsonKey), ...c.staff_added];
      x.costs = [...without(x.costs, c.costs_removed, costJsonKey), ...c.costs_added];
    }
  }
  const periods: ClosedPeriod[] = [...acc.values()].map((x) => ({
    label: x.label,
    from: x.from,
    to: x.to,
    sePartners: x.partners.map((p) => ({ name: p.name, days: p.weight })),
    position: x.position,
    otherCosts: x.otherCosts,
    staffRows: x.staff.map(staffFromJson),
    costs: x.costs.map(costFromJson),
  }));
  return { records, periods, rows, tables };
}
