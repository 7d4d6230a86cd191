// `menerva close PERIOD` and `menerva validate [PERIOD]`.
import { relative } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { buildCloseReport, readCloseInputs } from "../../app/close.js";
import { ALL_FORMATS, summaryJsonText, type OutputFormat } from "../../app/close-outputs.js";
import { runClose, type CloseRunOutcome } from "../../app/close-run.js";
import { renderCloseText } from "../../report/close-text.js";
import { EXIT, UserError } from "../errors.js";
import { t, type Text } from "../../domain/issues.js";
import { isIsoDate } from "../../domain/period.js";
import type { Lang } from "../../i18n/lang.js";
import { formatIssue, render } from "../../i18n/render.js";
import { issueJson } from "../../report/close-summary.js";
import { csvStyleOption } from "./csv-style.js";
import type { CsvStyle } from "../../report/csv-text.js";
import { helpWords } from "../help.js";
import { settleLanguage } from "../language.js";

type CloseOpts = { config: string; out?: string; json?: boolean; lang?: Lang; formats: OutputFormat[]; csvStyle: CsvStyle };

const parseFormats =
  (lang: Lang) =>
  (text: string): OutputFormat[] => {
    const fs = text.split(",").map((f) => f.trim());
    const bad = fs.filter((f) => !(ALL_FORMATS as readonly string[]).includes(f));
    if (bad.length > 0) throw new InvalidArgumentError(render(t("help.formats.bad", { formats: bad.join(", "), allowed: ALL_FORMATS.join(", ") }), lang));
    return fs as OutputFormat[];
  };

export const langOption = (lang: Lang, key: "help.lang" | "help.lang.config" = "help.lang.config") =>
  new Option(`--lang <${helpWords(lang)("help.ph.lang")}>`, helpWords(lang)(key)).choices(["nl", "en"]);

/** What the close did (or a dry run would do), for stderr: one line in the run's language. */
function statusText(run: Extract<CloseRunOutcome, { ok: true }>, where: string, formats: readonly string[], lang: Lang): Text {
  const { report } = run;
  const period = report.result.period.label;
  // With an invoicing block, the e-invoices and their journal are part of the set.
  const list = `${formats.join(", ")}${report.documents?.made ? ", invoices, journal.csv" : ""}`;
  const fresh = report.documents?.made && run.ledger === "appended" ? report.documents.docs.filter((d) => d.status === "new").map((d) => d.number).join(", ") : "";
  if (run.ledger === "unchanged") return t("close.status.unchanged", { period, where });
  if (run.dryRun) {
    return t("close.status.dry-run", { period, reopen: run.reopened !== undefined, where, formats: list, issue: fresh, append: run.ledger === "appended", hash: report.ledgerRecordHash?.slice(0, 12) ?? "" });
  }
  const reopened = run.reopened ?? "";
  if (run.ledger === "appended") return t("close.status.appended", { reopened, where, formats: list, issued: fresh });
  const o = run.outputs;
  if (o && !o.previous) return t("close.status.written-again", { reopened, where, formats: list });
  if (o && o.changed.length > 0) {
    return t("close.status.rewritten", { reopened, where, formats: list, language: t(lang === "nl" ? "language.nl" : "language.en"), changed: o.changed.join(", "), count: o.changed.length });
  }
  return t("close.status.reproduced", { reopened, where, formats: list });
}

/** An ISO date option (--invoice-date), or a usage error in the run's language. */
export const parseDate =
  (lang: Lang) =>
  (text: string): string => {
    const d = text.trim();
    if (!isIsoDate(d)) throw new InvalidArgumentError(render(t("help.date.bad", { text }), lang));
    return d;
  };

export function registerClose(program: Command, lang: Lang = "en"): void {
  const w = helpWords(lang);
  const ph = (k: "help.ph.file" | "help.ph.dir" | "help.ph.list" | "help.ph.period" | "help.ph.date") => w(k);
  program
    .command("close")
    .description(w("help.close"))
    .argument(`<${ph("help.ph.period")}>`, w("help.close.period"))
    .option(`-c, --config <${ph("help.ph.file")}>`, w("help.close.config"), "menerva.yaml")
    .option(`-o, --out <${ph("help.ph.dir")}>`, w("help.close.out"))
    .option("--json", w("help.close.json"))
    .addOption(langOption(lang))
    .option(`--formats <${ph("help.ph.list")}>`, w("help.close.formats"), parseFormats(lang), [...ALL_FORMATS])
    .addOption(csvStyleOption(lang))
    .option("--reopen", w("help.close.reopen"))
    .option("--dry-run", w("help.close.dry-run"))
    .option("--allow-empty", w("help.close.allow-empty"))
    .option(`--invoice-date <${ph("help.ph.date")}>`, w("help.close.invoice-date"), parseDate(lang))
    .action(async (periodText: string, opts: CloseOpts & { reopen?: boolean; dryRun?: boolean; allowEmpty?: boolean; invoiceDate?: string }) => {
      const language = await settleLanguage(opts);
      const run = await runClose({
        configPath: opts.config,
        period: periodText,
        formats: opts.formats,
        csvStyle: opts.csvStyle,
        language,
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.reopen ? { reopen: true } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
        ...(opts.allowEmpty ? { allowEmpty: true } : {}),
        ...(opts.invoiceDate ? { invoiceDate: opts.invoiceDate } : {}),
      });
      if (!run.ok) throw new UserError(run.issues, run.exit);
      const { report, outDir } = run;
      for (const n of run.notices) process.stderr.write(`${formatIssue(n, language)}\n`);
      // stdout: the close itself (identical in a dry run); stderr: what was (or would be) written.
      process.stdout.write(opts.json ? summaryJsonText(report) : renderCloseText(report));
      const where = `${relative(process.cwd(), outDir) || "."}/`;
      const status = render(statusText(run, where, opts.formats, language), language);
      // --json stays quiet on stderr unless something needs saying (a dry run, a failed check)
      if (!opts.json || run.dryRun) process.stderr.write(`${status}\n`);
      const failed = report.result.checks.filter((c) => !c.ok);
      if (failed.length > 0) process.stderr.write(`${failed.map((c) => render(t("close.check-failed", { name: c.name, detail: c.detail }), language)).join("\n")}\n`);
    });

  program
    .command("validate")
    .description(w("help.validate"))
    .argument(`[${ph("help.ph.period")}]`, w("help.validate.period"))
    .option(`-c, --config <${ph("help.ph.file")}>`, w("help.close.config"), "menerva.yaml")
    .option("--json", w("help.validate.json"))
    .addOption(langOption(lang))
    .action(async (periodText: string | undefined, opts: CloseOpts) => {
      const language = await settleLanguage(opts);
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
      for (const w of warnings) process.stderr.write(`${formatIssue(w, language)}\n`);
      process.stdout.write(`${render(t("validate.ok", { files: inputs.value.files.length, rows: n, warnings: warnings.length }), language)}\n`);
      if (outside.length > 0) process.stdout.write(`${render(t("outside-config-folder", { paths: outside.join(", ") }), language)}\n`);
    });
}
