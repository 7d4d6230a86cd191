// Fees that changed for closed periods (QA report 1 #9): the config's hourly
// fee for a date inside a closed period, or its benefit share, differs from
// the one in the config that period was closed with (the ledger record keeps
// its canonical config). Closed rows keep the rate or share they were billed
// at (the ledger keeps it; a reversal uses it); late rows of that period are
// billed at the config's rate for their date now. That is never silent: the
// close warns when the change is new since the last close or when it bills
// late rows at the changed fee, and `ledger verify --inputs` lists every such
// difference. I/O-free.
import { feeSchedule, type FeeLookup } from "../domain/fee-schedule.js";
import { shareFor } from "../domain/invoice.js";
import { t, warning, type Issue, type SourceRef, type Text } from "../domain/issues.js";
import type { BenefitRow, HourlyFee, HourRow, ModelConfig } from "../domain/model.js";
import { dec, type Dec } from "../domain/money.js";
import { addDays } from "../domain/period.js";
import type { LedgerRecord } from "../ledger/record.js";
import { nameKey } from "../schema/partner-names.js";

/** One difference: a fee (per NEC partner, for a run of days) or a benefit share (per type) of a closed period. */
export type FeeChange = {
  readonly period: string;
  readonly kind: "hours" | "benefits";
  /** Hours: the NEC partner; benefits: the benefit type. */
  readonly who: string;
  /** Hours: the days of the period the difference covers. */
  readonly from: string;
  readonly to: string;
  /** Undefined: no fee applied (then, or now). */
  readonly closed: Dec | undefined;
  readonly now: Dec | undefined;
  /** The config entry that gives the fee now (hours). */
  readonly source?: SourceRef;
};

type Fees = { readonly rate: FeeLookup; readonly share: (type: string) => Dec | undefined };

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const decOf = (v: unknown): Dec | undefined => {
  if (typeof v !== "string") return undefined;
  try {
    return dec(v);
  } catch {
    return undefined;
  }
};

/** The fees of a record's canonical config; undefined when the record keeps no config (or an unreadable one). */
function recordFees(config: unknown, necPartners: readonly string[]): Fees | undefined {
  if (!isMap(config) || !isMap(config.fees) || !Array.isArray(config.fees.hourly)) return undefined;
  const spelling = new Map(necPartners.map((p) => [nameKey(p), p]));
  const hourly: HourlyFee[] = [];
  for (const f of config.fees.hourly) {
    const rate = isMap(f) ? decOf(f.rate) : undefined;
    if (!isMap(f) || typeof f.from !== "string" || rate === undefined) return undefined;
    const nec = typeof f.nec_partner === "string" ? (spelling.get(nameKey(f.nec_partner)) ?? f.nec_partner) : undefined;
    hourly.push({ from: f.from, rate, ...(nec !== undefined ? { necPartner: nec } : {}) });
  }
  const s = config.fees.benefit_share;
  const share = (type: string): Dec | undefined => (isMap(s) ? (Object.hasOwn(s, type) ? decOf(s[type]) : undefined) : decOf(s));
  return { rate: feeSchedule(hourly), share };
}

const configFees = (config: ModelConfig): Fees => ({ rate: feeSchedule(config.hourlyFees), share: (t) => shareFor(config, t) });
const same = (a: Dec | undefined, b: Dec | undefined): boolean => (a === undefined ? b === undefined : b !== undefined && a.equals(b));

/** Every difference between the config's fees and those each closed period was closed with. */
export function feeChanges(records: readonly LedgerRecord[], config: ModelConfig): FeeChange[] {
  const now = configFees(config);
  const out: FeeChange[] = [];
  for (const r of records) {
    const then = recordFees(r.config, config.necPartners);
    if (!then) continue;
    for (const nec of config.necPartners) {
      let run: { from: string; to: string; closed: Dec | undefined; now: Dec | undefined; source?: SourceRef } | undefined;
      const flush = () => {
        if (run) out.push({ period: r.period, kind: "hours", who: nec, ...run });
        run = undefined;
      };
      for (let d = r.from; d <= r.to; d = addDays(d, 1)) {
        const a = then.rate(nec, d)?.rate;
        const fee = now.rate(nec, d);
        const b = fee?.rate;
        if (same(a, b)) {
          flush();
          continue;
        }
        if (run && same(run.closed, a) && same(run.now, b)) run.to = d;
        else {
          flush();
          run = { from: d, to: d, closed: a, now: b, ...(fee?.source ? { source: fee.source } : {}) };
        }
      }
      flush();
    }
    for (const type of config.benefitTypes) {
      const a = then.share(type);
      const b = now.share(type);
      if (!same(a, b)) out.push({ period: r.period, kind: "benefits", who: type, from: r.from, to: r.to, closed: a, now: b });
    }
  }
  return out;
}

const text = (x: Dec | undefined): string => (x === undefined ? "none" : x.toFixed(Math.max(2, x.decimalPlaces())));

/** Differences with the same fee then and now, over the closed periods they touch. */
export type FeeChangeGroup = {
  readonly kind: "hours" | "benefits";
  /** Hours: the NEC partners; benefits: the benefit types. */
  readonly who: readonly string[];
  readonly closed: Dec | undefined;
  readonly now: Dec | undefined;
  readonly periods: readonly string[];
  /** Hours: the runs of days ("2025-01-01..2025-01-31"), merged where they touch. */
  readonly days: readonly string[];
  readonly first: string;
  readonly last: string;
  readonly source?: SourceRef;
  readonly changes: readonly FeeChange[];
};

export function groupFeeChanges(changes: readonly FeeChange[]): FeeChangeGroup[] {
  const groups = new Map<string, FeeChange[]>();
  for (const c of changes) {
    const k = [c.kind, c.who, text(c.closed), text(c.now)].join("\u0000");
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(c);
  }
  const byWho = [...groups.values()].map((cs) => {
    const runs: { from: string; to: string }[] = [];
    for (const c of cs) {
      const prev = runs[runs.length - 1];
      if (prev && addDays(prev.to, 1) === c.from) prev.to = c.to;
      else runs.push({ from: c.from, to: c.to });
    }
    const c0 = cs[0]!;
    return {
      kind: c0.kind,
      who: [c0.who],
      closed: c0.closed,
      now: c0.now,
      periods: [...new Set(cs.map((c) => c.period))],
      days: runs.map((r) => (r.from === r.to ? r.from : `${r.from}..${r.to}`)),
      first: runs[0]!.from,
      last: runs[runs.length - 1]!.to,
      ...(cs.find((c) => c.source)?.source ? { source: cs.find((c) => c.source)!.source! } : {}),
      changes: cs,
    };
  });
  // the same difference for several partners (a general rate) is one group
  const merged = new Map<string, FeeChangeGroup>();
  for (const g of byWho) {
    const k = [g.kind, text(g.closed), text(g.now), g.periods.join(","), g.days.join(",")].join("\u0000");
    const m = merged.get(k);
    merged.set(k, m ? { ...m, who: [...m.who, ...g.who], changes: [...m.changes, ...g.changes] } : g);
  }
  return [...merged.values()];
}

/** A fee as a message shows it: its decimal text (at least two decimals), or the words for none. */
const shown = (x: Dec | undefined): string | Text => (x === undefined ? t("fee-change.none") : text(x));

/** One line saying what differs and what it means. */
export function feeChangeText(g: FeeChangeGroup): Text {
  const p = { who: g.who, periods: g.periods, now: shown(g.now), closed: shown(g.closed) };
  return g.kind === "hours" ? t("fee-change.hours", { ...p, days: g.days.join(", ") }) : t("fee-change.benefits", p);
}

/**
 * The close's warnings: a difference that is new since the last close (the
 * last record's config still gave the closed fee), or one this close bills
 * late rows at (`late`: the rows it bills as corrections of closed periods).
 */
export function feeChangeWarnings(changes: readonly FeeChange[], last: LedgerRecord | undefined, config: ModelConfig, late: { readonly hours: readonly HourRow[]; readonly benefits: readonly BenefitRow[] }): Issue[] {
  const before = last ? recordFees(last.config, config.necPartners) : undefined;
  // new since the last close: the config that close ran with still gave what the period was closed with
  const fresh = (c: FeeChange): boolean => !before || (c.kind === "hours" ? same(before.rate(c.who, c.from)?.rate, c.closed) : same(before.share(c.who), c.closed));
  const lateIn = (c: FeeChange): number =>
    c.kind === "hours"
      ? late.hours.filter((r) => r.necPartner === c.who && r.date >= c.from && r.date <= c.to).length
      : late.benefits.filter((r) => r.type === c.who && r.date >= c.from && r.date <= c.to).length;
  const out: Issue[] = [];
  for (const g of groupFeeChanges(changes.filter((c) => fresh(c) || lateIn(c) > 0))) {
    const lateRows = g.changes.reduce((a, c) => a + lateIn(c), 0);
    out.push(
      warning("fee-differs-from-close", { change: feeChangeText(g), late: lateRows }, {
        ...(g.source ? { source: g.source } : {}),
        subject: g.kind === "hours" ? "fees.hourly" : "fees.benefit_share",
        hint: g.kind === "hours" ? t("fee-differs-from-close.hint-hours", { last: g.last }) : t("fee-differs-from-close.hint-benefits"),
      }),
    );
  }
  return out;
}
