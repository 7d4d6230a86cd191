// Use case `menerva costprice FILE.yaml`: read the cost-price file, build the
// report, render it (text or JSON for stdout; CSV, JSON and the workbook for
// --out). Writing is all-or-nothing through the atomic writer.
import { join } from "node:path";
import { writeFilesAtomically, type OutputFile } from "../adapters/atomic-write.js";
import { readCostPriceFile } from "../adapters/costprice-file.js";
import { outputFolderProblem } from "../adapters/output-target.js";
import { fail, ok, type Result } from "../domain/issues.js";
import { costPriceCsv } from "../report/costprice-csv.js";
import type { CsvStyle } from "../report/csv-text.js";
import { costPriceJson } from "../report/costprice-json.js";
import type { Lang } from "../report/costprice-labels.js";
import { type CostPriceReport, costPriceReport } from "../report/costprice-model.js";
import { costPriceText } from "../report/costprice-text.js";

export type CostPriceOptions = { readonly lang: Lang; readonly json: boolean; readonly outDir?: string; readonly csvStyle?: CsvStyle };

export type CostPriceOutcome = {
  readonly report: CostPriceReport;
  /** What the command prints: JSON alone with --json, else the text summary. */
  readonly stdout: string;
  readonly written: readonly string[];
};

/** The files `--out DIR` writes. */
export async function costPriceFiles(report: CostPriceReport, lang: Lang, outDir: string, csvStyle: CsvStyle = "plain"): Promise<OutputFile[]> {
  // exceljs is heavy to import: load the workbook renderer only when writing one
  const { costPriceWorkbook } = await import("../adapters/xlsx/costprice-workbook.js");
  return [
    { path: join(outDir, "costprice.json"), data: costPriceJson(report) },
    { path: join(outDir, "costprice.csv"), data: costPriceCsv(report, lang, csvStyle) },
    { path: join(outDir, "costprice.xlsx"), data: await costPriceWorkbook(report, lang) },
  ];
}

export async function runCostPrice(file: string, opts: CostPriceOptions): Promise<Result<CostPriceOutcome>> {
  const input = await readCostPriceFile(file);
  const unwritable = opts.outDir ? await outputFolderProblem(opts.outDir, "--out") : undefined;
  if (!input.ok || unwritable) return fail([...(input.ok ? [] : input.issues), ...(unwritable ? [unwritable] : [])]);
  const report = costPriceReport(input.value);
  const files = opts.outDir ? await costPriceFiles(report, opts.lang, opts.outDir, opts.csvStyle) : [];
  await writeFilesAtomically(files);
  const stdout = opts.json ? costPriceJson(report) : costPriceText(report, opts.lang);
  return ok({ report, stdout, written: files.map((f) => f.path) }, input.warnings);
}
