// Wage lines of a cost price, exact: gross wage cost with indexation, and
// subsidies with the cap rule (rate × cost or amount × FTE, at most the cap).
import { D, type Dec, ZERO, min, sum } from "../money.js";
import type { PartnerCost, StaffLine, Subsidy, Supervision } from "./types.js";

/** Whether occupancy is taken as given or as 100% of the allotted jobs (to show the effect). */
export type OccupancyMode = "actual" | "full";

/** (1 + indexation)^yearIndex; year 0 is the base year of the wage costs. */
export function indexFactor(indexation: Dec, yearIndex: number): Dec {
  if (!Number.isInteger(yearIndex) || yearIndex < 0) throw new Error(`indexFactor: bad year index ${yearIndex}`);
  return new D(1).plus(indexation).pow(yearIndex);
}

/** The source S4 rule: the subsidy is its base (rate × cost, or amount), but never above the cap. */
export function cappedSubsidy(base: Dec, cap: Dec | undefined): Dec {
  return cap === undefined ? base : min(base, cap);
}

/** One subsidy on a wage line with gross cost `gross` and `fte` occupied FTE, before rounding. */
export function subsidyOn(s: Subsidy, gross: Dec, fte: Dec): Dec {
  const base = s.rate !== undefined ? s.rate.times(gross) : (s.amount ?? ZERO).times(fte);
  return cappedSubsidy(base, s.cap);
}

export const occupiedFte = (line: StaffLine, mode: OccupancyMode): Dec =>
  mode === "full" ? line.fte : line.fte.times(line.occupancy);

export const allottedFte = (p: PartnerCost): Dec => sum(p.staff.map((l) => l.fte));

export const totalOccupiedFte = (p: PartnerCost, mode: OccupancyMode): Dec =>
  sum(p.staff.map((l) => occupiedFte(l, mode)));

/** Supervisors are staffed for the allotted jobs: they stay when occupancy drops. */
export function supervisionFte(p: PartnerCost): Dec {
  return p.supervision ? allottedFte(p).div(p.supervision.ratio) : ZERO;
}

export const staffGross = (line: StaffLine, mode: OccupancyMode, yearIndex: number): Dec =>
  occupiedFte(line, mode).times(line.yearlyCost).times(indexFactor(line.indexation, yearIndex));

export const supervisionGross = (p: PartnerCost, s: Supervision, yearIndex: number): Dec =>
  supervisionFte(p).times(s.yearlyCost).times(indexFactor(s.indexation, yearIndex));

/** Exact yearly wage cost of a partner in a year, split: gross (staff + supervision) and the subsidies on it. */
export function yearlyStaffCostParts(p: PartnerCost, yearIndex: number, mode: OccupancyMode = "actual"): { gross: Dec; subsidies: Dec } {
  let gross = ZERO;
  let subsidies = ZERO;
  for (const line of p.staff) {
    const g = staffGross(line, mode, yearIndex);
    const fte = occupiedFte(line, mode);
    gross = gross.plus(g);
    subsidies = subsidies.plus(sum(line.subsidies.map((s) => subsidyOn(s, g, fte))));
  }
  if (p.supervision) {
    const g = supervisionGross(p, p.supervision, yearIndex);
    const fte = supervisionFte(p);
    gross = gross.plus(g);
    subsidies = subsidies.plus(sum(p.supervision.subsidies.map((s) => subsidyOn(s, g, fte))));
  }
  return { gross, subsidies };
}

/** Exact yearly net wage cost (staff + supervision − subsidies) of a partner in a year. */
export function yearlyNetStaffCost(p: PartnerCost, yearIndex: number, mode: OccupancyMode = "actual"): Dec {
  const { gross, subsidies } = yearlyStaffCostParts(p, yearIndex, mode);
  return gross.minus(subsidies);
}
