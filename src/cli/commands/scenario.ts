// `menerva scenario run|solve|sensitivity|grid|montecarlo|compare`: what-if feasibility (SPEC §7).
import { relative } from "node:path";
import { outputFolderProblem } from "../../adapters/output-target.js";
import { Option, type Command } from "commander";
import { t } from "../../domain/issues.js";
import type { Lang } from "../../i18n/lang.js";
import { render } from "../../i18n/render.js";
import { helpWords } from "../help.js";
import { screenLanguage, settleLanguage } from "../language.js";
import { langOption } from "./close.js";
import type { Answer } from "../../app/scenario/outputs.js";
import { EXIT, UserError } from "../errors.js";
import { SETTABLE_KEYS } from "../../app/scenario/overrides.js";

type Common = { json?: boolean; out?: string; lang?: Lang; set?: string[]; openingReserve?: string };

// The use cases load when a command runs, not at start-up: --help stays quick.
const analyses = () => import("../../app/scenario/analyses.js");

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Options every scenario command takes, the what-if overrides included (issue 14). */
const commonOptions =
  (lang: Lang) =>
  (c: Command): Command => {
    const w = helpWords(lang);
    return c
      .option("--json", w("help.scenario.json"))
      .option(`-o, --out <${w("help.ph.dir")}>`, w("help.scenario.out"))
      .addOption(langOption(lang, "help.lang"))
      .option(`--set <${w("help.ph.key-value")}>`, render(t("help.scenario.set", { keys: SETTABLE_KEYS.join(", ") }), lang), collect)
      .option(`--opening-reserve <${w("help.ph.eur")}>`, w("help.scenario.opening-reserve"))
      .hook("preAction", async (_this, action) => {
        const o = action.opts<Common>();
        await settleLanguage(o);
        // a folder the files cannot go to is said before the work (exit 2), not as an internal error after it
        const unwritable = o.out ? await outputFolderProblem(o.out, "--out") : undefined;
        if (unwritable) throw new UserError([unwritable], EXIT.usage);
      });
  };

const base = (o: Common) => ({
  lang: screenLanguage(),
  json: o.json === true,
  ...(o.out ? { outDir: o.out } : {}),
  overrides: { ...(o.set ? { set: o.set } : {}), ...(o.openingReserve !== undefined ? { openingReserve: o.openingReserve } : {}) },
});

function emit(res: Answer, json: boolean): void {
  if (!res.ok) throw new UserError(res.issues, EXIT.input);
  process.stdout.write(res.stdout);
  if (!json && res.written.length > 0) process.stdout.write(`\n${render(t("written", { files: res.written.map((p) => relative(process.cwd(), p) || p).join(", ") }), screenLanguage())}\n`);
}

export function registerScenario(program: Command, lang: Lang = "en"): void {
  const w = helpWords(lang);
  const common = commonOptions(lang);
  const file = `<${w("help.ph.file")}>`;
  const sc = program.command("scenario").description(w("help.scenario"));

  common(sc.command("run").description(w("help.scenario.run")).argument(file, w("help.scenario.file.example"))).action(
    async (file: string, o: Common) => emit(await (await import("../../app/scenario/run.js")).scenarioRun(file, base(o)), o.json === true),
  );

  common(
    sc
      .command("solve")
      .description(w("help.scenario.solve"))
      .argument(file, w("help.scenario.file"))
      .addOption(new Option(`--for <${w("help.ph.driver")}>`, w("help.scenario.solve.for")).choices(["inflow", "placement-rate", "fee", "opening-reserve"]).default("inflow"))
      .option(`--target-end-reserve <${w("help.ph.eur")}>`, w("help.scenario.solve.target"))
      .option(`--min <${w("help.ph.value")}>`, w("help.scenario.solve.min"))
      .option(`--max <${w("help.ph.value")}>`, w("help.scenario.solve.max"))
      .option(`--inflow <${w("help.ph.n")}>`, w("help.scenario.solve.inflow")),
  ).action(async (file: string, o: Common & { for: string; targetEndReserve?: string; min?: string; max?: string; inflow?: string }) =>
    emit(
      await (await analyses()).scenarioSolve(file, {
        ...base(o),
        for: o.for,
        ...(o.targetEndReserve !== undefined ? { targetEndReserve: o.targetEndReserve } : {}),
        ...(o.min !== undefined ? { min: o.min } : {}),
        ...(o.max !== undefined ? { max: o.max } : {}),
        ...(o.inflow !== undefined ? { inflow: o.inflow } : {}),
      }),
      o.json === true,
    ),
  );

  common(sc.command("sensitivity").description(w("help.scenario.sensitivity")).argument(file, w("help.scenario.file")).option(`--percent <${w("help.ph.x")}>`, w("help.scenario.sensitivity.percent"), "10")).action(
    async (file: string, o: Common & { percent: string }) => emit(await (await analyses()).scenarioSensitivity(file, { ...base(o), percent: o.percent }), o.json === true),
  );

  common(
    sc
      .command("grid")
      .description(w("help.scenario.grid"))
      .argument(file, w("help.scenario.file"))
      .requiredOption(`--x <${w("help.ph.range")}>`, w("help.scenario.grid.x"))
      .requiredOption(`--y <${w("help.ph.range")}>`, w("help.scenario.grid.y")),
  ).action(async (file: string, o: Common & { x: string; y: string }) => emit(await (await analyses()).scenarioGrid(file, { ...base(o), x: o.x, y: o.y }), o.json === true),
  );

  common(
    sc
      .command("montecarlo")
      .description(w("help.scenario.montecarlo"))
      .argument(file, w("help.scenario.montecarlo.file"))
      .option(`--runs <${w("help.ph.n")}>`, w("help.scenario.montecarlo.runs"), "10000")
      .option(`--seed <${w("help.ph.s")}>`, w("help.scenario.montecarlo.seed"), "1"),
  ).action(async (file: string, o: Common & { runs: string; seed: string }) => {
    const showBar = process.stderr.isTTY === true && o.json !== true;
    let bar: { update(n: number): void; stop(): void; start(total: number, v: number): void } | undefined;
    if (showBar) {
      const cp = await import("cli-progress");
      bar = new cp.SingleBar({ stream: process.stderr, clearOnComplete: true, format: render(t("montecarlo.progress"), screenLanguage()) }, cp.Presets.shades_classic);
    }
    let started = false;
    const { scenarioMonteCarlo } = await import("../../app/scenario/montecarlo.js");
    const res = await scenarioMonteCarlo(file, {
      ...base(o),
      runs: o.runs,
      seed: o.seed,
      ...(bar
        ? {
            onProgress: (d: number, total: number) => {
              if (!started) {
                bar!.start(total, 0);
                started = true;
              }
              bar!.update(d);
            },
          }
        : {}),
    });
    if (started) bar!.stop();
    emit(res, o.json === true);
  });

  common(sc.command("compare").description(w("help.scenario.compare")).argument(`<${w("help.ph.files")}...>`, w("help.scenario.compare.files"))).action(
    async (files: string[], o: Common) => emit(await (await analyses()).scenarioCompare(files, base(o)), o.json === true),
  );
}
