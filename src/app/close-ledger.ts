// The close against the period ledger (SPEC §5, issue 5): which earlier closes
// count, which rows they already took, the opening reserve they leave, and the
// record this close appends. I/O-free apart from what callers pass in.
import { dirname, relative } from "node:path";
import type { PriorStatus } from "../domain/classify.js";
import type { CloseResult } from "../domain/close.js";
import { error, warning, type Issue, type SourceRef } from "../domain/issues.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import { dec, fmtDecimal, type Dec } from "../domain/money.js";
import type { Period } from "../domain/period.js";
import { rowFingerprint, rowId, type FingerprintInput } from "../ledger/fingerprint.js";
import { closedFingerprints, displayPath, type LedgerState } from "../ledger/ledger-file.js";
import type { LedgerRecord } from "../ledger/record.js";
import type { CloseReport, InputFileInfo } from "../report/close-report.js";
import { money } from "../report/format.js";

export type LedgerPlan =
  | { readonly ok: true; readonly mode: "new" | "reclose"; readonly base: readonly LedgerRecord[]; readonly existing?: LedgerRecord }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Decide how P relates to the closed periods: a new close after the last one,
 * a re-close of a closed period (checked against its record), or a refusal
 * (P before or overlapping the last closed period).
 */
export function planClose(state: LedgerState, period: Period): LedgerPlan {
  const idx = state.records.findIndex((r) => r.period === period.label);
  if (idx >= 0) return { ok: true, mode: "reclose", base: state.records.slice(0, idx), existing: state.records[idx]! };
  const last = state.records[state.records.length - 1];
  if (last && period.from <= last.to) {
    const before = period.to < last.from;
    return {
      ok: false,
      issues: [
        error("close-out-of-order", `${period.label} (${period.from}..${period.to}) ${before ? "comes before" : "overlaps"} the last closed period ${last.period} (${last.from}..${last.to})`, {
          source: { file: displayPath(state.path), line: last.seq }, // record n is on line n
          hint: `closes go forward in time: close a period starting after ${last.to}; late rows of earlier periods are picked up there as adjustments (to redo ${last.period}, run the same close with --reopen)`,
        }),
      ],
    };
  }
  return { ok: true, mode: "new", base: state.records };
}

// The readers share one Decimal per distinct cell text, so its text form is cached per instance.
const decimalText = new WeakMap<Dec, string>();
function quantityText(x: Dec): string {
  let t = decimalText.get(x);
  if (t === undefined) decimalText.set(x, (t = fmtDecimal(x)));
  return t;
}

const hoursFp = (r: HourRow): FingerprintInput => ({
  kind: "hours",
  date: r.date,
  partner: r.necPartner,
  candidate: r.candidate,
  quantity: quantityText(r.hours),
  ...(r.reference ? { reference: r.reference } : {}),
});
const benefitFp = (r: BenefitRow): FingerprintInput => ({
  kind: "benefits",
  date: r.date,
  partner: r.necPartner,
  candidate: r.candidate,
  quantity: quantityText(r.amount),
  type: r.type,
  ...(r.reference ? { reference: r.reference } : {}),
});

export type RowIdentity = {
  /** Occurrence-aware id per row, in the order of the rows given. */
  readonly ids: readonly string[];
  /** Index of rows whose id an earlier file of this run already had. */
  readonly duplicates: ReadonlySet<number>;
  readonly warnings: readonly Issue[];
};

/**
 * Identify rows per file (identical rows inside one export stay separate rows:
 * occurrence 0, 1, 2 …); the same row in two exports is one row, so a later
 * file's copy is a duplicate. One pass, no per-row wrapper objects: this runs
 * over every input row.
 */
export function identify<R extends HourRow | BenefitRow>(rows: readonly R[], fp: (r: R) => FingerprintInput): RowIdentity {
  const ids: string[] = new Array(rows.length);
  const counts = new Map<string, Map<string, number>>(); // file → fingerprint → occurrences so far
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let perFile = counts.get(row.source.file);
    if (!perFile) counts.set(row.source.file, (perFile = new Map()));
    const f = rowFingerprint(fp(row));
    const n = perFile.get(f) ?? 0;
    perFile.set(f, n + 1);
    ids[i] = rowId(f, n);
  }
  const warnings: Issue[] = [];
  for (const [file, perFile] of counts) {
    const repeated = new Map<string, number[]>();
    for (const [f, n] of perFile) if (n > 1) repeated.set(f, []);
    if (repeated.size === 0) continue;
    rows.forEach((r, i) => r.source.file === file && repeated.get(ids[i]!.slice(0, ids[i]!.indexOf("#")))?.push(r.source.line));
    for (const lines of repeated.values()) {
      warnings.push(
        warning("duplicate-row", `${lines.length} identical rows; each is counted as a separate row`, {
          source: { file, line: lines[0]! },
          found: `lines ${lines.join(", ")}`,
          hint: "if the export repeats a row by mistake, remove the extra copy and run again",
        }),
      );
    }
  }
  const duplicates = new Set<number>();
  if (counts.size > 1) {
    const seen = new Set<string>();
    ids.forEach((id, i) => (seen.has(id) ? duplicates.add(i) : seen.add(id)));
  }
  return { ids, duplicates, warnings };
}

export type Identified = { readonly hours: RowIdentity; readonly benefits: RowIdentity };

export function identifyInputs(hours: readonly HourRow[], benefits: readonly BenefitRow[]): Identified {
  return { hours: identify(hours, hoursFp), benefits: identify(benefits, benefitFp) };
}

/** The classification hook for the pure close: closed rows and in-run duplicates. */
export function priorLookup(ids: Identified, base: readonly LedgerRecord[]): (row: HourRow | BenefitRow, index: number) => PriorStatus | undefined {
  const closed = closedFingerprints({ path: "", records: [...base] });
  return (row, index) => {
    const id = row.kind === "hours" ? ids.hours : ids.benefits;
    const closedIn = closed.get(id.ids[index]!);
    if (closedIn !== undefined) return { status: "already_closed", ownPeriod: closedIn };
    if (id.duplicates.has(index)) return { status: "duplicate" };
    return undefined;
  };
}

/** Reserve history for the statement, from the records before this close. */
export function reserveHistory(base: readonly LedgerRecord[]): CloseReport["reserveHistory"] {
  return base.map((r) => {
    const res = (r.totals["reserve"] ?? {}) as Record<string, string>;
    return {
      period: r.period,
      opening: dec(r.opening_reserve),
      retained: dec(res["retained"] ?? "0"),
      otherCosts: dec(res["other_costs"] ?? "0"),
      reservePayments: dec(res["reserve_payments"] ?? "0"),
      closing: dec(r.closing_reserve),
    };
  });
}

/** Ids of the rows this close bills (included and adjustments). */
export function includedIds(result: CloseResult, ids: Identified): string[] {
  const out: string[] = [];
  result.hours.forEach((c, i) => (c.status === "included" || c.status === "adjustment") && out.push(ids.hours.ids[i]!));
  result.benefits.forEach((c, i) => (c.status === "included" || c.status === "adjustment") && out.push(ids.benefits.ids[i]!));
  return out;
}

/** Included ids per input file (to say which file added rows on a refused re-close). */
export function includedPerFile(result: CloseResult, ids: Identified, ledgerPath: string, configDir: string): Record<string, string[]> {
  const per = Object.create(null) as Record<string, string[]>; // file names are user data: no prototype
  const names = new Map<string, string>();
  const name = (file: string): string => names.get(file) ?? names.set(file, ledgerRelative(file, ledgerPath, configDir)).get(file)!;
  const add = (file: string, id: string) => (per[name(file)] ??= []).push(id);
  result.hours.forEach((c, i) => (c.status === "included" || c.status === "adjustment") && add(c.row.source.file, ids.hours.ids[i]!));
  result.benefits.forEach((c, i) => (c.status === "included" || c.status === "adjustment") && add(c.row.source.file, ids.benefits.ids[i]!));
  return per;
}

/** An input's display path (relative to the config) as a path relative to the ledger's folder. */
export function ledgerRelative(displayFile: string, ledgerPath: string, configDir: string): string {
  return relative(dirname(ledgerPath), `${configDir}/${displayFile}`).split("\\").join("/");
}

/** The record body for this close (sealed by the caller onto the last base record). */
export function recordBody(report: CloseReport, included: readonly string[], files: readonly InputFileInfo[], ledgerPath: string, configDir: string, configCanonical: unknown): Omit<LedgerRecord, "hash" | "prev_hash" | "seq"> {
  const r = report.result;
  const res = r.settlement.reserve;
  const counts: Record<string, number> = {};
  for (const kind of ["hours", "benefits"] as const) for (const [s, n] of Object.entries(r.rows[kind])) counts[`${kind}.${s}`] = n;
  return {
    period: r.period.label,
    from: r.period.from,
    to: r.period.to,
    policy: { profit: r.config.profit, shortfall: r.config.shortfall },
    config_sha256: report.configSha256,
    config: configCanonical,
    inputs: files.map((f) => ({ kind: f.kind, file: ledgerRelative(f.file, ledgerPath, configDir), sha256: f.sha256, rows: f.rows })),
    rows: counts,
    included: [...included],
    totals: {
      revenue: money(r.revenue),
      invoices: r.invoices.map((i) => ({ nec_partner: i.necPartner, hours: fmtDecimal(i.hours), benefits: money(i.benefits), subtotal: money(i.subtotal), vat: money(i.vat), total: money(i.total) })),
      settlement: r.settlement.partners.map((p) => ({
        se_partner: p.sePartner,
        share: money(p.share),
        staff_cost: money(p.staffCost),
        covered: money(p.covered),
        retained: money(p.retained),
        distributed: money(p.distributed),
        reserve_payment: money(p.reservePayment),
        uncovered: money(p.uncovered),
      })),
      reserve: { opening: money(res.opening), retained: money(res.retained), other_costs: money(res.otherCosts), reserve_payments: money(res.reservePayments), closing: money(res.closing) },
    },
    opening_reserve: money(res.opening),
    closing_reserve: money(res.closing),
  };
}

/**
 * Other costs and staff rows are charged in the period that holds their date;
 * one that falls in an earlier period no close covered (a skipped month, or a
 * row added after its month was closed) would never be charged: warn about it.
 */
export function uncoveredItemWarnings(
  items: readonly { readonly what: string; readonly from: string; readonly to: string; readonly source?: SourceRef }[],
  base: readonly LedgerRecord[],
  period: Period,
  start: string,
): Issue[] {
  const closed = (d: string) => base.some((r) => d >= r.from && d <= r.to);
  return items
    .filter((i) => i.to < period.from && i.to >= start && !closed(i.from) && !closed(i.to))
    .map((i) =>
      warning("not-charged", `${i.what} (${i.from === i.to ? i.from : `${i.from}..${i.to}`}) lies before ${period.label} in no closed period: it is not charged by this or any later close`, {
        ...(i.source ? { source: i.source } : {}),
        hint: "close the period it belongs to first, or book it again dated in this period",
      }),
    );
}
