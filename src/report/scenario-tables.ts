// Scenario results as tables of text (header + rows): one model for CSV and terminal output.
import { toCsv } from "./csv-text.js";
import { fmtDecimal, fmtMoney, type Dec } from "../domain/money.js";
import { DRIVERS } from "../domain/scenario/drivers.js";
import type { KeyFigures } from "../domain/scenario/figures.js";
import type { Grid } from "../domain/scenario/grid.js";
import type { MonteCarloResult } from "../domain/scenario/montecarlo.js";
import type { Projection } from "../domain/scenario/project.js";
import type { Change, Sensitivity, SensitivityRow } from "../domain/scenario/sensitivity.js";
import type { Scenario } from "../domain/scenario/types.js";
import { qty } from "./scenario-json.js";
import { label, type Lang } from "./scenario-labels.js";
import { localNumber } from "../i18n/numbers.js";

export type TextTable = { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

const m = fmtMoney;

/**
 * A simulation's float as decimal text with `dp` decimals: the value rounded
 * half away from zero at that precision (toFixed of the float gives exact
 * decimal text, never binary noise such as 56.649999999999636); "-0" → "0".
 */
export function fmtFloat(x: number, dp: number): string {
  if (!Number.isFinite(x)) throw new Error(`fmtFloat: ${x} is not a number`);
  const scaled = Math.abs(x) * 10 ** dp;
  // Nudge by a relative epsilon so a float just below a half (2.675 = 2.67499999...) rounds as its decimal text reads.
  const r = Math.round(scaled * (1 + Number.EPSILON * 4));
  const t = (r / 10 ** dp).toFixed(dp);
  return x < 0 && r !== 0 ? `-${t}` : t;
}
const f2 = (x: number): string => fmtFloat(x, 2);

/** Whether the scenario has funders marked own (an own-contributions column). */
export const hasOwn = (s: Scenario): boolean => (s.funding ?? []).some((f) => f.own);

export function projectionTable(s: Scenario, p: Projection, lang: Lang): TextTable {
  const header = [
    label("month", lang), label("label", lang), label("inflow", lang), label("placements", lang), label("activeWorkers", lang), label("hours", lang),
    label("fees", lang), ...s.benefits.map((b) => `${lang === "nl" ? "voordelen" : "benefits"} ${b.type}`), label("benefitFee", lang), label("revenue", lang),
    label("staffCost", lang), label("investments", lang), label("runningCosts", lang),
    ...((s.variableCosts ?? []).length > 0 ? [label("variableCosts", lang)] : []), label("subsidies", lang),
    ...(hasOwn(s) ? [label("ownContributions", lang)] : []), label("result", lang),
    label("cumulativeResult", lang), label("reserve", lang),
  ];
  const rows = p.rows.map((r) => [
    String(r.month), r.label, qty(r.inflow), qty(r.placements), qty(r.activeWorkers), qty(r.hours), m(r.fees), ...r.benefitsByType.map(m), m(r.benefitFee),
    m(r.revenue), m(r.staffCost), m(r.investments), m(r.runningCosts), ...((s.variableCosts ?? []).length > 0 ? [m(r.variableCosts)] : []), m(r.subsidies),
    ...(hasOwn(s) ? [m(r.ownContributions)] : []), m(r.result), m(r.cumulativeResult), m(r.reserve),
  ]);
  return { header, rows };
}

const monthText = (n: number | undefined, lang: Lang): string => (n === undefined ? label("never", lang) : String(n));
const yesNo = (b: boolean, lang: Lang): string => label(b ? "yes" : "no", lang);

export function figuresRows(k: KeyFigures, lang: Lang): [string, string][] {
  return [
    [label("breakEvenMonth", lang), monthText(k.breakEvenMonth, lang)],
    [label("paybackMonth", lang), monthText(k.paybackMonth, lang)],
    [label("lowestReserve", lang), m(k.lowestReserve)],
    [label("lowestReserveMonth", lang), String(k.lowestReserveMonth)],
    [label("fundingNeed", lang), m(k.fundingNeed)],
    [label("endReserve", lang), m(k.endReserve)],
    [label("feasible", lang), yesNo(k.feasible, lang)],
    [label("totalRevenue", lang), m(k.totalRevenue)],
    [label("totalCosts", lang), m(k.totalCosts)],
    [label("totalSubsidies", lang), m(k.totalSubsidies)],
    [label("totalOwnContributions", lang), m(k.totalOwnContributions)],
    [label("totalResult", lang), m(k.totalResult)],
    [label("resultWithoutSubsidies", lang), m(k.resultWithoutSubsidies)],
    [label("resultWithoutSubsidiesAndOwn", lang), m(k.resultWithoutSubsidiesAndOwn)],
    [label("endActiveWorkers", lang), qty(k.endActiveWorkers)],
  ];
}

export function figuresTable(k: KeyFigures, lang: Lang): TextTable {
  return { header: [lang === "nl" ? "kengetal" : "figure", lang === "nl" ? "waarde" : "value"], rows: figuresRows(k, lang) };
}

export function compareTable(items: readonly { name: string; figures: KeyFigures }[], lang: Lang): TextTable {
  const cols = items.map((i) => figuresRows(i.figures, lang));
  return {
    header: [lang === "nl" ? "kengetal" : "figure", ...items.map((i) => i.name)],
    rows: cols[0]!.map((r, j) => [r[0], ...cols.map((c) => c[j]![1])]),
  };
}

export function seTable(p: Projection, lang: Lang): TextTable {
  return {
    header: [label("partner", lang), label("share", lang), label("staffCost", lang), label("staffSubsidy", lang), label("ownOnStaff", lang), label("ownOther", lang), label("balance", lang)],
    rows: (p.sePartners ?? []).map((x) => [x.name, m(x.share), m(x.staffCost), m(x.staffSubsidy), m(x.ownOnStaff), m(x.ownOther), m(x.balance)]),
  };
}

export function necTable(p: Projection, lang: Lang): TextTable {
  return {
    header: [
      label("partner", lang), label("hours", lang), label("margin", lang), label("feesPaid", lang), label("benefitsReceived", lang),
      label("benefitFeePaid", lang), label("benefitsKept", lang), label("cellCost", lang), label("net", lang), label("winWin", lang),
    ],
    rows: (p.necPartners ?? []).map((x) => [
      x.name, qty(x.hours), m(x.margin), m(x.feesPaid), m(x.benefitsReceived), m(x.benefitFeePaid), m(x.benefitsKept), m(x.cellCost), m(x.net),
      yesNo(x.net.greaterThan(0), lang),
    ]),
  };
}

/** "−10%" / "+10%", or "−1 maand" / "+1 month": how far a driver moved, as a director reads it. */
export function changeText(c: Change, lang: Lang, unit?: { readonly nl: string; readonly en: string }): string {
  const minus = "\u2212";
  if (c.kind === "percent") return `${c.by.isNegative() ? minus : "+"}${c.by.abs().toFixed()}%`;
  const plural = Math.abs(c.by) === 1 ? "" : lang === "nl" ? "en" : "s";
  const u = unit ? ` ${unit[lang]}${plural}` : "";
  return `${c.by < 0 ? minus : c.by > 0 ? "+" : "±"}${Math.abs(c.by)}${u}`;
}

/** "−10% / +10%" or "−1 / +1 maand" for a row of the tornado. */
export function rowChange(r: SensitivityRow, lang: Lang): string {
  const unit = DRIVERS[r.driver].unit;
  if (r.lowChange.kind === "step" && r.highChange.kind === "step" && unit) {
    const lo = changeText(r.lowChange, lang);
    const hi = changeText(r.highChange, lang, unit);
    return `${lo} / ${hi}`;
  }
  return `${changeText(r.lowChange, lang, unit)} / ${changeText(r.highChange, lang, unit)}`;
}

const valueText = (x: Dec | undefined): string => (x === undefined ? "" : fmtDecimal(x));

export function sensitivityTable(sens: Sensitivity, lang: Lang): TextTable {
  const nl = lang === "nl";
  return {
    header: [
      label("driver", lang), nl ? "omschrijving" : "description", label("change", lang), `${label("value", lang)} ${label("low", lang)}`, `${label("value", lang)} ${label("high", lang)}`,
      `Δ ${label("endReserve", lang)} ${label("low", lang)}`, `Δ ${label("endReserve", lang)} ${label("high", lang)}`,
      `Δ ${label("fundingNeed", lang)} ${label("low", lang)}`, `Δ ${label("fundingNeed", lang)} ${label("high", lang)}`,
    ],
    rows: sens.rows.map((r) => [
      r.driver, DRIVERS[r.driver][lang], rowChange(r, lang), valueText(r.lowValue), valueText(r.highValue),
      m(r.endReserveLowDelta), m(r.endReserveHighDelta), m(r.fundingNeedLowDelta), m(r.fundingNeedHighDelta),
    ]),
  };
}

/** End reserve per cell, with " *" marking cells where the reserve goes below zero. */
export function gridTable(g: Grid, lang: Lang): TextTable {
  return {
    header: [`${g.y.driver} \\ ${g.x.driver}`, ...g.xs.map(fmtDecimal)],
    rows: g.ys.map((vy, iy) => [fmtDecimal(vy), ...g.cells[iy]!.map((c) => `${m(c.endReserve)}${c.feasible ? "" : " *"}`)]),
  };

}

/** Long form of the grid for CSV: one line per cell. */
export function gridLongTable(g: Grid, lang: Lang): TextTable {
  const rows: string[][] = [];
  g.ys.forEach((vy, iy) =>
    g.xs.forEach((vx, ix) => {
      const c = g.cells[iy]![ix]!;
      rows.push([fmtDecimal(vx), fmtDecimal(vy), m(c.endReserve), m(c.lowestReserve), m(c.fundingNeed), yesNo(c.feasible, lang), monthText(c.breakEvenMonth, lang)]);
    }),
  );
  return {
    header: [g.x.driver, g.y.driver, label("endReserve", lang), label("lowestReserve", lang), label("fundingNeed", lang), label("feasible", lang), label("breakEvenMonth", lang)],
    rows,
  };
}

export function monteCarloTable(s: Scenario, mc: MonteCarloResult, labels: readonly string[], lang: Lang): TextTable {
  return {
    header: [label("month", lang), label("label", lang), `${label("reserve", lang)} P5`, `${label("reserve", lang)} P50`, `${label("reserve", lang)} P95`, `${label("reserve", lang)} ${label("mean", lang)}`],
    rows: Array.from({ length: mc.months }, (_, t) => [String(t + 1), labels[t]!, f2(mc.reserveP5[t]!), f2(mc.reserveP50[t]!), f2(mc.reserveP95[t]!), f2(mc.reserveMean[t]!)]),
  };

}

export function breakEvenTable(mc: MonteCarloResult, lang: Lang): TextTable {
  const rows: string[][] = [];
  mc.breakEvenCounts.forEach((c, t) => {
    if (c > 0) rows.push([String(t + 1), String(c), (c / mc.runs).toFixed(4)]);
  });
  rows.push([label("never", lang), String(mc.neverBreakEven), (mc.neverBreakEven / mc.runs).toFixed(4)]);
  return { header: [label("breakEvenMonth", lang), lang === "nl" ? "aantal runs" : "runs", label("probability", lang)], rows };
}

/** Through csv-text.ts, so formula-like text (a scenario or partner name) is neutralised. */
export const renderTableCsv = (t: TextTable): string => toCsv([t.header, ...t.rows]);

/** Fixed-width text for the terminal: first column left-aligned, the rest right-aligned. */
/**
 * A table for the terminal, numbers in the language's style: decimals and
 * percentages get the language's marks (`226.873,72`, `12,5%` in Dutch);
 * whole numbers (months, counts) and labels stay as they are.
 */
export function renderTableText(table: TextTable, lang: Lang = "en"): string {
  // a number, a percentage, or a grid's number with its " *" (reserve below zero): all in the language's digits
  const cell = (c: string): string => {
    const m = /^(-?\d+\.\d+)(%?)( \*)?$/.exec(c);
    return m ? `${localNumber(m[1]!, lang)}${m[2]}${m[3] ?? ""}` : c;
  };
  const t: TextTable = { header: table.header, rows: table.rows.map((r) => r.map(cell)) };
  const all = [t.header, ...t.rows];
  const widths = t.header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(t.header), widths.map((w) => "-".repeat(w)).join("  "), ...t.rows.map(line)].join("\n") + "\n";
}

export const fmtFloatMoney = f2;
export type { Dec };
