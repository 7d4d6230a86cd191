// `scenario montecarlo FILE --runs N --seed S`: percentiles of the reserve per
// month, probability of feasibility, distribution of the break-even month.
// One thread: 10,000 × 60 months take well under a second on the float engine,
// less than starting worker threads would save; the fixed seeded blocks keep the
// door open (results never depend on how blocks are scheduled).
// Every float leaves as decimal text with a stated precision (issue 14):
// money to the cent, break-even months to 0.1, probabilities to 0.0001.
import { error, type Issue } from "../../domain/issues.js";
import { centreOf, distributionProblems, MC_DRIVERS, MC_KEYS, resolve, type Resolved } from "../../domain/scenario/distributions.js";
import { monteCarlo, type MonteCarloResult } from "../../domain/scenario/montecarlo.js";
import { project } from "../../domain/scenario/project.js";
import type { McParam, Scenario } from "../../domain/scenario/types.js";
import { toJsonText } from "../../report/scenario-json.js";
import { localEuro, localNumber } from "../../i18n/numbers.js";
import { breakEvenTable, fmtFloat, fmtFloatMoney as f2, monteCarloTable, renderTableCsv, renderTableText } from "../../report/scenario-tables.js";
import { load, parseIntOption } from "./load.js";
import { runInfo, scenarioWorkbookFile } from "./workbook.js";
import { slug, writeOutputs, type Answer, type ScenarioOptions } from "./outputs.js";

export type MonteCarloOptions = ScenarioOptions & { readonly runs: string; readonly seed: string; readonly onProgress?: (done: number, total: number) => void };

/** Stated precision of every number in the output. */
export const PRECISION = { money: "0.01", breakEvenMonth: "0.1", probability: "0.0001", distribution: "0.0001" } as const;

const pctJson = (p: { p5: number; p50: number; p95: number }) => ({ p5: f2(p.p5), p50: f2(p.p50), p95: f2(p.p95) });
const month1 = (x: number) => fmtFloat(x, 1);
const d4 = (x: number) => fmtFloat(x, 4);

const paramText = (p: McParam | undefined): string | null =>
  p === undefined ? null : p.kind === "abs" ? fmtFloat(p.value, 6).replace(/\.?0+$/, "") : `${p.fraction >= 0 ? "+" : ""}${fmtFloat(p.fraction * 100, 4).replace(/\.?0+$/, "")}%`;

/** A resolved distribution's numbers, to 4 decimals. */
function resolvedJson(r: Resolved): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) if (k !== "dist" && typeof v === "number") out[k] = d4(v);
  return out;
}

/** Each random driver: as written in the file, and resolved against this scenario's value. */
export function distributionsJson(s: Scenario) {
  const out: Record<string, unknown> = {};
  for (const k of MC_DRIVERS) {
    const d = s.monteCarlo?.[k];
    if (!d) continue;
    const written = Object.fromEntries(Object.entries(d.distribution).map(([key, v]) => [key, typeof v === "string" ? v : paramText(v as McParam)]));
    const centre = centreOf(s, k);
    const r = resolve(d.distribution, centre);
    out[MC_KEYS[k]] = {
      per: d.per,
      written,
      scenarioValue: d4(centre),
      resolved: r.ok ? { dist: r.value.dist, ...resolvedJson(r.value) } : null,
      ...(k === "inflow" && d.per === "month" && s.inflow.kind !== "constant" ? { note: "resolved against each month's inflow; shown for month 1" } : {}),
    };
  }
  return out;
}

export function monteCarloJson(s: Scenario, mc: MonteCarloResult, labels: readonly string[], applied: Readonly<Record<string, string>> = {}) {
  return {
    scenario: s.name,
    ...(Object.keys(applied).length > 0 ? { overrides: applied } : {}),
    engine: "float simulation (plain JS numbers, cents rounded per month and line); not money",
    precision: PRECISION,
    runs: mc.runs,
    seed: mc.seed,
    openingReserve: f2(s.openingReserve.toNumber()),
    distributions: distributionsJson(s),
    probabilityFeasible: d4(mc.probabilityFeasible),
    endReserve: pctJson(mc.endReserve),
    fundingNeed: pctJson(mc.fundingNeed),
    leastOpeningReserve: { ...pctJson(mc.leastOpeningReserve), rule: "per run max(0, opening reserve − lowest reserve): the opening reserve that run needs; P95 suffices in 95% of runs" },
    breakEven: {
      ...(mc.breakEven ? { p5: month1(mc.breakEven.p5), p50: month1(mc.breakEven.p50), p95: month1(mc.breakEven.p95) } : {}),
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
  const l = await load(file, o.overrides);
  if (!l.ok) issues.push(...l.issues);
  else {
    // Relative distributions follow the scenario (and --set); absolute ones may not fit its values.
    const afterSet = Object.keys(l.applied).length > 0;
    for (const p of distributionProblems(l.scenario)) issues.push(error("bad-distribution", { key: `montecarlo.${MC_KEYS[p.driver]}`, problem: p.message, afterSet }, { source: { file } }));
  }
  if (issues.length > 0 || !l.ok || runs === undefined || seed === undefined) return { ok: false, issues };
  const s = l.scenario;
  const exact = project(s, { detail: false });
  const mc = monteCarlo(s, exact, runs, seed, o.onProgress ? (d) => o.onProgress!(d, runs) : undefined);
  const labels = exact.rows.map((r) => r.label);
  const json = monteCarloJson(s, mc, labels, l.applied);
  const table = monteCarloTable(s, mc, labels, o.lang);
  const be = breakEvenTable(mc, o.lang);
  const run = o.outDir ? await runInfo("montecarlo", s, l.files, l.applied, [["runs", String(runs)], ["seed", String(seed)]]) : undefined;
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${slug(s.name)}-montecarlo.json`, data: toJsonText(json) },
    { name: `scenario-${slug(s.name)}-montecarlo.csv`, data: renderTableCsv(table) },
    { name: `scenario-${slug(s.name)}-montecarlo-break-even.csv`, data: renderTableCsv(be) },
    ...(run ? [await scenarioWorkbookFile(s, { lang: o.lang, run, monteCarlo: mc })] : []),
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  const nl = o.lang === "nl";
  // On screen in the language's number style; JSON and CSV keep the machine form.
  const m = (x: number): string => localNumber(f2(x), o.lang);
  const head = [
    `Monte Carlo: ${runs} runs, seed ${seed}, ${nl ? "beginreserve" : "opening reserve"} ${localEuro(f2(s.openingReserve.toNumber()), o.lang)} (${nl ? "simulatie op kommagetallen, geen boekhouding; bedragen op de cent" : "float simulation, not accounting; amounts to the cent"})`,
    `${nl ? "Kans dat de reserve nooit onder nul gaat" : "Probability the reserve never goes below zero"}: ${localNumber(fmtFloat(mc.probabilityFeasible * 100, 1), o.lang)}%`,
    `${nl ? "Eindreserve" : "End reserve"} P5/P50/P95: ${m(mc.endReserve.p5)} / ${m(mc.endReserve.p50)} / ${m(mc.endReserve.p95)}`,
    `${nl ? "Financieringsbehoefte" : "Funding need"} P5/P50/P95: ${m(mc.fundingNeed.p5)} / ${m(mc.fundingNeed.p50)} / ${m(mc.fundingNeed.p95)}`,
    `${nl ? "Nodige beginreserve" : "Opening reserve needed"} P50/P95: ${m(mc.leastOpeningReserve.p50)} / ${m(mc.leastOpeningReserve.p95)}` +
      ` (${nl ? "P95 volstaat in 95% van de runs" : "P95 suffices in 95% of runs"})`,
    mc.breakEven
      ? `${nl ? "Break-even maand" : "Break-even month"} P5/P50/P95: ${localNumber(month1(mc.breakEven.p5), o.lang)} / ${localNumber(month1(mc.breakEven.p50), o.lang)} / ${localNumber(month1(mc.breakEven.p95), o.lang)}; ${nl ? "nooit" : "never"}: ${mc.neverBreakEven} runs`
      : `${nl ? "Nooit break-even" : "Never breaks even"}`,
  ].join("\n");
  return { ok: true, stdout: `${head}\n\n${renderTableText(table, o.lang)}`, written };
}
