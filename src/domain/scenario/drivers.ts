// Named drivers of a scenario that solve, sensitivity and grid can set or scale.
// Pure: each returns a new Scenario; nothing is mutated.
import { t, type Text } from "../issues.js";
import { D, roundMoney, roundTo, type Dec } from "../money.js";
import type { Inflow, Scenario } from "./types.js";

export type DriverName =
  | "inflow"
  | "ready_share"
  | "placement_rate"
  | "months_to_placement"
  | "monthly_dropout"
  | "hours_per_week"
  | "fee"
  | "benefit_share"
  | "benefits"
  | "staff_cost"
  | "subsidies"
  | "running_costs"
  | "investments";

/** How a value given on the command line (--set, grid ranges) is checked. */
export type DriverValue = "fraction" | "whole" | "money" | "number";

type Driver = {
  readonly nl: string;
  readonly en: string;
  /** Set the driver to one value (grid, solve, --set); absent when it has no single value. */
  readonly set?: (s: Scenario, v: Dec) => Scenario;
  /** The scenario's single value of the driver, when it has one (a constant inflow, a single fee). */
  readonly get?: (s: Scenario) => Dec | undefined;
  /** What a value of it is, for checking --set and grid values. */
  readonly value?: DriverValue;
  /** Why it cannot be set on this scenario (undefined: it can). */
  readonly notSettable?: (s: Scenario) => Text | undefined;
  /** Multiply the driver by a factor (sensitivity). */
  readonly scale: (s: Scenario, f: Dec) => Scenario;
  /** Whole numbers only: sensitivity moves it by one step (±1) instead of ±X%. */
  readonly integer?: boolean;
  /** The unit of one step of a whole-number driver, for "−1 / +1 month". */
  readonly unit?: { readonly nl: string; readonly en: string };
  /** Largest sensible value (rates are capped at 1 after scaling). */
  readonly cap?: Dec;
};

const ONE = new D(1);
/** A money amount scaled by a factor, back in cents (scaled amounts stay money). */
const scaleMoney = (x: Dec, f: Dec): Dec => roundMoney(x.times(f), "half-away-from-zero");
const capAt = (x: Dec, cap?: Dec): Dec => (cap !== undefined && x.greaterThan(cap) ? cap : x);

function scaleInflow(i: Inflow, f: Dec): Inflow {
  switch (i.kind) {
    case "constant":
      return { kind: "constant", perMonth: i.perMonth.times(f) };
    case "list":
      return { kind: "list", values: i.values.map((v) => v.times(f)) };
    case "growth":
      return { ...i, start: i.start.times(f) };
  }
}

export const DRIVERS: Readonly<Record<DriverName, Driver>> = {
  inflow: {
    nl: "instroom kandidaten/maand",
    en: "candidate inflow/month",
    set: (s, v) => ({ ...s, inflow: { kind: "constant", perMonth: v } }),
    get: (s) => (s.inflow.kind === "constant" ? s.inflow.perMonth : undefined),
    value: "number",
    scale: (s, f) => ({ ...s, inflow: scaleInflow(s.inflow, f) }),
  },
  ready_share: {
    nl: "aandeel klaar voor plaatsing",
    en: "share ready for placement",
    cap: ONE,
    set: (s, v) => ({ ...s, readyShare: v }),
    get: (s) => s.readyShare,
    value: "fraction",
    scale: (s, f) => ({ ...s, readyShare: capAt(s.readyShare.times(f), ONE) }),
  },
  placement_rate: {
    nl: "slaagpercentage plaatsing",
    en: "placement rate",
    cap: ONE,
    set: (s, v) => ({ ...s, placementRate: v }),
    get: (s) => s.placementRate,
    value: "fraction",
    scale: (s, f) => ({ ...s, placementRate: capAt(s.placementRate.times(f), ONE) }),
  },
  months_to_placement: {
    nl: "maanden tot plaatsing",
    en: "months to placement",
    integer: true,
    unit: { nl: "maand", en: "month" },
    value: "whole",
    set: (s, v) => ({ ...s, monthsToPlacement: v.toNumber() }),
    get: (s) => new D(s.monthsToPlacement),
    // A whole number of months: a small percentage would round back to the same
    // month, so the driver moves at least one month in the direction of the change.
    scale: (s, f) => {
      const v = s.monthsToPlacement;
      let m = roundTo(new D(v).times(f), 0, "half-away-from-zero").toNumber();
      if (m === v && !f.equals(1)) m = f.greaterThan(1) ? v + 1 : Math.max(0, v - 1);
      return { ...s, monthsToPlacement: m };
    },
  },
  monthly_dropout: {
    nl: "uitval per maand",
    en: "monthly drop-out",
    cap: ONE,
    set: (s, v) => ({ ...s, monthlyDropout: v }),
    get: (s) => s.monthlyDropout,
    value: "fraction",
    scale: (s, f) => ({ ...s, monthlyDropout: capAt(s.monthlyDropout.times(f), ONE) }),
  },
  hours_per_week: {
    nl: "gefactureerde uren/week",
    en: "billed hours/week",
    set: (s, v) => ({ ...s, hoursPerWeek: v }),
    get: (s) => s.hoursPerWeek,
    value: "number",
    cap: new D(168),
    scale: (s, f) => ({ ...s, hoursPerWeek: s.hoursPerWeek.times(f) }),
  },
  fee: {
    nl: "vergoeding per uur",
    en: "fee per hour",
    set: (s, v) => ({ ...s, fee: [{ fromMonth: 1, value: v }] }),
    get: (s) => (s.fee.length === 1 ? s.fee[0]!.value : undefined),
    value: "money",
    scale: (s, f) => ({ ...s, fee: s.fee.map((x) => ({ ...x, value: x.value.times(f) })) }),
  },
  benefit_share: {
    nl: "aandeel voordelen",
    en: "benefit share",
    cap: ONE,
    set: (s, v) => ({ ...s, benefitShare: v }),
    get: (s) => s.benefitShare,
    value: "fraction",
    scale: (s, f) => ({ ...s, benefitShare: capAt(s.benefitShare.times(f), ONE) }),
  },
  benefits: {
    nl: "voordelen per werknemer",
    en: "benefits per worker",
    scale: (s, f) => ({ ...s, benefits: s.benefits.map((b) => ({ ...b, tiers: b.tiers.map((t) => ({ ...t, amount: scaleMoney(t.amount, f) })) })) }),
  },
  staff_cost: {
    nl: "personeelskost SE per VTE",
    en: "SE staff cost per FTE",
    set: (s, v) => ({ ...s, seStaff: { ...s.seStaff, yearlyCostPerFte: v } }),
    get: (s) => (s.seStaff.costPrice ? undefined : s.seStaff.yearlyCostPerFte),
    value: "money",
    notSettable: (s) => (s.seStaff.costPrice ? t("driver.staff-cost-from-costprice", { file: s.seStaff.costPrice.file }) : undefined),
    // A cost-price staff cost scales too: each partner's gross and the file's subsidies on it, back in cents.
    scale: (s, f) => {
      const cp = s.seStaff.costPrice;
      return {
        ...s,
        seStaff: {
          ...s.seStaff,
          yearlyCostPerFte: s.seStaff.yearlyCostPerFte.times(f),
          ...(cp
            ? {
                costPrice: {
                  file: cp.file,
                  grossByYear: cp.grossByYear.map((y) => y.map((x) => scaleMoney(x, f))),
                  subsidyByYear: cp.subsidyByYear.map((y) => y.map((x) => scaleMoney(x, f))),
                },
              }
            : {}),
        },
      };
    },
  },
  subsidies: {
    nl: "subsidies",
    en: "subsidies",
    scale: (s, f) => ({
      ...s,
      subsidies: s.subsidies.map((x) => {
        const b = x.basis;
        const basis = b.kind === "fixed" ? { ...b, perMonth: scaleMoney(b.perMonth, f) } : { ...b, rate: capAt(b.rate.times(f), ONE) };
        return { ...x, basis };
      }),
      // Funders other than the partners' own contribution are subsidies too.
      ...(s.funding
        ? {
            funding: s.funding.map((x) =>
              x.own ? x : { ...x, basis: x.basis.kind === "rate" ? { kind: "rate" as const, rate: capAt(x.basis.rate.times(f), ONE) } : { kind: "amount" as const, perMonth: scaleMoney(x.basis.perMonth, f) } },
            ),
          }
        : {}),
    }),
  },
  running_costs: {
    nl: "werkingskosten",
    en: "running costs",
    scale: (s, f) => ({ ...s, runningCosts: s.runningCosts.map((c) => ({ ...c, perMonth: scaleMoney(c.perMonth, f) })) }),
  },
  investments: {
    nl: "investeringen",
    en: "investments",
    scale: (s, f) => ({ ...s, investments: s.investments.map((c) => ({ ...c, amount: scaleMoney(c.amount, f) })) }),
  },
};

export const DRIVER_NAMES = Object.keys(DRIVERS) as DriverName[];
export const SETTABLE_DRIVERS = DRIVER_NAMES.filter((d) => DRIVERS[d].set !== undefined);

export const isDriver = (x: string): x is DriverName => Object.hasOwn(DRIVERS, x);

/** What `--set` accepts besides the settable drivers. */
export const EXTRA_SETTINGS = ["opening_reserve"] as const;

/** Set a driver to a value. Throws for a driver that cannot be set (callers validate names first). */
export function setDriver(s: Scenario, name: DriverName, v: Dec): Scenario {
  const d = DRIVERS[name];
  if (!d.set) throw new Error(`driver ${name} cannot be set to one value`);
  return d.set(s, v);
}
