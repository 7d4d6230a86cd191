// The close as text for a person at a terminal: invoices, settlement, reserve,
// row accounting, checks and warnings, in the statement's language.
// Amounts use a fixed "1234.56" form so the output does not depend on locale.
import { ROW_STATUSES } from "../domain/classify.js";
import { formatIssue } from "../domain/issues.js";
import type { CloseReport } from "./close-report.js";
import { money, qty } from "./format.js";
import { correctionEntries } from "./close-corrections.js";
import { CLOSE_WORDS } from "./close-labels.js";
import { fmtMoney } from "../domain/money.js";

const L = {
  nl: {
    title: "Afsluiting", policy: "Beleid", invoices: "Facturen", credit: "creditnota", hours: "uren", benefits: "voordelen",
    subtotal: "subtotaal", vat: "btw", total: "totaal", revenue: "Omzet", settlement: "Afrekening per SE-partner",
    share: "aandeel", cost: "personeelskost", covered: "gedekt", retained: "ingehouden", distributed: "uitgekeerd",
    fromReserve: "uit reserve", uncovered: "niet gedekt", reserve: "Reserve", opening: "begin", otherCosts: "andere kosten",
    closing: "eind", rows: "Rijen", checks: "Controles", allOk: "alle controles OK", notOk: "NIET OK", warnings: "Waarschuwingen",
  },
  en: {
    title: "Close", policy: "Policy", invoices: "Invoices", credit: "credit note", hours: "hours", benefits: "benefits",
    subtotal: "subtotal", vat: "VAT", total: "total", revenue: "Revenue", settlement: "Settlement per SE partner",
    share: "share", cost: "staff cost", covered: "covered", retained: "retained", distributed: "distributed",
    fromReserve: "from reserve", uncovered: "uncovered", reserve: "Reserve", opening: "opening", otherCosts: "other costs",
    closing: "closing", rows: "Rows", checks: "Checks", allOk: "all checks OK", notOk: "NOT OK", warnings: "Warnings",
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
      `  ${pad(x.number, 14)} ${pad(w.documentKinds[x.kind], 11)} ${pad(x.necPartner, 20)} ${x.issueDate}  ${w.due} ${x.dueDate}  ${x.reference}  ${lpad(money(x.payable), 11)}  ${w.documentStatus[x.status]}${note ? ` (${note})` : ""}`.trimEnd(),
    );
  }
  return out;
}

export function renderCloseText(report: CloseReport): string {
  const t = L[report.language];
  const r = report.result;
  const out: string[] = [];
  out.push(`${r.config.project} — ${t.title} ${r.period.label} (${r.period.from} .. ${r.period.to})`);
  out.push(
    report.language === "nl"
      ? `${t.policy}: winst ${r.config.profit === "retain" ? "ingehouden in de reserve" : "uitgekeerd"} (${r.config.profit}), tekort ${r.config.shortfall === "partner" ? "gedragen door de partner" : "eerst uit de reserve"} (${r.config.shortfall})`
      : `${t.policy}: profit ${r.config.profit === "retain" ? "retained in the reserve" : "paid out"} (${r.config.profit}), shortfall ${r.config.shortfall === "partner" ? "borne by the partner" : "paid from the reserve first"} (${r.config.shortfall})`,
  );
  out.push("", `${t.invoices}:`);
  for (const i of r.invoices) {
    out.push(
      `  ${pad(i.necPartner, 20)} ${lpad(qty(i.hours), 10)} ${t.hours} ${lpad(money(i.hourFee), 11)}  ${t.benefits} ${lpad(money(i.benefitFee), 11)}  ${t.subtotal} ${lpad(money(i.subtotal), 11)}  ${t.vat} ${lpad(money(i.vat), 10)}  ${t.total} ${lpad(money(i.total), 11)}${i.creditNote ? ` (${t.credit})` : ""}`,
    );
  }
  out.push(`  ${t.revenue}: ${money(r.revenue)}`);
  const w = CLOSE_WORDS[report.language];
  out.push("", ...documentLines(report));
  const corrLines = r.invoices.flatMap((i) => i.lines.flatMap((l) => (l.kind === "correction" ? [{ nec: i.necPartner, l }] : [])));
  if (corrLines.length > 0) {
    out.push("", `${w.correctionsTitle}:`);
    for (const { nec, l } of corrLines) {
      const what = l.of === "hours" ? `${qty(l.quantity)} ${t.hours} × ${l.price.toFixed(Math.max(2, l.price.decimalPlaces()))}` : `${t.benefits} ${l.types.join("+")} ${money(l.quantity)} × ${l.price.toFixed(Math.max(2, l.price.decimalPlaces()))}`;
      out.push(`  ${pad(nec, 20)} ${pad(l.period, 10)} ${pad(what, 34)} ${lpad(money(l.amount), 11)}  (${w.rowsAddedReversed(l.added, l.reversed)})`);
    }
  }
  const entries = correctionEntries(r);
  const shown = 20;
  if (entries.length > 0) {
    if (corrLines.length === 0) out.push("", `${w.correctionsTitle}:`);
    for (const e of entries.slice(0, shown)) {
      const q = e.kind === "hours" ? `${qty(e.quantity)} ${t.hours}` : fmtMoney(e.quantity.toDecimalPlaces(2));
      const from = e.action === "reverse" ? (e.billedIn ? ` (${w.billedIn.toLowerCase()} ${e.billedIn})` : ` (${w.fromLedger})`) : "";
      const where = e.source ? ` ${e.action === "reverse" ? "→ " : ""}${e.source.file}:${e.source.line ?? ""}` : "";
      out.push(`    ${e.period} ${w.actions[e.action]} ${w.kinds[e.kind]} ${[e.partner, e.date, e.what, e.type].filter((x) => x).join(" ")} ${q}${from}${where}`);
    }
    if (entries.length > shown) out.push(`    … ${entries.length - shown} ${report.language === "nl" ? "meer (zie het blad Correcties)" : "more (see the Corrections sheet)"}`);
  }
  out.push("", `${t.settlement}${r.settlement.corrections.length > 0 ? ` (${report.language === "nl" ? "deze periode + correcties van afgesloten periodes" : "this period + corrections of closed periods"})` : ""}:`);
  out.push(`  ${pad("", 20)} ${lpad(t.share, 11)} ${lpad(t.cost, 14)} ${lpad(t.covered, 11)} ${lpad(r.config.profit === "retain" ? t.retained : t.distributed, 11)} ${lpad(t.fromReserve, 11)} ${lpad(t.uncovered, 11)}`);
  for (const p of r.settlement.partners) {
    out.push(
      `  ${pad(p.sePartner, 20)} ${lpad(money(p.share), 11)} ${lpad(money(p.staffCost), 14)} ${lpad(money(p.covered), 11)} ${lpad(money(p.retained.plus(p.distributed)), 11)} ${lpad(money(p.reservePayment), 11)} ${lpad(money(p.uncovered), 11)}`,
    );
  }
  const res = r.settlement.reserve;
  out.push("", `${t.reserve}: ${t.opening} ${money(res.opening)} + ${t.retained} ${money(res.retained)} − ${t.otherCosts} ${money(res.otherCosts)}${res.reservePayments.isZero() ? "" : ` − ${t.fromReserve} ${money(res.reservePayments)}`} = ${t.closing} ${money(res.closing)}`);
  if (r.settlement.corrections.length > 0) {
    out.push(`  ${w.settlementCorrections}:`);
    for (const c of r.settlement.corrections) {
      out.push(`    ${pad(c.period, 10)} ${pad(c.sePartner, 20)} ${t.share} ${lpad(money(c.share), 10)}  ${t.cost} ${lpad(money(c.staffCost), 10)}  ${t.covered} ${lpad(money(c.covered), 10)}  ${r.config.profit === "retain" ? t.retained : t.distributed} ${lpad(money(c.retained.plus(c.distributed)), 10)}  ${t.uncovered} ${lpad(money(c.uncovered), 10)}`);
    }
  }
  out.push("", `${t.rows}:`);
  for (const kind of ["hours", "benefits"] as const) {
    out.push(`  ${pad(kind, 9)} ${ROW_STATUSES.map((s) => `${s} ${r.rows[kind][s]}`).join(", ")}`);
  }
  if (report.ledgerRecordHash) out.push(`  ${report.language === "nl" ? "grootboekrecord" : "ledger record"} ${report.ledgerRecordHash}`);
  if (report.outsideConfigFolder && report.outsideConfigFolder.length > 0) {
    out.push("", `${report.language === "nl" ? "Buiten de map van de config" : "Outside the config's folder"}: ${report.outsideConfigFolder.join(", ")}`);
  }
  const failed = r.checks.filter((c) => !c.ok);
  out.push("", `${t.checks}: ${failed.length === 0 ? t.allOk : failed.map((c) => `${c.name} ${t.notOk}`).join("; ")}`);
  for (const c of failed) out.push(`  ${c.name}: ${c.detail}`);
  if (report.warnings.length > 0) {
    out.push("", `${t.warnings} (${report.warnings.length}):`);
    for (const w of report.warnings) out.push(`  ${formatIssue({ ...w, severity: "error" }).replace(/\n/g, "\n  ")}`);
  }
  return `${out.join("\n")}\n`;
}
