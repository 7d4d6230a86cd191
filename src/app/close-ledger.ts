// The close against the period ledger (SPEC §5, issues 5 and 11): which period
// may be closed next, which rows earlier closes already took or the exports
// withdrew, the opening reserve they leave, and the record this close appends.
// I/O-free apart from what callers pass in.
import { dirname, relative } from "node:path";
import type { PriorStatus } from "../domain/classify.js";
import type { CloseCore, CloseResult } from "../domain/close.js";
import type { Reversal } from "../domain/corrections.js";
import { shareFor } from "../domain/invoice.js";
import { error, t, warning, type Issue, type Text } from "../domain/issues.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import { dec, fmtDecimal, sum, ZERO, type Dec } from "../domain/money.js";
import { addDays, periodStartingOn, type Period } from "../domain/period.js";
import { encodeBilled, encodeIds, type BilledRowIn } from "../ledger/billed-rows.js";
import type { ClosedBooks } from "../ledger/books.js";
import { rowFingerprint, rowId, type FingerprintInput } from "../ledger/fingerprint.js";
import { displayPath, type LedgerState } from "../ledger/ledger-file.js";
import type { CorrectionJson, CostJson, LedgerRecord, StaffRowJson } from "../ledger/record.js";
import type { CloseReport, InputFileInfo } from "../report/close-report.js";
import { money } from "../report/format.js";
import { MAX_ISSUES } from "../adapters/csv/read-input.js";

export type LedgerPlan =
  | { readonly ok: true; readonly mode: "new" | "reclose"; readonly base: readonly LedgerRecord[]; readonly existing?: LedgerRecord }
  | { readonly ok: false; readonly exit: 2 | 3; readonly issues: readonly Issue[] };

export type PlanOptions = {
  /** First day of the project (config `start`). */
  readonly start: string;
  /** Latest day any input row speaks of (hours, benefits, staff rows, other costs); undefined: no rows. */
  readonly latest: string | undefined;
  /** Close a period whose last month holds no input data (months without activity). */
  readonly allowEmpty?: boolean;
};

/** "close 2025-Q2 (or 2025-04)": the period that starts on `from`, in the kind asked for and as a month. */
function nextPeriodText(from: string, asked: Period): Text | string {
  const same = periodStartingOn(from, asked.kind);
  const month = periodStartingOn(from, "month");
  return same.label === month.label ? same.label : t("period.or", { period: same.label, other: month.label });
}

/**
 * Decide how P relates to the closed periods (issue 11, safe periods): a
 * re-close of a closed period, or a new close that starts right after the
 * last closed period (the first close starts at the project's start). Any
 * other period is refused (exit 2) naming the one that should come next; so
 * is a new period whose last month holds no input data — the inputs' latest
 * date lies before that month, e.g. `2025` typed for `2025-01` — unless
 * `allowEmpty` (a typo must not close the future).
 */
export function planClose(state: LedgerState, period: Period, opts: PlanOptions): LedgerPlan {
  const idx = state.records.findIndex((r) => r.period === period.label);
  if (idx >= 0) return { ok: true, mode: "reclose", base: state.records.slice(0, idx), existing: state.records[idx]! };
  const last = state.records[state.records.length - 1];
  const source = { file: displayPath(state.path) };
  if (last) {
    const next = addDays(last.to, 1);
    if (period.from !== next) {
      const how = period.to < last.from ? "before" : period.from <= last.to ? "overlaps" : "gap";
      return {
        ok: false,
        exit: 2,
        issues: [
          error(
            "period-not-next",
            { period: `${period.label} (${period.from}..${period.to})`, how, gap: `${next}..${addDays(period.from, -1)}`, last: `${last.period} (${last.from}..${last.to})` },
            {
              source,
              subject: "PERIOD",
              found: period.label,
              hint: t("period-not-next.hint", { next, close: nextPeriodText(next, period), redo: period.to < last.from || period.from <= last.to ? last.period : "", undo: undoCommand(last) }),
            },
          ),
        ],
      };
    }
  } else if (!(period.from <= opts.start && opts.start <= period.to)) {
    return {
      ok: false,
      exit: 2,
      issues: [
        error("period-not-first", { period: `${period.label} (${period.from}..${period.to})`, start: opts.start }, {
          source,
          subject: "PERIOD",
          found: period.label,
          hint: t("period-not-first.hint", { close: nextPeriodText(opts.start, period) }),
        }),
      ],
    };
  }
  if (!opts.allowEmpty && (opts.latest === undefined || period.from > opts.latest)) {
    return {
      ok: false,
      exit: 2,
      issues: [
        error("period-after-inputs", { period: period.label, from: period.from, latest: opts.latest ?? "" }, {
          subject: "PERIOD",
          found: period.label,
          hint: t("period-after-inputs.hint"),
        }),
      ],
    };
  }
  // A period must hold input data in its last month (a typo such as 2025 for 2025-01 must not close the future).
  const lastMonth = lastMonthStart(period);
  if (!opts.allowEmpty && opts.latest !== undefined && opts.latest < lastMonth) {
    const fit = fittingPeriod(period.from, opts.latest);
    return {
      ok: false,
      exit: 2,
      issues: [
        error("period-past-inputs", { period: period.label, from: period.from, to: period.to, latest: opts.latest, month: lastMonth.slice(0, 7) }, {
          subject: "PERIOD",
          found: period.label,
          hint: t("period-past-inputs.hint", { fit }),
        }),
      ],
    };
  }
  return { ok: true, mode: "new", base: state.records };
}

/** First day of a period's last month (its first day when it starts inside that month). */
export function lastMonthStart(period: Period): string {
  const m = `${period.to.slice(0, 7)}-01`;
  return m > period.from ? m : period.from;
}

/** The period from `from` to the end of the month holding `latest`: a year, quarter or month when it is one, else a range. */
export function fittingPeriod(from: string, latest: string): string {
  const to = periodStartingOn(`${latest.slice(0, 7)}-01`, "month").to;
  for (const kind of ["year", "quarter", "month"] as const) {
    const p = periodStartingOn(from, kind);
    if (p.to === to) return p.label;
  }
  return `${from}..${to}`;
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
    warnings.push(...duplicateRowWarnings(file, [...repeated.values()].map((lines) => ({ count: lines.length, lines }))));
  }
  const duplicates = new Set<number>();
  if (counts.size > 1) {
    const seen = new Set<string>();
    ids.forEach((id, i) => (seen.has(id) ? duplicates.add(i) : seen.add(id)));
  }
  return { ids, duplicates, warnings };
}

/** Lines of a group of identical rows that a warning names (the count says how many there are). */
export const DUPLICATE_LINES_SHOWN = 10;

/** One group of identical rows: how many, and the lines of its first rows (at least DUPLICATE_LINES_SHOWN of them when there are as many). */
export type DuplicateGroup = { readonly count: number; readonly lines: readonly number[] };

/**
 * The "identical rows" warnings of one file, one per group of identical rows
 * (in the order its first row was read; `total` groups in all, of which the
 * caller may pass only the first MAX_ISSUES), naming the group's first
 * DUPLICATE_LINES_SHOWN lines. Capped like the reader's warnings
 * (read-input.ts IssueSink): the first MAX_ISSUES groups, then one "N more"
 * line, so an export of many repeated rows holds neither a warning per group
 * nor every line of every group. Both engines (this in-memory one and
 * engine/stream-close.ts) word them here, so they agree byte for byte.
 */
export function duplicateRowWarnings(file: string, groups: readonly DuplicateGroup[], total: number = groups.length): Issue[] {
  const out: Issue[] = [];
  for (const g of groups.slice(0, MAX_ISSUES)) {
    const shown = g.lines.slice(0, DUPLICATE_LINES_SHOWN);
    out.push(
      warning("duplicate-row", { count: g.count }, {
        source: { file, line: shown[0]! },
        found: `lines ${shown.join(", ")}${g.count > shown.length ? ", …" : ""}`,
        hint: t("duplicate-row.hint"),
      }),
    );
  }
  const more = total - Math.min(groups.length, MAX_ISSUES);
  if (more > 0) out.push(warning("more-issues.warnings", { count: more }, { source: { file }, more }));
  return out;
}

export type Identified = { readonly hours: RowIdentity; readonly benefits: RowIdentity };

export function identifyInputs(hours: readonly HourRow[], benefits: readonly BenefitRow[]): Identified {
  return { hours: identify(hours, hoursFp), benefits: identify(benefits, benefitFp) };
}

/** The classification hook for the pure close: closed rows and in-run duplicates. */
export function priorLookup(ids: Identified, books: ClosedBooks): (row: HourRow | BenefitRow, index: number) => PriorStatus | undefined {
  return (row, index) => {
    const id = row.kind === "hours" ? ids.hours : ids.benefits;
    const at = books.rows.get(id.ids[index]!);
    if (at !== undefined) return { status: "already_closed", ownPeriod: books.records[at.record]!.period };
    if (id.duplicates.has(index)) return { status: "duplicate" };
    return undefined;
  };
}

export { findMissing, type MissingRow } from "./withdrawn-rows.js";
import type { MissingRow } from "./withdrawn-rows.js";

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

/** The classified rows of a close computed in memory (closePeriod). */
function rowsHeld(r: Partial<Pick<CloseResult, "hours" | "benefits">>): Pick<CloseResult, "hours" | "benefits"> {
  if (!r.hours || !r.benefits) throw new Error("close-ledger: a close without its rows");
  return { hours: r.hours, benefits: r.benefits };
}

const billedStatus = (s: string): boolean => s === "included" || s === "adjustment";

/** Ids of the rows this close bills (included and late rows), in input order. */
export function billedIds(held: Partial<Pick<CloseResult, "hours" | "benefits">>, ids: Identified): string[] {
  const result = rowsHeld(held);
  const out: string[] = [];
  result.hours.forEach((c, i) => billedStatus(c.status) && out.push(ids.hours.ids[i]!));
  result.benefits.forEach((c, i) => billedStatus(c.status) && out.push(ids.benefits.ids[i]!));
  return out;
}

/** Billed ids per input file (to say which file added rows on a refused re-close). */
export function billedPerFile(held: Partial<Pick<CloseResult, "hours" | "benefits">>, ids: Identified, ledgerPath: string, configDir: string): Record<string, string[]> {
  const result = rowsHeld(held);
  const per = Object.create(null) as Record<string, string[]>; // file names are user data: no prototype
  const names = new Map<string, string>();
  const name = (file: string): string => names.get(file) ?? names.set(file, ledgerRelative(file, ledgerPath, configDir)).get(file)!;
  const add = (file: string, id: string) => (per[name(file)] ??= []).push(id);
  result.hours.forEach((c, i) => billedStatus(c.status) && add(c.row.source.file, ids.hours.ids[i]!));
  result.benefits.forEach((c, i) => billedStatus(c.status) && add(c.row.source.file, ids.benefits.ids[i]!));
  return per;
}

/** A path relative to the ledger's folder (as a record keeps it) as the user writes it: relative to the config's folder. */
export function configRelative(ledgerFile: string, ledgerPath: string, configDir: string): string {
  return relative(configDir, `${dirname(ledgerPath)}/${ledgerFile}`).split("\\").join("/");
}

/** An input's display path (relative to the config) as a path relative to the ledger's folder. */
export function ledgerRelative(displayFile: string, ledgerPath: string, configDir: string): string {
  return relative(dirname(ledgerPath), `${configDir}/${displayFile}`).split("\\").join("/");
}

const staffJson = (r: { partner: string; period: string; role: string; fte: Dec; cost?: Dec; subsidy?: Dec }): StaffRowJson => ({
  partner: r.partner,
  period: r.period,
  role: r.role,
  fte: fmtDecimal(r.fte),
  ...(r.cost !== undefined ? { cost: fmtDecimal(r.cost) } : {}),
  ...(r.subsidy !== undefined ? { subsidy: fmtDecimal(r.subsidy) } : {}),
});
const costJson = (c: { date: string; description: string; amount: Dec }): CostJson => ({ date: c.date, description: c.description, amount: fmtDecimal(c.amount) });

/** The billed rows of this close, with what a later reversal needs (made one at a time, as the encoder reads them). */
function* billedRows(result: Pick<CloseResult, "hours" | "benefits" | "config">, ids: Identified): Iterable<BilledRowIn> {
  for (let i = 0; i < result.hours.length; i++) {
    const c = result.hours[i]!;
    if (!billedStatus(c.status) || !c.rate) continue;
    const r = c.row;
    yield { id: ids.hours.ids[i]!, kind: "hours", necPartner: r.necPartner, date: r.date, candidate: r.candidate, quantity: quantityText(r.hours), price: quantityText(c.rate) };
  }
  for (let i = 0; i < result.benefits.length; i++) {
    const c = result.benefits[i]!;
    if (!billedStatus(c.status)) continue;
    const r = c.row;
    yield { id: ids.benefits.ids[i]!, kind: "benefits", necPartner: r.necPartner, date: r.date, candidate: r.candidate, quantity: quantityText(r.amount), price: quantityText(shareFor(result.config, r.type)), type: r.type };
  }
}

/** Corrections of earlier periods this close made, per corrected period (what later closes restate them with). */
function correctionsJson(r: CloseCore): CorrectionJson[] {
  const periods = new Set<string>();
  const revenue = new Map<string, Dec>();
  for (const inv of r.invoices) {
    for (const l of inv.lines) {
      if (l.kind !== "correction") continue;
      periods.add(l.period);
      revenue.set(l.period, (revenue.get(l.period) ?? ZERO).plus(l.amount));
    }
  }
  for (const c of r.settlement.corrections) periods.add(c.period);
  for (const c of r.staffCorrections) periods.add(c.period);
  for (const c of r.costCorrections) periods.add(c.period);
  return [...periods].sort().map((p) => {
    const cost = r.costCorrections.find((c) => c.period === p);
    const staff = r.staffCorrections.filter((c) => c.period === p);
    return {
      period: p,
      revenue: money(revenue.get(p) ?? ZERO),
      se_partners: r.settlement.corrections.filter((c) => c.period === p).map((c) => ({ name: c.sePartner, share: money(c.share), staff_cost: money(c.staffCost) })),
      other_costs: money(cost?.delta ?? ZERO),
      staff_added: staff.flatMap((s) => s.added.map(staffJson)),
      staff_removed: staff.flatMap((s) => s.removed.map(staffJson)),
      costs_added: (cost?.added ?? []).map(costJson),
      costs_removed: (cost?.removed ?? []).map(costJson),
    };
  });
}

/** The record body for this close (sealed by the caller onto the last base record). */
export function recordBody(
  report: CloseReport,
  ids: Identified,
  reversed: readonly { id: string }[],
  ledgerPath: string,
  configDir: string,
  configCanonical: unknown,
  necPartners: ReadonlyMap<string, readonly string[]> = new Map(),
): Omit<LedgerRecord, "hash" | "prev_hash" | "seq"> {
  const { hours, benefits } = report.result;
  if (!hours || !benefits) throw new Error("recordBody: a close without its rows");
  return { billed: encodeBilled(billedRows({ ...report.result, hours, benefits }, ids)), ...recordBodyBesidesBilled(report, reversed, ledgerPath, configDir, configCanonical, necPartners) };
}

/** Everything of the record body but the billed rows (the streaming close writes those itself). */
export function recordBodyBesidesBilled(
  report: CloseReport,
  reversed: readonly { id: string }[],
  ledgerPath: string,
  configDir: string,
  configCanonical: unknown,
  necPartners: ReadonlyMap<string, readonly string[]> = new Map(),
): Omit<LedgerRecord, "hash" | "prev_hash" | "seq" | "billed"> {
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
    // per hours or benefits file, the NEC partners it held rows of: what a cumulative export restates later (withdrawn-rows.ts)
    inputs: report.inputs.map((f) => {
      const held = necPartners.get(f.file);
      return { kind: f.kind, file: ledgerRelative(f.file, ledgerPath, configDir), sha256: f.sha256, rows: f.rows, ...(held && held.length > 0 ? { nec_partners: [...held] } : {}) };
    }),
    rows: counts,
    reversed: encodeIds(reversed.map((x) => x.id)),
    own: {
      se_partners: r.settlement.partners.filter((p) => p.days > 0).map((p) => ({ name: p.sePartner, days: p.days, share: money(p.own.share), staff_cost: money(p.own.staffCost) })),
      other_costs: money(sum(r.otherCosts.map((c) => c.amount))),
      staff: r.staff.flatMap((s) => s.lines.map((l) => staffJson(l.row))),
      costs: r.otherCosts.map(costJson),
    },
    corrections: correctionsJson(r),
    totals: {
      revenue: money(r.revenue),
      own_revenue: money(r.settlement.ownRevenue),
      invoices: r.invoices.map((i) => ({
        nec_partner: i.necPartner,
        hours: fmtDecimal(i.hours),
        hour_fee: money(i.hourFee),
        benefits: money(i.benefits),
        benefit_fee: money(i.benefitFee),
        corrections: money(i.corrections),
        subtotal: money(i.subtotal),
        vat: money(i.vat),
        total: money(i.total),
        correction_lines: i.lines.flatMap((l) =>
          l.kind === "correction" ? [{ period: l.period, of: l.of, price: fmtDecimal(l.price), quantity: fmtDecimal(l.quantity), amount: money(l.amount) }] : [],
        ),
      })),
      settlement: r.settlement.partners.map((p) => ({
        se_partner: p.sePartner,
        days: p.days,
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

/** Reversals for the domain: withdrawn rows as the pure close takes them. */
export const asReversals = (rows: readonly MissingRow[]): Reversal[] => rows.map(({ id: _id, ...r }) => r);

/** The command that undoes the ledger's last close: with --credit when it issued documents (plain undo is refused then). */
export function undoCommand(last: Pick<LedgerRecord, "issued">): string {
  return (last.issued ?? []).length > 0 ? "menerva ledger undo --credit" : "menerva ledger undo";
}
