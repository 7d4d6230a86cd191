// `menerva close PERIOD` and `menerva validate [PERIOD]`.
import { relative } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { ALL_FORMATS, type OutputFormat } from "../../app/output-formats.js";
import { EXIT, UserError } from "../errors.js";
import { formatIssue } from "../../domain/issues.js";
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
    .option("--dry-run", "print exactly what the close would print and write nothing (no outputs, no ledger record, no lock)")
    .option("--allow-empty", "close a period that starts after the latest row date of the exports (a period without activity)")
    .action(async (periodText: string, opts: CloseOpts & { reopen?: boolean; dryRun?: boolean; allowEmpty?: boolean }) => {
      // the use case and its renderers load on demand: --help stays quick
      const [{ runClose }, { summaryJsonText }, { renderCloseText }] = await Promise.all([import("../../app/close-run.js"), import("../../app/close-outputs.js"), import("../../report/close-text.js")]);
      const run = await runClose({
        configPath: opts.config,
        period: periodText,
        formats: opts.formats,
        csvStyle: opts.csvStyle,
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.lang ? { language: opts.lang } : {}),
        ...(opts.reopen ? { reopen: true } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
        ...(opts.allowEmpty ? { allowEmpty: true } : {}),
      });
      if (!run.ok) throw new UserError(run.issues, run.exit);
      const { report, outDir } = run;
      for (const n of run.notices) process.stderr.write(`${formatIssue(n)}\n`);
      // stdout: the close itself (identical in a dry run); stderr: what was (or would be) written.
      process.stdout.write(opts.json ? summaryJsonText(report) : renderCloseText(report));
      const where = `${relative(process.cwd(), outDir) || "."}/`;
      const label = report.result.period.label;
      let status: string;
      if (run.ledger === "unchanged") {
        status = `${label} is already closed with these rows and this config; the exports changed only outside the period (the next close corrects what changed in closed periods). The closed statement in ${where} is left as it was; nothing was written.`;
      } else if (run.dryRun) {
        const would = run.ledger === "appended" ? `append ledger record ${report.ledgerRecordHash?.slice(0, 12)}` : "leave the ledger unchanged (already closed with the same inputs)";
        status = `Dry run: nothing was written. \`menerva close ${label}${run.reopened ? " --reopen" : ""}\` would write ${where} (${opts.formats.join(", ")}) and ${would}.`;
      } else {
        const ledger = run.ledger === "appended" ? "ledger record appended" : "already closed with the same inputs: outputs reproduced, ledger unchanged";
        status = `${run.reopened ? `Reopened ${run.reopened}. ` : ""}Output written to ${where} (${opts.formats.join(", ")}); ${ledger}.`;
      }
      // --json stays quiet on stderr unless something needs saying (a dry run, a failed check)
      if (!opts.json || run.dryRun) process.stderr.write(`${status}\n`);
      const failed = report.result.checks.filter((c) => !c.ok);
      if (failed.length > 0) process.stderr.write(`${failed.map((c) => `check ${c.name} NOT OK: ${c.detail}`).join("\n")}\n`);
    });

  program
    .command("validate")
    .description("read and check the config and every export; with a period also run the close; writes nothing")
    .argument("[period]", "also compute this period's close")
    .option("-c, --config <file>", "configuration file", "menerva.yaml")
    .option("--json", "print the result as JSON")
    .action(async (periodText: string | undefined, opts: CloseOpts) => {
      const [{ buildCloseReport, readCloseInputs }, { issueJson }] = await Promise.all([import("../../app/close.js"), import("../../report/close-summary.js")]);
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
