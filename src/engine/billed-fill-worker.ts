// The billed-column fill's second thread (issue 15). Started while the close
// still reads, it first touches every page of the buffer it shares with the
// main thread (on a virtual machine a page's first touch costs ~10 µs: done
// here while the main thread has other work, 40 MB costs 0.1 s less later);
// then it fills its part of each batch it is sent (billed-fill.ts) and
// answers with the repeated rows it found.
import { parentPort, workerData } from "node:worker_threads";
import { fillBatch, OccList, type FillLayout, type FillPart } from "./billed-fill.js";

const out = new Uint8Array(workerData as SharedArrayBuffer);
for (let i = 0; i < out.length; i += 4096) out[i] = 0;
// the main thread writes into the buffer only after this: a page touched late would lose what it wrote there
parentPort!.postMessage({ ready: true });

parentPort!.on("message", (msg: { layout: FillLayout; part: FillPart; batch: number }) => {
  try {
    const occ = new OccList();
    fillBatch(msg.layout, msg.part, msg.batch, out, occ);
    parentPort!.postMessage({ ok: true, rows: occ.rows, ks: occ.ks, n: occ.n }, [occ.rows.buffer, occ.ks.buffer]);
  } catch (e) {
    parentPort!.postMessage({ ok: false, message: (e as Error).stack ?? String(e) });
  }
});
