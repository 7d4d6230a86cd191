// Formats, dates and text helpers: the values other renderers rely on.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { FMT, excelDate, excelSerial, safeText } from "../../src/adapters/xlsx/formats.js";

describe("FMT", () => {
  test("EUR format is the nl-BE one with red negatives", () => {
    expect(FMT.eur).toBe("[$€-813] #,##0.00;[Red][$€-813] -#,##0.00");
    expect(FMT.hours).toBe("#,##0.00");
    expect(FMT.pct).toBe("0.0%");
    expect(FMT.int).toBe("#,##0");
    expect(FMT.date).toBe("dd/mm/yyyy");
  });
});

describe("excelDate", () => {
  test("is UTC midnight of the ISO date", () => {
    expect(excelDate("2025-03-31").toISOString()).toBe("2025-03-31T00:00:00.000Z");
    expect(excelDate("2024-02-29").toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });
  test("serials match Excel's 1900 date system", () => {
    expect(excelSerial("2025-03-31")).toBe(45747);
    expect(excelSerial("1900-03-01")).toBe(61);
    expect(excelSerial("2000-01-01")).toBe(36526);
  });
  test("rejects what is not a real ISO date", () => {
    for (const bad of ["2025-02-29", "2025-13-01", "31/03/2025", "2025-3-1", ""]) {
      expect(() => excelDate(bad), bad).toThrow(/excelDate/);
    }
  });
  test.prop([fc.date({ min: new Date("1901-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })])(
    "round-trips any day",
    (d) => {
      const iso = d.toISOString().slice(0, 10);
      expect(excelDate(iso).toISOString().slice(0, 10)).toBe(iso);
      expect(excelSerial(iso)).toBe(Math.floor((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000));
    },
  );
});

describe("safeText", () => {
  test("keeps formula-looking text exactly (it is stored as a string, never a formula)", () => {
    for (const t of ["=1+1", "+32", "-5", "@SUM(A1)", "\t=2", "\r=3", "Café € 1.234,56"]) expect(safeText(t)).toBe(t);
  });
  test("replaces characters XML cannot carry", () => {
    expect(safeText("a\u0000b\u0007c\uFFFF")).toBe("a\uFFFDb\uFFFDc\uFFFD");
    expect(safeText("x\uD800y")).toBe("x\uFFFDy");
    expect(safeText("ok 😀")).toBe("ok 😀");
  });
  test("caps at Excel's 32,767 characters per cell", () => {
    expect(safeText("x".repeat(40_000)).length).toBe(32_767);
  });
});
