// The close's tables as plain text grids (one per CSV file): invoices,
// settlement, reserve, staff, detail per candidate, row accounting, exceptions.
// Machine-readable: English snake_case headers, exact decimal text.
import { ROW_STATUSES } from "../domain/classify.js";
import { formatSource } from "../domain/issues.js";
import { render } from "../i18n/render.js";
import { ZERO } from "../domain/money.js";
import type { CloseReport } from "./close-report.js";
import { correctionEntries } from "./close-corrections.js";
import { candidateKey, closeRows } from "./close-rows.js";
import { currentDocument } from "./close-summary.js";
import { money, qty, rate } from "./format.js";

export type Table = { readonly name: string; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

export function closeTables(report: CloseReport): Table[] {
  return [invoices(report), corrections(report), settlement(report), settlementCorrections(report), reserve(report), staff(report), detail(report), rowAccounting(report), exceptions(report)];
}

/** One block per invoice; `document_number` is its e-invoice's number (empty without an `invoicing:` block, and in validate). */
function invoices(report: CloseReport): Table {
  const r = report.result;
  const rows: string[][] = [];
  for (const inv of r.invoices) {
    const doc = currentDocument(report, inv.necPartner)?.number ?? "";
    const line = (...cells: string[]): void => void rows.push([inv.necPartner, ...cells, doc]);
    for (const l of inv.lines) {
      if (l.kind === "hours") line("hours", `${l.firstDate}..${l.lastDate}`, qty(l.hours), rate(l.rate), money(l.amount));
      else if (l.kind === "benefits") line("benefits", l.types.join("+"), money(l.benefits), rate(l.share), money(l.amount));
      else line(`correction_${l.of}`, l.of === "hours" ? l.period : `${l.period} ${l.types.join("+")}`, l.of === "hours" ? qty(l.quantity) : money(l.quantity), rate(l.price), money(l.amount));
    }
    line("subtotal", "", "", "", money(inv.subtotal));
    line("vat", "", money(inv.subtotal), rate(inv.vatRate), money(inv.vat));
    line(inv.creditNote ? "total_credit_note" : "total", "", "", "", money(inv.total));
  }
  // the document number last: a column added after the others, so a reader that takes them by place still finds them
  return { name: "invoices", header: ["nec_partner", "line", "description", "quantity", "rate", "amount", "document_number"], rows };
}

/** Every correction of a closed period in this close (the JSON `adjustments`). */
function corrections({ result: r }: CloseReport): Table {
  const rows = correctionEntries(r).map((e) => [
    e.period,
    e.action,
    e.kind,
    e.partner,
    e.date,
    e.what,
    e.type ?? "",
    e.kind === "hours" ? qty(e.quantity) : money(e.quantity.toDecimalPlaces(2)),
    e.price !== undefined ? rate(e.price) : e.share ? `${e.share.num.toFixed()}/${e.share.den}` : "",
    e.billedIn ?? "",
    e.source ? formatSource(e.source) : "",
  ]);
  return { name: "corrections", header: ["period", "action", "kind", "partner", "date_or_period", "candidate_role_or_description", "benefit_type", "quantity", "rate_share_or_part", "billed_in", "source"], rows };
}

function settlementCorrections({ result: r }: CloseReport): Table {
  const rows = r.settlement.corrections.map((c) => [c.period, c.sePartner, money(c.shareBefore), money(c.staffCostBefore), money(c.share), money(c.staffCost), money(c.covered), money(c.retained), money(c.distributed), money(c.uncovered)]);
  return { name: "settlement-corrections", header: ["period", "se_partner", "share_before", "staff_cost_before", "share", "staff_cost", "covered", "retained", "distributed", "uncovered"], rows };
}

function settlement({ result: r }: CloseReport): Table {
  const rows = r.settlement.partners.map((p) => {
    const i = r.staff.findIndex((x) => x.partner === p.sePartner);
    const s = r.staff[i] ?? { cost: ZERO, subsidy: ZERO, fte: ZERO, planned: undefined };
    return [
      p.sePartner,
      money(p.share),
      money(s.cost.toDecimalPlaces(2)),
      money(s.subsidy.toDecimalPlaces(2)),
      money(p.staffCost),
      money(p.covered),
      money(p.retained),
      money(p.distributed),
      money(p.reservePayment),
      money(p.uncovered),
      qty(s.fte.toDecimalPlaces(4)),
      r.effort.weightedShares && i >= 0 ? money(r.effort.weightedShares[i]!) : "",
      s.planned !== undefined ? money(s.planned) : "",
    ];
  });
  return {
    name: "settlement",
    header: ["se_partner", "share", "cost", "subsidy", "staff_cost", "covered", "retained", "distributed", "reserve_payment", "uncovered", "fte", "effort_weighted_share", "planned_staff_cost"],
    rows,
  };
}

function reserve(report: CloseReport): Table {
  const res = report.result.settlement.reserve;
  const rows: string[][] = [
    ["opening", report.result.period.from, report.openingFrom === "config" ? "opening_reserve (config)" : `closing reserve ${report.openingFrom.period}`, money(res.opening)],
    ["retained", report.result.period.to, "retained surplus of SE partners", money(res.retained)],
    ...report.result.otherCosts.map((c) => ["other_cost", c.date, c.description, money(c.amount.negated())]),
    ...report.result.costCorrections.map((c) => ["other_cost_correction", c.period, `other costs of closed period ${c.period} corrected`, money(c.delta.negated())]),
    ["reserve_payments", report.result.period.to, "uncovered staff cost paid from the reserve", money(res.reservePayments.negated())],
    ["closing", report.result.period.to, "", money(res.closing)],
  ];
  return { name: "reserve", header: ["item", "date", "description", "amount"], rows };
}

function staff({ result: r }: CloseReport): Table {
  const rows: string[][] = [];
  for (const s of r.staff) {
    for (const l of s.lines) {
      rows.push(["SE", l.row.partner, l.row.period, l.row.role, qty(l.row.fte), money(l.cost.toDecimalPlaces(2)), money(l.subsidy.toDecimalPlaces(2)), `${l.share.num.toFixed()}/${l.share.den}`, formatSource(l.row.source)]);
    }
  }
  for (const l of r.necStaff) rows.push(["NEC", l.row.partner, l.row.period, l.row.role, qty(l.row.fte), "", "", `${l.share.num.toFixed()}/${l.share.den}`, formatSource(l.row.source)]);
  return { name: "staff", header: ["side", "partner", "period", "role", "fte", "cost_in_period", "subsidy_in_period", "share_of_row", "source"], rows };
}

function detail(report: CloseReport): Table {
  const r = report.result;
  const types = r.config.benefitTypes;
  const sources = closeRows(report).sourcesByCandidate();
  const rows = r.candidates.map((c) => [
    c.necPartner,
    c.candidate,
    qty(c.hours),
    ...types.map((t) => money(c.benefits.get(t) ?? ZERO)),
    String(c.rows),
    (sources.get(candidateKey(c.necPartner, c.candidate)) ?? []).map(formatSource).join(" "),
  ]);
  return { name: "detail", header: ["nec_partner", "candidate_id", "hours", ...types.map((t) => `benefits_${t}`), "rows", "sources"], rows };
}

function rowAccounting(report: CloseReport): Table {
  const rows: string[][] = [];
  for (const kind of ["hours", "benefits"] as const) {
    const c = report.result.rows[kind];
    const read = report.inputs.filter((f) => f.kind === kind).reduce((a, f) => a + f.rows, 0);
    rows.push([kind, String(read), ...ROW_STATUSES.map((s) => String(c[s])), "0"]);
  }
  return { name: "rows", header: ["kind", "read", ...ROW_STATUSES, "rejected"], rows };
}

function exceptions(report: CloseReport): Table {
  const rows: string[][] = [];
  // CSV tables are machine-named (English headers): their messages are English too.
  for (const w of report.warnings) rows.push(["warning", w.code, w.source ? formatSource(w.source) : "", "", render(w.message, "en")]);
  for (const c of closeRows(report).all()) {
    if (c.status === "included") continue;
    const what = c.row.kind === "hours" ? `${qty(c.row.hours)} h` : `${c.row.type} ${money(c.row.amount)}`;
    rows.push([c.status, c.row.kind, formatSource(c.row.source), c.ownPeriod ?? "", `${c.row.date} ${c.row.necPartner} ${c.row.candidate} ${what}`]);
  }
  return { name: "exceptions", header: ["status", "code_or_kind", "source", "period", "description"], rows };
}
