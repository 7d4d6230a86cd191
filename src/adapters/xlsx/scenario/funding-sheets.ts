// The funding mix as live formulas (issue 14): "Financiering per kostenlijn"
// runs menerva's allocation (funding.ts allocateMonth) cell by cell: per cost
// line its amount; per funder, in file order, what is left of each line, what
// it wants (its rate of the line, or its monthly amount spread over the lines
// by largest remainder), its caps and what it pays; the project pays the rest.
// "Financiering" sums that up per month (who pays what, the gap, a check
// column) for the stacked chart. Change a rate or a cap on Aannames and every
// payment, the projection and the charts follow.
import type ExcelJS from "exceljs";
import { ZERO, type Dec } from "../../../domain/money.js";
import { costLines, eligibility, type CostLine } from "../../../domain/scenario/funding.js";
import { label } from "../../../report/scenario-labels.js";
import { setFormula, setNumber } from "../cells.js";
import { FMT } from "../formats.js";
import { centsOf, colName, largestRemainderPart, ref, roundHalfUp, roundRateTimes } from "../formula.js";
import type { Assumptions } from "./assumptions-sheet.js";
import { headerRow, setupLegible, type Ctx } from "./context.js";
import type { AllocationTotals, ProjectionCols } from "./projection-sheet.js";

type Column = { key: string; header: string; width: number };

/** The allocation sheet's layout, decided before the projection exists (the projection reads its totals). */
export type AllocationLayout = {
  readonly lines: readonly CostLine[];
  readonly eligible: readonly (readonly boolean[])[];
  readonly col: Readonly<Record<string, string>>;
  readonly columns: readonly Column[];
  readonly totals: AllocationTotals;
  /** Per funder, its total column; per funder and line, its pay column ("" when it does not pay that line). */
  readonly funderTotal: (f: number) => string;
};

export function allocationLayout(x: Ctx): AllocationLayout {
  const { s, nl } = x;
  const funders = s.funding ?? [];
  const lines = costLines(s);
  const eligible = eligibility(lines, funders);
  const lineName = (l: CostLine) => (l.kind === "staff" ? label("staffCost", x.lang) : l.name);
  const cols: Column[] = [
    { key: "month", header: nl ? "maand" : "month", width: 7 },
    { key: "label", header: nl ? "periode" : "period", width: 9 },
  ];
  lines.forEach((l, li) => cols.push({ key: `line${li}`, header: lineName(l), width: 13 }));
  if (s.seStaff.costPrice) cols.push({ key: "pre", header: nl ? "subsidies kostprijs op personeelskost" : "cost-price subsidies on staff cost", width: 14 });
  funders.forEach((f, fi) => {
    const idx = lines.map((_, li) => li).filter((li) => eligible[fi]![li]);
    for (const li of idx) cols.push({ key: `rest${fi}_${li}`, header: `${f.name}: ${nl ? "over van" : "left of"} ${lineName(lines[li]!)}`, width: 13 });
    if (f.basis.kind === "amount") cols.push({ key: `amount${fi}`, header: `${f.name}: ${nl ? "bedrag deze maand" : "amount this month"}`, width: 13 });
    for (const li of idx) cols.push({ key: `want${fi}_${li}`, header: `${f.name}: ${nl ? "gevraagd voor" : "wanted for"} ${lineName(lines[li]!)}`, width: 13 });
    cols.push({ key: `wanted${fi}`, header: `${f.name}: ${nl ? "gevraagd" : "wanted"}`, width: 13 });
    cols.push({ key: `room${fi}`, header: `${f.name}: ${nl ? "binnen plafonds" : "within caps"}`, width: 13 });
    for (const li of idx) cols.push({ key: `pay${fi}_${li}`, header: `${f.name}: ${nl ? "betaalt" : "pays"} ${lineName(lines[li]!)}`, width: 13 });
    cols.push({ key: `total${fi}`, header: `${f.name}: ${nl ? "totaal" : "total"}`, width: 13 });
  });
  lines.forEach((l, li) => cols.push({ key: `project${li}`, header: `${nl ? "project" : "project"}: ${lineName(l)}`, width: 13 }));
  cols.push({ key: "projectTotal", header: nl ? "project totaal" : "project total", width: 13 });
  cols.push({ key: "subsidies", header: nl ? "subsidies financiers" : "funders' subsidies", width: 13 });
  cols.push({ key: "own", header: nl ? "eigen inbreng" : "own contributions", width: 13 });
  cols.push({ key: "staffSubsidy", header: nl ? "subsidies financiers op personeelskost" : "funders' subsidies on staff cost", width: 14 });
  cols.push({ key: "ownStaff", header: nl ? "eigen inbreng op personeelskost" : "own contributions on staff cost", width: 14 });
  const col: Record<string, string> = {};
  cols.forEach((c, i) => (col[c.key] = colName(i + 1)));
  const sheet = x.names.allocation;
  return {
    lines,
    eligible,
    col,
    columns: cols,
    totals: { subsidies: (r) => ref(sheet, `${col.subsidies}${r}`), own: (r) => ref(sheet, `${col.own}${r}`) },
    funderTotal: (f) => col[`total${f}`]!,
  };
}

/** The allocation sheet: every payment of every funder on every line, as formulas. */
export function allocationSheet(wb: ExcelJS.Workbook, x: Ctx, a: Assumptions, pc: ProjectionCols, L: AllocationLayout): void {
  const { s, p } = x;
  const name = x.names.allocation;
  const ws = wb.addWorksheet(name);
  const widths = L.columns.map((c) => c.width);
  setupLegible(ws, { title: `MENERVA — ${s.name} — ${name}`, freezeRows: 1, freezeCols: 2, widths, landscape: true });
  headerRow(ws, 1, L.columns.map((c) => c.header), widths);
  const funders = s.funding ?? [];
  const { col, lines, eligible } = L;
  const first = 2;
  const t = a.funding!;
  const fcell = (fi: number, i: number) => t.cell(i, t.first + fi);

  p.rows.forEach((m, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    const fm = m.funding!;
    const at = (k: string) => `${col[k]}${r}`;
    const put = (k: string, formula: string, v: Dec) => setFormula(row.getCell(col[k]!), formula, v, FMT.eur);
    const M = `$A${r}`;
    setNumber(row.getCell(1), m.month, FMT.int);
    row.getCell(2).value = m.label;
    // Each cost line's amount this month.
    lines.forEach((l, li) => {
      let f: string;
      if (l.kind === "staff") f = pc.at("staffCost", r);
      else if (l.kind === "investment") {
        const nameRow = a.investments.first + s.investments.findIndex((v) => v.name === l.name);
        f = `SUMIFS(${a.investments.col(2)},${a.investments.col(0)},${a.investments.cell(0, nameRow)},${a.investments.col(1)},${M})`;
      } else if (l.kind === "running") {
        const nameRow = a.running.first + s.runningCosts.findIndex((v) => v.name === l.name);
        f = `SUMIFS(${a.running.col(1)},${a.running.col(0)},${a.running.cell(0, nameRow)},${a.running.col(2)},"<="&${M},${a.running.col(3)},">="&${M})`;
      } else {
        const terms = (s.variableCosts ?? []).flatMap((v, vi) => {
          if (v.name !== l.name) return [];
          const vr = a.variable!.first + vi;
          const per = v.per === "candidate" ? pc.at("inflow", r) : pc.at("activeWorkers", r);
          return [`IF(AND(${M}>=${a.variable!.cell(3, vr)},${M}<=${a.variable!.cell(4, vr)}),${roundHalfUp(`${a.variable!.cell(2, vr)}*${per}`, 2)},0)`];
        });
        f = terms.join("+") || "0";
      }
      put(`line${li}`, f, fm.lines[li]!);
    });
    if (col.pre) put("pre", pc.at("costPriceSubsidy", r), m.costPriceSubsidy);
    // What earlier payers took from each line so far this month.
    const paidSoFar = lines.map((l, li) => [`line${li}`, ...(l.kind === "staff" && col.pre ? ["pre"] : [])]);
    const restExpr = (li: number) => `${at(paidSoFar[li]![0]!)}${paidSoFar[li]!.slice(1).map((k) => `-${at(k)}`).join("")}`;
    funders.forEach((f, fi) => {
      const idx = lines.map((_, li) => li).filter((li) => eligible[fi]![li]);
      const active = `AND(${M}>=${fcell(fi, 5)},${M}<${fcell(fi, 5)}+${fcell(fi, 6)})`;
      for (const li of idx) put(`rest${fi}_${li}`, restExpr(li), fm.restBefore[fi]![li]!);
      if (f.basis.kind === "rate") {
        idx.forEach((li) => put(`want${fi}_${li}`, `IF(${active},MIN(${roundRateTimes(fcell(fi, 3), at(`line${li}`))},${at(`rest${fi}_${li}`)}),0)`, fm.wanted[fi]![li]!));
      } else {
        // The monthly amount, never more than is left of its lines, spread over them in proportion to what is left.
        const rests = idx.map((li) => at(`rest${fi}_${li}`));
        put(`amount${fi}`, `IF(${active},MIN(${fcell(fi, 4)},${rests.join("+") || "0"}),0)`, fm.spreadAmount[fi]!);
        const weights = rests.map(centsOf);
        idx.forEach((li, k) => put(`want${fi}_${li}`, `${largestRemainderPart(centsOf(at(`amount${fi}`)), weights, k)}/100`, fm.wanted[fi]![li]!));
      }
      put(`wanted${fi}`, idx.length ? idx.map((li) => at(`want${fi}_${li}`)).join("+") : "0", idx.reduce((acc, li) => acc.plus(fm.wanted[fi]![li]!), ZERO));
      // Caps: per month, and what is left of the total cap after earlier months.
      const caps: string[] = [];
      if (f.capPerMonth !== undefined) caps.push(fcell(fi, 8));
      if (f.cap !== undefined) caps.push(`MAX(0,${fcell(fi, 7)}-${i === 0 ? "0" : `SUM(${col[`total${fi}`]}$${first}:${col[`total${fi}`]}${r - 1})`})`);
      put(`room${fi}`, caps.length ? `MIN(${at(`wanted${fi}`)},${caps.join(",")})` : at(`wanted${fi}`), fm.funderTotals[fi]!);
      // A cap cuts every line in proportion to what was asked (largest remainder).
      const wantCents = idx.map((li) => centsOf(at(`want${fi}_${li}`)));
      idx.forEach((li, k) =>
        put(
          `pay${fi}_${li}`,
          `IF(${at(`room${fi}`)}=${at(`wanted${fi}`)},${at(`want${fi}_${li}`)},${largestRemainderPart(centsOf(at(`room${fi}`)), wantCents, k)}/100)`,
          fm.byFunder[fi]![li]!,
        ),
      );
      put(`total${fi}`, idx.length ? idx.map((li) => at(`pay${fi}_${li}`)).join("+") : "0", fm.funderTotals[fi]!);
      for (const li of idx) paidSoFar[li]!.push(`pay${fi}_${li}`);
    });
    lines.forEach((_, li) => put(`project${li}`, restExpr(li), fm.project[li]!));
    put("projectTotal", lines.map((_, li) => at(`project${li}`)).join("+"), fm.projectTotal);
    const sumOf = (own: boolean, staffOnly: boolean) => {
      const cells = funders.flatMap((f, fi) => (f.own !== own ? [] : staffOnly ? (eligible[fi]![0] ? [at(`pay${fi}_0`)] : []) : [at(`total${fi}`)]));
      return cells.length ? cells.join("+") : "0";
    };
    const sumV = (own: boolean, staffOnly: boolean) => funders.reduce((acc, f, fi) => (f.own !== own ? acc : acc.plus(staffOnly ? fm.byFunder[fi]![0]! : fm.funderTotals[fi]!)), ZERO);
    put("subsidies", sumOf(false, false), sumV(false, false));
    put("own", sumOf(true, false), sumV(true, false));
    put("staffSubsidy", sumOf(false, true), sumV(false, true));
    put("ownStaff", sumOf(true, true), sumV(true, true));
  });
}

/**
 * Financiering/Funding: per month the costs, the cost-price subsidies, each
 * funder's total (from the allocation sheet), the project's part, what it
 * covered from revenue and reserve, the gap, and a check that the parts add up.
 */
export function fundingSheet(wb: ExcelJS.Workbook, x: Ctx, a: Assumptions, pc: ProjectionCols, L: AllocationLayout): { series: { name: string; ref: string }[]; categories: string } {
  const { s, p, nl } = x;
  const f = x.funding!;
  const name = x.names.funding;
  const ws = wb.addWorksheet(name);
  const funders = s.funding ?? [];
  const cp = s.seStaff.costPrice !== undefined;
  const keys = ["month", "label", "costs", ...(cp ? ["pre"] : []), ...funders.map((_, i) => `f${i}`), "fundersTotal", "project", "gap", "covered", "check"];
  const c: Record<string, string> = {};
  keys.forEach((k, i) => (c[k] = colName(i + 1)));
  const headers: Record<string, string> = {
    month: nl ? "maand" : "month",
    label: nl ? "periode" : "period",
    costs: nl ? "kosten" : "costs",
    pre: nl ? "subsidies kostprijs" : "cost-price subsidies",
    fundersTotal: nl ? "totaal financiers (eigen inbreng inbegrepen)" : "funders total (own contributions included)",
    project: nl ? "project (omzet + reserve)" : "project (revenue + reserve)",
    gap: nl ? "waarvan tekort" : "of which gap",
    covered: nl ? "gedekt door project" : "covered by project",
    check: nl ? "controle" : "check",
  };
  funders.forEach((x1, i) => (headers[`f${i}`] = x1.own ? `${x1.name} (${nl ? "eigen inbreng" : "own"})` : x1.name));
  const widths = keys.map((k) => (k === "month" ? 7 : k === "label" ? 9 : k === "check" ? 10 : 15));
  setupLegible(ws, { title: `MENERVA — ${s.name} — ${name}`, freezeRows: 1, freezeCols: 2, widths, landscape: true });
  headerRow(ws, 1, keys.map((k) => headers[k]!), widths);
  const alloc = x.names.allocation;
  p.rows.forEach((m, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    const fm = m.funding!;
    const cell = (k: string) => row.getCell(c[k]!);
    const at = (k: string) => `${c[k]}${r}`;
    setNumber(cell("month"), m.month, FMT.int);
    cell("label").value = m.label;
    setFormula(cell("costs"), pc.at("costs", pc.first + i), m.costs, FMT.eur);
    if (cp) setFormula(cell("pre"), pc.at("costPriceSubsidy", pc.first + i), m.costPriceSubsidy, FMT.eur);
    funders.forEach((_, fi) => setFormula(cell(`f${fi}`), ref(alloc, `${L.funderTotal(fi)}${r}`), m.funderPayments[fi]!, FMT.eur));
    setFormula(cell("fundersTotal"), funders.length ? `SUM(${c.f0}${r}:${c[`f${funders.length - 1}`]}${r})` : "0", m.funderPayments.reduce((a1, b1) => a1.plus(b1), ZERO), FMT.eur);
    setFormula(cell("project"), `${at("costs")}-${cp ? `${at("pre")}-` : ""}${at("fundersTotal")}`, fm.projectTotal, FMT.eur);
    // The project pays from this month's revenue first, then from the reserve left from earlier months.
    const reserveBefore = i === 0 ? a.scalar.opening_reserve! : pc.at("reserve", pc.first + i - 1);
    setFormula(cell("covered"), `MIN(${at("project")},MAX(0,${pc.at("revenue", pc.first + i)}+MAX(0,${reserveBefore})))`, fm.covered, FMT.eur);
    setFormula(cell("gap"), `${at("project")}-${at("covered")}`, fm.gap, FMT.eur);
    setFormula(cell("check"), `ROUND(${cp ? `${at("pre")}+` : ""}${at("fundersTotal")}+${at("project")}-${at("costs")},2)`, 0, FMT.eur);
  });
  const last = p.rows.length + 1;
  const tr = ws.getRow(last + 2);
  tr.getCell(2).value = nl ? "totaal" : "total";
  const colSum = (k: string, v: Dec) => setFormula(tr.getCell(c[k]!), `SUM(${c[k]}2:${c[k]}${last})`, v, FMT.eur);
  colSum("costs", f.totalCosts);
  if (cp) colSum("pre", f.costPriceSubsidy);
  funders.forEach((_, fi) => colSum(`f${fi}`, f.funders[fi]!.total));
  colSum("fundersTotal", f.funders.reduce((a1, b1) => a1.plus(b1.total), ZERO));
  colSum("project", f.projectTotal);
  colSum("gap", f.gapTotal);
  colSum("covered", f.projectTotal.minus(f.gapTotal));
  tr.font = { bold: true };
  const lr = ws.getRow(last + 3);
  lr.getCell(2).value = nl ? "hefboom" : "leverage";
  lr.getCell(3).value = nl ? "totale kosten / eigen inbreng" : "total costs / own contribution";
  const ownCols = funders.flatMap((x1, fi) => (x1.own ? [`${c[`f${fi}`]}${last + 2}`] : []));
  if (ownCols.length > 0 && f.leverage !== undefined) setFormula(lr.getCell(4), `ROUND(${c.costs}${last + 2}/(${ownCols.join("+")}),2)`, f.leverage, FMT.decimal4);
  else lr.getCell(4).value = nl ? "geen eigen inbreng" : "no own contribution";
  const R = (k: string) => ref(name, `$${c[k]}$2:$${c[k]}$${last}`);
  return {
    categories: R("label"),
    series: [
      ...(cp ? [{ name: headers.pre!, ref: R("pre") }] : []),
      ...funders.map((x1, fi) => ({ name: headers[`f${fi}`]!, ref: R(`f${fi}`) })),
      { name: nl ? "project" : "project", ref: R("covered") },
      { name: nl ? "tekort" : "gap", ref: R("gap") },
    ],
  };
}
