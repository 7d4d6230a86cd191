// Grid: two drivers over ranges; end reserve, funding need and feasibility per
// cell. Cells run on the exact engine (exact-engine.ts: scaled integers, the
// same cents as the Decimal projection) in one thread: 2,500 cells take a
// fraction of a second, less than starting worker threads would save.
import { D, type Dec } from "../money.js";
import { setDriver, type DriverName } from "./drivers.js";
import { exactKeyFigures } from "./exact-engine.js";
import type { KeyFigures } from "./figures.js";
import type { Scenario } from "./types.js";

/** from:to:step, inclusive of `to` when the steps land on it. */
export type Range = { readonly driver: DriverName; readonly from: Dec; readonly to: Dec; readonly step: Dec };

export type Grid = {
  readonly x: Range;
  readonly y: Range;
  readonly xs: readonly Dec[];
  readonly ys: readonly Dec[];
  /** cells[iy][ix]. */
  readonly cells: readonly (readonly KeyFigures[])[];
};

export function rangeValues(r: Range): Dec[] {
  const out: Dec[] = [];
  for (let v = r.from; v.lessThanOrEqualTo(r.to); v = v.plus(r.step)) out.push(v);
  return out;
}

export function grid(s: Scenario, x: Range, y: Range): Grid {
  const xs = rangeValues(x);
  const ys = rangeValues(y);
  const cells = ys.map((vy) => {
    const sy = setDriver(s, y.driver, vy);
    return xs.map((vx) => exactKeyFigures(setDriver(sy, x.driver, vx)));
  });
  return { x, y, xs, ys, cells };
}

export const countCells = (x: Range, y: Range): number => rangeValues(x).length * rangeValues(y).length;
