// The scenario workbook as an output file of a use case (exceljs is loaded only when a workbook is written).
import type { Grid } from "../../domain/scenario/grid.js";
import type { MonteCarloResult } from "../../domain/scenario/montecarlo.js";
import { keyFigures } from "../../domain/scenario/figures.js";
import { project } from "../../domain/scenario/project.js";
import type { Sensitivity } from "../../domain/scenario/sensitivity.js";
import type { Scenario } from "../../domain/scenario/types.js";
import type { Lang } from "../../report/scenario-labels.js";
import { fundingFigures, type FundingFigures } from "../../domain/scenario/funding-figures.js";
import { slug } from "./outputs.js";

export type WorkbookExtras = {
  readonly lang: Lang;
  readonly sensitivity?: Sensitivity;
  readonly grid?: Grid;
  readonly monteCarlo?: MonteCarloResult;
  /** Funding figures when the caller computed them already (otherwise computed here for a scenario with funding). */
  readonly funding?: FundingFigures;
};

/** `scenario-<name>.xlsx` with the projection, key figures and whatever analysis the command ran. */
export async function scenarioWorkbookFile(s: Scenario, x: WorkbookExtras): Promise<{ name: string; data: Uint8Array }> {
  const { buildScenarioWorkbook } = await import("../../adapters/xlsx/scenario-workbook.js");
  const projection = project(s);
  const data = await buildScenarioWorkbook({
    scenario: s,
    projection,
    figures: keyFigures(projection),
    lang: x.lang,
    ...(x.sensitivity ? { sensitivity: x.sensitivity } : {}),
    ...(x.grid ? { grid: x.grid } : {}),
    ...(x.monteCarlo ? { monteCarlo: x.monteCarlo } : {}),
    ...(s.funding ? { funding: x.funding ?? fundingFigures(s, projection) } : {}),
  });
  return { name: `scenario-${slug(s.name)}.xlsx`, data };
}
