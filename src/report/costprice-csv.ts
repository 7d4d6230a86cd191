// The cost build-up as CSV: one row per partner and component, then the
// partner's total, the cost per productive hour and per coached candidate.
// Column names are stable English keys; `label` is in the chosen language.
import { toCsv, type CsvStyle } from "./csv-text.js";
import type { Dec } from "../domain/money.js";
import { fmtMoney } from "../domain/money.js";
import type { CostPriceReport } from "./costprice-model.js";
import { type Lang, costPriceLabels } from "./costprice-labels.js";

const COLUMNS = ["partner", "component", "label", "gross", "subsidies", "net", "share_gross", "share_net", "gross_per_hour", "net_per_hour"];

const m = (x: Dec | undefined): string => (x === undefined ? "" : fmtMoney(x));
const s = (x: Dec | undefined): string => (x === undefined ? "" : x.toFixed(4));

export function costPriceCsv(r: CostPriceReport, lang: Lang, style: CsvStyle = "plain"): string {
  const L = costPriceLabels(lang);
  const rows: string[][] = [COLUMNS];
  for (const p of r.partners) {
    const a = p.actual;
    for (const c of p.rows) {
      rows.push([a.partner, c.key, L.components[c.key], m(c.gross), m(c.subsidies), m(c.net), s(c.shareGross), s(c.shareNet), m(c.grossPerHour), m(c.netPerHour)]);
    }
    rows.push([a.partner, "total", L.total, m(a.gross), m(a.subsidies), m(a.net), a.gross.isZero() ? "" : "1.0000", a.net.isZero() ? "" : "1.0000", m(a.perHour?.gross), m(a.perHour?.net)]);
    if (a.perCandidate) {
      rows.push([a.partner, "per_candidate", L.perCandidate, m(a.perCandidate.gross), "", m(a.perCandidate.net), "", "", "", ""]);
    }
  }
  return toCsv(rows, style, new Set([0, 1, 2]));
}
