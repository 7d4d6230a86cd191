// .xlsx inputs (issue 13, 18b): a sheet read like a CSV export, with the same
// header, number and name rules, errors at file.xlsx:Sheet!B12, cached formula
// results, and dates or numbers whether stored as values or as text.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readHoursFile, type InputOverrides } from "../../src/adapters/csv/read-input.js";
import { numberText } from "../../src/adapters/xlsx-input/cell-text.js";
import { formatIssue } from "../../src/i18n/render.js";
import { CTX, put } from "./helpers.js";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { menerva, ROOT } from "../cli/helpers.js";

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return put(name, new Uint8Array(await wb.xlsx.writeBuffer()));
}

const readSheet = async (path: string, overrides?: InputOverrides) => {
  const r = await readHoursFile(path, "exports/uren.xlsx", { ...CTX, ...(overrides ? { overrides } : {}) });
  return { ...r, text: r.issues.map(formatIssue) };
};

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("xlsx inputs", () => {
  it("reads the first visible sheet: dates as dates or text, numbers as numbers or text, formulas by their cached result", async () => {
    const path = await workbook("a.xlsx", (wb) => {
      wb.addWorksheet("Info").state = "hidden";
      const ws = wb.addWorksheet("Uren");
      ws.addRow(["Datum", "Uitzendpartner", "Kandidaat", "Uren", "Klant"]);
      ws.addRow([utc(2025, 1, 6), "Q-Jobs", "KND-1", 7.6, "Bakkerij"]);
      ws.addRow(["07/01/2025", "flexer", 123, "7,5", null]);
      ws.addRow([utc(2025, 1, 8), "Itzu Jobs", "KND-3", { formula: "0.1+0.2", result: 0.30000000000000004 }, { richText: [{ text: "Rich " }, { text: "text" }] }]);
      ws.getCell("A2").numFmt = "dd/mm/yyyy";
      ws.getCell("A4").numFmt = "dd/mm/yyyy";
    });
    const r = await readSheet(path);
    expect(r.text).toEqual([]);
    expect(r.rows.map((x) => [x.date, x.necPartner, x.candidate, x.hours.toFixed(), x.client ?? "", x.source.line])).toEqual([
      ["2025-01-06", "Q-Jobs", "KND-1", "7.6", "Bakkerij", 2],
      ["2025-01-07", "Flexer", "123", "7.5", "", 3],
      ["2025-01-08", "Itzu Jobs", "KND-3", "0.3", "Rich text", 4],
    ]);
    // the one number typed as text ("7,5") decides the mark; number cells have none
    expect(r.meta).toMatchObject({ encoding: "xlsx", sheet: "Uren", rowsRead: 3, decimalMark: "," });
  });

  it("a number cell has no decimal mark: it neither decides nor contradicts how numbers typed as text are read (QA 1 #8)", async () => {
    const sheet = (rows: unknown[][]) =>
      workbook(`m${rows.length}-${String(rows[0]![3])}.xlsx`, (wb) => {
        const ws = wb.addWorksheet("Uren");
        ws.addRow(["date", "nec_partner", "candidate_id", "hours"]);
        for (const r of rows) ws.addRow(r);
      });
    // QA's repro: D2 = 7.6 (a number), D3 = "7,5" (text)
    const a = await readSheet(await sheet([["2025-01-06", "Q-Jobs", "K1", 7.6], ["2025-01-07", "Q-Jobs", "K1", "7,5"], ["2025-01-08", "Q-Jobs", "K1", { formula: "B1", result: 1.25 }]]));
    expect(a.text).toEqual([]);
    expect(a.rows.map((x) => x.hours.toFixed())).toEqual(["7.6", "7.5", "1.25"]);
    // numbers typed as text still agree among themselves, whatever the number cells hold
    const b = await readSheet(await sheet([["2025-01-06", "Q-Jobs", "K1", 7.6], ["2025-01-07", "Q-Jobs", "K1", "7,5"], ["2025-01-08", "Q-Jobs", "K1", "7.25"]]));
    expect(b.text).toEqual(['exports/uren.xlsx:Uren!D4: column \'hours\': mixed decimal marks (got "7.25")\n  hint: line 3 has "7,5" with a decimal comma, this cell uses a decimal point; add decimal: "," or decimal: "." for this input in menerva.yaml']);
    // an ambiguous text (1.000) is not settled by a number cell's 7.6
    const c = await readSheet(await sheet([["2025-01-06", "Q-Jobs", "K1", 7.6], ["2025-01-07", "Q-Jobs", "K1", "1.000"]]));
    expect(c.text).toEqual(['exports/uren.xlsx:Uren!D3: column \'hours\': ambiguous decimal mark (got "1.000")\n  hint: add decimal: "," or decimal: "." for this input in menerva.yaml']);
    // only number cells: no decimal mark to report
    const d = await readSheet(await sheet([["2025-01-06", "Q-Jobs", "K1", 7.6]]));
    expect(d.meta.decimalMark).toBe("none");
  });

  it("reads a named sheet, and names the sheets when it is not there", async () => {
    const path = await workbook("b.xlsx", (wb) => {
      wb.addWorksheet("Eerste").addRow(["x"]);
      const ws = wb.addWorksheet("Mijn uren");
      ws.addRow(["date", "nec_partner", "candidate_id", "hours"]);
      ws.addRow(["2025-01-06", "Q-Jobs", "K1", "abc"]);
    });
    expect((await readSheet(path, { sheet: "Mijn uren" })).text).toEqual(["exports/uren.xlsx:'Mijn uren'!D2: column 'hours': not a number (got \"abc\")"]);
    expect((await readSheet(path, { sheet: "Uren" })).text).toEqual(['exports/uren.xlsx: no sheet named "Uren"\n  hint: the workbook\'s sheets are "Eerste", "Mijn uren"']);
    expect((await readSheet(path)).text).toEqual([
      "exports/uren.xlsx:Eerste:1: no known column name in the first row: not an hours export, or its header row is missing\n  hint: the first row names the columns, e.g. date, nec_partner, candidate_id, hours (or in Dutch: datum, uitzendpartner, kandidaat, uren)",
    ]);
  });

  it("applies the same limits, and says where a formula has no saved value", async () => {
    const path = await workbook("c.xlsx", (wb) => {
      const ws = wb.addWorksheet("Uren");
      ws.addRow(["date", "nec_partner", "candidate_id", "hours"]);
      ws.addRow(["2025-01-06", "Q-Jobs", "K1", 1e300]);
      ws.addRow(["2025-01-06", "Q-Jobs", "K1", { formula: "A1*2" }]);
      ws.addRow(["2025-01-06", "Q-Jobs", "K1", 20000]);
    });
    expect((await readSheet(path)).text).toEqual([
      'exports/uren.xlsx:Uren!D2: column \'hours\': too long for a number (301 characters, at most 32) (got "1000000000000000000000000000000000000000000000000000000000000000000000000000000…" (301 characters))',
      "exports/uren.xlsx:Uren!D3: warning: 1 formula cell has no saved result; read as empty\n  hint: menerva never evaluates formulas: open the workbook in Excel or LibreOffice and save it, so every formula has its value",
      "exports/uren.xlsx:Uren!D3: column 'hours': missing value",
      'exports/uren.xlsx:Uren!D4: column \'hours\': too large: at most 10,000 hours on one row (got "20000")\n  hint: check the cell: a number this large is not a real value',
    ]);
  });

  it("refuses what is not a workbook, and a workbook that unpacks past the limit", async () => {
    expect((await readSheet(put("d.xlsx", "date,nec_partner\n"))).text).toEqual(["exports/uren.xlsx: not an .xlsx workbook\n  hint: save it as Excel Workbook (.xlsx) without a password, or as CSV"]);
  });

  it("writes numbers with the 15 significant digits a spreadsheet shows, never with an exponent", () => {
    expect([0.1 + 0.2, 7.6, 1234.56, -0, 1e21, 1e-7, 123456789012345680].map(numberText)).toEqual([
      "0.3",
      "7.6",
      "1234.56",
      "0",
      "1000000000000000000000",
      "0.0000001",
      "123456789012346000",
    ]);
  });

  it("a row read from a sheet is named file.xlsx:Sheet:12 wherever a row is named: detail.csv, exceptions.csv (QA 1 #13)", async () => {
    const d = mkdtempSync(join(tmpdir(), "menerva-xlsx-close-"));
    try {
      cpSync(join(ROOT, "fixtures/workflow/menerva.yaml"), join(d, "menerva.yaml"));
      cpSync(join(ROOT, "fixtures/workflow/2025-01"), join(d, "exports"), { recursive: true });
      rmSync(join(d, "exports/uren-qjobs.csv"));
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Uren");
      ws.addRow(["date", "nec_partner", "candidate_id", "hours"]);
      ws.addRow(["2025-01-06", "Q-Jobs", "K1", 7.6]);
      ws.addRow(["2025-01-07", "Q-Jobs", "K2", 8]);
      ws.addRow(["2025-02-20", "Q-Jobs", "K1", 5]); // after the period: an exception (deferred)
      writeFileSync(join(d, "exports/uren-qjobs.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
      writeFileSync(join(d, "menerva.yaml"), readFileSync(join(d, "menerva.yaml"), "utf8").replace("hours: [{path: exports/uren-*.csv, cumulative: true}]", "hours: [{path: exports/uren-*.csv, cumulative: true}, {path: exports/uren-*.xlsx, cumulative: true}]"));
      mkdirSync(join(d, "out"));
      const r = menerva(["close", "2025-01", "--formats", "csv"], d);
      expect(r.code, r.stderr).toBe(0);
      const detail = readFileSync(join(d, "out/2025-01/detail.csv"), "utf8");
      expect(detail).toContain("exports/uren-qjobs.xlsx:Uren:2");
      expect(detail).toContain("exports/uren-qjobs.xlsx:Uren:3");
      expect(detail).not.toMatch(/uren-qjobs\.xlsx:\d/);
      expect(readFileSync(join(d, "out/2025-01/exceptions.csv"), "utf8")).toContain("exports/uren-qjobs.xlsx:Uren:4");
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
