// Planned staff cost of an SE partner for the close and the scenarios: exact,
// unrounded (the caller rounds where its own report needs cents).
import { type Dec, ZERO } from "../money.js";
import type { CostPrice, PartnerCost } from "./types.js";
import { yearlyNetStaffCost, yearlyStaffCostParts } from "./wages.js";

function partnerOf(costprice: CostPrice, partner: string): PartnerCost {
  const p = costprice.partners.find((x) => x.name === partner);
  if (!p) throw new Error(`cost price: no partner named ${JSON.stringify(partner)}`);
  return p;
}

/**
 * Net staff cost (staff + supervision wage cost − subsidies, at the file's
 * occupancy) of `partner` for one month of year `yearIndex` (0 = base year):
 * the yearly figure / 12. Caps are yearly, so a month carries 1/12 of it.
 */
export function monthlyNetStaffCost(costprice: CostPrice, partner: string, yearIndex: number): Dec {
  return yearlyNetStaffCost(partnerOf(costprice, partner), yearIndex).div(12);
}

/**
 * The same month split in its two parts, exact and unrounded: gross wage cost
 * (staff + supervision) / 12 and the file's subsidies on it / 12. A scenario
 * carries them apart, so its subsidies show what the cost-price file assumes.
 */
export function monthlyStaffCostParts(costprice: CostPrice, partner: string, yearIndex: number): { gross: Dec; subsidies: Dec } {
  const y = yearlyStaffCostParts(partnerOf(costprice, partner), yearIndex);
  return { gross: y.gross.div(12), subsidies: y.subsidies.div(12) };
}

/** Net staff cost of `partner` over its first `months` months: month m falls in year ⌊m / 12⌋. */
export function plannedStaffCost(costprice: CostPrice, partner: string, months: number): Dec {
  if (!Number.isInteger(months) || months < 0) throw new Error(`plannedStaffCost: bad month count ${months}`);
  const p = partnerOf(costprice, partner);
  let total = ZERO;
  for (let year = 0; year * 12 < months; year++) {
    const inYear = Math.min(12, months - year * 12);
    total = total.plus(yearlyNetStaffCost(p, year).times(inYear).div(12));
  }
  return total;
}
