// The Partners sheet as formulas (issue 14): per month each SE partner's equal
// share of revenue, its staff cost, its part of the staff-cost subsidies (its
// own cost-price subsidies, the rest in proportion to staff cost) and of the
// own contributions, and each NEC partner's hours, margin, fees, benefits
// received and benefit share paid (largest remainder by share, in cents, as
// menerva splits them); totals, balances and the win-win check on top.
import type ExcelJS from "exceljs";
import { ZERO, allocate, roundMoney, splitEqually, type Dec } from "../../../domain/money.js";
import { costPriceSubsidyByPartner, staffCostByPartner } from "../../../domain/scenario/project.js";
import { label } from "../../../report/scenario-labels.js";
import { setFormula, setNumber } from "../cells.js";
import { FMT, safeText } from "../formats.js";
import { centsOf, colName, equalPart, largestRemainderPart, pick, ref, roundHalfUp } from "../formula.js";
import type { Assumptions } from "./assumptions-sheet.js";
import { fitHeight, headerRow, setupLegible, type Ctx } from "./context.js";
import type { AllocationLayout } from "./funding-sheets.js";
import type { ProjectionCols } from "./projection-sheet.js";

const split = (total: Dec, weights: readonly Dec[]): Dec[] => (total.isZero() || weights.every((w) => w.isZero()) ? weights.map(() => ZERO) : allocate(total, weights));

export function partnersSheet(wb: ExcelJS.Workbook, x: Ctx, a: Assumptions, pc: ProjectionCols, alloc?: AllocationLayout): void {
  const { s, p, lang, nl } = x;
  const name = x.names.partners;
  const ws = wb.addWorksheet(name);
  const nSe = s.sePartners.length;
  const necs = s.necPartners;
  const cp = s.seStaff.costPrice !== undefined;
  const staffSubsidyItems = s.subsidies.map((sub, i) => (sub.basis.kind === "staff-cost" ? i : -1)).filter((i) => i >= 0);

  // Monthly table columns.
  const keys = [
    "month",
    "label",
    "toShare",
    "ownStaff",
    "ownOther",
    ...s.sePartners.flatMap((_, i) => [`share${i}`, `cost${i}`, `sub${i}`, `own${i}`, `other${i}`]),
    ...necs.flatMap((_, j) => [`hours${j}`, `margin${j}`, `fees${j}`, `received${j}`, `paid${j}`]),
  ];
  const col: Record<string, string> = {};
  keys.forEach((k, i) => (col[k] = colName(i + 1)));
  const head = (k: string): string => {
    const m = /^([a-z]+)(\d+)$/.exec(k);
    if (m && m[1] !== "month") {
      const i = Number(m[2]);
      const se = s.sePartners[i];
      const nec = necs[i]?.name;
      switch (m[1]) {
        case "share":
          return `${se}: ${label("share", lang)}`;
        case "cost":
          return `${se}: ${label("staffCost", lang)}`;
        case "sub":
          return `${se}: ${label("staffSubsidy", lang)}`;
        case "own":
          return `${se}: ${label("ownOnStaff", lang)}`;
        case "other":
          return `${se}: ${label("ownOther", lang)}`;
        case "hours":
          return `${nec}: ${label("hours", lang)}`;
        case "margin":
          return `${nec}: ${label("margin", lang)}`;
        case "fees":
          return `${nec}: ${label("feesPaid", lang)}`;
        case "received":
          return `${nec}: ${label("benefitsReceived", lang)}`;
        case "paid":
          return `${nec}: ${label("benefitFeePaid", lang)}`;
      }
    }
    switch (k) {
      case "month":
        return label("month", lang);
      case "label":
        return label("label", lang);
      case "toShare":
        return nl ? "subsidies op personeelskost, te verdelen naar personeelskost" : "staff-cost subsidies, shared by staff cost";
      case "ownStaff":
        return nl ? "eigen inbreng op personeelskost" : "own contributions on staff cost";
      default:
        return nl ? "eigen inbreng overige kosten" : "own contributions to other costs";
    }
  };
  const widths: number[] = keys.map(() => 14);
  widths[0] = 24; // the totals' partner names sit in column A above the monthly table
  setupLegible(ws, { title: `MENERVA — ${s.name} — ${name}`, widths, landscape: true });

  // Totals first (they refer to the monthly table below).
  let row = 1;
  const title = (t: string) => {
    const r = ws.getRow(row++);
    r.getCell(1).value = t;
    r.getCell(1).font = { bold: true, name: "Calibri", size: 11 };
    r.getCell(1).alignment = { wrapText: true, vertical: "top" };
    ws.mergeCells(r.number, 1, r.number, 10);
    fitHeight(r, [t], [totalsWidths.reduce((a1, b1) => a1 + b1, 0)]);
  };
  const seHead = [label("partner", lang), label("share", lang), label("staffCost", lang), label("staffSubsidy", lang), label("ownOnStaff", lang), label("ownOther", lang), label("balance", lang)];
  const necHead = [label("partner", lang), label("hours", lang), label("margin", lang), label("feesPaid", lang), label("benefitsReceived", lang), label("benefitFeePaid", lang), label("benefitsKept", lang), label("cellCost", lang), label("net", lang), label("winWin", lang)];
  const totalsWidths = [24, 14, 14, 14, 14, 14, 14, 14, 14, 14];
  const tableFirst = 6 + nSe + (necs.length > 0 ? 3 + necs.length : 0);
  const tableLast = tableFirst + s.months - 1;
  const sumCol = (k: string) => `SUM(${col[k]}${tableFirst}:${col[k]}${tableLast})`;

  title(
    nl
      ? "SE-partners: omzet gelijk verdeeld; subsidies op personeelskost naar verhouding van de personeelskost (eigen subsidies uit het kostprijsbestand blijven bij hun partner); saldo = omzet − personeelskost + subsidie − eigen inbreng overige kosten"
      : "SE partners: revenue split equally; staff-cost subsidies in proportion to staff cost (a partner's own cost-price subsidies stay with it); balance = revenue − staff cost + subsidy − own contribution to other costs",
  );
  headerRow(ws, row++, seHead, totalsWidths);
  for (const [i, x1] of (p.sePartners ?? []).entries()) {
    const r = ws.getRow(row);
    r.getCell(1).value = safeText(x1.name);
    setFormula(r.getCell(2), sumCol(`share${i}`), x1.share, FMT.eur);
    setFormula(r.getCell(3), sumCol(`cost${i}`), x1.staffCost, FMT.eur);
    setFormula(r.getCell(4), sumCol(`sub${i}`), x1.staffSubsidy, FMT.eur);
    setFormula(r.getCell(5), sumCol(`own${i}`), x1.ownOnStaff, FMT.eur);
    setFormula(r.getCell(6), sumCol(`other${i}`), x1.ownOther, FMT.eur);
    setFormula(r.getCell(7), `B${row}-C${row}+D${row}-F${row}`, x1.balance, FMT.eur);
    row++;
  }
  row++;
  if (necs.length > 0) {
    title(nl ? "NEC-partners: win-win = marge − uurvergoeding − kost cel + behouden voordelen" : "NEC partners: win-win = margin − fees − cell cost + benefits kept");
    headerRow(ws, row++, necHead, totalsWidths);
    for (const [j, x1] of (p.necPartners ?? []).entries()) {
      const r = ws.getRow(row);
      r.getCell(1).value = safeText(x1.name);
      setFormula(r.getCell(2), sumCol(`hours${j}`), x1.hours, FMT.hours);
      setFormula(r.getCell(3), sumCol(`margin${j}`), x1.margin, FMT.eur);
      setFormula(r.getCell(4), sumCol(`fees${j}`), x1.feesPaid, FMT.eur);
      setFormula(r.getCell(5), sumCol(`received${j}`), x1.benefitsReceived, FMT.eur);
      setFormula(r.getCell(6), sumCol(`paid${j}`), x1.benefitFeePaid, FMT.eur);
      setFormula(r.getCell(7), `E${row}-F${row}`, x1.benefitsKept, FMT.eur);
      setFormula(r.getCell(8), `${a.nec!.cell(3, a.nec!.first + j)}*${s.months}`, x1.cellCost, FMT.eur);
      setFormula(r.getCell(9), `C${row}-D${row}-H${row}+G${row}`, x1.net, FMT.eur);
      setFormula(r.getCell(10), `IF(I${row}>0,"${label("yes", lang)}","${label("no", lang)}")`, label(x1.net.greaterThan(0) ? "yes" : "no", lang), undefined);
      row++;
    }
    row++;
  }
  title(nl ? "Per maand (formules; de totalen hierboven tellen deze kolommen op)" : "Per month (formulas; the totals above add up these columns)");
  headerRow(ws, row++, keys.map(head), widths);
  if (row !== tableFirst) throw new Error(`partners sheet layout: table starts at ${row}, expected ${tableFirst}`);

  // Shares of NEC partners as whole numbers for the largest-remainder weights.
  const scale = 10 ** a.shareDecimals;
  const necWeights = necs.map((_, j) => `ROUND(${a.nec!.cell(1, a.nec!.first + j)}*${scale},0)`);
  const necShares = necs.map((n) => n.share);
  p.rows.forEach((m, t) => {
    const r = tableFirst + t;
    const pr = pc.first + t;
    const xr = ws.getRow(r);
    const at = (k: string) => `${col[k]}${r}`;
    const put = (k: string, f: string, v: Dec, fmt: string = FMT.eur) => setFormula(xr.getCell(col[k]!), f, v, fmt);
    setNumber(xr.getCell(1), m.month, FMT.int);
    xr.getCell(2).value = m.label;
    const year = `MIN(INT((A${r}-1)/12)+1,${a.years})`;
    // What is shared by staff cost: staff-cost subsidies of the list and the funders' (not own) payments on the staff line.
    const toShareParts = [...staffSubsidyItems.map((i) => pc.at(`subsidy${i}`, pr)), ...(alloc ? [ref(x.names.allocation, `${alloc.col.staffSubsidy}${r - tableFirst + 2}`)] : [])];
    const staffSub = staffSubsidyItems.reduce((acc, i) => acc.plus(m.subsidiesByItem[i]!), ZERO).plus(
      (s.funding ?? []).reduce((acc, f, fi) => (f.own ? acc : acc.plus(m.funding!.byFunder[fi]![0]!)), ZERO),
    );
    const ownStaffV = (s.funding ?? []).reduce((acc, f, fi) => (f.own ? acc.plus(m.funding!.byFunder[fi]![0]!) : acc), ZERO);
    put("toShare", toShareParts.length ? toShareParts.join("+") : "0", staffSub);
    put("ownStaff", alloc ? ref(x.names.allocation, `${alloc.col.ownStaff}${r - tableFirst + 2}`) : "0", ownStaffV);
    put("ownOther", pc.col.ownContributions ? `${pc.at("ownContributions", pr)}-${at("ownStaff")}` : "0", m.ownContributions.minus(ownStaffV));
    const costs = staffCostByPartner(s, m.month);
    const cpSubs = costPriceSubsidyByPartner(s, m.month);
    const shares = splitEqually(m.revenue, nSe);
    const subs = split(staffSub, costs);
    const owns = split(ownStaffV, costs);
    const others = m.ownContributions.minus(ownStaffV).isZero() ? costs.map(() => ZERO) : splitEqually(m.ownContributions.minus(ownStaffV), nSe);
    const costCents = s.sePartners.map((_, i) => centsOf(at(`cost${i}`)));
    s.sePartners.forEach((_, i) => {
      put(`share${i}`, `(${equalPart(centsOf(pc.at("revenue", pr)), nSe, i)})/100`, shares[i]!);
      put(`cost${i}`, pick(a.staff.col(1 + i), a.years, year), costs[i]!);
      put(`sub${i}`, `${largestRemainderPart(centsOf(at("toShare")), costCents, i)}/100${cp ? `+${pick(a.staff.col(nSe + 2 + i), a.years, year)}` : ""}`, subs[i]!.plus(cpSubs[i]!));
      put(`own${i}`, `${largestRemainderPart(centsOf(at("ownStaff")), costCents, i)}/100`, owns[i]!);
      put(`other${i}`, `(${equalPart(centsOf(at("ownOther")), nSe, i)})/100`, others[i]!);
    });
    if (necs.length > 0) {
      const fees = allocate(m.fees, necShares);
      const gross = allocate(m.benefitsGross, necShares);
      const paid = allocate(m.benefitFee, necShares);
      const grossExpr = s.benefits.length ? s.benefits.map((_, bi) => pc.at(`benefit${bi}`, pr)).join("+") : "0";
      necs.forEach((n, j) => {
        const h = m.hours.times(n.share);
        put(`hours${j}`, `${pc.at("hours", pr)}*${a.nec!.cell(1, a.nec!.first + j)}`, h, FMT.hours);
        put(`margin${j}`, roundHalfUp(`${at(`hours${j}`)}*${a.nec!.cell(2, a.nec!.first + j)}`, 2), roundMoney(h.times(n.marginPerHour), "half-away-from-zero"));
        put(`fees${j}`, `${largestRemainderPart(centsOf(pc.at("fees", pr)), necWeights, j)}/100`, fees[j]!);
        put(`received${j}`, `${largestRemainderPart(centsOf(`(${grossExpr})`), necWeights, j)}/100`, gross[j]!);
        put(`paid${j}`, `${largestRemainderPart(centsOf(pc.at("benefitFee", pr)), necWeights, j)}/100`, paid[j]!);
      });
    }
  });
}
