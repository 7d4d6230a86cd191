// The cost-price report as JSON: amounts as strings with two decimals,
// shares and rates as decimal strings, keys in a fixed order (deterministic).
import type { BuildUp } from "../domain/costprice/buildup.js";
import { type Dec, fmtDecimal, fmtMoney, MODEL_ROUNDING, roundTo } from "../domain/money.js";
import type { CostPriceReport, PartnerReport } from "./costprice-model.js";

const money = (x: Dec | undefined): string | null => (x === undefined ? null : fmtMoney(x));
const num = (x: Dec | undefined): string | null => (x === undefined ? null : fmtDecimal(x));
const hours = (x: Dec): string => roundTo(x, 2, MODEL_ROUNDING).toFixed(2);

function totals(b: BuildUp) {
  return {
    gross: money(b.gross),
    subsidies: money(b.subsidies),
    net: money(b.net),
    productiveHours: hours(b.productiveHours),
    costPerHour: { gross: money(b.perHour?.gross), net: money(b.perHour?.net) },
    candidatesPerYear: b.candidatesPerYear === undefined ? null : hours(b.candidatesPerYear),
    costPerCandidate: { gross: money(b.perCandidate?.gross), net: money(b.perCandidate?.net) },
  };
}

function partnerJson(p: PartnerReport) {
  const a = p.actual;
  const be = p.breakEven;
  return {
    name: a.partner,
    allottedFte: fmtDecimal(a.allottedFte),
    occupiedFte: fmtDecimal(a.occupiedFte),
    supervisionFte: roundTo(a.supervisionFte, 4, MODEL_ROUNDING).toFixed(4),
    components: p.rows.map((r) => ({
      key: r.key,
      gross: money(r.gross),
      subsidies: money(r.subsidies),
      net: money(r.net),
      shareGross: r.shareGross ? r.shareGross.toFixed(4) : null,
      shareNet: r.shareNet ? r.shareNet.toFixed(4) : null,
      grossPerHour: money(r.grossPerHour),
      netPerHour: money(r.netPerHour),
    })),
    staff: [
      ...a.staff.map((l) => ({ component: "staff", l })),
      ...(a.supervision ? [{ component: "supervision", l: a.supervision }] : []),
    ].map(({ component, l }) => ({
      component,
      role: l.role,
      fte: fmtDecimal(l.fte),
      gross: money(l.gross),
      subsidies: l.subsidies.map((s) => ({ kind: s.kind, amount: money(s.amount) })),
      net: money(l.net),
    })),
    equipment: a.equipment.map((e) => ({ item: e.item, depreciation: money(e.yearly) })),
    ...totals(a),
    occupancy: {
      atFull: totals(p.full),
      lostSubsidy: money(p.lostSubsidy),
      costPerHourIncrease: money(p.perHourIncrease),
    },
    monthlyNetStaffCost: money(p.monthlyNetStaffCost),
    breakEven: be
      ? {
          monthlyCost: money(be.monthlyCost),
          monthlyRevenue: money(be.monthlyRevenue),
          monthlyShare: money(be.monthlyShare),
          coverage: be.coverage ? be.coverage.toFixed(4) : null,
          feePerHour: money(be.fee),
          benefitShare: be.benefitShare ? be.benefitShare.toFixed(4) : null,
          inflowPerMonth: be.inflow ? be.inflow.toFixed(2) : null,
        }
      : null,
  };
}

export function costPriceJson(r: CostPriceReport): string {
  const rev = r.costprice.revenue;
  const doc = {
    kind: "menerva.costprice",
    version: 1,
    project: r.project ?? null,
    rounding:
      "half-away-from-zero: each line to cents, totals are sums of the lines, per-hour and per-candidate figures to cents, shares to 4 decimals",
    revenue: rev
      ? {
          inflowPerMonth: num(rev.inflowPerMonth),
          placementRate: num(rev.placementRate),
          hoursPerPlacedWorker: num(rev.hoursPerPlacedWorker),
          benefitsPerPlacedWorker: num(rev.benefitsPerPlacedWorker),
          feePerHour: num(rev.feePerHour),
          benefitShare: num(rev.benefitShare),
          sePartners: rev.sePartners,
        }
      : null,
    partners: r.partners.map(partnerJson),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
