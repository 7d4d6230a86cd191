// The targets of issue 15 in one table: each figure beside its baseline from
// the same run, the ratio, and whether it is met (the machine is shared:
// read the ratios; seconds move with the load).
import { fmt, table } from "./measure.mjs";

export function targets(f) {
  const rows = [["target", "figure", "baseline (same run)", "ratio", "goal", "met"]];
  const add = (what, figure, baseline, ratio, goal, met) => rows.push([what, figure, baseline, ratio === undefined ? "" : fmt(ratio), goal, met === undefined ? "" : met ? "yes" : "NO"]);
  for (const [k, label] of [["plain", "plain"], ["belgian", "Belgian"], ["quoted", "Belgian, every cell quoted"]]) {
    const x = f[k];
    if (!x) continue;
    const r = x.ratio ?? x.close.wall / x.split.wall;
    // quoted exports are not among the targets: shown, for what a payroll tool that quotes every cell costs
    add(`close JSON, ${label}: wall`, `${fmt(x.close.wall)} s`, `node-split ${fmt(x.split.wall)} s`, r, k === "quoted" ? "(shown)" : "≤ 2.00", k === "quoted" ? undefined : r <= 2);
    // the "done" check: a year of Belgian-style rows within 2.5× the split-and-sum
    if (k === "belgian") add(`close JSON, ${label}: wall (issue's done check)`, `${fmt(x.close.wall)} s`, `node-split ${fmt(x.split.wall)} s`, r, "≤ 2.50", r <= 2.5);
    add(`close JSON, ${label}: peak RSS`, `${fmt(x.close.rssMb, 0)} MB`, "", undefined, "≤ 300 MB", x.close.rssMb <= 300);
    if (x.oneThread) add(`close JSON, ${label}, one thread: peak RSS`, `${fmt(x.oneThread.rssMb, 0)} MB`, `two threads ${fmt(x.close.rssMb, 0)} MB`, x.oneThread.rssMb / x.close.rssMb, "≤ 300 MB", x.oneThread.rssMb <= 300);
    add(`close JSON, ${label}: fees to the cent`, x.agrees ? "agree" : "DIFFER", "exact baseline", undefined, "agree", x.agrees);
  }
  if (f.five && f.plain) {
    const g = f.five.close.rssMb / f.plain.close.rssMb;
    add("close JSON, 5M rows: peak RSS", `${fmt(f.five.close.rssMb, 0)} MB`, `1M: ${fmt(f.plain.close.rssMb, 0)} MB`, g, "≤ 300 MB, ≤ 1.10", f.five.close.rssMb <= 300 && g <= 1.1);
    const r = f.five.close.wall / f.five.split.wall;
    add("close JSON, 5M rows: wall", `${fmt(f.five.close.wall)} s`, `node-split ${fmt(f.five.split.wall)} s`, r, "(shown)", undefined);
  }
  for (const x of f.xlsx ?? []) {
    const r = x.ours.write / x.base.write;
    add(`close with workbook, ${x.billed.toLocaleString("en")} Detail rows: write`, `${fmt(x.ours.write)} s`, `exceljs alone ${fmt(x.base.write)} s`, r, "≤ 1.20", r <= 1.2);
    if (x.n >= 1_000_000) add(`close with workbook, ${x.billed.toLocaleString("en")} Detail rows: peak RSS`, `${fmt(x.ours.rssMb, 0)} MB`, `exceljs alone ${fmt(x.base.rssMb, 0)} MB (close JSON only ${fmt(x.jsonOnly?.rssMb, 0)} MB)`, x.ours.rssMb / x.base.rssMb, "≤ 500 MB", x.ours.rssMb <= 500);
  }
  if (f.ledger) add("ledger bytes per billed row", `${fmt(f.ledger.columns, 1)} B`, `bare id list ${fmt(f.ledger.ids, 1)} B`, f.ledger.columns / f.ledger.ids, "≤ 37 B (issue 5 record)", f.ledger.columns <= 37);
  for (const [k, label] of [["plain", "plain"], ["belgian", "Belgian"]]) {
    if (f[k]) add(`ledger bytes per billed row in the close's record, ${label}`, `${fmt(f[k].ledgerBytes / f[k].billed, 1)} B`, "", undefined, "(shown)", undefined);
  }
  if (f.grid) add("grid 50 × 50, exact", `${fmt(f.grid.ours, 0)} ms`, `float floor ${fmt(f.grid.floor, 0)} ms`, f.grid.ours / f.grid.floor, "≤ 1000 ms, identical", f.grid.ours <= 1000 && f.grid.identical);
  if (f.startup) {
    add("start-up: menerva --help", `${fmt(f.startup.help, 0)} ms`, `node -e 0 ${fmt(f.startup.node, 0)} ms`, f.startup.help / f.startup.node, "≤ 250 ms", f.startup.help <= 250);
    add("start-up: menerva validate (example)", `${fmt(f.startup.validate, 0)} ms`, `node -e 0 ${fmt(f.startup.node, 0)} ms`, f.startup.validate / f.startup.node, "≤ 250 ms", f.startup.validate <= 250);
  }
  table("issue 15 targets (figures of this run; ratios against baselines of this run)", rows);
}
