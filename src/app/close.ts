// Use case: close a period. Read config and every export (all problems of the
// run collected at once), run the pure close, build the report. No writing
// here: the caller decides what to write (validate writes nothing).
import { readBenefitsFile, readCostsFile, readHoursFile, readStaffFile, type InputFileResult, type ReadContext } from "../adapters/csv/read-input.js";
import { loadConfig, type LoadedConfig, type ResolvedInput } from "../adapters/config-file.js";
import { closeFromTotals, closePeriod, type CloseCore, type CloseInput } from "../domain/close.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import type { LedgerRecord } from "../ledger/record.js";
import type { EngineTuning, StreamedRows } from "../engine/stream-close.js";
import { closeRows, type ClassifiedRow, type CloseRows } from "../report/close-rows.js";
import { error, fail, ok, quote, t, type Issue, type Result } from "../domain/issues.js";
import { nameKey, namesByKey } from "../schema/partner-names.js";
import type { OtherCost } from "../domain/model.js";
import { MODEL_ROUNDING, roundMoney, type Dec } from "../domain/money.js";
import { plannedStaffCost } from "../domain/costprice/index.js";
import type { CostPrice } from "../domain/costprice/types.js";
import { monthsOf, parsePeriod, PERIOD_HINT, type Period } from "../domain/period.js";
import { membershipIssues } from "../domain/partners.js";
import { missingBuyers } from "../domain/invoicing/buyers.js";
import type { ClosedPeriod, Reversal } from "../domain/corrections.js";
import type { CloseReport, InputFileInfo } from "../report/close-report.js";
import { closeFigureProblems } from "./close-figures.js";

export type ReadInputs = {
  readonly config: LoadedConfig;
  /** Undefined when only validating the inputs. */
  readonly period: Period | undefined;
  readonly hours: CloseInput["hours"];
  readonly benefits: CloseInput["benefits"];
  readonly staff: CloseInput["staff"];
  readonly otherCosts: readonly OtherCost[];
  readonly files: readonly InputFileInfo[];
  readonly warnings: readonly Issue[];
  /** The cost-price file of `staff_cost:`, when the config names one. */
  readonly costPrice?: CostPrice;
  /** Display paths of the restating exports (`cumulative: true`). */
  readonly cumulative: ReadonlySet<string>;
  /** Latest day any input row speaks of: hours, benefits, staff rows (last day of their period), other costs; undefined when there are none. */
  readonly latest: string | undefined;
  /**
   * The streaming close (issue 15): hours and benefits were not loaded into
   * `hours`/`benefits` (left empty) but read, classified against the closed
   * books of `base` and totalled; the rows wait in a row store.
   */
  readonly streamed?: StreamedInputs;
};

export type StreamedInputs = {
  readonly rows: StreamedRows;
  /** The ledger records the rows were classified against (the closed books). */
  readonly base: { readonly count: number; readonly lastHash: string };
};

/** How the streaming close reads: against which closed books. */
export type StreamOptions = {
  /** The records whose books classify the rows (a snapshot; the close checks it under its lock). */
  readonly base: (period: Period | undefined, config: LoadedConfig) => Promise<readonly LedgerRecord[]>;
  readonly threads?: number;
  readonly tuning?: EngineTuning;
  /** Called once the first export's chunks are with the workers (stream-close.ts). */
  readonly whileReading?: () => void;
};

/**
 * Planned net staff cost per SE partner for P (config order), rounded once per
 * partner: the cost-price plan for the months from the project start to the
 * end of P, minus the plan up to the start of P (so yearly indexation applies).
 */
export function plannedStaffFor(costPrice: CostPrice, config: LoadedConfig, period: Period): Dec[] {
  const index = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  const k = Math.max(0, index(period.from) - index(config.model.start)); // months of the project before P
  const n = monthsOf(period).length;
  return config.model.sePartners.map((p) => roundMoney(plannedStaffCost(costPrice, p, k + n).minus(plannedStaffCost(costPrice, p, k)), MODEL_ROUNDING));
}

/**
 * Load the config, parse the period (if given) and read every input; collect
 * all problems. With `stream` (and a period), hours and benefits are read by
 * the streaming engine instead of into memory (src/engine/).
 */
export async function readCloseInputs(configPath: string, periodText?: string, stream?: StreamOptions): Promise<Result<ReadInputs>> {
  const loaded = await loadConfig(configPath);
  const period = periodText === undefined ? undefined : parsePeriod(periodText);
  const periodIssue =
    periodText === undefined || period
      ? []
      : [error("bad-period", {}, { subject: "PERIOD", found: periodText, hint: PERIOD_HINT })];
  if (!loaded.ok || periodIssue.length > 0) return fail([...periodIssue, ...(loaded.ok ? [] : loaded.issues)]);
  const config = loaded.value;
  const ctx = (spec: ResolvedInput["spec"]): ReadContext => ({
    sePartners: config.model.sePartners,
    necPartners: config.model.necPartners,
    benefitTypes: config.model.benefitTypes,
    overrides: {
      ...(spec.decimal ? { decimal: spec.decimal } : {}),
      ...(spec.encoding ? { encoding: spec.encoding } : {}),
      ...(spec.delimiter ? { delimiter: spec.delimiter } : {}),
      ...(spec.sheet ? { sheet: spec.sheet } : {}),
    },
  });
  const read = <R>(inputs: readonly ResolvedInput[], reader: (p: string, d: string, c: ReadContext) => Promise<InputFileResult<R>>) =>
    Promise.all(inputs.map((i) => reader(i.path, i.displayPath, ctx(i.spec))));
  let streamed: StreamedInputs | undefined;
  const streaming = async (): Promise<StreamedRows> => {
    const base = await stream!.base(period, config);
    // the closed books load with the engine, in a close only (validate does not need them)
    const books = (await import("../ledger/books.js")).readBooks(base);
    const { streamRows } = await import("../engine/stream-close.js");
    const rows = await streamRows({ config, period: period!, books, context: (i) => ctx(i.spec), ...(stream!.threads !== undefined ? { threads: stream!.threads } : {}), ...(stream!.tuning ? { tuning: stream!.tuning } : {}), ...(stream!.whileReading ? { whileReading: stream!.whileReading } : {}) });
    streamed = { rows, base: { count: base.length, lastHash: base[base.length - 1]?.hash ?? "" } };
    return rows;
  };
  const [hours, benefits, staff, costs, rowsRead] = await Promise.all([
    stream && period ? Promise.resolve([] as InputFileResult<HourRow>[]) : read(config.inputs.hours, readHoursFile),
    stream && period ? Promise.resolve([] as InputFileResult<BenefitRow>[]) : read(config.inputs.benefits, readBenefitsFile),
    read(config.inputs.staff, readStaffFile),
    read(config.inputs.costs, readCostsFile),
    stream && period ? streaming() : Promise.resolve(undefined),
  ]);
  const all = [...hours, ...benefits, ...staff, ...costs];
  const rowIssues = rowsRead ? rowsRead.files.flatMap((f) => f.issues) : [];
  const issues = [...loaded.warnings, ...rowIssues, ...all.flatMap((f) => f.issues)];
  const release = (): void => rowsRead?.store.dispose();
  let costPrice: CostPrice | undefined;
  if (config.staffCost) {
    // Loaded on demand, as the books above: validate of a config without them stays quick to start.
    const { readCostPriceFile } = await import("../adapters/costprice-file.js");
    const cp = await readCostPriceFile(config.staffCost);
    if (!cp.ok) issues.push(...cp.issues);
    else {
      // Partners match by nameKey; the plan then uses the config's spelling.
      const se = namesByKey(config.model.sePartners);
      costPrice = { ...cp.value, partners: cp.value.partners.map((p) => ({ ...p, name: se.get(nameKey(p.name)) ?? p.name })) };
      const names = new Set(cp.value.partners.map((p) => nameKey(p.name)));
      for (const p of config.model.sePartners.filter((x) => !names.has(nameKey(x)))) {
        issues.push(
          error("costprice-partner-missing", { partner: quote(p) }, {
            subject: "staff_cost",
            source: config.staffCostSource ?? { file: config.file },
            hint: t("costprice-partner-missing.hint", { partners: cp.value.partners.map((x) => quote(x.name)).join(", ") }),
          }),
        );
      }
    }
  }
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    release();
    return fail(issues);
  }
  // Rows dated outside their partner's from/until (issue 11): all at once, with file:line.
  const membership = rowsRead ? rowsRead.membership : membershipIssues(config.model, { hours: hours.flatMap((f) => f.rows), benefits: benefits.flatMap((f) => f.rows) });
  if (membership.length > 0) {
    release();
    return fail([...issues, ...membership]);
  }
  const info = (kind: InputFileInfo["kind"], rs: readonly { meta: InputFileResult<unknown>["meta"] }[]): InputFileInfo[] =>
    rs.map((r) => ({ kind, file: r.meta.file, sha256: r.meta.sha256, rows: r.meta.rowsRead, encoding: r.meta.encoding, delimiter: r.meta.delimiter, decimalMark: r.meta.decimalMark }));
  const hourRows = hours.flatMap((f) => f.rows);
  const benefitRows = benefits.flatMap((f) => f.rows);
  // The latest day any input row speaks of: hours, benefits, staff rows (their last day), other costs.
  let latest: string | undefined;
  const later = (d: string | undefined) => {
    if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  };
  for (const r of hourRows) later(r.date);
  for (const r of benefitRows) later(r.date);
  later(rowsRead?.latest);
  for (const f of staff) for (const r of f.rows) later(parsePeriod(r.period)?.to);
  for (const c of config.model.otherCosts) later(c.date);
  for (const f of costs) for (const c of f.rows) later(c.date);
  const cumulative = new Set([...config.inputs.hours, ...config.inputs.benefits].filter((i) => i.spec.cumulative).map((i) => i.displayPath));
  return ok({
    config,
    period,
    hours: hourRows,
    benefits: benefitRows,
    staff: staff.flatMap((f) => f.rows),
    otherCosts: [
      ...config.model.otherCosts,
      ...costs.flatMap((f) => f.rows.map((c) => ({ date: c.date, description: c.description, amount: c.amount, source: c.source }))),
    ],
    files: rowsRead
      ? [...info("hours", rowsRead.files.filter((f) => f.kind === "hours")), ...info("benefits", rowsRead.files.filter((f) => f.kind === "benefits")), ...info("staff", staff), ...info("costs", costs)]
      : [...info("hours", hours), ...info("benefits", benefits), ...info("staff", staff), ...info("costs", costs)],
    warnings: issues,
    ...(costPrice ? { costPrice } : {}),
    cumulative,
    latest,
    ...(streamed ? { streamed } : {}),
  });
}

export type CloseOptions = {
  readonly language?: "nl" | "en";
  /** From the ledger: rows already closed, or read twice from overlapping exports. */
  readonly prior?: CloseInput["prior"];
  /** From the ledger: the previous close's closing reserve and that period. */
  readonly opening?: { readonly amount: Dec; readonly period: string };
  readonly reserveHistory?: CloseReport["reserveHistory"];
  /** From the ledger: the closed periods before this one, restated. */
  readonly closed?: readonly ClosedPeriod[];
  /** From the ledger and the exports: closed rows withdrawn, reversed in this close. */
  readonly reversals?: readonly Reversal[];
};

/** The streaming close's report: the same close from the row totals (closeFromTotals), its rows in the row store. */
export function buildStreamedReport(inputs: ReadInputs & { period: Period; streamed: StreamedInputs }, opts: CloseOptions = {}): Result<CloseReport> {
  const rows = inputs.streamed.rows;
  const closed = closeFromTotals(
    {
      config: inputs.config.model,
      period: inputs.period,
      staff: inputs.staff,
      otherCosts: inputs.otherCosts,
      openingReserve: opts.opening?.amount ?? inputs.config.model.openingReserve,
      ...plannedOf(inputs),
      ...(opts.closed ? { closed: opts.closed } : {}),
      ...(opts.reversals ? { reversals: opts.reversals } : {}),
      totals: rows.totals,
      rowsRead: rows.rowsRead,
    },
    rows.noFee,
  );
  if (!closed.ok) return closed;
  const view = rows.store.view();
  const refused = refusedFigures(inputs, closed.value, () => view.all());
  if (refused) return refused;
  return ok(reportOf(inputs, closed.value, opts, view));
}

/**
 * Every figure must be one a spreadsheet reproduces to the cent (README
 * "Limits"); with an invoicing: block every invoiced NEC partner needs a buyer
 * (issue 12), reported at the config's line.
 */
function refusedFigures(inputs: ReadInputs, closed: CloseCore, all: () => Iterable<ClassifiedRow>): Result<never> | undefined {
  const unfit = closeFigureProblems(closed, all);
  if (unfit.length > 0) return fail(unfit);
  const noBuyer = inputs.config.invoicing ? missingBuyers(inputs.config.invoicing, closed.invoices.map((i) => i.necPartner)) : [];
  if (noBuyer.length > 0) return fail(noBuyer);
  return undefined;
}

function plannedOf(inputs: ReadInputs & { period: Period }): Pick<CloseInput, "plannedStaff" | "plannedStaffFor"> {
  return inputs.costPrice
    ? {
        plannedStaff: plannedStaffFor(inputs.costPrice, inputs.config, inputs.period),
        plannedStaffFor: (p: Period) => {
          const plan = plannedStaffFor(inputs.costPrice!, inputs.config, p);
          return new Map(inputs.config.model.sePartners.map((name, i) => [name, plan[i]!]));
        },
      }
    : {};
}

function reportOf(inputs: ReadInputs & { period: Period }, result: CloseReport["result"], opts: CloseOptions, rows?: CloseRows): CloseReport {
  return {
    result,
    language: opts.language ?? inputs.config.model.language,
    configFile: inputs.config.file,
    configSha256: inputs.config.sha256,
    inputs: inputs.files,
    warnings: [...inputs.warnings, ...result.warnings],
    reserveHistory: opts.reserveHistory ?? [],
    openingFrom: opts.opening ? { period: opts.opening.period } : "config",
    ...(inputs.config.outside.length > 0 ? { outsideConfigFolder: inputs.config.outside } : {}),
    ...(rows ? { rows } : {}),
  };
}

/** Run the close on read inputs and build the report (pure after reading). */
export function buildCloseReport(inputs: ReadInputs & { period: Period }, opts: CloseOptions = {}): Result<CloseReport> {
  const closed = closePeriod({
    config: inputs.config.model,
    period: inputs.period,
    hours: inputs.hours,
    benefits: inputs.benefits,
    staff: inputs.staff,
    otherCosts: inputs.otherCosts,
    openingReserve: opts.opening?.amount ?? inputs.config.model.openingReserve,
    ...plannedOf(inputs),
    ...(opts.prior ? { prior: opts.prior } : {}),
    ...(opts.closed ? { closed: opts.closed } : {}),
    ...(opts.reversals ? { reversals: opts.reversals } : {}),
  });
  if (!closed.ok) return closed;
  const refused = refusedFigures(inputs, closed.value, closeRows({ result: closed.value }).all);
  if (refused) return refused;
  return ok(reportOf(inputs, closed.value, opts));

}
