// Use case, its first half: read the config and every export, all problems
// of the run collected at once. `validate` stops here; close.ts goes on to the
// close itself. A module of its own so that `validate` loads none of the close
// (its domain, figures and report rows: about 20 modules of its start-up).
import { readBenefitsFile, readCostsFile, readHoursFile, readStaffFile, type InputFileResult, type ReadContext } from "../adapters/csv/read-input.js";
import { loadConfig, type LoadedConfig, type ResolvedInput } from "../adapters/config-file.js";
import type { CloseInput } from "../domain/close.js";
import type { BenefitRow, HourRow, OtherCost } from "../domain/model.js";
import type { LedgerRecord } from "../ledger/record.js";
import type { EngineTuning, StreamedRows } from "../engine/stream-close.js";
import type { FillOptions } from "../engine/billed-writer.js";
import { error, fail, ok, quote, t, warning, type Issue, type Result } from "../domain/issues.js";
import { nameKey, namesByKey } from "../schema/partner-names.js";
import type { CostPrice } from "../domain/costprice/types.js";
import { parsePeriod, periodHint, type Period } from "../domain/period.js";
import { membershipIssues } from "../domain/partners.js";
import type { InputFileInfo } from "../report/close-report.js";

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
  /** Stores of the rows read again (the ledger moved before the close took its lock): the close's end disposes them. */
  readonly rereads: { dispose(): void; readonly isParked: boolean }[];
};

/** How the streaming close reads: against which closed books. */
export type StreamOptions = {
  /** The records whose books classify the rows (a snapshot; the close checks it under its lock). */
  readonly base: (period: Period | undefined, config: LoadedConfig) => Promise<readonly LedgerRecord[]>;
  readonly threads?: number;
  readonly tuning?: EngineTuning;
  /** Called once the first export's chunks are with the workers (stream-close.ts). */
  readonly whileReading?: (config: LoadedConfig) => void;
  /** How the billed columns will be filled (stream-close.ts). */
  readonly fill?: FillOptions;
};

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
      : [error("bad-period", {}, { subject: "PERIOD", found: periodText, hint: periodHint(periodText) })];
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
    const rows = await streamRows({ config, period: period!, books, context: (i) => ctx(i.spec), ...(stream!.threads !== undefined ? { threads: stream!.threads } : {}), ...(stream!.tuning ? { tuning: stream!.tuning } : {}), ...(stream!.whileReading ? { whileReading: stream!.whileReading } : {}), ...(stream!.fill ? { fill: stream!.fill } : {}) });
    streamed = { rows, base: { count: base.length, lastHash: base[base.length - 1]?.hash ?? "" }, rereads: [] };
    await stream!.tuning?.afterRead?.();
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
  const files = rowsRead
    ? [...info("hours", rowsRead.files.filter((f) => f.kind === "hours")), ...info("benefits", rowsRead.files.filter((f) => f.kind === "benefits")), ...info("staff", staff), ...info("costs", costs)]
    : [...info("hours", hours), ...info("benefits", benefits), ...info("staff", staff), ...info("costs", costs)];
  // A header without rows: a cut-off export reads as nothing billed, which is not to be taken in silence.
  for (const f of files) if (f.rows === 0) issues.push(warning("no-data-rows", {}, { source: { file: f.file, line: 1 }, hint: t("no-data-rows.hint") }));
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
    files,
    warnings: issues,
    ...(costPrice ? { costPrice } : {}),
    cumulative,
    latest,
    ...(streamed ? { streamed } : {}),
  });
}
