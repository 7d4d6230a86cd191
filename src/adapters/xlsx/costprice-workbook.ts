// The cost-price workbook: per partner an input block and a cost build-up
// whose every figure is a live formula over the input cells (change an FTE or
// a wage and the cost per hour moves), stored with menerva's values; a
// summary sheet and the MENERVA revenue inputs for the break-even.
import ExcelJS from "exceljs";
import type { Dec } from "../../domain/money.js";
import type { Lang } from "../../report/costprice-labels.js";
import { costPriceLabels } from "../../report/costprice-labels.js";
import type { CostPriceReport, PartnerReport } from "../../report/costprice-model.js";
import { setFormula, setNumber, setupSheet, styleHeaderRow, styleTotalRow } from "./cells.js";
import { toDeterministicXlsx } from "./deterministic.js";
import { FMT, safeText } from "./formats.js";
import { roundHalfUp } from "./formula.js";

type Cached = Dec | number | string | undefined;
const val = (x: Cached): Dec | number | string => (x === undefined ? "" : x);

/** Quoted sheet reference: 'LIV aan het werk'!$B$5. */
const ref = (sheet: string, addr: string): string => `'${sheet.replace(/'/g, "''")}'!${addr}`;

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, "-").slice(0, 31) || "Partner";
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
}

/** Revenue input cells on the revenue sheet (column B). */
type RevenueRefs = { inflow: string; rate: string; hours: string; benefits: string; fee: string; share: string; n: string };

/**
 * Where a wage line sits on a partner sheet: its row (C fte, D occupancy, E
 * yearly cost, F indexation, G occupied FTE) and one row per subsidy below it
 * (I rate, J amount per FTE, K cap). A scenario reads the wage inputs from
 * here, so a wage edited on the partner sheet moves its projection (issue 14).
 */
export type WageRows = { readonly row: number; readonly subsidies: readonly { readonly row: number; readonly rate: boolean; readonly cap: boolean }[] };

/** Cells of one partner sheet the summary sheet (and a scenario workbook) links to. */
export type PartnerRefs = {
  gross: string; subsidies: string; net: string; hours: string; perHourGross: string; perHourNet: string;
  perCandidateNet: string; lostSubsidy: string; perHourIncrease: string; fee: string; share: string; inflow: string;
  sheet: string; staff: WageRows[]; supervision?: WageRows;
};

function revenueSheet(wb: ExcelJS.Workbook, r: CostPriceReport, name: string, lang: Lang): RevenueRefs | undefined {
  const rev = r.costprice.revenue;
  if (!rev) return undefined;
  const L = costPriceLabels(lang);
  const ws = wb.addWorksheet(name);
  ws.getCell("A1").value = L.revenueInputs;
  ws.getCell("A1").font = { bold: true, size: 13 };
  const rows: [string, Dec | number, string][] = [
    [L.inflowPerMonth, rev.inflowPerMonth, FMT.hours],
    [L.placementRate, rev.placementRate, FMT.pct],
    [L.hoursPerPlaced, rev.hoursPerPlacedWorker, FMT.hours],
    [L.benefitsPerPlaced, rev.benefitsPerPlacedWorker, FMT.eur],
    [L.feePerHour, rev.feePerHour, FMT.eur],
    [L.benefitShare, rev.benefitShare, FMT.pct],
    [L.sePartners, rev.sePartners, FMT.int],
  ];
  rows.forEach(([label, v, fmt], i) => {
    ws.getCell(`A${i + 3}`).value = label;
    setNumber(ws.getCell(`B${i + 3}`), v, fmt);
  });
  ws.getCell("A11").value = L.breakEvenNote;
  setupSheet(ws, { title: `${r.project ?? "MENERVA"} — ${L.revenueInputs}`, landscape: false, widths: [38, 16] });
  const a = (row: number) => ref(name, `$B$${row}`);
  return { inflow: a(3), rate: a(4), hours: a(5), benefits: a(6), fee: a(7), share: a(8), n: a(9) };
}

function partnerSheet(wb: ExcelJS.Workbook, p: PartnerReport, name: string, rev: RevenueRefs | undefined, lang: Lang, project: string): PartnerRefs {
  const L = costPriceLabels(lang);
  const ws = wb.addWorksheet(name);
  const inp = p.input;
  const a = p.actual;
  const f = p.full;
  const put = (addr: string, formula: string, result: Cached, fmt: string) => setFormula(ws.getCell(addr), formula, val(result), fmt);
  const label = (addr: string, text: string, bold = false) => {
    ws.getCell(addr).value = safeText(text);
    if (bold) ws.getCell(addr).font = { bold: true };
  };

  label("A1", `${L.title} — ${inp.name}`);
  ws.getCell("A1").font = { bold: true, size: 13 };
  label("A2", L.roundingNote);
  label("A4", L.inputs, true);
  label("A5", L.productiveHoursPerFte);
  setNumber(ws.getCell("B5"), inp.productiveHoursPerFte, FMT.hours);
  ws.getRow(6).values = ["", L.fixed, L.perFte];
  styleHeaderRow(ws.getRow(6));
  label("A7", L.components.consumables);
  setNumber(ws.getCell("B7"), inp.consumables.fixed, FMT.eur);
  setNumber(ws.getCell("C7"), inp.consumables.perFte, FMT.eur);
  label("A8", L.components.operating);
  setNumber(ws.getCell("B8"), inp.operating.fixed, FMT.eur);
  setNumber(ws.getCell("C8"), inp.operating.perFte, FMT.eur);
  if (inp.supervision) {
    label("A9", L.ratio);
    setNumber(ws.getCell("B9"), inp.supervision.ratio, FMT.hours);
  }
  if (inp.trajectory) {
    label("A10", inp.trajectory.kind === "per-fte" ? L.candidatesPerFte : L.hoursPerCandidate);
    setNumber(ws.getCell("B10"), inp.trajectory.kind === "per-fte" ? inp.trajectory.candidatesPerFte : inp.trajectory.hoursPerCandidate, FMT.hours);
  }

  // Wage lines: one row per staff line (and supervision), one row per subsidy below it.
  const H = 12;
  ws.getRow(H).values = [L.role, L.kind, L.allottedFte, L.occupancy, L.yearlyCost, L.indexation, L.fte, L.gross, L.rate, L.amountPerFte, L.cap, L.subsidies, L.net, `${L.gross} — ${L.atFullOccupancy}`, `${L.subsidies} — ${L.atFullOccupancy}`];
  styleHeaderRow(ws.getRow(H));
  ws.getRow(H).height = 32;
  let r = H + 1;
  const staffRows: number[] = [];
  let supRow: number | undefined;
  const wageRows: WageRows[] = [];
  let supWages: WageRows | undefined;
  const subsidyRows = (lineRow: number, subs: typeof inp.staff[number]["subsidies"], amounts: readonly Dec[], fullAmounts: readonly Dec[]): number[] => {
    const rows: number[] = [];
    const layout: { row: number; rate: boolean; cap: boolean }[] = [];
    if (lineRow === supRow) supWages = { row: lineRow, subsidies: layout };
    else wageRows.push({ row: lineRow, subsidies: layout });
    subs.forEach((s, j) => {
      const row = ++r;
      rows.push(row);
      layout.push({ row, rate: s.rate !== undefined, cap: s.cap !== undefined });
      label(`B${row}`, s.kind);
      if (s.rate !== undefined) setNumber(ws.getCell(`I${row}`), s.rate, FMT.pct);
      if (s.amount !== undefined) setNumber(ws.getCell(`J${row}`), s.amount, FMT.eur);
      if (s.cap !== undefined) setNumber(ws.getCell(`K${row}`), s.cap, FMT.eur);
      // source S4 cap rule: rate × reported gross (or amount × FTE), at most the cap.
      const base = (gross: string, fte: string) => (s.rate !== undefined ? `I${row}*${gross}${lineRow}` : `J${row}*${fte}${lineRow}`);
      const capped = (b: string) => (s.cap !== undefined ? `MIN(${b},K${row})` : b);
      put(`L${row}`, roundHalfUp(capped(base("H", "G")), 2), amounts[j], FMT.eur);
      put(`O${row}`, roundHalfUp(capped(base("N", "C")), 2), fullAmounts[j], FMT.eur);
    });
    return rows;
  };
  const lineTotals = (row: number, subRows: number[], subTotal: Dec, fullSubTotal: Dec, net: Dec) => {
    const sumOf = (col: string) => (subRows.length ? `SUM(${col}${subRows[0]}:${col}${subRows[subRows.length - 1]})` : "0");
    put(`L${row}`, sumOf("L"), subTotal, FMT.eur);
    put(`M${row}`, `H${row}-L${row}`, net, FMT.eur);
    put(`O${row}`, sumOf("O"), fullSubTotal, FMT.eur);
  };
  inp.staff.forEach((line, i) => {
    const row = r;
    staffRows.push(row);
    const rep = a.staff[i]!;
    const full = f.staff[i]!;
    label(`A${row}`, line.role);
    label(`B${row}`, L.components.staff);
    setNumber(ws.getCell(`C${row}`), line.fte, FMT.hours);
    setNumber(ws.getCell(`D${row}`), line.occupancy, FMT.pct);
    setNumber(ws.getCell(`E${row}`), line.yearlyCost, FMT.eur);
    setNumber(ws.getCell(`F${row}`), line.indexation, FMT.pct);
    put(`G${row}`, `C${row}*D${row}`, rep.fte, FMT.decimal4);
    put(`H${row}`, roundHalfUp(`G${row}*E${row}`, 2), rep.gross, FMT.eur);
    put(`N${row}`, roundHalfUp(`C${row}*E${row}`, 2), full.gross, FMT.eur);
    const subs = subsidyRows(row, line.subsidies, rep.subsidies.map((s) => s.amount), full.subsidies.map((s) => s.amount));
    lineTotals(row, subs, rep.subsidyTotal, full.subsidyTotal, rep.net);
    r++;
  });
  const sumCells = (col: string, rows: readonly number[]) => (rows.length ? rows.map((x) => `${col}${x}`).join("+") : "0");
  const allotted = `(${sumCells("C", staffRows)})`;
  const occupied = `(${sumCells("G", staffRows)})`;
  if (inp.supervision && a.supervision && f.supervision) {
    const row = r;
    supRow = row;
    label(`A${row}`, inp.supervision.role);
    label(`B${row}`, L.components.supervision);
    put(`C${row}`, `${allotted}/$B$9`, a.supervisionFte, FMT.decimal4);
    setNumber(ws.getCell(`D${row}`), 1, FMT.pct);
    setNumber(ws.getCell(`E${row}`), inp.supervision.yearlyCost, FMT.eur);
    setNumber(ws.getCell(`F${row}`), inp.supervision.indexation, FMT.pct);
    put(`G${row}`, `C${row}*D${row}`, a.supervisionFte, FMT.decimal4);
    put(`H${row}`, roundHalfUp(`G${row}*E${row}`, 2), a.supervision.gross, FMT.eur);
    put(`N${row}`, `H${row}`, f.supervision.gross, FMT.eur);
    const subs = subsidyRows(row, inp.supervision.subsidies, a.supervision.subsidies.map((s) => s.amount), f.supervision.subsidies.map((s) => s.amount));
    lineTotals(row, subs, a.supervision.subsidyTotal, f.supervision.subsidyTotal, a.supervision.net);
    r++;
  }

  // Equipment, straight-line depreciation.
  r += 1;
  ws.getRow(r).values = [L.item, L.purchase, L.lifetime, L.residual, L.depreciation];
  styleHeaderRow(ws.getRow(r));
  ws.getRow(r).height = 32;
  const eqRows: number[] = [];
  inp.equipment.forEach((e, i) => {
    const row = ++r;
    eqRows.push(row);
    label(`A${row}`, e.item);
    setNumber(ws.getCell(`B${row}`), e.purchase, FMT.eur);
    setNumber(ws.getCell(`C${row}`), e.lifetimeYears, FMT.hours);
    setNumber(ws.getCell(`D${row}`), e.residual, FMT.eur);
    put(`E${row}`, roundHalfUp(`(B${row}-D${row})/C${row}`, 2), a.equipment[i]!.yearly, FMT.eur);
  });

  // The build-up.
  r += 2;
  label(`A${r}`, L.buildUp, true);
  const bh = ++r;
  ws.getRow(bh).values = [L.component, L.gross, L.subsidies, L.net, L.shareGross, L.shareNet, L.perHourGross, L.perHourNet];
  styleHeaderRow(ws.getRow(bh));
  ws.getRow(bh).height = 32;
  const first = bh + 1;
  const total = first + 5;
  const hoursCell = `B${total + 3}`; // key figures below: a blank row, occupied FTE, then hours
  const fixedPlusFte = (row: number, fte: string) => roundHalfUp(`$B$${row}+$C$${row}*${fte}`, 2);
  const grossFormula: Record<string, string> = {
    staff: sumCells("H", staffRows),
    supervision: supRow !== undefined ? `H${supRow}` : "0",
    consumables: fixedPlusFte(7, occupied),
    equipment: eqRows.length ? `SUM(E${eqRows[0]}:E${eqRows[eqRows.length - 1]})` : "0",
    operating: fixedPlusFte(8, occupied),
  };
  const subsFormula: Record<string, string> = {
    staff: sumCells("L", staffRows),
    supervision: supRow !== undefined ? `L${supRow}` : "0",
  };
  p.rows.forEach((c, i) => {
    const row = first + i;
    label(`A${row}`, L.components[c.key]);
    put(`B${row}`, grossFormula[c.key]!, c.gross, FMT.eur);
    put(`C${row}`, subsFormula[c.key] ?? "0", c.subsidies, FMT.eur);
    put(`D${row}`, `B${row}-C${row}`, c.net, FMT.eur);
    put(`E${row}`, `IF(B$${total}=0,"",${roundHalfUp(`B${row}/B$${total}`, 4)})`, c.shareGross, FMT.pct);
    put(`F${row}`, `IF(D$${total}=0,"",${roundHalfUp(`D${row}/D$${total}`, 4)})`, c.shareNet, FMT.pct);
    put(`G${row}`, `IF(${hoursCell}=0,"",${roundHalfUp(`B${row}/${hoursCell}`, 2)})`, c.grossPerHour, FMT.eur);
    put(`H${row}`, `IF(${hoursCell}=0,"",${roundHalfUp(`D${row}/${hoursCell}`, 2)})`, c.netPerHour, FMT.eur);
  });
  label(`A${total}`, L.total);
  put(`B${total}`, `SUM(B${first}:B${total - 1})`, a.gross, FMT.eur);
  put(`C${total}`, `SUM(C${first}:C${total - 1})`, a.subsidies, FMT.eur);
  put(`D${total}`, `SUM(D${first}:D${total - 1})`, a.net, FMT.eur);
  put(`E${total}`, `IF(B${total}=0,"",1)`, a.gross.isZero() ? undefined : 1, FMT.pct);
  put(`F${total}`, `IF(D${total}=0,"",1)`, a.net.isZero() ? undefined : 1, FMT.pct);
  put(`G${total}`, `IF(${hoursCell}=0,"",${roundHalfUp(`B${total}/${hoursCell}`, 2)})`, a.perHour?.gross, FMT.eur);
  put(`H${total}`, `IF(${hoursCell}=0,"",${roundHalfUp(`D${total}/${hoursCell}`, 2)})`, a.perHour?.net, FMT.eur);
  styleTotalRow(ws.getRow(total));

  // Key figures: one label and one formula a row.
  let k = total + 1;
  const key = (text: string, formula: string, result: Cached, fmt: string): string => {
    k++;
    label(`A${k}`, text);
    put(`B${k}`, formula, result, fmt);
    return `B${k}`;
  };
  const occFte = key(L.fte, occupied, a.occupiedFte, FMT.decimal4);
  const hours = key(L.productiveHours, `${occFte}*$B$5`, a.productiveHours, FMT.hours);
  if (hours !== hoursCell) throw new Error("cost-price workbook layout: hours cell moved");
  const phg = key(L.perHourGross, `IF(${hours}=0,"",${roundHalfUp(`B${total}/${hours}`, 2)})`, a.perHour?.gross, FMT.eur);
  const phn = key(L.perHourNet, `IF(${hours}=0,"",${roundHalfUp(`D${total}/${hours}`, 2)})`, a.perHour?.net, FMT.eur);
  let pcn = "";
  if (inp.trajectory) {
    const cand = key(
      L.candidatesPerYear,
      inp.trajectory.kind === "per-fte" ? `${occFte}*$B$10` : `${hours}/$B$10`,
      a.candidatesPerYear,
      FMT.hours,
    );
    key(L.perCandidateGross, `IF(${cand}=0,"",${roundHalfUp(`B${total}/${cand}`, 2)})`, a.perCandidate?.gross, FMT.eur);
    pcn = key(L.perCandidateNet, `IF(${cand}=0,"",${roundHalfUp(`D${total}/${cand}`, 2)})`, a.perCandidate?.net, FMT.eur);
  }

  // Occupancy: the same build-up with every allotted job filled.
  k++;
  label(`A${++k}`, `${L.occupancy}: ${L.atFullOccupancy}`, true);
  const allot = key(L.allottedFte, allotted, a.allottedFte, FMT.decimal4);
  const fullRows = [...staffRows, ...(supRow !== undefined ? [supRow] : [])];
  const g100 = key(
    `${L.gross} — ${L.atFullOccupancy}`,
    `${sumCells("N", fullRows)}+${fixedPlusFte(7, allot)}+B${first + 3}+${fixedPlusFte(8, allot)}`,
    f.gross,
    FMT.eur,
  );
  const s100 = key(`${L.subsidies} — ${L.atFullOccupancy}`, sumCells("O", fullRows), f.subsidies, FMT.eur);
  const n100 = key(`${L.net} — ${L.atFullOccupancy}`, `${g100}-${s100}`, f.net, FMT.eur);
  const h100 = key(`${L.productiveHours} — ${L.atFullOccupancy}`, `${allot}*$B$5`, f.productiveHours, FMT.hours);
  const ph100 = key(`${L.perHourNet} — ${L.atFullOccupancy}`, `IF(${h100}=0,"",${roundHalfUp(`${n100}/${h100}`, 2)})`, f.perHour?.net, FMT.eur);
  const lost = key(L.lostSubsidy, `${s100}-C${total}`, p.lostSubsidy, FMT.eur);
  const inc = key(L.perHourIncrease, `IF(OR(${hours}=0,${h100}=0),"",${phn}-${ph100})`, p.perHourIncrease, FMT.eur);

  let fee = "";
  let share = "";
  let inflow = "";
  const be = p.breakEven;
  if (rev && be) {
    k++;
    label(`A${++k}`, L.breakEven, true);
    const C = `(D${total}/12)`;
    const perPlaced = `(${rev.hours}*${rev.fee}+${rev.benefits}*${rev.share})`;
    const placed = `(${rev.inflow}*${rev.rate})`;
    key(L.monthlyCost, roundHalfUp(C, 2), be.monthlyCost, FMT.eur);
    key(L.monthlyRevenue, roundHalfUp(`${placed}*${perPlaced}`, 2), be.monthlyRevenue, FMT.eur);
    key(L.monthlyShare, roundHalfUp(`${placed}*${perPlaced}/${rev.n}`, 2), be.monthlyShare, FMT.eur);
    key(L.coverage, `IF(D${total}=0,"",${roundHalfUp(`${placed}*${perPlaced}/${rev.n}/${C}`, 4)})`, be.coverage, FMT.pct);
    const needed = `(${rev.n}*${C}/${placed})`;
    fee = key(L.breakEvenFee, `IF(OR(${placed}=0,${rev.hours}=0),"",${roundHalfUp(`(${needed}-${rev.benefits}*${rev.share})/${rev.hours}`, 2)})`, be.fee, FMT.eur);
    share = key(L.breakEvenShare, `IF(OR(${placed}=0,${rev.benefits}=0),"",${roundHalfUp(`(${needed}-${rev.hours}*${rev.fee})/${rev.benefits}`, 4)})`, be.benefitShare, FMT.decimal4);
    inflow = key(L.breakEvenInflow, `IF(${rev.rate}*${perPlaced}=0,"",${roundHalfUp(`${rev.n}*${C}/(${rev.rate}*${perPlaced})`, 2)})`, be.inflow, FMT.hours);
  }

  setupSheet(ws, { title: `${project} — ${L.title} — ${inp.name}`, freezeRows: 0, widths: [40, 18, 16, 14, 18, 14, 16, 18, 12, 14, 14, 14, 16, 18, 18] });
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: 0 }];
  const R = (addr: string) => (addr ? ref(name, addr) : "");
  return {
    gross: R(`B${total}`), subsidies: R(`C${total}`), net: R(`D${total}`), hours: R(hours), perHourGross: R(phg), perHourNet: R(phn),
    perCandidateNet: R(pcn), lostSubsidy: R(lost), perHourIncrease: R(inc), fee: R(fee), share: R(share), inflow: R(inflow),
    sheet: name, staff: wageRows, ...(supWages ? { supervision: supWages } : {}),
  };
}

function summarySheet(ws: ExcelJS.Worksheet, r: CostPriceReport, refs: readonly PartnerRefs[], lang: Lang): void {
  const L = costPriceLabels(lang);
  const head = [L.partner, L.gross, L.subsidies, L.net, L.productiveHours, L.perHourGross, L.perHourNet, L.perCandidateNet, L.lostSubsidy, L.perHourIncrease, L.breakEvenFee, L.breakEvenShare, L.breakEvenInflow];
  ws.getRow(1).values = head;
  styleHeaderRow(ws.getRow(1));
  ws.getRow(1).height = 48; // three lines of wrapped header text
  r.partners.forEach((p, i) => {
    const row = ws.getRow(i + 2);
    const x = refs[i]!;
    const a = p.actual;
    row.getCell(1).value = safeText(a.partner);
    const link = (col: number, to: string, result: Cached, fmt: string) => {
      if (to) setFormula(row.getCell(col), to, val(result), fmt);
    };
    link(2, x.gross, a.gross, FMT.eur);
    link(3, x.subsidies, a.subsidies, FMT.eur);
    link(4, x.net, a.net, FMT.eur);
    link(5, x.hours, a.productiveHours, FMT.hours);
    link(6, x.perHourGross, a.perHour?.gross, FMT.eur);
    link(7, x.perHourNet, a.perHour?.net, FMT.eur);
    link(8, x.perCandidateNet, a.perCandidate?.net, FMT.eur);
    link(9, x.lostSubsidy, p.lostSubsidy, FMT.eur);
    link(10, x.perHourIncrease, p.perHourIncrease, FMT.eur);
    link(11, x.fee, p.breakEven?.fee, FMT.eur);
    link(12, x.share, p.breakEven?.benefitShare, FMT.decimal4);
    link(13, x.inflow, p.breakEven?.inflow, FMT.hours);
  });
  const note = r.partners.length + 3;
  ws.getCell(`A${note}`).value = L.roundingNote;
  setupSheet(ws, {
    title: `${r.project ?? "MENERVA"} — ${L.title}`,
    freezeRows: 1,
    freezeCols: 1,
    widths: [24, 14, 14, 14, 14, 16, 16, 18, 14, 16, 16, 16, 16],
    autoFilter: `A1:M${r.partners.length + 1}`,
  });
}

/** Sheet names: summary first, then the revenue inputs, then one sheet per partner. */
export function costPriceSheetNames(r: CostPriceReport, lang: Lang): { summary: string; revenue: string; partners: string[] } {
  const taken = new Set<string>();
  const summary = sheetName(costPriceLabels(lang).title, taken);
  const revenue = sheetName(lang === "en" ? "Revenue" : "Opbrengsten", taken);
  return { summary, revenue, partners: r.partners.map((p) => sheetName(p.actual.partner, taken)) };
}

/** Add the cost-price sheets (summary, revenue inputs, one per partner) to a workbook; returns each partner's cells by name. */
export function addCostPriceSheets(wb: ExcelJS.Workbook, r: CostPriceReport, lang: Lang): Map<string, PartnerRefs> {
  const names = costPriceSheetNames(r, lang);
  const summary = wb.addWorksheet(names.summary);
  const rev = revenueSheet(wb, r, names.revenue, lang);
  const refs = r.partners.map((p, i) => partnerSheet(wb, p, names.partners[i]!, rev, lang, r.project ?? "MENERVA"));
  summarySheet(summary, r, refs, lang);
  return new Map(r.partners.map((p, i) => [p.input.name, refs[i]!]));
}

/** The workbook as deterministic .xlsx bytes. */
export async function costPriceWorkbook(r: CostPriceReport, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  addCostPriceSheets(wb, r, lang);
  return toDeterministicXlsx(wb);
}
