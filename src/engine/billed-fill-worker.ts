// The billed-column fill's second thread (issue 15): fills its part of each
// batch and encodes its half of the staged fingerprints (billed-fill.ts), in
// the buffers it shares with the main thread, a step per message; a fill
// answers with the repeated rows it found.
import { parentPort, workerData } from "node:worker_threads";
import { encodeBuckets, fillBatch, OccList, type FillLayout, type FillPart } from "./billed-fill.js";

const { layout, part, buffer, staging } = workerData as { layout: FillLayout; part: FillPart; buffer: SharedArrayBuffer; staging: SharedArrayBuffer };
const out = new Uint8Array(buffer);
const staged = new Uint32Array(staging);

parentPort!.on("message", (msg: { op: "fill" | "encode"; batch: number; q0?: number; q1?: number }) => {
  try {
    if (msg.op === "encode") {
      encodeBuckets(layout, msg.batch, staged, out, msg.q0!, msg.q1!);
      parentPort!.postMessage({ ok: true });
      return;
    }
    const occ = new OccList();
    fillBatch(layout, part, msg.batch, out, staged, occ);
    parentPort!.postMessage({ ok: true, rows: occ.rows, ks: occ.ks, n: occ.n }, [occ.rows.buffer, occ.ks.buffer]);
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: (e as Error).stack ?? String(e) });
  }
});
