// The Excel statement of a close (issue 4, SPEC §6): eight sheets, Dutch or
// English, every total a live formula over the Detail rows and the named
// parameter cells, stored with menerva's own figure as its cached value.
// `buildStatement` also returns "checkpoints" (cell → menerva's figure) so a
// test can recalculate the file in LibreOffice and compare every total.
// Usage: const bytes = await renderStatementXlsx(report);
import ExcelJS from "exceljs";
import { ROW_STATUSES, type RowStatus } from "../../domain/classify.js";
import { formatSource } from "../../domain/issues.js";
import { render } from "../../i18n/render.js";
import { D, fmtMoney, sum, ZERO, type Dec } from "../../domain/money.js";
import type { CloseReport } from "../../report/close-report.js";
import { writeDocumentFacts, writeDocumentList } from "./statement-documents.js";
import { currentDocument } from "../../report/close-summary.js";
import { font, setFormula, setMoney, setNumber, setupSheet, styleHeaderRow, styleTotalRow } from "./cells.js";
import { toDeterministicXlsxWithRows, type RowSink, type StreamedSheet } from "./sheet-rows.js";
import { FMT, dateText, excelDate, safeText, serialOfDay } from "./formats.js";
import { fitWrappedRows } from "./row-heights.js";
import { EXCEL_MAX_DATA_ROWS, splitRows, splitSheetName } from "./streaming.js";
import { colLetter, exactly, headerRow, money2, point as pushPoint, quote, RATE_FMT, ref, type Checkpoint } from "./statement-common.js";
import { CC, writeCorrectionsSheet, writeRulesSheet, type CorrectionsSheet } from "./statement-corrections.js";
import { CLOSE_WORDS } from "../../report/close-labels.js";
import { correctionEntries } from "../../report/close-corrections.js";
import { closeRows, forEachRow, type RowCursor } from "../../report/close-rows.js";
import { isoOfDay } from "../../domain/period.js";

/** The rows the Detail sheets list (what the invoice formulas sum), and the rows the Exceptions sheet lists. */
const BILLED: readonly RowStatus[] = ["included", "adjustment"];
const EXCEPTIONS: readonly RowStatus[] = ROW_STATUSES.filter((s) => s !== "included");

const LABELS = {
  nl: {
    sheets: { overview: "Overzicht", invoices: "Facturen", settlement: "Afrekening", reserve: "Reserve", staff: "Personeel", detail: "Detail", exceptions: "Uitzonderingen", checks: "Controles" },
    close: "Afsluiting", project: "Project", period: "Periode", from: "Van", to: "Tot en met", profitPolicy: "Beleid winst", shortfallPolicy: "Beleid tekort",
    retain: "inhouden in de reserve (retain)", distribute: "uitkeren (distribute)", partner: "gedragen door de partner (partner)", reserveFirst: "eerst uit de reserve (reserve-first)",
    parameters: "Parameters", vatRate: "Btw-tarief", benefitShare: "Aandeel voordelen", fee: "Uurvergoeding vanaf", allNec: "alle NEC-partners",
    openingReserve: "Beginreserve", openingFromConfig: "uit de configuratie", openingFromClose: "eindreserve van", tolerance: "Tolerantie inzet",
    inputs: "Invoer", kind: "Soort", file: "Bestand", rows: "Rijen", encoding: "Indeling", sha: "SHA-256", config: "Configuratie",
    format: {
      "utf-8": "UTF-8", "utf-8-bom": "UTF-8 (met BOM)", "windows-1252": "Windows-1252", xlsx: "Excel-werkmap",
      separator: "scheidingsteken", decimal: "decimaalteken", noDecimal: "geen (gehele getallen)", numbersOnly: "geen (getallen als getal)", tab: "tab",
    },
    rowAccounting: "Rijen per status", read: "gelezen", rejected: "geweigerd",
    status: { included: "opgenomen", adjustment: "correctie", deferred: "uitgesteld", before_start: "voor de start", already_closed: "al afgesloten", duplicate: "dubbel" } satisfies Record<RowStatus, string> as Record<RowStatus, string>,
    kinds: { hours: "uren", benefits: "voordelen", staff: "personeel", costs: "kosten" } as Record<string, string>,
    keyTotals: "Kerncijfers", revenue: "Omzet (Σ subtotalen)", totalVat: "Totaal btw", closingReserve: "Eindreserve", warnings: "Waarschuwingen", ledger: "Grootboekrecord",
    invoiceTo: "Factuur aan", creditTo: "Creditnota aan", creditNote: "creditnota", description: "Omschrijving", range: "Periode / soorten", quantity: "Hoeveelheid", rate: "Tarief / aandeel", amount: "Bedrag",
    hoursAt: "Uren aan", benefitsOf: "Voordelen", subtotal: "Subtotaal", vat: "Btw", total: "Totaal",
    sePartner: "SE-partner", share: "Aandeel (gelijk)", staffCost: "Personeelskost", covered: "Gedekt", retained: "Ingehouden", distributed: "Uitgekeerd",
    reservePayment: "Uit reserve", uncovered: "Niet gedekt", fromPlan: "personeelskost uit het kostprijsplan (geen personeelsrijen)", fte: "Inzet (FTE)", weighted: "Aandeel naar inzet", totalRow: "Totaal",
    weightedNote: "Ter vergelijking met het aandeel (gelijk) van deze periode: dezelfde omzet van deze periode (zonder correcties), verdeeld naar inzet = FTE × actieve dagen (grootste rest) in plaats van naar actieve dagen. Ter informatie: de afrekening blijft gelijk.",
    spreadNote: (tol: string, within: boolean) => (within ? `binnen de tolerantie van ${tol}` : `boven de tolerantie van ${tol}: zie de waarschuwing`),
    spread: "Spreiding inzet", opening: "Begin", otherCost: "Andere kost", otherCostsTotal: "Andere kosten", closing: "Einde", history: "Vorige afsluitingen", date: "Datum",
    side: "Kant", role: "Rol", shareOfRow: "Deel van de rij", costInPeriod: "Kost in periode", subsidyInPeriod: "Subsidie in periode", source: "Bron",
    necPartner: "NEC-partner", candidate: "Kandidaat", type: "Type voordeel", hours: "Uren", benefitAmount: "Bedrag voordeel", ownPeriod: "Eigen periode",
    hoursKind: "uren", benefitKind: "voordeel",
    code: "Code", message: "Melding", line: "Regel", computedNote: "berekend door menerva (grootste rest)", shareNum: "Teller", shareDen: "Noemer", rowCost: "Kost van de rij", rowSubsidy: "Subsidie van de rij", client: "Klant", reference: "Referentie", count: "Aantal", validUntil: "geldig tot en met", validOpen: "geldig zonder einddatum", warning: "waarschuwing",
    check: "Controle", inExcel: "Formule", inMenerva: "menerva", detail: "Detail",
    ok: "OK", notOk: "NIET OK",
    checkNames: {
      lines: "Factuurlijnen = subtotaal", invTotal: "Subtotaal + btw = totaal", subtotals: "Σ subtotalen = omzet", shares: "Σ aandelen = omzet",
      covered: "Gedekt + ingehouden + uitgekeerd = aandeel", reserve: "Reserve sluit aan", rows: "Elke rij één keer geteld", detailRows: "Detailrijen = opgenomen + correcties", revenueMatches: "Omzet = menerva", reserveMatches: "Eindreserve = menerva",
    },
  },
  en: {
    sheets: { overview: "Overview", invoices: "Invoices", settlement: "Settlement", reserve: "Reserve", staff: "Staff", detail: "Detail", exceptions: "Exceptions", checks: "Checks" },
    close: "Close", project: "Project", period: "Period", from: "From", to: "To", profitPolicy: "Profit policy", shortfallPolicy: "Shortfall policy",
    retain: "retain in the reserve (retain)", distribute: "pay out (distribute)", partner: "borne by the partner (partner)", reserveFirst: "from the reserve first (reserve-first)",
    parameters: "Parameters", vatRate: "VAT rate", benefitShare: "Benefit share", fee: "Hourly fee from", allNec: "all NEC partners",
    openingReserve: "Opening reserve", openingFromConfig: "from the configuration", openingFromClose: "closing reserve of", tolerance: "Effort tolerance",
    inputs: "Inputs", kind: "Kind", file: "File", rows: "Rows", encoding: "Format", sha: "SHA-256", config: "Configuration",
    format: {
      "utf-8": "UTF-8", "utf-8-bom": "UTF-8 (with BOM)", "windows-1252": "Windows-1252", xlsx: "Excel workbook",
      separator: "separator", decimal: "decimal mark", noDecimal: "none (whole numbers)", numbersOnly: "none (numbers as numbers)", tab: "tab",
    },
    rowAccounting: "Rows by status", read: "read", rejected: "rejected",
    status: { included: "included", adjustment: "adjustment", deferred: "deferred", before_start: "before start", already_closed: "already closed", duplicate: "duplicate" } satisfies Record<RowStatus, string> as Record<RowStatus, string>,
    kinds: { hours: "hours", benefits: "benefits", staff: "staff", costs: "costs" } as Record<string, string>,
    keyTotals: "Key totals", revenue: "Revenue (Σ subtotals)", totalVat: "Total VAT", closingReserve: "Closing reserve", warnings: "Warnings", ledger: "Ledger record",
    invoiceTo: "Invoice to", creditTo: "Credit note to", creditNote: "credit note", description: "Description", range: "Period / types", quantity: "Quantity", rate: "Rate / share", amount: "Amount",
    hoursAt: "Hours at", benefitsOf: "Benefits", subtotal: "Subtotal", vat: "VAT", total: "Total",
    sePartner: "SE partner", share: "Share (equal)", staffCost: "Staff cost", covered: "Covered", retained: "Retained", distributed: "Distributed",
    reservePayment: "From reserve", uncovered: "Uncovered", fromPlan: "staff cost from the cost-price plan (no staff rows)", fte: "Effort (FTE)", weighted: "Effort-weighted share", totalRow: "Total",
    weightedNote: "To compare with this period's equal share: the same revenue of this period (corrections left out), split by effort = FTE × active days (largest remainder) instead of by active days. For information: the settlement stays equal.",
    spreadNote: (tol: string, within: boolean) => (within ? `within the tolerance of ${tol}` : `above the tolerance of ${tol}: see the warning`),
    spread: "Effort spread", opening: "Opening", otherCost: "Other cost", otherCostsTotal: "Other costs", closing: "Closing", history: "Earlier closes", date: "Date",
    side: "Side", role: "Role", shareOfRow: "Share of row", costInPeriod: "Cost in period", subsidyInPeriod: "Subsidy in period", source: "Source",
    necPartner: "NEC partner", candidate: "Candidate", type: "Benefit type", hours: "Hours", benefitAmount: "Benefit amount", ownPeriod: "Own period",
    hoursKind: "hours", benefitKind: "benefit",
    code: "Code", message: "Message", line: "Line", computedNote: "computed by menerva (largest remainder)", shareNum: "Numerator", shareDen: "Denominator", rowCost: "Row cost", rowSubsidy: "Row subsidy", client: "Client", reference: "Reference", count: "Count", validUntil: "valid through", validOpen: "valid with no end date", warning: "warning",
    check: "Check", inExcel: "Formula", inMenerva: "menerva", detail: "Detail",
    ok: "OK", notOk: "NOT OK",
    checkNames: {
      lines: "Invoice lines = subtotal", invTotal: "Subtotal + VAT = total", subtotals: "Σ subtotals = revenue", shares: "Σ shares = revenue",
      covered: "Covered + retained + distributed = share", reserve: "Reserve rolls forward", rows: "Every row counted once", detailRows: "Detail rows = included + adjustments", revenueMatches: "Revenue = menerva", reserveMatches: "Closing reserve = menerva",
    },
  },
} as const;

type Labels = (typeof LABELS)["nl"] | (typeof LABELS)["en"];

export type { Checkpoint } from "./statement-common.js";

export type StatementOptions = {
  /** Rows per Detail sheet before it is split (default Excel's 1,048,575; tests use a small limit). */
  readonly maxDetailRowsPerSheet?: number;
  /** Older name of `maxDetailRowsPerSheet`. */
  readonly maxDetailRows?: number;
};

/** The ISO day before an ISO date (UTC calendar arithmetic, no clock). */
function dayBefore(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Detail sheet columns (1-based). */
const DC = { date: 1, nec: 2, candidate: 3, kind: 4, type: 5, hours: 6, rate: 7, amount: 8, status: 9, ownPeriod: 10, source: 11, line: 12, client: 13, reference: 14 } as const;

type DetailPart = { name: string; rows: number };

/** SUMIFS over every part of the (possibly split) Detail table. */
function detailSumifs(parts: readonly DetailPart[], sumCol: number, criteria: readonly [number, string][]): string {
  return parts
    .map((p) => {
      const last = Math.max(2, p.rows + 1);
      const range = (c: number) => `${ref(p.name, `${colLetter(c)}2`)}:${`$${colLetter(c)}$${last}`}`;
      return `SUMIFS(${range(sumCol)},${criteria.map(([c, crit]) => `${range(c)},${crit}`).join(",")})`;
    })
    .join("+");
}

type Ctx = {
  report: CloseReport;
  t: Labels;
  wb: ExcelJS.Workbook;
  checkpoints: Checkpoint[];
  title: (sheet: string) => string;
};

function point(ctx: Ctx, sheet: string, cell: string, label: string, expected: Dec | string): void {
  pushPoint(ctx.checkpoints, sheet, cell, label, expected);
}

/** The statement workbook and the checkpoints a recalculation must reproduce. */
export type BuiltStatement = {
  /** Every sheet, with the Detail sheets holding only a styled template row 2 (see sheet-rows.ts). */
  readonly wb: ExcelJS.Workbook;
  readonly checkpoints: Checkpoint[];
  /** The Detail rows, generated while zipping. */
  readonly detail: readonly StreamedSheet[];
  /** Deterministic .xlsx bytes of `wb` with the Detail rows. */
  readonly bytes: () => Promise<Uint8Array>;
};

export function buildStatement(report: CloseReport, opts: StatementOptions = {}): BuiltStatement {
  const t = LABELS[report.language];
  const r = report.result;
  const wb = new ExcelJS.Workbook();
  wb.title = `${r.config.project} — ${t.close} ${r.period.label}`;
  wb.subject = t.close;
  const ctx: Ctx = { report, t, wb, checkpoints: [], title: (s) => `${r.config.project} — ${r.period.label} — ${s}` };
  const S = t.sheets;
  // Sheets in reading order; filled below in dependency order.
  const w = CLOSE_WORDS[report.language];
  const overview = wb.addWorksheet(S.overview);
  const invoices = wb.addWorksheet(S.invoices);
  const corrections = writeCorrectionsSheet(wb.addWorksheet(w.corrections), correctionEntries(r), report.language, ctx.title(w.corrections));
  const settlement = wb.addWorksheet(S.settlement);
  const reserve = wb.addWorksheet(S.reserve);
  const staff = wb.addWorksheet(S.staff);
  const { parts: detailParts, streams } = writeDetail(ctx, opts.maxDetailRowsPerSheet ?? opts.maxDetailRows ?? EXCEL_MAX_DATA_ROWS);
  const exceptions = wb.addWorksheet(S.exceptions);
  const checks = wb.addWorksheet(S.checks);
  writeRulesSheet(wb.addWorksheet(w.rules), report.language, ctx.title(w.rules));

  const params = writeOverviewParameters(ctx, overview);
  const inv = writeInvoices(ctx, invoices, detailParts, params, corrections);
  const staffRange = writeStaff(ctx, staff);
  const set = writeSettlement(ctx, settlement, inv, staffRange);
  const res = writeReserve(ctx, reserve, params, set);
  writeOverviewTotals(ctx, overview, params.nextRow, inv, res);
  writeExceptions(ctx, exceptions);
  writeChecks(ctx, checks, inv, set, res, params, detailParts);
  // Rows with wrapped text (the headers) as tall as their lines: no application grows them on open.
  for (const ws of wb.worksheets) fitWrappedRows(ws);
  // Only functions Excel and LibreOffice both know; Excel recalculates on open.
  wb.calcProperties.fullCalcOnLoad = true;
  return { wb, checkpoints: ctx.checkpoints, detail: streams, bytes: () => toDeterministicXlsxWithRows(wb, streams) };
}

/** Deterministic .xlsx bytes of the statement. */
export async function renderStatementXlsx(report: CloseReport, opts: StatementOptions = {}): Promise<Uint8Array> {
  return buildStatement(report, opts).bytes();
}

// ---------------------------------------------------------------- Detail

function writeDetail(ctx: Ctx, maxRows: number): { parts: DetailPart[]; streams: StreamedSheet[] } {
  const { t, report } = ctx;
  const r = report.result;
  // Only the billed rows (included and adjustments): what the invoice formulas sum; read again per Detail sheet.
  const rows = closeRows(report);
  const billedCount = r.rows.hours.included + r.rows.hours.adjustment + r.rows.benefits.included + r.rows.benefits.adjustment;
  // a million rows through one cursor, cell by cell: no object per row (row-cursor.ts)
  const writeRow = (out: RowSink, c: Readonly<RowCursor>): void => {
    const hours = c.kind === "hours";
    out.row();
    out.date(DC.date, serialOfDay(c.day));
    out.text(DC.nec, safeText(c.necPartner));
    out.text(DC.candidate, safeText(c.candidate));
    out.text(DC.kind, hours ? t.hoursKind : t.benefitKind);
    if (!hours) out.text(DC.type, safeText(c.type!));
    if (hours) out.num(DC.hours, c.quantity);
    if (c.rate !== undefined) out.num(DC.rate, c.rate);
    if (!hours) out.num(DC.amount, c.quantity);
    out.text(DC.status, t.status[c.status]);
    if (c.ownPeriod) out.text(DC.ownPeriod, c.ownPeriod);
    out.text(DC.source, safeText(c.file));
    out.num(DC.line, String(c.line));
    if (hours && c.client !== undefined) out.text(DC.client, safeText(c.client));
    if (c.reference !== undefined) out.text(DC.reference, safeText(c.reference));
  };
  const parts: DetailPart[] = [];
  const streams: StreamedSheet[] = [];
  for (const range of splitRows(billedCount, maxRows)) {
    const name = splitSheetName(t.sheets.detail, range);
    const ws = ctx.wb.addWorksheet(name);
    headerRow(ws, 1, [t.date, t.necPartner, t.candidate, t.kind, t.type, t.hours, t.rate, t.benefitAmount, "Status", t.ownPeriod, t.file, t.line, t.client, t.reference]);
    // Template row: one styled cell per column; the real rows replace it while zipping.
    const tpl = ws.getRow(2);
    tpl.getCell(DC.date).value = excelDate("2000-01-01");
    tpl.getCell(DC.date).numFmt = FMT.date;
    for (const c of [DC.nec, DC.candidate, DC.kind, DC.type, DC.status, DC.ownPeriod, DC.source, DC.client, DC.reference]) tpl.getCell(c).value = "-";
    setNumber(tpl.getCell(DC.hours), 0, FMT.hours);
    setNumber(tpl.getCell(DC.rate), 0, RATE_FMT);
    setNumber(tpl.getCell(DC.amount), 0, FMT.eur);
    setNumber(tpl.getCell(DC.line), 0, FMT.int);
    setupSheet(ws, { title: ctx.title(name), freezeRows: 1, widths: [12, 18, 16, 10, 14, 10, 10, 14, 14, 12, 24, 8, 18, 16], autoFilter: `A1:N${Math.max(1, range.end - range.start + 1)}` });
    parts.push({ name, rows: range.end - range.start });
    streams.push({
      sheet: name,
      write: (out) => {
        let i = 0;
        forEachRow(rows, (c) => {
          if (i >= range.end) return false;
          if (i++ >= range.start) writeRow(out, c);
        }, BILLED);
      },
    });
  }
  return { parts, streams };
}

// ---------------------------------------------------------------- Overview

/** How an input file was read, in words: "UTF-8 · scheidingsteken ';' · decimaalteken ','" (not "utf-8 ; ,"). */
function inputFormat(t: Labels, f: CloseReport["inputs"][number]): string {
  const fm = t.format;
  const enc = (fm as Record<string, string>)[f.encoding] ?? f.encoding;
  const mark = f.decimalMark === "none" ? (f.encoding === "xlsx" ? fm.numbersOnly : fm.noDecimal) : `'${f.decimalMark}'`;
  const sep = f.encoding === "xlsx" || f.delimiter === "" ? [] : [`${fm.separator} ${f.delimiter === "\t" ? fm.tab : `'${f.delimiter}'`}`];
  return [enc, ...sep, `${fm.decimal} ${mark}`].join(" · ");
}

type Params = { vatRate: string; shares: Map<string, string>; openingReserve: string; nextRow: number; accountingRow: Record<"hours" | "benefits", number> };

function writeOverviewParameters(ctx: Ctx, ws: ExcelJS.Worksheet): Params {
  const { t, report, wb } = ctx;
  const r = report.result;
  const c = r.config;
  const name = ws.name;
  ws.getCell("A1").value = `${c.project} — ${t.close} ${r.period.label}`;
  ws.getCell("A1").font = font({ bold: true, size: 14 });
  let row = 3;
  const put = (label: string, value: ExcelJS.CellValue, fmt?: string): string => {
    ws.getCell(`A${row}`).value = label;
    const cell = ws.getCell(`B${row}`);
    cell.value = value;
    if (fmt) cell.numFmt = fmt;
    return `B${row++}`;
  };
  put(t.project, safeText(c.project));
  put(t.period, r.period.label);
  put(t.from, excelDate(r.period.from), FMT.date);
  put(t.to, excelDate(r.period.to), FMT.date);
  put(t.profitPolicy, c.profit === "retain" ? t.retain : t.distribute);
  put(t.shortfallPolicy, c.shortfall === "partner" ? t.partner : t.reserveFirst);
  row++;
  ws.getCell(`A${row}`).value = t.parameters;
  ws.getCell(`A${row++}`).font = font({ bold: true });
  const vatCell = put(t.vatRate, Number(c.vatRate.toFixed()), FMT.pct);
  wb.definedNames.add(ref(name, vatCell), "VAT_rate");
  const shares = new Map<string, string>();
  const bs = c.benefitShare;
  if (D.isDecimal(bs)) {
    const cell = put(t.benefitShare, Number((bs as Dec).toFixed()), FMT.pct);
    wb.definedNames.add(ref(name, cell), "Benefit_share");
    for (const type of c.benefitTypes) shares.set(type, "Benefit_share");
  } else {
    c.benefitTypes.forEach((type, i) => {
      const cell = put(`${t.benefitShare} ${type}`, Number(((bs as Record<string, Dec>)[type] ?? ZERO).toFixed()), FMT.pct);
      wb.definedNames.add(ref(name, cell), `Benefit_share_${i + 1}`);
      shares.set(type, `Benefit_share_${i + 1}`);
    });
  }
  c.hourlyFees.forEach((f, i) => {
    // validity: until the day before the next fee for the same partner scope
    const next = c.hourlyFees.filter((g) => (g.necPartner ?? "") === (f.necPartner ?? "") && g.from > f.from).map((g) => g.from).sort()[0];
    ws.getCell(`C${row}`).value = next ? `${t.validUntil} ${dateText(dayBefore(next))}` : t.validOpen;
    const cell = put(`${t.fee} ${dateText(f.from)} (${f.necPartner === undefined ? t.allNec : safeText(f.necPartner)})`, Number(f.rate.toFixed()), RATE_FMT);
    wb.definedNames.add(ref(name, cell), `Hourly_fee_${i + 1}`);
  });
  const openingCell = `B${row}`;
  setMoney(ws.getCell(openingCell), r.settlement.reserve.opening);
  ws.getCell(`A${row}`).value = t.openingReserve;
  ws.getCell(`C${row++}`).value = report.openingFrom === "config" ? t.openingFromConfig : `${t.openingFromClose} ${report.openingFrom.period}`;
  wb.definedNames.add(ref(name, openingCell), "Opening_reserve");
  put(t.tolerance, Number(c.effortTolerance.toFixed()), FMT.pct);
  row++;

  // Inputs with their hashes: what this statement was computed from.
  headerRow(ws, row++, [t.kind, t.file, t.rows, t.encoding, t.sha]);
  for (const f of report.inputs) {
    ws.getCell(`A${row}`).value = t.kinds[f.kind] ?? f.kind;
    ws.getCell(`B${row}`).value = safeText(f.file);
    setNumber(ws.getCell(`C${row}`), f.rows, FMT.int);
    ws.getCell(`D${row}`).value = inputFormat(t, f);
    ws.getCell(`E${row++}`).value = f.sha256;
  }
  ws.getCell(`A${row}`).value = t.config;
  ws.getCell(`B${row}`).value = safeText(report.configFile);
  ws.getCell(`E${row++}`).value = report.configSha256;
  row++;

  // Row accounting per kind.
  headerRow(ws, row++, [t.rowAccounting, t.read, ...ROW_STATUSES.map((s) => t.status[s]), t.rejected]);
  const accountingRow = { hours: 0, benefits: 0 };
  for (const kind of ["hours", "benefits"] as const) {
    accountingRow[kind] = row;
    const counts = r.rows[kind];
    const read = report.inputs.filter((f) => f.kind === kind).reduce((a, f) => a + f.rows, 0);
    ws.getCell(`A${row}`).value = t.kinds[kind] ?? kind;
    setNumber(ws.getCell(`B${row}`), read, FMT.int);
    ROW_STATUSES.forEach((s, i) => setNumber(ws.getCell(row, 3 + i), counts[s], FMT.int));
    setNumber(ws.getCell(row, 3 + ROW_STATUSES.length), 0, FMT.int);
    row++;
  }
  row++;
  // D holds each input's format in words ("UTF-8 · scheidingsteken ';' · decimaalteken ','"): one line wide
  setupSheet(ws, { title: ctx.title(ws.name), widths: [46, 30, 26, 58, 66, 14, 14, 14, 14] });
  return { vatRate: "VAT_rate", shares, openingReserve: "Opening_reserve", nextRow: row, accountingRow };
}

function writeOverviewTotals(ctx: Ctx, ws: ExcelJS.Worksheet, startRow: number, inv: InvoiceCells, res: ReserveCells): void {
  const { t, report } = ctx;
  const r = report.result;
  let row = startRow;
  ws.getCell(`A${row}`).value = t.keyTotals;
  ws.getCell(`A${row++}`).font = font({ bold: true });
  const line = (label: string, formula: string, value: Dec) => {
    ws.getCell(`A${row}`).value = label;
    setFormula(ws.getCell(`B${row}`), formula, value, FMT.eur);
    point(ctx, ws.name, `B${row}`, label, value);
    row++;
  };
  line(t.revenue, "Revenue", r.revenue);
  line(t.totalVat, inv.vatCells.length > 0 ? inv.vatCells.join("+") : "0", sum(r.invoices.map((i) => i.vat)));
  line(t.closingReserve, res.closing, r.settlement.reserve.closing);
  ws.getCell(`A${row}`).value = t.warnings;
  setNumber(ws.getCell(`B${row++}`), report.warnings.length, FMT.int);
  if (report.ledgerRecordHash) {
    ws.getCell(`A${row}`).value = t.ledger;
    ws.getCell(`B${row++}`).value = report.ledgerRecordHash;
  }
}

// ---------------------------------------------------------------- Invoices

type InvoiceCells = {
  revenueCell: string;
  /** Name of the cell holding this period's own revenue (the split's base): Revenue, or Own_revenue when there are corrections. */
  ownRevenue: string;
  /** Per invoice: the cells of its lines, subtotal, VAT and total (absolute refs). */
  invoices: { nec: string; lines: string[]; subtotal: string; vat: string; total: string }[];
  vatCells: string[];
};

function writeInvoices(ctx: Ctx, ws: ExcelJS.Worksheet, parts: readonly DetailPart[], params: Params, corr: CorrectionsSheet): InvoiceCells {
  const { t, report } = ctx;
  const r = report.result;
  const w = CLOSE_WORDS[report.language];
  headerRow(ws, 1, [t.description, t.range, t.quantity, t.rate, t.amount]);
  let row = 3;
  const out: InvoiceCells = { revenueCell: "", ownRevenue: "Revenue", invoices: [], vatCells: [] };
  // The most decimals any billed hours / benefit amount has (at least 2): sums of such values are exact at that precision.
  const dp = { ...r.decimals };
  for (const v of r.reversals) {
    if (v.kind === "hours") dp.hours = Math.max(dp.hours, v.quantity.decimalPlaces());
    else dp.amounts = Math.max(dp.amounts, v.quantity.decimalPlaces());
  }
  // A label, not a number: written the way the reader writes numbers (€ 2,50 in Dutch).
  const euro = (x: Dec) => {
    const text = x.toFixed(Math.max(2, x.decimalPlaces()));
    return `€ ${report.language === "nl" ? text.replace(".", ",") : text}`;
  };
  // This period's lines sum the Detail rows included now; late rows are on the correction lines.
  const included = [DC.status, exactly(t.status.included)] as [number, string];
  for (const inv of r.invoices) {
    ws.getCell(`A${row}`).value = `${inv.creditNote ? t.creditTo : t.invoiceTo} ${inv.necPartner}`;
    ws.getCell(`A${row++}`).font = font({ bold: true, size: 12 });
    row = writeDocumentFacts(ws, row, currentDocument(report, inv.necPartner), report.language);
    const first = row;
    const necCrit = exactly(inv.necPartner);
    const lineCells: string[] = [];
    for (const l of inv.lines) {
      if (l.kind === "hours") {
        ws.getCell(`A${row}`).value = `${t.hoursAt} ${euro(l.rate)}`;
        ws.getCell(`B${row}`).value = `${dateText(l.firstDate)} .. ${dateText(l.lastDate)} (${l.rows})`;
        setNumber(ws.getCell(`D${row}`), l.rate, RATE_FMT);
        // ROUND to the inputs' own decimals: a float sum (0.0600000000000005) must not tip the half cent below
        setFormula(ws.getCell(`C${row}`), `ROUND(${detailSumifs(parts, DC.hours, [[DC.nec, necCrit], [DC.rate, `D${row}`], included])},${dp.hours})`, l.hours, FMT.hours);
      } else if (l.kind === "benefits") {
        ws.getCell(`A${row}`).value = `${t.benefitsOf} ${l.types.join(" + ")}`;
        ws.getCell(`B${row}`).value = `${l.types.join(", ")} (${l.rows})`;
        const shareName = params.shares.get(l.types[0]!) ?? "Benefit_share";
        setFormula(ws.getCell(`D${row}`), shareName, l.share, FMT.pct);
        const f = l.types.map((type) => detailSumifs(parts, DC.amount, [[DC.nec, necCrit], [DC.type, exactly(type)], included])).join("+");
        setFormula(ws.getCell(`C${row}`), `ROUND(${f},${dp.amounts})`, l.benefits, FMT.eur);
      } else {
        // A correction of a closed period on its own line: Σ of its Corrections rows (added − reversed) at one rate or share.
        const hours = l.of === "hours";
        ws.getCell(`A${row}`).value = `${w.correctionOf} ${l.period}: ${hours ? `${w.correctionHours} ${euro(l.price)}` : `${w.correctionBenefits} ${l.types.join(" + ")}`}`;
        ws.getCell(`B${row}`).value = `${dateText(l.firstDate)} .. ${dateText(l.lastDate)} (${w.rowsAddedReversed(l.added, l.reversed)})`;
        setNumber(ws.getCell(`D${row}`), l.price, hours ? RATE_FMT : FMT.pct);
        const base: [number, string][] = [[CC.partner, inv.necPartner], [CC.kind, w.kinds[l.of]], [CC.period, l.period]];
        // with a share per benefit type, a line holds one type: match it too
        const f = corr.sumQuantity(!hours && perTypeShares(r.config.benefitShare) ? [...base, [CC.type, l.types[0]!]] : base, `D${row}`);
        setFormula(ws.getCell(`C${row}`), `ROUND(${f},${hours ? dp.hours : dp.amounts})`, l.quantity, hours ? FMT.hours : FMT.eur);
      }
      setFormula(ws.getCell(`E${row}`), `ROUND(C${row}*D${row},2)`, l.amount, FMT.eur);
      point(ctx, ws.name, `E${row}`, `${inv.necPartner}: ${ws.getCell(`A${row}`).value as string}`, l.amount);
      lineCells.push(`E${row}`);
      row++;
    }
    const last = row - 1;
    const sub = row++;
    ws.getCell(`A${sub}`).value = t.subtotal;
    setFormula(ws.getCell(`E${sub}`), `SUM(E${first}:E${last})`, inv.subtotal, FMT.eur);
    const vat = row++;
    ws.getCell(`A${vat}`).value = t.vat;
    setFormula(ws.getCell(`D${vat}`), params.vatRate, inv.vatRate, FMT.pct);
    setFormula(ws.getCell(`E${vat}`), `ROUND(E${sub}*D${vat},2)`, inv.vat, FMT.eur);
    const tot = row++;
    ws.getCell(`A${tot}`).value = inv.creditNote ? `${t.total} (${t.creditNote})` : t.total;
    setFormula(ws.getCell(`E${tot}`), `E${sub}+E${vat}`, inv.total, FMT.eur);
    styleTotalRow(ws.getRow(tot));
    for (const [cell, label, v] of [[`E${sub}`, t.subtotal, inv.subtotal], [`E${vat}`, t.vat, inv.vat], [`E${tot}`, t.total, inv.total]] as const) {
      point(ctx, ws.name, cell, `${inv.necPartner}: ${label}`, v);
    }
    out.invoices.push({ nec: inv.necPartner, lines: lineCells, subtotal: `E${sub}`, vat: `E${vat}`, total: `E${tot}` });
    out.vatCells.push(ref(ws.name, `E${vat}`));
    row++;
  }
  ws.getCell(`A${row}`).value = t.revenue;
  ws.getCell(`A${row}`).font = font({ bold: true });
  const revenueFormula = out.invoices.length > 0 ? out.invoices.map((i) => i.subtotal).join("+") : "0";
  setFormula(ws.getCell(`E${row}`), revenueFormula, r.revenue, FMT.eur);
  styleTotalRow(ws.getRow(row));
  ctx.wb.definedNames.add(ref(ws.name, `E${row}`), "Revenue");
  out.revenueCell = ref(ws.name, `E${row}`);
  point(ctx, ws.name, `E${row}`, t.revenue, r.revenue);
  out.ownRevenue = "Revenue";
  if (r.invoices.some((i) => i.lines.some((l) => l.kind === "correction"))) {
    // This period's own revenue (without corrections): what the split of this period shares out.
    row += 1;
    ws.getCell(`A${row}`).value = `${t.revenue} — ${w.thisPeriod.toLowerCase()}`;
    const own = out.invoices.flatMap((i, k) => i.lines.filter((_, j) => r.invoices[k]!.lines[j]!.kind !== "correction"));
    setFormula(ws.getCell(`E${row}`), own.length > 0 ? own.join("+") : "0", r.settlement.ownRevenue, FMT.eur);
    ctx.wb.definedNames.add(ref(ws.name, `E${row}`), "Own_revenue");
    point(ctx, ws.name, `E${row}`, `${t.revenue} — ${w.thisPeriod}`, r.settlement.ownRevenue);
    out.ownRevenue = "Own_revenue";
  }
  if (report.documents?.made && report.documents.docs.length > 0) writeDocumentList(ws, row + 2, report.documents.docs, report.language, t.amount);
  setupSheet(ws, { title: ctx.title(ws.name), freezeRows: 1, widths: [44, 56, 14, 14, 16] });
  return out;
}

const perTypeShares = (s: unknown): boolean => !D.isDecimal(s);

// ---------------------------------------------------------------- Staff

type StaffRange = { partnerCol: string; sideCol: string; costCol: string; subsidyCol: string };

function writeStaff(ctx: Ctx, ws: ExcelJS.Worksheet): StaffRange {
  const { t, report } = ctx;
  const r = report.result;
  headerRow(ws, 1, [t.side, "Partner", t.period, t.role, t.fte, t.shareOfRow, t.costInPeriod, t.subsidyInPeriod, t.source, t.shareNum, t.shareDen, t.rowCost, t.rowSubsidy]);
  let row = 2;
  const lines = [...r.staff.flatMap((s) => s.lines.map((l) => ({ side: "SE", l }))), ...r.necStaff.map((l) => ({ side: "NEC", l }))];
  for (const { side, l } of lines) {
    ws.getCell(`A${row}`).value = side;
    ws.getCell(`B${row}`).value = safeText(l.row.partner);
    ws.getCell(`C${row}`).value = l.row.period;
    ws.getCell(`D${row}`).value = safeText(l.row.role);
    setNumber(ws.getCell(`E${row}`), l.row.fte, FMT.hours);
    // proration: the part of the row's period inside P, as an exact fraction J/K (staff.ts)
    setNumber(ws.getCell(`J${row}`), l.share.num, FMT.int);
    setNumber(ws.getCell(`K${row}`), l.share.den, FMT.int);
    setFormula(ws.getCell(`F${row}`), `J${row}/K${row}`, l.share.num.div(l.share.den), "0.00%");
    if (side === "SE") {
      // prorated cost and subsidy, unrounded here; summed and rounded once per partner
      if (l.row.cost !== undefined) setMoney(ws.getCell(`L${row}`), l.row.cost);
      if (l.row.subsidy !== undefined) setMoney(ws.getCell(`M${row}`), l.row.subsidy);
      setFormula(ws.getCell(`G${row}`), `L${row}*J${row}/K${row}`, l.cost, FMT.eur);
      setFormula(ws.getCell(`H${row}`), `M${row}*J${row}/K${row}`, l.subsidy, FMT.eur);
    }
    ws.getCell(`I${row}`).value = safeText(formatSource(l.row.source));
    row++;
  }
  const last = Math.max(2, row - 1);
  setupSheet(ws, { title: ctx.title(ws.name), freezeRows: 1, widths: [8, 22, 12, 20, 10, 12, 16, 16, 26, 10, 10, 16, 16], autoFilter: `A1:M${last}` });
  const col = (c: string) => `${ref(ws.name, `${c}2`)}:$${c}$${last}`;
  return { partnerCol: col("B"), sideCol: col("A"), costCol: col("G"), subsidyCol: col("H") };
}

// ---------------------------------------------------------------- Settlement

type SettlementCells = { first: number; last: number; totalRow: number; sheet: string };

function writeSettlement(ctx: Ctx, ws: ExcelJS.Worksheet, inv: InvoiceCells, staff: StaffRange): SettlementCells {
  const { t, report } = ctx;
  const r = report.result;
  const s = r.settlement;
  const w = CLOSE_WORDS[report.language];
  const retain = r.config.profit === "retain";
  // With corrections of closed periods, this period's own share and cost sit in M and N and the
  // totals add the corrections table below (SUMIFS by partner); without, the totals are this period's.
  const hasCorr = s.corrections.length > 0;
  // The effort-weighted share splits this period's own revenue (by FTE × active days): with corrections it
  // compares with "share — this period" (column M), without with the share itself (column B).
  const thisPeriod = ` — ${w.thisPeriod.toLowerCase()}`;
  const header = [t.sePartner, t.share, t.staffCost, t.covered, t.retained, t.distributed, t.reservePayment, t.uncovered, t.fte, hasCorr ? `${t.weighted}${thisPeriod}` : t.weighted, "", w.activeDays];
  headerRow(ws, 1, hasCorr ? [...header, `${t.share}${thisPeriod}`, `${t.staffCost}${thisPeriod}`] : header);
  ws.getCell("K1").value = null;
  ws.getCell("J1").note = t.weightedNote;
  const n = s.partners.length;
  const first = 2;
  const last = first + n - 1;
  const totalRow = last + 1;
  // The corrections table starts below the totals and the policy lines.
  const corrHead = totalRow + 9;
  const corrFirst = corrHead + 1;
  const corrLast = corrFirst + Math.max(1, s.corrections.length) - 1;
  const sumCorr = (col: string, row: number) => (hasCorr ? `+SUMIFS($${col}$${corrFirst}:$${col}$${corrLast},$B$${corrFirst}:$B$${corrLast},A${row})` : "");
  const active = s.partners.filter((p) => p.days > 0);
  const days = active.map((p) => p.days);
  const equal = days.every((d) => d === days[0]);
  s.partners.forEach((p, i) => {
    const row = first + i;
    ws.getCell(`A${row}`).value = safeText(p.sePartner);
    setNumber(ws.getCell(`L${row}`), p.days, FMT.int);
    const shareCell = hasCorr ? `M${row}` : `B${row}`;
    const costCell = hasCorr ? `N${row}` : `C${row}`;
    const k = active.indexOf(p);
    if (k >= 0 && equal) {
      // Equal split in whole cents, leftover cents to the first partners (config order);
      // a negative revenue is split as its absolute value (SPEC §3.5, money.allocate).
      const m = active.length;
      const R = inv.ownRevenue;
      const cents = `ROUND(ABS(${R})*100,0)`;
      setFormula(ws.getCell(shareCell), `SIGN(${R})*(INT(${cents}/${m})+IF(${k + 1}<=${cents}-${m}*INT(${cents}/${m}),1,0))/100`, p.own.share, FMT.eur);
    } else {
      // split by active days (largest remainder), or a partner settled here only for corrections: menerva's figure
      setMoney(ws.getCell(shareCell), p.own.share);
      if (k >= 0) ws.getCell(shareCell).note = w.weightedNote;
    }
    const st = r.staff.find((x) => x.partner === p.sePartner);
    const crit = `${staff.partnerCol},A${row},${staff.sideCol},"SE"`;
    if (!st) setMoney(ws.getCell(costCell), p.own.staffCost);
    else if (st.fromPlan) {
      // no staff rows in P: the cost-price plan stands in, as a value
      setMoney(ws.getCell(costCell), p.own.staffCost);
      ws.getCell(`K${row}`).value = t.fromPlan;
    } else {
      setFormula(ws.getCell(costCell), `ROUND(SUMIFS(${staff.costCol},${crit})-SUMIFS(${staff.subsidyCol},${crit}),2)`, p.own.staffCost, FMT.eur);
    }
    if (hasCorr) {
      setFormula(ws.getCell(`B${row}`), `M${row}${sumCorr("E", row)}`, p.share, FMT.eur);
      setFormula(ws.getCell(`C${row}`), `N${row}${sumCorr("F", row)}`, p.staffCost, FMT.eur);
    }
    const surplus = `MAX(0,${shareCell}-${costCell})`;
    setFormula(ws.getCell(`D${row}`), `MIN(${shareCell},${costCell})${sumCorr("G", row)}`, p.covered, FMT.eur);
    if (retain) setFormula(ws.getCell(`E${row}`), `${surplus}${sumCorr("H", row)}`, p.retained, FMT.eur);
    else if (hasCorr) setFormula(ws.getCell(`E${row}`), `0${sumCorr("H", row)}`, p.retained, FMT.eur);
    else setMoney(ws.getCell(`E${row}`), ZERO);
    if (!retain) setFormula(ws.getCell(`F${row}`), `${surplus}${sumCorr("I", row)}`, p.distributed, FMT.eur);
    else if (hasCorr) setFormula(ws.getCell(`F${row}`), `0${sumCorr("I", row)}`, p.distributed, FMT.eur);
    else setMoney(ws.getCell(`F${row}`), ZERO);
    // reserve-first payments are a largest-remainder allocation: menerva's figure, as a value
    setMoney(ws.getCell(`G${row}`), p.reservePayment);
    if (r.config.shortfall === "reserve-first") ws.getCell(`G${row}`).note = t.computedNote;
    setFormula(ws.getCell(`H${row}`), `MAX(0,${costCell}-${shareCell})${sumCorr("J", row)}-G${row}`, p.uncovered, FMT.eur);
    const si = r.staff.indexOf(st!);
    if (st) setNumber(ws.getCell(`I${row}`), st.fte.toDecimalPlaces(4), FMT.decimal4);
    const ws2 = si >= 0 ? r.effort.weightedShares?.[si] : undefined;
    if (ws2) {
      setMoney(ws.getCell(`J${row}`), ws2);
      ws.getCell(`J${row}`).note = t.computedNote;
    }
    for (const [c, v] of [["B", p.share], ["C", p.staffCost], ["D", p.covered], ["E", p.retained], ["F", p.distributed], ["H", p.uncovered]] as const) {
      point(ctx, ws.name, `${c}${row}`, `${p.sePartner}: ${ws.getCell(`${c}1`).value as string}`, v);
    }
  });
  ws.getCell(`A${totalRow}`).value = t.totalRow;
  const totals: [string, Dec][] = [
    ["B", sum(s.shares)], ["C", sum(s.partners.map((p) => p.staffCost))], ["D", sum(s.partners.map((p) => p.covered))], ["E", s.reserve.retained],
    ["F", sum(s.partners.map((p) => p.distributed))], ["G", s.reserve.reservePayments], ["H", sum(s.partners.map((p) => p.uncovered))],
  ];
  for (const [c, v] of totals) {
    setFormula(ws.getCell(`${c}${totalRow}`), `SUM(${c}${first}:${c}${last})`, v, FMT.eur);
    point(ctx, ws.name, `${c}${totalRow}`, `${t.totalRow} ${ws.getCell(`${c}1`).value as string}`, v);
  }
  if (r.effort.weightedShares) setFormula(ws.getCell(`J${totalRow}`), `SUM(J${first}:J${last})`, sum(r.effort.weightedShares), FMT.eur);
  if (hasCorr) {
    // this period's own share and cost, totalled like the effort-weighted share they are compared with
    setFormula(ws.getCell(`M${totalRow}`), `SUM(M${first}:M${last})`, sum(s.partners.map((p) => p.own.share)), FMT.eur);
    setFormula(ws.getCell(`N${totalRow}`), `SUM(N${first}:N${last})`, sum(s.partners.map((p) => p.own.staffCost)), FMT.eur);
    point(ctx, ws.name, `M${totalRow}`, `${t.totalRow} ${t.share}${thisPeriod}`, sum(s.partners.map((p) => p.own.share)));
  }
  styleTotalRow(ws.getRow(totalRow));
  let row = totalRow + 2;
  ws.getCell(`A${row}`).value = t.revenue;
  setFormula(ws.getCell(`B${row++}`), inv.revenueCell, r.revenue, FMT.eur);
  ws.getCell(`A${row}`).value = t.profitPolicy;
  ws.getCell(`B${row++}`).value = retain ? t.retain : t.distribute;
  ws.getCell(`A${row}`).value = t.shortfallPolicy;
  ws.getCell(`B${row++}`).value = r.config.shortfall === "partner" ? t.partner : t.reserveFirst;
  // Spread and tolerance on rows of their own: label, figure, and what it means.
  const tol = `${r.effort.tolerance.times(100).toFixed()}%`;
  ws.getCell(`A${row}`).value = t.spread;
  setNumber(ws.getCell(`B${row}`), r.effort.spread.toDecimalPlaces(4), FMT.pct);
  ws.getCell(`C${row++}`).value = t.spreadNote(tol, r.effort.withinTolerance);
  ws.getCell(`A${row}`).value = t.tolerance;
  setNumber(ws.getCell(`B${row++}`), r.effort.tolerance, FMT.pct);
  if (hasCorr) {
    // Each correction settled against the partner's restated position in the corrected period (values C:F from the ledger).
    ws.getCell(`A${corrHead - 1}`).value = w.settlementCorrections;
    ws.getCell(`A${corrHead - 1}`).font = font({ bold: true });
    headerRow(ws, corrHead, [w.correctedPeriod, t.sePartner, w.shareBefore, w.costBefore, w.shareChange, w.costChange, w.coveredChange, w.retainedChange, w.distributedChange, w.uncoveredChange]);
    s.corrections.forEach((c, i) => {
      const q = corrFirst + i;
      ws.getCell(`A${q}`).value = c.period;
      ws.getCell(`B${q}`).value = safeText(c.sePartner);
      setMoney(ws.getCell(`C${q}`), c.shareBefore);
      setMoney(ws.getCell(`D${q}`), c.staffCostBefore);
      setMoney(ws.getCell(`E${q}`), c.share);
      ws.getCell(`E${q}`).note = t.computedNote;
      setMoney(ws.getCell(`F${q}`), c.staffCost);
      setFormula(ws.getCell(`G${q}`), `MIN(C${q}+E${q},D${q}+F${q})-MIN(C${q},D${q})`, c.covered, FMT.eur);
      const surplusChange = `MAX(0,C${q}+E${q}-D${q}-F${q})-MAX(0,C${q}-D${q})`;
      if (retain) setFormula(ws.getCell(`H${q}`), surplusChange, c.retained, FMT.eur);
      else setMoney(ws.getCell(`H${q}`), ZERO);
      if (!retain) setFormula(ws.getCell(`I${q}`), surplusChange, c.distributed, FMT.eur);
      else setMoney(ws.getCell(`I${q}`), ZERO);
      setFormula(ws.getCell(`J${q}`), `MAX(0,D${q}+F${q}-C${q}-E${q})-MAX(0,D${q}-C${q})`, c.uncovered, FMT.eur);
      for (const [col, v] of [["G", c.covered], ["H", c.retained], ["I", c.distributed], ["J", c.uncovered]] as const) {
        point(ctx, ws.name, `${col}${q}`, `${c.period} ${c.sePartner}: ${ws.getCell(`${col}${corrHead}`).value as string}`, v);
      }
    });
  }
  // column K holds the "from the cost-price plan" note, when there is one
  const noteWidth = r.staff.some((x) => x.fromPlan) ? 30 : 4;
  setupSheet(ws, { title: ctx.title(ws.name), freezeRows: 1, freezeCols: 1, widths: [24, 15, 15, 15, 15, 15, 15, 15, 12, 18, noteWidth, 12, 18, 18] });
  return { first, last, totalRow, sheet: ws.name };
}

// ---------------------------------------------------------------- Reserve

type ReserveCells = { closing: string; opening: string; retained: string; other: string; payments: string };

function writeReserve(ctx: Ctx, ws: ExcelJS.Worksheet, params: Params, set: SettlementCells): ReserveCells {
  const { t, report } = ctx;
  const r = report.result;
  const res = r.settlement.reserve;
  headerRow(ws, 1, [t.description, t.date, t.amount]);
  let row = 2;
  const put = (label: string, date: string, formula: string | undefined, value: Dec): string => {
    ws.getCell(`A${row}`).value = label;
    ws.getCell(`B${row}`).value = excelDate(date);
    ws.getCell(`B${row}`).numFmt = FMT.date;
    if (formula) setFormula(ws.getCell(`C${row}`), formula, value, FMT.eur);
    else setMoney(ws.getCell(`C${row}`), value);
    return `C${row++}`;
  };
  const opening = put(t.opening, r.period.from, params.openingReserve, res.opening);
  const retained = put(t.retained, r.period.to, ref(set.sheet, `E${set.totalRow}`), res.retained);
  const firstCost = row;
  for (const c of r.otherCosts) put(`${t.otherCost}: ${safeText(c.description)}`, c.date, undefined, c.amount);
  // corrections of other costs of closed periods (late, changed or withdrawn costs), booked now
  for (const c of r.costCorrections) put(`${CLOSE_WORDS[report.language].otherCostCorrection} ${c.period}`, r.period.to, undefined, c.delta);
  const lastCost = row - 1;
  const other = put(t.otherCostsTotal, r.period.to, lastCost >= firstCost ? `SUM(C${firstCost}:C${lastCost})` : "0", res.otherCosts);
  const payments = put(t.reservePayment, r.period.to, ref(set.sheet, `G${set.totalRow}`), res.reservePayments);
  const closing = put(t.closing, r.period.to, `${opening}+${retained}-${other}-${payments}`, res.closing);
  styleTotalRow(ws.getRow(row - 1));
  for (const [cell, label, v] of [[retained, t.retained, res.retained], [other, t.otherCostsTotal, res.otherCosts], [payments, t.reservePayment, res.reservePayments], [closing, t.closing, res.closing]] as const) {
    point(ctx, ws.name, cell, `${t.sheets.reserve}: ${label}`, v);
  }
  if (report.reserveHistory.length > 0) {
    row += 1;
    ws.getCell(`A${row++}`).value = t.history;
    headerRow(ws, row++, [t.period, t.opening, t.retained, t.otherCostsTotal, t.reservePayment, t.closing]);
    for (const h of report.reserveHistory) {
      ws.getCell(`A${row}`).value = h.period;
      [h.opening, h.retained, h.otherCosts, h.reservePayments, h.closing].forEach((v, i) => setMoney(ws.getCell(row, 2 + i), v));
      row++;
    }
  }
  setupSheet(ws, { title: ctx.title(ws.name), freezeRows: 1, landscape: false, widths: [44, 14, 16, 16, 16, 16] });
  const abs = (c: string) => ref(ws.name, c);
  return { closing: abs(closing), opening: abs(opening), retained: abs(retained), other: abs(other), payments: abs(payments) };
}

// ---------------------------------------------------------------- Exceptions

function writeExceptions(ctx: Ctx, ws: ExcelJS.Worksheet): void {
  const { t, report } = ctx;
  const r = report.result;
  headerRow(ws, 1, ["Status", t.code, t.source, t.ownPeriod, t.message]);
  let row = 2;
  for (const w of report.warnings) {
    ws.getCell(`A${row}`).value = t.warning;
    ws.getCell(`B${row}`).value = w.code;
    if (w.source) ws.getCell(`C${row}`).value = safeText(formatSource(w.source));
    ws.getCell(`E${row++}`).value = safeText(render(w.message, report.language));
  }
  forEachRow(closeRows(report), (c) => {
    const what = c.kind === "hours" ? `${c.quantity} ${t.kinds.hours}` : `${c.type} ${c.quantity}`;
    ws.getCell(`A${row}`).value = t.status[c.status];
    ws.getCell(`B${row}`).value = t.kinds[c.kind] ?? c.kind;
    ws.getCell(`C${row}`).value = safeText(formatSource({ file: c.file, line: c.line, ...(c.sheet !== undefined ? { sheet: c.sheet } : {}) }));
    if (c.ownPeriod) ws.getCell(`D${row}`).value = c.ownPeriod;
    ws.getCell(`E${row++}`).value = safeText(`${dateText(isoOfDay(c.day))} ${c.necPartner} ${c.candidate} ${what}`);
  }, EXCEPTIONS);
  const last = Math.max(2, row - 1);
  // Counts per kind of exception beside the list: live COUNTIF over column A.
  headerRow(ws, 1, ["Status", t.code, t.source, t.ownPeriod, t.message, "", "Status", t.count]);
  const statuses = ROW_STATUSES.filter((s) => s !== "included");
  const labels = [t.warning, ...statuses.map((s) => t.status[s])];
  const counts = [report.warnings.length, ...statuses.map((s) => r.rows.hours[s] + r.rows.benefits[s])];
  labels.forEach((l, i) => {
    ws.getCell(`G${2 + i}`).value = l;
    setFormula(ws.getCell(`H${2 + i}`), `COUNTIF($A$2:$A$${last},${quote(l)})`, counts[i]!, FMT.int);
    point(ctx, ws.name, `H${2 + i}`, `${ws.name}: ${l}`, new D(counts[i]!));
  });
  setupSheet(ws, { title: ctx.title(ws.name), freezeRows: 1, widths: [16, 18, 30, 12, 90, 4, 18, 10], autoFilter: `A1:E${Math.max(1, row - 1)}` });
}

// ---------------------------------------------------------------- Checks

function writeChecks(ctx: Ctx, ws: ExcelJS.Worksheet, inv: InvoiceCells, set: SettlementCells, res: ReserveCells, params: Params, parts: readonly DetailPart[]): void {
  const { t, report } = ctx;
  const r = report.result;
  const I = (c: string) => ref(t.sheets.invoices, c);
  const S = (c: string) => ref(set.sheet, c);
  const okIf = (cond: string) => `IF(${cond},"${t.ok}","${t.notOk}")`;
  const zero = (expr: string) => `ROUND(${expr},2)=0`;
  headerRow(ws, 1, [t.check, t.inExcel, t.inMenerva, t.detail]);
  let row = 2;
  const menerva = (name: string) => r.checks.find((c) => c.name === name);
  const put = (label: string, formula: string, checkName?: string, extra?: string) => {
    const m = checkName ? menerva(checkName) : undefined;
    ws.getCell(`A${row}`).value = label;
    // cached value: what menerva found (a recalculation that disagrees shows it)
    setFormula(ws.getCell(`B${row}`), okIf(formula), m ? (m.ok ? t.ok : t.notOk) : t.ok);
    point(ctx, ws.name, `B${row}`, label, m && !m.ok ? t.notOk : t.ok);
    if (m) ws.getCell(`C${row}`).value = m.ok ? t.ok : t.notOk;
    ws.getCell(`D${row}`).value = safeText(render(m?.detail ?? extra ?? "", report.language));
    row++;
  };
  for (const i of inv.invoices) {
    put(`${t.checkNames.lines}: ${i.nec}`, zero(`${i.lines.map(I).join("+")}-${I(i.subtotal)}`), `invoice_lines_sum:${i.nec}`);
    put(`${t.checkNames.invTotal}: ${i.nec}`, zero(`${I(i.subtotal)}+${I(i.vat)}-${I(i.total)}`), `invoice_total:${i.nec}`);
  }
  put(t.checkNames.subtotals, zero(`${inv.invoices.map((i) => I(i.subtotal)).join("+") || "0"}-Revenue`), "invoice_subtotals_equal_revenue");
  put(t.checkNames.shares, zero(`SUM(${S(`B${set.first}`)}:$B$${set.last})-Revenue`), "shares_equal_revenue");
  const perPartner = r.settlement.partners.map((_, k) => zero(`${S(`D${set.first + k}`)}+${S(`E${set.first + k}`)}+${S(`F${set.first + k}`)}-${S(`B${set.first + k}`)}`));
  put(t.checkNames.covered, perPartner.length > 0 ? `AND(${perPartner.join(",")})` : "TRUE()", "covered_plus_retained_equals_share");
  put(t.checkNames.reserve, zero(`${res.opening}+${res.retained}-${res.other}-${res.payments}-${res.closing}`), "reserve_rolls_forward");
  // Row accounting on the overview: rows read = the sum over every status (and rejected).
  const O = (c: string) => ref(t.sheets.overview, c);
  const lastStatusCol = colLetter(3 + ROW_STATUSES.length);
  for (const kind of ["hours", "benefits"] as const) {
    const a = params.accountingRow[kind];
    put(`${t.checkNames.rows}: ${t.kinds[kind] ?? kind}`, `${O(`B${a}`)}=SUM(${O(`C${a}`)}:$${lastStatusCol}$${a})`, `rows_counted_once:${kind}`);
  }
  // The Detail sheets hold exactly the included and adjustment rows the invoices sum.
  const billedCols = (["included", "adjustment"] as const).map((s) => colLetter(3 + ROW_STATUSES.indexOf(s)));
  const billed = (["hours", "benefits"] as const).flatMap((k) => billedCols.map((c) => O(`${c}${params.accountingRow[k]}`)));
  const detailCount = parts.map((p) => `COUNT(${ref(p.name, "A2")}:$A$${Math.max(2, p.rows + 1)})`).join("+");
  put(t.checkNames.detailRows, `${detailCount}=${billed.join("+")}`, undefined, String(parts.reduce((n, p) => n + p.rows, 0)));
  // The sheet against menerva's own figures: catches a formula that drifts from the model.
  put(t.checkNames.revenueMatches, zero(`Revenue-(${r.revenue.toFixed(2)})`), undefined, money2(r.revenue));
  put(t.checkNames.reserveMatches, zero(`${res.closing}-(${r.settlement.reserve.closing.toFixed(2)})`), undefined, money2(r.settlement.reserve.closing));
  // The reserve never goes below zero silently (issue 11): the check fails, with the reason beside it.
  put(CLOSE_WORDS[report.language].reserveNotNegative, `ROUND(${res.closing},2)>=0`, "reserve_not_negative");
  setupSheet(ws, { title: ctx.title(ws.name), freezeRows: 1, widths: [46, 12, 12, 90] });
}
