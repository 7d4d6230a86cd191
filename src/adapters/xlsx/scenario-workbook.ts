// The scenario workbook, the director's playground (issue 14): assumptions
// with their sources; a monthly projection, key figures, partners' balances
// and win-win, and (with a funding mix) who pays what, all as live formulas
// stored with menerva's exact values, so editing an assumption (a wage on a
// cost-price sheet, the own-contribution rate) moves the projection and its
// charts; the results of a command (tornado, grid, Monte Carlo) as stored
// values on sheets that say so. Every formula recalculates to its cached
// value in LibreOffice and in Gnumeric. The sheets live in ./scenario/.
import ExcelJS from "exceljs";
import type { KeyFigures } from "../../domain/scenario/figures.js";
import type { FundingFigures } from "../../domain/scenario/funding-figures.js";
import type { Grid } from "../../domain/scenario/grid.js";
import type { MonteCarloResult } from "../../domain/scenario/montecarlo.js";
import type { Projection } from "../../domain/scenario/project.js";
import type { Sensitivity } from "../../domain/scenario/sensitivity.js";
import type { Scenario } from "../../domain/scenario/types.js";
import type { CostPriceReport } from "../../report/costprice-model.js";
import { label, type Lang } from "../../report/scenario-labels.js";
import type { RunInfo } from "../../report/scenario-run.js";
import type { ChartSpec } from "./charts.js";
import { addCostPriceSheets } from "./costprice-workbook.js";
import { toDeterministicXlsx } from "./deterministic.js";
import { FMT } from "./formats.js";
import { assumptionsSheet } from "./scenario/assumptions-sheet.js";
import { SHEETS, setupLegible, type Ctx } from "./scenario/context.js";
import { figuresSheet } from "./scenario/figures-sheet.js";
import { allocationLayout, allocationSheet, fundingSheet } from "./scenario/funding-sheets.js";
import { partnersSheet } from "./scenario/partners-sheet.js";
import { projectionSheet } from "./scenario/projection-sheet.js";
import { gridSheet, monteCarloSheet, sensitivitySheet } from "./scenario/result-sheets.js";

export { SHEETS } from "./scenario/context.js";

export type ScenarioWorkbookInput = {
  readonly scenario: Scenario;
  readonly projection: Projection;
  readonly figures: KeyFigures;
  readonly lang: Lang;
  /** The command that made the workbook, for the header of its result sheets (tornado, grid, Monte Carlo). */
  readonly run?: RunInfo;
  readonly sensitivity?: Sensitivity;
  readonly grid?: Grid;
  readonly monteCarlo?: MonteCarloResult;
  /** The funding mix figures; Financiering/Funding sheets and a chart when present. */
  readonly funding?: FundingFigures;
  /**
   * The cost price behind `se_staff: {costprice: …}`: its sheets (what a
   * coaching hour costs each partner) join the workbook and the staff cost of
   * the projection is computed from their wage lines.
   */
  readonly costPrice?: CostPriceReport;
};

/** Okabe-Ito colours (colour-blind safe) for funders; the project is grey and the gap vermilion. */
const FUNDING_COLORS = ["0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "F0E442"];

/** A run description for workbooks built without one (tests, library use). */
const unknownRun = (s: Scenario, command: RunInfo["command"]): RunInfo => ({ command, scenario: s.name, files: [`${s.name}.yaml`], sha256: "0".repeat(64), overrides: {}, params: [] });

/** The whole workbook as deterministic bytes. */
export async function buildScenarioWorkbook(x: ScenarioWorkbookInput): Promise<Uint8Array> {
  const s = x.scenario;
  const names = SHEETS[x.lang];
  const nl = x.lang === "nl";
  const ctx: Ctx = { s, p: x.projection, lang: x.lang, nl, names, ...(x.funding ? { funding: x.funding } : {}) };
  const wb = new ExcelJS.Workbook();
  const withFunding = x.funding !== undefined && (s.funding ?? []).length > 0;
  const layout = withFunding ? allocationLayout(ctx) : undefined;
  // The cost-price sheets are written first (the staff formulas read their wage lines) and moved behind the partners.
  const costPriceRefs = x.costPrice ? addCostPriceSheetsLater(wb, x.costPrice, x.lang) : undefined;
  const a = assumptionsSheet(wb, ctx, costPriceRefs?.refs);
  const pc = projectionSheet(wb, ctx, a, layout?.totals);
  figuresSheet(wb, ctx, x.figures, pc);
  partnersSheet(wb, ctx, a, pc, layout);
  costPriceRefs?.place();
  const fund = withFunding ? fundingSheet(wb, ctx, a, pc, layout!) : undefined;
  if (withFunding) allocationSheet(wb, ctx, a, pc, layout!);
  const sens = x.sensitivity ? sensitivitySheet(wb, ctx, x.sensitivity, x.run ?? unknownRun(s, "sensitivity")) : undefined;
  if (x.grid) gridSheet(wb, ctx, x.grid, x.run ?? unknownRun(s, "grid"));
  const mc = x.monteCarlo ? monteCarloSheet(wb, ctx, x.monteCarlo, pc, x.run ?? unknownRun(s, "montecarlo")) : undefined;
  const chartsWs = wb.addWorksheet(names.charts);
  setupLegible(chartsWs, { title: `MENERVA — ${s.name} — ${names.charts}`, landscape: true, widths: Array.from({ length: 16 }, () => 9.5) });

  // Full-width charts, one under the other, one per printed page.
  const W = 16;
  let top = 0;
  const place = (height: number) => {
    const anchor = { col: 0, row: top, width: W, height };
    top += height + 1;
    chartsWs.getRow(top).addPageBreak();
    return anchor;
  };
  const hasOwn = pc.col.ownContributions !== undefined;
  const charts: ChartSpec[] = [
    {
      sheet: names.charts,
      anchor: place(26),
      type: "line",
      title: mc ? (nl ? "Reserve per maand, met Monte Carlo P5 / P50 / P95" : "Reserve per month, with Monte Carlo P5 / P50 / P95") : nl ? "Reserve per maand" : "Reserve per month",
      categories: pc.range("label"),
      series: [
        { name: label("reserve", x.lang), ref: pc.range("reserve"), color: "0072B2" },
        ...(mc ? [{ name: "P5", ref: mc.p5, color: "D55E00" }, { name: "P50", ref: mc.p50, color: "009E73" }, { name: "P95", ref: mc.p95, color: "E69F00" }] : []),
      ],
      numFmt: FMT.eurWhole,
      yAxisTitle: "EUR",
    },
    {
      sheet: names.charts,
      anchor: place(26),
      type: "line",
      title: nl ? "Omzet, werkingskosten en subsidies per maand; investeringen als kolommen" : "Revenue, running costs and subsidies per month; investments as columns",
      categories: pc.range("label"),
      series: [
        { name: label("revenue", x.lang), ref: pc.range("revenue"), color: "009E73" },
        { name: nl ? "kosten zonder investeringen" : "costs without investments", ref: pc.range("operatingCosts"), color: "D55E00" },
        { name: label("subsidies", x.lang), ref: pc.range("subsidies"), color: "56B4E9" },
        ...(hasOwn ? [{ name: label("ownContributions", x.lang), ref: pc.range("ownContributions"), color: "CC79A7" }] : []),
      ],
      barSeries: [{ name: `${label("investments", x.lang)} (${nl ? "as rechts" : "right axis"})`, ref: pc.range("investments"), color: "999999" }],
      barAxisTitle: `${label("investments", x.lang)} (EUR)`,
      numFmt: FMT.eurWhole,
      yAxisTitle: "EUR",
    },
    ...(mc
      ? [
          {
            sheet: names.charts,
            anchor: place(26),
            type: "area" as const,
            stacked: true,
            title: nl ? "Monte Carlo: reserve tussen P5 en P95" : "Monte Carlo: reserve between P5 and P95",
            categories: pc.range("label"),
            series: [
              // An invisible base up to P5 (white on the white plot), the band from P5 to P95 on top.
              { name: "P5", ref: mc.p5, color: "FFFFFF" },
              { name: "P5–P95", ref: mc.band, color: "9DC3E6" },
            ],
            numFmt: FMT.eurWhole,
            yAxisTitle: "EUR",
          },
        ]
      : []),
    ...(fund
      ? [
          {
            sheet: names.charts,
            anchor: place(26),
            type: "bar" as const,
            stacked: true,
            title: nl ? "Wie betaalt wat, per maand" : "Who pays what, per month",
            categories: fund.categories,
            series: fund.series.map((f, i, all) => ({ ...f, color: i === all.length - 1 ? "D55E00" : i === all.length - 2 ? "BBBBBB" : FUNDING_COLORS[i % FUNDING_COLORS.length]! })),
            numFmt: FMT.eurWhole,
            yAxisTitle: "EUR",
          },
        ]
      : []),
    ...(sens
      ? [
          {
            sheet: names.charts,
            anchor: place(26),
            type: "barHorizontal" as const,
            title: nl ? "Gevoeligheid van de eindreserve (tornado)" : "End reserve sensitivity (tornado)",
            categories: sens.cats,
            series: [
              { name: nl ? "laag" : "low", ref: sens.low, color: "D55E00" },
              { name: nl ? "hoog" : "high", ref: sens.high, color: "0072B2" },
            ],
            numFmt: FMT.eurWhole,
          },
        ]
      : []),
  ];
  return toDeterministicXlsx(wb, { charts });
}

/**
 * The cost-price sheets are built first (the assumptions' staff formulas need
 * their cells) but belong after the partners in the tab order: exceljs orders
 * sheets by `orderNo`, so they are moved behind once the others exist.
 */
function addCostPriceSheetsLater(wb: ExcelJS.Workbook, r: CostPriceReport, lang: Lang) {
  const before = new Set(wb.worksheets.map((w) => w.id));
  const refs = addCostPriceSheets(wb, r, lang);
  // exceljs sorts sheets by `orderNo` (not in its typings).
  type Ordered = ExcelJS.Worksheet & { orderNo: number };
  const mine = wb.worksheets.filter((w) => !before.has(w.id)) as Ordered[];
  return {
    refs,
    place: () => {
      const others = (wb.worksheets as Ordered[]).filter((w) => !mine.includes(w));
      let next = Math.max(0, ...others.map((w) => w.orderNo)) + 1;
      for (const w of mine) w.orderNo = next++;
    },
  };
}
