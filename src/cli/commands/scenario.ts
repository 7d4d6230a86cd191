// `menerva scenario run|solve|sensitivity|grid|montecarlo|compare`: what-if feasibility (SPEC §7).
import { relative } from "node:path";
import { Option, type Command } from "commander";
import type { Answer } from "../../app/scenario/outputs.js";
import { EXIT, UserError } from "../errors.js";
import { SETTABLE_KEYS } from "../../app/scenario/overrides.js";

// the use cases load on demand: --help stays quick
const analyses = () => import("../../app/scenario/analyses.js");

type Common = { json?: boolean; out?: string; lang: "nl" | "en"; set?: string[]; openingReserve?: string };

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** Options every scenario command takes, the what-if overrides included (issue 14). */
const common = (c: Command): Command =>
  c
    .option("--json", "print only JSON to stdout")
    .option("-o, --out <dir>", "also write CSV, JSON (and for run, sensitivity, grid and montecarlo, a workbook) to this directory")
    .addOption(new Option("--lang <lang>", "language of labels").choices(["nl", "en"]).default("nl"))
    .option("--set <key=value>", `what-if: change one value of the file (repeatable): ${SETTABLE_KEYS.join(", ")}`, collect)
    .option("--opening-reserve <eur>", "what-if starting capital instead of the file's opening_reserve");

const base = (o: Common) => ({
  lang: o.lang,
  json: o.json === true,
  ...(o.out ? { outDir: o.out } : {}),
  overrides: { ...(o.set ? { set: o.set } : {}), ...(o.openingReserve !== undefined ? { openingReserve: o.openingReserve } : {}) },
});

function emit(res: Answer, json: boolean): void {
  if (!res.ok) throw new UserError(res.issues, EXIT.input);
  process.stdout.write(res.stdout);
  if (!json && res.written.length > 0) process.stdout.write(`\nWritten: ${res.written.map((p) => relative(process.cwd(), p) || p).join(", ")}\n`);
}

export function registerScenario(program: Command): void {
  const sc = program.command("scenario").description("what-if feasibility scenarios: projection, goal seek, sensitivity, grid, Monte Carlo, compare");

  common(sc.command("run").description("monthly projection and key figures (break-even, funding need, win-win)").argument("<file>", "scenario file, e.g. scenarios/base.yaml")).action(
    async (file: string, o: Common) => emit(await (await import("../../app/scenario/run.js")).scenarioRun(file, base(o)), o.json === true),
  );

  common(
    sc
      .command("solve")
      .description("least inflow (or placement rate, or fee) for which the reserve never goes below zero")
      .argument("<file>", "scenario file")
      .addOption(new Option("--for <driver>", "what to solve for").choices(["inflow", "placement-rate", "fee", "opening-reserve"]).default("inflow"))
      .option("--target-end-reserve <eur>", "instead: the end reserve must be at least this amount")
      .option("--min <value>", "lower search bound (default 0)")
      .option("--max <value>", "upper search bound (default 1000 candidates, rate 1, fee 100)")
      .option("--inflow <n>", "when nothing is feasible: the inflow at which to compute the least opening reserve (default: the scenario's)"),
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

  common(sc.command("sensitivity").description("each driver ±X% (whole numbers ±1): effect on end reserve and funding need (tornado)").argument("<file>", "scenario file").option("--percent <x>", "change per driver in percent", "10")).action(
    async (file: string, o: Common & { percent: string }) => emit(await (await analyses()).scenarioSensitivity(file, { ...base(o), percent: o.percent }), o.json === true),
  );

  common(
    sc
      .command("grid")
      .description("two drivers over ranges: end reserve and feasibility per combination")
      .argument("<file>", "scenario file")
      .requiredOption("--x <range>", "driver=from:to:step, e.g. inflow=4:16:1")
      .requiredOption("--y <range>", "driver=from:to:step, e.g. placement_rate=0.3:0.7:0.05"),
  ).action(async (file: string, o: Common & { x: string; y: string }) => emit(await (await analyses()).scenarioGrid(file, { ...base(o), x: o.x, y: o.y }), o.json === true),
  );

  common(
    sc
      .command("montecarlo")
      .description("seeded random runs: reserve percentiles per month, probability of feasibility, break-even distribution")
      .argument("<file>", "scenario file (distributions under montecarlo:)")
      .option("--runs <n>", "number of runs", "10000")
      .option("--seed <s>", "random seed (same seed, same output)", "1"),
  ).action(async (file: string, o: Common & { runs: string; seed: string }) => {
    const showBar = process.stderr.isTTY === true && o.json !== true;
    let bar: { update(n: number): void; stop(): void; start(total: number, v: number): void } | undefined;
    if (showBar) {
      const cp = await import("cli-progress");
      bar = new cp.SingleBar({ stream: process.stderr, clearOnComplete: true, format: "Monte Carlo {bar} {value}/{total} runs" }, cp.Presets.shades_classic);
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

  common(sc.command("compare").description("key figures of several scenarios side by side").argument("<files...>", "scenario files")).action(
    async (files: string[], o: Common) => emit(await (await analyses()).scenarioCompare(files, base(o)), o.json === true),
  );
}
