// The Kengetallen/Key figures sheet: every figure a formula over the
// projection, with its definition beside it. Month searches (break-even,
// payback) read the projection's helper columns, so no MAXIFS/MINIFS is needed.
import type ExcelJS from "exceljs";
import type { Dec } from "../../../domain/money.js";
import type { KeyFigures } from "../../../domain/scenario/figures.js";
import { label } from "../../../report/scenario-labels.js";
import { setFormula } from "../cells.js";
import { FMT } from "../formats.js";
import { headerRow, setupLegible, type Ctx } from "./context.js";
import type { ProjectionCols } from "./projection-sheet.js";

export function figuresSheet(wb: ExcelJS.Workbook, x: Ctx, k: KeyFigures, pc: ProjectionCols): void {
  const { s, lang, nl } = x;
  const name = x.names.figures;
  const ws = wb.addWorksheet(name);
  const widths = [40, 18, 70];
  setupLegible(ws, { title: `MENERVA — ${s.name} — ${name}`, freezeRows: 1, widths, landscape: false });
  headerRow(ws, 1, [nl ? "kengetal" : "figure", nl ? "waarde" : "value", nl ? "definitie" : "definition"], widths);
  ws.getColumn(3).alignment = { wrapText: true, vertical: "top", indent: 1 };
  const never = label("never", lang);
  const R = (key: string) => pc.range(key);
  // The last month's cells, referenced directly (no INDEX over the range: Gnumeric refuses a one-row one).
  const last = (key: string) => pc.at(key, pc.last);
  const lastResult = last("result");
  const hasOwn = pc.col.ownContributions !== undefined;
  const rows: [string, string, Dec | number | string, string, string][] = [
    [label("breakEvenMonth", lang), `IF(${lastResult}<0,"${never}",MAX(${R("negativeMonth")})+1)`, k.breakEvenMonth ?? never, FMT.int, nl ? "eerste maand met resultaat ≥ 0 dat zo blijft tot het einde" : "first month with result ≥ 0 that stays ≥ 0 to the end"],
    [label("paybackMonth", lang), `IF(MIN(${R("paybackCandidate")})>${s.months},"${never}",MIN(${R("paybackCandidate")}))`, k.paybackMonth ?? never, FMT.int, nl ? "eerste maand met cumulatief resultaat ≥ 0 (investeringen inbegrepen, beginreserve niet)" : "first month with cumulative result ≥ 0 (investments included, opening reserve not)"],
    [label("lowestReserve", lang), `MIN(${R("reserve")})`, k.lowestReserve, FMT.eur, nl ? "laagste reserve op het einde van een maand" : "lowest month-end reserve"],
    [label("lowestReserveMonth", lang), `MATCH(MIN(${R("reserve")}),${R("reserve")},0)`, k.lowestReserveMonth, FMT.int, ""],
    [label("fundingNeed", lang), `MAX(0,-MIN(${R("reserve")}))`, k.fundingNeed, FMT.eur, nl ? "max(0, −laagste reserve)" : "max(0, −lowest reserve)"],
    [label("endReserve", lang), last("reserve"), k.endReserve, FMT.eur, ""],
    [label("feasible", lang), `IF(MIN(${R("reserve")})>=0,"${label("yes", lang)}","${label("no", lang)}")`, label(k.feasible ? "yes" : "no", lang), "", nl ? "de reserve gaat nooit onder nul" : "the reserve never goes below zero"],
    [label("totalRevenue", lang), `SUM(${R("revenue")})`, k.totalRevenue, FMT.eur, ""],
    [label("totalCosts", lang), `SUM(${R("costs")})`, k.totalCosts, FMT.eur, ""],
    [label("totalSubsidies", lang), `SUM(${R("subsidies")})`, k.totalSubsidies, FMT.eur, nl ? "alle subsidies (ook die uit het kostprijsbestand); de eigen inbreng is geen subsidie" : "every subsidy (cost-price subsidies included); own contributions are not subsidies"],
    [label("totalOwnContributions", lang), hasOwn ? `SUM(${R("ownContributions")})` : "0", k.totalOwnContributions, FMT.eur, nl ? "geld van de partners zelf: geen subsidie, geen omzet" : "the partners' own cash: neither subsidy nor revenue"],
    [label("totalResult", lang), `SUM(${R("result")})`, k.totalResult, FMT.eur, nl ? "omzet − kosten + subsidies + eigen inbreng" : "revenue − costs + subsidies + own contributions"],
    [label("resultWithoutSubsidies", lang), `SUM(${R("result")})-SUM(${R("subsidies")})`, k.resultWithoutSubsidies, FMT.eur, ""],
    [label("resultWithoutSubsidiesAndOwn", lang), `SUM(${R("result")})-SUM(${R("subsidies")})${hasOwn ? `-SUM(${R("ownContributions")})` : ""}`, k.resultWithoutSubsidiesAndOwn, FMT.eur, nl ? "wat het project op eigen kracht verdient" : "what the project earns on its own"],
  ];
  rows.forEach(([l, f, v, fmt, def], i) => {
    const r = ws.getRow(i + 2);
    r.getCell(1).value = l;
    setFormula(r.getCell(2), f, v, fmt || undefined);
    r.getCell(3).value = def;
  });
}
