// `menerva close PERIOD` and `menerva validate [PERIOD]`.
import { relative } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { ALL_FORMATS, type OutputFormat } from "../../app/output-formats.js";
import type { CloseRunOutcome } from "../../app/close-run.js";
import { EXIT, UserError } from "../errors.js";
import { t, type Issue, type Text } from "../../domain/issues.js";
import { isIsoDate } from "../../domain/period.js";
import type { Lang } from "../../i18n/lang.js";
import { formatIssue, render } from "../../i18n/render.js";
import { csvStyleOption } from "./csv-style.js";
import type { CsvStyle } from "../../report/csv-text.js";
import { helpWords } from "../help.js";
import { settleLanguage, useLanguage } from "../language.js";

type CloseOpts = { config: string; out?: string; json?: boolean; lang?: Lang; formats: OutputFormat[]; csvStyle: CsvStyle };

const parseFormats =
  (lang: Lang) =>
  (text: string): OutputFormat[] => {
    const fs = text.split(",").map((f) => f.trim());
    const bad = fs.filter((f) => !(ALL_FORMATS as readonly string[]).includes(f));
    if (bad.length > 0) throw new InvalidArgumentError(render(t("help.formats.bad", { formats: bad.join(", "), allowed: ALL_FORMATS.join(", ") }), lang));
    return fs as OutputFormat[];
  };

export const langOption = (lang: Lang, key: "help.lang" | "help.lang.config" | "help.lang.close" = "help.lang.config") =>
  new Option(`--lang <${helpWords(lang)("help.ph.lang")}>`, helpWords(lang)(key)).choices(["nl", "en"]);

const names = (xs: readonly string[]): string => (xs.length > 4 ? `${xs.slice(0, 4).join(", ")}, …` : xs.join(", "));

/** A re-close with the same inputs: exactly what it rewrote, and why when its options differ from the close's. */
function reproducedText(run: Extract<CloseRunOutcome, { ok: true }>): Text {
  const o = run.outputs;
  const changes = run.presentationChanged ?? [];
  if (!o || (o.wasClosedSet && o.changed.length + o.added.length + o.removed.length === 0)) return t("close.ledger.reproduced");
  if (changes.length === 0 && o.changed.length + o.removed.length + o.same === 0) return t("close.ledger.reproduced-into-empty", { count: o.added.length });
  const p = run.presentation;
  const why =
    changes.length > 0
      ? t("close.why.options", { options: changes.map((c) => t("close.why.option", { option: c.option, now: c.now, closed: c.closed })) })
      : o.wasClosedSet
        ? t("close.why.as-closed", { recorded: run.presentationChanged !== undefined, formats: p.formats.join(","), csvStyle: p.csvStyle, lang: p.language })
        : t("close.why.not-closed-set");
  const parts = [
    ...(o.changed.length > 0 ? [t("close.part.changed", { count: o.changed.length, names: names(o.changed) })] : []),
    ...(o.added.length > 0 ? [t("close.part.added", { count: o.added.length, names: names(o.added) })] : []),
    ...(o.removed.length > 0 ? [t("close.part.removed", { count: o.removed.length, names: names(o.removed) })] : []),
    t("close.part.same", { count: o.same }),
  ];
  return t("close.ledger.rewritten", { why, parts });
}

/** What the close did (or a dry run would do), for stderr: one line in the run's language. */
function statusText(run: Extract<CloseRunOutcome, { ok: true }>, where: string): Text {
  const { report } = run;
  const period = report.result.period.label;
  // With an invoicing block, the e-invoices and their journal are part of the set.
  const list = `${run.presentation.formats.join(", ")}${report.documents?.made ? ", invoices, journal.csv" : ""}`;
  const fresh = report.documents?.made && run.ledger === "appended" ? report.documents.docs.filter((d) => d.status === "new").map((d) => d.number).join(", ") : "";
  if (run.ledger === "unchanged") {
    const skipped = (run.presentationChanged ?? []).map((c) => `--${c.option} ${c.now}`).join(", ");
    return t("close.status.unchanged", { period, where, skipped, notClosedSet: run.folderNotClosedSet === true });
  }
  if (run.dryRun) {
    return t("close.status.dry-run", { period, reopen: run.reopened !== undefined, where, formats: list, issue: fresh, append: run.ledger === "appended", hash: report.ledgerRecordHash?.slice(0, 12) ?? "" });
  }
  const ledger = run.ledger === "appended" ? t("close.ledger.appended") : reproducedText(run);
  return t("close.status.written", { reopened: run.reopened ?? "", where, formats: list, issued: fresh, ledger });
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
    .addOption(langOption(lang, "help.lang.close"))
    .option(`--formats <${ph("help.ph.list")}>`, w("help.close.formats"), parseFormats(lang), [...ALL_FORMATS])
    .addOption(csvStyleOption(lang))
    .option("--reopen", w("help.close.reopen"))
    .option("--dry-run", w("help.close.dry-run"))
    .option("--allow-empty", w("help.close.allow-empty"))
    .option(`--invoice-date <${ph("help.ph.date")}>`, w("help.close.invoice-date"), parseDate(lang))
    .action(async (periodText: string, opts: CloseOpts & { reopen?: boolean; dryRun?: boolean; allowEmpty?: boolean; invoiceDate?: string }, cmd: Command) => {
      // The language of what is printed before the close knows its statement's (refusals, problems).
      await settleLanguage(opts);
      // The use case and its renderers load here, not at start-up: --help and the other commands stay quick.
      const [{ runClose }, { summaryJsonText }, { renderCloseText }] = await Promise.all([import("../../app/close-run.js"), import("../../app/close-outputs.js"), import("../../report/close-text.js")]);
      // Presentation options left out: a closed period is written as its record says (runClose).
      const given = (name: string) => cmd.getOptionValueSource(name) === "cli";
      const run = await runClose({
        configPath: opts.config,
        period: periodText,
        ...(given("formats") ? { formats: opts.formats } : {}),
        ...(given("csvStyle") ? { csvStyle: opts.csvStyle } : {}),
        ...(opts.lang ? { language: opts.lang } : {}),
        ...(opts.out ? { out: opts.out } : {}),
        ...(opts.reopen ? { reopen: true } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
        ...(opts.allowEmpty ? { allowEmpty: true } : {}),
        ...(opts.invoiceDate ? { invoiceDate: opts.invoiceDate } : {}),
      });
      if (!run.ok) throw new UserError(run.issues, run.exit);
      const { report, outDir } = run;
      // One language per run: the statement's (--lang, else as the closed period was written, else the config's).
      const language = run.presentation.language;
      useLanguage(language);
      for (const n of run.notices) process.stderr.write(`${formatIssue(n, language)}\n`);
      // stdout: the close itself (identical in a dry run); stderr: what was (or would be) written.
      process.stdout.write(opts.json ? summaryJsonText(report) : renderCloseText(report));
      const where = `${relative(process.cwd(), outDir) || "."}/`;
      const status = render(statusText(run, where), language);
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
    .option("--allow-empty", w("help.validate.allow-empty"))
    .option(`--invoice-date <${ph("help.ph.date")}>`, w("help.validate.invoice-date"), parseDate(lang))
    .action(async (periodText: string | undefined, opts: CloseOpts & { allowEmpty?: boolean; invoiceDate?: string }) => {
      const language = await settleLanguage(opts);
      let files: readonly { rows: number }[];
      let outside: readonly string[];
      let warnings: readonly Issue[];
      let close: { label: string; ledger: "appended" | "reproduced" | "unchanged" } | undefined;
      if (periodText === undefined) {
        const { readCloseInputs } = await import("../../app/close-inputs.js");
        const inputs = await readCloseInputs(opts.config);
        if (!inputs.ok) throw new UserError(inputs.issues, EXIT.input);
        ({ files, warnings } = inputs.value);
        outside = inputs.value.config.outside;
      } else {
        // With a period, validate is the close's dry run: the same ledger planning (order, gaps, the
        // inputs' latest date, a re-close with other inputs), the same refusals and exit codes.
        const { runClose } = await import("../../app/close-run.js");
        const run = await runClose({
          configPath: opts.config,
          period: periodText,
          formats: [...ALL_FORMATS],
          dryRun: true,
          ...(opts.lang ? { language: opts.lang } : {}),
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
        const { issueJson } = await import("../../report/close-summary.js");
        const would = close ? { close: { period: close.label, ledger: close.ledger === "appended" ? "append" : close.ledger === "reproduced" ? "reproduce" : "unchanged" } } : {};
        const msg = { ok: true, files: files.length, rows: n, warnings: warnings.length, warning_list: warnings.map(issueJson), ...would, ...(outside.length > 0 ? { outside_config_folder: outside } : {}) };
        process.stdout.write(`${JSON.stringify(msg)}\n`);
        return;
      }
      // Warnings are listed, as problems are: on stderr, one per line (with its hint).
      for (const w of warnings) process.stderr.write(`${formatIssue(w, language)}\n`);
      process.stdout.write(`${render(t("validate.ok", { files: files.length, rows: n, warnings: warnings.length }), language)}\n`);
      if (close) process.stdout.write(`${render(t(`validate.close.${close.ledger}`, { period: close.label }), language)}\n`);
      if (outside.length > 0) process.stdout.write(`${render(t("outside-config-folder", { paths: outside.join(", ") }), language)}\n`);
    });
}
