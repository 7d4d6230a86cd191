// Use case: close a period. Read config and every export (all problems of the
// run collected at once), run the pure close, build the report. No writing
// here: the caller decides what to write (validate writes nothing).
import { readBenefitsFile, readCostsFile, readHoursFile, readStaffFile, type InputFileResult, type ReadContext } from "../adapters/csv/read-input.js";
import { loadConfig, type LoadedConfig, type ResolvedInput } from "../adapters/config-file.js";
import { closePeriod, type CloseInput } from "../domain/close.js";
import { error, fail, ok, type Issue, type Result } from "../domain/issues.js";
import type { OtherCost } from "../domain/model.js";
import type { Dec } from "../domain/money.js";
import { parsePeriod, PERIOD_HINT, type Period } from "../domain/period.js";
import type { CloseReport, InputFileInfo } from "../report/close-report.js";

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
};

/** Load the config, parse the period (if given) and read every input; collect all problems. */
export async function readCloseInputs(configPath: string, periodText?: string): Promise<Result<ReadInputs>> {
  const loaded = await loadConfig(configPath);
  const period = periodText === undefined ? undefined : parsePeriod(periodText);
  const periodIssue =
    periodText === undefined || period
      ? []
      : [error("bad-period", "not a period", { subject: "PERIOD", found: periodText, hint: PERIOD_HINT })];
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
    },
  });
  const read = <R>(inputs: readonly ResolvedInput[], reader: (p: string, d: string, c: ReadContext) => Promise<InputFileResult<R>>) =>
    Promise.all(inputs.map((i) => reader(i.path, i.displayPath, ctx(i.spec))));
  const [hours, benefits, staff, costs] = await Promise.all([
    read(config.inputs.hours, readHoursFile),
    read(config.inputs.benefits, readBenefitsFile),
    read(config.inputs.staff, readStaffFile),
    read(config.inputs.costs, readCostsFile),
  ]);
  const all = [...hours, ...benefits, ...staff, ...costs];
  const issues = all.flatMap((f) => f.issues);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) return fail(issues);
  const info = (kind: InputFileInfo["kind"], rs: readonly InputFileResult<unknown>[]): InputFileInfo[] =>
    rs.map((r) => ({ kind, file: r.meta.file, sha256: r.meta.sha256, rows: r.meta.rowsRead, encoding: r.meta.encoding, delimiter: r.meta.delimiter, decimalMark: r.meta.decimalMark }));
  return ok({
    config,
    period,
    hours: hours.flatMap((f) => f.rows),
    benefits: benefits.flatMap((f) => f.rows),
    staff: staff.flatMap((f) => f.rows),
    otherCosts: [
      ...config.model.otherCosts,
      ...costs.flatMap((f) => f.rows.map((c) => ({ date: c.date, description: c.description, amount: c.amount, source: c.source }))),
    ],
    files: [...info("hours", hours), ...info("benefits", benefits), ...info("staff", staff), ...info("costs", costs)],
    warnings: issues,
  });
}

export type CloseOptions = {
  readonly language?: "nl" | "en";
  /** From the ledger: rows already closed, or read twice from overlapping exports. */
  readonly prior?: CloseInput["prior"];
  /** From the ledger: the previous close's closing reserve and that period. */
  readonly opening?: { readonly amount: Dec; readonly period: string };
  readonly reserveHistory?: CloseReport["reserveHistory"];
};

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
    ...(opts.prior ? { prior: opts.prior } : {}),
  });
  if (!closed.ok) return closed;
  return ok({
    result: closed.value,
    language: opts.language ?? inputs.config.model.language,
    configFile: inputs.config.file,
    configSha256: inputs.config.sha256,
    inputs: inputs.files,
    warnings: [...inputs.warnings, ...closed.value.warnings],
    reserveHistory: opts.reserveHistory ?? [],
    openingFrom: opts.opening ? { period: opts.opening.period } : "config",
  });
}
