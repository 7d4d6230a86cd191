// Statements with corrections of closed periods, recalculated in LibreOffice
// (issue 11): correction lines that SUMIFS the Corrections sheet, the split by
// active days, corrections settled against the restated positions (retain and
// distribute), corrections of other costs in the reserve, the "reserve not
// negative" check, and the year workbook of `menerva report`. Every checkpoint
// (a cell and menerva's figure) must come back after a forced recalculation.
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildStatement } from "../../src/adapters/xlsx/statement-workbook.js";
import type { Checkpoint } from "../../src/adapters/xlsx/statement-common.js";
import { buildYearWorkbook } from "../../src/adapters/xlsx/year-workbook.js";
import { runClose } from "../../src/app/close-run.js";
import { D, fmtMoney } from "../../src/domain/money.js";
import { parsePeriod } from "../../src/domain/period.js";
import { readLedger } from "../../src/ledger/ledger-file.js";
import type { CloseReport } from "../../src/report/close-report.js";
import { buildYearReport } from "../../src/report/year-report.js";
import { cellAt, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";
import { differencesFromSummary } from "../statement/helpers.js";
import { scenarioDir, writeMonth } from "./scenario.js";
import { issueMessage } from "../../src/i18n/render.js";

async function closeAll(edit?: (yaml: string) => string): Promise<{ dir: string; reports: CloseReport[] }> {
  const dir = scenarioDir();
  if (edit) writeFileSync(join(dir, "menerva.yaml"), edit(readFileSync(join(dir, "menerva.yaml"), "utf8")));
  const reports: CloseReport[] = [];
  for (const m of [1, 2, 3] as const) {
    writeMonth(dir, m);
    const run = await runClose({ configPath: join(dir, "menerva.yaml"), period: `2025-0${m}`, formats: ["json"] });
    if (!run.ok) throw new Error(run.issues.map((i) => issueMessage(i)).join("\n"));
    reports.push(run.report);
  }
  return { dir, reports };
}

/** Recalculate in LibreOffice; every checkpoint that does not come back, as text. */
async function mismatches(bytes: Uint8Array, checkpoints: readonly Checkpoint[]): Promise<{ bad: string[]; sheets: Map<string, string[][]> }> {
  requireLibreOffice();
  const dir = await mkdtemp(join(tmpdir(), "menerva-corr-xlsx-"));
  try {
    const path = join(dir, "book.xlsx");
    await writeFile(path, bytes);
    const sheets = await recalculate(path);
    const bad: string[] = [];
    for (const c of checkpoints) {
      const raw = cellAt(sheets.get(c.sheet) ?? [], c.cell);
      const numeric = /^-?\d/.test(raw) && /^-?\d+(\.\d+)?$/.test(c.expected);
      const same = numeric ? fmtMoney(new D(raw).toDecimalPlaces(2)) === fmtMoney(new D(c.expected).toDecimalPlaces(2)) : raw === c.expected;
      if (!same) bad.push(`${c.sheet}!${c.cell} ${c.label}: got ${raw}, menerva ${c.expected}`);
    }
    return { bad, sheets };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("statements with corrections, recalculated in LibreOffice", () => {
  let retain: CloseReport[];
  let distribute: CloseReport[];
  let dir: string;
  beforeAll(async () => {
    const a = await closeAll();
    retain = a.reports;
    dir = a.dir;
    distribute = (await closeAll((y) => y.replace("other_costs:", "settlement: {profit: distribute, shortfall: reserve-first}\nother_costs:"))).reports;
  }, 120_000);

  test("February (retain): correction lines, split by active days, corrections settled, late cost in the reserve", async () => {
    const report = retain[1]!;
    const built = buildStatement(report);
    expect(built.wb.getWorksheet("Correcties")!.actualRowCount).toBe(10); // header + 9 corrections
    const inv = built.wb.getWorksheet("Facturen")!;
    const labels = inv.getColumn(1).values.filter((v): v is string => typeof v === "string");
    expect(labels).toContain("Correctie 2025-01: uren aan € 2,50");
    expect(labels).toContain("Correctie 2025-01: voordelen RSZ");
    const { bad, sheets } = await mismatches(await built.bytes(), built.checkpoints);
    expect(bad).toEqual([]);
    expect(differencesFromSummary(sheets, report)).toEqual([]);
  }, 180_000);

  test("March (English, distribute + reserve-first): a departed agency's correction-only invoice, February's correction over February's partners", async () => {
    // distribute keeps no surplus: January's IT cost takes the reserve below zero, and its check says so
    expect(distribute[0]!.result.checks.find((c) => c.name === "reserve_not_negative")).toMatchObject({ ok: false });
    const report = { ...distribute[2]!, language: "en" as const };
    const built = buildStatement(report);
    const { bad, sheets } = await mismatches(await built.bytes(), built.checkpoints);
    expect(bad).toEqual([]);
    // a negative reserve fails its check on purpose here; every other check is OK
    const failing = report.result.checks.filter((c) => !c.ok).map((c) => c.name);
    const diffs = differencesFromSummary(sheets, report).filter((d) => !(failing.includes("reserve_not_negative") && d.includes("Reserve not negative")));
    expect(diffs).toEqual([]);
  }, 180_000);

  test("the year workbook of `menerva report 2025`", async () => {
    const state = await readLedger(join(dir, "out/ledger.jsonl"));
    if (!state.ok) throw new Error("ledger");
    const year = buildYearReport(state.value.records, parsePeriod("2025")!, { ledger: "ledger.jsonl" });
    const built = buildYearWorkbook(year);
    expect(built.checkpoints.length).toBeGreaterThan(20);
    const { bad, sheets } = await mismatches(await built.bytes(), built.checkpoints);
    expect(bad).toEqual([]);
    const checks = (sheets.get("Controles") ?? []).slice(1).filter((r) => r[0]);
    expect(checks.length).toBeGreaterThan(5);
    for (const r of checks) expect(r[1], r[0]).toBe("OK");
  }, 180_000);
});
