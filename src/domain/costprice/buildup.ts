// The cost-price build-up of one partner as reported: source S2's five parts
// (net wage cost of the workers, supervision, consumables, equipment,
// operating means), each line rounded to cents, totals the sums of the lines.
import { type Dec, MODEL_ROUNDING, ZERO, roundMoney, sum } from "../money.js";
import type { PartnerCost } from "./types.js";
import {
  type OccupancyMode,
  occupiedFte,
  staffGross,
  subsidyOn,
  supervisionFte,
  supervisionGross,
  totalOccupiedFte,
} from "./wages.js";

export const COMPONENTS = ["staff", "supervision", "consumables", "equipment", "operating"] as const;
export type ComponentKey = (typeof COMPONENTS)[number];

export type SubsidyLine = { readonly kind: string; readonly amount: Dec };

/** A wage line as reported: FTE counted, gross cost, each subsidy, net (all in cents). */
export type WageLine = {
  readonly role: string;
  readonly fte: Dec;
  readonly gross: Dec;
  readonly subsidies: readonly SubsidyLine[];
  readonly subsidyTotal: Dec;
  readonly net: Dec;
};

export type Component = {
  readonly key: ComponentKey;
  readonly gross: Dec;
  readonly subsidies: Dec;
  readonly net: Dec;
};

export type PerUnit = { readonly gross: Dec; readonly net: Dec };

export type BuildUp = {
  readonly partner: string;
  readonly yearIndex: number;
  readonly occupancy: OccupancyMode;
  readonly allottedFte: Dec;
  readonly occupiedFte: Dec;
  readonly supervisionFte: Dec;
  /** Exact productive hours a year: occupied FTE × productive hours per FTE. */
  readonly productiveHours: Dec;
  /** Exact coached candidates a year, when the partner states a trajectory. */
  readonly candidatesPerYear?: Dec;
  readonly staff: readonly WageLine[];
  readonly supervision?: WageLine;
  readonly equipment: readonly { readonly item: string; readonly yearly: Dec }[];
  readonly components: readonly Component[];
  readonly gross: Dec;
  readonly subsidies: Dec;
  readonly net: Dec;
  /** Cost per productive hour, to cents; absent when there are no productive hours. */
  readonly perHour?: PerUnit;
  /** Cost per coached candidate, to cents; absent without a trajectory. */
  readonly perCandidate?: PerUnit;
};

const cents = (x: Dec): Dec => roundMoney(x, MODEL_ROUNDING);

/** A wage line: gross rounded to cents, each subsidy computed on that reported gross, then rounded. */
function wageLine(role: string, fte: Dec, grossExact: Dec, subsidies: PartnerCost["staff"][number]["subsidies"]): WageLine {
  const gross = cents(grossExact);
  const subs = subsidies.map((s) => ({ kind: s.kind, amount: cents(subsidyOn(s, gross, fte)) }));
  const subsidyTotal = sum(subs.map((s) => s.amount));
  return { role, fte, gross, subsidies: subs, subsidyTotal, net: gross.minus(subsidyTotal) };
}

const perUnit = (gross: Dec, net: Dec, units: Dec | undefined): PerUnit | undefined =>
  units === undefined || units.isZero() ? undefined : { gross: cents(gross.div(units)), net: cents(net.div(units)) };

/** The yearly cost price of `p` in year `yearIndex` (0 = base year). */
export function buildUp(p: PartnerCost, yearIndex = 0, occupancy: OccupancyMode = "actual"): BuildUp {
  const staff = p.staff.map((l) =>
    wageLine(l.role, occupiedFte(l, occupancy), staffGross(l, occupancy, yearIndex), l.subsidies),
  );
  const supFte = supervisionFte(p);
  const supervision = p.supervision
    ? wageLine(p.supervision.role, supFte, supervisionGross(p, p.supervision, yearIndex), p.supervision.subsidies)
    : undefined;
  const fte = totalOccupiedFte(p, occupancy);
  const equipment = p.equipment.map((e) => ({
    item: e.item,
    yearly: cents(e.purchase.minus(e.residual).div(e.lifetimeYears)),
  }));
  const plain = (key: ComponentKey, amount: Dec): Component => ({ key, gross: amount, subsidies: ZERO, net: amount });
  const wages = (key: ComponentKey, lines: readonly WageLine[]): Component => ({
    key,
    gross: sum(lines.map((l) => l.gross)),
    subsidies: sum(lines.map((l) => l.subsidyTotal)),
    net: sum(lines.map((l) => l.net)),
  });
  const components: Component[] = [
    wages("staff", staff),
    wages("supervision", supervision ? [supervision] : []),
    plain("consumables", cents(p.consumables.fixed.plus(p.consumables.perFte.times(fte)))),
    plain("equipment", sum(equipment.map((e) => e.yearly))),
    plain("operating", cents(p.operating.fixed.plus(p.operating.perFte.times(fte)))),
  ];
  const gross = sum(components.map((c) => c.gross));
  const subsidies = sum(components.map((c) => c.subsidies));
  const net = sum(components.map((c) => c.net));
  const productiveHours = fte.times(p.productiveHoursPerFte);
  const candidatesPerYear =
    p.trajectory === undefined
      ? undefined
      : p.trajectory.kind === "per-fte"
        ? fte.times(p.trajectory.candidatesPerFte)
        : productiveHours.div(p.trajectory.hoursPerCandidate);
  const perHour = perUnit(gross, net, productiveHours);
  const perCandidate = perUnit(gross, net, candidatesPerYear);
  return {
    partner: p.name,
    yearIndex,
    occupancy,
    allottedFte: sum(p.staff.map((l) => l.fte)),
    occupiedFte: fte,
    supervisionFte: supFte,
    productiveHours,
    ...(candidatesPerYear !== undefined ? { candidatesPerYear } : {}),
    staff,
    ...(supervision ? { supervision } : {}),
    equipment,
    components,
    gross,
    subsidies,
    net,
    ...(perHour ? { perHour } : {}),
    ...(perCandidate ? { perCandidate } : {}),
  };
}

/** What occupancy below 100% costs: subsidy lost and how much more an hour costs. */
export type OccupancyEffect = {
  readonly actual: BuildUp;
  readonly full: BuildUp;
  /** Subsidies at 100% occupancy − subsidies at the actual occupancy. */
  readonly lostSubsidy: Dec;
  /** Net cost per productive hour at actual − at full occupancy (absent without hours). */
  readonly perHourIncrease?: Dec;
};

export function occupancyEffect(p: PartnerCost, yearIndex = 0): OccupancyEffect {
  const actual = buildUp(p, yearIndex, "actual");
  const full = buildUp(p, yearIndex, "full");
  const inc = actual.perHour && full.perHour ? actual.perHour.net.minus(full.perHour.net) : undefined;
  return {
    actual,
    full,
    lostSubsidy: full.subsidies.minus(actual.subsidies),
    ...(inc !== undefined ? { perHourIncrease: inc } : {}),
  };
}
