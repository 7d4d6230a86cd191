// The figures a close computes must be figures a spreadsheet can reproduce
// (README "Limits"): the statement recalculates every invoice line, subtotal,
// share and the reserve in LibreOffice, Gnumeric and Excel, which hold numbers
// as doubles (15 significant digits). Every input is within the limits of
// src/schema/limits.ts, but sums and products of inputs can still leave them:
// a line of 3 × 9,999.99 hours at € 999,999,999,999.99, or a line whose exact
// amount lies so near a half cent that 15 digits cannot tell which way it
// rounds. Such a close is refused (exit 2, in `validate` and `close` alike),
// naming the figure and what it is computed from, before anything is written.
// Pure: a function of the close's result.
import type { CloseResult } from "../domain/close.js";
import { error, formatSource, type Issue, type SourceRef } from "../domain/issues.js";
import type { InvoiceLine } from "../domain/invoice.js";
import { D, fmtDecimal, MODEL_ROUNDING, roundMoney, type Dec } from "../domain/money.js";
import { AMOUNT, groupDigits, MAX_SIGNIFICANT_DIGITS } from "../schema/limits.js";

const LIMIT = new D(AMOUNT.max);

/** One unit in the 15th significant digit of x (0 when x has at most 15 significant digits). */
function lastDigitUnit(x: Dec): Dec {
  if (x.isZero() || x.precision() <= MAX_SIGNIFICANT_DIGITS) return new D(0);
  return new D(10).pow(x.e - (MAX_SIGNIFICANT_DIGITS - 1));
}

/**
 * Whether a spreadsheet computing ROUND(q × price, 2) can land on another cent
 * than the exact amount: the engine holds q (a sum of rows) and the product to
 * 15 significant digits, so a half cent within one unit of that 15th digit of
 * the exact product could tip either way. A product with at most 15 digits is
 * reproduced exactly (also on a half cent: both engines round it up).
 */
export function roundsAmbiguously(q: Dec, price: Dec): boolean {
  const uq = lastDigitUnit(q);
  const p = q.times(price);
  if (uq.isZero() && p.precision() <= MAX_SIGNIFICANT_DIGITS) return false;
  const ends = [q.minus(uq).times(price), q.plus(uq).times(price)];
  const lo = D.min(...ends);
  const hi = D.max(...ends);
  const u = D.max(lastDigitUnit(lo), lastDigitUnit(hi), new D(10).pow(p.e - (MAX_SIGNIFICANT_DIGITS - 1)));
  return !roundMoney(lo.minus(u), MODEL_ROUNDING).equals(roundMoney(hi.plus(u), MODEL_ROUNDING));
}

const over = (x: Dec): boolean => x.abs().greaterThanOrEqualTo(LIMIT);
const LIMIT_TEXT = `below ${groupDigits(AMOUNT.max)} in absolute value`;
const HINT = "a figure this large cannot be a real amount, and a spreadsheet could not reproduce it to the cent: check the rates and the rows it is computed from";

/** Up to three sources of the rows on an invoice line, and how many there are. */
function lineSources(r: CloseResult, nec: string, l: InvoiceLine): string {
  let rows: SourceRef[] = [];
  if (l.kind === "hours") {
    rows = r.hours.filter((c) => c.status === "included" && c.row.necPartner === nec && c.rate?.equals(l.rate)).map((c) => c.row.source);
  } else if (l.kind === "benefits") {
    rows = r.benefits.filter((c) => c.status === "included" && c.row.necPartner === nec && l.types.includes(c.row.type)).map((c) => c.row.source);
  } else {
    const late = l.of === "hours" ? r.hours : r.benefits;
    rows = late.filter((c) => c.status === "adjustment" && c.row.necPartner === nec && c.ownPeriod === l.period).map((c) => c.row.source);
  }
  if (rows.length === 0) return "";
  const shown = rows.slice(0, 3).map(formatSource).join(", ");
  return `; rows ${shown}${rows.length > 3 ? ` and ${rows.length - 3} more` : ""}`;
}

function lineLabel(nec: string, l: InvoiceLine): string {
  const what =
    l.kind === "hours"
      ? `hours at ${fmtDecimal(l.rate)}`
      : l.kind === "benefits"
        ? `benefits ${l.types.join(" + ")} at ${fmtDecimal(l.share)}`
        : `correction ${l.period}: ${l.of === "hours" ? `hours at ${fmtDecimal(l.price)}` : `benefits at ${fmtDecimal(l.price)}`}`;
  return `invoice to ${nec}, line "${what}"`;
}

/** Every figure of the close a spreadsheet could not reproduce, as errors (empty when all fit). */
export function closeFigureProblems(r: CloseResult): Issue[] {
  const out: Issue[] = [];
  // `from` says what the figure is computed from; built only for a figure past the limit (it may list rows).
  const big = (subject: string, value: Dec, from: string | (() => string)) => {
    if (over(value)) out.push(error("figure-too-large", `${fmtDecimal(value)} is past the money limit (every figure of a close is ${LIMIT_TEXT})`, { subject, hint: `${typeof from === "string" ? from : from()}; ${HINT}` }));
  };
  for (const inv of r.invoices) {
    const before = out.length;
    for (const l of inv.lines) {
      const q = l.kind === "hours" ? l.hours : l.kind === "benefits" ? l.benefits : l.quantity;
      const price = l.kind === "hours" ? l.rate : l.kind === "benefits" ? l.share : l.price;
      const unit = l.kind === "hours" || (l.kind === "correction" && l.of === "hours") ? "h" : "€";
      const label = lineLabel(inv.necPartner, l);
      const from = () => `computed from ${fmtDecimal(q)} ${unit} × ${fmtDecimal(price)}${lineSources(r, inv.necPartner, l)}`;
      if (over(q)) big(`${label}: quantity`, q, from);
      else if (over(l.amount)) big(`${label}: amount`, l.amount, from);
      else if (roundsAmbiguously(q, price)) {
        out.push(
          error("figure-rounds-ambiguously", `${fmtDecimal(q)} × ${fmtDecimal(price)} = ${fmtDecimal(q.times(price))} lies so near a half cent that a spreadsheet, which keeps ${MAX_SIGNIFICANT_DIGITS} significant digits, may round it to another cent than ${fmtDecimal(l.amount)}`, {
            subject: `${label}: amount`,
            hint: `round the hours or amounts of its rows (and the rate) to fewer digits${lineSources(r, inv.necPartner, l)}`,
          }),
        );
      }
    }
    // A line past the limit already says why its invoice's sums are.
    if (out.length > before) continue;
    const lines = `computed from its ${inv.lines.length} line${inv.lines.length === 1 ? "" : "s"}`;
    big(`invoice to ${inv.necPartner}: subtotal`, inv.subtotal, lines);
    if (!over(inv.subtotal) && roundsAmbiguously(inv.subtotal, inv.vatRate)) {
      out.push(error("figure-rounds-ambiguously", `VAT ${fmtDecimal(inv.subtotal)} × ${fmtDecimal(inv.vatRate)} lies so near a half cent that a spreadsheet may round it to another cent than ${fmtDecimal(inv.vat)}`, { subject: `invoice to ${inv.necPartner}: VAT`, hint: "check vat_rate in menerva.yaml (a rate with fewer digits)" }));
    }
    if (!over(inv.subtotal)) big(`invoice to ${inv.necPartner}: total`, inv.total, `${fmtDecimal(inv.subtotal)} + VAT ${fmtDecimal(inv.vat)}`);
  }
  // Only once the invoices fit: a huge line would repeat itself in every sum below.
  if (out.length > 0) return out;
  const s = r.settlement;
  big("revenue", s.revenue, "Σ of the invoices' subtotals");
  s.partners.forEach((p) => {
    const of = `settlement of ${p.sePartner}`;
    big(`${of}: staff cost`, p.staffCost, "its staff rows' cost minus subsidy");
    big(`${of}: share`, p.share, "its part of the revenue");
    big(`${of}: uncovered`, p.uncovered, "its staff cost minus its share");
  });
  const res = s.reserve;
  big("reserve: retained", res.retained, "Σ of the partners' retained surplus");
  big("reserve: other costs", res.otherCosts, "Σ of this period's other costs and their corrections");
  big("reserve: closing", res.closing, `opening ${fmtDecimal(res.opening)} + retained ${fmtDecimal(res.retained)} − other costs ${fmtDecimal(res.otherCosts)} − paid from the reserve ${fmtDecimal(res.reservePayments)}`);
  return out;
}
