// The shipped example (fixtures/menerva.yaml, 2025-Q1): its statement opened
// in LibreOffice with a forced full recalculation gives menerva's figures to
// the cent in every total, and every check formula says OK.
import { describe, expect, test } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCloseReport, readCloseInputs } from "../../src/app/close.js";
import { buildStatement } from "../../src/adapters/xlsx/statement-workbook.js";
import { parsePeriod } from "../../src/domain/period.js";
import { D, fmtMoney } from "../../src/domain/money.js";
import { cellAt, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";

describe("example statement in LibreOffice", () => {
  test("recalculated totals equal menerva's figures to the cent", async () => {
    requireLibreOffice();
    const read = await readCloseInputs("fixtures/menerva.yaml", "2025-Q1");
    if (!read.ok) throw new Error(JSON.stringify(read.issues, null, 2));
    const report = buildCloseReport({ ...read.value, period: parsePeriod("2025-Q1")! });
    if (!report.ok) throw new Error(JSON.stringify(report.issues, null, 2));
    const built = buildStatement(report.value);
    expect(built.checkpoints.length).toBeGreaterThan(40);
    const dir = await mkdtemp(join(tmpdir(), "menerva-example-"));
    try {
      const path = join(dir, "menerva-2025-Q1.xlsx");
      await writeFile(path, await built.bytes());
      const sheets = await recalculate(path);
      const bad = built.checkpoints.flatMap((c) => {
        const raw = cellAt(sheets.get(c.sheet) ?? [], c.cell);
        const got = /^-?\d/.test(raw) ? fmtMoney(new D(raw).toDecimalPlaces(2)) : raw;
        return got === c.expected ? [] : [`${c.sheet}!${c.cell} ${c.label}: got ${raw}, menerva ${c.expected}`];
      });
      expect(bad).toEqual([]);
      // every check formula on the checks sheet is OK after recalculation
      const checks = sheets.get("Controles")!.slice(1).map((row) => row[1]);
      expect(checks.length).toBeGreaterThan(5);
      expect(checks.every((v) => v === "OK")).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
