// Row totals of a close (issue 15): everything the invoices, corrections,
// candidate detail, row accounting and warnings need from the hours and
// benefit rows, accumulated one classified row at a time in exact scaled
// integers (exact-sum.ts). No row object is kept, except the few late rows a
// close lists one by one. Pure. Both engines feed it — closePeriod with rows
// in memory and the streaming close (src/engine/) — so they agree by
// construction; the classification rules (classify.ts) live in RowClassifier.
import { ROW_STATUSES, type RowCounts, type RowStatus } from "./classify.js";
import type { CandidateDetail } from "./candidates.js";
import { closedPeriodOf, type ClosedPeriod } from "./corrections.js";
import { ExactSum, ExactSums } from "./exact-sum.js";
import { feeSchedule, type FeeLookup } from "./fee-schedule.js";
import { shareFor, type CorrectionItem } from "./invoice.js";
import type { SourceRef } from "./issues.js";
import type { ModelConfig } from "./model.js";
import { D, type Dec } from "./money.js";
import { dayNumber, isoOfDay, periodLabelOf, type Period } from "./period.js";

/** Row status codes: the index in ROW_STATUSES. */
export const S_INCLUDED = 0;
export const S_ADJUSTMENT = 1;
export const S_DEFERRED = 2;
export const S_BEFORE_START = 3;
export const S_ALREADY_CLOSED = 4;
export const S_DUPLICATE = 5;
export const statusCode = (s: RowStatus): number => ROW_STATUSES.indexOf(s);

export type RowKind = "hours" | "benefits";

/**
 * Classification of a row by its date (classify.ts) and the rate of a billed
 * hour (fee-schedule.ts), on day numbers and cached, for the hot path.
 */
export class RowClassifier {
  /** Distinct hourly rates, as the fee schedule gives them; `rate()` returns an index here. */
  readonly rates: Dec[] = [];
  private readonly rateIndex = new Map<string, number>();
  private readonly lookup: FeeLookup;
  private readonly rateCache = new Map<number, number>();
  private readonly labels = new Map<number, string>();
  private readonly start: number;
  private readonly from: number;
  private readonly to: number;

  constructor(
    private readonly config: Pick<ModelConfig, "start" | "hourlyFees" | "necPartners">,
    private readonly period: Period,
    private readonly closed: readonly Pick<ClosedPeriod, "label" | "from" | "to">[],
  ) {
    this.lookup = feeSchedule(config.hourlyFees);
    this.start = dayNumber(config.start);
    this.from = dayNumber(period.from);
    this.to = dayNumber(period.to);
  }

  /** Status code of a row the ledger does not know, by its date (classifyRow). */
  status(day: number): number {
    if (day < this.start) return S_BEFORE_START;
    if (day >= this.from && day <= this.to) return S_INCLUDED;
    if (day > this.to) return S_DEFERRED;
    return S_ADJUSTMENT;
  }

  /** The period a late row corrects: the closed period holding its date, else its calendar period of P's kind. */
  ownPeriod(day: number): string {
    let l = this.labels.get(day);
    if (l === undefined) {
      const date = isoOfDay(day);
      l = closedPeriodOf(this.closed, date) ?? periodLabelOf(date, this.period.kind);
      this.labels.set(day, l);
    }
    return l;
  }

  // rates by day (from the project start) and partner, for the hot path: -2 until looked up
  private readonly rateDays = new Int32Array(366 * 12 * 4).fill(-2);

  /** Index in `rates` of the hourly fee for an NEC partner (config index) on a day; -1 when none applies. */
  rate(nec: number, day: number): number {
    const slot = (day - this.start) * 4 + nec;
    if (nec < 4 && slot >= 0 && slot < this.rateDays.length) {
      const r = this.rateDays[slot]!;
      if (r !== -2) return r;
      return (this.rateDays[slot] = this.lookupRate(nec, day));
    }
    return this.lookupRate(nec, day);
  }

  private lookupRate(nec: number, day: number): number {
    const key = day * 4096 + nec;
    let i = this.rateCache.get(key);
    if (i === undefined) {
      const fee = this.lookup(this.config.necPartners[nec]!, isoOfDay(day));
      if (!fee) i = -1;
      else {
        const k = fee.rate.toFixed();
        i = this.rateIndex.get(k);
        if (i === undefined) {
          i = this.rates.length;
          this.rates.push(fee.rate);
          this.rateIndex.set(k, i);
        }
      }
      this.rateCache.set(key, i);
    }
    return i;
  }
}

/**
 * One classified row, as the totals take it (a caller reuses one object).
 * The quantity (hours or amount) is `m × 10^-s` (a safe integer and a scale
 * below FAST_SCALES), or `big` when it does not fit.
 */
export type RowFacts = {
  kind: RowKind;
  /** Status code (S_…). */
  status: number;
  /** NEC partner: index in config.necPartners. */
  nec: number;
  day: number;
  /** Candidate: the caller's id, named by `names.candidate`. */
  candidate: number;
  m: number;
  s: number;
  big: Dec | undefined;
  /** Hours: index in RowClassifier.rates, -1 when no fee applies. */
  rate: number;
  /** Benefits: index in config.benefitTypes. */
  type: number;
  /** Position among the rows of its kind, in input order (files in config order). */
  pos: number;
  /** Source file: the caller's id, named by `names.file`. */
  file: number;
  line: number;
  /** Adjustments: the closed period corrected. */
  ownPeriod: string | undefined;
};

export const newRowFacts = (): RowFacts => ({ kind: "hours", status: 0, nec: 0, day: 0, candidate: 0, m: 0, s: 0, big: undefined, rate: -1, type: 0, pos: 0, file: 0, line: 0, ownPeriod: undefined });

/** A late row (dated in a closed period, not billed before): listed one by one in the close's corrections. */
export type LateRow = {
  readonly kind: RowKind;
  readonly necPartner: string;
  readonly date: string;
  readonly candidate: string;
  readonly type?: string;
  readonly quantity: Dec;
  /** Hours: the rate of the row's date. Benefits: the share of its type. */
  readonly price: Dec;
  /** The closed period it corrects. */
  readonly period: string;
  readonly source: { readonly file: string; readonly line: number };
};

/** An hour line's raw material: this period's rows of one NEC partner at one rate. */
export type HourGroup = { readonly necPartner: string; readonly rate: Dec; readonly hours: Dec; readonly firstDate: string; readonly lastDate: string; readonly rows: number };
/** This period's benefits of one NEC partner and type. */
export type BenefitGroup = { readonly necPartner: string; readonly type: string; readonly amount: Dec; readonly rows: number };

/** Rows before the project start in one file (one warning per file). */
export type BeforeStart = { readonly file: string; readonly count: number; readonly lines: readonly number[]; readonly first: string; readonly last: string };

export type RowTotalsResult = {
  readonly counts: { readonly hours: RowCounts; readonly benefits: RowCounts };
  readonly hourGroups: readonly HourGroup[];
  readonly benefitGroups: readonly BenefitGroup[];
  /** Late rows aggregated per NEC partner, corrected period and rate or type (correction-line items). */
  readonly lateItems: ReadonlyMap<string, readonly CorrectionItem[]>;
  /** Late rows one by one, hours first, each kind in input order. */
  readonly lateRows: readonly LateRow[];
  /** Detail per candidate (sources left to the caller: rows are not kept). */
  readonly candidates: readonly CandidateDetail[];
  readonly beforeStart: readonly BeforeStart[];
  /** The most decimals of a billed hours value and of a billed amount (at least 2). */
  readonly decimals: { readonly hours: number; readonly amounts: number };
};

type Span = { first: number; last: number; firstPos: number };
type LineAcc = Span & { sum: ExactSum; rows: number };
type LateAcc = { nec: number; kind: RowKind; period: string; price: Dec; type: number; sum: ExactSum; rows: number; first: number; last: number };
type BeforeAcc = { file: number; count: number; lines: { pos: number; line: number }[]; first: number; last: number; order: number };

const LISTED_LINES = 10;

export class RowTotals {
  private readonly counts = { hours: new Float64Array(ROW_STATUSES.length), benefits: new Float64Array(ROW_STATUSES.length) };
  // indexed by rate or type × NEC partner, and by candidate × NEC partner: arrays, not maps, on the hot path
  private readonly hourLines: (LineAcc | undefined)[] = [];
  private readonly benefitLines: (LineAcc | undefined)[] = [];
  private readonly late = new Map<string, LateAcc>();
  private readonly lateRows: (LateRow & { pos: number })[] = [];
  // per candidate and NEC partner (ck = candidate × partners + partner): rows, and sums in slots
  // ck × (1 + types) (hours) and ck × (1 + types) + 1 + type (benefits), flat: a million rows touch them at random
  private candRows = new Float64Array(256);
  private readonly candSums = new ExactSums();
  private readonly before = new Map<number, BeforeAcc>();
  private readonly decimals = { hours: 2, amounts: 2 };
  private readonly necCount: number;
  private readonly typeCount: number;
  private readonly shares: Dec[];

  constructor(
    private readonly config: Pick<ModelConfig, "necPartners" | "benefitTypes" | "benefitShare">,
    private readonly rates: readonly Dec[],
    private readonly names: { candidate(id: number): string; file(id: number): string },
  ) {
    this.necCount = config.necPartners.length;
    this.typeCount = config.benefitTypes.length;
    this.shares = config.benefitTypes.map((t) => shareFor(config, t));
  }

  add(f: RowFacts): void {
    const hours = f.kind === "hours";
    (hours ? this.counts.hours : this.counts.benefits)[f.status]! += 1;
    if (f.status === S_BEFORE_START) return this.beforeStart(f);
    if (f.status !== S_INCLUDED && f.status !== S_ADJUSTMENT) return;
    const scale = f.big === undefined ? f.s : f.big.decimalPlaces();
    if (hours) {
      if (scale > this.decimals.hours) this.decimals.hours = scale;
      // a billed hour without a fee is an input error (no-fee); the close stops there
      if (f.rate < 0) return;
    } else if (scale > this.decimals.amounts) this.decimals.amounts = scale;

    if (f.status === S_INCLUDED) {
      const key = hours ? f.rate * this.necCount + f.nec : f.type * this.necCount + f.nec;
      const list = hours ? this.hourLines : this.benefitLines;
      while (list.length <= key) list.push(undefined);
      let a = list[key];
      if (!a) list[key] = a = { sum: new ExactSum(), rows: 0, first: f.day, last: f.day, firstPos: f.pos };
      addTo(a.sum, f);
      a.rows++;
      if (f.day < a.first) a.first = f.day;
      if (f.day > a.last) a.last = f.day;
      if (f.pos < a.firstPos) a.firstPos = f.pos;
    } else this.lateRow(f);

    const ck = f.candidate * this.necCount + f.nec;
    if (ck >= this.candRows.length) {
      let n = this.candRows.length * 2;
      while (n <= ck) n *= 2;
      const rows = new Float64Array(n);
      rows.set(this.candRows);
      this.candRows = rows;
    }
    this.candRows[ck]!++;
    const slot = ck * (1 + this.typeCount) + (hours ? 0 : 1 + f.type);
    if (f.big === undefined) this.candSums.add(slot, f.m, f.s);
    else this.candSums.addDec(slot, f.big);
  }

  private lateRow(f: RowFacts): void {
    const hours = f.kind === "hours";
    const period = f.ownPeriod ?? "";
    const price = hours ? this.rates[f.rate]! : this.shares[f.type]!;
    const key = `${f.kind}\u0000${f.nec}\u0000${period}\u0000${hours ? f.rate : f.type}`;
    let a = this.late.get(key);
    if (!a) this.late.set(key, (a = { nec: f.nec, kind: f.kind, period, price, type: f.type, sum: new ExactSum(), rows: 0, first: f.day, last: f.day }));
    addTo(a.sum, f);
    a.rows++;
    if (f.day < a.first) a.first = f.day;
    if (f.day > a.last) a.last = f.day;
    this.lateRows.push({
      kind: f.kind,
      necPartner: this.config.necPartners[f.nec]!,
      date: isoOfDay(f.day),
      candidate: this.names.candidate(f.candidate),
      ...(hours ? {} : { type: this.config.benefitTypes[f.type]! }),
      quantity: valueOf(f),
      price,
      period,
      source: { file: this.names.file(f.file), line: f.line },
      pos: f.pos,
    });
  }

  private beforeStart(f: RowFacts): void {
    let b = this.before.get(f.file);
    // files in the order of their first such row: hours files first, each in input order
    const order = (f.kind === "hours" ? 0 : 2 ** 40) + f.pos;
    if (!b) this.before.set(f.file, (b = { file: f.file, count: 0, lines: [], first: f.day, last: f.day, order }));
    b.count++;
    if (order < b.order) b.order = order;
    if (f.day < b.first) b.first = f.day;
    if (f.day > b.last) b.last = f.day;
    // keep the first lines in input order, whatever order the rows arrive in
    if (b.lines.length < LISTED_LINES || f.pos < b.lines[b.lines.length - 1]!.pos) {
      let i = b.lines.length;
      while (i > 0 && b.lines[i - 1]!.pos > f.pos) i--;
      b.lines.splice(i, 0, { pos: f.pos, line: f.line });
      if (b.lines.length > LISTED_LINES) b.lines.pop();
    }
  }

  finish(): RowTotalsResult {
    const { necPartners, benefitTypes } = this.config;
    const counts = (c: Float64Array): RowCounts => Object.fromEntries(ROW_STATUSES.map((s, i) => [s, c[i]!])) as RowCounts;
    const hourGroups: (HourGroup & { firstPos: number })[] = [];
    for (const [key, a] of this.hourLines.entries()) {
      if (!a) continue;
      hourGroups.push({ necPartner: necPartners[key % this.necCount]!, rate: this.rates[Math.floor(key / this.necCount)]!, hours: a.sum.value(), firstDate: isoOfDay(a.first), lastDate: isoOfDay(a.last), rows: a.rows, firstPos: a.firstPos });
    }
    const benefitGroups: BenefitGroup[] = [];
    for (let t = 0; t < this.typeCount; t++) {
      for (let n = 0; n < this.necCount; n++) {
        const a = this.benefitLines[t * this.necCount + n];
        if (a) benefitGroups.push({ necPartner: necPartners[n]!, type: benefitTypes[t]!, amount: a.sum.value(), rows: a.rows });
      }
    }
    const lateItems = new Map<string, CorrectionItem[]>();
    for (const a of this.late.values()) {
      const nec = necPartners[a.nec]!;
      const item: CorrectionItem = {
        of: a.kind,
        period: a.period,
        price: a.price,
        ...(a.kind === "benefits" ? { type: benefitTypes[a.type]! } : {}),
        date: isoOfDay(a.first),
        lastDate: isoOfDay(a.last),
        quantity: a.sum.value(),
        reversal: false,
        rows: a.rows,
      };
      (lateItems.get(nec) ?? lateItems.set(nec, []).get(nec)!).push(item);
    }
    const candidates: CandidateDetail[] = [];
    const slots = 1 + this.typeCount;
    for (let ck = 0; ck < this.candRows.length; ck++) {
      const rows = this.candRows[ck]!;
      if (rows === 0) continue;
      const base = ck * slots;
      candidates.push({
        necPartner: necPartners[ck % this.necCount]!,
        candidate: this.names.candidate(Math.floor(ck / this.necCount)),
        hours: this.candSums.has(base) ? this.candSums.value(base) : new D(0),
        benefits: new Map(benefitTypes.flatMap((t, i) => (this.candSums.has(base + 1 + i) ? [[t, this.candSums.value(base + 1 + i)] as [string, Dec]] : []))),
        rows,
        sources: [] as SourceRef[],
      });
    }
    candidates.sort((x, y) => (x.necPartner === y.necPartner ? (x.candidate < y.candidate ? -1 : x.candidate > y.candidate ? 1 : 0) : x.necPartner < y.necPartner ? -1 : 1));
    const beforeStart = [...this.before.values()]
      .sort((a, b) => a.order - b.order)
      .map((b) => ({ file: this.names.file(b.file), count: b.count, lines: b.lines.map((l) => l.line), first: isoOfDay(b.first), last: isoOfDay(b.last) }));
    const lateRows = this.lateRows.sort((a, b) => (a.kind === b.kind ? a.pos - b.pos : a.kind === "hours" ? -1 : 1)).map(({ pos: _pos, ...r }) => r);
    return {
      counts: { hours: counts(this.counts.hours), benefits: counts(this.counts.benefits) },
      hourGroups: hourGroups.sort((a, b) => a.firstPos - b.firstPos).map(({ firstPos: _f, ...g }) => g),
      benefitGroups,
      lateItems,
      lateRows,
      candidates,
      beforeStart,
      decimals: { ...this.decimals },
    };
  }
}

function addTo(sum: ExactSum, f: RowFacts): void {
  if (f.big === undefined) sum.add(f.m, f.s);
  else sum.addDec(f.big);
}

const POW = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
function valueOf(f: RowFacts): Dec {
  return f.big ?? new D(f.m).div(POW[f.s]!);
}
