// A parse worker thread (issue 15): takes chunk tasks, answers with their
// parsed rows (parse-chunk.ts), the row buffers transferred, not copied.
import { parentPort } from "node:worker_threads";
import { parseChunk, type ChunkTask } from "./parse-chunk.js";

parentPort!.on("message", (task: ChunkTask) => {
  try {
    const r = parseChunk(task);
    parentPort!.postMessage({ ok: true, result: r }, [r.rows, r.texts]);
  } catch (e) {
    parentPort!.postMessage({ ok: false, id: task.id, message: (e as Error).stack ?? String(e) });
  }
});
