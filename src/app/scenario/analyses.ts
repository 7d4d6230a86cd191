// `scenario solve | sensitivity | grid | compare`: goal seek, tornado, two-driver
// grid and side-by-side key figures, each as text or JSON plus CSV/JSON files.
// Every command reads the file with the same overrides (--set, --opening-reserve).
import { error, type Issue } from "../../domain/issues.js";
import { D, fmtDecimal, fmtMoney, type Dec } from "../../domain/money.js";
import type { Lang } from "../../i18n/lang.js";
import { localEuro, localNumber } from "../../i18n/numbers.js";

/** On screen: amounts and numbers in the language's style (JSON and CSV keep the machine form). */
const eurOf = (lang: Lang) => (x: Dec): string => localEuro(fmtMoney(x), lang);
const numOf = (lang: Lang) => (x: Dec): string => localNumber(fmtDecimal(x), lang);
import { DRIVERS, setDriver } from "../../domain/scenario/drivers.js";
import { keyFigures, leastOpeningReserve } from "../../domain/scenario/figures.js";
import type { Scenario } from "../../domain/scenario/types.js";
import { countCells, grid, type Range } from "../../domain/scenario/grid.js";
import { project } from "../../domain/scenario/project.js";
import { sensitivity } from "../../domain/scenario/sensitivity.js";
import { SOLVE_BOUNDS, solve, type Goal, type SolveFor } from "../../domain/scenario/solve.js";
import { figuresJson, toJsonText } from "../../report/scenario-json.js";
import { compareTable, figuresTable, gridLongTable, gridTable, renderTableCsv, renderTableText, rowChange, sensitivityTable } from "../../report/scenario-tables.js";
import { load, parseDecOption, parseRange } from "./load.js";
import { runInfo, scenarioWorkbookFile } from "./workbook.js";
import { slug, writeOutputs, type Answer, type ScenarioOptions } from "./outputs.js";
import { driverLimitProblem } from "./overrides.js";

export type SolveOptions = ScenarioOptions & {
  readonly for: string;
  readonly targetEndReserve?: string;
  readonly min?: string;
  readonly max?: string;
  /** The inflow at which a "not feasible" answer computes the least opening reserve (default: the scenario's own). */
  readonly inflow?: string;
};

const SOLVABLE: readonly SolveFor[] = ["inflow", "placement_rate", "fee"];
const overridesJson = (applied: Readonly<Record<string, string>>) => (Object.keys(applied).length > 0 ? { overrides: applied } : {});

/** `--for opening-reserve`: the least opening reserve, computed from the projection (results do not depend on it). */
function solveOpening(s: Scenario, target: Dec | undefined, o: SolveOptions, applied: Readonly<Record<string, string>>): { json: object; line: string; figures: ReturnType<typeof keyFigures> } {
  const nl = o.lang === "nl";
  const p = project(s, { detail: false });
  const least = leastOpeningReserve(p);
  const end = p.rows[p.rows.length - 1]!.cumulativeResult;
  const amount = target !== undefined ? D.max(0, target.minus(end)) : least.amount;
  const figures = keyFigures(project({ ...s, openingReserve: amount }, { detail: false }));
  const eur = eurOf(o.lang);
  const goal = target !== undefined ? (nl ? `de eindreserve minstens ${eur(target)} is` : `the end reserve is at least ${eur(target)}`) : nl ? "de reserve nooit onder nul gaat" : "the reserve never goes below zero";
  const line = `${nl ? "Kleinste beginreserve waarvoor" : "Least opening reserve for which"} ${goal}: ${eur(amount)}` +
    (target === undefined ? ` (${nl ? "laagste punt in maand" : "lowest point in month"} ${least.month}, ${p.rows[least.month - 1]!.label})` : "");
  const json = {
    scenario: s.name,
    ...overridesJson(applied),
    for: "opening_reserve",
    goal: target !== undefined ? `end reserve at least ${fmtMoney(target)}` : "reserve never below zero",
    status: "found",
    value: fmtMoney(amount),
    rule: "results do not depend on the reserve: reserve = opening reserve + cumulative result, so the least opening reserve is max(0, −lowest cumulative result) (or target − cumulative result at the end)",
    keyFigures: figuresJson(figures),
  };
  return { json, line, figures };
}

export async function scenarioSolve(file: string, o: SolveOptions): Promise<Answer> {
  const issues: Issue[] = [];
  const wanted = o.for.replace(/-/g, "_");
  const isOpening = wanted === "opening_reserve";
  const driver = (isOpening ? "inflow" : wanted) as SolveFor;
  if (!isOpening && !SOLVABLE.includes(driver)) issues.push(error("bad-option.solve-for", {}, { subject: "--for", found: o.for }));
  const target = o.targetEndReserve !== undefined ? parseDecOption(o.targetEndReserve, "--target-end-reserve", issues) : undefined;
  const def = SOLVABLE.includes(driver) ? SOLVE_BOUNDS[driver] : SOLVE_BOUNDS.inflow;
  const lo = o.min !== undefined ? parseDecOption(o.min, "--min", issues, { min: "0" }) : def[0];
  const hi = o.max !== undefined ? parseDecOption(o.max, "--max", issues, { min: "0" }) : def[1];
  if (lo && hi && hi.lessThan(lo)) issues.push(error("bad-option.min-above-max", { min: fmtDecimal(lo), max: fmtDecimal(hi) }, { subject: "--max", found: o.max ?? fmtDecimal(hi) }));
  // the search may not go past what the scenario file's own value may be
  const past = hi && o.max !== undefined && !isOpening ? driverLimitProblem(driver, hi) : undefined;
  if (past) issues.push({ ...error("bad-option", {}, { subject: "--max", found: o.max! }), message: past });
  const statedInflow = o.inflow !== undefined ? parseDecOption(o.inflow, "--inflow", issues, { min: "0" }) : undefined;
  const l = await load(file, o.overrides);
  if (!l.ok) issues.push(...l.issues);
  if (issues.length > 0 || !l.ok || !lo || !hi) return { ok: false, issues };
  const s = l.scenario;
  const name = slug(s.name);
  if (isOpening) {
    const r = solveOpening(s, target, o, l.applied);
    const table = figuresTable(r.figures, o.lang);
    const written = await writeOutputs(o.outDir, [
      { name: `scenario-${name}-solve-opening_reserve.json`, data: toJsonText(r.json) },
      { name: `scenario-${name}-solve-opening_reserve.csv`, data: renderTableCsv(table) },
    ]);
    if (o.json) return { ok: true, stdout: toJsonText(r.json), written };
    return { ok: true, stdout: `${r.line}\n\n${renderTableText(table, o.lang)}`, written };
  }
  const goal: Goal = target !== undefined ? { kind: "end-reserve", target } : { kind: "never-negative" };
  const r = solve(s, driver, goal, [lo, hi]);
  const goalText = goal.kind === "never-negative" ? "reserve never below zero" : `end reserve at least ${fmtMoney(goal.target.toDecimalPlaces(2))}`;
  const nl = o.lang === "nl";
  const eur = eurOf(o.lang);
  const num = numOf(o.lang);
  const goalNl = goal.kind === "never-negative" ? "de reserve nooit onder nul gaat" : `de eindreserve minstens ${eur(goal.target.toDecimalPlaces(2))} is`;
  const goalEn = goal.kind === "never-negative" ? "reserve never below zero" : `end reserve at least ${eur(goal.target.toDecimalPlaces(2))}`;
  // Not feasible: the least opening reserve at a stated inflow (--inflow, or the scenario's own), computed.
  // The key figures shown under it are the hint's (that inflow), so the two agree; without a hint, the upper bound's.
  let hint: { inflow: string; from: "--inflow" | "scenario"; leastOpeningReserve: string; month: number; period: string; figures: ReturnType<typeof keyFigures> } | undefined;
  if (r.status === "not-feasible" && goal.kind === "never-negative") {
    const at = statedInflow !== undefined ? setDriver(s, "inflow", statedInflow) : s;
    const p = project(at, { detail: false });
    const least = leastOpeningReserve(p);
    const inflowText = statedInflow !== undefined ? fmtDecimal(statedInflow) : DRIVERS.inflow.get!(s) !== undefined ? fmtDecimal(DRIVERS.inflow.get!(s)!) : nl ? "die van het scenario" : "the scenario's";
    hint = { inflow: inflowText, from: statedInflow !== undefined ? "--inflow" : "scenario", leastOpeningReserve: fmtMoney(least.amount), month: least.month, period: p.rows[least.month - 1]!.label, figures: keyFigures(p) };
  }
  const json = {
    scenario: s.name,
    ...overridesJson(l.applied),
    for: driver,
    goal: goalText,
    bounds: [fmtDecimal(lo), fmtDecimal(hi)],
    status: r.status,
    ...(r.status === "found"
      ? { value: fmtDecimal(r.value), step: fmtDecimal(r.step), keyFigures: figuresJson(r.figures), ...(r.below ? { oneStepBelow: figuresJson(r.below) } : {}) }
      : { atUpperBound: figuresJson(r.atHi) }),
    ...(hint
      ? {
          leastOpeningReserve: {
            inflow: hint.inflow,
            inflowFrom: hint.from,
            amount: hint.leastOpeningReserve,
            lowestMonth: hint.month,
            rule: "reserve = opening reserve + cumulative result, so the least opening reserve is max(0, −lowest cumulative result) at that inflow",
            // the key figures at that inflow with the scenario's opening reserve: fundingNeed = amount − opening reserve
            keyFigures: figuresJson(hint.figures),
          },
        }
      : {}),
    evaluations: r.evaluations,
  };
  const what = DRIVERS[driver][o.lang];
  const goalShown = nl ? goalNl : goalEn;
  let line: string;
  if (r.status === "found") line = `${nl ? "Kleinste" : "Least"} ${what} ${nl ? "waarvoor" : "for which"} ${goalShown}: ${num(r.value)} (${nl ? "stap" : "step"} ${num(r.step)})`;
  else {
    // What the upper bound still gives (JSON atUpperBound), so its figures are never shown as if they were the hint's.
    const top = num(r.hi);
    const perMonth = driver === "inflow" ? (nl ? ` per maand` : ` a month`) : "";
    const atTop =
      goal.kind === "never-negative"
        ? nl ? `ook bij ${top}${perMonth} zakt de reserve tot ${eur(r.atHi.lowestReserve)} (maand ${r.atHi.lowestReserveMonth})` : `even at ${top}${perMonth} the reserve falls to ${eur(r.atHi.lowestReserve)} (month ${r.atHi.lowestReserveMonth})`
        : nl ? `ook bij ${top}${perMonth} eindigt de reserve op ${eur(r.atHi.endReserve)}` : `even at ${top}${perMonth} the reserve ends at ${eur(r.atHi.endReserve)}`;
    line = `${nl ? "niet haalbaar binnen" : "not feasible within"} [${num(lo)}, ${num(hi)}] (${what}, ${goalShown}): ${atTop}`;
    if (hint) {
      const atText =
        hint.from === "--inflow"
          ? nl ? `Bij een instroom van ${hint.inflow} per maand` : `At an inflow of ${hint.inflow} a month`
          : nl ? `Bij de instroom van het scenario (${hint.inflow} per maand)` : `At the scenario's inflow (${hint.inflow} a month)`;
      // The table's funding need is what the opening reserve lacks: the hint's amount minus the reserve there is.
      const now = s.openingReserve.isZero() ? "" : nl ? `; de beginreserve is nu ${eur(s.openingReserve)}: ${eur(hint.figures.fundingNeed)} meer` : `; the opening reserve is now ${eur(s.openingReserve)}: ${eur(hint.figures.fundingNeed)} more`;
      line += nl
        ? `\n${atText} is een beginreserve van minstens ${localEuro(hint.leastOpeningReserve, o.lang)} nodig (laagste punt in maand ${hint.month}, ${hint.period}${now}): probeer --opening-reserve ${hint.leastOpeningReserve}.`
        : `\n${atText} the opening reserve must be at least ${localEuro(hint.leastOpeningReserve, o.lang)} (lowest point in month ${hint.month}, ${hint.period}${now}): try --opening-reserve ${hint.leastOpeningReserve}.`;
    }
  }
  // Not feasible: the table says which value it is for, above it and in its first row (also in the CSV).
  let table = r.status === "found" ? figuresTable(r.figures, o.lang) : figuresTable(hint ? hint.figures : r.atHi, o.lang);
  let tableTitle = "";
  if (r.status === "not-feasible") {
    const shown = hint ? (hint.from === "--inflow" ? hint.inflow : DRIVERS.inflow.get!(s)) : r.hi;
    const label = hint ? DRIVERS.inflow[o.lang] : what;
    table = { ...table, rows: [[label, shown === undefined ? "" : typeof shown === "string" ? shown : fmtDecimal(shown)], ...table.rows] };
    tableTitle = hint
      ? hint.from === "--inflow"
        ? nl ? `Kengetallen bij een instroom van ${localNumber(hint.inflow, o.lang)} per maand:\n` : `Key figures at an inflow of ${localNumber(hint.inflow, o.lang)} a month:\n`
        : nl ? `Kengetallen bij de instroom van het scenario (${localNumber(hint.inflow, o.lang)} per maand):\n` : `Key figures at the scenario's inflow (${localNumber(hint.inflow, o.lang)} a month):\n`
      : nl ? `Kengetallen bij de bovengrens (${num(r.hi)}):\n` : `Key figures at the upper bound (${num(r.hi)}):\n`;
  }
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${name}-solve-${driver}.json`, data: toJsonText(json) },
    { name: `scenario-${name}-solve-${driver}.csv`, data: renderTableCsv(table) },
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  return { ok: true, stdout: `${line}\n\n${tableTitle}${renderTableText(table, o.lang)}`, written };
}

export async function scenarioSensitivity(file: string, o: ScenarioOptions & { readonly percent: string }): Promise<Answer> {
  const issues: Issue[] = [];
  const pct = parseDecOption(o.percent, "--percent", issues, { min: "0" });
  if (pct && pct.greaterThanOrEqualTo(100)) issues.push(error("bad-option.below-100", {}, { subject: "--percent", found: o.percent }));
  const l = await load(file, o.overrides);
  if (!l.ok) issues.push(...l.issues);
  if (issues.length > 0 || !l.ok || !pct) return { ok: false, issues };
  const s = l.scenario;
  const sens = sensitivity(s, pct.div(100));
  const table = sensitivityTable(sens, o.lang);
  const val = (x: Dec | undefined) => (x === undefined ? null : fmtDecimal(x));
  const json = {
    scenario: s.name,
    ...overridesJson(l.applied),
    percent: fmtDecimal(pct),
    rule: "each driver ±percent of itself; a whole-number driver (months to placement) ±1 step",
    base: figuresJson(sens.base),
    drivers: sens.rows.map((r) => ({
      driver: r.driver,
      label: DRIVERS[r.driver].en,
      change: rowChange(r, "en").replace(/\u2212/g, "-"),
      low: { value: val(r.lowValue), endReserve: fmtMoney(r.low.endReserve), fundingNeed: fmtMoney(r.low.fundingNeed), feasible: r.low.feasible },
      high: { value: val(r.highValue), endReserve: fmtMoney(r.high.endReserve), fundingNeed: fmtMoney(r.high.fundingNeed), feasible: r.high.feasible },
      endReserveLowDelta: fmtMoney(r.endReserveLowDelta),
      endReserveHighDelta: fmtMoney(r.endReserveHighDelta),
      fundingNeedLowDelta: fmtMoney(r.fundingNeedLowDelta),
      fundingNeedHighDelta: fmtMoney(r.fundingNeedHighDelta),
    })),
  };
  const run = o.outDir ? await runInfo("sensitivity", s, l.files, l.applied, [["percent", fmtDecimal(pct)]]) : undefined;
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${slug(s.name)}-sensitivity.json`, data: toJsonText(json) },
    { name: `scenario-${slug(s.name)}-sensitivity.csv`, data: renderTableCsv(table) },
    ...(run ? [await scenarioWorkbookFile(s, { lang: o.lang, run, sensitivity: sens })] : []),
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  const nl = o.lang === "nl";
  const head =
    `${nl ? "Gevoeligheid" : "Sensitivity"} ±${numOf(o.lang)(pct)}% (${nl ? "hele getallen: ±1 stap" : "whole numbers: ±1 step"}) — ` +
    `${nl ? "basis eindreserve" : "base end reserve"} ${eurOf(o.lang)(sens.base.endReserve)}, ${nl ? "financieringsbehoefte" : "funding need"} ${eurOf(o.lang)(sens.base.fundingNeed)}`;
  return { ok: true, stdout: `${head}\n\n${renderTableText(table, o.lang)}`, written };
}

export async function scenarioGrid(file: string, o: ScenarioOptions & { readonly x: string; readonly y: string }): Promise<Answer> {
  const issues: Issue[] = [];
  const x = parseRange(o.x, "--x", issues);
  const y = parseRange(o.y, "--y", issues);
  if (x && y && x.driver === y.driver) issues.push(error("bad-option.same-drivers", {}, { subject: "--y", found: o.y }));
  if (x && y && countCells(x, y) > 10_000) issues.push(error("bad-option.cells", {}, { subject: "--x/--y" }));
  const l = await load(file, o.overrides);
  if (!l.ok) issues.push(...l.issues);
  const s = l.ok ? l.scenario : undefined;
  if (s)
    for (const [r, opt] of [[x, "--x"], [y, "--y"]] as const) {
      const why = r ? DRIVERS[r.driver].notSettable?.(s) : undefined;
      if (why) issues.push({ ...error("bad-option", {}, { subject: opt, found: r!.driver }), message: why });
    }
  if (issues.length > 0 || !l.ok || !s || !x || !y) return { ok: false, issues };
  const g = grid(s, x, y);
  const range = (r: Range) => ({ driver: r.driver, from: fmtDecimal(r.from), to: fmtDecimal(r.to), step: fmtDecimal(r.step) });
  const json = {
    scenario: s.name,
    ...overridesJson(l.applied),
    openingReserve: fmtMoney(s.openingReserve),
    x: range(x),
    y: range(y),
    cells: g.ys.flatMap((vy, iy) =>
      g.xs.map((vx, ix) => {
        const c = g.cells[iy]![ix]!;
        return { x: fmtDecimal(vx), y: fmtDecimal(vy), endReserve: fmtMoney(c.endReserve), lowestReserve: fmtMoney(c.lowestReserve), fundingNeed: fmtMoney(c.fundingNeed), feasible: c.feasible, breakEvenMonth: c.breakEvenMonth ?? null };
      }),
    ),
  };
  const rangeText = (r: Range) => `${r.driver}=${fmtDecimal(r.from)}:${fmtDecimal(r.to)}:${fmtDecimal(r.step)}`;
  const run = o.outDir ? await runInfo("grid", s, l.files, l.applied, [["x", rangeText(x)], ["y", rangeText(y)]]) : undefined;
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${slug(s.name)}-grid.json`, data: toJsonText(json) },
    { name: `scenario-${slug(s.name)}-grid.csv`, data: renderTableCsv(gridLongTable(g, o.lang)) },
    ...(run ? [await scenarioWorkbookFile(s, { lang: o.lang, run, grid: g })] : []),
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  const nl = o.lang === "nl";
  const head = nl
    ? `Eindreserve per combinatie (* = reserve gaat onder nul; beginreserve ${eurOf(o.lang)(s.openingReserve)})`
    : `End reserve per combination (* = reserve goes below zero; opening reserve ${eurOf(o.lang)(s.openingReserve)})`;
  return { ok: true, stdout: `${head}\n\n${renderTableText(gridTable(g, o.lang), o.lang)}`, written };
}

export async function scenarioCompare(files: readonly string[], o: ScenarioOptions): Promise<Answer> {
  const issues: Issue[] = [];
  const items: { name: string; file: string; figures: ReturnType<typeof keyFigures> }[] = [];
  let applied: Readonly<Record<string, string>> = {};
  for (const f of files) {
    const l = await load(f, o.overrides);
    if (!l.ok) issues.push(...l.issues);
    else {
      applied = l.applied;
      items.push({ name: l.scenario.name, file: f, figures: keyFigures(project(l.scenario, { detail: false })) });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const table = compareTable(items, o.lang);
  const json = { ...overridesJson(applied), scenarios: items.map((i) => ({ name: i.name, file: i.file, keyFigures: figuresJson(i.figures) })) };
  const written = await writeOutputs(o.outDir, [
    { name: "scenario-compare.json", data: toJsonText(json) },
    { name: "scenario-compare.csv", data: renderTableCsv(table) },
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  return { ok: true, stdout: renderTableText(table, o.lang), written };
}
