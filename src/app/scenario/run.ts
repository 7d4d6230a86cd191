// `scenario run FILE`: the monthly projection and key figures of one scenario.
import { D, fmtDecimal, fmtMoney } from "../../domain/money.js";
import { localEuro, localNumber } from "../../i18n/numbers.js";
import type { KeyFigures } from "../../domain/scenario/figures.js";
import { sensitivity } from "../../domain/scenario/sensitivity.js";
import { keyFigures } from "../../domain/scenario/figures.js";
import { project } from "../../domain/scenario/project.js";
import { fundingFigures } from "../../domain/scenario/funding-figures.js";
import { fundingFiguresTable, fundingJson, fundingMonthTable, fundingTotalsTable } from "../../report/scenario-funding.js";
import { projectionJson, toJsonText } from "../../report/scenario-json.js";
import { figuresTable, necTable, projectionTable, renderTableCsv, renderTableText, seTable } from "../../report/scenario-tables.js";
import { load } from "./load.js";
import { slug, writeOutputs, type Answer, type ScenarioOptions } from "./outputs.js";
import { runInfo, scenarioWorkbookFile } from "./workbook.js";

/** Two sentences a director reads first: when it breaks even and how much funding it needs. */
function headline(k: KeyFigures, labels: readonly string[], nl: boolean): string {
  const eur = (x: Parameters<typeof fmtMoney>[0]): string => localEuro(fmtMoney(x), nl ? "nl" : "en");
  const month = (m: number | undefined) => (m === undefined ? (nl ? "nooit" : "never") : `${nl ? "maand" : "month"} ${m} (${labels[m - 1]})`);
  return nl
    ? `Break-even: ${month(k.breakEvenMonth)}; terugverdiend: ${month(k.paybackMonth)}.\n` +
        `Financieringsbehoefte ${eur(k.fundingNeed)} (laagste reserve in ${month(k.lowestReserveMonth)}); eindreserve ${eur(k.endReserve)}; ` +
        `${k.feasible ? "haalbaar zonder extra financiering" : "niet haalbaar zonder extra financiering"}.`
    : `Break-even: ${month(k.breakEvenMonth)}; paid back: ${month(k.paybackMonth)}.\n` +
        `Funding need ${eur(k.fundingNeed)} (lowest reserve in ${month(k.lowestReserveMonth)}); end reserve ${eur(k.endReserve)}; ` +
        `${k.feasible ? "feasible without extra funding" : "not feasible without extra funding"}.`;
}

export async function scenarioRun(file: string, o: ScenarioOptions): Promise<Answer> {
  const l = await load(file, o.overrides);
  if (!l.ok) return l;
  const s = l.scenario;
  const p = project(s);
  const k = keyFigures(p);
  const ff = s.funding ? fundingFigures(s, p) : undefined;
  const json = { ...projectionJson(s, p, k, l.applied), ...(ff ? { funding: fundingJson(s, p, ff) } : {}) };
  const fundingTables = ff
    ? { month: fundingMonthTable(s, p, o.lang), totals: fundingTotalsTable(ff, o.lang), figures: fundingFiguresTable(s, p, ff, o.lang) }
    : undefined;
  const name = slug(s.name);
  const proj = projectionTable(s, p, o.lang);
  const fig = figuresTable(k, o.lang);
  const se = seTable(p, o.lang);
  const nec = necTable(p, o.lang);
  const written = await writeOutputs(o.outDir, [
    { name: `scenario-${name}-projection.csv`, data: renderTableCsv(proj) },
    { name: `scenario-${name}-figures.csv`, data: renderTableCsv(fig) },
    { name: `scenario-${name}-se-partners.csv`, data: renderTableCsv(se) },
    { name: `scenario-${name}-nec-partners.csv`, data: renderTableCsv(nec) },
    ...(fundingTables
      ? [
          { name: `scenario-${name}-funding.csv`, data: renderTableCsv(fundingTables.month) },
          { name: `scenario-${name}-funding-totals.csv`, data: renderTableCsv(fundingTables.totals) },
          { name: `scenario-${name}-funding-figures.csv`, data: renderTableCsv(fundingTables.figures) },
        ]
      : []),
    { name: `scenario-${name}.json`, data: toJsonText(json) },
    ...(o.outDir
      ? [await scenarioWorkbookFile(s, { lang: o.lang, run: await runInfo("run", s, l.files, l.applied), sensitivity: sensitivity(s, new D("0.1")), ...(ff ? { funding: ff } : {}) })]
      : []),
  ]);
  if (o.json) return { ok: true, stdout: toJsonText(json), written };
  const nl = o.lang === "nl";
  const text = [
    `${nl ? "Scenario" : "Scenario"} ${s.name}: ${s.months} ${nl ? "maanden vanaf" : "months from"} ${s.start}` +
      ` (${nl ? "uren/maand = uren/week × 52/12 =" : "hours/month = hours/week × 52/12 ="} ${localNumber(fmtDecimal(p.hoursPerMonthPerWorker.toDecimalPlaces(2)), o.lang)};` +
      ` ${nl ? "beginreserve" : "opening reserve"} ${localEuro(fmtMoney(s.openingReserve), o.lang)})` +
      (Object.keys(l.applied).length > 0 ? `\n${nl ? "Gewijzigd met --set" : "Changed with --set"}: ${Object.entries(l.applied).map(([k, v]) => `${k}=${v}`).join(", ")}` : ""),
    headline(k, p.rows.map((r) => r.label), nl),
    "",
    renderTableText(proj, o.lang),
    renderTableText(fig, o.lang),
    nl
      ? "SE-partners (omzet gelijk verdeeld; subsidies op personeelskost naar verhouding van de personeelskost; saldo = omzet − personeelskost + subsidie − eigen inbreng overige kosten)"
      : "SE partners (revenue split equally; staff-cost subsidies in proportion to staff cost; balance = revenue − staff cost + subsidy − own contribution to other costs)",
    renderTableText(se, o.lang),
    nl ? "NEC-partners (win-win: marge − uurvergoeding − kost cel + behouden voordelen)" : "NEC partners (win-win: margin − fees − cell cost + benefits kept)",
    renderTableText(nec, o.lang),
    ...(fundingTables
      ? [
          nl
            ? "Financieringsmix (volgorde van het bestand; het project betaalt de rest uit omzet en reserve)"
            : "Funding mix (file order; the project pays the rest from revenue and reserve)",
          renderTableText(fundingTables.month, o.lang),
          renderTableText(fundingTables.totals, o.lang),
          renderTableText(fundingTables.figures, o.lang),
        ]
      : []),
  ].join("\n");
  return { ok: true, stdout: text, written };
}
