// The grid on both cores: rows are dealt to worker threads in a fixed pattern
// (row i to worker i mod W) and put back in order, so the result is the same as
// the single-thread grid whatever W is. Small grids, and runs from the
// TypeScript sources (tests), stay on one thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { KeyFigures } from "../../domain/scenario/figures.js";
import { grid, rangeValues, type Grid, type Range } from "../../domain/scenario/grid.js";
import type { Scenario } from "../../domain/scenario/types.js";
import { fromWire, toWire } from "./wire.js";

const WORKER = fileURLToPath(new URL("./grid-worker.js", import.meta.url));
/** Below this many cells a worker's start-up costs more than it saves. */
const MIN_CELLS = 200;

export async function gridOnCores(s: Scenario, x: Range, y: Range, workers = Math.min(availableParallelism(), 4)): Promise<Grid> {
  const xs = rangeValues(x);
  const ys = rangeValues(y);
  const w = Math.min(workers, ys.length);
  if (w <= 1 || xs.length * ys.length < MIN_CELLS || !existsSync(WORKER)) return grid(s, x, y);
  const scenario = toWire(s);
  const parts = await Promise.all(
    Array.from({ length: w }, (_, k) => {
      const rows = ys.map((_, i) => i).filter((i) => i % w === k);
      return new Promise<{ rows: number[]; cells: KeyFigures[][] }>((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: { scenario, x: toWire(x), y: toWire(y), rows } });
        worker.once("message", (m) => resolve({ rows, cells: fromWire<KeyFigures[][]>(m) }));
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (code !== 0) reject(new Error(`grid worker stopped with exit code ${code}`));
        });
      });
    }),
  );
  const cells: KeyFigures[][] = new Array(ys.length);
  for (const p of parts) p.rows.forEach((iy, j) => (cells[iy] = p.cells[j]!));
  return { x, y, xs, ys, cells };
}
