// Use case: `menerva ledger verify --inputs` (issue 11). Re-read the config's
// exports and compare them row by row with what the ledger closed: every
// closed row that changed or vanished (with the file:line of its new version
// when there is one), staff rows and other costs too, and the late rows the
// next close will bill. Writes nothing.
import { costCorrections, Restated, firstDates, staffCorrections } from "../domain/corrections.js";
import type { SourceRef } from "../domain/issues.js";
import { fmtDecimal, ZERO, type Dec } from "../domain/money.js";
import { parsePeriod, type Period } from "../domain/period.js";
import { closedPeriodOf } from "../domain/corrections.js";
import { readBooks } from "../ledger/books.js";
import type { LedgerState } from "../ledger/ledger-file.js";
import { plannedStaffFor, type ReadInputs } from "./close.js";
import { identifyInputs, ledgerRelative } from "./close-ledger.js";
import { filePartnersOf, findMissing } from "./withdrawn-rows.js";
import { feeChanges, groupFeeChanges, type FeeChangeGroup } from "./fee-changes.js";

export type RowChange = {
  /** The closed period the row belongs to. */
  readonly period: string;
  readonly kind: "hours" | "benefits" | "staff" | "cost";
  /** changed: a new version is in the exports; vanished: withdrawn by a restating export (reversed by the next close); missing: no export restates it (not reversed). */
  readonly status: "changed" | "vanished" | "missing";
  readonly partner: string;
  /** Row date, or a staff row's period. */
  readonly date: string;
  /** Candidate, role or description. */
  readonly what: string;
  readonly type?: string;
  readonly quantity: string;
  readonly billedIn?: string;
  readonly newVersion?: SourceRef;
};

export type InputsVerdict = {
  readonly changes: readonly RowChange[];
  /** Fees in the config that differ from those closed periods were closed with (closed rows keep theirs; late rows get the new ones). */
  readonly fees: readonly FeeChangeGroup[];
  /** Rows dated in closed periods that no close billed yet (the next close bills them as corrections). */
  readonly late: readonly { readonly period: string; readonly kind: string; readonly source: SourceRef }[];
};

export function verifyInputs(state: LedgerState, inputs: ReadInputs): InputsVerdict {
  const books = readBooks(state.records);
  const ids = identifyInputs(inputs.hours, inputs.benefits);
  const missing = findMissing(books, ids, inputs, filePartnersOf(inputs), inputs.cumulative, (f) => ledgerRelative(f, inputs.config.ledger, inputs.config.dir));
  const changes: RowChange[] = [];
  for (const [list, restated] of [[missing.reversals, true], [missing.unrestated, false]] as const) {
    for (const m of list) {
      changes.push({
        period: m.period,
        kind: m.kind,
        status: !restated ? "missing" : m.newVersion ? "changed" : "vanished",
        partner: m.necPartner,
        date: m.date,
        what: m.candidate,
        ...(m.type !== undefined ? { type: m.type } : {}),
        quantity: fmtDecimal(m.quantity),
        billedIn: m.billedIn,
        ...(m.newVersion ? { newVersion: m.newVersion } : {}),
      });
    }
  }

  const config = inputs.config.model;
  const periods = books.periods;
  const planned = inputs.costPrice
    ? (p: Period): ReadonlyMap<string, Dec> => {
        const plan = plannedStaffFor(inputs.costPrice!, inputs.config, p);
        return new Map(config.sePartners.map((n, i) => [n, plan[i]!]));
      }
    : undefined;
  const staffRestated = new Restated(firstDates(inputs.staff, (r) => r.source.file, (r) => r.partner, (r) => parsePeriod(r.period)?.from ?? ""), periods);
  const late: { period: string; kind: string; source: SourceRef }[] = [];
  for (const s of staffCorrections(periods, inputs.staff, config.sePartners, staffRestated, planned)) {
    for (const a of s.added) if (!s.removed.some((r) => r.period === a.period && r.role.trim() === a.role.trim())) late.push({ period: s.period, kind: "staff", source: a.source });
    for (const r of s.removed) {
      const v = s.added.find((a) => a.period === r.period && a.role.trim() === r.role.trim());
      changes.push({ period: s.period, kind: "staff", status: v ? "changed" : "vanished", partner: s.partner, date: r.period, what: r.role, quantity: fmtDecimal((r.cost ?? ZERO).minus(r.subsidy ?? ZERO)), ...(v ? { newVersion: v.source } : {}) });
    }
  }
  const costRestated = new Restated(firstDates(inputs.otherCosts, (c) => c.source?.file ?? "", () => "", (c) => c.date), periods);
  for (const c of costCorrections(periods, inputs.otherCosts, costRestated)) {
    for (const a of c.added) if (a.source && !c.removed.some((r) => r.date === a.date && r.description.trim() === a.description.trim())) late.push({ period: c.period, kind: "cost", source: a.source });
    for (const r of c.removed) {
      const v = c.added.find((a) => a.date === r.date && a.description.trim() === r.description.trim());
      changes.push({ period: c.period, kind: "cost", status: v ? "changed" : "vanished", partner: "", date: r.date, what: r.description, quantity: fmtDecimal(r.amount), ...(v?.source ? { newVersion: v.source } : {}) });
    }
  }

  const lastTo = state.records[state.records.length - 1]?.to;
  const note = (r: { date: string; source: SourceRef; kind: string }, id: string, dup: boolean) => {
    if (lastTo === undefined || r.date > lastTo || r.date < config.start || books.rows.has(id) || dup) return;
    const period = closedPeriodOf(periods, r.date);
    if (period) late.push({ period, kind: r.kind, source: r.source });
  };
  inputs.hours.forEach((r, i) => note(r, ids.hours.ids[i]!, ids.hours.duplicates.has(i)));
  inputs.benefits.forEach((r, i) => note(r, ids.benefits.ids[i]!, ids.benefits.duplicates.has(i)));
  // a new version of a changed row is listed with its change, not again as a late row
  const versions = new Set(changes.flatMap((c) => (c.newVersion ? [`${c.newVersion.file}:${c.newVersion.line}`] : [])));
  const fees = groupFeeChanges(feeChanges(state.records, config));
  return { changes, fees, late: late.filter((l) => !versions.has(`${l.source.file}:${l.source.line}`)) };
}
