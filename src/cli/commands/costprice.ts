// `menerva costprice FILE.yaml`: what a coaching hour costs each SE partner
// (the cost-price method of the project proposal, docs/sources.md).
import { relative } from "node:path";
import type { Command } from "commander";
import { t } from "../../domain/issues.js";
import type { Lang } from "../../i18n/lang.js";
import { render } from "../../i18n/render.js";
import { EXIT, UserError } from "../errors.js";
import { helpWords } from "../help.js";
import { settleLanguage } from "../language.js";
import { langOption } from "./close.js";
import { csvStyleOption } from "./csv-style.js";
import type { CsvStyle } from "../../report/csv-text.js";

type Opts = { json?: boolean; out?: string; lang?: Lang; csvStyle: CsvStyle };

export function registerCostprice(program: Command, lang: Lang = "en"): void {
  const w = helpWords(lang);
  program
    .command("costprice")
    .description(w("help.costprice"))
    .argument(`<${w("help.ph.file")}>`, w("help.costprice.file"))
    .option("--json", w("help.costprice.json"))
    .option(`-o, --out <${w("help.ph.dir")}>`, w("help.costprice.out"))
    .addOption(langOption(lang, "help.lang"))
    .addOption(csvStyleOption(lang))
    .action(async (file: string, opts: Opts) => {
      const language = await settleLanguage(opts);
      const { runCostPrice } = await import("../../app/costprice.js");
      const res = await runCostPrice(file, { lang: language, json: opts.json === true, csvStyle: opts.csvStyle, ...(opts.out ? { outDir: opts.out } : {}) });
      if (!res.ok) throw new UserError(res.issues, EXIT.input);
      process.stdout.write(res.value.stdout);
      if (!opts.json && res.value.written.length > 0) {
        process.stdout.write(`\n${render(t("written", { files: res.value.written.map((p) => relative(process.cwd(), p) || p).join(", ") }), language)}\n`);
      }
    });
}
