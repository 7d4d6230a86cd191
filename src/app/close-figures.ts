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
import type { CloseCore } from "../domain/close.js";
import type { ClassifiedRow } from "../report/close-rows.js";
import { error, formatSource, t, type Issue, type SourceRef, type Text } from "../domain/issues.js";
import type { InvoiceLine } from "../domain/invoice.js";
import { D, fmtDecimal, MODEL_ROUNDING, roundMoney, type Dec } from "../domain/money.js";
import { AMOUNT, MAX_SIGNIFICANT_DIGITS } from "../schema/limits.js";

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

/** Up to three sources of the rows on an invoice line, and how many there are. */
function lineSources(all: () => Iterable<ClassifiedRow>, nec: string, l: InvoiceLine): Text | "" {
  const rows: SourceRef[] = [];
  for (const c of all()) {
    if (c.row.necPartner !== nec) continue;
    const kind = l.kind === "correction" ? l.of : l.kind;
    if (c.row.kind !== kind) continue;
    if (l.kind === "hours" ? c.status === "included" && c.rate?.equals(l.rate) : l.kind === "benefits" ? c.status === "included" && c.row.kind === "benefits" && l.types.includes(c.row.type) : c.status === "adjustment" && c.ownPeriod === l.period) rows.push(c.row.source);
  }
  if (rows.length === 0) return "";
  return t("figure.rows", { sources: rows.slice(0, 3).map(formatSource).join(", "), more: Math.max(0, rows.length - 3) });
}

function lineLabel(l: InvoiceLine): Text {
  if (l.kind === "hours") return t("figure.line.hours", { rate: fmtDecimal(l.rate) });
  if (l.kind === "benefits") return t("figure.line.benefits", { types: l.types.join(" + "), share: fmtDecimal(l.share) });
  const what = l.of === "hours" ? t("figure.line.hours", { rate: fmtDecimal(l.price) }) : t("figure.line.correction-benefits", { price: fmtDecimal(l.price) });
  return t("figure.line.correction", { period: l.period, what });
}

/** Every figure of the close a spreadsheet could not reproduce, as errors (empty when all fit). */
export function closeFigureProblems(r: CloseCore, all: () => Iterable<ClassifiedRow>): Issue[] {
  const out: Issue[] = [];
  // `from` says what the figure is computed from; built only for a figure past the limit (it may list rows).
  const big = (subject: Text, value: Dec, from: Text | (() => Text)) => {
    if (over(value)) out.push(error("figure-too-large", { value: fmtDecimal(value), max: AMOUNT.max }, { subject, hint: t("figure-too-large.hint", { from: typeof from === "function" ? from() : from }) }));
  };
  for (const inv of r.invoices) {
    const before = out.length;
    const partner = inv.necPartner;
    for (const l of inv.lines) {
      const q = l.kind === "hours" ? l.hours : l.kind === "benefits" ? l.benefits : l.quantity;
      const price = l.kind === "hours" ? l.rate : l.kind === "benefits" ? l.share : l.price;
      const unit = l.kind === "hours" || (l.kind === "correction" && l.of === "hours") ? "h" : "€";
      const line = lineLabel(l);
      const from = () => t("figure.from.line", { quantity: fmtDecimal(q), unit, price: fmtDecimal(price), rows: lineSources(all, partner, l) });
      if (over(q)) big(t("figure.line-quantity", { partner, line }), q, from);
      else if (over(l.amount)) big(t("figure.line-amount", { partner, line }), l.amount, from);
      else if (roundsAmbiguously(q, price)) {
        out.push(
          error(
            "figure-rounds-ambiguously",
            { quantity: fmtDecimal(q), price: fmtDecimal(price), product: fmtDecimal(q.times(price)), digits: MAX_SIGNIFICANT_DIGITS, amount: fmtDecimal(l.amount) },
            { subject: t("figure.line-amount", { partner, line }), hint: t("figure-rounds-ambiguously.hint", { rows: lineSources(all, partner, l) }) },
          ),
        );
      }
    }
    // A line past the limit already says why its invoice's sums are.
    if (out.length > before) continue;
    big(t("figure.invoice-subtotal", { partner }), inv.subtotal, t("figure.from.lines", { count: inv.lines.length }));
    if (!over(inv.subtotal) && roundsAmbiguously(inv.subtotal, inv.vatRate)) {
      out.push(
        error("figure-rounds-ambiguously.vat", { subtotal: fmtDecimal(inv.subtotal), rate: fmtDecimal(inv.vatRate), amount: fmtDecimal(inv.vat) }, { subject: t("figure.invoice-vat", { partner }), hint: t("figure-rounds-ambiguously.vat-hint") }),
      );
    }
    if (!over(inv.subtotal)) big(t("figure.invoice-total", { partner }), inv.total, t("figure.from.subtotal-vat", { subtotal: fmtDecimal(inv.subtotal), vat: fmtDecimal(inv.vat) }));
  }
  // Only once the invoices fit: a huge line would repeat itself in every sum below.
  if (out.length > 0) return out;
  const s = r.settlement;
  big(t("figure.revenue"), s.revenue, t("figure.from.revenue"));
  s.partners.forEach((p) => {
    const partner = p.sePartner;
    big(t("figure.partner-staff-cost", { partner }), p.staffCost, t("figure.from.staff-cost"));
    big(t("figure.partner-share", { partner }), p.share, t("figure.from.share"));
    big(t("figure.partner-uncovered", { partner }), p.uncovered, t("figure.from.uncovered"));
  });
  const res = s.reserve;
  big(t("figure.reserve-retained"), res.retained, t("figure.from.retained"));
  big(t("figure.reserve-other-costs"), res.otherCosts, t("figure.from.other-costs"));
  big(
    t("figure.reserve-closing"),
    res.closing,
    t("figure.from.closing", { opening: fmtDecimal(res.opening), retained: fmtDecimal(res.retained), otherCosts: fmtDecimal(res.otherCosts), payments: fmtDecimal(res.reservePayments) }),
  );
  return out;
}
