// Sensitivity (tornado): each driver moved down and up, the effect on end
// reserve and funding need, sorted by the larger swing of the end reserve.
// A driver with a fractional value moves by ±X%; a whole-number driver
// (months to placement) moves by one step, −1 / +1, since a percentage of 2
// months would round back to 2 (issue 14).
import { D, type Dec } from "../money.js";
import { DRIVERS, DRIVER_NAMES, type DriverName } from "./drivers.js";
import { keyFigures, type KeyFigures } from "./figures.js";
import { project } from "./project.js";
import type { Scenario } from "./types.js";

/** How a driver was moved: by a percentage of itself, or by whole steps (months). */
export type Change = { readonly kind: "percent"; readonly by: Dec } | { readonly kind: "step"; readonly by: number };

export type SensitivityRow = {
  readonly driver: DriverName;
  readonly lowChange: Change;
  readonly highChange: Change;
  /** The driver's value at low and high, when it has a single value (a rate, a count of months). */
  readonly lowValue?: Dec;
  readonly highValue?: Dec;
  readonly low: KeyFigures;
  readonly high: KeyFigures;
  /** End reserve at low minus the base end reserve. */
  readonly endReserveLowDelta: Dec;
  readonly endReserveHighDelta: Dec;
  readonly fundingNeedLowDelta: Dec;
  readonly fundingNeedHighDelta: Dec;
  /** max(|low delta|, |high delta|) of the end reserve: the sort key. */
  readonly swing: Dec;
};

export type Sensitivity = { readonly fraction: Dec; readonly base: KeyFigures; readonly rows: readonly SensitivityRow[] };

/** The scenario moved down (−) or up (+) for one driver, and how. */
function moved(s: Scenario, driver: DriverName, fraction: Dec, sign: -1 | 1): { scenario: Scenario; change: Change } {
  const d = DRIVERS[driver];
  if (d.integer && d.set && d.get) {
    const v = d.get(s)!;
    const to = D.max(0, v.plus(sign));
    return { scenario: d.set(s, to), change: { kind: "step", by: to.minus(v).toNumber() } };
  }
  const one = new D(1);
  return { scenario: d.scale(s, sign < 0 ? one.minus(fraction) : one.plus(fraction)), change: { kind: "percent", by: fraction.times(sign * 100) } };
}

export function sensitivity(s: Scenario, fraction: Dec, drivers: readonly DriverName[] = DRIVER_NAMES): Sensitivity {
  const base = keyFigures(project(s, { detail: false }));
  const rows = drivers.map((driver): SensitivityRow => {
    const d = DRIVERS[driver];
    const lo = moved(s, driver, fraction, -1);
    const hi = moved(s, driver, fraction, 1);
    const low = keyFigures(project(lo.scenario, { detail: false }));
    const high = keyFigures(project(hi.scenario, { detail: false }));
    const dLow = low.endReserve.minus(base.endReserve);
    const dHigh = high.endReserve.minus(base.endReserve);
    const lowValue = d.get?.(lo.scenario);
    const highValue = d.get?.(hi.scenario);
    return {
      driver,
      lowChange: lo.change,
      highChange: hi.change,
      ...(lowValue !== undefined ? { lowValue } : {}),
      ...(highValue !== undefined ? { highValue } : {}),
      low,
      high,
      endReserveLowDelta: dLow,
      endReserveHighDelta: dHigh,
      fundingNeedLowDelta: low.fundingNeed.minus(base.fundingNeed),
      fundingNeedHighDelta: high.fundingNeed.minus(base.fundingNeed),
      swing: D.max(dLow.abs(), dHigh.abs()),
    };
  });
  // Largest swing first; ties keep driver order so the output is deterministic.
  const order = new Map(drivers.map((d, i) => [d, i]));
  rows.sort((a, b) => b.swing.comparedTo(a.swing) || order.get(a.driver)! - order.get(b.driver)!);
  return { fraction, base, rows };
}
