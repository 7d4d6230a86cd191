// Monte Carlo distributions resolved against the scenario they are drawn for
// (issue 14): a parameter is an absolute number or relative to the scenario's
// own value of the driver, and a left-out mean, mode or value is that value.
// So `{dist: triangular, low: -20%, high: +20%}` in base.yaml is centred on
// 30 h/week in base and on 26 h/week in a child that sets 26. Pure.
import { t, type Text } from "../issues.js";
import type { Distribution, McParam, MonteCarloSpec, Scenario } from "./types.js";

/** A distribution with plain numbers, ready to draw from. */
export type Resolved =
  | { readonly dist: "fixed"; readonly value: number }
  | { readonly dist: "poisson"; readonly mean: number }
  | { readonly dist: "normal"; readonly mean: number; readonly sd: number; readonly min?: number; readonly max?: number }
  | { readonly dist: "uniform"; readonly min: number; readonly max: number }
  | { readonly dist: "triangular"; readonly low: number; readonly mode: number; readonly high: number };

export type McDriver = keyof MonteCarloSpec;
export const MC_DRIVERS: readonly McDriver[] = ["inflow", "placementRate", "monthlyDropout", "hoursPerWeek"];
/** The file's key of each driver (for messages and JSON). */
export const MC_KEYS: Readonly<Record<McDriver, string>> = {
  inflow: "inflow",
  placementRate: "placement_rate",
  monthlyDropout: "monthly_dropout",
  hoursPerWeek: "hours_per_week",
};

/** A location parameter: absolute, or the centre moved by a fraction (+20% → centre × 1.2). */
const at = (p: McParam | undefined, centre: number): number => (p === undefined ? centre : p.kind === "abs" ? p.value : centre * (1 + p.fraction));
/** A spread: absolute, or a share of the centre (sd: 10% → centre × 0.1). */
const spread = (p: McParam, centre: number): number => (p.kind === "abs" ? p.value : centre * p.fraction);

/** Resolve a distribution around `centre` (the scenario's value); a message when the numbers do not make a distribution. */
export function resolve(d: Distribution, centre: number): { ok: true; value: Resolved } | { ok: false; message: Text } {
  switch (d.dist) {
    case "fixed":
      return { ok: true, value: { dist: "fixed", value: at(d.value, centre) } };
    case "poisson": {
      const mean = at(d.mean, centre);
      return mean < 0 ? { ok: false, message: t("distribution.negative-mean", { mean: String(mean) }) } : { ok: true, value: { dist: "poisson", mean } };
    }
    case "normal": {
      const min = d.min === undefined ? undefined : at(d.min, centre);
      const max = d.max === undefined ? undefined : at(d.max, centre);
      if (min !== undefined && max !== undefined && max < min) return { ok: false, message: t("distribution.max-below-min", { max: String(max), min: String(min) }) };
      return { ok: true, value: { dist: "normal", mean: at(d.mean, centre), sd: spread(d.sd, centre), ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) } };
    }
    case "uniform": {
      const min = at(d.low, centre);
      const max = at(d.high, centre);
      return max < min ? { ok: false, message: t("distribution.high-below-low", { high: String(max), low: String(min) }) } : { ok: true, value: { dist: "uniform", min, max } };
    }
    case "triangular": {
      const low = at(d.low, centre);
      const mode = at(d.mode, centre);
      const high = at(d.high, centre);
      if (!(low <= mode && mode <= high))
        return { ok: false, message: t("distribution.mode-outside", { low: String(low), mode: String(mode), high: String(high), modeFromScenario: d.mode === undefined }) };
      return { ok: true, value: { dist: "triangular", low, mode, high } };
    }
  }
}

/** The scenario's own value of a Monte Carlo driver in month 1 (the centre of its distribution). */
export function centreOf(s: Scenario, k: McDriver): number {
  switch (k) {
    case "inflow":
      return s.inflow.kind === "constant" ? s.inflow.perMonth.toNumber() : s.inflow.kind === "list" ? s.inflow.values[0]!.toNumber() : s.inflow.start.toNumber();
    case "placementRate":
      return s.placementRate.toNumber();
    case "monthlyDropout":
      return s.monthlyDropout.toNumber();
    case "hoursPerWeek":
      return s.hoursPerWeek.toNumber();
  }
}

/** Every problem resolving the scenario's distributions (empty when they all make sense). */
export function distributionProblems(s: Scenario): { driver: McDriver; message: Text }[] {
  const spec = s.monteCarlo ?? {};
  return MC_DRIVERS.flatMap((k) => {
    const d = spec[k];
    if (!d) return [];
    const r = resolve(d.distribution, centreOf(s, k));
    return r.ok ? [] : [{ driver: k, message: r.message }];
  });
}

/** Resolve or throw (callers check distributionProblems first). */
export function mustResolve(d: Distribution, centre: number): Resolved {
  const r = resolve(d, centre);
  if (!r.ok) throw new Error(`Monte Carlo distribution: ${r.message.key} ${JSON.stringify(r.message.params)}`);
  return r.value;
}
