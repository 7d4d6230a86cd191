// The Projectie/Projection sheet: one row per month, every figure a live
// formula of the row above, the assumptions and (with a funding mix) the
// allocation sheet, stored with menerva's exact values. Formulas are portable
// (LibreOffice and Gnumeric agree): the benefits' cohort sum uses only
// operators inside SUMPRODUCT, and the key figures' month searches use helper
// columns instead of MAXIFS/MINIFS.
import type ExcelJS from "exceljs";
import { D } from "../../../domain/money.js";
import { label } from "../../../report/scenario-labels.js";
import { setFormula, setNumber } from "../cells.js";
import { FMT } from "../formats.js";
import { colName, pick, ref, roundHalfUp, roundRateTimes } from "../formula.js";
import type { Assumptions } from "./assumptions-sheet.js";
import { headerRow, setupLegible, type Ctx } from "./context.js";

/** Where the projection's columns are: the letter of each key and the month rows. */
export type ProjectionCols = {
  readonly first: number;
  readonly last: number;
  /** Column letter by key (month, label, inflow, …, reserve). */
  readonly col: Readonly<Record<string, string>>;
  /** Absolute range of a column on this sheet, with the sheet name. */
  range(key: string): string;
  /** One cell of a column in month row `r`, with the sheet name. */
  at(key: string, r: number): string;
};

/** The allocation sheet's cells the projection reads: funders' subsidies and own contributions per month row. */
export type AllocationTotals = { readonly subsidies: (r: number) => string; readonly own: (r: number) => string };

export function projectionKeys(x: Ctx): string[] {
  const { s } = x;
  return [
    "month", "label", "inflow", "placements", "activeWorkers", "hours", "feeRate", "fees",
    ...s.benefits.map((_, i) => `benefit${i}`), "benefitFee", "revenue", "staffCost", "investments", "runningCosts",
    ...((s.variableCosts ?? []).length > 0 ? ["variableCosts"] : []),
    "costs",
    ...s.subsidies.map((_, i) => `subsidy${i}`),
    ...(s.seStaff.costPrice ? ["costPriceSubsidy"] : []),
    ...((s.funding ?? []).some((f) => !f.own) ? ["funderSubsidies"] : []),
    "subsidies",
    ...((s.funding ?? []).some((f) => f.own) ? ["ownContributions"] : []),
    "result", "cumulativeResult", "reserve", "negativeMonth", "paybackCandidate", "operatingCosts",
  ];
}

export function projectionSheet(wb: ExcelJS.Workbook, x: Ctx, a: Assumptions, alloc?: AllocationTotals): ProjectionCols {
  const { s, p, lang, nl } = x;
  const name = x.names.projection;
  const ws = wb.addWorksheet(name);
  const keys = projectionKeys(x);
  const col: Record<string, string> = {};
  keys.forEach((k, i) => (col[k] = colName(i + 1)));
  const header = keys.map((k) => {
    const b = /^benefit(\d+)$/.exec(k);
    const sub = /^subsidy(\d+)$/.exec(k);
    if (b) return `${nl ? "voordelen" : "benefits"} ${s.benefits[Number(b[1])]!.type}`;
    if (sub) return `${nl ? "subsidie" : "subsidy"} ${s.subsidies[Number(sub[1])]!.name}`;
    switch (k) {
      case "funderSubsidies":
        return nl ? "subsidies financiers" : "funders' subsidies";
      case "negativeMonth":
        return nl ? "hulp: maand met negatief resultaat" : "helper: month with a negative result";
      case "paybackCandidate":
        return nl ? "hulp: maand met cumulatief ≥ 0" : "helper: month with cumulative ≥ 0";
      case "operatingCosts":
        return nl ? "kosten zonder investeringen" : "costs without investments";
      default:
        return label(k as Parameters<typeof label>[0], lang);
    }
  });
  const widths = keys.map((k) => (k === "month" ? 7 : k === "label" ? 9 : k === "negativeMonth" || k === "paybackCandidate" ? 12 : 14));
  setupLegible(ws, { title: `MENERVA — ${s.name} — ${name}`, freezeRows: 1, freezeCols: 2, widths, landscape: true });
  headerRow(ws, 1, header, widths);

  const first = 2;
  const last = first + s.months - 1;
  const A = (r: number) => `$${col.month}${r}`;
  const range = (k: string) => `$${col[k]}$${first}:$${col[k]}$${last}`;
  const sc = a.scalar;
  const q = `(1-${sc.monthly_dropout})`;
  const year = (r: number) => `MIN(INT((${A(r)}-1)/12)+1,${a.years})`;
  const n = s.sePartners.length;

  p.rows.forEach((m, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    const c = (k: string) => row.getCell(col[k]!);
    const at = (k: string) => `${col[k]}${r}`;
    const above = (k: string) => `${col[k]}${r - 1}`;
    setNumber(c("month"), m.month, FMT.int);
    c("label").value = m.label;
    if (s.inflow.kind === "constant") setFormula(c("inflow"), sc.inflow!, m.inflow, FMT.hours);
    else if (s.inflow.kind === "growth") setFormula(c("inflow"), `${sc.inflow_start}*(1+${sc.inflow_growth})^(${A(r)}-1)`, m.inflow, FMT.hours);
    else setFormula(c("inflow"), pick(a.inflowList!.col(1), a.inflowList!.rows, `MIN(${A(r)},${a.inflowList!.rows})`), m.inflow, FMT.hours);
    setFormula(c("placements"), `IF(${A(r)}>${sc.months_to_placement},${pick(range("inflow"), s.months, `${A(r)}-${sc.months_to_placement}`)}*${sc.ready_share}*${sc.placement_rate},0)`, m.placements, FMT.hours);
    setFormula(c("activeWorkers"), i === 0 ? at("placements") : `${above("activeWorkers")}*${q}+${at("placements")}`, m.activeWorkers, FMT.hours);
    setFormula(c("hours"), `${at("activeWorkers")}*${sc.hours_per_week}*${sc.weeks_per_month}`, m.hours, FMT.hours);
    setFormula(c("feeRate"), `LOOKUP(${A(r)},${a.fee.col(0)},${a.fee.col(1)})`, m.feeRate, FMT.eur);
    setFormula(c("fees"), roundHalfUp(`${at("hours")}*${at("feeRate")}`, 2), m.fees, FMT.eur);
    // Workers placed in month p are in tier [f, g] when f ≤ t−p+1 ≤ g, weighted by survival q^(t−p).
    // Only operators inside SUMPRODUCT: the base q+1 where the exponent is 0 never makes 0^0.
    let tier = a.benefits.first;
    s.benefits.forEach((b, bi) => {
      const terms = b.tiers.map(() => {
        const tr = tier++;
        const [f, g, amount] = [a.benefits.cell(1, tr), a.benefits.cell(2, tr), a.benefits.cell(3, tr)];
        const M = range("month");
        return `${amount}*SUMPRODUCT((${M}<=${A(r)}-${f}+1)*(${M}>=${A(r)}-${g}+1)*${range("placements")}*(${q}+(${M}>=${A(r)}))^((${A(r)}-${M})*(${M}<=${A(r)})))`;
      });
      setFormula(c(`benefit${bi}`), terms.length ? roundHalfUp(terms.join("+"), 2) : "0", m.benefitsByType[bi]!, FMT.eur);
    });
    const benefitCells = s.benefits.map((_, bi) => at(`benefit${bi}`));
    setFormula(c("benefitFee"), benefitCells.length ? roundRateTimes(sc.benefit_share!, `(${benefitCells.join("+")})`) : "0", m.benefitFee, FMT.eur);
    setFormula(c("revenue"), `${at("fees")}+${at("benefitFee")}`, m.revenue, FMT.eur);
    setFormula(c("staffCost"), pick(a.staff.col(n + 1), a.years, year(r)), m.staffCost, FMT.eur);
    setFormula(c("investments"), `SUMIF(${a.investments.col(1)},${A(r)},${a.investments.col(2)})`, m.investments, FMT.eur);
    setFormula(c("runningCosts"), `SUMIFS(${a.running.col(1)},${a.running.col(2)},"<="&${A(r)},${a.running.col(3)},">="&${A(r)})`, m.runningCosts, FMT.eur);
    const vars = s.variableCosts ?? [];
    if (vars.length > 0) {
      const terms = vars.map((v, vi) => {
        const vr = a.variable!.first + vi;
        const per = v.per === "candidate" ? at("inflow") : at("activeWorkers");
        return `IF(AND(${A(r)}>=${a.variable!.cell(3, vr)},${A(r)}<=${a.variable!.cell(4, vr)}),${roundHalfUp(`${a.variable!.cell(2, vr)}*${per}`, 2)},0)`;
      });
      setFormula(c("variableCosts"), terms.join("+"), m.variableCosts, FMT.eur);
    }
    setFormula(c("costs"), `${at("staffCost")}+${at("investments")}+${at("runningCosts")}${vars.length > 0 ? `+${at("variableCosts")}` : ""}`, m.costs, FMT.eur);
    s.subsidies.forEach((xs, si) => {
      const sr = a.subsidies.first + si;
      const cell = (i: number) => a.subsidies.cell(i, sr);
      const [rate, amount, from, months, cap] = [cell(2), cell(3), cell(4), cell(5), cell(6)];
      const basis =
        xs.basis.kind === "staff-cost"
          ? roundRateTimes(rate, at("staffCost"))
          : xs.basis.kind === "investment"
            ? roundRateTimes(rate, `SUMIFS(${a.investments.col(2)},${a.investments.col(0)},${cell(1)},${a.investments.col(1)},${A(r)})`)
            : amount;
      const k = `subsidy${si}`;
      const paid = i === 0 ? "0" : `SUM($${col[k]}$${first}:${col[k]}${r - 1})`;
      const capped = xs.cap !== undefined ? `MAX(0,MIN(${basis},${cap}-${paid}))` : basis;
      setFormula(c(k), `IF(AND(${A(r)}>=${from},${A(r)}<${from}+${months}),${capped},0)`, m.subsidiesByItem[si]!, FMT.eur);
    });
    const parts = s.subsidies.map((_, si) => at(`subsidy${si}`));
    if (s.seStaff.costPrice) {
      setFormula(c("costPriceSubsidy"), pick(a.staff.col(2 * n + 2), a.years, year(r)), m.costPriceSubsidy, FMT.eur);
      parts.push(at("costPriceSubsidy"));
    }
    if (col.funderSubsidies) {
      const own = s.funding!.map((f, fi) => (f.own ? new D(0) : m.funderPayments[fi]!)).reduce((x1, x2) => x1.plus(x2), new D(0));
      setFormula(c("funderSubsidies"), alloc!.subsidies(r), own, FMT.eur);
      parts.push(at("funderSubsidies"));
    }
    setFormula(c("subsidies"), parts.length ? parts.join("+") : "0", m.subsidies, FMT.eur);
    if (col.ownContributions) setFormula(c("ownContributions"), alloc!.own(r), m.ownContributions, FMT.eur);
    setFormula(c("result"), `${at("revenue")}-${at("costs")}+${at("subsidies")}${col.ownContributions ? `+${at("ownContributions")}` : ""}`, m.result, FMT.eur);
    setFormula(c("cumulativeResult"), i === 0 ? at("result") : `${above("cumulativeResult")}+${at("result")}`, m.cumulativeResult, FMT.eur);
    setFormula(c("reserve"), `${sc.opening_reserve}+${at("cumulativeResult")}`, m.reserve, FMT.eur);
    setFormula(c("negativeMonth"), `IF(${at("result")}<0,${A(r)},0)`, m.result.isNegative() ? m.month : 0, FMT.int);
    setFormula(c("paybackCandidate"), `IF(${at("cumulativeResult")}>=0,${A(r)},${s.months + 1})`, m.cumulativeResult.isNegative() ? s.months + 1 : m.month, FMT.int);
    setFormula(c("operatingCosts"), `${at("costs")}-${at("investments")}`, m.costs.minus(m.investments), FMT.eur);
  });
  for (const k of ["negativeMonth", "paybackCandidate"]) ws.getColumn(col[k]!).font = { color: { argb: "FF7F7F7F" }, italic: true };
  return {
    first,
    last,
    col,
    range: (k) => ref(name, range(k)),
    at: (k, r) => ref(name, `${col[k]}${r}`),
  };
}
