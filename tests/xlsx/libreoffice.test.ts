// The workbook in a real spreadsheet application (headless LibreOffice):
// a forced recalculation replaces wrong cached values (so the harness really
// recalculates), text that looks like a formula stays text, dates are dates.
// Fails (does not skip) when soffice is missing: CI installs libreoffice-calc-nogui.
import { strFromU8 } from "fflate";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { toDeterministicXlsx, unzipParts } from "../../src/adapters/xlsx/deterministic.js";
import { excelSerial } from "../../src/adapters/xlsx/formats.js";
import { cachedValues, cellAt, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";
import { AMOUNTS_TOTAL, INJECTION_TEXTS, SAMPLE_CHARTS, sampleWorkbook } from "./fixtures/sample-workbook.js";

let dir: string;
let path: string;
let bytes: Uint8Array;
let recalc: Map<string, string[][]>;
let cached: Map<string, string[][]>;

beforeAll(async () => {
  requireLibreOffice();
  dir = await mkdtemp(join(tmpdir(), "menerva-xlsx-test-"));
  path = join(dir, "sample.xlsx");
  bytes = await toDeterministicXlsx(sampleWorkbook(), { charts: SAMPLE_CHARTS });
  await writeFile(path, bytes);
  [recalc, cached] = await Promise.all([recalculate(path), cachedValues(path)]);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("LibreOffice recalculation harness", () => {
  test("exports every sheet", () => {
    expect([...recalc.keys()].sort()).toEqual(["Data", "Grafiek", "Maanden"]);
  });

  test("the cached values are what the file claims, including the deliberately wrong 999", () => {
    const data = cached.get("Data")!;
    expect(cellAt(data, "B7")).toBe("999");
    expect(cellAt(data, "C7")).toBe("999");
    expect(cellAt(data, "D7")).toBe("25.03");
  });

  test("a forced recalculation replaces them with the right values", () => {
    const data = recalc.get("Data")!;
    expect(cellAt(data, "B7")).toBe(AMOUNTS_TOTAL);
    expect(cellAt(data, "C7")).toBe("-0.06");
    expect(cellAt(data, "D7")).toBe("25.03"); // ROUND(25.025, 2): half away from zero
  });

  test("CSV text that looks like a formula is stored as text and stays text after recalculation", () => {
    const sheet1 = strFromU8(unzipParts(bytes).get("xl/worksheets/sheet1.xml")!);
    // column E holds only strings: no <f> and a t="s" cell type
    for (let r = 2; r <= 1 + INJECTION_TEXTS.length; r++) {
      expect(sheet1).toMatch(new RegExp(`<c r="E${r}"[^>]*t="s"`));
    }
    expect(sheet1).not.toMatch(/<c r="E\d+"[^>]*><f>/);
    const data = recalc.get("Data")!;
    INJECTION_TEXTS.forEach((t, i) => {
      // XML turns a literal CR into LF on reading; what matters is that it is the text, not a value
      expect(cellAt(data, `E${i + 2}`)).toBe(t.replace("\r", "\n"));
    });
  });

  test("dates are date serials independent of TZ, shown as dates", () => {
    const sheet1 = strFromU8(unzipParts(bytes).get("xl/worksheets/sheet1.xml")!);
    expect(sheet1).toContain(`<c r="A2" s="`);
    expect(sheet1).toMatch(new RegExp(`<c r="A2" s="\\d+"><v>${excelSerial("2025-03-28")}</v></c>`));
    expect(excelSerial("2025-03-28")).toBe(45744);
    // the CSV export prints date cells in the (pinned en-US) locale's date form
    expect(cellAt(recalc.get("Data")!, "A2")).toBe("03/28/2025");
  });

  test("money stays numeric in the spreadsheet (not text)", () => {
    expect(cellAt(recalc.get("Data")!, "B2")).toBe("1234.56");
    expect(cellAt(recalc.get("Data")!, "B3")).toBe("-0.05");
  });
});
