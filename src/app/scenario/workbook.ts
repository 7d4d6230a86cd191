// The scenario workbook as an output file of a use case (exceljs is loaded only
// when a workbook is written). One file per kind of run (issue 14):
// scenario-NAME.xlsx for `run`, scenario-NAME-sensitivity.xlsx,
// scenario-NAME-grid.xlsx and scenario-NAME-montecarlo.xlsx, so they never
// overwrite each other.
import type { Grid } from "../../domain/scenario/grid.js";
import type { MonteCarloResult } from "../../domain/scenario/montecarlo.js";
import { keyFigures } from "../../domain/scenario/figures.js";
import { project } from "../../domain/scenario/project.js";
import type { Sensitivity } from "../../domain/scenario/sensitivity.js";
import type { Scenario } from "../../domain/scenario/types.js";
import type { Lang } from "../../report/scenario-labels.js";
import type { RunInfo } from "../../report/scenario-run.js";
import { fundingFigures, type FundingFigures } from "../../domain/scenario/funding-figures.js";
import { slug } from "./outputs.js";
import { readCostPriceFile } from "../../adapters/costprice-file.js";
import { costPriceReport, type CostPriceReport } from "../../report/costprice-model.js";
import { inputStamp } from "./overrides.js";

export type WorkbookExtras = {
  readonly lang: Lang;
  /** What made the workbook: printed on every sheet that holds results rather than formulas (default: a plain `run`). */
  readonly run?: RunInfo;
  readonly sensitivity?: Sensitivity;
  readonly grid?: Grid;
  readonly monteCarlo?: MonteCarloResult;
  /** Funding figures when the caller computed them already (otherwise computed here for a scenario with funding). */
  readonly funding?: FundingFigures;
};

/** The run information of a command: its input files with their digest, overrides and parameters. */
export async function runInfo(
  command: RunInfo["command"],
  s: Scenario,
  files: readonly string[],
  applied: Readonly<Record<string, string>>,
  params: readonly (readonly [string, string])[] = [],
): Promise<RunInfo> {
  const stamp = await inputStamp(files);
  return { command, scenario: s.name, files: stamp.files, sha256: stamp.sha256, overrides: applied, params };
}

/** The cost-price report of the file a scenario takes its staff cost from (already validated when the scenario loaded). */
async function costPriceOf(file: string): Promise<CostPriceReport> {
  const read = await readCostPriceFile(file);
  if (!read.ok) throw new Error(`cost-price file ${file} no longer reads: ${read.issues.map((i) => i.message).join("; ")}`);
  return costPriceReport(read.value);
}

/** The workbook's file name for a kind of run. */
export const workbookName = (s: Scenario, command: RunInfo["command"]): string => `scenario-${slug(s.name)}${command === "run" ? "" : `-${command}`}.xlsx`;

/** The workbook with the projection, key figures and whatever analysis the command ran. */
export async function scenarioWorkbookFile(s: Scenario, x: WorkbookExtras): Promise<{ name: string; data: Uint8Array }> {
  const { buildScenarioWorkbook } = await import("../../adapters/xlsx/scenario-workbook.js");
  const projection = project(s);
  const data = await buildScenarioWorkbook({
    scenario: s,
    projection,
    figures: keyFigures(projection),
    lang: x.lang,
    ...(x.run ? { run: x.run } : {}),
    ...(x.sensitivity ? { sensitivity: x.sensitivity } : {}),
    ...(x.grid ? { grid: x.grid } : {}),
    ...(x.monteCarlo ? { monteCarlo: x.monteCarlo } : {}),
    ...(s.funding ? { funding: x.funding ?? fundingFigures(s, projection) } : {}),
    ...(s.seStaff.costPrice ? { costPrice: await costPriceOf(s.seStaff.costPrice.file) } : {}),
  });
  return { name: workbookName(s, x.run?.command ?? "run"), data };
}
