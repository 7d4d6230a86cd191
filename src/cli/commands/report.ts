// `menerva report PERIOD`: the statement over the closes inside PERIOD (a
// year, usually), from the ledger records alone.
import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { configLanguage } from "../../adapters/config-language.js";
import { ALL_FORMATS, type OutputFormat } from "../../app/output-formats.js";
import { error, t } from "../../domain/issues.js";
import { parsePeriod } from "../../domain/period.js";
import type { Lang } from "../../i18n/lang.js";
import { formatIssue, render } from "../../i18n/render.js";
import { EXIT, UserError } from "../errors.js";
import { helpWords } from "../help.js";
import { settleLanguage, useLanguage } from "../language.js";
import { langOption } from "./close.js";

type Opts = { config?: string; ledger?: string; out?: string; json?: boolean; lang?: Lang; formats: OutputFormat[] };

export function registerReport(program: Command, lang: Lang = "en"): void {
  const w = helpWords(lang);
  program
    .command("report")
    .description(w("help.report"))
    .argument(`<${w("help.ph.period")}>`, w("help.report.period"))
    .option(`-c, --config <${w("help.ph.file")}>`, w("help.ledger.config"), "menerva.yaml")
    .option(`--ledger <${w("help.ph.file")}>`, w("help.ledger.ledger"))
    .option(`-o, --out <${w("help.ph.dir")}>`, w("help.report.out"))
    .option("--json", w("help.close.json"))
    .addOption(langOption(lang))
    .option(`--formats <${w("help.ph.list")}>`, w("help.report.formats"), (v: string) => v.split(",").map((x) => x.trim()) as OutputFormat[], [...ALL_FORMATS])
    .action(async (periodText: string, opts: Opts) => {
      // --lang, else the config's language; without either, the ledger's records say it (their config's language).
      const asked = opts.lang ?? (await configLanguage(opts.config ?? "menerva.yaml"));
      const language = await settleLanguage({ ...(asked ? { lang: asked } : {}) });
      const bad = opts.formats.filter((f) => !(ALL_FORMATS as readonly string[]).includes(f));
      if (bad.length > 0) throw new UserError([error("bad-format", { formats: bad.join(", "), allowed: ALL_FORMATS.join(", ") }, { subject: "--formats" })], EXIT.usage);
      // the use case and its renderers load here, not at start-up
      const [{ runYearReport }, { resolveLedgerPath }, { yearJson, yearText }] = await Promise.all([import("../../app/year-report.js"), import("../../ledger/ledger-path.js"), import("../../report/year-tables.js")]);
      const path = await resolveLedgerPath(opts);
      if (!path.ok) throw new UserError(path.issues, EXIT.input);
      const label = parsePeriod(periodText)?.label ?? periodText.trim();
      const out = resolve(opts.out ?? resolve(dirname(path.value), `report-${label}`));
      const run = await runYearReport({ ledger: path.value, period: periodText, out, formats: opts.formats, ...(asked ? { language: asked } : {}) });
      if (!run.ok) throw new UserError(run.issues, run.exit ?? EXIT.input);
      useLanguage(run.value.report.language);
      const now = asked ?? run.value.report.language ?? language;
      for (const i of run.warnings) process.stderr.write(`${formatIssue(i, now)}\n`);
      process.stdout.write(opts.json ? `${JSON.stringify(yearJson(run.value.report), null, 2)}\n` : yearText(run.value.report));
      if (!opts.json) process.stderr.write(`${render(t("report.written", { where: `${relative(process.cwd(), out) || "."}/`, formats: opts.formats.join(", ") }), now)}\n`);
    });
}
