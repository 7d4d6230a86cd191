// `menerva close PERIOD` and `menerva validate [PERIOD]`.
import { relative } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { buildCloseReport, readCloseInputs } from "../../app/close.js";
import { ALL_FORMATS, summaryJsonText, type OutputFormat } from "../../app/close-outputs.js";
import { runClose } from "../../app/close-run.js";
import { renderCloseText } from "../../report/close-text.js";
import { EXIT, UserError } from "../errors.js";
import { formatIssue } from "../../domain/issues.js";
import { issueJson } from "../../report/close-summary.js";
import { csvStyleOption } from "./csv-style.js";
import type { CsvStyle } from "../../report/csv-text.js";

type CloseOpts = { config: string; out?: string; json?: boolean; lang?: "nl" | "en"; formats: OutputFormat[]; csvStyle: CsvStyle };

function parseFormats(text: string): OutputFormat[] {
  const fs = text.split(",").map((f) => f.trim());
  const bad = fs.filter((f) => !(ALL_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0) throw new InvalidArgumentError(`unknown format ${bad.join(", ")}; allowed: ${ALL_FORMATS.join(", ")}`);
  return fs as OutputFormat[];
}

const langOption = () => new Option("--lang <lang>", "statement language (default: config language, else nl)").choices(["nl", "en"]);

export function registerClose(program: Command): void {
  program
    .command("close")
    .description("close a period: invoices per NEC partner, settlement per SE partner, reserve; writes CSV, JSON and the Excel statement")
    .argument("<period>", "2025-03 (month), 2025-Q1 (quarter), 2025 (year) or 2025-01-01..2025-03-31 (range)")
    .option("-c, --config <file>", "configuration file", "menerva.yaml")
    .option("-o, --out <dir>", "output directory (default: the config's output/<period>)")
    .option("--json", "print the JSON summary to stdout (nothing else on stdout)")
    .addOption(langOption())
    .option("--formats <list>", "output files to write: json,csv,xlsx", parseFormats, [...ALL_FORMATS])
    .addOption(csvStyleOption())
    .option("--reopen", "redo the last closed period: its ledger record is archived and removed first")
    .action(async (periodText: string, opts: CloseOpts & { reopen?: boolean }) => {
      const run = await runClose({
        configPath: opts.config,
        period: periodText,
        formats: opts.formats,
        csvStyle: opts.csvStyle,
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.lang ? { language: opts.lang } : {}),
        ...(opts.reopen ? { reopen: true } : {}),
      });
      if (!run.ok) throw new UserError(run.issues, run.exit);
      const { report, outDir } = run;
      for (const n of run.notices) process.stderr.write(`${formatIssue(n)}\n`);
      if (opts.json) {
        process.stdout.write(summaryJsonText(report));
        return;
      }
      process.stdout.write(renderCloseText(report));
      const where = relative(process.cwd(), outDir) || ".";
      if (run.ledger === "unchanged") {
        process.stdout.write(
          `\n${report.result.period.label} is already closed with these rows and this config; the exports changed only outside the period. The closed statement in ${relative(process.cwd(), outDir) || "."}/ is left as it was; nothing was written.\n`,
        );
        return;
      }
      const ledger = run.ledger === "appended" ? "ledger record appended" : "already closed with the same inputs: outputs reproduced, ledger unchanged";
      process.stdout.write(`\n${run.reopened ? `Reopened ${run.reopened}. ` : ""}Output written to ${where}/ (${opts.formats.join(", ")}); ${ledger}.\n`);
    });

  program
    .command("validate")
    .description("read and check the config and every export; with a period also run the close; writes nothing")
    .argument("[period]", "also compute this period's close")
    .option("-c, --config <file>", "configuration file", "menerva.yaml")
    .option("--json", "print the result as JSON")
    .action(async (periodText: string | undefined, opts: CloseOpts) => {
      const inputs = await readCloseInputs(opts.config, periodText);
      if (!inputs.ok) throw new UserError(inputs.issues, EXIT.input);
      const period = inputs.value.period;
      let warnings = inputs.value.warnings;
      if (period) {
        const report = buildCloseReport({ ...inputs.value, period });
        if (!report.ok) throw new UserError(report.issues, EXIT.input);
        warnings = report.value.warnings; // the inputs' warnings and the close's
      }
      const n = inputs.value.files.reduce((a, f) => a + f.rows, 0);
      const outside = inputs.value.config.outside;
      if (opts.json) {
        const msg = { ok: true, files: inputs.value.files.length, rows: n, warnings: warnings.length, warning_list: warnings.map(issueJson), ...(outside.length > 0 ? { outside_config_folder: outside } : {}) };
        process.stdout.write(`${JSON.stringify(msg)}\n`);
        return;
      }
      // Warnings are listed, as problems are: on stderr, one per line (with its hint).
      for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
      process.stdout.write(`OK: ${inputs.value.files.length} files, ${n} rows read, ${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}.\n`);
      if (outside.length > 0) process.stdout.write(`Outside the config's folder: ${outside.join(", ")}\n`);
    });
}
