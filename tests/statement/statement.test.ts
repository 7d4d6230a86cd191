// The Excel statement of the shipped example close (fixtures/menerva.yaml,
// 2025-Q1, through the real pipeline): structure, the LibreOffice forced
// recalculation against menerva's JSON summary, a tampered cache being
// caught, determinism, formula injection, English, and a split Detail table.
import type ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { FMT } from "../../src/adapters/xlsx/formats.js";
import { buildStatement, renderStatementXlsx } from "../../src/adapters/xlsx/statement-workbook.js";
import { cachedValues, cellAt, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";
import { cents, differencesFromSummary, exampleReport, loadWorkbook, withFile } from "./helpers.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const definedNames = (wb: ExcelJS.Workbook) => (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;

describe("statement structure (example close)", () => {
  test("Dutch sheets, headers, named parameters, amount formats, formula text of the totals", async () => {
    const report = await exampleReport();
    const wb = await loadWorkbook(await renderStatementXlsx(report));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Overzicht", "Facturen", "Correcties", "Afrekening", "Reserve", "Personeel", "Detail", "Uitzonderingen", "Controles", "Regels"]);
    const names = definedNames(wb);
    const byName = new Map(names.map((n) => [n.name, n.ranges[0]]));
    expect([...byName.keys()]).toEqual(expect.arrayContaining(["VAT_rate", "Benefit_share", "Revenue", "Opening_reserve", "Hourly_fee_1", "Hourly_fee_2"]));
    // named parameter cells hold numbers with the right format
    const ov = wb.getWorksheet("Overzicht")!;
    const vatAddr = byName.get("VAT_rate")!.split("!")[1]!.replace(/\$/g, "");
    expect(ov.getCell(vatAddr).value).toBe(0.21);
    expect(ov.getCell(vatAddr).numFmt).toBe(FMT.pct);
    const fee1 = byName.get("Hourly_fee_1")!.split("!")[1]!.replace(/\$/g, "");
    expect(ov.getCell(fee1).value).toBe(2.5);
    expect(String(ov.getCell(fee1.replace("B", "C")).value)).toMatch(/^geldig tot en met 1\d\/02\/2025$/);

    const detail = wb.getWorksheet("Detail")!;
    expect(detail.getRow(1).values).toEqual([undefined, "Datum", "NEC-partner", "Kandidaat", "Soort", "Type voordeel", "Uren", "Tarief / aandeel", "Bedrag voordeel", "Status", "Eigen periode", "Bestand", "Regel", "Klant", "Referentie"]);
    const billed = [...report.result.hours, ...report.result.benefits].filter((c) => c.status === "included" || c.status === "adjustment");
    expect(detail.actualRowCount).toBe(billed.length + 1);
    expect(detail.getCell("A2").value).toBeInstanceOf(Date);
    expect(typeof detail.getCell("L2").value).toBe("number");
    expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const inv = wb.getWorksheet("Facturen")!;
    expect(inv.getCell("A3").value).toBe("Factuur aan Q-Jobs");
    // first line: hours of Q-Jobs at the rate in D4, from Detail; amount rounded once
    expect(inv.getCell("C4").formula).toBe(`ROUND(SUMIFS('Detail'!$F$2:$F$${billed.length + 1},'Detail'!$B$2:$B$${billed.length + 1},"=Q-Jobs",'Detail'!$G$2:$G$${billed.length + 1},D4,'Detail'!$I$2:$I$${billed.length + 1},"=opgenomen"),2)`);
    expect(inv.getCell("E4").formula).toBe("ROUND(C4*D4,2)");
    expect(inv.getCell("E4").result).toBe(1853.5);
    expect(inv.getCell("E4").numFmt).toBe(FMT.eur);
    // benefit line: share cell is the named parameter; VAT uses the named rate
    expect(inv.getCell("D6").formula).toBe("Benefit_share");
    expect(inv.getCell("E6").formula).toBe("ROUND(C6*D6,2)");
    expect(inv.getCell("E7").formula).toBe("SUM(E4:E6)");
    expect(inv.getCell("D8").formula).toBe("VAT_rate");
    expect(inv.getCell("E8").formula).toBe("ROUND(E7*D8,2)");
    expect(inv.getCell("E9").formula).toBe("E7+E8");
    expect(inv.getCell("E9").result).toBe(19631.1);
    for (const a of ["E4", "E7", "E8", "E9"]) expect(inv.getCell(a).numFmt).toBe(FMT.eur);

    const set = wb.getWorksheet("Afrekening")!;
    expect(set.getRow(1).values).toEqual(expect.arrayContaining(["SE-partner", "Aandeel (gelijk)", "Personeelskost", "Gedekt", "Ingehouden", "Niet gedekt", "Inzet (FTE)", "Aandeel naar inzet"]));
    expect(set.getCell("B2").formula).toMatch(/Revenue/);
    expect(set.getCell("C2").formula).toMatch(/^ROUND\(SUMIFS\('Personeel'!/);
    expect(set.getCell("D2").formula).toBe("MIN(B2,C2)");
    expect(set.getCell("E2").formula).toBe("MAX(0,B2-C2)");
    expect(set.getCell("B2").numFmt).toBe(FMT.eur);
    // the effort-weighted share is a largest-remainder allocation: a value, with a note saying so
    expect(typeof set.getCell("J2").value).toBe("number");
    expect(JSON.stringify(set.getCell("J2").note)).toContain("berekend door menerva (grootste rest)");
    // staff: prorated cost per row is live (row cost × numerator / denominator)
    const staff = wb.getWorksheet("Personeel")!;
    expect(staff.getCell("G2").formula).toBe("L2*J2/K2");
    expect(staff.getCell("F2").formula).toBe("J2/K2");
    expect(typeof staff.getCell("J2").value).toBe("number");
    const res = wb.getWorksheet("Reserve")!;
    const closing = res.getColumn(1).values.indexOf("Einde");
    expect(res.getCell(`C${closing}`).formula).toMatch(/^C\d+\+C\d+-C\d+-C\d+$/);
    const checks = wb.getWorksheet("Controles")!;
    expect(checks.getCell("B2").formula).toMatch(/^IF\(ROUND\(.*,2\)=0,"OK","NIET OK"\)$/);
    // print set-up: landscape, fit to width, header with project and period
    expect(inv.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
    expect(inv.headerFooter.oddHeader).toContain("MENERVA");
    expect(inv.headerFooter.oddHeader).toContain("2025-Q1");
  });

  test("English labels with language en", async () => {
    const wb = await loadWorkbook(await renderStatementXlsx(await exampleReport("en")));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Overview", "Invoices", "Corrections", "Settlement", "Reserve", "Staff", "Detail", "Exceptions", "Checks", "Rules"]);
    expect(wb.getWorksheet("Invoices")!.getCell("A3").value).toBe("Invoice to Q-Jobs");
    expect(wb.getWorksheet("Detail")!.getCell("B1").value).toBe("NEC partner");
    expect(wb.getWorksheet("Checks")!.getCell("B2").formula).toMatch(/"OK","NOT OK"\)$/);
  });

  test("same report, byte-identical file", async () => {
    const report = await exampleReport();
    expect(sha(await renderStatementXlsx(report))).toBe(sha(await renderStatementXlsx(report)));
  });
});

describe("statement recalculated in LibreOffice (example close)", () => {
  test("every recalculated total equals the JSON summary to the cent, every check OK", async () => {
    requireLibreOffice();
    const report = await exampleReport();
    const bytes = await renderStatementXlsx(report);
    const sheets = await withFile(bytes, recalculate);
    expect(differencesFromSummary(sheets, report)).toEqual([]);
  }, 180_000);

  test("English, and the Detail table split at 10 rows per sheet: same totals", async () => {
    requireLibreOffice();
    const report = await exampleReport("en");
    const bytes = await renderStatementXlsx(report, { maxDetailRowsPerSheet: 10 });
    const wb = await loadWorkbook(bytes);
    const parts = wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("Detail"));
    const billed = [...report.result.hours, ...report.result.benefits].filter((c) => c.status === "included" || c.status === "adjustment").length;
    expect(parts.length).toBe(Math.ceil(billed / 10));
    expect(parts.slice(0, 2)).toEqual(["Detail 1", "Detail 2"]);
    expect(parts.map((p) => wb.getWorksheet(p)!.actualRowCount - 1).reduce((a, b) => a + b, 0)).toBe(billed);
    // a total's formula reaches every part
    const f = wb.getWorksheet("Invoices")!.getCell("C4").formula;
    for (const p of parts) expect(f).toContain(`'${p}'!`);
    const sheets = await withFile(bytes, recalculate);
    expect(differencesFromSummary(sheets, report)).toEqual([]);
  }, 300_000);

  test("a wrong cached value is caught: recalculation overrides the tampered cache", async () => {
    requireLibreOffice();
    const report = await exampleReport();
    const built = buildStatement(report);
    const revenue = built.checkpoints.find((c) => c.sheet === "Facturen" && c.label.startsWith("Omzet"))!;
    const files = unzipSync(await built.bytes());
    // Facturen is the second sheet
    const part = "xl/worksheets/sheet2.xml";
    const xml = strFromU8(files[part]!);
    const cell = new RegExp(`(<c r="${revenue.cell}"[^>]*><f>[^<]*</f><v>)([^<]*)(</v>)`);
    expect(cell.test(xml)).toBe(true);
    files[part] = strToU8(xml.replace(cell, "$1999999.99$3"));
    const tampered = zipSync(files);
    const { cached, recalculated } = await withFile(tampered, async (p) => ({ cached: await cachedValues(p), recalculated: await recalculate(p) }));
    // without recalculation the file claims the tampered figure…
    expect(cents(cellAt(cached.get("Facturen")!, revenue.cell))).toBe("999999.99");
    // and the comparison used throughout these tests notices it
    expect(differencesFromSummary(cached, report)).toEqual([`revenue (invoices): sheet 999999.99, summary ${report.result.revenue.toFixed(2)}`]);
    // …a forced recalculation gives menerva's figure again, and the summary's
    const got = cents(cellAt(recalculated.get("Facturen")!, revenue.cell));
    expect(got).not.toBe("999999.99");
    expect(got).toBe(report.result.revenue.toFixed(2));
    expect(differencesFromSummary(recalculated, report)).toEqual([]);
  }, 300_000);

  test("formula-looking text from the CSV stays text (=1+1, @SUM(A1), +32, -5)", async () => {
    requireLibreOffice();
    const base = await exampleReport();
    const r = base.result;
    const firstBilled = (cs: readonly { status: string }[]) => cs.findIndex((c) => c.status === "included");
    const h = firstBilled(r.hours);
    const b = firstBilled(r.benefits);
    const hours = r.hours.map((c, i) => (i === h ? { ...c, row: { ...c.row, candidate: "=1+1", client: "@SUM(A1)", reference: "+32" } } : c));
    const benefits = r.benefits.map((c, i) => (i === b ? { ...c, row: { ...c.row, candidate: "-5", reference: "=HYPERLINK(\"x\")" } } : c));
    const report = { ...base, result: { ...r, hours, benefits } };
    const bytes = await renderStatementXlsx(report);
    const detailXml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet7.xml"]!);
    expect(detailXml).not.toContain("<f>");
    const sheets = await withFile(bytes, recalculate);
    // stored as inline text, never as a number or a formula…
    for (const s of ["=1+1", "@SUM(A1)", "+32", "-5"]) expect(detailXml).toContain(`t="inlineStr"><is><t xml:space="preserve">${s}</t>`);
    // …and still the same text after a full recalculation (candidate is column C)
    const rows = sheets.get("Detail")!;
    expect(rows.filter((row) => row[2] === "=1+1")).toHaveLength(1);
    expect(rows.filter((row) => row[2] === "2")).toHaveLength(0);
    const flat = rows.flat();
    for (const s of ["@SUM(A1)", "+32", "-5", '=HYPERLINK("x")']) expect(flat).toContain(s);
    // the totals are untouched by the text
    expect(differencesFromSummary(sheets, report)).toEqual([]);
  }, 180_000);
});
