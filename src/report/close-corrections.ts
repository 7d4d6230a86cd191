// The corrections of closed periods in one close, as one list of entries (issue
// 11): late and new rows (with file:line), closed rows reversed (as the ledger
// billed them, with the file:line of their new version when there is one),
// staff rows and other costs added to or removed from a closed period. The
// JSON `adjustments`, the CSV table, the terminal text and the statement's
// Corrections sheet all render this one list.
import type { CloseCore } from "../domain/close.js";
import type { SourceRef } from "../domain/issues.js";
import { ZERO, type Dec } from "../domain/money.js";
import { parsePeriod } from "../domain/period.js";
import { staffShare } from "../domain/staff.js";

export type CorrectionEntry = {
  /** The closed period corrected. */
  readonly period: string;
  /** add: a late row, a new version, a staff row or cost new to the period; reverse: taken back. */
  readonly action: "add" | "reverse";
  readonly kind: "hours" | "benefits" | "staff" | "cost";
  /** NEC partner (hours, benefits), SE partner (staff); "" for costs. */
  readonly partner: string;
  /** Row date; for staff rows their own period ("2025-Q1"). */
  readonly date: string;
  /** Candidate (hours, benefits), role (staff) or description (costs). */
  readonly what: string;
  /** Benefit type. */
  readonly type?: string;
  /**
   * Signed quantity: hours or benefit amount (negative for a reversal); for
   * staff rows the net cost (cost − subsidy) that falls in the period, for
   * costs the amount.
   */
  readonly quantity: Dec;
  /** Rate (hours) or share (benefits) the line is priced at. */
  readonly price?: Dec;
  /** Staff rows: part of the row's period inside the corrected period. */
  readonly share?: { readonly num: Dec; readonly den: number };
  /** Reversals: the close that billed or charged it. */
  readonly billedIn?: string;
  /** add: where the row is now; reverse: where its new version is, if any. */
  readonly source?: SourceRef;
};

const KIND_ORDER = { hours: 0, benefits: 1, staff: 2, cost: 3 } as const;

export function correctionEntries(r: CloseCore): CorrectionEntry[] {
  const out: CorrectionEntry[] = [];
  for (const c of r.lateRows) {
    out.push({ period: c.period, action: "add", kind: c.kind, partner: c.necPartner, date: c.date, what: c.candidate, ...(c.type !== undefined ? { type: c.type } : {}), quantity: c.quantity, price: c.price, source: c.source });
  }
  for (const v of r.reversals) {
    out.push({
      period: v.period,
      action: "reverse",
      kind: v.kind,
      partner: v.necPartner,
      date: v.date,
      what: v.candidate,
      ...(v.type !== undefined ? { type: v.type } : {}),
      quantity: v.quantity.negated(),
      price: v.price,
      billedIn: v.billedIn,
      ...(v.newVersion ? { source: v.newVersion } : {}),
    });
  }
  for (const s of r.staffCorrections) {
    const x = parsePeriod(s.period);
    const net = (row: { cost?: Dec; subsidy?: Dec; period: string }) => {
      const share = x ? staffShare(row.period, x) : { num: ZERO, den: 1 };
      return { share, amount: (row.cost ?? ZERO).minus(row.subsidy ?? ZERO).times(share.num).div(share.den) };
    };
    for (const row of s.removed) {
      const n = net(row);
      out.push({ period: s.period, action: "reverse", kind: "staff", partner: s.partner, date: row.period, what: row.role, quantity: n.amount.negated(), share: n.share });
    }
    for (const row of s.added) {
      const n = net(row);
      out.push({ period: s.period, action: "add", kind: "staff", partner: s.partner, date: row.period, what: row.role, quantity: n.amount, share: n.share, source: row.source });
    }
  }
  for (const c of r.costCorrections) {
    for (const x of c.removed) out.push({ period: c.period, action: "reverse", kind: "cost", partner: "", date: x.date, what: x.description, quantity: x.amount.negated() });
    for (const x of c.added) out.push({ period: c.period, action: "add", kind: "cost", partner: "", date: x.date, what: x.description, quantity: x.amount, ...(x.source ? { source: x.source } : {}) });
  }
  // Stable order: period, kind, partner, date, reversals before additions, then input order.
  return out
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        cmp(a.e.period, b.e.period) ||
        KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind] ||
        cmp(a.e.partner, b.e.partner) ||
        cmp(a.e.date, b.e.date) ||
        (a.e.action === b.e.action ? 0 : a.e.action === "reverse" ? -1 : 1) ||
        a.i - b.i,
    )
    .map((x) => x.e);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
