// `scenario solve | sensitivity | grid | compare`: goal seek, tornado, two-driver
// grid and side-by-side key figures, each as text or JSON plus CSV/JSON files.
import { error, type Issue } from "../../domain/issues.js";
import { fmtDecimal, fmtMoney } from "../../domain/money.js";
import { DRIVERS } from "../../domain/scenario/drivers.js";
import { keyFigures } from "../../domain/scenario/figures.js";
import type { Scenario } from "../../domain/scenario/types.js";
import { countCells, type Range } from "../../domain/scenario/grid.js";
import { gridOnCores } from "./parallel-grid.js";
import { project } from "../../domain/scenario/project.js";
import { sensitivity } from "../../domain/scenario/sensitivity.js";
import { SOLVE_BOUNDS, solve, type Goal, type SolveFor } from "../../domain/scenario/solve.js";
import { figuresJson, toJsonText } from "../../report/scenario-json.js";
import { compareTable, figuresTable, gridLongTable, gridTable, renderTableCsv, renderTableText, sensitivityTable } from "../../report/scenario-tables.js";
import { load, parseDecOption, parseRange } from "./load.js";
import { scenarioWorkbookFile } from "./workbook.js";
import { slug, writeOutputs, type Answer, type ScenarioOptions } from "./outputs.js";

export type SolveOptions = ScenarioOptions & {
  readonly for: string;
  readonly targetEndReserve?: string;
  readonly min?: string;
  readonly max?: string;
  /** What-if starting capital: replaces the file's opening_reserve. */
  readonly openingReserve?: string;
};

/** Apply --opening-reserve (money, cents) to a loaded scenario. */
function withOpening(s: Scenario, text: string | undefined, issues: Issue[]): Scenario {
  if (text === undefined) return s;
  const d = parseDecOption(text, "--opening-reserve", issues);
  if (d && d.decimalPlaces() > 2) issues.push(error("bad-option", "an amount has at most 2 decimals", { subject: "--opening-reserve", found: text }));
  return d ? { ...s, openingReserve: d } : s;
}

const SOLVABLE: readonly SolveFor[] = ["inflow", "placement_rate", "fee"];

export async function scenarioSolve(file: string, o: SolveOptions): Promise<Answer> {
  const issues: Issue[] = [];
  const driver = o.for.replace(/-/g, "_") as SolveFor;
  if (!SOLVABLE.includes(driver)) issues.push(error("bad-option", "can solve for inflow, placement-rate or fee", { subject: "--for", found: o.for }));
  const target = o.targetEndReserve !== undefined ? parseDecOption(o.targetEndReserve, "--target-end-reserve", issues) : undefined;
  const def = SOLVABLE.includes(driver) ? SOLVE_BOUNDS[driver] : SOLVE_BOUNDS.inflow;
  const lo = o.min !== undefined ? parseDecOption(o.min, "--min", issues, { min: "0" }) : def[0];
  const hi = o.max !== undefined ? parseDecOption(o.max, "--max", issues, { min: "0" }) : def[1];
  const l = await load(file);
  if (!l.ok) issues.push(...l.issues);
  const s = l.ok ? withOpening(l.scenario, o.openingReserve, issues) : undefined;
  if (issues.length > 0 || !s || !lo || !hi) return { ok: false, issues };
  const goal: Goal = target !== undefined ? { kind: "end-reserve", target } : { kind: "never-negative" };
  const r = solve(s, driver, goal, [lo, hi]);
  const goalText = goal.kind === "never-negative" ? "reserve never below zero" : `end reserve at least ${fmtMoney(goal.target.toDecimalPlaces(2))}`;
  const goalNl = goal.kind === "never-negative" ? "de reserve nooit onder nul gaat" : `de eindreserve minstens ${fmtMoney(goal.target.toDecimalPlaces(2))} is`;
  const json = {
    scenario: s.name,
    for: driver,
    goal: goalText,
    bounds: [fmtDecimal(lo), fmtDecimal(hi)],
    status: r.status,
    ...(r.status === "found"
      ? { value: fmtDecimal(r.value), step: fmtDecimal(r.step), keyFigures: figuresJson(r.figures), ...(r.below ? { oneStepBelow: figuresJson(r.below) } : {}) }
      : { atUpperBound: figuresJson(r.atHi) }),
    evaluations: r.evaluations,
  };
  const nl = o.lang === "nl";
  const what = DRIVERS[driver][o.lang];
  const goalShown = nl ? goalNl : goalText;
  const line =
    r.status === "found"
      ? `${nl ? "Kleinste" : "Least"} ${what} ${nl ? "waarvoor" : "for which"} ${goalShown}: ${fmtDecimal(r.value)} (${nl ? "stap" : "step"} ${fmtDecimal(r.step)})`
      : `${nl ? "niet haalbaar binnen" : "not feasible within"} [${fmtDecimal(lo)}, ${fmtDecimal(hi)}] (${what}, ${goalShown})` +
        (goal.kind === "never-negative"
          ? nl
            ? `\nZelfs bij ${fmtDecimal(hi)} zakt de reserve tot ${fmtMoney(r.atHi.lowestReserve)} in maand ${r.atHi.lowestReserveMonth}: die startfase vraagt financiering (probeer --opening-reserve ${fmtMoney(r.atHi.fundingNeed)}).`
            : `\nEven at ${fmtDecimal(hi)} the reserve falls to ${fmtMoney(r.atHi.lowestReserve)} in month ${r.atHi.lowestReserveMonth}: that start phase needs funding (try --opening-reserve ${fmtMoney(r.atHi.fundingNeed)}).`
          : "");
  const table = r.status === "found" ? figuresTable(r.figures, o.lang) : figuresTable(r.atHi, o.lang);
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${slug(s.name)}-solve-${driver}.json`, data: toJsonText(json) },
    { name: `scenario-${slug(s.name)}-solve-${driver}.csv`, data: renderTableCsv(table) },
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  return { ok: true, stdout: `${line}\n\n${renderTableText(table)}`, written };
}

export async function scenarioSensitivity(file: string, o: ScenarioOptions & { readonly percent: string }): Promise<Answer> {
  const issues: Issue[] = [];
  const pct = parseDecOption(o.percent, "--percent", issues, { min: "0" });
  if (pct && pct.greaterThanOrEqualTo(100)) issues.push(error("bad-option", "must be below 100", { subject: "--percent", found: o.percent }));
  const l = await load(file);
  if (!l.ok) issues.push(...l.issues);
  if (issues.length > 0 || !l.ok || !pct) return { ok: false, issues };
  const s = l.scenario;
  const sens = sensitivity(s, pct.div(100));
  const table = sensitivityTable(sens, o.lang);
  const json = {
    scenario: s.name,
    percent: fmtDecimal(pct),
    base: figuresJson(sens.base),
    drivers: sens.rows.map((r) => ({
      driver: r.driver,
      label: DRIVERS[r.driver].en,
      low: { endReserve: fmtMoney(r.low.endReserve), fundingNeed: fmtMoney(r.low.fundingNeed), feasible: r.low.feasible },
      high: { endReserve: fmtMoney(r.high.endReserve), fundingNeed: fmtMoney(r.high.fundingNeed), feasible: r.high.feasible },
      endReserveLowDelta: fmtMoney(r.endReserveLowDelta),
      endReserveHighDelta: fmtMoney(r.endReserveHighDelta),
      fundingNeedLowDelta: fmtMoney(r.fundingNeedLowDelta),
      fundingNeedHighDelta: fmtMoney(r.fundingNeedHighDelta),
    })),
  };
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${slug(s.name)}-sensitivity.json`, data: toJsonText(json) },
    { name: `scenario-${slug(s.name)}-sensitivity.csv`, data: renderTableCsv(table) },
    ...(o.outDir ? [await scenarioWorkbookFile(s, { lang: o.lang, sensitivity: sens })] : []),
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  const nl = o.lang === "nl";
  const head = `${nl ? "Gevoeligheid" : "Sensitivity"} ±${fmtDecimal(pct)}% — ${nl ? "basis eindreserve" : "base end reserve"} ${fmtMoney(sens.base.endReserve)}, ${nl ? "financieringsbehoefte" : "funding need"} ${fmtMoney(sens.base.fundingNeed)}`;
  return { ok: true, stdout: `${head}\n\n${renderTableText(table)}`, written };
}

export async function scenarioGrid(file: string, o: ScenarioOptions & { readonly x: string; readonly y: string; readonly openingReserve?: string }): Promise<Answer> {
  const issues: Issue[] = [];
  const x = parseRange(o.x, "--x", issues);
  const y = parseRange(o.y, "--y", issues);
  if (x && y && x.driver === y.driver) issues.push(error("bad-option", "--x and --y need two different drivers", { subject: "--y", found: o.y }));
  if (x && y && countCells(x, y) > 10_000) issues.push(error("bad-option", "at most 10,000 cells", { subject: "--x/--y" }));
  const l = await load(file);
  if (!l.ok) issues.push(...l.issues);
  const s = l.ok ? withOpening(l.scenario, o.openingReserve, issues) : undefined;
  if (issues.length > 0 || !s || !x || !y) return { ok: false, issues };
  const g = await gridOnCores(s, x, y);
  const range = (r: Range) => ({ driver: r.driver, from: fmtDecimal(r.from), to: fmtDecimal(r.to), step: fmtDecimal(r.step) });
  const json = {
    scenario: s.name,
    x: range(x),
    y: range(y),
    cells: g.ys.flatMap((vy, iy) =>
      g.xs.map((vx, ix) => {
        const c = g.cells[iy]![ix]!;
        return { x: fmtDecimal(vx), y: fmtDecimal(vy), endReserve: fmtMoney(c.endReserve), lowestReserve: fmtMoney(c.lowestReserve), fundingNeed: fmtMoney(c.fundingNeed), feasible: c.feasible, breakEvenMonth: c.breakEvenMonth ?? null };
      }),
    ),
  };
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${slug(s.name)}-grid.json`, data: toJsonText(json) },
    { name: `scenario-${slug(s.name)}-grid.csv`, data: renderTableCsv(gridLongTable(g, o.lang)) },
    ...(o.outDir ? [await scenarioWorkbookFile(s, { lang: o.lang, grid: g })] : []),
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  const nl = o.lang === "nl";
  const head = nl ? "Eindreserve per combinatie (* = reserve gaat onder nul)" : "End reserve per combination (* = reserve goes below zero)";
  return { ok: true, stdout: `${head}\n\n${renderTableText(gridTable(g, o.lang))}`, written };
}

export async function scenarioCompare(files: readonly string[], o: ScenarioOptions): Promise<Answer> {
  const issues: Issue[] = [];
  const items: { name: string; file: string; figures: ReturnType<typeof keyFigures> }[] = [];
  for (const f of files) {
    const l = await load(f);
    if (!l.ok) issues.push(...l.issues);
    else items.push({ name: l.scenario.name, file: f, figures: keyFigures(project(l.scenario, { detail: false })) });
  }
  if (issues.length > 0) return { ok: false, issues };
  const table = compareTable(items, o.lang);
  const json = { scenarios: items.map((i) => ({ name: i.name, file: i.file, keyFigures: figuresJson(i.figures) })) };
  const written = await writeOutputs(o.outDir, [
    { name: "scenario-compare.json", data: toJsonText(json) },
    { name: "scenario-compare.csv", data: renderTableCsv(table) },
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  return { ok: true, stdout: renderTableText(table), written };
}

