// The identities SPEC §3 requires of every close, computed by menerva and
// shown on the statement's checks sheet (beside the same checks as formulas). Pure.
import type { CloseCore } from "./close.js";
import { ROW_STATUSES } from "./classify.js";
import { t, type Text } from "./issues.js";
import { fmtMoney, sum } from "./money.js";

export type Check = {
  /** Stable machine name. */
  readonly name: string;
  readonly ok: boolean;
  /** What was compared, e.g. "41234.56 = 41234.56" (words, when there are any, as a Text). */
  readonly detail: string | Text;
};

type Core = Omit<CloseCore, "checks" | "warnings">;

export function closeChecks(r: Core, rowsRead: { hours: number; benefits: number }): Check[] {
  const checks: Check[] = [];
  const eq = (name: string, a: { equals(b: never): boolean } & { toFixed(n: number): string }, b: typeof a): void => {
    checks.push({ name, ok: a.equals(b as never), detail: `${a.toFixed(2)} = ${b.toFixed(2)}` });
  };

  for (const inv of r.invoices) {
    eq(`invoice_lines_sum:${inv.necPartner}`, sum(inv.lines.map((l) => l.amount)), inv.subtotal);
    eq(`invoice_total:${inv.necPartner}`, inv.subtotal.plus(inv.vat), inv.total);
  }
  eq("invoice_subtotals_equal_revenue", sum(r.invoices.map((i) => i.subtotal)), r.revenue);
  eq("shares_equal_revenue", sum(r.settlement.shares), r.revenue);
  const partnersOk = r.settlement.partners.every((p) => p.covered.plus(p.retained).plus(p.distributed).equals(p.share));
  checks.push({
    name: "covered_plus_retained_equals_share",
    ok: partnersOk,
    detail: r.settlement.partners.map((p) => `${p.sePartner}: ${fmtMoney(p.covered)} + ${fmtMoney(p.retained.plus(p.distributed))} = ${fmtMoney(p.share)}`).join("; "),
  });
  const res = r.settlement.reserve;
  eq("reserve_rolls_forward", res.opening.plus(res.retained).minus(res.otherCosts).minus(res.reservePayments), res.closing);
  // The reserve never goes below zero silently: no policy may leave it negative unnoticed (issue 11).
  checks.push({
    name: "reserve_not_negative",
    ok: !res.closing.isNegative(),
    detail: res.closing.isNegative() ? reserveShortfallReason(r) : `${fmtMoney(res.closing)} >= 0.00`,
  });
  for (const kind of ["hours", "benefits"] as const) {
    const counted = ROW_STATUSES.reduce((a, s) => a + r.rows[kind][s], 0);
    checks.push({ name: `rows_counted_once:${kind}`, ok: counted === rowsRead[kind], detail: `${counted} = ${rowsRead[kind]}` });
  }
  return checks;
}

/** Why the reserve closes below zero, in words (the check's detail and the warning). */
export function reserveShortfallReason(r: Pick<Core, "settlement" | "config">): Text {
  const res = r.settlement.reserve;
  return t("reserve-shortfall", {
    closing: fmtMoney(res.closing),
    opening: fmtMoney(res.opening),
    retained: fmtMoney(res.retained),
    into: fmtMoney(res.opening.plus(res.retained)),
    otherCosts: fmtMoney(res.otherCosts),
    payments: res.reservePayments.isZero() ? "" : fmtMoney(res.reservePayments),
    distribute: r.config.profit === "distribute",
    shortfall: fmtMoney(res.closing.negated()),
  });
}
