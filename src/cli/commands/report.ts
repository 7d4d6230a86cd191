// `menerva report PERIOD`: the statement over the closes inside PERIOD (a
// year, usually), from the ledger records alone.
import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { ALL_FORMATS, type OutputFormat } from "../../app/output-formats.js";
import { formatIssue } from "../../domain/issues.js";
import { parsePeriod } from "../../domain/period.js";
import { EXIT, UserError } from "../errors.js";

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("statement over the closes inside PERIOD (e.g. 2025), from the ledger records alone: invoices and corrections per NEC partner, settlement per SE partner, reserve per close, periods still open")
    .argument("<period>", "2025 (year), 2025-Q1, 2025-03 or 2025-01-01..2025-06-30")
    .option("-c, --config <file>", "config file (menerva.yaml) naming the ledger", "menerva.yaml")
    .option("--ledger <file>", "ledger file (overrides the config's ledger:)")
    .option("-o, --out <dir>", "output directory (default: report-<period> beside the ledger)")
    .option("--json", "print the JSON summary to stdout (nothing else on stdout)")
    .addOption(new Option("--lang <lang>", "language (default: the config's)").choices(["nl", "en"]))
    .option("--formats <list>", "files to write: json,csv,xlsx", (v: string) => v.split(",").map((x) => x.trim()) as OutputFormat[], [...ALL_FORMATS])
    .action(async (periodText: string, opts: { config?: string; ledger?: string; out?: string; json?: boolean; lang?: "nl" | "en"; formats: OutputFormat[] }) => {
      const bad = opts.formats.filter((f) => !(ALL_FORMATS as readonly string[]).includes(f));
      if (bad.length > 0) throw new UserError([{ severity: "error", code: "bad-format", message: `unknown format ${bad.join(", ")}; allowed: ${ALL_FORMATS.join(", ")}`, subject: "--formats" }], EXIT.usage);
      const [{ runYearReport }, { resolveLedgerPath }, { yearJson, yearText }] = await Promise.all([import("../../app/year-report.js"), import("../../ledger/ledger-path.js"), import("../../report/year-tables.js")]);
      const path = await resolveLedgerPath(opts);
      if (!path.ok) throw new UserError(path.issues, EXIT.input);
      const label = parsePeriod(periodText)?.label ?? periodText.trim();
      const out = resolve(opts.out ?? resolve(dirname(path.value), `report-${label}`));
      const run = await runYearReport({ ledger: path.value, period: periodText, out, formats: opts.formats, ...(opts.lang ? { language: opts.lang } : {}) });
      if (!run.ok) throw new UserError(run.issues, run.exit ?? EXIT.input);
      for (const w of run.warnings) process.stderr.write(`${formatIssue(w)}\n`);
      process.stdout.write(opts.json ? `${JSON.stringify(yearJson(run.value.report), null, 2)}\n` : yearText(run.value.report));
      if (!opts.json) process.stderr.write(`Output written to ${relative(process.cwd(), out) || "."}/ (${opts.formats.join(", ")}); the ledger was only read.\n`);
    });
}
