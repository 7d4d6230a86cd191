// Worker thread for `scenario grid`: computes the rows of the grid it is given.
import { parentPort, workerData } from "node:worker_threads";
import { setDriver } from "../../domain/scenario/drivers.js";
import { keyFigures } from "../../domain/scenario/figures.js";
import { rangeValues, type Range } from "../../domain/scenario/grid.js";
import { project } from "../../domain/scenario/project.js";
import type { Scenario } from "../../domain/scenario/types.js";
import { fromWire, toWire } from "./wire.js";

type Job = { scenario: unknown; x: unknown; y: unknown; rows: number[] };

const job = workerData as Job;
const s = fromWire<Scenario>(job.scenario);
const x = fromWire<Range>(job.x);
const y = fromWire<Range>(job.y);
const xs = rangeValues(x);
const ys = rangeValues(y);
const out = job.rows.map((iy) => {
  const sy = setDriver(s, y.driver, ys[iy]!);
  return xs.map((vx) => keyFigures(project(setDriver(sy, x.driver, vx), { detail: false })));
});
parentPort!.postMessage(toWire(out));
