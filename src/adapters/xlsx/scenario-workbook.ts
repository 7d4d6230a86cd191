// The scenario workbook: assumptions (every driver with its source comment), a
// monthly projection whose figures are live formulas of the row above and the
// assumption cells (change an assumption in Excel and the projection moves),
// stored with menerva's exact values; key figures as formulas; partner checks,
// sensitivity, grid and Monte Carlo results as values; native charts.
import ExcelJS from "exceljs";
import { D, fmtDecimal, type Dec } from "../../domain/money.js";
import { DRIVERS } from "../../domain/scenario/drivers.js";
import type { KeyFigures } from "../../domain/scenario/figures.js";
import type { FundingFigures } from "../../domain/scenario/funding-figures.js";
import type { Grid } from "../../domain/scenario/grid.js";
import type { MonteCarloResult } from "../../domain/scenario/montecarlo.js";
import type { Projection } from "../../domain/scenario/project.js";
import type { Sensitivity } from "../../domain/scenario/sensitivity.js";
import type { Scenario } from "../../domain/scenario/types.js";
import { label, type Lang } from "../../report/scenario-labels.js";
import type { RunInfo } from "../../report/scenario-run.js";
import { setFormula, setMoney, setNumber, setupSheet, styleHeaderRow } from "./cells.js";
import type { ChartSpec } from "./charts.js";
import { toDeterministicXlsx } from "./deterministic.js";
import { addCostPriceSheets } from "./costprice-workbook.js";
import type { CostPriceReport } from "../../report/costprice-model.js";
import { FMT, safeText } from "./formats.js";

export type ScenarioWorkbookInput = {
  readonly scenario: Scenario;
  readonly projection: Projection;
  readonly figures: KeyFigures;
  readonly lang: Lang;
  readonly run?: RunInfo;
  readonly sensitivity?: Sensitivity;
  readonly grid?: Grid;
  readonly monteCarlo?: MonteCarloResult;
  /** The funding mix figures; a Financiering/Funding sheet and chart when present. */
  readonly funding?: FundingFigures;
  /**
   * The cost price behind `se_staff: {costprice: …}`: its sheets (what a
   * coaching hour costs each partner) join the workbook, so one file shows
   * the cost, who pays it over time, and what a stopping subsidy line does.
   */
  readonly costPrice?: CostPriceReport;
};

export const SHEETS = {
  nl: { assumptions: "Aannames", projection: "Projectie", figures: "Kengetallen", partners: "Partners", funding: "Financiering", sensitivity: "Gevoeligheid", grid: "Raster", montecarlo: "Monte Carlo", charts: "Grafieken" },
  en: { assumptions: "Assumptions", projection: "Projection", figures: "Key figures", partners: "Partners", funding: "Funding", sensitivity: "Sensitivity", grid: "Grid", montecarlo: "Monte Carlo", charts: "Charts" },
} as const;

const ref = (sheet: string, addr: string): string => `'${sheet.replace(/'/g, "''")}'!${addr}`;
const abs = (col: string, row: number): string => `$${col}$${row}`;
const colName = (n: number): string => {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};
const num = (x: Dec): number => Number(x.toFixed());
/** Okabe-Ito colours (colour-blind safe) for funders; the project is grey and the gap vermilion. */
const FUNDING_COLORS = ["0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "F0E442"];

type AssumptionRefs = Record<string, string>;

/** Assumptions sheet; returns the absolute references the projection's formulas use. */
function assumptionsSheet(wb: ExcelJS.Workbook, s: Scenario, lang: Lang, name: string): AssumptionRefs {
  const ws = wb.addWorksheet(name);
  const nl = lang === "nl";
  setupSheet(ws, { title: `MENERVA — ${s.name} — ${name}`, freezeRows: 1, widths: [26, 40, 16, 16, 16, 16, 16, 70], landscape: true });
  const refs: AssumptionRefs = {};
  const notes = s.notes ?? {};
  let row = 1;
  const header = (cells: string[]) => {
    const r = ws.getRow(row++);
    cells.forEach((c, i) => (r.getCell(i + 1).value = c));
    styleHeaderRow(r);
  };
  header(["key", nl ? "omschrijving" : "description", nl ? "waarde" : "value", nl ? "eenheid" : "unit", "", "", "", nl ? "bron" : "source"]);
  const scalar = (key: string, desc: string, value: Dec | number, fmt: string, unit: string, noteKey = key, formula?: string) => {
    const r = ws.getRow(row);
    r.getCell(1).value = key;
    r.getCell(2).value = desc;
    if (formula) setFormula(r.getCell(3), formula, value, fmt);
    else setNumber(r.getCell(3), value, fmt);
    r.getCell(4).value = unit;
    const note = notes[noteKey];
    if (note) r.getCell(8).value = safeText(note);
    refs[key] = ref(name, abs("C", row));
    row++;
  };
  if (s.inflow.kind === "constant") scalar("inflow", DRIVERS.inflow[lang], s.inflow.perMonth, FMT.hours, nl ? "kandidaten/maand" : "candidates/month");
  else if (s.inflow.kind === "growth") {
    scalar("inflow_start", nl ? "instroom in maand 1" : "inflow in month 1", s.inflow.start, FMT.hours, nl ? "kandidaten/maand" : "candidates/month", "inflow");
    scalar("inflow_growth", nl ? "groei instroom per maand" : "monthly inflow growth", s.inflow.monthlyGrowth, FMT.decimal4, "", "inflow");
  }
  scalar("ready_share", DRIVERS.ready_share[lang], s.readyShare, FMT.pct, "");
  scalar("placement_rate", DRIVERS.placement_rate[lang], s.placementRate, FMT.pct, "");
  scalar("months_to_placement", DRIVERS.months_to_placement[lang], s.monthsToPlacement, FMT.int, nl ? "maanden" : "months");
  scalar("monthly_dropout", DRIVERS.monthly_dropout[lang], s.monthlyDropout, FMT.pct, "");
  scalar("hours_per_week", DRIVERS.hours_per_week[lang], s.hoursPerWeek, FMT.hours, nl ? "uren/week" : "hours/week");
  scalar("weeks_per_month", nl ? "weken per maand (52/12)" : "weeks per month (52/12)", new D(52).div(12), FMT.decimal4, "", "weeks_per_month", "52/12");
  scalar("benefit_share", DRIVERS.benefit_share[lang], s.benefitShare, FMT.pct, "");
  scalar("se_partners", nl ? "aantal SE-partners" : "number of SE partners", s.sePartners.length, FMT.int, "", "se_partners");
  if (!s.seStaff.costPrice) {
    scalar("fte_per_partner", nl ? "VTE per SE-partner" : "FTE per SE partner", s.seStaff.ftePerPartner, FMT.hours, nl ? "VTE" : "FTE", "se_staff.fte_per_partner");
    scalar("yearly_cost_per_fte", nl ? "jaarkost per VTE" : "yearly cost per FTE", s.seStaff.yearlyCostPerFte, FMT.eur, "EUR", "se_staff.yearly_cost_per_fte");
    scalar("indexation", nl ? "indexering per jaar" : "yearly indexation", s.seStaff.indexation, FMT.pct, "", "se_staff.indexation");
  }
  scalar("opening_reserve", nl ? "beginreserve" : "opening reserve", s.openingReserve, FMT.eur, "EUR");
  refs["months"] = String(s.months);

  // Tables: fee schedule, benefits, investments, running costs, subsidies.
  const table = (key: string, title: string, cols: string[], rows: (Dec | number | string)[][], fmts: string[], noteKey: string) => {
    row++;
    const t = ws.getRow(row++);
    t.getCell(1).value = title;
    t.getCell(1).font = { bold: true };
    const note = notes[noteKey];
    if (note) t.getCell(8).value = safeText(note);
    header(["", ...cols]);
    const first = row;
    for (const r of rows) {
      const xr = ws.getRow(row++);
      r.forEach((v, i) => {
        const cell = xr.getCell(i + 2);
        if (typeof v === "string") cell.value = v;
        else setNumber(cell, v, fmts[i]!);
      });
    }
    // An empty table still needs a one-row range for its formulas.
    const last = Math.max(first, row - 1);
    if (rows.length === 0) row++;
    cols.forEach((_, i) => (refs[`${key}.${i}`] = ref(name, `$${colName(i + 2)}$${first}:$${colName(i + 2)}$${last}`)));
    refs[`${key}.first`] = String(first);
  };
  table("fee", nl ? "Vergoeding per uur" : "Fee per hour", [nl ? "vanaf maand" : "from month", nl ? "tarief" : "rate"], s.fee.map((f) => [f.fromMonth, f.value]), [FMT.int, FMT.eur], "fee_per_hour");
  table(
    "benefits",
    nl ? "Voordelen per werknemer per maand" : "Benefits per worker per month",
    [nl ? "soort" : "type", nl ? "van maand" : "from month", nl ? "tot maand" : "to month", nl ? "bedrag" : "amount"],
    s.benefits.flatMap((b) => b.tiers.map((t) => [b.type, t.fromMonth, t.toMonth, t.amount])),
    ["", FMT.int, FMT.int, FMT.eur],
    "benefits",
  );
  table("inv", nl ? "Investeringen" : "Investments", [nl ? "naam" : "name", nl ? "maand" : "month", nl ? "bedrag" : "amount"], s.investments.map((i) => [i.name, i.month, i.amount]), ["", FMT.int, FMT.eur], "investments");
  table(
    "run",
    nl ? "Werkingskosten" : "Running costs",
    [nl ? "naam" : "name", nl ? "per maand" : "per month", nl ? "van maand" : "from month", nl ? "tot maand" : "to month"],
    s.runningCosts.map((c) => [c.name, c.perMonth, c.fromMonth, c.toMonth ?? s.months]),
    ["", FMT.eur, FMT.int, FMT.int],
    "running_costs",
  );
  table(
    "sub",
    nl ? "Subsidies" : "Subsidies",
    [nl ? "naam" : "name", nl ? "basis" : "basis", nl ? "tarief" : "rate", nl ? "bedrag/maand" : "amount/month", nl ? "van maand" : "from month", nl ? "maanden" : "months", nl ? "plafond" : "cap"],
    s.subsidies.map((x) => [
      x.name,
      x.basis.kind === "staff-cost" ? "staff_cost" : x.basis.kind === "investment" ? x.basis.investment : nl ? "vast" : "fixed",
      x.basis.kind === "fixed" ? 0 : x.basis.rate,
      x.basis.kind === "fixed" ? x.basis.perMonth : 0,
      x.fromMonth,
      x.months ?? s.months,
      x.cap ?? "",
    ]),
    ["", "", FMT.pct, FMT.eur, FMT.int, FMT.int, FMT.eur],
    "subsidies",
  );
  const vars = s.variableCosts ?? [];
  if (vars.length > 0)
    table(
      "var",
      nl ? "Variabele kosten" : "Variable costs",
      [nl ? "naam" : "name", nl ? "per" : "per", nl ? "bedrag" : "amount", nl ? "van maand" : "from month", nl ? "tot maand" : "to month"],
      vars.map((v) => [v.name, v.per === "candidate" ? (nl ? "kandidaat" : "candidate") : nl ? "werknemer/maand" : "worker/month", v.amount, v.fromMonth, v.toMonth ?? s.months]),
      ["", "", FMT.eur, FMT.int, FMT.int],
      "variable_costs",
    );
  const cp = s.seStaff.costPrice;
  if (cp)
    table(
      "staffcp",
      nl ? `Personeelskost SE per maand uit het kostprijsbestand ${cp.file}` : `SE staff cost per month from the cost-price file ${cp.file}`,
      [nl ? "jaar" : "year", ...s.sePartners, nl ? "totaal" : "total"],
      cp.grossByYear.map((y, i) => [i + 1, ...y, y.reduce((a, b) => a.plus(b))]),
      [FMT.int, ...s.sePartners.map(() => FMT.eur), FMT.eur],
      "se_staff.costprice",
    );
  const funders = s.funding ?? [];
  if (funders.length > 0)
    table(
      "fund",
      nl ? "Financiering (volgorde = volgorde van betalen)" : "Funding (order = order of paying)",
      [nl ? "naam" : "name", nl ? "eigen inbreng" : "own", nl ? "kostenlijnen" : "cost lines", nl ? "tarief" : "rate", nl ? "bedrag/maand" : "amount/month", nl ? "van maand" : "from month", nl ? "maanden" : "months", nl ? "plafond" : "cap", nl ? "plafond/maand" : "cap/month"],
      funders.map((f) => [
        f.name,
        f.own ? (nl ? "ja" : "yes") : "",
        f.lines.join(", "),
        f.basis.kind === "rate" ? f.basis.rate : "",
        f.basis.kind === "amount" ? f.basis.perMonth : "",
        f.fromMonth,
        f.months ?? s.months,
        f.cap ?? "",
        f.capPerMonth ?? "",
      ]),
      ["", "", "", FMT.pct, FMT.eur, FMT.int, FMT.int, FMT.eur, FMT.eur],
      "funding",
    );
  return refs;
}

type ProjectionCols = { month: string; label: string; reserve: string; result: string; cumulative: string; revenue: string; costs: string; subsidies: string; first: number; last: number; cols: Record<string, string> };

function projectionSheet(wb: ExcelJS.Workbook, s: Scenario, p: Projection, a: AssumptionRefs, lang: Lang, name: string): ProjectionCols {
  const ws = wb.addWorksheet(name);
  const nl = lang === "nl";
  const keys = [
    "month", "label", "inflow", "placements", "activeWorkers", "hours", "feeRate", "fees",
    ...s.benefits.map((_, i) => `benefit${i}`), "benefitFee", "revenue", "staffCost", "investments", "runningCosts",
    ...((s.variableCosts ?? []).length > 0 ? ["variableCosts"] : []),
    ...s.subsidies.map((_, i) => `subsidy${i}`), "subsidies", "costs", "result", "cumulativeResult", "reserve",
  ];
  const col: Record<string, string> = {};
  keys.forEach((k, i) => (col[k] = colName(i + 1)));
  const headerRow = ws.getRow(1);
  keys.forEach((k, i) => {
    const b = /^benefit(\d+)$/.exec(k);
    const sub = /^subsidy(\d+)$/.exec(k);
    headerRow.getCell(i + 1).value = b
      ? `${nl ? "voordelen" : "benefits"} ${s.benefits[Number(b[1])]!.type}`
      : sub
        ? `${nl ? "subsidie" : "subsidy"} ${s.subsidies[Number(sub[1])]!.name}`
        : label(k as Parameters<typeof label>[0], lang);
  });
  styleHeaderRow(headerRow);
  setupSheet(ws, { title: `MENERVA — ${s.name} — ${name}`, freezeRows: 1, freezeCols: 2, widths: keys.map((k) => (k === "month" ? 7 : k === "label" ? 9 : 15)), landscape: true });

  const first = 2;
  const last = first + s.months - 1;
  const A = (r: number) => `$${col.month}${r}`;
  const range = (k: string) => `$${col[k]}$${first}:$${col[k]}$${last}`;
  const q = `(1-${a.monthly_dropout})`;
  // Benefit tiers are rows of the assumptions' benefits table, in type order.
  let tierRow = Number(a["benefits.first"]);
  const tierRefs = s.benefits.map((b) =>
    b.tiers.map(() => {
      const r = tierRow++;
      const sheet = SHEETS[lang].assumptions;
      return { from: ref(sheet, abs("C", r)), to: ref(sheet, abs("D", r)), amount: ref(sheet, abs("E", r)) };
    }),
  );
  const subRow0 = Number(a["sub.first"]);

  p.rows.forEach((m, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    const c = (k: string) => row.getCell(col[k]!);
    const at = (k: string) => `${col[k]}${r}`;
    const above = (k: string) => `${col[k]}${r - 1}`;
    setNumber(c("month"), m.month, FMT.int);
    c("label").value = m.label;
    if (s.inflow.kind === "constant") setFormula(c("inflow"), a.inflow!, m.inflow, FMT.hours);
    else if (s.inflow.kind === "growth") setFormula(c("inflow"), `${a.inflow_start}*(1+${a.inflow_growth})^(${A(r)}-1)`, m.inflow, FMT.hours);
    else setNumber(c("inflow"), m.inflow, FMT.hours);
    setFormula(c("placements"), `IF(${A(r)}>${a.months_to_placement},INDEX(${range("inflow")},${A(r)}-${a.months_to_placement})*${a.ready_share}*${a.placement_rate},0)`, m.placements, FMT.hours);
    setFormula(c("activeWorkers"), i === 0 ? `${at("placements")}` : `${above("activeWorkers")}*${q}+${at("placements")}`, m.activeWorkers, FMT.hours);
    setFormula(c("hours"), `${at("activeWorkers")}*${a.hours_per_week}*${a.weeks_per_month}`, m.hours, FMT.hours);
    setFormula(c("feeRate"), `LOOKUP(${A(r)},${a["fee.0"]},${a["fee.1"]})`, m.feeRate, FMT.eur);
    setFormula(c("fees"), `ROUND(${at("hours")}*${at("feeRate")},2)`, m.fees, FMT.eur);
    s.benefits.forEach((_, bi) => {
      // Workers placed in month p are in tier [f, g] when f ≤ t-p+1 ≤ g, weighted by survival q^(t-p).
      const terms = tierRefs[bi]!.map(
        (t) => `${t.amount}*SUMPRODUCT((${range("month")}<=${A(r)}-${t.from}+1)*(${range("month")}>=${A(r)}-${t.to}+1)*${range("placements")}*${q}^ABS(${A(r)}-${range("month")}))`,
      );
      setFormula(c(`benefit${bi}`), `ROUND(${terms.join("+") || "0"},2)`, m.benefitsByType[bi]!, FMT.eur);
    });
    const benefitCells = s.benefits.map((_, bi) => at(`benefit${bi}`));
    setFormula(c("benefitFee"), benefitCells.length ? `ROUND(${a.benefit_share}*(${benefitCells.join("+")}),2)` : "0", m.benefitFee, FMT.eur);
    setFormula(c("revenue"), `${at("fees")}+${at("benefitFee")}`, m.revenue, FMT.eur);
    const cpYears = s.seStaff.costPrice?.grossByYear.length;
    if (cpYears !== undefined)
      setFormula(c("staffCost"), `INDEX(${a[`staffcp.${s.sePartners.length + 1}`]},MIN(INT((${A(r)}-1)/12)+1,${cpYears}))`, m.staffCost, FMT.eur);
    else setFormula(c("staffCost"), `ROUND(${a.fte_per_partner}*${a.yearly_cost_per_fte}*(1+${a.indexation})^INT((${A(r)}-1)/12)/12,2)*${a.se_partners}`, m.staffCost, FMT.eur);
    const vars = s.variableCosts ?? [];
    if (vars.length > 0) {
      const varRow0 = Number(a["var.first"]);
      const terms = vars.map((v, vi) => {
        const cell = (letter: string) => ref(SHEETS[lang].assumptions, abs(letter, varRow0 + vi));
        const per = v.per === "candidate" ? at("inflow") : at("activeWorkers");
        return `IF(AND(${A(r)}>=${cell("E")},${A(r)}<=${cell("F")}),ROUND(${cell("D")}*${per},2),0)`;
      });
      setFormula(c("variableCosts"), terms.join("+"), m.variableCosts, FMT.eur);
    }
    setFormula(c("investments"), `SUMIF(${a["inv.1"]},${A(r)},${a["inv.2"]})`, m.investments, FMT.eur);
    setFormula(c("runningCosts"), `SUMIFS(${a["run.1"]},${a["run.2"]},"<="&${A(r)},${a["run.3"]},">="&${A(r)})`, m.runningCosts, FMT.eur);
    s.subsidies.forEach((x, si) => {
      const sr = subRow0 + si;
      const cell = (letter: string) => ref(SHEETS[lang].assumptions, abs(letter, sr));
      const [rate, amount, from, months, cap] = [cell("D"), cell("E"), cell("F"), cell("G"), cell("H")];
      const basis =
        x.basis.kind === "staff-cost"
          ? `ROUND(${rate}*${at("staffCost")},2)`
          : x.basis.kind === "investment"
            ? `ROUND(${rate}*SUMIFS(${a["inv.2"]},${a["inv.0"]},${cell("C")},${a["inv.1"]},${A(r)}),2)`
            : amount;
      const k = `subsidy${si}`;
      const paid = i === 0 ? "0" : `SUM($${col[k]}$${first}:${col[k]}${r - 1})`;
      const capped = x.cap !== undefined ? `MAX(0,MIN(${basis},${cap}-${paid}))` : basis;
      setFormula(c(k), `IF(AND(${A(r)}>=${from},${A(r)}<${from}+${months}),${capped},0)`, m.subsidiesByItem[si]!, FMT.eur);
    });
    const subCells = s.subsidies.map((_, si) => at(`subsidy${si}`));
    // With a funding mix, the funders' payments come from the funding sheet (same row layout).
    const nFund = (s.funding ?? []).length;
    if (nFund > 0) setFormula(c("subsidies"), ref(SHEETS[lang].funding, `${colName(4 + nFund)}${r}`), m.subsidies, FMT.eur);
    else setFormula(c("subsidies"), subCells.length ? subCells.join("+") : "0", m.subsidies, FMT.eur);
    setFormula(c("costs"), `${at("staffCost")}+${at("investments")}+${at("runningCosts")}${(s.variableCosts ?? []).length > 0 ? `+${at("variableCosts")}` : ""}`, m.costs, FMT.eur);
    setFormula(c("result"), `${at("revenue")}-${at("costs")}+${at("subsidies")}`, m.result, FMT.eur);
    setFormula(c("cumulativeResult"), i === 0 ? at("result") : `${above("cumulativeResult")}+${at("result")}`, m.cumulativeResult, FMT.eur);
    setFormula(c("reserve"), `${a.opening_reserve}+${at("cumulativeResult")}`, m.reserve, FMT.eur);
  });
  const R = (k: string) => ref(name, range(k));
  return { month: R("month"), label: R("label"), reserve: R("reserve"), result: R("result"), cumulative: R("cumulativeResult"), revenue: R("revenue"), costs: R("costs"), subsidies: R("subsidies"), first, last, cols: col };
}

function figuresSheet(wb: ExcelJS.Workbook, k: KeyFigures, pc: ProjectionCols, lang: Lang, name: string, scenarioName: string): void {
  const ws = wb.addWorksheet(name);
  setupSheet(ws, { title: `MENERVA — ${scenarioName} — ${name}`, freezeRows: 1, widths: [36, 18, 60], landscape: false });
  const nl = lang === "nl";
  const h = ws.getRow(1);
  h.getCell(1).value = nl ? "kengetal" : "figure";
  h.getCell(2).value = nl ? "waarde" : "value";
  h.getCell(3).value = nl ? "definitie" : "definition";
  styleHeaderRow(h);
  const never = label("never", lang);
  const lastResult = `INDEX(${pc.result},ROWS(${pc.result}))`;
  const rows: [string, string, Dec | number | string, string, string][] = [
    [label("breakEvenMonth", lang), `IF(${lastResult}<0,"${never}",_xlfn.MAXIFS(${pc.month},${pc.result},"<0")+1)`, k.breakEvenMonth ?? never, FMT.int, nl ? "eerste maand met resultaat ≥ 0 dat zo blijft" : "first month with result ≥ 0 that stays ≥ 0"],
    [label("paybackMonth", lang), `IF(COUNTIF(${pc.cumulative},">=0")=0,"${never}",_xlfn.MINIFS(${pc.month},${pc.cumulative},">=0"))`, k.paybackMonth ?? never, FMT.int, nl ? "eerste maand met cumulatief resultaat ≥ 0 (investeringen inbegrepen)" : "first month with cumulative result ≥ 0 (investments included)"],
    [label("lowestReserve", lang), `MIN(${pc.reserve})`, k.lowestReserve, FMT.eur, ""],
    [label("lowestReserveMonth", lang), `MATCH(MIN(${pc.reserve}),${pc.reserve},0)`, k.lowestReserveMonth, FMT.int, ""],
    [label("fundingNeed", lang), `MAX(0,-MIN(${pc.reserve}))`, k.fundingNeed, FMT.eur, nl ? "max(0, −laagste reserve)" : "max(0, −lowest reserve)"],
    [label("endReserve", lang), `INDEX(${pc.reserve},ROWS(${pc.reserve}))`, k.endReserve, FMT.eur, ""],
    [label("feasible", lang), `IF(MIN(${pc.reserve})>=0,"${label("yes", lang)}","${label("no", lang)}")`, label(k.feasible ? "yes" : "no", lang), "", nl ? "reserve nooit onder nul" : "reserve never below zero"],
    [label("totalRevenue", lang), `SUM(${pc.revenue})`, k.totalRevenue, FMT.eur, ""],
    [label("totalCosts", lang), `SUM(${pc.costs})`, k.totalCosts, FMT.eur, ""],
    [label("totalSubsidies", lang), `SUM(${pc.subsidies})`, k.totalSubsidies, FMT.eur, ""],
    [label("totalResult", lang), `SUM(${pc.result})`, k.totalResult, FMT.eur, ""],
    [label("resultWithoutSubsidies", lang), `SUM(${pc.result})-SUM(${pc.subsidies})`, k.resultWithoutSubsidies, FMT.eur, ""],
  ];
  rows.forEach(([l, f, v, fmt, def], i) => {
    const r = ws.getRow(i + 2);
    r.getCell(1).value = l;
    setFormula(r.getCell(2), f, v, fmt || undefined);
    r.getCell(3).value = def;
  });
}

function partnersSheet(wb: ExcelJS.Workbook, p: Projection, lang: Lang, name: string, scenarioName: string): void {
  const ws = wb.addWorksheet(name);
  setupSheet(ws, { title: `MENERVA — ${scenarioName} — ${name}`, widths: [24, 16, 16, 16, 16, 16, 16, 16, 16, 10], landscape: true });
  const nl = lang === "nl";
  let row = 1;
  const block = (title: string, head: string[], rows: (Dec | string)[][]) => {
    ws.getRow(row++).getCell(1).value = title;
    ws.getRow(row - 1).getCell(1).font = { bold: true };
    const h = ws.getRow(row++);
    head.forEach((x, i) => (h.getCell(i + 1).value = x));
    styleHeaderRow(h);
    for (const r of rows) {
      const xr = ws.getRow(row++);
      r.forEach((v, i) => {
        if (typeof v === "string") xr.getCell(i + 1).value = v;
        else if (v.decimalPlaces() <= 2) setMoney(xr.getCell(i + 1), v);
        else setNumber(xr.getCell(i + 1), v.toDecimalPlaces(4), FMT.hours);
      });
    }
    row++;
  };
  block(
    nl ? "SE-partners: gelijke verdeling van de omzet (per maand in centen)" : "SE partners: equal split of revenue (per month, in cents)",
    [label("partner", lang), label("share", lang), label("staffCost", lang), label("staffSubsidy", lang), label("balance", lang)],
    (p.sePartners ?? []).map((x) => [x.name, x.share, x.staffCost, x.staffSubsidy, x.balance]),
  );
  block(
    nl ? "NEC-partners: win-win (marge − uurvergoeding − kost cel + behouden voordelen)" : "NEC partners: win-win (margin − fees − cell cost + benefits kept)",
    [label("partner", lang), label("hours", lang), label("margin", lang), label("feesPaid", lang), label("benefitsReceived", lang), label("benefitFeePaid", lang), label("benefitsKept", lang), label("cellCost", lang), label("net", lang), label("winWin", lang)],
    (p.necPartners ?? []).map((x) => [x.name, x.hours, x.margin, x.feesPaid, x.benefitsReceived, x.benefitFeePaid, x.benefitsKept, x.cellCost, x.net, label(x.net.greaterThan(0) ? "yes" : "no", lang)]),
  );
}

function sensitivitySheet(wb: ExcelJS.Workbook, sens: Sensitivity, lang: Lang, name: string, scenarioName: string): { cats: string; low: string; high: string } {
  const ws = wb.addWorksheet(name);
  const pct = fmtDecimal(sens.fraction.times(100));
  setupSheet(ws, { title: `MENERVA — ${scenarioName} — ${name} ±${pct}%`, freezeRows: 1, widths: [32, 18, 18, 18, 18], landscape: false });
  const h = ws.getRow(1);
  [label("driver", lang), `Δ ${label("endReserve", lang)} −${pct}%`, `Δ ${label("endReserve", lang)} +${pct}%`, `Δ ${label("fundingNeed", lang)} −${pct}%`, `Δ ${label("fundingNeed", lang)} +${pct}%`].forEach(
    (x, i) => (h.getCell(i + 1).value = x),
  );
  styleHeaderRow(h);
  sens.rows.forEach((r, i) => {
    const xr = ws.getRow(i + 2);
    xr.getCell(1).value = DRIVERS[r.driver][lang];
    setMoney(xr.getCell(2), r.endReserveLowDelta);
    setMoney(xr.getCell(3), r.endReserveHighDelta);
    setMoney(xr.getCell(4), r.fundingNeedLowDelta);
    setMoney(xr.getCell(5), r.fundingNeedHighDelta);
  });
  const last = sens.rows.length + 1;
  return { cats: ref(name, `$A$2:$A$${last}`), low: ref(name, `$B$2:$B$${last}`), high: ref(name, `$C$2:$C$${last}`) };
}

function gridSheet(wb: ExcelJS.Workbook, g: Grid, lang: Lang, name: string, scenarioName: string): void {
  const ws = wb.addWorksheet(name);
  setupSheet(ws, { title: `MENERVA — ${scenarioName} — ${name}`, freezeRows: 2, freezeCols: 1, widths: [16, ...g.xs.map(() => 14)], landscape: true });
  const nl = lang === "nl";
  ws.getRow(1).getCell(1).value = `${label("endReserve", lang)}: ${g.y.driver} (${nl ? "rijen" : "rows"}) × ${g.x.driver} (${nl ? "kolommen" : "columns"}); ${nl ? "rood = reserve gaat onder nul" : "red = reserve goes below zero"}`;
  const h = ws.getRow(2);
  h.getCell(1).value = `${g.y.driver} \\ ${g.x.driver}`;
  g.xs.forEach((x, i) => setNumber(h.getCell(i + 2), x, FMT.decimal4));
  styleHeaderRow(h);
  g.ys.forEach((y, iy) => {
    const r = ws.getRow(iy + 3);
    setNumber(r.getCell(1), y, FMT.decimal4);
    r.getCell(1).font = { bold: true };
    g.cells[iy]!.forEach((c, ix) => {
      const cell = r.getCell(ix + 2);
      setMoney(cell, c.endReserve);
      if (!c.feasible) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF4CCCC" } };
    });
  });
  // The same grid as yes/no, for readers who print in black and white.
  const top = g.ys.length + 4;
  ws.getRow(top).getCell(1).value = `${label("feasible", lang)} (${nl ? "reserve nooit onder nul" : "reserve never below zero"})`;
  ws.getRow(top).getCell(1).font = { bold: true };
  const h2 = ws.getRow(top + 1);
  h2.getCell(1).value = `${g.y.driver} \\ ${g.x.driver}`;
  g.xs.forEach((x, i) => setNumber(h2.getCell(i + 2), x, FMT.decimal4));
  styleHeaderRow(h2);
  g.ys.forEach((y, iy) => {
    const r = ws.getRow(top + 2 + iy);
    setNumber(r.getCell(1), y, FMT.decimal4);
    r.getCell(1).font = { bold: true };
    g.cells[iy]!.forEach((c, ix) => (r.getCell(ix + 2).value = label(c.feasible ? "yes" : "no", lang)));
  });
}

function monteCarloSheet(
  wb: ExcelJS.Workbook,
  mc: MonteCarloResult,
  p: Projection,
  pc: ProjectionCols,
  lang: Lang,
  name: string,
  scenarioName: string,
  projName: string,
): { p5: string; p50: string; p95: string; band: string } {
  const ws = wb.addWorksheet(name);
  const nl = lang === "nl";
  setupSheet(ws, { title: `MENERVA — ${scenarioName} — ${name} (${mc.runs} runs, seed ${mc.seed})`, freezeRows: 1, widths: [8, 10, 16, 16, 16, 16, 18, 16], landscape: false });
  const h = ws.getRow(1);
  [label("month", lang), label("label", lang), `${label("reserve", lang)} P5`, `${label("reserve", lang)} P50`, `${label("reserve", lang)} P95`, `${label("reserve", lang)} ${label("mean", lang)}`, nl ? "reserve (deterministisch)" : "reserve (deterministic)", nl ? "band P95 − P5" : "band P95 − P5"].forEach(
    (x, i) => (h.getCell(i + 1).value = x),
  );
  styleHeaderRow(h);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  p.rows.forEach((m, t) => {
    const r = ws.getRow(t + 2);
    setNumber(r.getCell(1), m.month, FMT.int);
    r.getCell(2).value = m.label;
    setNumber(r.getCell(3), r2(mc.reserveP5[t]!), FMT.eur);
    setNumber(r.getCell(4), r2(mc.reserveP50[t]!), FMT.eur);
    setNumber(r.getCell(5), r2(mc.reserveP95[t]!), FMT.eur);
    setNumber(r.getCell(6), r2(mc.reserveMean[t]!), FMT.eur);
    setFormula(r.getCell(7), ref(projName, `${pc.cols.reserve}${pc.first + t}`), m.reserve, FMT.eur);
    // The chart's band is stacked on P5, so it needs the width of the band.
    setFormula(r.getCell(8), `E${t + 2}-C${t + 2}`, r2(r2(mc.reserveP95[t]!) - r2(mc.reserveP5[t]!)), FMT.eur);
  });
  const base = p.rows.length + 3;
  const info: [string, number | string][] = [
    [nl ? "kans haalbaar (reserve nooit < 0)" : "probability feasible (reserve never < 0)", mc.probabilityFeasible],
    [nl ? "runs zonder break-even" : "runs without break-even", mc.neverBreakEven],
    [nl ? "simulatie op kommagetallen, geen boekhouding" : "float simulation, not accounting", ""],
  ];
  info.forEach(([l, v], i) => {
    const r = ws.getRow(base + i);
    r.getCell(1).value = l;
    if (typeof v === "number") setNumber(r.getCell(3), v, i === 0 ? FMT.pct : FMT.int);
  });
  const last = p.rows.length + 1;
  return { p5: ref(name, `$C$2:$C$${last}`), p50: ref(name, `$D$2:$D$${last}`), p95: ref(name, `$E$2:$E$${last}`), band: ref(name, `$H$2:$H$${last}`) };
}

/**
 * Who pays what per month: costs (from the projection), each funder (menerva's
 * allocation as values: order and caps make it a program, not a formula), the
 * funders' total, the project's part and its gap as formulas, a check column
 * (funders + project − costs = 0) and totals with the leverage below.
 */
function fundingSheet(
  wb: ExcelJS.Workbook,
  s: Scenario,
  p: Projection,
  f: FundingFigures,
  pc: ProjectionCols,
  lang: Lang,
  name: string,
  projName: string,
): { series: { name: string; ref: string }[]; categories: string } {
  const ws = wb.addWorksheet(name);
  const nl = lang === "nl";
  const funders = s.funding ?? [];
  const first = s.subsidies.length;
  const nF = funders.length;
  const colTotal = colName(4 + nF);
  const colProject = colName(5 + nF);
  const colGap = colName(6 + nF);
  const colCovered = colName(7 + nF);
  const colCheck = colName(8 + nF);
  setupSheet(ws, { title: `MENERVA — ${s.name} — ${name}`, freezeRows: 1, freezeCols: 2, widths: [7, 9, 15, ...funders.map(() => 16), 16, 18, 15, 15, 12], landscape: true });
  const h = ws.getRow(1);
  [
    label("month", lang), label("label", lang), label("costs", lang), ...funders.map((x) => x.name), nl ? "totaal financiers" : "funders total",
    nl ? "project (omzet + reserve)" : "project (revenue + reserve)", nl ? "waarvan tekort" : "of which gap", nl ? "gedekt door project" : "covered by project", nl ? "controle" : "check",
  ].forEach((x, i) => (h.getCell(i + 1).value = x));
  styleHeaderRow(h);
  p.rows.forEach((m, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    const fm = m.funding!;
    setNumber(row.getCell(1), m.month, FMT.int);
    row.getCell(2).value = m.label;
    setFormula(row.getCell(3), ref(projName, `${pc.cols["costs"]}${pc.first + i}`), m.costs, FMT.eur);
    funders.forEach((_, fi) => setMoney(row.getCell(4 + fi), m.subsidiesByItem[first + fi]!));
    setFormula(row.getCell(4 + nF), nF > 0 ? `SUM(D${r}:${colName(3 + nF)}${r})` : "0", m.subsidies, FMT.eur);
    setFormula(row.getCell(5 + nF), `C${r}-${colTotal}${r}`, fm.projectTotal, FMT.eur);
    setMoney(row.getCell(6 + nF), fm.gap);
    setFormula(row.getCell(7 + nF), `${colProject}${r}-${colGap}${r}`, fm.covered, FMT.eur);
    setFormula(row.getCell(8 + nF), `ROUND(${colTotal}${r}+${colProject}${r}-C${r},2)`, 0, FMT.eur);
  });
  const last = p.rows.length + 1;
  // Totals per column, then the leverage on its own row.
  const tr = ws.getRow(last + 2);
  tr.getCell(2).value = nl ? "totaal" : "total";
  const colSum = (col: string, v: Dec) => setFormula(tr.getCell(col), `SUM(${col}2:${col}${last})`, v, FMT.eur);
  colSum("C", f.totalCosts);
  funders.forEach((_, fi) => colSum(colName(4 + fi), f.funders[fi]!.total));
  colSum(colTotal, f.funders.reduce((a, b) => a.plus(b.total), new D(0)));
  colSum(colProject, f.projectTotal);
  colSum(colGap, f.gapTotal);
  tr.font = { bold: true };
  const lr = ws.getRow(last + 3);
  lr.getCell(2).value = nl ? "hefboom" : "leverage";
  lr.getCell(3).value = nl ? "totale kosten / eigen inbreng" : "total costs / own contribution";
  const ownCols = funders.map((x, fi) => (x.own ? `${colName(4 + fi)}${last + 2}` : "")).filter(Boolean);
  if (ownCols.length > 0 && f.leverage !== undefined) setFormula(lr.getCell(4), `ROUND(C${last + 2}/(${ownCols.join("+")}),2)`, f.leverage, FMT.decimal4);
  else lr.getCell(4).value = nl ? "geen eigen inbreng" : "no own contribution";
  const R = (col: string) => ref(name, `$${col}$2:$${col}$${last}`);
  return {
    categories: R("B"),
    series: [
      ...funders.map((x, fi) => ({ name: x.name, ref: R(colName(4 + fi)) })),
      { name: nl ? "project" : "project", ref: R(colCovered) },
      { name: nl ? "tekort" : "gap", ref: R(colGap) },
    ],
  };
}

/** The whole workbook as deterministic bytes. */
export async function buildScenarioWorkbook(x: ScenarioWorkbookInput): Promise<Uint8Array> {
  const S = SHEETS[x.lang];
  const wb = new ExcelJS.Workbook();
  const a = assumptionsSheet(wb, x.scenario, x.lang, S.assumptions);
  const pc = projectionSheet(wb, x.scenario, x.projection, a, x.lang, S.projection);
  figuresSheet(wb, x.figures, pc, x.lang, S.figures, x.scenario.name);
  partnersSheet(wb, x.projection, x.lang, S.partners, x.scenario.name);
  if (x.costPrice) addCostPriceSheets(wb, x.costPrice, x.lang);
  const fund = x.funding && x.scenario.funding ? fundingSheet(wb, x.scenario, x.projection, x.funding, pc, x.lang, S.funding, S.projection) : undefined;
  const sens = x.sensitivity ? sensitivitySheet(wb, x.sensitivity, x.lang, S.sensitivity, x.scenario.name) : undefined;
  if (x.grid) gridSheet(wb, x.grid, x.lang, S.grid, x.scenario.name);
  const mc = x.monteCarlo ? monteCarloSheet(wb, x.monteCarlo, x.projection, pc, x.lang, S.montecarlo, x.scenario.name, S.projection) : undefined;
  const chartsWs = wb.addWorksheet(S.charts);
  setupSheet(chartsWs, { title: `MENERVA — ${x.scenario.name} — ${S.charts}`, landscape: true });
  const nl = x.lang === "nl";
  const charts: ChartSpec[] = [
    {
      sheet: S.charts,
      anchor: { col: 0, row: 0, width: 12, height: 20 },
      type: "line",
      title: nl ? "Reserve per maand" : "Reserve per month",
      categories: pc.label,
      series: [
        { name: label("reserve", x.lang), ref: pc.reserve, color: "0072B2" },
        ...(mc ? [{ name: "P5", ref: mc.p5, color: "D55E00" }, { name: "P50", ref: mc.p50, color: "009E73" }, { name: "P95", ref: mc.p95, color: "E69F00" }] : []),
      ],
      numFmt: FMT.eurWhole,
      yAxisTitle: "EUR",
    },
    {
      sheet: S.charts,
      anchor: { col: 12, row: 0, width: 12, height: 20 },
      type: "line",
      title: nl ? "Omzet, kosten en subsidies per maand" : "Revenue, costs and subsidies per month",
      categories: pc.label,
      series: [
        { name: label("revenue", x.lang), ref: pc.revenue, color: "009E73" },
        { name: label("costs", x.lang), ref: pc.costs, color: "D55E00" },
        { name: label("subsidies", x.lang), ref: pc.subsidies, color: "56B4E9" },
      ],
      numFmt: FMT.eurWhole,
      yAxisTitle: "EUR",
    },
    ...(mc
      ? [
          {
            sheet: S.charts,
            anchor: { col: 24, row: 0, width: 12, height: 20 },
            type: "area" as const,
            stacked: true,
            title: nl ? "Monte Carlo: reserve P5–P95" : "Monte Carlo: reserve P5–P95",
            categories: pc.label,
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
            sheet: S.charts,
            anchor: { col: 0, row: 44, width: 24, height: 22 },
            type: "bar" as const,
            stacked: true,
            title: nl ? "Wie betaalt wat, per maand" : "Who pays what, per month",
            categories: fund.categories,
            series: fund.series.map((s, i, all) => ({ ...s, color: i === all.length - 1 ? "D55E00" : i === all.length - 2 ? "BBBBBB" : FUNDING_COLORS[i % FUNDING_COLORS.length]! })),
            numFmt: FMT.eurWhole,
            yAxisTitle: "EUR",
          },
        ]
      : []),
    ...(sens
      ? [
          {
            sheet: S.charts,
            anchor: { col: 0, row: 21, width: 24, height: 22 },
            type: "barHorizontal" as const,
            title: nl ? "Gevoeligheid eindreserve (tornado)" : "End reserve sensitivity (tornado)",
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
