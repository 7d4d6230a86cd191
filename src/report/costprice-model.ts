// The cost-price report as data: per partner the build-up at the actual
// occupancy and at 100%, component shares, and the break-even. Renderers
// (text, CSV, JSON, workbook) only format this.
import { type BreakEven, breakEven } from "../domain/costprice/break-even.js";
import { type BuildUp, buildUp, type ComponentKey } from "../domain/costprice/buildup.js";
import { monthlyNetStaffCost } from "../domain/costprice/staff-cost.js";
import type { CostPrice, PartnerCost } from "../domain/costprice/types.js";
import { type Dec, MODEL_ROUNDING, roundMoney, roundTo } from "../domain/money.js";

export type ComponentRow = {
  readonly key: ComponentKey;
  readonly gross: Dec;
  readonly subsidies: Dec;
  readonly net: Dec;
  /** Component / total, to 4 decimals; absent when the total is zero. */
  readonly shareGross?: Dec;
  readonly shareNet?: Dec;
  /** Component / productive hours, to cents. */
  readonly grossPerHour?: Dec;
  readonly netPerHour?: Dec;
};

export type PartnerReport = {
  readonly input: PartnerCost;
  readonly actual: BuildUp;
  readonly full: BuildUp;
  readonly rows: readonly ComponentRow[];
  readonly lostSubsidy: Dec;
  readonly perHourIncrease?: Dec;
  /** Net staff cost (staff + supervision − subsidies) a month in the base year, to cents. */
  readonly monthlyNetStaffCost: Dec;
  readonly breakEven?: BreakEven;
};

export type CostPriceReport = {
  readonly project?: string;
  readonly costprice: CostPrice;
  readonly partners: readonly PartnerReport[];
};

const ratio = (part: Dec, whole: Dec): Dec | undefined =>
  whole.isZero() ? undefined : roundTo(part.div(whole), 4, MODEL_ROUNDING);
const perHour = (amount: Dec, hours: Dec): Dec | undefined =>
  hours.isZero() ? undefined : roundMoney(amount.div(hours), MODEL_ROUNDING);

function partnerReport(c: CostPrice, p: PartnerCost): PartnerReport {
  const actual = buildUp(p, 0, "actual");
  const full = buildUp(p, 0, "full");
  const rows = actual.components.map((k): ComponentRow => {
    const sg = ratio(k.gross, actual.gross);
    const sn = ratio(k.net, actual.net);
    const gph = perHour(k.gross, actual.productiveHours);
    const nph = perHour(k.net, actual.productiveHours);
    return {
      ...k,
      ...(sg ? { shareGross: sg } : {}),
      ...(sn ? { shareNet: sn } : {}),
      ...(gph ? { grossPerHour: gph } : {}),
      ...(nph ? { netPerHour: nph } : {}),
    };
  });
  const inc = actual.perHour && full.perHour ? actual.perHour.net.minus(full.perHour.net) : undefined;
  return {
    input: p,
    actual,
    full,
    rows,
    lostSubsidy: full.subsidies.minus(actual.subsidies),
    ...(inc !== undefined ? { perHourIncrease: inc } : {}),
    monthlyNetStaffCost: roundMoney(monthlyNetStaffCost(c, p.name, 0), MODEL_ROUNDING),
    ...(c.revenue ? { breakEven: breakEven(actual.net, c.revenue) } : {}),
  };
}

export function costPriceReport(c: CostPrice): CostPriceReport {
  return {
    ...(c.project !== undefined ? { project: c.project } : {}),
    costprice: c,
    partners: c.partners.map((p) => partnerReport(c, p)),
  };
}
