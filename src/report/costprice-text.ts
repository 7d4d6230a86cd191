// The cost-price report as plain text for the terminal: one block per
// partner, numbers in the language's style (`1.234,56` in Dutch).
import type { Dec } from "../domain/money.js";
import { fmtMoney } from "../domain/money.js";
import { localNumber } from "../i18n/numbers.js";
import type { CostPriceReport } from "./costprice-model.js";
import { type Lang, costPriceLabels } from "./costprice-labels.js";

export function costPriceText(r: CostPriceReport, lang: Lang): string {
  const m = (x: Dec | undefined): string => (x === undefined ? "-" : localNumber(fmtMoney(x), lang));
  const pct = (x: Dec | undefined): string => (x === undefined ? "-" : `${localNumber(x.times(100).toFixed(2), lang)}%`);
  const n = (x: Dec, dp?: number): string => localNumber(dp === undefined ? x.toFixed() : x.toFixed(dp), lang);
  const L = costPriceLabels(lang);
  const out: string[] = [`${L.title}${r.project ? ` — ${r.project}` : ""}`, ""];
  const w = Math.max(...Object.values(L.components).map((x) => x.length), L.total.length) + 2;
  const row = (label: string, ...cells: string[]) => `  ${label.padEnd(w)}${cells.map((c) => c.padStart(15)).join("")}`;
  for (const p of r.partners) {
    const a = p.actual;
    out.push(`${a.partner}`);
    out.push(row("", L.gross, L.subsidies, L.net, L.shareNet));
    for (const c of p.rows) out.push(row(L.components[c.key], m(c.gross), m(c.subsidies), m(c.net), pct(c.shareNet)));
    out.push(row(L.total, m(a.gross), m(a.subsidies), m(a.net), ""));
    out.push(`  ${L.productiveHours}: ${n(a.productiveHours, 2)}`);
    out.push(`  ${L.perHour}: ${m(a.perHour?.gross)} ${L.gross.toLowerCase()}, ${m(a.perHour?.net)} ${L.net.toLowerCase()}`);
    if (a.perCandidate) {
      out.push(`  ${L.perCandidate}: ${m(a.perCandidate.gross)} ${L.gross.toLowerCase()}, ${m(a.perCandidate.net)} ${L.net.toLowerCase()}`);
    }
    if (!p.lostSubsidy.isZero() || !a.occupiedFte.equals(a.allottedFte)) {
      out.push(`  ${L.occupancy}: ${n(a.occupiedFte)} / ${n(a.allottedFte)} ${L.fte}; ${L.lostSubsidy}: ${m(p.lostSubsidy)}; ${L.perHourIncrease}: ${m(p.perHourIncrease)}`);
    }
    const be = p.breakEven;
    if (be) {
      out.push(`  ${L.breakEven}: ${L.monthlyCost} ${m(be.monthlyCost)}, ${L.monthlyShare} ${m(be.monthlyShare)}, ${L.coverage} ${pct(be.coverage)}`);
      // below zero: the other revenue alone covers the cost (the figure stays, as in the JSON and the workbook; the words say what it means)
      const fee = `${m(be.fee)}${be.fee?.isNegative() ? ` (${L.coveredByBenefits})` : ""}`;
      const share = `${pct(be.benefitShare)}${be.benefitShare?.isNegative() ? ` (${L.coveredByFees})` : ""}`;
      out.push(`    ${L.breakEvenFee}: ${fee}; ${L.breakEvenShare}: ${share}; ${L.breakEvenInflow}: ${be.inflow ? n(be.inflow, 2) : "-"}`);
    }
    out.push("");
  }
  out.push(L.roundingNote);
  if (r.costprice.revenue) out.push(L.breakEvenNote);
  return `${out.join("\n")}\n`;
}
