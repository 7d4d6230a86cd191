// `menerva close PERIOD` and `menerva validate [PERIOD]`.
import { relative } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { readCloseInputs } from "../../app/close.js";
import { ALL_FORMATS, summaryJsonText, type OutputFormat } from "../../app/close-outputs.js";
import { runClose, type CloseRunOutcome } from "../../app/close-run.js";
import { renderCloseText } from "../../report/close-text.js";
import { EXIT, UserError } from "../errors.js";
import { formatIssue, type Issue } from "../../domain/issues.js";
import { isIsoDate } from "../../domain/period.js";
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

export function parseDate(text: string): string {
  const t = text.trim();
  if (!isIsoDate(t)) throw new InvalidArgumentError(`not a date (got "${text}"); write YYYY-MM-DD, e.g. 2025-04-01`);
  return t;
}

const names = (xs: readonly string[]): string => (xs.length > 4 ? `${xs.slice(0, 4).join(", ")}, …` : xs.join(", "));

/** A re-close with the same inputs: exactly what it rewrote, and why when its options differ from the close's. */
function reproducedText(run: Extract<CloseRunOutcome, { ok: true }>): string {
  const o = run.outputs;
  const changes = run.presentationChanged ?? [];
  if (!o || (o.wasClosedSet && o.changed.length + o.added.length + o.removed.length === 0)) {
    return "already closed with the same inputs: outputs reproduced (the same bytes), ledger unchanged";
  }
  if (changes.length === 0 && o.changed.length + o.removed.length + o.same === 0) {
    return `already closed with the same inputs: outputs reproduced (${o.added.length} files written to a folder that held none of them), ledger unchanged`;
  }
  const p = run.presentation;
  const why =
    changes.length > 0
      ? ` written with ${changes.map((c) => `--${c.option} ${c.now} (closed with ${c.closed})`).join(", ")}`
      : o.wasClosedSet
        ? ` written ${run.presentationChanged ? "as closed" : "as asked (the record keeps no options)"} (--formats ${p.formats.join(",")} --csv-style ${p.csvStyle} --lang ${p.language}) over a set written otherwise`
        : " the folder was not the closed set (missing or changed files)";
  const parts = [
    ...(o.changed.length > 0 ? [`${o.changed.length} ${o.changed.length === 1 ? "file" : "files"} rewritten with other bytes (${names(o.changed)})`] : []),
    ...(o.added.length > 0 ? [`${o.added.length} added (${names(o.added)})`] : []),
    ...(o.removed.length > 0 ? [`${o.removed.length} removed (${names(o.removed)})`] : []),
    `${o.same} the same`,
  ];
  return `already closed with the same inputs, ledger unchanged;${why}: ${parts.join(", ")}`;
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
    .option("--allow-empty", "close a period whose last month holds no input data (months without activity)")
    .option("--invoice-date <date>", "issue date of the documents this close numbers, YYYY-MM-DD (default: the day after the period; recorded in the ledger)", parseDate)
    .action(async (periodText: string, opts: CloseOpts & { reopen?: boolean; dryRun?: boolean; allowEmpty?: boolean; invoiceDate?: string }, cmd: Command) => {
      // Presentation options left out: a closed period is written as its record says (runClose).
      const given = (name: string) => cmd.getOptionValueSource(name) === "cli";
      const run = await runClose({
        configPath: opts.config,
        period: periodText,
        ...(given("formats") ? { formats: opts.formats } : {}),
        ...(given("csvStyle") ? { csvStyle: opts.csvStyle } : {}),
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.lang ? { language: opts.lang } : {}),
        ...(opts.reopen ? { reopen: true } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
        ...(opts.allowEmpty ? { allowEmpty: true } : {}),
        ...(opts.invoiceDate ? { invoiceDate: opts.invoiceDate } : {}),
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
        const skipped = (run.presentationChanged ?? []).map((c) => `--${c.option} ${c.now}`);
        status = `${label} is already closed with these rows and this config; the exports changed only outside the period (the next close corrects what changed in closed periods). The closed statement in ${where} is left as it was; nothing was written${skipped.length > 0 ? ` (${skipped.join(", ")} not applied)` : ""}.${run.folderNotClosedSet ? ` Its folder is not its closed set (missing or changed files): \`menerva ledger repair-outputs ${label}\` rewrites it without changing the books.` : ""}`;
      } else if (run.dryRun) {
        const would = run.ledger === "appended" ? `append ledger record ${report.ledgerRecordHash?.slice(0, 12)}` : "leave the ledger unchanged (already closed with the same inputs)";
        const fresh = report.documents?.made && run.ledger === "appended" ? report.documents.docs.filter((d) => d.status === "new").map((d) => d.number) : [];
        const issue = fresh.length > 0 ? `, issue ${fresh.join(", ")}` : "";
        status = `Dry run: nothing was written. \`menerva close ${label}${run.reopened ? " --reopen" : ""}\` would write ${where} (${run.presentation.formats.join(", ")}${report.documents?.made ? ", invoices, journal.csv" : ""})${issue} and ${would}.`;
      } else {
        const ledger = run.ledger === "appended" ? "ledger record appended" : reproducedText(run);
        const fresh = report.documents?.made && run.ledger === "appended" ? report.documents.docs.filter((d) => d.status === "new").map((d) => d.number) : [];
        const issued = fresh.length > 0 ? `; issued ${fresh.join(", ")}` : "";
        status = `${run.reopened ? `Reopened ${run.reopened}. ` : ""}Output written to ${where} (${run.presentation.formats.join(", ")}${report.documents?.made ? ", invoices, journal.csv" : ""})${issued}; ${ledger}.`;
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
    .option("--allow-empty", "with a period: as close --allow-empty")
    .option("--invoice-date <date>", "with a period: as close --invoice-date", parseDate)
    .action(async (periodText: string | undefined, opts: CloseOpts & { allowEmpty?: boolean; invoiceDate?: string }) => {
      let files: readonly { rows: number }[];
      let outside: readonly string[];
      let warnings: readonly Issue[];
      let close: { label: string; ledger: "appended" | "reproduced" | "unchanged" } | undefined;
      if (periodText === undefined) {
        const inputs = await readCloseInputs(opts.config);
        if (!inputs.ok) throw new UserError(inputs.issues, EXIT.input);
        ({ files, warnings } = inputs.value);
        outside = inputs.value.config.outside;
      } else {
        // With a period, validate is the close's dry run: the same ledger planning (order, gaps, the
        // inputs' latest date, a re-close with other inputs), the same refusals and exit codes.
        const run = await runClose({
          configPath: opts.config,
          period: periodText,
          formats: [...ALL_FORMATS],
          dryRun: true,
          ...(opts.allowEmpty ? { allowEmpty: true } : {}),
          ...(opts.invoiceDate ? { invoiceDate: opts.invoiceDate } : {}),
        });
        if (!run.ok) throw new UserError(run.issues, run.exit);
        files = run.report.inputs;
        outside = run.report.outsideConfigFolder ?? [];
        warnings = [...run.notices, ...run.report.warnings]; // the inputs' warnings and the close's
        close = { label: run.report.result.period.label, ledger: run.ledger };
      }
      const n = files.reduce((a, f) => a + f.rows, 0);
      if (opts.json) {
        const would = close ? { close: { period: close.label, ledger: close.ledger === "appended" ? "append" : close.ledger === "reproduced" ? "reproduce" : "unchanged" } } : {};
        const msg = { ok: true, files: files.length, rows: n, warnings: warnings.length, warning_list: warnings.map(issueJson), ...would, ...(outside.length > 0 ? { outside_config_folder: outside } : {}) };
        process.stdout.write(`${JSON.stringify(msg)}\n`);
        return;
      }
      // Warnings are listed, as problems are: on stderr, one per line (with its hint).
      for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
      process.stdout.write(`OK: ${files.length} files, ${n} rows read, ${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}.\n`);
      if (close) {
        const what = close.ledger === "appended" ? "a new close (it would append a ledger record)" : close.ledger === "reproduced" ? "already closed with these inputs (a close reproduces it)" : "already closed with these rows and this config (the exports changed only outside the period)";
        process.stdout.write(`${close.label}: ${what}.\n`);
      }
      if (outside.length > 0) process.stdout.write(`Outside the config's folder: ${outside.join(", ")}\n`);
    });
}
