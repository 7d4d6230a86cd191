// Row accounting (SPEC §5, issue 3): every hours or benefit row gets exactly one
// status for a close of period P. Pure.
import type { BenefitRow, HourRow } from "./model.js";
import { contains, periodLabelOf, type Period } from "./period.js";

export type RowStatus = "included" | "adjustment" | "deferred" | "before_start" | "already_closed" | "duplicate";
export const ROW_STATUSES: readonly RowStatus[] = ["included", "adjustment", "deferred", "before_start", "already_closed", "duplicate"];

/**
 * What the ledger knows of a row before its date is looked at:
 * `already_closed` — a closed period included it (skipped, counted);
 * `duplicate` — the same row was read from another, overlapping export in this run.
 */
export type PriorStatus = { readonly status: "already_closed" | "duplicate"; readonly ownPeriod?: string };

export type Classified<R> = {
  readonly row: R;
  readonly status: RowStatus;
  /** For adjustments: the period the row belongs to (same kind as P); for already_closed: the close that took it. */
  readonly ownPeriod?: string;
};

/**
 * Classify one row. `prior` says whether the ledger already closed the row (and
 * in which period) or this run already read it from another export.
 * Order matters: a row already closed is skipped whatever its date.
 */
export function classifyRow<R extends HourRow | BenefitRow>(row: R, period: Period, start: string, prior?: PriorStatus): Classified<R> {
  if (prior !== undefined) return { row, status: prior.status, ...(prior.ownPeriod ? { ownPeriod: prior.ownPeriod } : {}) };
  if (row.date < start) return { row, status: "before_start" };
  if (contains(period, row.date)) return { row, status: "included" };
  if (row.date > period.to) return { row, status: "deferred" };
  return { row, status: "adjustment", ownPeriod: periodLabelOf(row.date, period.kind) };
}

export type RowCounts = Record<RowStatus, number>;

export function emptyCounts(): RowCounts {
  return { included: 0, adjustment: 0, deferred: 0, before_start: 0, already_closed: 0, duplicate: 0 };
}

export function countStatuses(rows: readonly Classified<unknown>[]): RowCounts {
  const c = emptyCounts();
  for (const r of rows) c[r.status] += 1;
  return c;
}

/** Rows that enter this close's invoices: included now, or late rows as adjustments. */
export const isBilled = (c: Classified<unknown>): boolean => c.status === "included" || c.status === "adjustment";
