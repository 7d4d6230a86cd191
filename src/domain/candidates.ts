// Detail per candidate: what each placed worker contributed to the close, with
// the source file:line of every row, so any total leads back to its inputs. Pure.
import type { Classified } from "./classify.js";
import type { RatedHours } from "./invoice.js";
import type { SourceRef } from "./issues.js";
import type { BenefitRow } from "./model.js";
import { ZERO, type Dec } from "./money.js";

export type CandidateDetail = {
  readonly necPartner: string;
  readonly candidate: string;
  readonly hours: Dec;
  readonly benefits: ReadonlyMap<string, Dec>;
  readonly rows: number;
  /** The source of every row (the rows' own objects: nothing is copied per row). */
  readonly sources: readonly SourceRef[];
};

export function candidateDetail(hours: readonly RatedHours[], benefits: readonly Classified<BenefitRow>[]): CandidateDetail[] {
  type Acc = { necPartner: string; candidate: string; hours: Dec; benefits: Map<string, Dec>; rows: number; sources: SourceRef[] };
  const acc = new Map<string, Acc>();
  const get = (nec: string, cand: string): Acc => {
    const k = `${nec}\u0000${cand}`;
    let a = acc.get(k);
    if (!a) {
      a = { necPartner: nec, candidate: cand, hours: ZERO, benefits: new Map(), rows: 0, sources: [] };
      acc.set(k, a);
    }
    return a;
  };
  for (const h of hours) {
    const a = get(h.row.necPartner, h.row.candidate);
    a.hours = a.hours.plus(h.row.hours);
    a.rows += 1;
    a.sources.push(h.row.source);
  }
  for (const b of benefits) {
    const a = get(b.row.necPartner, b.row.candidate);
    a.benefits.set(b.row.type, (a.benefits.get(b.row.type) ?? ZERO).plus(b.row.amount));
    a.rows += 1;
    a.sources.push(b.row.source);
  }
  return [...acc.values()].sort((x, y) =>
    x.necPartner === y.necPartner ? (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0) : x.necPartner < y.necPartner ? -1 : 1,
  );
}
