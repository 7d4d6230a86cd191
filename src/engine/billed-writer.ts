// The ledger's billed columns of a streaming close (issue 15), written from
// the row store to files: the same canonical JSON as ledger/billed-rows.ts
// encodeBilled (tables of partners, candidates and prices in order of first
// appearance, rows grouped by partner, date and price in order of first
// appearance, fingerprints as base64url, quantities and candidate indexes
// space-separated), without holding the rows. The tables (billed-tables.ts)
// place every group's rows in each column; each batch of groups whose columns
// fit in a fixed buffer is then filled by one more pass over the store
// (billed-fill.ts) and written at its place. A large close fills each batch
// on two threads, cut where the close marked the middle of its input.
import { closeSync, openSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Dec } from "../domain/money.js";
import { dayNumber } from "../domain/period.js";
import { S_ADJUSTMENT, S_INCLUDED } from "../domain/row-totals.js";
import { canonicalJson } from "../ledger/canonical-json.js";
import type { BilledPart } from "../ledger/record-stream.js";
import { FP_CHARS, fillBatch, OccList, type FillBatch, type FillLayout, type FillPart } from "./billed-fill.js";
import { BilledTables } from "./billed-tables.js";
import { ROW_BYTES } from "./row-layout.js";
import type { RowStore } from "./row-store.js";
import { builtWorkerScript } from "./worker-pool.js";

/** Bytes of column text one batch fills in memory (the read phase, with its workers, is the peak; this stays below it). */
const BATCH_BYTES = 64 << 20;
/**
 * Bytes of one batch when the columns need several (more than BATCH_BYTES):
 * smaller, so that a close of millions of rows peaks near one of a million
 * (each batch costs one more pass over the store, from the page cache).
 */
const MULTI_BATCH_BYTES = 24 << 20;
/** Billed rows from which the fill takes a second thread (its start-up costs about what filling 100,000 rows does). */
const PARALLEL_FROM = 200_000;

/**
 * How the fill may use a second thread: `threads` 0 never; `parallelFrom`
 * billed rows at least (tests lower it); `batchBytes` of columns per batch
 * (tests make many batches); `helper` prepared while reading
 * (prepareFill), stopped here in any case.
 */
export type FillOptions = { readonly threads?: number; readonly parallelFrom?: number; readonly batchBytes?: number; readonly helper?: FillHelper };

/** A second thread for the fill of `tables`, started now (while the close reads on), when it will be used. */
export function prepareFill(tables: BilledTables, options: FillOptions): FillHelper | undefined {
  // a fill of several batches starts its thread later, when it runs: the second pass's tables are gone by then
  const bytes = tables.columnBytes();
  if (!tables.isSure || !tables.split || !twoThreads(tables, options) || bytes > (options.batchBytes ?? BATCH_BYTES)) return undefined;
  return FillHelper.prepare(bytes);
}

/** Whether the fill of `tables` takes a second thread. */
function twoThreads(tables: BilledTables, options: FillOptions): boolean {
  return (options.threads ?? (availableParallelism() > 1 ? 1 : 0)) > 0 && tables.total >= (options.parallelFrom ?? PARALLEL_FROM);
}

/**
 * Write the billed columns of `store` into files of the store's folder;
 * returns their canonical JSON as parts, and the row count. `taken`: the
 * tables as the close took them while merging, when sure; else the store is
 * read once more for them.
 */
export async function writeBilledColumns(
  store: RowStore,
  config: { readonly necPartners: readonly string[]; readonly benefitTypes: readonly string[] },
  shares: readonly Dec[],
  taken?: BilledTables,
  options: FillOptions = {},
): Promise<{ parts: BilledPart[]; rows: number }> {
  let tables = taken;
  if (tables === undefined || !tables.isSure) {
    const t = new BilledTables(store, config, shares);
    const all = store.rowCount("hours") + store.rowCount("benefits");
    let passed = 0;
    for (const kind of ["hours", "benefits"] as const) {
      store.forEachBlock(kind, (b, first) => {
        if (passed >= all / 2) t.markSplit(kind, first);
        for (let i = 0; i < b.n; i++) t.add(kind, b, i * ROW_BYTES);
        passed += b.n;
      });
    }
    tables = t;
  }
  const { partners, prices, candidates, groups, total } = tables;
  // group of (partner, price, day): a table over the days the rows span, so the fill pass finds it by index
  const { minDay, maxDay } = store;
  const span = maxDay >= minDay ? maxDay - minDay + 1 : 1;
  const priceSlots = Math.max(1, prices.length);
  const groupTable = new Int32Array(Math.max(1, partners.length * priceSlots * span)).fill(-1);
  const dayOf = new Map<string, number>();
  for (const [g, grp] of groups.entries()) {
    const [p, date, pr] = grp.key;
    let day = dayOf.get(date);
    if (day === undefined) dayOf.set(date, (day = dayNumber(date)));
    groupTable[(p * priceSlots + pr) * span + (day - minDay)] = g;
  }

  // Where each group's rows go in each column.
  const n = groups.length;
  const rowAt = new Float64Array(n);
  const qtyAt = new Float64Array(n);
  const candAt = new Float64Array(n);
  let rows = 0, qty = 0, cand = 0;
  for (let g = 0; g < n; g++) {
    rowAt[g] = rows;
    qtyAt[g] = qty;
    candAt[g] = cand;
    rows += groups[g]!.rows;
    qty += groups[g]!.qtyChars;
    cand += groups[g]!.candChars;
  }
  // Batches of groups whose columns fit in the buffer (a group larger than it is a batch of its own).
  const bytesOf = (g: number): number => groups[g]!.rows * FP_CHARS + groups[g]!.qtyChars + groups[g]!.candChars;
  const batchBytes = options.batchBytes ?? (tables.columnBytes() <= BATCH_BYTES ? BATCH_BYTES : MULTI_BATCH_BYTES);
  const batches: FillBatch[] = [];
  let largest = 0;
  for (let g0 = 0; g0 < n; ) {
    let g1 = g0;
    let size = 0;
    while (g1 < n && (g1 === g0 || size + bytesOf(g1) <= batchBytes)) size += bytesOf(g1++);
    const fpLen = (rowAt[g1 - 1]! + groups[g1 - 1]!.rows - rowAt[g0]!) * FP_CHARS;
    const qtyLen = (g1 < n ? qtyAt[g1]! : qty) - qtyAt[g0]!;
    const candLen = (g1 < n ? candAt[g1]! : cand) - candAt[g0]!;
    batches.push({ g0, g1, fpLen, qtyLen, candLen });
    largest = Math.max(largest, size);
    g0 = g1;
  }
  const layout: FillLayout = {
    billed: [S_INCLUDED, S_ADJUSTMENT],
    paths: store.paths,
    textBytes: store.textBytes,
    groupTable,
    priceSlots,
    span,
    minDay,
    partnerOf: tables.partnerOf,
    priceOfRate: tables.priceOfRate,
    priceOfType: tables.priceOfType,
    candOf: tables.candOf,
    rowAt,
    qtyAt,
    candAt,
    batches,
  };
  const [first, second] = fillParts(store, tables, options);
  let helper = options.helper;
  if (helper && (!second || batches.length > 1 || !helper.holds(largest))) {
    // prepared while reading, but the fill runs on one thread (several batches, see below) or needs a larger buffer
    await helper.stop();
    helper = undefined;
  }
  // several batches: one thread (a second one's buffer and heap would raise the close's peak memory by a third)
  if (!helper && second && batches.length === 1) helper = FillHelper.prepare(largest);
  const buffer = helper?.buffer ?? Buffer.allocUnsafe(largest);
  await helper?.ready();
  const occ = new OccList();
  // one batch (up to BATCH_BYTES of columns): the columns stay in memory, parts of this buffer; more: files
  const inMemory = batches.length === 1;
  const fds = inMemory ? undefined : { fp: openSync(join(store.dir, "billed-fp.txt"), "w+"), qty: openSync(join(store.dir, "billed-qty.txt"), "w+"), cand: openSync(join(store.dir, "billed-cand.txt"), "w+") };
  try {
    for (const [k, b] of batches.entries()) {
      if (helper && second) {
        const theirs = helper.fill(layout, second, k);
        fillBatch(layout, first, k, buffer, occ);
        const got = await theirs;
        // a failed helper's part is done here: the same bytes at the same places
        if (got) occ.pushAll(got.rows, got.ks, got.n);
        else fillBatch(layout, second, k, buffer, occ);
      } else {
        fillBatch(layout, first, k, buffer, occ);
        if (second) fillBatch(layout, second, k, buffer, occ);
      }
      if (fds) {
        writeSync(fds.fp, buffer, 0, b.fpLen, rowAt[b.g0]! * FP_CHARS);
        writeSync(fds.qty, buffer, b.fpLen, b.qtyLen, qtyAt[b.g0]!);
        writeSync(fds.cand, buffer, b.fpLen + b.qtyLen, b.candLen, candAt[b.g0]!);
      }
    }
  } finally {
    if (fds) for (const fd of Object.values(fds)) closeSync(fd);
    await helper?.stop();
  }
  const occPath = join(store.dir, "billed-occ.txt");
  const occBytes = writeOccJson(occ, occPath);
  const fpBytes = rows * FP_CHARS;
  const column = (name: string, from: number, bytes: number): BilledPart => (inMemory ? buffer.subarray(from, from + bytes) : { path: join(store.dir, name), bytes });
  // The columns as canonical JSON (keys sorted: cand, candidates, fp, groups, occ, partners, prices, qty),
  // as parts: texts and ranges of the buffer or the column files, streamed into the ledger without one more copy.
  const parts: BilledPart[] = [
    '{"cand":"',
    column("billed-cand.txt", fpBytes + qty, Math.max(0, cand - 1)), // the last separator is not written
    `","candidates":${canonicalJson(candidates)},"fp":"`,
    column("billed-fp.txt", 0, fpBytes),
    `","groups":${canonicalJson(groups.map((g) => [...g.key, g.rows]))},"occ":`,
    { path: occPath, bytes: occBytes },
    `,"partners":${canonicalJson(partners)},"prices":${canonicalJson(prices)},"qty":"`,
    column("billed-qty.txt", fpBytes, Math.max(0, qty - 1)),
    '"}',
  ];
  return { parts, rows: total };
}

/** The store's rows as one part, or two cut at the tables' split when a second thread pays. */
function fillParts(store: RowStore, tables: BilledTables, options: FillOptions): [FillPart, FillPart?] {
  const H = store.rowCount("hours");
  const B = store.rowCount("benefits");
  const whole: FillPart = { ranges: [{ kind: "hours", from: 0, to: H }, { kind: "benefits", from: 0, to: B }] };
  const split = tables.split;
  if (!split || !twoThreads(tables, options) || !FillHelper.script()) return [whole];
  const first: FillPart =
    split.kind === "hours" ? { ranges: [{ kind: "hours", from: 0, to: split.pos }] } : { ranges: [{ kind: "hours", from: 0, to: H }, { kind: "benefits", from: 0, to: split.pos }] };
  const rest = split.kind === "hours" ? [{ kind: "hours" as const, from: split.pos, to: H }, { kind: "benefits" as const, from: 0, to: B }] : [{ kind: "benefits" as const, from: split.pos, to: B }];
  return [first, { ranges: rest, before: { rows: split.rows, qty: split.qty, cand: split.cand } }];
}

type Answer = { ok: true; rows: Float64Array; ks: Float64Array; n: number } | { ok: false; message: string };

/**
 * The second thread of the fill (billed-fill-worker.ts) and the buffer it
 * shares: prepared while the close still reads (its pages touched there), a
 * batch at a time after. It keeps the process alive only while the main
 * thread waits on it.
 */
export class FillHelper {
  private waiting: ((a: Answer | undefined) => void) | undefined;
  private broken = false;
  private stopped = false;
  private isReady = false;
  private readonly readied: Promise<void>;
  /** Waits on the worker (its readiness, a fill): only while one is pending does it keep the process alive. */
  private pending = 0;

  private constructor(
    private readonly worker: Worker,
    readonly buffer: Buffer,
  ) {
    let ready: () => void = () => undefined;
    this.readied = new Promise((resolve) => (ready = resolve));
    const done = (): void => {
      this.isReady = true;
      ready();
    };
    worker.on("message", (a: Answer | { ready: true }) => ("ready" in a ? done() : this.settle(a)));
    // a worker that fails or ends (terminated by stop) answers nothing more: what waits on it is settled as failed
    const gone = (): void => {
      this.broken = true;
      done();
      this.settle(undefined);
    };
    worker.on("error", gone);
    worker.on("exit", gone);
    // after the listeners: adding them refs the worker again
    worker.unref();
  }

  private hold(): void {
    if (this.pending++ === 0) this.worker.ref();
  }

  private release(): void {
    if (--this.pending === 0) this.worker.unref();
  }

  /** Once the worker has touched the buffer's pages (or failed): only then may this thread write into it. */
  async ready(): Promise<void> {
    if (this.isReady) return;
    this.hold();
    try {
      await this.readied;
    } finally {
      this.release();
    }
  }

  /** The built worker script (none when running the sources without a build). */
  static script(): string | undefined {
    return builtWorkerScript("billed-fill-worker.js");
  }

  /** A helper with a shared buffer of `bytes` (undefined without a built worker script). */
  static prepare(bytes: number): FillHelper | undefined {
    const script = FillHelper.script();
    if (!script) return undefined;
    const buffer = new SharedArrayBuffer(Math.max(1, bytes));
    return new FillHelper(new Worker(script, { workerData: buffer, resourceLimits: { maxYoungGenerationSizeMb: 16 } }), Buffer.from(buffer));
  }

  /** Whether its buffer holds a batch of `bytes`. */
  holds(bytes: number): boolean {
    return !this.stopped && this.buffer.length >= bytes;
  }

  private settle(a: Answer | undefined): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.(a);
  }

  /** Its part's rows of batch `batch` (fillBatch); the repeated rows it found; undefined when it failed. */
  fill(layout: FillLayout, part: FillPart, batch: number): Promise<{ rows: Float64Array; ks: Float64Array; n: number } | undefined> {
    if (this.broken || this.stopped) return Promise.resolve(undefined);
    this.hold();
    return new Promise((resolve) => {
      this.waiting = (a) => {
        this.release();
        resolve(a?.ok ? a : undefined);
      };
      this.worker.postMessage({ layout, part, batch });
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.worker.terminate();
  }
}

/** The repeated rows, sorted by row, as canonical JSON `[[row,k],…]` in `path`; returns its byte length. */
function writeOccJson(occ: OccList, path: string): number {
  const n = occ.n;
  // one sortable number per entry: row × 2^21 + occurrence (rows below 2^32; an occurrence past 2^21 sorts as pairs)
  const SHIFT = 2 ** 21;
  let keys: Float64Array | undefined = new Float64Array(n);
  for (let i = 0; i < n && keys; i++) {
    if (occ.ks[i]! >= SHIFT || occ.rows[i]! >= 2 ** 32) keys = undefined;
    else keys[i] = occ.rows[i]! * SHIFT + occ.ks[i]!;
  }
  keys?.sort();
  const pairs = keys ? [] : Array.from({ length: n }, (_, i): [number, number] => [occ.rows[i]!, occ.ks[i]!]).sort((x, y) => x[0] - y[0]);
  const fd = openSync(path, "w");
  let total = 0;
  try {
    const out = Buffer.allocUnsafe(1 << 16);
    let at = 0;
    const flush = (): void => {
      writeSync(fd, out, 0, at);
      total += at;
      at = 0;
    };
    out[at++] = 91;
    for (let j = 0; j < n; j++) {
      const row = keys ? Math.floor(keys[j]! / SHIFT) : pairs[j]![0];
      const k = keys ? keys[j]! % SHIFT : pairs[j]![1];
      if (at > out.length - 64) flush();
      if (j > 0) out[at++] = 44;
      at += out.write(`[${row},${k}]`, at, "latin1");
    }
    out[at++] = 93;
    flush();
  } finally {
    closeSync(fd);
  }
  return total;
}
