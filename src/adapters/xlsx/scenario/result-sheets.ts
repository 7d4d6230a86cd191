// Sheets that hold a command's results rather than formulas: the tornado,
// the grid and the Monte Carlo percentiles. They cannot follow an edited
// assumption, so their first row says so, with the command that made them,
// its parameters and the inputs' digest (issue 14): a stale table is never
// taken for a live one.
import type ExcelJS from "exceljs";
import { DRIVERS } from "../../../domain/scenario/drivers.js";
import type { Grid } from "../../../domain/scenario/grid.js";
import type { MonteCarloResult } from "../../../domain/scenario/montecarlo.js";
import type { Sensitivity } from "../../../domain/scenario/sensitivity.js";
import { label } from "../../../report/scenario-labels.js";
import { notLiveNote, type RunInfo } from "../../../report/scenario-run.js";
import { fmtFloat, rowChange } from "../../../report/scenario-tables.js";
import { setFormula, setMoney, setNumber } from "../cells.js";
import { FMT } from "../formats.js";
import { ref } from "../formula.js";
import { fitHeight, headerRow, setupLegible, type Ctx } from "./context.js";
import type { ProjectionCols } from "./projection-sheet.js";

/** Row 1: the "not live" note over the whole width, wrapped, in italics on a pale fill. */
function noteRow(ws: ExcelJS.Worksheet, run: RunInfo, x: Ctx, widths: readonly number[]): void {
  const text = notLiveNote(run, x.lang);
  const r = ws.getRow(1);
  r.getCell(1).value = text;
  ws.mergeCells(1, 1, 1, widths.length);
  r.getCell(1).alignment = { wrapText: true, vertical: "top" };
  r.getCell(1).font = { italic: true, name: "Calibri", size: 11 };
  r.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  const total = widths.reduce((a, b) => a + b, 0);
  fitHeight(r, [text], [total]);
}

export function sensitivitySheet(wb: ExcelJS.Workbook, x: Ctx, sens: Sensitivity, run: RunInfo): { cats: string; low: string; high: string } {
  const { lang } = x;
  const name = x.names.sensitivity;
  const ws = wb.addWorksheet(name);
  const pct = fmtFloat(sens.fraction.toNumber() * 100, 2).replace(/\.?0+$/, "");
  const widths = [36, 16, 13, 13, 18, 18, 18, 18];
  setupLegible(ws, { title: `MENERVA — ${x.s.name} — ${name} ±${pct}%`, freezeRows: 2, widths, landscape: true });
  noteRow(ws, run, x, widths);
  headerRow(
    ws,
    2,
    [
      label("driver", lang), label("change", lang), `${label("value", lang)} ${label("low", lang)}`, `${label("value", lang)} ${label("high", lang)}`,
      `Δ ${label("endReserve", lang)} ${label("low", lang)}`, `Δ ${label("endReserve", lang)} ${label("high", lang)}`,
      `Δ ${label("fundingNeed", lang)} ${label("low", lang)}`, `Δ ${label("fundingNeed", lang)} ${label("high", lang)}`,
    ],
    widths,
  );
  sens.rows.forEach((r, i) => {
    const xr = ws.getRow(i + 3);
    // The chart's category: the driver with how far it moved ("maanden tot plaatsing (−1 / +1 maand)").
    xr.getCell(1).value = `${DRIVERS[r.driver][lang]} (${rowChange(r, lang)})`;
    xr.getCell(2).value = rowChange(r, lang);
    if (r.lowValue !== undefined) setNumber(xr.getCell(3), r.lowValue, r.lowValue.isInteger() ? FMT.int : FMT.decimal4);
    if (r.highValue !== undefined) setNumber(xr.getCell(4), r.highValue, r.highValue.isInteger() ? FMT.int : FMT.decimal4);
    setMoney(xr.getCell(5), r.endReserveLowDelta);
    setMoney(xr.getCell(6), r.endReserveHighDelta);
    setMoney(xr.getCell(7), r.fundingNeedLowDelta);
    setMoney(xr.getCell(8), r.fundingNeedHighDelta);
  });
  const last = sens.rows.length + 2;
  return { cats: ref(name, `$A$3:$A$${last}`), low: ref(name, `$E$3:$E$${last}`), high: ref(name, `$F$3:$F$${last}`) };
}

export function gridSheet(wb: ExcelJS.Workbook, x: Ctx, g: Grid, run: RunInfo): void {
  const { lang, nl } = x;
  const name = x.names.grid;
  const ws = wb.addWorksheet(name);
  const widths = [30, ...g.xs.map(() => 13)];
  setupLegible(ws, { title: `MENERVA — ${x.s.name} — ${name}`, freezeRows: 3, freezeCols: 1, widths, landscape: true });
  noteRow(ws, run, x, widths);
  const [xName, yName] = [DRIVERS[g.x.driver][lang], DRIVERS[g.y.driver][lang]];
  ws.getRow(2).getCell(1).value = `${label("endReserve", lang)}: ${yName} (${nl ? "rijen" : "rows"}) × ${xName} (${nl ? "kolommen" : "columns"}); ${nl ? "rood = reserve gaat onder nul" : "red = reserve goes below zero"}`;
  const corner = `${yName} \\ ${xName}`;
  const h = headerRow(ws, 3, [corner], widths);
  g.xs.forEach((v, i) => setNumber(h.getCell(i + 2), v, FMT.decimal4));
  g.ys.forEach((y, iy) => {
    const r = ws.getRow(iy + 4);
    setNumber(r.getCell(1), y, FMT.decimal4);
    r.getCell(1).font = { bold: true, name: "Calibri", size: 11 };
    g.cells[iy]!.forEach((c, ix) => {
      const cell = r.getCell(ix + 2);
      setMoney(cell, c.endReserve);
      if (!c.feasible) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF4CCCC" } };
    });
  });
  // The same grid as yes/no, for readers who print in black and white.
  const top = g.ys.length + 5;
  ws.getRow(top).getCell(1).value = `${label("feasible", lang)} (${nl ? "reserve nooit onder nul" : "reserve never below zero"})`;
  ws.getRow(top).getCell(1).font = { bold: true, name: "Calibri", size: 11 };
  const h2 = headerRow(ws, top + 1, [corner], widths);
  g.xs.forEach((v, i) => setNumber(h2.getCell(i + 2), v, FMT.decimal4));
  g.ys.forEach((y, iy) => {
    const r = ws.getRow(top + 2 + iy);
    setNumber(r.getCell(1), y, FMT.decimal4);
    r.getCell(1).font = { bold: true, name: "Calibri", size: 11 };
    g.cells[iy]!.forEach((c, ix) => (r.getCell(ix + 2).value = label(c.feasible ? "yes" : "no", lang)));
  });
}

/** Monte Carlo percentiles to the cent (decimal text rounded once, never float noise), beside the live deterministic reserve. */
export function monteCarloSheet(wb: ExcelJS.Workbook, x: Ctx, mc: MonteCarloResult, pc: ProjectionCols, run: RunInfo): { p5: string; p50: string; p95: string; band: string } {
  const { p, lang, nl } = x;
  const name = x.names.montecarlo;
  const ws = wb.addWorksheet(name);
  const widths = [8, 10, 16, 16, 16, 16, 18, 16];
  setupLegible(ws, { title: `MENERVA — ${x.s.name} — ${name} (${mc.runs} runs, seed ${mc.seed})`, freezeRows: 2, widths, landscape: false });
  noteRow(ws, run, x, widths);
  headerRow(
    ws,
    2,
    [
      label("month", lang), label("label", lang), `${label("reserve", lang)} P5`, `${label("reserve", lang)} P50`, `${label("reserve", lang)} P95`, `${label("reserve", lang)} ${label("mean", lang)}`,
      nl ? "reserve (deterministisch, formule)" : "reserve (deterministic, formula)", nl ? "band P95 − P5" : "band P95 − P5",
    ],
    widths,
  );
  const cents = (v: number) => Number(fmtFloat(v, 2));
  p.rows.forEach((m, t) => {
    const r = ws.getRow(t + 3);
    setNumber(r.getCell(1), m.month, FMT.int);
    r.getCell(2).value = m.label;
    setNumber(r.getCell(3), cents(mc.reserveP5[t]!), FMT.eur);
    setNumber(r.getCell(4), cents(mc.reserveP50[t]!), FMT.eur);
    setNumber(r.getCell(5), cents(mc.reserveP95[t]!), FMT.eur);
    setNumber(r.getCell(6), cents(mc.reserveMean[t]!), FMT.eur);
    setFormula(r.getCell(7), pc.at("reserve", pc.first + t), m.reserve, FMT.eur);
    // The chart's band is stacked on P5, so it needs the width of the band.
    setFormula(r.getCell(8), `ROUND(E${t + 3}-C${t + 3},2)`, Number(fmtFloat(cents(mc.reserveP95[t]!) - cents(mc.reserveP5[t]!), 2)), FMT.eur);
  });
  const base = p.rows.length + 4;
  const info: [string, number, string][] = [
    [nl ? "kans haalbaar (reserve nooit < 0)" : "probability feasible (reserve never < 0)", Number(fmtFloat(mc.probabilityFeasible, 4)), "0.00%"],
    [nl ? "nodige beginreserve P95 (volstaat in 95% van de runs)" : "opening reserve needed P95 (suffices in 95% of runs)", cents(mc.leastOpeningReserve.p95), FMT.eur],
    [nl ? "runs zonder break-even" : "runs without break-even", mc.neverBreakEven, FMT.int],
  ];
  info.forEach(([l, v, fmt], i) => {
    const r = ws.getRow(base + i);
    r.getCell(1).value = l;
    setNumber(r.getCell(5), v, fmt);
  });
  ws.getRow(base + info.length).getCell(1).value = nl
    ? "Simulatie op kommagetallen (geen boekhouding): bedragen afgerond op de cent, kansen op 0,01%."
    : "Float simulation (not accounting): amounts rounded to the cent, probabilities to 0.01%.";
  const last = p.rows.length + 2;
  return { p5: ref(name, `$C$3:$C$${last}`), p50: ref(name, `$D$3:$D$${last}`), p95: ref(name, `$E$3:$E$${last}`), band: ref(name, `$H$3:$H$${last}`) };
}
