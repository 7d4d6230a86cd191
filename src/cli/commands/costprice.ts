// `menerva costprice FILE.yaml`: what a coaching hour costs each SE partner (seed 002).
import { relative } from "node:path";
import { Option, type Command } from "commander";
import { EXIT, UserError } from "../errors.js";
import { csvStyleOption } from "./csv-style.js";
import type { CsvStyle } from "../../report/csv-text.js";

type Opts = { json?: boolean; out?: string; lang: "nl" | "en"; csvStyle: CsvStyle };

export function registerCostprice(program: Command): void {
  program
    .command("costprice")
    .description("cost price per productive hour and per coached candidate of each SE partner, occupancy effect and break-even")
    .argument("<file>", "cost-price file (YAML), e.g. fixtures/costprice.yaml")
    .option("--json", "print only JSON to stdout")
    .option("-o, --out <dir>", "write costprice.xlsx, costprice.csv and costprice.json to this directory")
    .addOption(new Option("--lang <lang>", "language of labels").choices(["nl", "en"]).default("nl"))
    .addOption(csvStyleOption())
    .action(async (file: string, opts: Opts) => {
      const { runCostPrice } = await import("../../app/costprice.js");
      const res = await runCostPrice(file, { lang: opts.lang, json: opts.json === true, csvStyle: opts.csvStyle, ...(opts.out ? { outDir: opts.out } : {}) });
      if (!res.ok) throw new UserError(res.issues, EXIT.input);
      process.stdout.write(res.value.stdout);
      if (!opts.json && res.value.written.length > 0) {
        process.stdout.write(`\nWritten: ${res.value.written.map((p) => relative(process.cwd(), p) || p).join(", ")}\n`);
      }
    });
}
