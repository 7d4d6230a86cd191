// The workbook of the statement over several closes (`menerva report 2025`,
// issue 11): overview with the closes and the periods still open, invoices
// per close and NEC partner with totals per partner, the correction lines,
// the settlement per close and SE partner with totals, the reserve movement
// per close, and checks. Figures come from the ledger records; totals are
// live SUM/SUMIFS formulas stored with menerva's figure as cached value.
import ExcelJS from "exceljs";
import { sum, type Dec } from "../../domain/money.js";
import { CLOSE_WORDS } from "../../report/close-labels.js";
import { openPeriodsText, statementTitle, type YearReport } from "../../report/year-report.js";
import { font, setFormula, setMoney, setNumber, setupSheet, styleTotalRow } from "./cells.js";
import { toDeterministicXlsx } from "./deterministic.js";
import { fitWrappedRows } from "./row-heights.js";
import { excelDate, FMT, safeText } from "./formats.js";
import { exactly, headerRow, point, RATE_FMT, ref, type Checkpoint } from "./statement-common.js";

const W = {
  nl: {
    overview: "Overzicht", invoices: "Facturen", settlement: "Afrekening", reserve: "Reserve", checks: "Controles",
    project: "Project", period: "Periode", from: "Van", to: "Tot en met", ledger: "Grootboek", close: "Afsluiting", policy: "Beleid", revenue: "Omzet", hash: "Grootboekrecord",
    necPartner: "NEC-partner", sePartner: "SE-partner", hours: "Uren", hourFee: "Uurvergoeding", benefits: "Voordelen", benefitFee: "Vergoeding voordelen", subtotal: "Subtotaal", vat: "Btw", total: "Totaal",
    share: "Aandeel", staffCost: "Personeelskost", covered: "Gedekt", retained: "Ingehouden", distributed: "Uitgekeerd", reservePayment: "Uit reserve", uncovered: "Niet gedekt", days: "Actieve dagen",
    opening: "Begin", otherCosts: "Andere kosten", closing: "Einde", perPartner: "Totaal per partner", grandTotal: "Totaal", check: "Controle", result: "Formule", detail: "Detail",
    of: "Soort", price: "Tarief / aandeel", quantity: "Hoeveelheid", amount: "Bedrag", partial: "Deels buiten de periode (niet meegeteld)",
    subtotalsEqualRevenue: "Σ subtotalen = omzet", sharesEqualRevenue: "Σ aandelen = omzet", rollsForward: "Reserve sluit aan", chains: "Begin = einde vorige afsluiting", correctionLines: "Correctielijn = afronding(hoeveelheid × tarief)", ok: "OK", notOk: "NIET OK",
  },
  en: {
    overview: "Overview", invoices: "Invoices", settlement: "Settlement", reserve: "Reserve", checks: "Checks",
    project: "Project", period: "Period", from: "From", to: "To", ledger: "Ledger", close: "Close", policy: "Policy", revenue: "Revenue", hash: "Ledger record",
    necPartner: "NEC partner", sePartner: "SE partner", hours: "Hours", hourFee: "Hourly fee", benefits: "Benefits", benefitFee: "Benefit fee", subtotal: "Subtotal", vat: "VAT", total: "Total",
    share: "Share", staffCost: "Staff cost", covered: "Covered", retained: "Retained", distributed: "Distributed", reservePayment: "From reserve", uncovered: "Uncovered", days: "Active days",
    opening: "Opening", otherCosts: "Other costs", closing: "Closing", perPartner: "Total per partner", grandTotal: "Total", check: "Check", result: "Formula", detail: "Detail",
    of: "Kind", price: "Rate / share", quantity: "Quantity", amount: "Amount", partial: "Partly outside the period (left out)",
    subtotalsEqualRevenue: "Σ subtotals = revenue", sharesEqualRevenue: "Σ shares = revenue", rollsForward: "Reserve rolls forward", chains: "Opening = previous closing", correctionLines: "Correction line = round(quantity × rate)", ok: "OK", notOk: "NOT OK",
  },
} as const;

export type BuiltYearWorkbook = { readonly wb: ExcelJS.Workbook; readonly checkpoints: Checkpoint[]; readonly bytes: () => Promise<Uint8Array> };

export function buildYearWorkbook(r: YearReport): BuiltYearWorkbook {
  const t = W[r.language];
  const w = CLOSE_WORDS[r.language];
  const wb = new ExcelJS.Workbook();
  wb.title = statementTitle(r);
  const checkpoints: Checkpoint[] = [];
  const title = (s: string) => `${statementTitle(r)} — ${s}`;
  const ov = wb.addWorksheet(t.overview);
  const inv = wb.addWorksheet(t.invoices);
  const cor = wb.addWorksheet(w.corrections);
  const set = wb.addWorksheet(t.settlement);
  const res = wb.addWorksheet(t.reserve);
  const chk = wb.addWorksheet(t.checks);

  // Invoices: one row per close and NEC partner, then totals per partner.
  headerRow(inv, 1, [t.close, t.necPartner, t.hours, t.hourFee, t.benefits, t.benefitFee, w.correctionsAmount, t.subtotal, t.vat, t.total]);
  r.invoices.forEach((i, k) => {
    const row = k + 2;
    inv.getCell(`A${row}`).value = i.close;
    inv.getCell(`B${row}`).value = safeText(i.necPartner);
    setNumber(inv.getCell(`C${row}`), i.hours, FMT.hours);
    setMoney(inv.getCell(`D${row}`), i.hourFee);
    setMoney(inv.getCell(`E${row}`), i.benefits);
    setMoney(inv.getCell(`F${row}`), i.benefitFee);
    setMoney(inv.getCell(`G${row}`), i.corrections);
    setFormula(inv.getCell(`H${row}`), `D${row}+F${row}`, i.subtotal, FMT.eur);
    setMoney(inv.getCell(`I${row}`), i.vat);
    setFormula(inv.getCell(`J${row}`), `H${row}+I${row}`, i.total, FMT.eur);
  });
  const invLast = Math.max(2, r.invoices.length + 1);
  const invRange = (c: string) => `$${c}$2:$${c}$${invLast}`;
  let row = invLast + 2;
  inv.getCell(`A${row++}`).value = t.perPartner;
  inv.getCell(`A${row - 1}`).font = font({ bold: true });
  const partnerTotals = (ws: ExcelJS.Worksheet, names: readonly string[], cols: readonly string[], range: (c: string) => string, values: (n: string, c: string) => Dec): void => {
    for (const n of names) {
      ws.getCell(`B${row}`).value = safeText(n);
      for (const c of cols) {
        const v = values(n, c);
        setFormula(ws.getCell(`${c}${row}`), `SUMIFS(${range(c)},${range("B")},${exactly(n)})`, v, c === "C" && ws === inv ? FMT.hours : FMT.eur);
        point(checkpoints, ws.name, `${c}${row}`, `${n}: ${ws.getCell(`${c}1`).value as string}`, c === "C" && ws === inv ? v.toFixed() : v);
      }
      row++;
    }
  };
  const invCols = ["C", "D", "E", "F", "G", "H", "I", "J"];
  const invField: Record<string, (i: YearReport["invoices"][number]) => Dec> = { C: (i) => i.hours, D: (i) => i.hourFee, E: (i) => i.benefits, F: (i) => i.benefitFee, G: (i) => i.corrections, H: (i) => i.subtotal, I: (i) => i.vat, J: (i) => i.total };
  partnerTotals(inv, r.necPartners, invCols, invRange, (n, c) => sum(r.invoices.filter((i) => i.necPartner === n).map(invField[c]!)));
  inv.getCell(`A${row}`).value = t.grandTotal;
  for (const c of ["H", "I", "J"]) {
    const v = sum(r.invoices.map(invField[c]!));
    setFormula(inv.getCell(`${c}${row}`), `SUM(${invRange(c)})`, v, FMT.eur);
    point(checkpoints, inv.name, `${c}${row}`, `${t.grandTotal} ${inv.getCell(`${c}1`).value as string}`, v);
  }
  styleTotalRow(inv.getRow(row));
  wb.definedNames.add(ref(inv.name, `H${row}`), "Revenue");
  setupSheet(inv, { title: title(inv.name), freezeRows: 1, widths: [12, 22, 12, 14, 14, 14, 14, 14, 12, 14], autoFilter: `A1:J${invLast}` });

  // Corrections: each correction line of each close, its amount recomputed.
  headerRow(cor, 1, [t.close, t.necPartner, w.correctedPeriod, t.of, t.price, t.quantity, t.amount]);
  r.corrections.forEach((c, k) => {
    const q = k + 2;
    cor.getCell(`A${q}`).value = c.close;
    cor.getCell(`B${q}`).value = safeText(c.necPartner);
    cor.getCell(`C${q}`).value = c.period;
    cor.getCell(`D${q}`).value = w.kinds[c.of === "hours" ? "hours" : "benefits"];
    setNumber(cor.getCell(`E${q}`), c.price, c.of === "hours" ? RATE_FMT : FMT.pct);
    setNumber(cor.getCell(`F${q}`), c.quantity, c.of === "hours" ? FMT.hours : FMT.eur);
    setFormula(cor.getCell(`G${q}`), `ROUND(E${q}*F${q},2)`, c.amount, FMT.eur);
    point(checkpoints, cor.name, `G${q}`, `${c.close} ${c.necPartner} ${c.period}`, c.amount);
  });
  setupSheet(cor, { title: title(cor.name), freezeRows: 1, widths: [12, 22, 16, 12, 14, 14, 14] });

  // Settlement: one row per close and SE partner, then totals per partner.
  headerRow(set, 1, [t.close, t.sePartner, t.share, t.staffCost, t.covered, t.retained, t.distributed, t.reservePayment, t.uncovered, t.days]);
  r.settlement.forEach((s, k) => {
    const q = k + 2;
    set.getCell(`A${q}`).value = s.close;
    set.getCell(`B${q}`).value = safeText(s.sePartner);
    [s.share, s.staffCost, s.covered, s.retained, s.distributed, s.reservePayment, s.uncovered].forEach((v, j) => setMoney(set.getCell(q, 3 + j), v));
    setNumber(set.getCell(`J${q}`), s.days, FMT.int);
  });
  const setLast = Math.max(2, r.settlement.length + 1);
  const setRange = (c: string) => `$${c}$2:$${c}$${setLast}`;
  row = setLast + 2;
  set.getCell(`A${row++}`).value = t.perPartner;
  set.getCell(`A${row - 1}`).font = font({ bold: true });
  const setField: Record<string, (s: YearReport["settlement"][number]) => Dec> = { C: (s) => s.share, D: (s) => s.staffCost, E: (s) => s.covered, F: (s) => s.retained, G: (s) => s.distributed, H: (s) => s.reservePayment, I: (s) => s.uncovered };
  partnerTotals(set, r.sePartners, Object.keys(setField), setRange, (n, c) => sum(r.settlement.filter((s) => s.sePartner === n).map(setField[c]!)));
  setupSheet(set, { title: title(set.name), freezeRows: 1, widths: [12, 22, 14, 14, 14, 14, 14, 14, 14, 12], autoFilter: `A1:J${setLast}` });

  // Reserve: movement per close; closing = opening + retained − other costs − payments.
  headerRow(res, 1, [t.close, t.opening, t.retained, t.otherCosts, t.reservePayment, t.closing]);
  r.closes.forEach((c, k) => {
    const q = k + 2;
    res.getCell(`A${q}`).value = c.period;
    [c.opening, c.retained, c.otherCosts, c.reservePayments].forEach((v, j) => setMoney(res.getCell(q, 2 + j), v));
    setFormula(res.getCell(`F${q}`), `B${q}+C${q}-D${q}-E${q}`, c.closing, FMT.eur);
    point(checkpoints, res.name, `F${q}`, `${c.period}: ${t.closing}`, c.closing);
  });
  setupSheet(res, { title: title(res.name), freezeRows: 1, landscape: false, widths: [14, 16, 16, 16, 16, 16] });

  // Overview: the closes, the periods still open, key totals.
  ov.getCell("A1").value = statementTitle(r);
  ov.getCell("A1").font = font({ bold: true, size: 14 });
  row = 3;
  for (const [label, value] of [[t.project, safeText(r.project)], [t.period, r.period.label], [t.ledger, safeText(r.ledger)]] as const) {
    ov.getCell(`A${row}`).value = label;
    ov.getCell(`B${row++}`).value = value;
  }
  for (const [label, iso] of [[t.from, r.period.from], [t.to, r.period.to]] as const) {
    ov.getCell(`A${row}`).value = label;
    ov.getCell(`B${row}`).value = excelDate(iso);
    ov.getCell(`B${row++}`).numFmt = FMT.date;
  }
  ov.getCell(`A${row}`).value = w.openPeriods;
  ov.getCell(`B${row++}`).value = openPeriodsText(r);
  if (r.partial.length > 0) {
    ov.getCell(`A${row}`).value = t.partial;
    ov.getCell(`B${row++}`).value = r.partial.join(", ");
  }
  row++;
  const closesHead = row;
  headerRow(ov, row++, [t.close, t.from, t.to, t.policy, t.revenue, w.correctionsAmount, t.closing, t.hash]);
  const closeRow = new Map<string, number>();
  for (const c of r.closes) {
    closeRow.set(c.period, row);
    ov.getCell(`A${row}`).value = c.period;
    ov.getCell(`B${row}`).value = excelDate(c.from);
    ov.getCell(`B${row}`).numFmt = FMT.date;
    ov.getCell(`C${row}`).value = excelDate(c.to);
    ov.getCell(`C${row}`).numFmt = FMT.date;
    ov.getCell(`D${row}`).value = c.policy;
    setMoney(ov.getCell(`E${row}`), c.revenue);
    setMoney(ov.getCell(`F${row}`), c.revenue.minus(c.ownRevenue));
    setMoney(ov.getCell(`G${row}`), c.closing);
    ov.getCell(`H${row++}`).value = c.hash;
  }
  const totalRevenue = sum(r.closes.map((c) => c.revenue));
  ov.getCell(`A${row}`).value = t.grandTotal;
  setFormula(ov.getCell(`E${row}`), r.closes.length > 0 ? `SUM(E${closesHead + 1}:E${row - 1})` : "0", totalRevenue, FMT.eur);
  point(checkpoints, ov.name, `E${row}`, `${t.grandTotal} ${t.revenue}`, totalRevenue);
  styleTotalRow(ov.getRow(row));
  setupSheet(ov, { title: title(ov.name), widths: [34, 14, 14, 18, 16, 16, 16, 66] });

  // Checks: invoices against revenue and shares per close, the reserve roll-forward and chain.
  headerRow(chk, 1, [t.check, t.result, t.detail]);
  row = 2;
  const okIf = (cond: string, ok: boolean) => setFormula(chk.getCell(`B${row}`), `IF(${cond},"${t.ok}","${t.notOk}")`, ok ? t.ok : t.notOk);
  const put = (label: string, cond: string, ok: boolean, detail = "") => {
    chk.getCell(`A${row}`).value = label;
    okIf(cond, ok);
    point(checkpoints, chk.name, `B${row}`, label, ok ? t.ok : t.notOk);
    chk.getCell(`C${row++}`).value = detail;
  };
  for (const c of r.closes) {
    const rr = closeRow.get(c.period)!;
    const subtotals = sum(r.invoices.filter((i) => i.close === c.period).map((i) => i.subtotal));
    const shares = sum(r.settlement.filter((s) => s.close === c.period).map((s) => s.share));
    put(`${c.period}: ${t.subtotalsEqualRevenue}`, `ROUND(SUMIFS(${ref(inv.name, "H2")}:$H$${invLast},${ref(inv.name, "A2")}:$A$${invLast},${exactly(c.period)})-${ref(ov.name, `E${rr}`)},2)=0`, subtotals.equals(c.revenue));
    put(`${c.period}: ${t.sharesEqualRevenue}`, `ROUND(SUMIFS(${ref(set.name, "C2")}:$C$${setLast},${ref(set.name, "A2")}:$A$${setLast},${exactly(c.period)})-${ref(ov.name, `E${rr}`)},2)=0`, shares.equals(c.revenue));
  }
  r.closes.forEach((c, k) => {
    const q = k + 2;
    put(`${c.period}: ${t.rollsForward}`, `ROUND(${ref(res.name, `F${q}`)}-(${c.closing.toFixed(2)}),2)=0`, true, c.closing.toFixed(2));
    if (k > 0) put(`${c.period}: ${t.chains}`, `ROUND(${ref(res.name, `B${q}`)}-${ref(res.name, `F${q - 1}`)},2)=0`, c.opening.equals(r.closes[k - 1]!.closing));
  });
  setupSheet(chk, { title: title(chk.name), freezeRows: 1, widths: [50, 12, 40] });
  // Rows with wrapped text (the headers) as tall as their lines: no application grows them on open.
  for (const ws of wb.worksheets) fitWrappedRows(ws);
  wb.calcProperties.fullCalcOnLoad = true;
  return { wb, checkpoints, bytes: () => toDeterministicXlsx(wb) };
}

export async function renderYearXlsx(r: YearReport): Promise<Uint8Array> {
  return buildYearWorkbook(r).bytes();
}
