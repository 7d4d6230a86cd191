// Sensitivity (tornado): each driver moved down and up by a fraction, the effect
// on end reserve and funding need, sorted by the larger swing of the end reserve.
import { D, type Dec } from "../money.js";
import { DRIVERS, DRIVER_NAMES, type DriverName } from "./drivers.js";
import { keyFigures, type KeyFigures } from "./figures.js";
import { project } from "./project.js";
import type { Scenario } from "./types.js";

export type SensitivityRow = {
  readonly driver: DriverName;
  readonly low: KeyFigures;
  readonly high: KeyFigures;
  /** End reserve at −X% minus the base end reserve. */
  readonly endReserveLowDelta: Dec;
  readonly endReserveHighDelta: Dec;
  readonly fundingNeedLowDelta: Dec;
  readonly fundingNeedHighDelta: Dec;
  /** max(|low delta|, |high delta|) of the end reserve: the sort key. */
  readonly swing: Dec;
};

export type Sensitivity = { readonly fraction: Dec; readonly base: KeyFigures; readonly rows: readonly SensitivityRow[] };

export function sensitivity(s: Scenario, fraction: Dec, drivers: readonly DriverName[] = DRIVER_NAMES): Sensitivity {
  const base = keyFigures(project(s, { detail: false }));
  const one = new D(1);
  const rows = drivers.map((driver): SensitivityRow => {
    const d = DRIVERS[driver];
    const low = keyFigures(project(d.scale(s, one.minus(fraction)), { detail: false }));
    const high = keyFigures(project(d.scale(s, one.plus(fraction)), { detail: false }));
    const lo = low.endReserve.minus(base.endReserve);
    const hi = high.endReserve.minus(base.endReserve);
    return {
      driver,
      low,
      high,
      endReserveLowDelta: lo,
      endReserveHighDelta: hi,
      fundingNeedLowDelta: low.fundingNeed.minus(base.fundingNeed),
      fundingNeedHighDelta: high.fundingNeed.minus(base.fundingNeed),
      swing: D.max(lo.abs(), hi.abs()),
    };
  });
  // Largest swing first; ties keep driver order so the output is deterministic.
  const order = new Map(drivers.map((d, i) => [d, i]));
  rows.sort((a, b) => b.swing.comparedTo(a.swing) || order.get(a.driver)! - order.get(b.driver)!);
  return { fraction, base, rows };
}
