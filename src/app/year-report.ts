// Use case: `menerva report PERIOD` (issue 11): the statement over the closes
// inside PERIOD, from the ledger records alone (no exports are read, nothing
// is re-closed), written as JSON, CSV and a workbook.
import { join } from "node:path";
import { writeFilesAtomically, type OutputFile } from "../adapters/atomic-write.js";
import { outputFolderProblem } from "../adapters/output-target.js";
import { error, fail, ok, type Issue, type Result } from "../domain/issues.js";
import { parsePeriod, periodHint } from "../domain/period.js";
import { displayPath, readLedger } from "../ledger/ledger-file.js";
import { renderCsv } from "../report/render-csv.js";
import { buildYearReport, type YearReport } from "../report/year-report.js";
import { yearJson, yearTables } from "../report/year-tables.js";
import type { OutputFormat } from "./close-outputs.js";

export type YearReportRun = { readonly report: YearReport; readonly outDir: string; readonly warnings: readonly Issue[] };

export async function runYearReport(opts: { ledger: string; period: string; out: string; language?: "nl" | "en"; formats: readonly OutputFormat[] }): Promise<Result<YearReportRun> & { exit?: 2 | 3 }> {
  const period = parsePeriod(opts.period);
  const unwritable = await outputFolderProblem(opts.out, "--out");
  const bad = [...(period ? [] : [error("bad-period", {}, { subject: "PERIOD", found: opts.period, hint: periodHint(opts.period) })]), ...(unwritable ? [unwritable] : [])];
  if (!period || bad.length > 0) return { ...fail(bad), exit: 2 };
  const ledger = await readLedger(opts.ledger);
  if (!ledger.ok) return { ...fail(ledger.issues), exit: 3 };
  const report = buildYearReport(ledger.value.records, period, { ledger: displayPath(opts.ledger), ...(opts.language ? { language: opts.language } : {}) });
  const files: OutputFile[] = [];
  if (opts.formats.includes("json")) files.push({ path: join(opts.out, "report.json"), data: `${JSON.stringify(yearJson(report), null, 2)}\n` });
  if (opts.formats.includes("csv")) for (const t of yearTables(report)) files.push({ path: join(opts.out, `${t.name}.csv`), data: renderCsv(t) });
  if (opts.formats.includes("xlsx")) {
    const { renderYearXlsx } = await import("../adapters/xlsx/year-workbook.js");
    files.push({ path: join(opts.out, `menerva-report-${period.label}.xlsx`), data: await renderYearXlsx(report) });
  }
  await writeFilesAtomically(files);
  return ok({ report, outDir: opts.out, warnings: ledger.warnings });
}
