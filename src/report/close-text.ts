// The close as text for a person at a terminal: invoices, settlement, reserve,
// row accounting, checks and warnings, in the statement's language, with
// amounts in that language's style (`€ 1.234,56`, `€1,234.56`; columns
// without the € sign). CSV and JSON keep the machine form.
import { ROW_STATUSES, type RowStatus } from "../domain/classify.js";
import type { Lang } from "../i18n/lang.js";
import { localEuro, localNumber } from "../i18n/numbers.js";
import { formatIssue, render } from "../i18n/render.js";
import type { CloseReport } from "./close-report.js";
import { money, qty } from "./format.js";
import { correctionEntries } from "./close-corrections.js";
import { CLOSE_WORDS } from "./close-labels.js";
import { fmtMoney, type Dec } from "../domain/money.js";

const L = {
  nl: {
    title: "Afsluiting", policy: "Beleid", invoices: "Facturen", credit: "creditnota", hours: "uren", benefits: "voordelen",
    subtotal: "subtotaal", vat: "btw", total: "totaal", revenue: "Omzet", settlement: "Afrekening per SE-partner",
    share: "aandeel", cost: "personeelskost", covered: "gedekt", retained: "ingehouden", distributed: "uitgekeerd",
    fromReserve: "uit reserve", uncovered: "niet gedekt", reserve: "Reserve", opening: "begin", otherCosts: "andere kosten",
    closing: "eind", rows: "Rijen", checks: "Controles", allOk: "alle controles OK", notOk: "NIET OK", warnings: "Waarschuwingen",
    policyLine: (profit: string, shortfall: string) =>
      `winst ${profit === "retain" ? "ingehouden in de reserve" : "uitgekeerd"} (${profit}), tekort ${shortfall === "partner" ? "gedragen door de partner" : "eerst uit de reserve"} (${shortfall})`,
    moreCorrections: (n: number) => `nog ${n} (zie het blad Correcties)`,
    withCorrections: "deze periode + correcties van afgesloten periodes",
    ledgerRecord: "grootboekrecord",
    outside: "Buiten de map van de config",
    kinds: { hours: "uren", benefits: "voordelen" },
    statuses: { included: "opgenomen", adjustment: "correctie", deferred: "uitgesteld", before_start: "vóór de start", already_closed: "al afgesloten", duplicate: "dubbel" } satisfies Record<RowStatus, string>,
  },
  en: {
    title: "Close", policy: "Policy", invoices: "Invoices", credit: "credit note", hours: "hours", benefits: "benefits",
    subtotal: "subtotal", vat: "VAT", total: "total", revenue: "Revenue", settlement: "Settlement per SE partner",
    share: "share", cost: "staff cost", covered: "covered", retained: "retained", distributed: "distributed",
    fromReserve: "from reserve", uncovered: "uncovered", reserve: "Reserve", opening: "opening", otherCosts: "other costs",
    closing: "closing", rows: "Rows", checks: "Checks", allOk: "all checks OK", notOk: "NOT OK", warnings: "Warnings",
    policyLine: (profit: string, shortfall: string) =>
      `profit ${profit === "retain" ? "retained in the reserve" : "paid out"} (${profit}), shortfall ${shortfall === "partner" ? "borne by the partner" : "paid from the reserve first"} (${shortfall})`,
    moreCorrections: (n: number) => `${n} more (see the Corrections sheet)`,
    withCorrections: "this period + corrections of closed periods",
    ledgerRecord: "ledger record",
    outside: "Outside the config's folder",
    kinds: { hours: "hours", benefits: "benefits" },
    statuses: { included: "included", adjustment: "adjustment", deferred: "deferred", before_start: "before start", already_closed: "already closed", duplicate: "duplicate" } satisfies Record<RowStatus, string>,
  },
} as const;

const pad = (s: string, n: number): string => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** The documents of the close, one per line (or the sentence that none were made). */
function documentLines(report: CloseReport): string[] {
  const w = CLOSE_WORDS[report.language];
  const d = report.documents;
  if (!d) return [];
  if (!d.made) return [w.noDocuments];
  const out = [`${w.documents} (${w.documentsWhere(d.invoiceDate, d.journal)}):`];
  if (d.docs.length === 0) out.push("  —");
  for (const x of d.docs) {
    const note = x.reverses !== undefined ? `${w.reverses} ${x.reverses}` : x.reversedBy !== undefined ? `${w.reversedBy} ${x.reversedBy}` : "";
    out.push(
      `  ${pad(x.number, 14)} ${pad(w.documentKinds[x.kind], 11)} ${pad(x.necPartner, 20)} ${x.issueDate}  ${w.due} ${x.dueDate}  ${x.reference}  ${lpad(localNumber(money(x.payable), report.language), 11)}  ${w.documentStatus[x.status]}${note ? ` (${note})` : ""}`.trimEnd(),
    );
  }
  return out;
}

export function renderCloseText(report: CloseReport): string {
  const lang: Lang = report.language;
  const t = L[lang];
  /** An amount in a column (no €), a quantity, and an amount in a sentence. */
  const m = (x: Dec): string => localNumber(money(x), lang);
  const q = (x: Dec): string => localNumber(qty(x), lang);
  const eur = (x: Dec): string => localEuro(money(x), lang);
  const price = (x: Dec): string => localNumber(x.toFixed(Math.max(2, x.decimalPlaces())), lang);
  const r = report.result;
  const out: string[] = [];
  out.push(`${r.config.project} — ${t.title} ${r.period.label} (${r.period.from} .. ${r.period.to})`);
  out.push(`${t.policy}: ${t.policyLine(r.config.profit, r.config.shortfall)}`);
  out.push("", `${t.invoices}:`);
  for (const i of r.invoices) {
    out.push(
      `  ${pad(i.necPartner, 20)} ${lpad(q(i.hours), 10)} ${t.hours} ${lpad(m(i.hourFee), 11)}  ${t.benefits} ${lpad(m(i.benefitFee), 11)}  ${t.subtotal} ${lpad(m(i.subtotal), 11)}  ${t.vat} ${lpad(m(i.vat), 10)}  ${t.total} ${lpad(m(i.total), 11)}${i.creditNote ? ` (${t.credit})` : ""}`,
    );
  }
  out.push(`  ${t.revenue}: ${eur(r.revenue)}`);
  const w = CLOSE_WORDS[lang];
  out.push("", ...documentLines(report));
  const corrLines = r.invoices.flatMap((i) => i.lines.flatMap((l) => (l.kind === "correction" ? [{ nec: i.necPartner, l }] : [])));
  if (corrLines.length > 0) {
    out.push("", `${w.correctionsTitle}:`);
    for (const { nec, l } of corrLines) {
      const what = l.of === "hours" ? `${q(l.quantity)} ${t.hours} × ${price(l.price)}` : `${t.benefits} ${l.types.join("+")} ${m(l.quantity)} × ${price(l.price)}`;
      out.push(`  ${pad(nec, 20)} ${pad(l.period, 10)} ${pad(what, 34)} ${lpad(m(l.amount), 11)}  (${w.rowsAddedReversed(l.added, l.reversed)})`);
    }
  }
  const entries = correctionEntries(r);
  const shown = 20;
  if (entries.length > 0) {
    if (corrLines.length === 0) out.push("", `${w.correctionsTitle}:`);
    for (const e of entries.slice(0, shown)) {
      const amount = e.kind === "hours" ? `${q(e.quantity)} ${t.hours}` : localNumber(fmtMoney(e.quantity.toDecimalPlaces(2)), lang);
      const from = e.action === "reverse" ? (e.billedIn ? ` (${w.billedIn.toLowerCase()} ${e.billedIn})` : ` (${w.fromLedger})`) : "";
      const where = e.source ? ` ${e.action === "reverse" ? "→ " : ""}${e.source.file}:${e.source.line ?? ""}` : "";
      out.push(`    ${e.period} ${w.actions[e.action]} ${w.kinds[e.kind]} ${[e.partner, e.date, e.what, e.type].filter((x) => x).join(" ")} ${amount}${from}${where}`);
    }
    if (entries.length > shown) out.push(`    … ${t.moreCorrections(entries.length - shown)}`);
  }
  out.push("", `${t.settlement}${r.settlement.corrections.length > 0 ? ` (${t.withCorrections})` : ""}:`);
  out.push(`  ${pad("", 20)} ${lpad(t.share, 11)} ${lpad(t.cost, 14)} ${lpad(t.covered, 11)} ${lpad(r.config.profit === "retain" ? t.retained : t.distributed, 11)} ${lpad(t.fromReserve, 11)} ${lpad(t.uncovered, 11)}`);
  for (const p of r.settlement.partners) {
    out.push(
      `  ${pad(p.sePartner, 20)} ${lpad(m(p.share), 11)} ${lpad(m(p.staffCost), 14)} ${lpad(m(p.covered), 11)} ${lpad(m(p.retained.plus(p.distributed)), 11)} ${lpad(m(p.reservePayment), 11)} ${lpad(m(p.uncovered), 11)}`,
    );
  }
  const res = r.settlement.reserve;
  out.push("", `${t.reserve}: ${t.opening} ${eur(res.opening)} + ${t.retained} ${eur(res.retained)} − ${t.otherCosts} ${eur(res.otherCosts)}${res.reservePayments.isZero() ? "" : ` − ${t.fromReserve} ${eur(res.reservePayments)}`} = ${t.closing} ${eur(res.closing)}`);
  if (r.settlement.corrections.length > 0) {
    out.push(`  ${w.settlementCorrections}:`);
    for (const c of r.settlement.corrections) {
      out.push(`    ${pad(c.period, 10)} ${pad(c.sePartner, 20)} ${t.share} ${lpad(m(c.share), 10)}  ${t.cost} ${lpad(m(c.staffCost), 10)}  ${t.covered} ${lpad(m(c.covered), 10)}  ${r.config.profit === "retain" ? t.retained : t.distributed} ${lpad(m(c.retained.plus(c.distributed)), 10)}  ${t.uncovered} ${lpad(m(c.uncovered), 10)}`);
    }
  }
  out.push("", `${t.rows}:`);
  for (const kind of ["hours", "benefits"] as const) {
    out.push(`  ${pad(t.kinds[kind], 10)} ${ROW_STATUSES.map((s) => `${t.statuses[s]} ${r.rows[kind][s]}`).join(", ")}`);
  }
  if (report.ledgerRecordHash) out.push(`  ${t.ledgerRecord} ${report.ledgerRecordHash}`);
  if (report.outsideConfigFolder && report.outsideConfigFolder.length > 0) {
    out.push("", `${t.outside}: ${report.outsideConfigFolder.join(", ")}`);
  }
  const failed = r.checks.filter((c) => !c.ok);
  out.push("", `${t.checks}: ${failed.length === 0 ? t.allOk : failed.map((c) => `${c.name} ${t.notOk}`).join("; ")}`);
  for (const c of failed) out.push(`  ${c.name}: ${render(c.detail, lang)}`);
  if (report.warnings.length > 0) {
    out.push("", `${t.warnings} (${report.warnings.length}):`);
    for (const i of report.warnings) out.push(`  ${formatIssue({ ...i, severity: "error" }, lang).replace(/\n/g, "\n  ")}`);
  }
  return `${out.join("\n")}\n`;
}
