// Parse tasks on both cores (issue 15): a small pool of worker threads
// (parse-worker.ts), or the calling thread itself when the input is small
// (a worker's start-up costs more than parsing a few thousand rows) or when
// no built worker script is at hand (tests running the TypeScript sources).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { parseChunk, type ChunkResult, type ChunkTask } from "./parse-chunk.js";

/** The built worker script `name` (e.g. "parse-worker.js"): beside this module, or in dist/ when running from src/. */
export function builtWorkerScript(name: string): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const path = here.endsWith(".ts") ? here.replace(/\/src\/engine\/[^/]+\.ts$/, `/dist/engine/${name}`) : here.replace(/[^/]+\.js$/, name);
  return existsSync(path) ? path : undefined;
}

/** Tasks posted to a worker at once: the next waits in its port, so it starts without a round trip to the main thread. */
const DEPTH = 2;

type Job = { task: ChunkTask; resolve: (r: ChunkResult) => void; reject: (e: Error) => void };

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly queue: Job[] = [];
  /** Per worker, the tasks posted to it, in order. */
  private readonly posted = new Map<Worker, Job[]>();

  /** `threads` 0: parse on the calling thread. */
  constructor(threads: number) {
    const script = threads > 0 ? builtWorkerScript("parse-worker.js") : undefined;
    if (!script) return;
    for (let i = 0; i < threads; i++) {
      // a larger young generation than the default: parsing makes short-lived strings by the million
      // (16 MB: 96 saved no measurable time and took 100 MB more at the peak)
      const w = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      const jobs: Job[] = [];
      w.on("message", (msg: { ok: true; result: ChunkResult } | { ok: false; message: string }) => {
        const job = jobs.shift()!;
        if (msg.ok) job.resolve(msg.result);
        else job.reject(new Error(`parse worker: ${msg.message}`));
        this.next();
      });
      w.on("error", (e) => {
        // a crashed worker takes no more tasks; what it held fails at its turn
        this.workers.splice(this.workers.indexOf(w), 1);
        for (const job of jobs.splice(0)) job.reject(e);
      });
      this.workers.push(w);
      this.posted.set(w, jobs);
    }
  }

  /** Worker threads running (0: tasks run on the calling thread). */
  get threads(): number {
    return this.workers.length;
  }

  /**
   * Worker threads for `bytes` of input: one fewer than the cores (at most
   * two), since the main thread parses too whenever it would wait (runWaiting);
   * none for small inputs.
   */
  static threadsFor(bytes: number): number {
    const set = process.env["MENERVA_PARSE_THREADS"];
    if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), 8);
    return bytes < ParsePool.CHUNKED_FROM ? 0 : Math.max(0, Math.min(3, availableParallelism()) - 1);
  }

  /** Input bytes from which files are cut into chunks (parsed by workers, or one after the other on one core). */
  static readonly CHUNKED_FROM = 4 * 1024 * 1024;

  /**
   * Parse a waiting task on the calling thread, while the thread would
   * otherwise wait: `task` itself if no worker has taken it yet, else the next
   * waiting one. False when none waits (every task is with a worker).
   */
  runWaiting(task: ChunkTask): boolean {
    if (this.queue.length === 0) return false;
    let i = this.queue.findIndex((j) => j.task === task);
    if (i < 0) i = 0;
    const [job] = this.queue.splice(i, 1);
    try {
      job!.resolve(parseChunk(job!.task));
    } catch (e) {
      job!.reject(e as Error);
    }
    return true;
  }

  /** Whether `task` has been parsed (its promise settles on the next turn). */
  isDone(task: ChunkTask): boolean {
    return this.done.has(task);
  }

  private readonly done = new WeakSet<ChunkTask>();

  run(task: ChunkTask): Promise<ChunkResult> {
    if (this.workers.length === 0) {
      try {
        return Promise.resolve(parseChunk(task));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        task,
        resolve: (r) => {
          this.done.add(task);
          resolve(r);
        },
        reject,
      });
      this.next();
    });
  }

  private next(): void {
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const w of this.workers) {
        const jobs = this.posted.get(w)!;
        if (jobs.length >= depth || this.queue.length === 0) continue;
        const job = this.queue.shift()!;
        jobs.push(job);
        w.postMessage(job.task, job.task.recycle ? [job.task.recycle.rows, job.task.recycle.texts] : []);
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
