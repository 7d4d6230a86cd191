// The classified rows of a close, for the renderers that list them one by one
// (the statement's Detail and Exceptions sheets, the CSV detail and
// exceptions tables). A close computed in memory holds them (closePeriod); the
// streaming close (issue 15) keeps none and reads them again from its row
// store, one at a time, each time a renderer asks. A renderer of a million
// rows walks them with forEachRow: one cursor, refilled row after row, no
// object per row (objects that outlive a few rows fill the heap; see
// row-cursor.ts in src/engine).
import type { Classified, RowStatus } from "../domain/classify.js";
import type { SourceRef } from "../domain/issues.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import type { Dec } from "../domain/money.js";
import { dayNumber } from "../domain/period.js";
import type { CloseReport } from "./close-report.js";

/** One classified row; billed hours carry the rate of their date. */
export type ClassifiedRow = Classified<HourRow | BenefitRow> & { readonly rate?: Dec };

/**
 * One classified row as plain values, refilled for every row by forEachRow:
 * read it inside the visit, copy what you keep.
 */
export type RowCursor = {
  kind: "hours" | "benefits";
  status: RowStatus;
  /** The date as a day number (period.ts dayNumber). */
  day: number;
  necPartner: string;
  candidate: string;
  /** Benefit rows: the benefit type. */
  type: string | undefined;
  /** The hours or the amount, exact, as Decimal#toFixed() writes it ("7.5", "-3", "-0"). */
  quantity: string;
  /** Billed hours with a fee: the rate of their date, as Decimal#toFixed() writes it. */
  rate: string | undefined;
  ownPeriod: string | undefined;
  file: string;
  line: number;
  sheet: string | undefined;
  /** Hours rows: the client, when the export has one. */
  client: string | undefined;
  reference: string | undefined;
};

/** Visit a row; return false to stop. */
export type RowVisit = (row: Readonly<RowCursor>) => boolean | void;

export type CloseRows = {
  /** Every hours row, then every benefit row, classified, in input order. */
  all(): Iterable<ClassifiedRow>;
  /** Sources of the billed rows per "NEC partner\0candidate" (hours rows first, each kind in input order). */
  sourcesByCandidate(): ReadonlyMap<string, readonly SourceRef[]>;
  /** The rows of all(), in its order, with the given statuses only (default all), through one cursor. */
  each?(visit: RowVisit, statuses?: readonly RowStatus[]): void;
};

export const newRowCursor = (): RowCursor => ({
  kind: "hours", status: "included", day: 0, necPartner: "", candidate: "", type: undefined, quantity: "0", rate: undefined,
  ownPeriod: undefined, file: "", line: 0, sheet: undefined, client: undefined, reference: undefined,
});

/** Fill the cursor with a classified row. */
export function fillRowCursor(c: RowCursor, x: ClassifiedRow): RowCursor {
  const r = x.row;
  c.kind = r.kind;
  c.status = x.status;
  c.day = dayNumber(r.date);
  c.necPartner = r.necPartner;
  c.candidate = r.candidate;
  c.type = r.kind === "benefits" ? r.type : undefined;
  c.quantity = (r.kind === "hours" ? r.hours : r.amount).toFixed();
  c.rate = x.rate?.toFixed();
  c.ownPeriod = x.ownPeriod;
  c.file = r.source.file;
  c.line = r.source.line;
  c.sheet = r.source.sheet;
  c.client = r.kind === "hours" ? r.client : undefined;
  c.reference = r.reference;
  return c;
}

/** Every row of `rows` (with the given statuses) through one cursor: the rows' own walk when they have one. */
export function forEachRow(rows: CloseRows, visit: RowVisit, statuses?: readonly RowStatus[]): void {
  if (rows.each) return rows.each(visit, statuses);
  const c = newRowCursor();
  for (const x of rows.all()) {
    if (statuses && !statuses.includes(x.status)) continue;
    if (visit(fillRowCursor(c, x)) === false) return;
  }
}

export const candidateKey = (necPartner: string, candidate: string): string => `${necPartner}\u0000${candidate}`;

export const isBilledStatus = (s: string): boolean => s === "included" || s === "adjustment";

/** The rows of a report: its own store, or the rows its result holds. */
export function closeRows(report: Pick<CloseReport, "result" | "rows">): CloseRows {
  if (report.rows) return report.rows;
  const r = report.result;
  if (!r.hours || !r.benefits) throw new Error("closeRows: a close without rows and without a row store");
  const hours = r.hours;
  const benefits = r.benefits;
  return {
    *all() {
      yield* hours;
      yield* benefits;
    },
    sourcesByCandidate() {
      const m = new Map<string, SourceRef[]>();
      for (const c of r.candidates) m.set(candidateKey(c.necPartner, c.candidate), [...c.sources]);
      return m;
    },
  };
}
