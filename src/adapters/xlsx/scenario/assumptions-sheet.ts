// The Aannames/Assumptions sheet: every driver with its source note, the
// tables (fee schedule, benefits, investments, running costs, subsidies,
// variable costs, funders, NEC partners) and the staff cost per SE partner and
// year as formulas: over the FTE and yearly cost here, or over the wage lines
// of the cost-price sheets when the staff cost comes from a cost-price file.
// Returns where everything sits, for the other sheets' formulas.
import type ExcelJS from "exceljs";
import { D, type Dec } from "../../../domain/money.js";
import { DRIVERS } from "../../../domain/scenario/drivers.js";
import { staffCostByPartner } from "../../../domain/scenario/project.js";
import type { PartnerRefs, WageRows } from "../costprice-workbook.js";
import { setFormula, setNumber } from "../cells.js";
import { FMT, safeText } from "../formats.js";
import { abs, colName, ref, roundHalfUp } from "../formula.js";
import { headerRow, setupLegible, type Ctx } from "./context.js";

/** A table on the sheet: its first data row and the absolute range of each column (by index). */
export type Table = { readonly first: number; readonly last: number; readonly rows: number; col(i: number): string; cell(i: number, row: number): string };

export type Assumptions = {
  /** Absolute references of the scalar drivers by key (inflow, ready_share, …). */
  readonly scalar: Readonly<Record<string, string>>;
  readonly inflowList?: Table;
  readonly fee: Table;
  readonly benefits: Table;
  readonly investments: Table;
  readonly running: Table;
  readonly subsidies: Table;
  readonly variable?: Table;
  readonly funding?: Table;
  readonly nec?: Table;
  /** Staff cost per year: gross per partner (cols 1..n), total (n+1), and with a cost-price file the subsidies per partner (n+2..2n+1) and their total (2n+2). */
  readonly staff: Table;
  readonly years: number;
  /** Decimals that make the NEC shares whole numbers (largest-remainder weights). */
  readonly shareDecimals: number;
};

/** A key, a description, then value columns; sources sit in a merged cell E:L beside the value (or beside a table's title). */
const WIDTHS = [26, 34, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14];
const NOTE_FROM = 5;
const NOTE_TO = 12;

/** The gross or subsidy part of one wage line in year index `y` (a cell holding 0, 1, 2, …). */
function wageTerms(sheet: string, w: WageRows, y: string, part: "gross" | "subsidy"): string[] {
  const c = (col: string, row: number) => ref(sheet, abs(col, row));
  const gross = `${c("G", w.row)}*${c("E", w.row)}*(1+${c("F", w.row)})^${y}`;
  if (part === "gross") return [gross];
  return w.subsidies.map((sub) => {
    const base = sub.rate ? `${c("I", sub.row)}*${gross}` : `${c("J", sub.row)}*${c("G", w.row)}`;
    return sub.cap ? `MIN(${base},${c("K", sub.row)})` : base;
  });
}

export function assumptionsSheet(wb: ExcelJS.Workbook, x: Ctx, costPrice?: Map<string, PartnerRefs>): Assumptions {
  const { s, lang, nl } = x;
  const name = x.names.assumptions;
  const ws = wb.addWorksheet(name);
  setupLegible(ws, { title: `MENERVA — ${s.name} — ${name}`, freezeRows: 1, widths: WIDTHS, landscape: true });
  const scalar: Record<string, string> = {};
  const notes = s.notes ?? {};
  let row = 1;
  headerRow(ws, row++, [nl ? "sleutel in het bestand" : "key in the file", nl ? "omschrijving" : "description", nl ? "waarde" : "value", nl ? "eenheid" : "unit", nl ? "bron" : "source"], WIDTHS);
  ws.mergeCells(1, NOTE_FROM, 1, NOTE_TO);
  const noteWidth = WIDTHS.slice(NOTE_FROM - 1, NOTE_TO).reduce((a1, b1) => a1 + b1, 0);
  /** The source of a value (the scenario file's comment), wrapped in the merged cell E:L of its row. */
  const note = (r: ExcelJS.Row, key: string) => {
    const n = notes[key];
    if (!n) return;
    const c = r.getCell(NOTE_FROM);
    c.value = safeText(n);
    c.alignment = { wrapText: true, vertical: "top" };
    c.font = { name: "Calibri", size: 10, color: { argb: "FF404040" } };
    ws.mergeCells(r.number, NOTE_FROM, r.number, NOTE_TO);
    const lines = Math.ceil((n.length * 0.95) / noteWidth);
    r.height = Math.max(r.height ?? 15, 13 * lines + 2);
  };
  const put = (key: string, desc: string, value: Dec | number, fmt: string, unit: string, noteKey = key, formula?: string) => {
    const r = ws.getRow(row);
    r.getCell(1).value = key;
    r.getCell(2).value = desc;
    if (formula) setFormula(r.getCell(3), formula, value, fmt);
    else setNumber(r.getCell(3), value, fmt);
    r.getCell(4).value = unit;
    r.getCell(4).alignment = { indent: 1 };
    note(r, noteKey);
    scalar[key] = ref(name, abs("C", row));
    row++;
  };
  const perMonth = nl ? "kandidaten/maand" : "candidates/month";
  if (s.inflow.kind === "constant") put("inflow", DRIVERS.inflow[lang], s.inflow.perMonth, FMT.hours, perMonth);
  else if (s.inflow.kind === "growth") {
    put("inflow_start", nl ? "instroom in maand 1" : "inflow in month 1", s.inflow.start, FMT.hours, perMonth, "inflow");
    put("inflow_growth", nl ? "groei instroom per maand" : "monthly inflow growth", s.inflow.monthlyGrowth, FMT.decimal4, "", "inflow");
  }
  put("ready_share", DRIVERS.ready_share[lang], s.readyShare, FMT.pct, "");
  put("placement_rate", DRIVERS.placement_rate[lang], s.placementRate, FMT.pct, "");
  put("months_to_placement", DRIVERS.months_to_placement[lang], s.monthsToPlacement, FMT.int, nl ? "maanden" : "months");
  put("monthly_dropout", DRIVERS.monthly_dropout[lang], s.monthlyDropout, FMT.pct, "");
  put("hours_per_week", DRIVERS.hours_per_week[lang], s.hoursPerWeek, FMT.hours, nl ? "uren/week" : "hours/week");
  put("weeks_per_month", nl ? "weken per maand (52/12)" : "weeks per month (52/12)", new D(52).div(12), FMT.decimal4, "", "weeks_per_month", "52/12");
  put("benefit_share", DRIVERS.benefit_share[lang], s.benefitShare, FMT.pct, "");
  put("se_partners", nl ? "aantal SE-partners" : "number of SE partners", s.sePartners.length, FMT.int, "", "se_partners");
  if (!s.seStaff.costPrice) {
    put("fte_per_partner", nl ? "VTE per SE-partner" : "FTE per SE partner", s.seStaff.ftePerPartner, FMT.hours, nl ? "VTE" : "FTE", "se_staff.fte_per_partner");
    put("yearly_cost_per_fte", nl ? "jaarkost per VTE" : "yearly cost per FTE", s.seStaff.yearlyCostPerFte, FMT.eur, "EUR", "se_staff.yearly_cost_per_fte");
    put("indexation", nl ? "indexering per jaar" : "yearly indexation", s.seStaff.indexation, FMT.pct, "", "se_staff.indexation");
  }
  put("opening_reserve", nl ? "beginreserve" : "opening reserve", s.openingReserve, FMT.eur, "EUR");
  put("months", nl ? "aantal maanden" : "number of months", s.months, FMT.int, nl ? "maanden" : "months");

  const table = (title: string, cols: string[], rows: (Dec | number | string)[][], fmts: string[], noteKey: string): Table => {
    row++;
    const t = ws.getRow(row++);
    t.getCell(1).value = title;
    t.getCell(1).font = { bold: true, name: "Calibri", size: 11 };
    t.getCell(1).alignment = { wrapText: true, vertical: "top" };
    ws.mergeCells(t.number, 1, t.number, 3);
    note(t, noteKey);
    headerRow(ws, row++, cols, WIDTHS, 2);
    const first = row;
    for (const r of rows) {
      const xr = ws.getRow(row++);
      r.forEach((v, i) => {
        const cell = xr.getCell(i + 2);
        if (typeof v === "string") cell.value = v === "" ? null : v;
        else setNumber(cell, v, fmts[i]!);
      });
    }
    // An empty table still needs a one-row range for its formulas.
    if (rows.length === 0) row++;
    const last = Math.max(first, row - 1);
    return {
      first,
      last,
      rows: rows.length,
      col: (i) => ref(name, `$${colName(i + 2)}$${first}:$${colName(i + 2)}$${last}`),
      cell: (i, r) => ref(name, abs(colName(i + 2), r)),
    };
  };
  const inflowList =
    s.inflow.kind === "list"
      ? table(nl ? "Instroom per maand (de laatste waarde blijft gelden)" : "Inflow per month (the last value repeats)", [nl ? "maand" : "month", perMonth], s.inflow.values.map((v, i) => [i + 1, v]), [FMT.int, FMT.hours], "inflow")
      : undefined;
  const fee = table(nl ? "Vergoeding per uur" : "Fee per hour", [nl ? "vanaf maand" : "from month", nl ? "tarief" : "rate"], s.fee.map((f) => [f.fromMonth, f.value]), [FMT.int, FMT.eur], "fee_per_hour");
  const benefits = table(
    nl ? "Voordelen per werknemer per maand" : "Benefits per worker per month",
    [nl ? "soort" : "type", nl ? "van maand" : "from month", nl ? "tot maand" : "to month", nl ? "bedrag" : "amount"],
    s.benefits.flatMap((b) => b.tiers.map((t) => [b.type, t.fromMonth, t.toMonth, t.amount])),
    ["", FMT.int, FMT.int, FMT.eur],
    "benefits",
  );
  const investments = table(nl ? "Investeringen" : "Investments", [nl ? "naam" : "name", nl ? "maand" : "month", nl ? "bedrag" : "amount"], s.investments.map((i) => [i.name, i.month, i.amount]), ["", FMT.int, FMT.eur], "investments");
  const running = table(
    nl ? "Werkingskosten" : "Running costs",
    [nl ? "naam" : "name", nl ? "per maand" : "per month", nl ? "van maand" : "from month", nl ? "tot maand" : "to month"],
    s.runningCosts.map((c) => [c.name, c.perMonth, c.fromMonth, c.toMonth ?? s.months]),
    ["", FMT.eur, FMT.int, FMT.int],
    "running_costs",
  );
  const subsidies = table(
    nl ? "Subsidies" : "Subsidies",
    [nl ? "naam" : "name", nl ? "basis" : "basis", nl ? "tarief" : "rate", nl ? "bedrag/maand" : "amount/month", nl ? "van maand" : "from month", nl ? "maanden" : "months", nl ? "plafond" : "cap"],
    s.subsidies.map((x) => [
      x.name,
      x.basis.kind === "staff-cost" ? (nl ? "personeelskost" : "staff cost") : x.basis.kind === "investment" ? x.basis.investment : nl ? "vast" : "fixed",
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
  const variable =
    vars.length > 0
      ? table(
          nl ? "Variabele kosten" : "Variable costs",
          [nl ? "naam" : "name", nl ? "per" : "per", nl ? "bedrag" : "amount", nl ? "van maand" : "from month", nl ? "tot maand" : "to month"],
          vars.map((v) => [v.name, v.per === "candidate" ? (nl ? "kandidaat" : "candidate") : nl ? "werknemer/maand" : "worker/month", v.amount, v.fromMonth, v.toMonth ?? s.months]),
          ["", "", FMT.eur, FMT.int, FMT.int],
          "variable_costs",
        )
      : undefined;
  const funders = s.funding ?? [];
  const funding =
    funders.length > 0
      ? table(
          nl ? "Financiering (volgorde = volgorde van betalen)" : "Funding (order = order of paying)",
          [nl ? "naam" : "name", nl ? "eigen inbreng" : "own", nl ? "kostenlijnen" : "cost lines", nl ? "tarief" : "rate", nl ? "bedrag/maand" : "amount/month", nl ? "van maand" : "from month", nl ? "maanden" : "months", nl ? "plafond" : "cap", nl ? "plafond/maand" : "cap/month"],
          funders.map((f) => [
            f.name,
            f.own ? (nl ? "ja" : "yes") : "",
            f.lines.join(", "),
            f.basis.kind === "rate" ? f.basis.rate : "",
            f.basis.kind === "amount" ? f.basis.perMonth : "",
            f.fromMonth,
            f.months ?? s.months - f.fromMonth + 1,
            f.cap ?? "",
            f.capPerMonth ?? "",
          ]),
          ["", "", "", FMT.pct, FMT.eur, FMT.int, FMT.int, FMT.eur, FMT.eur],
          "funding",
        )
      : undefined;
  const shareDecimals = Math.max(0, ...s.necPartners.map((n) => n.share.decimalPlaces()));
  const nec =
    s.necPartners.length > 0
      ? table(
          nl ? "NEC-partners" : "NEC partners",
          [nl ? "naam" : "name", nl ? "aandeel plaatsingen" : "share of placements", nl ? "marge per uur" : "margin per hour", nl ? "kost cel per maand" : "cell cost per month"],
          s.necPartners.map((n) => [n.name, n.share, n.marginPerHour, n.cellCostPerMonth]),
          ["", FMT.pct, FMT.eur, FMT.eur],
          "nec_partners",
        )
      : undefined;

  // Staff cost per SE partner and year: formulas, so a wage or an FTE edited here or on a cost-price sheet moves the projection.
  const years = Math.ceil(s.months / 12);
  const n = s.sePartners.length;
  const cp = s.seStaff.costPrice;
  const gross = (y: number): Dec[] => staffCostByPartner(s, y * 12 + 1);
  row++;
  const tt = ws.getRow(row++);
  ws.mergeCells(tt.number, 1, tt.number, 4);
  tt.getCell(1).alignment = { wrapText: true, vertical: "top" };
  tt.height = 45;
  tt.getCell(1).value = cp
    ? nl
      ? "Personeelskost SE per maand, per jaar: brutoloonkost en de subsidies erop uit de kostprijsbladen (formules)"
      : "SE staff cost a month, per year: gross wage cost and the subsidies on it from the cost-price sheets (formulas)"
    : nl
      ? "Personeelskost SE per maand, per jaar: VTE × jaarkost × (1 + indexering)^(jaar − 1) / 12 (formules)"
      : "SE staff cost a month, per year: FTE × yearly cost × (1 + indexation)^(year − 1) / 12 (formulas)";
  tt.getCell(1).font = { bold: true, name: "Calibri", size: 11 };
  if (cp) note(tt, "se_staff.costprice");
  const sub = nl ? "subsidie" : "subsidy";
  headerRow(
    ws,
    row++,
    [nl ? "jaar" : "year", ...s.sePartners, nl ? "totaal" : "total", ...(cp ? [...s.sePartners.map((p) => `${sub} ${p}`), `${nl ? "totaal" : "total"} ${sub}`] : [])],
    WIDTHS,
    2,
  );
  const staffFirst = row;
  for (let y = 0; y < years; y++) {
    const r = ws.getRow(row);
    setNumber(r.getCell(2), y + 1, FMT.int);
    const yIdx = `(B${row}-1)`;
    const g = gross(y);
    s.sePartners.forEach((partner, i) => {
      const cell = r.getCell(3 + i);
      if (cp) {
        const pr = costPrice?.get(partner);
        if (!pr) throw new Error(`scenario workbook: no cost-price sheet for ${partner}`);
        const lines = [...pr.staff, ...(pr.supervision ? [pr.supervision] : [])];
        setFormula(cell, roundHalfUp(`(${lines.flatMap((w) => wageTerms(pr.sheet, w, yIdx, "gross")).join("+")})/12`, 2), g[i]!, FMT.eur);
        const subs = lines.flatMap((w) => wageTerms(pr.sheet, w, yIdx, "subsidy"));
        setFormula(r.getCell(3 + n + 1 + i), subs.length ? roundHalfUp(`(${subs.join("+")})/12`, 2) : "0", cp.subsidyByYear[y]![i]!, FMT.eur);
      } else {
        setFormula(cell, roundHalfUp(`${scalar.fte_per_partner}*${scalar.yearly_cost_per_fte}*(1+${scalar.indexation})^${yIdx}/12`, 2), g[i]!, FMT.eur);
      }
    });
    const rowSum = (from: number) => `SUM(${colName(from)}${row}:${colName(from + n - 1)}${row})`;
    setFormula(r.getCell(3 + n), rowSum(3), g.reduce((a, b) => a.plus(b), new D(0)), FMT.eur);
    if (cp) setFormula(r.getCell(3 + 2 * n + 1), rowSum(3 + n + 1), cp.subsidyByYear[y]!.reduce((a, b) => a.plus(b), new D(0)), FMT.eur);
    row++;
  }
  const staffLast = row - 1;
  const staff: Table = {
    first: staffFirst,
    last: staffLast,
    rows: years,
    col: (i) => ref(name, `$${colName(i + 2)}$${staffFirst}:$${colName(i + 2)}$${staffLast}`),
    cell: (i, r) => ref(name, abs(colName(i + 2), r)),
  };
  return {
    scalar,
    ...(inflowList ? { inflowList } : {}),
    fee,
    benefits,
    investments,
    running,
    subsidies,
    ...(variable ? { variable } : {}),
    ...(funding ? { funding } : {}),
    ...(nec ? { nec } : {}),
    staff,
    years,
    shareDecimals,
  };
}
