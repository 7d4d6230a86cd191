// Use case: close a period. Read config and every export (close-inputs.ts:
// all problems of the run collected at once), run the pure close, build the
// report. No writing here: the caller decides what to write (validate writes nothing).
import type { LoadedConfig } from "../adapters/config-file.js";
import { closeFromTotals, closePeriod, type CloseCore, type CloseInput } from "../domain/close.js";
import { closeRows, type ClassifiedRow, type CloseRows } from "../report/close-rows.js";
import { fail, ok, type Result } from "../domain/issues.js";
import { MODEL_ROUNDING, roundMoney, type Dec } from "../domain/money.js";
import { plannedStaffCost } from "../domain/costprice/index.js";
import type { CostPrice } from "../domain/costprice/types.js";
import { monthsOf, type Period } from "../domain/period.js";
import { missingBuyers } from "../domain/invoicing/buyers.js";
import type { ClosedPeriod, Reversal } from "../domain/corrections.js";
import type { CloseReport } from "../report/close-report.js";
import { closeFigureProblems } from "./close-figures.js";
import { storeRows } from "../engine/row-cursor.js";

export { readCloseInputs, type ReadInputs, type StreamedInputs, type StreamOptions } from "./close-inputs.js";
import type { ReadInputs, StreamedInputs } from "./close-inputs.js";

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
  // the renderers walk the rows through one cursor (row-cursor.ts): a million rows leave no garbage behind
  const view = storeRows(rows.store, inputs.config.model);
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
