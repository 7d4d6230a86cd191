// Parse tasks on both cores (issue 15): a small pool of worker threads
// (parse-worker.ts), or the calling thread itself when the input is small
// (a worker's start-up costs more than parsing a few thousand rows) or when
// no built worker script is at hand (tests running the TypeScript sources).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { parseChunk, type ChunkResult, type ChunkTask } from "./parse-chunk.js";

/** The built worker script: beside this module, or in dist/ when running from src/. */
function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const candidates = here.endsWith(".ts") ? [here.replace(/\/src\/engine\/[^/]+\.ts$/, "/dist/engine/parse-worker.js")] : [here.replace(/[^/]+\.js$/, "parse-worker.js")];
  return candidates.find((p) => existsSync(p));
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { task: ChunkTask; resolve: (r: ChunkResult) => void; reject: (e: Error) => void }[] = [];
  private readonly running = new Map<Worker, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }>();

  /** `threads` 0: parse on the calling thread. */
  constructor(threads: number) {
    const script = threads > 0 ? workerScript() : undefined;
    if (!script) return;
    for (let i = 0; i < threads; i++) {
      // a larger young generation than the default: parsing makes short-lived strings by the million
      // (16 MB: 96 saved no measurable time and took 100 MB more at the peak)
      const w = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      w.on("message", (msg: { ok: true; result: ChunkResult } | { ok: false; message: string }) => {
        const job = this.running.get(w)!;
        this.running.delete(w);
        this.idle.push(w);
        if (msg.ok) job.resolve(msg.result);
        else job.reject(new Error(`parse worker: ${msg.message}`));
        this.next();
      });
      w.on("error", (e) => {
        const job = this.running.get(w);
        this.running.delete(w);
        job?.reject(e);
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Worker threads running (0: tasks run on the calling thread). */
  get threads(): number {
    return this.workers.length;
  }

  /** Threads to use for `bytes` of input: two (the machine's cores, at most 2) for large inputs, none for small ones. */
  static threadsFor(bytes: number): number {
    const set = process.env["MENERVA_PARSE_THREADS"];
    if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), 8);
    return bytes < 4 * 1024 * 1024 ? 0 : Math.min(2, availableParallelism());
  }

  run(task: ChunkTask): Promise<ChunkResult> {
    if (this.workers.length === 0) {
      try {
        return Promise.resolve(parseChunk(task));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.postMessage(job.task, job.task.recycle ? [job.task.recycle.rows, job.task.recycle.texts] : []);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
