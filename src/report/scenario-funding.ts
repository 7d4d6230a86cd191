// The funding mix of a scenario run as data: a JSON block, text/CSV tables of
// who pays what per month, totals per funder, leverage, terugval and marginal.
import { fmtDecimal, fmtMoney, type Dec } from "../domain/money.js";
import type { FundingFigures, LineStop } from "../domain/scenario/funding-figures.js";
import type { Projection } from "../domain/scenario/project.js";
import type { SolveResult } from "../domain/scenario/solve.js";
import type { Scenario } from "../domain/scenario/types.js";
import type { TextTable } from "./scenario-tables.js";
import type { Lang } from "./scenario-labels.js";

const m = fmtMoney;

export const FUNDING_RULE =
  "funders pay in the order listed, each its rate of every eligible cost line (rounded to cents per line) or its fixed monthly amount spread over them, up to its caps; the project pays the rest from its revenue, then its reserve; what neither covers is the gap";
export const COSTPRICE_RULE = "the cost-price file's own subsidies on each partner's staff cost pay their part of the staff line before any funder";
export const LEVERAGE_RULE = "total activity financed (all cost lines) / own contribution (funders marked own)";

/** The project's own column name. */
export const projectLabel = (lang: Lang): string => (lang === "nl" ? "project (omzet + reserve)" : "project (revenue + reserve)");
const gapLabel = (lang: Lang): string => (lang === "nl" ? "waarvan tekort" : "of which gap");

const solved = (r: SolveResult): string | null => (r.status === "found" ? fmtDecimal(r.value) : null);

function stopJson(s: Scenario, x: LineStop, labels: readonly string[]) {
  return {
    funder: x.funder,
    lastMonth: x.lastMonth,
    lastPeriod: labels[x.lastMonth - 1]!,
    reason: x.reason,
    lastPayment: m(x.lastPayment),
    resultBefore: m(x.resultBefore),
    resultAfter: m(x.resultAfter),
    leastInflow: solved(x.leastInflow),
    leastInflowIfContinued: solved(x.leastInflowIfContinued),
    extraInflow: x.extraInflow !== undefined ? fmtDecimal(x.extraInflow) : null,
    rule: "least constant inflow (whole candidates a month) keeping the reserve ≥ 0, as is and with the line paying to the end; null when not feasible up to 100",
  };
}

export function fundingJson(s: Scenario, p: Projection, f: FundingFigures) {
  const labels = p.rows.map((r) => r.label);
  const funders = s.funding ?? [];
  const cp = s.seStaff.costPrice !== undefined;
  return {
    rule: FUNDING_RULE,
    lines: f.lines.map((l) => ({ name: l.name, kind: l.kind, variable: l.variable })),
    funders: f.funders.map((x) => ({ name: x.name, own: x.own, total: m(x.total) })),
    totalCosts: m(f.totalCosts),
    ...(cp ? { costPriceSubsidy: m(f.costPriceSubsidy), costPriceSubsidyRule: COSTPRICE_RULE } : {}),
    projectTotal: m(f.projectTotal),
    gapTotal: m(f.gapTotal),
    ownContribution: m(f.ownContribution),
    leverage: f.leverage !== undefined ? f.leverage.toFixed(2) : null,
    leverageRule: LEVERAGE_RULE,
    stops: f.stops.map((x) => stopJson(s, x, labels)),
    marginal: {
      extraCandidates: fmtDecimal(f.marginal.extraCandidates),
      extraRevenue: m(f.marginal.extraRevenue),
      extraVariableCost: m(f.marginal.extraVariableCost),
      extraFunding: m(f.marginal.extraFunding),
      extraResult: m(f.marginal.extraResult),
      revenuePerCandidate: m(f.marginal.revenuePerCandidate),
      variableCostPerCandidate: m(f.marginal.variableCostPerCandidate),
      fundingPerCandidate: m(f.marginal.fundingPerCandidate),
      resultPerCandidate: m(f.marginal.resultPerCandidate),
      variableLines: f.marginal.variableLines.map((v) => ({ name: v.name, per: v.per, amount: m(v.amount) })),
      rule: "one extra candidate every month against the scenario as it stands: Δ totals over the projection and Δ / extra candidates",
    },
    monthly: p.rows.map((r) => {
      const fm = r.funding!;
      return {
        month: r.month,
        period: r.label,
        costs: m(r.costs),
        ...(cp ? { costPriceSubsidy: m(r.costPriceSubsidy) } : {}),
        funders: Object.fromEntries(funders.map((x, i) => [x.name, m(r.funderPayments[i]!)])),
        project: m(fm.projectTotal),
        covered: m(fm.covered),
        gap: m(fm.gap),
        byLine: Object.fromEntries(
          f.lines.map((l, li) => [
            l.name,
            { amount: m(fm.lines[li]!), ...(cp ? { costPriceSubsidy: m(fm.prePaid[li]!) } : {}), ...Object.fromEntries(funders.map((x, i) => [x.name, m(fm.byFunder[i]![li]!)])), project: m(fm.project[li]!) },
          ]),
        ),
      };
    }),
  };
}

/** The cost-price subsidies' column name. */
export const costPriceLabel = (lang: Lang): string => (lang === "nl" ? "subsidies kostprijs" : "cost-price subsidies");

/** Per month: costs, the cost-price file's subsidies, each funder, the project's part and its gap. */
export function fundingMonthTable(s: Scenario, p: Projection, lang: Lang): TextTable {
  const nl = lang === "nl";
  const funders = s.funding ?? [];
  const cp = s.seStaff.costPrice !== undefined;
  return {
    header: [nl ? "maand" : "month", nl ? "periode" : "period", nl ? "kosten" : "costs", ...(cp ? [costPriceLabel(lang)] : []), ...funders.map((x) => x.name), projectLabel(lang), gapLabel(lang)],
    rows: p.rows.map((r) => [
      String(r.month), r.label, m(r.costs), ...(cp ? [m(r.costPriceSubsidy)] : []), ...funders.map((_, i) => m(r.funderPayments[i]!)), m(r.funding!.projectTotal), m(r.funding!.gap),
    ]),
  };
}

const pct = (x: Dec, total: Dec): string => (total.isZero() ? "" : `${x.div(total).times(100).toFixed(1)}%`);

/** Totals per payer over the projection, with their share of all costs. */
export function fundingTotalsTable(f: FundingFigures, lang: Lang): TextTable {
  const nl = lang === "nl";
  return {
    header: [nl ? "financier" : "funder", nl ? "eigen inbreng" : "own", nl ? "totaal" : "total", nl ? "aandeel kosten" : "share of costs"],
    rows: [
      ...(f.costPriceSubsidy.isZero() ? [] : [[costPriceLabel(lang), "", m(f.costPriceSubsidy), pct(f.costPriceSubsidy, f.totalCosts)]]),
      ...f.funders.map((x) => [x.name, x.own ? (nl ? "ja" : "yes") : "", m(x.total), pct(x.total, f.totalCosts)]),
      [projectLabel(lang), "", m(f.projectTotal), pct(f.projectTotal, f.totalCosts)],
      [gapLabel(lang), "", m(f.gapTotal), pct(f.gapTotal, f.totalCosts)],
      [nl ? "totale kosten" : "total costs", "", m(f.totalCosts), "100.0%"],
    ],
  };
}

/** Leverage, terugval per stopping line and the marginal figure as label/value lines. */
export function fundingFiguresTable(s: Scenario, p: Projection, f: FundingFigures, lang: Lang): TextTable {
  const nl = lang === "nl";
  const none = nl ? "niet haalbaar tot 100/maand" : "not feasible up to 100/month";
  const rows: [string, string][] = [
    [nl ? "hefboom per euro eigen inbreng" : "leverage per euro of own contribution", f.leverage !== undefined ? f.leverage.toFixed(2) : nl ? "geen eigen inbreng" : "no own contribution"],
    [nl ? "eigen inbreng" : "own contribution", m(f.ownContribution)],
    [nl ? "financieringstekort (som per maand)" : "funding gap (sum of months)", m(f.gapTotal)],
  ];
  for (const x of f.stops) {
    const when = `${x.lastMonth} (${p.rows[x.lastMonth - 1]!.label})`;
    rows.push(
      [`${nl ? "terugval" : "line stops"}: ${x.funder}`, `${nl ? "laatste maand" : "last month"} ${when}${x.reason === "cap" ? (nl ? ", plafond bereikt" : ", cap reached") : ""}`],
      [`  ${nl ? "resultaat ervoor / erna" : "result before / after"}`, `${m(x.resultBefore)} / ${m(x.resultAfter)}`],
      [`  ${nl ? "minste instroom (zo / lijn loopt door)" : "least inflow (as is / line continues)"}`, `${solved(x.leastInflow) ?? none} / ${solved(x.leastInflowIfContinued) ?? none}`],
      [`  ${nl ? "extra instroom nodig" : "extra inflow needed"}`, x.extraInflow !== undefined ? `${fmtDecimal(x.extraInflow)} ${nl ? "kandidaten/maand" : "candidates/month"}` : "-"],
    );
  }
  const mg = f.marginal;
  rows.push(
    [nl ? "marginaal: +1 kandidaat per maand" : "marginal: +1 candidate a month", `${fmtDecimal(mg.extraCandidates)} ${nl ? "extra kandidaten" : "extra candidates"}`],
    [`  ${nl ? "omzet per kandidaat" : "revenue per candidate"}`, m(mg.revenuePerCandidate)],
    [`  ${nl ? "variabele kost per kandidaat" : "variable cost per candidate"}`, m(mg.variableCostPerCandidate)],
    [`  ${nl ? "financiering per kandidaat" : "funding per candidate"}`, m(mg.fundingPerCandidate)],
    [`  ${nl ? "resultaat per kandidaat" : "result per candidate"}`, m(mg.resultPerCandidate)],
  );
  return { header: [nl ? "kengetal financiering" : "funding figure", nl ? "waarde" : "value"], rows };
}
