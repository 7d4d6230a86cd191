// Shared helpers for the statement tests: the shipped example's close report
// (real pipeline), reading a rendered workbook back, and comparing the
// sheets of a LibreOffice recalculation with menerva's JSON summary.
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCloseReport, readCloseInputs } from "../../src/app/close.js";
import { D } from "../../src/domain/money.js";
import { parsePeriod } from "../../src/domain/period.js";
import type { CloseReport } from "../../src/report/close-report.js";
import { closeSummary } from "../../src/report/close-summary.js";

export async function exampleReport(language: "nl" | "en" = "nl"): Promise<CloseReport> {
  const read = await readCloseInputs("fixtures/menerva.yaml", "2025-Q1");
  if (!read.ok) throw new Error(JSON.stringify(read.issues, null, 2));
  const report = buildCloseReport({ ...read.value, period: parsePeriod("2025-Q1")! });
  if (!report.ok) throw new Error(JSON.stringify(report.issues, null, 2));
  return { ...report.value, language };
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Write bytes to a temp file, run `f` on its path, clean up. */
export async function withFile<T>(bytes: Uint8Array, f: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "menerva-statement-"));
  try {
    const path = join(dir, "statement.xlsx");
    await writeFile(path, bytes);
    return await f(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A raw LibreOffice cell text as a 2-decimal amount ("2002" → "2002.00"). */
export const cents = (raw: string | undefined): string => (raw !== undefined && /^-?\d/.test(raw) ? new D(raw).toFixed(2) : `not a number: ${JSON.stringify(raw)}`);
const exact = (raw: string | undefined): string => (raw !== undefined && /^-?\d/.test(raw) ? new D(raw).toFixed() : `not a number: ${JSON.stringify(raw)}`);

type Sheets = Map<string, string[][]>;
type Words = { invoices: string; settlement: string; reserve: string; checks: string; overview: string; invoiceTo: RegExp; subtotal: string; vat: string; revenue: string; closing: string; retained: string; ok: string };
export const WORDS: Record<"nl" | "en", Words> = {
  nl: { invoices: "Facturen", settlement: "Afrekening", reserve: "Reserve", checks: "Controles", overview: "Overzicht", invoiceTo: /^(?:Factuur|Creditnota) aan (.*)$/, subtotal: "Subtotaal", vat: "Btw", revenue: "Omzet (Σ subtotalen)", closing: "Einde", retained: "Ingehouden", ok: "OK" },
  en: { invoices: "Invoices", settlement: "Settlement", reserve: "Reserve", checks: "Checks", overview: "Overview", invoiceTo: /^(?:Invoice|Credit note) to (.*)$/, subtotal: "Subtotal", vat: "VAT", revenue: "Revenue (Σ subtotals)", closing: "Closing", retained: "Retained", ok: "OK" },
};

/**
 * Every figure of the JSON summary that the recalculated sheets must show,
 * found by its label (not by the renderer's own cell bookkeeping), as
 * "what: sheet says X, summary says Y" for each difference.
 */
export function differencesFromSummary(sheets: Sheets, report: CloseReport): string[] {
  const w = WORDS[report.language];
  const s = closeSummary(report) as any;
  const bad: string[] = [];
  const eq = (what: string, got: string, want: string) => {
    if (got !== want) bad.push(`${what}: sheet ${got}, summary ${want}`);
  };
  const inv = sheets.get(w.invoices) ?? [];
  // Invoice blocks: heading, one row per line, subtotal, VAT, total.
  const seen: string[] = [];
  for (let i = 0; i < inv.length; i++) {
    const m = w.invoiceTo.exec(inv[i]![0] ?? "");
    if (!m) continue;
    const nec = m[1]!;
    seen.push(nec);
    const sum = s.invoices.find((x: any) => x.nec_partner === nec);
    if (!sum) {
      bad.push(`invoice ${nec} not in the summary`);
      continue;
    }
    sum.lines.forEach((l: any, k: number) => {
      const row = inv[i + 1 + k]!;
      eq(`${nec} line ${k + 1} quantity`, exact(row[2]), new D(l.hours ?? l.benefits).toFixed() /* hour, benefit and correction lines */);
      eq(`${nec} line ${k + 1} amount`, cents(row[4]), l.amount);
    });
    const after = i + 1 + sum.lines.length;
    eq(`${nec} subtotal label`, inv[after]![0]!, w.subtotal);
    eq(`${nec} subtotal`, cents(inv[after]![4]), sum.subtotal);
    eq(`${nec} VAT`, cents(inv[after + 1]![4]), sum.vat);
    eq(`${nec} total`, cents(inv[after + 2]![4]), sum.total);
  }
  eq("invoices", seen.join(","), s.invoices.map((x: any) => x.nec_partner).join(","));
  const revRow = inv.find((r) => r[0] === w.revenue);
  eq("revenue (invoices)", cents(revRow?.[4]), s.revenue);
  const ov = (sheets.get(w.overview) ?? []).find((r) => r[0] === w.revenue);
  eq("revenue (overview)", cents(ov?.[1]), s.revenue);

  const set = sheets.get(w.settlement) ?? [];
  s.settlement.forEach((p: any, k: number) => {
    const row = set[1 + k] ?? [];
    eq(`settlement row ${k + 1} partner`, row[0] ?? "", p.se_partner);
    const cols: [string, number][] = [["share", 1], ["staff_cost", 2], ["covered", 3], ["retained", 4], ["distributed", 5], ["reserve_payment", 6], ["uncovered", 7]];
    for (const [field, c] of cols) eq(`${p.se_partner} ${field}`, cents(row[c]), p[field]);
  });
  const res = sheets.get(w.reserve) ?? [];
  eq("reserve retained", cents(res.find((r) => r[0] === w.retained)?.[2]), s.reserve.retained);
  eq("reserve closing", cents(res.find((r) => r[0] === w.closing)?.[2]), s.reserve.closing);

  // Every check: the formula and menerva's own verdict both say OK.
  const checks = (sheets.get(w.checks) ?? []).slice(1).filter((r) => r[0]);
  if (checks.length < s.checks.length) bad.push(`only ${checks.length} check rows for ${s.checks.length} menerva checks`);
  for (const r of checks) {
    if (r[1] !== w.ok) bad.push(`check "${r[0]}" formula says ${r[1]}`);
    if (r[2] !== "" && r[2] !== w.ok) bad.push(`check "${r[0]}" menerva says ${r[2]}`);
  }
  return bad;
}
