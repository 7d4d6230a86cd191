// QA 1 #11: the statement and report workbooks as a controller reads them:
// header rows tall enough for their wrapped text; the effort-weighted share
// on the same revenue base as the equal share it is compared with (this
// period's revenue, split with the active days); the inputs' format in words;
// the effort spread and its tolerance on rows of their own; one date style
// (dd/mm/yyyy date cells, and dates inside labels written the same way).
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildStatement } from "../../src/adapters/xlsx/statement-workbook.js";
import { buildYearWorkbook } from "../../src/adapters/xlsx/year-workbook.js";
import { FMT } from "../../src/adapters/xlsx/formats.js";
import { runClose } from "../../src/app/close-run.js";
import { D, sum } from "../../src/domain/money.js";
import { parsePeriod } from "../../src/domain/period.js";
import { readLedger } from "../../src/ledger/ledger-file.js";
import type { CloseReport } from "../../src/report/close-report.js";
import { buildYearReport } from "../../src/report/year-report.js";
import { scenarioDir, writeMonth } from "../corrections/scenario.js";
import { exampleReport, loadWorkbook } from "./helpers.js";
import { join } from "node:path";

type Books = { example: ExcelJS.Workbook; february: ExcelJS.Workbook; report: ExcelJS.Workbook; feb: CloseReport };
let books: Books;

beforeAll(async () => {
  // The workflow fixture: February corrects January, Alternatief leaves on 14 February.
  const dir = scenarioDir();
  const reports: CloseReport[] = [];
  for (const m of [1, 2] as const) {
    writeMonth(dir, m);
    const run = await runClose({ configPath: join(dir, "menerva.yaml"), period: `2025-0${m}`, formats: ["json"] });
    if (!run.ok) throw new Error(run.issues.map((i) => i.message).join("\n"));
    reports.push(run.report);
  }
  const ledger = await readLedger(join(dir, "out/ledger.jsonl"));
  if (!ledger.ok) throw new Error("ledger");
  const year = buildYearReport(ledger.value.records, parsePeriod("2025")!, { ledger: "out/ledger.jsonl" });
  books = {
    example: await loadWorkbook(await buildStatement(await exampleReport()).bytes()),
    february: await loadWorkbook(await buildStatement(reports[1]!).bytes()),
    report: await loadWorkbook(await buildYearWorkbook(year).bytes()),
    feb: reports[1]!,
  };
}, 120_000);

/** The lines a text needs at least in a column: its length over the width (at 0.75 of a "0" per character, narrower than Calibri's average), a lower bound of any word wrap. */
const atLeastLines = (text: string, width: number): number => Math.max(1, Math.ceil((text.length * 0.75) / Math.max(1, width - 1)));

describe("workbook layout", () => {
  it("every row with wrapped text is tall enough for it (close statements and the report workbook)", () => {
    const short: string[] = [];
    for (const [name, wb] of Object.entries({ example: books.example, february: books.february, report: books.report })) {
      for (const ws of wb.worksheets) {
        ws.eachRow((row, r) => {
          row.eachCell((cell, c) => {
            if (!cell.alignment?.wrapText || typeof cell.value !== "string") return;
            const need = atLeastLines(cell.value, ws.getColumn(c).width ?? 8.43) * 15;
            if ((row.height ?? 15) < need) short.push(`${name} ${ws.name}!${cell.address} "${cell.value}": ${row.height ?? "default"} pt < ${need}`);
          });
          void r;
        });
      }
    }
    expect(short).toEqual([]);
    // the ones QA named: two lines each
    const rowHeight = (wb: ExcelJS.Workbook, sheet: string, r = 1) => wb.getWorksheet(sheet)!.getRow(r).height ?? 15;
    expect(rowHeight(books.february, "Afrekening")).toBeGreaterThanOrEqual(30); // Actieve dagen, Aandeel (gelijk) — deze periode
    expect(rowHeight(books.february, "Facturen")).toBeGreaterThanOrEqual(30); // Tarief / aandeel
    expect(rowHeight(books.report, "Facturen")).toBeGreaterThanOrEqual(30); // Vergoeding voordelen
    expect(rowHeight(books.report, "Afrekening")).toBeGreaterThanOrEqual(30); // Actieve dagen
  });

  it("the effort-weighted share splits this period's revenue with the active days, beside the equal share of this period", () => {
    const ws = books.february.getWorksheet("Afrekening")!;
    expect(ws.getCell("J1").value).toBe("Aandeel naar inzet — deze periode");
    expect(ws.getCell("M1").value).toBe("Aandeel (gelijk) — deze periode");
    expect(JSON.stringify(ws.getCell("J1").note)).toContain("FTE × actieve dagen");
    const num = (a: string) => new D(String((ws.getCell(a).value as { result?: number })?.result ?? ws.getCell(a).value));
    // BLM, Arbeidskansen (28 days), Alternatief (14 days), all at 0.5 FTE: the effort split is the equal split
    for (const r of [2, 3, 4]) expect(num(`J${r}`).toFixed(2), `row ${r}`).toBe(num(`M${r}`).toFixed(2));
    expect(num("J4").lessThan(num("J2"))).toBe(true);
    const own = books.feb.result.settlement.ownRevenue;
    expect(sum([2, 3, 4].map((r) => num(`J${r}`))).toFixed(2)).toBe(own.toFixed(2));
    expect(num("J5").toFixed(2)).toBe(own.toFixed(2));
  });

  it("the inputs' format is said in words", () => {
    const ws = books.example.getWorksheet("Overzicht")!;
    const head = ws.getColumn(4).values.indexOf("Indeling");
    expect(head).toBeGreaterThan(0);
    const formats = ws.getColumn(4).values.slice(head + 1, head + 1 + books.feb.inputs.length).map(String);
    expect(formats[0]).toMatch(/^(UTF-8|UTF-8 \(met BOM\)|Windows-1252) · scheidingsteken '[;,]' · decimaalteken ('[.,]'|geen \(gehele getallen\))$/);
    for (const f of formats) expect(f).not.toMatch(/^utf-8 |none|undefined/);
  });

  it("the effort spread and its tolerance are rows of their own, each label beside its figure", () => {
    const ws = books.february.getWorksheet("Afrekening")!;
    const col = ws.getColumn(1).values;
    const spread = col.indexOf("Spreiding inzet");
    const tol = col.indexOf("Tolerantie inzet");
    expect(spread).toBeGreaterThan(0);
    expect(tol).toBe(spread + 1);
    expect(ws.getCell(`B${spread}`).numFmt).toBe(FMT.pct);
    expect(ws.getCell(`C${spread}`).value).toBe("binnen de tolerantie van 10%");
    expect(ws.getCell(`B${tol}`).value).toBe(0.1);
    expect(ws.getCell(`B${tol}`).numFmt).toBe(FMT.pct);
  });

  it("one date style: date cells are dd/mm/yyyy, and no label holds an ISO date", () => {
    const bad: string[] = [];
    const sheets = ["Overzicht", "Facturen", "Correcties", "Reserve", "Detail", "Uitzonderingen"];
    for (const [name, wb] of Object.entries({ example: books.example, february: books.february })) {
      for (const s of sheets) {
        wb.getWorksheet(s)!.eachRow((row) =>
          row.eachCell((cell) => {
            // a warning's message is the CLI's own text (issue messages keep ISO dates, as on the terminal)
            if (s === "Uitzonderingen" && row.getCell(1).value === "waarschuwing") return;
            if (cell.value instanceof Date && cell.numFmt !== FMT.date) bad.push(`${name} ${s}!${cell.address}: date as ${cell.numFmt}`);
            if (typeof cell.value === "string" && /\b\d{4}-\d{2}-\d{2}\b/.test(cell.value)) bad.push(`${name} ${s}!${cell.address}: "${cell.value}"`);
          }),
        );
      }
    }
    expect(bad).toEqual([]);
    expect(books.february.getWorksheet("Facturen")!.getCell("B4").value).toMatch(/^\d{2}\/\d{2}\/2025 \.\. \d{2}\/\d{2}\/2025 \(\d+\)$/);
  });
});
