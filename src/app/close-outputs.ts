// The files one close writes: summary.json, one CSV per table, and the Excel
// statement. Built in memory first, then written all-or-nothing.
import { join } from "node:path";
import type { OutputFile } from "../adapters/atomic-write.js";
import type { CloseReport } from "../report/close-report.js";
import { closeSummary } from "../report/close-summary.js";
import { closeTables } from "../report/close-tables.js";
import { renderCsv } from "../report/render-csv.js";
import type { CsvStyle } from "../report/csv-text.js";

/** Canonical JSON text of the summary (2-space indent, trailing newline). */
export function summaryJsonText(report: CloseReport): string {
  return `${JSON.stringify(closeSummary(report), null, 2)}\n`;
}

import { ALL_FORMATS, type OutputFormat } from "./output-formats.js";
export { ALL_FORMATS, type OutputFormat };

export async function closeOutputFiles(
  report: CloseReport,
  outDir: string,
  formats: readonly OutputFormat[] = ALL_FORMATS,
  csvStyle: CsvStyle = "plain",
): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  if (formats.includes("json")) files.push({ path: join(outDir, "summary.json"), data: summaryJsonText(report) });
  if (formats.includes("csv")) for (const t of closeTables(report)) files.push({ path: join(outDir, `${t.name}.csv`), data: renderCsv(t, csvStyle) });
  if (!formats.includes("xlsx")) return files;
  // exceljs is heavy to import: load the workbook renderer only when writing one
  const { renderStatementXlsx } = await import("../adapters/xlsx/statement-workbook.js");
  files.push({ path: join(outDir, `menerva-${report.result.period.label}.xlsx`), data: await renderStatementXlsx(report) });
  return files;
}
