// `scenario montecarlo FILE --runs N --seed S`: percentiles of the reserve per
// month, probability of feasibility, distribution of the break-even month.
// One thread: 10,000 × 60 months take well under a second on the float engine,
// less than starting worker threads would save; the fixed seeded blocks keep the
// door open (results never depend on how blocks are scheduled).
import { monteCarlo, type MonteCarloResult } from "../../domain/scenario/montecarlo.js";
import { project } from "../../domain/scenario/project.js";
import type { Scenario } from "../../domain/scenario/types.js";
import { toJsonText } from "../../report/scenario-json.js";
import { breakEvenTable, fmtFloatMoney as f2, monteCarloTable, renderTableCsv, renderTableText } from "../../report/scenario-tables.js";
import { load, parseIntOption } from "./load.js";
import { scenarioWorkbookFile } from "./workbook.js";
import { slug, writeOutputs, type Answer, type ScenarioOptions } from "./outputs.js";
import type { Issue } from "../../domain/issues.js";

export type MonteCarloOptions = ScenarioOptions & { readonly runs: string; readonly seed: string; readonly onProgress?: (done: number, total: number) => void };

const pctJson = (p: { p5: number; p50: number; p95: number }) => ({ p5: f2(p.p5), p50: f2(p.p50), p95: f2(p.p95) });

export function monteCarloJson(s: Scenario, mc: MonteCarloResult, labels: readonly string[]) {
  return {
    scenario: s.name,
    engine: "float simulation (plain JS numbers, cents rounded per month and line); not money",
    runs: mc.runs,
    seed: mc.seed,
    distributions: s.monteCarlo ?? {},
    probabilityFeasible: mc.probabilityFeasible.toFixed(4),
    endReserve: pctJson(mc.endReserve),
    fundingNeed: pctJson(mc.fundingNeed),
    breakEven: {
      ...(mc.breakEven ? { p5: mc.breakEven.p5, p50: mc.breakEven.p50, p95: mc.breakEven.p95 } : {}),
      never: mc.neverBreakEven,
      byMonth: Array.from(mc.breakEvenCounts).flatMap((c, t) => (c > 0 ? [{ month: t + 1, runs: c }] : [])),
    },
    monthly: Array.from({ length: mc.months }, (_, t) => ({
      month: t + 1,
      period: labels[t],
      p5: f2(mc.reserveP5[t]!),
      p50: f2(mc.reserveP50[t]!),
      p95: f2(mc.reserveP95[t]!),
      mean: f2(mc.reserveMean[t]!),
    })),
  };
}

export async function scenarioMonteCarlo(file: string, o: MonteCarloOptions): Promise<Answer> {
  const issues: Issue[] = [];
  const runs = parseIntOption(o.runs, "--runs", issues, 1, 1_000_000);
  const seed = parseIntOption(o.seed, "--seed", issues, 0, 4_294_967_295);
  const l = await load(file);
  if (!l.ok) issues.push(...l.issues);
  if (issues.length > 0 || !l.ok || runs === undefined || seed === undefined) return { ok: false, issues };
  const s = l.scenario;
  const exact = project(s, { detail: false });
  const mc = monteCarlo(s, exact, runs, seed, o.onProgress ? (d) => o.onProgress!(d, runs) : undefined);
  const labels = exact.rows.map((r) => r.label);
  const json = monteCarloJson(s, mc, labels);
  const table = monteCarloTable(s, mc, labels, o.lang);
  const be = breakEvenTable(mc, o.lang);
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${slug(s.name)}-montecarlo.json`, data: toJsonText(json) },
    { name: `scenario-${slug(s.name)}-montecarlo.csv`, data: renderTableCsv(table) },
    { name: `scenario-${slug(s.name)}-break-even.csv`, data: renderTableCsv(be) },
    ...(o.outDir ? [await scenarioWorkbookFile(s, { lang: o.lang, monteCarlo: mc })] : []),
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  const nl = o.lang === "nl";
  const head = [
    `Monte Carlo: ${runs} runs, seed ${seed} (${nl ? "simulatie op kommagetallen, geen boekhouding" : "float simulation, not accounting"})`,
    `${nl ? "Kans dat de reserve nooit onder nul gaat" : "Probability the reserve never goes below zero"}: ${(mc.probabilityFeasible * 100).toFixed(1)}%`,
    `${nl ? "Eindreserve" : "End reserve"} P5/P50/P95: ${f2(mc.endReserve.p5)} / ${f2(mc.endReserve.p50)} / ${f2(mc.endReserve.p95)}`,
    `${nl ? "Financieringsbehoefte" : "Funding need"} P5/P50/P95: ${f2(mc.fundingNeed.p5)} / ${f2(mc.fundingNeed.p50)} / ${f2(mc.fundingNeed.p95)}`,
    mc.breakEven
      ? `${nl ? "Break-even maand" : "Break-even month"} P5/P50/P95: ${mc.breakEven.p5} / ${mc.breakEven.p50} / ${mc.breakEven.p95}; ${nl ? "nooit" : "never"}: ${mc.neverBreakEven} runs`
      : `${nl ? "Nooit break-even" : "Never breaks even"}`,
  ].join("\n");
  return { ok: true, stdout: `${head}\n\n${renderTableText(table)}`, written };
}
