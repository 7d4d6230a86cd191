// Row accounting (SPEC §5, issue 3): every hours or benefit row gets exactly one
// status for a close of period P. Pure.
import type { BenefitRow, HourRow } from "./model.js";
import { contains, periodLabelOf, type Period } from "./period.js";

export type RowStatus = "included" | "adjustment" | "deferred" | "before_start" | "already_closed";
export const ROW_STATUSES: readonly RowStatus[] = ["included", "adjustment", "deferred", "before_start", "already_closed"];

export type Classified<R> = {
  readonly row: R;
  readonly status: RowStatus;
  /** For adjustments: the period the row belongs to (same kind as P); for already_closed: the close that took it. */
  readonly ownPeriod?: string;
};

/**
 * Classify one row. `closedIn` tells whether the row was already included by a
 * closed period (from the ledger) and which; without a ledger it returns undefined.
 * Order matters: a row already closed is skipped whatever its date.
 */
export function classifyRow<R extends HourRow | BenefitRow>(
  row: R,
  period: Period,
  start: string,
  closedIn?: string,
): Classified<R> {
  if (closedIn !== undefined) return { row, status: "already_closed", ownPeriod: closedIn };
  if (row.date < start) return { row, status: "before_start" };
  if (contains(period, row.date)) return { row, status: "included" };
  if (row.date > period.to) return { row, status: "deferred" };
  return { row, status: "adjustment", ownPeriod: periodLabelOf(row.date, period.kind) };
}

export type RowCounts = Record<RowStatus, number>;

export function emptyCounts(): RowCounts {
  return { included: 0, adjustment: 0, deferred: 0, before_start: 0, already_closed: 0 };
}

export function countStatuses(rows: readonly Classified<unknown>[]): RowCounts {
  const c = emptyCounts();
  for (const r of rows) c[r.status] += 1;
  return c;
}

/** Rows that enter this close's invoices: included now, or late rows as adjustments. */
export const isBilled = (c: Classified<unknown>): boolean => c.status === "included" || c.status === "adjustment";
