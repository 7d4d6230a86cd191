// The classified rows of a close, for the renderers that list them one by one
// (the statement's Detail and Exceptions sheets, the CSV detail and
// exceptions tables). A close computed in memory holds them (closePeriod); the
// streaming close (issue 15) keeps none and reads them again from its row
// store, one at a time, each time a renderer asks.
import type { Classified } from "../domain/classify.js";
import type { SourceRef } from "../domain/issues.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import type { Dec } from "../domain/money.js";
import type { CloseReport } from "./close-report.js";

/** One classified row; billed hours carry the rate of their date. */
export type ClassifiedRow = Classified<HourRow | BenefitRow> & { readonly rate?: Dec };

export type CloseRows = {
  /** Every hours row, then every benefit row, classified, in input order. */
  all(): Iterable<ClassifiedRow>;
  /** Sources of the billed rows per "NEC partner\0candidate" (hours rows first, each kind in input order). */
  sourcesByCandidate(): ReadonlyMap<string, readonly SourceRef[]>;
};

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
