// The streaming close's reading and classification (issue 15). Every hours
// and benefits export is read once, in chunks of whole lines on both cores
// where that is safe (cut at records' ends, its decimal mark known from its
// head: file-plan.ts) and in one piece otherwise, through the same row rules as `validate`
// (parse-chunk.ts). Chunks are merged in file order: each row is identified
// (fingerprint and occurrence), classified against the ledger's closed books
// (classify.ts rules, in RowClassifier) and added to the row totals
// (row-totals.ts), then spilled to the row store (row-store.ts). Memory holds
// totals and dictionaries, not rows.
//
// Identity without a table of every fingerprint: a Bloom filter per kind says
// which rows were certainly not seen before (occurrence 0, not in an earlier
// export); rows it flags are rare (identical rows, overlapping exports, about
// 1% false alarms). A flagged row whose status depends on its exact identity
// (it may be closed, or a duplicate of an earlier export) waits; a second pass
// over the store counts the flagged fingerprints exactly and settles them
// (second-pass.ts).
import { stat } from "node:fs/promises";
import { unreadable, type InputFileMeta, type ReadContext } from "../adapters/csv/read-input.js";
import { syntaxMessage } from "../adapters/csv/records.js";
import type { LoadedConfig, ResolvedInput } from "../adapters/config-file.js";
import { error, t, type Issue } from "../domain/issues.js";
import { noFee } from "../domain/close.js";
import { isoOfDay, type Period } from "../domain/period.js";
import { newRowFacts, RowClassifier, RowTotals, S_ADJUSTMENT, S_ALREADY_CLOSED, S_INCLUDED, type RowTotalsResult } from "../domain/row-totals.js";
import { D } from "../domain/money.js";
import type { ClosedBooks } from "../ledger/books.js";
import { restatingScopes, type FilePartners, type MissingRow } from "../app/withdrawn-rows.js";
import { ledgerRelative } from "../app/close-ledger.js";
import { shareFor } from "../domain/invoice.js";
import { BilledTables } from "./billed-tables.js";
import { prepareFill, type FillHelper, type FillOptions } from "./billed-writer.js";
import { Bloom } from "./bloom.js";
import { fingerprintHex } from "./fingerprint-bytes.js";
import { FpList, FpTable, hexInto } from "./fp-table.js";
import type { ChunkResult, ChunkTask } from "./parse-chunk.js";
import { planFile, type FilePlan } from "./file-plan.js";
import { F_BIG, F_FLAGGED, F_TEXTS, R, readTexts, ROW_BYTES, UNDECIDED } from "./row-layout.js";
import { RowStore, type Kind, type RowBlock } from "./row-store.js";
import { missingRows } from "./missing-rows.js";
import { collectFlagged, DuplicateGroups, settleFlagged } from "./second-pass.js";
import { ParsePool } from "./worker-pool.js";
import { trace } from "./trace.js";

export type StreamArgs = {
  readonly config: LoadedConfig;
  readonly period: Period;
  readonly books: ClosedBooks;
  /** The reading settings of one input (close.ts). */
  readonly context: (input: ResolvedInput) => ReadContext;
  /** Parse threads; default: two for large inputs, none for small ones (worker-pool.ts). */
  readonly threads?: number;
  readonly tuning?: EngineTuning;
  /**
   * Called once, with the config, when the first export's chunks are with the
   * workers: the main thread then has time while they parse (a close that
   * issues documents loads the e-invoices' PDF and UBL writers then, not
   * before).
   */
  readonly whileReading?: (config: LoadedConfig) => void;
  /** How the billed columns will be filled: with a second thread, it starts when the rows are read (billed-writer.ts prepareFill). */
  readonly fill?: FillOptions;
};

/**
 * For tests: cut files into chunks of about this many bytes (also without
 * workers); size the Bloom filter to this many bits (many "maybe seen"); fill
 * the billed columns on two threads from this many billed rows, in batches of
 * this many bytes; settle this many flagged fingerprints per second pass; list
 * this many flagged rows while reading (past it, the rows marked are
 * collected); run `afterRead` once the rows are read, before the close takes
 * its lock (another close may then move the ledger).
 */
export type EngineTuning = { readonly chunkBytes?: number; readonly bloomBits?: number; readonly fillFrom?: number; readonly fillBatchBytes?: number; readonly secondPassKeys?: number; readonly flaggedListCap?: number; readonly afterRead?: () => Promise<void> };

export type StreamedFile = { readonly kind: Kind; readonly meta: InputFileMeta; readonly issues: Issue[] };

export type StreamedRows = {
  /** Hours files, then benefits files, in config order: what was read and the reading problems (capped and sorted like validate). */
  readonly files: readonly StreamedFile[];
  /** Rows dated outside their NEC partner's span (an error only when reading found none). */
  readonly membership: readonly Issue[];
  /** Latest row date (hours and benefits). */
  readonly latest: string | undefined;
  readonly totals: RowTotalsResult;
  readonly rowsRead: { readonly hours: number; readonly benefits: number };
  /** Billed hours without a fee (input errors), in input order. */
  readonly noFee: readonly Issue[];
  /** Identical rows inside one export (close-ledger.ts identify). */
  readonly duplicateWarnings: readonly Issue[];
  /** Per hours or benefits file: its first date and the NEC partners it holds rows of. */
  readonly filePartners: readonly FilePartners[];
  /** Closed rows the exports no longer hold (withdrawn-rows.ts findMissing). */
  readonly missing: { readonly reversals: MissingRow[]; readonly unrestated: MissingRow[] };
  readonly store: RowStore;
  readonly classifier: RowClassifier;
  /** The billed columns' tables, taken in input order (unsure when a settled row made that order uncertain). */
  readonly billed: BilledTables;
  /** The billed columns' second thread, started (the caller stops it: writeBilledColumns does). */
  readonly fillHelper?: FillHelper;
};

/** Rows of chunk results held at once (in flight or waiting for their turn). */
const WINDOW = 4;
/** Where, in the input's bytes, the billed columns' fill is cut for two threads. */
const FILL_SPLIT = 0.55;
/**
 * Flagged fingerprints settled in one pass over the store (second-pass.ts):
 * about 17 MB of the pass's state. The 1M-row bench flags 45,576 (one pass);
 * its 5M-row year 968,322 (four passes, and the collection of the flagged
 * rows: 2.4 s against 1.9 s in one pass, and about 17 MB of state against 58).
 */
const PART_KEYS = 1 << 18;

export async function streamRows(args: StreamArgs): Promise<StreamedRows> {
  const { config, period, books } = args;
  const model = config.model;
  const store = new RowStore(model);
  try {
    return await readAll(args, store);
  } catch (e) {
    store.dispose();
    throw e;
  }
}

async function readAll(args: StreamArgs, store: RowStore): Promise<StreamedRows> {
  const { config, period, books } = args;
  const model = config.model;
  const cls = new RowClassifier(model, period, books.periods);
  store.rates = cls.rates;
  const totals = new RowTotals(model, cls.rates, { candidate: (i) => store.candidates[i]!, file: (i) => store.fileNames[i]! });
  const f = newRowFacts();
  // the ledger's billed columns: their tables taken as rows are merged (billed-writer.ts)
  const billed = new BilledTables(store, model, model.benefitTypes.map((ty) => shareFor(model, ty)));
  const names = { sePartners: model.sePartners, necPartners: model.necPartners, benefitTypes: model.benefitTypes };
  const base = { names, ...(model.partnerSpans ? { spans: model.partnerSpans } : {}) };

  // The closed books' fingerprints, to tell which rows may be closed.
  const closed = new FpTable(Math.max(16, books.rows.size));
  const key = new Int32Array(4);
  const keyU8 = new Uint8Array(key.buffer);
  for (const id of books.rows.keys()) {
    hexInto(id, keyU8, 0);
    closed.set(key, 0, 1);
  }
  const present = books.tables.map((t) => new Uint8Array(t.length));
  const idOf = (u8: Uint8Array, at: number, occ: number): string => `${fingerprintHex(u8, at)}#${occ}`;

  const files: StreamedFile[] = [];
  const membership: Issue[] = [];
  const noFees: { pos: number; issue: Issue }[] = [];
  const duplicateWarnings: Issue[] = [];
  let latestDay = -Infinity;
  const cumulative = new Set(config.inputs.hours.concat(config.inputs.benefits).filter((i) => i.spec.cumulative).map((i) => i.displayPath));
  // per input file: its first day and which NEC partners it holds rows of (withdrawn-rows.ts FilePartners)
  const perFile = new Map<string, { kind: Kind; day: number; necs: Uint8Array }>();

  const inputs = [...config.inputs.hours.map((i) => ({ kind: "hours" as const, i })), ...config.inputs.benefits.map((i) => ({ kind: "benefits" as const, i }))];
  let bytes = 0;
  for (const { i } of inputs) bytes += (await stat(i.path).catch(() => ({ size: 0 }))).size;
  const pool = new ParsePool(args.threads ?? ParsePool.threadsFor(bytes));
  trace("workers started");
  let taskId = 0;
  const nextId = () => taskId++;
  const kindBytes = { hours: 0, benefits: 0 };
  for (const { kind, i } of inputs) kindBytes[kind] += (await stat(i.path).catch(() => ({ size: 0 }))).size;
  const bloomKeys = (bytes: number): number => (args.tuning?.bloomBits !== undefined ? args.tuning.bloomBits / 8 : bytes / 32);
  const blooms = { hours: new Bloom(bloomKeys(kindBytes.hours)), benefits: new Bloom(bloomKeys(kindBytes.benefits)) };
  // the fingerprints of the rows the filter flags, a list while reading (the table comes after: second pass)
  const listCap = args.tuning?.flaggedListCap;
  const flagged = { hours: new FpList(listCap), benefits: new FpList(listCap) };
  const deferred = { hours: 0, benefits: 0 };
  const pos = { hours: 0, benefits: 0 };
  const filesOfKind = { hours: 0, benefits: 0 };

  const classify = (kind: Kind, b: RowBlock | { u8: Uint8Array; u16: Uint16Array; i16: Int16Array; u32: Uint32Array; i32: Int32Array; f64: Float64Array }, o: number, prior: number, own: string | undefined, rowPos: number, big: string | undefined): void => {
    f.kind = kind;
    f.nec = b.u16[(o + R.nec) >> 1]!;
    f.day = b.i32[(o + R.day) >> 2]!;
    f.candidate = b.u32[(o + R.cand) >> 2]!;
    if (big !== undefined) f.big = new D(big);
    else {
      f.big = undefined;
      f.m = b.f64[(o + R.m) >> 3]!;
      f.s = b.u8[o + R.s]!;
    }
    f.type = b.u8[o + R.type]!;
    f.pos = rowPos;
    f.file = b.u16[(o + R.file) >> 1]!;
    f.line = b.u32[(o + R.line) >> 2]!;
    let ownLabel = own;
    if (prior >= 0) {
      f.status = prior;
      f.ownPeriod = undefined;
    } else {
      f.status = cls.status(f.day);
      f.ownPeriod = f.status === S_ADJUSTMENT ? cls.ownPeriod(f.day) : undefined;
      ownLabel = f.ownPeriod;
    }
    f.rate = -1;
    if (kind === "hours" && (f.status === S_INCLUDED || f.status === S_ADJUSTMENT)) {
      f.rate = cls.rate(f.nec, f.day);
      if (f.rate < 0) noFees.push({ pos: rowPos, issue: noFee({ necPartner: model.necPartners[f.nec]!, date: isoOfDay(f.day), source: store.sourceOf(f.file, f.line) }) });
    }
    totals.add(f);
    b.u8[o + R.status] = f.status;
    b.u16[(o + R.own) >> 1] = ownLabel === undefined ? 0 : store.label(ownLabel);
    b.i16[(o + R.rate) >> 1] = f.rate;
  };

  /** Merge one chunk (in file order): rebase, identify, classify, spill. */
  const merge = (plan: FilePlan, res: ChunkResult, lineBase: number, fileOrdinal: number): void => {
    const kind = plan.kind;
    const rebase = (i: Issue): Issue => (lineBase === 0 || i.source?.line === undefined ? i : { ...i, source: { ...i.source, line: i.source.line + lineBase } });
    plan.sink.add(res.issues.map(rebase));
    plan.sink.addDropped(res.dropped);
    membership.push(...res.membership.map(rebase));
    plan.meta.rowsRead += res.rowsRead;
    if (res.n === 0) return;
    const ab = res.rows;
    const b = { u8: new Uint8Array(ab), u16: new Uint16Array(ab), i16: new Int16Array(ab), u32: new Uint32Array(ab), i32: new Int32Array(ab), f64: new Float64Array(ab) };
    const { u8, u16, u32, i32 } = b;
    const texts = Buffer.from(res.texts, 0, res.textBytes);
    const textBase = store.appendTexts(new Uint8Array(res.texts, 0, res.textBytes));
    const remap = Uint32Array.from(res.candidates, (c) => store.candidate(c));
    const fileId = store.file(plan.input.displayPath, plan.meta.sheet);
    const bloom = blooms[kind];
    const flags = flagged[kind];
    let seen = perFile.get(plan.input.displayPath);
    if (!seen) perFile.set(plan.input.displayPath, (seen = { kind, day: Infinity, necs: new Uint8Array(model.necPartners.length) }));
    const anyClosed = closed.size > 0;
    let rowPos = pos[kind];
    let latest = latestDay;
    let earliest = store.minDay;
    for (let i = 0; i < res.n; i++, rowPos++) {
      const o = i * ROW_BYTES;
      u32[(o + R.line) >> 2] = u32[(o + R.line) >> 2]! + lineBase;
      u16[(o + R.file) >> 1] = fileId;
      u32[(o + R.cand) >> 2] = remap[u32[(o + R.cand) >> 2]!]!;
      let big: string | undefined;
      if ((u8[o + R.flags]! & F_TEXTS) !== 0) {
        const local = u32[(o + R.text) >> 2]!;
        if ((u8[o + R.flags]! & F_BIG) !== 0) big = readTexts(texts, local).big;
        u32[(o + R.text) >> 2] = local + textBase;
      }
      const day = i32[(o + R.day) >> 2]!;
      if (day > latest) latest = day;
      if (day < earliest) earliest = day;
      if (day < seen.day) seen.day = day;
      seen.necs[u16[(o + R.nec) >> 1]!] = 1;
      const w = o >> 2;
      const maybe = bloom.testAndAdd(u32, w);
      const closedHit = anyClosed && closed.get(u32, w) >= 0;
      if (maybe) {
        u8[o + R.flags] = u8[o + R.flags]! | F_FLAGGED;
        flags.add(u32, w);
      }
      if (maybe && (closedHit || fileOrdinal > 0)) {
        // its status hangs on its exact identity: settled in the second pass
        u8[o + R.status] = UNDECIDED;
        deferred[kind]++;
        continue;
      }
      let prior = -1;
      let own: string | undefined;
      if (closedHit) {
        const at = books.rows.get(idOf(u8, o, 0));
        if (at) {
          prior = S_ALREADY_CLOSED;
          own = books.records[at.record]!.period;
          present[at.record]![at.row] = 1;
        }
      }
      classify(kind, b, o, prior, own, rowPos, big);
      billed.add(kind, b, o);
    }
    pos[kind] = rowPos;
    latestDay = latest;
    store.minDay = earliest;
    store.append(kind, b.u8, res.n);
  };
  // buffers of merged chunks, handed back to the parser for the next tasks
  const free: { rows: ArrayBuffer; texts: ArrayBuffer }[] = [];
  let whileReading = args.whileReading;

  try {
    // Scan every file now (hash, encoding, where to cut); tasks go to the pool as files are ready.
    // Large inputs are cut into chunks with or without workers (one core, MENERVA_PARSE_THREADS=0): read whole, a
    // 5M-row export's rows were held at once (630 MB at the peak, against 230 MB in chunks).
    const parallel = pool.threads > 0 || args.tuning?.chunkBytes !== undefined || bytes >= ParsePool.CHUNKED_FROM;
    // one scan after the other, not all at once: the first file's chunks go to the workers as soon as it is scanned
    let previous: Promise<unknown> = Promise.resolve();
    const plans = inputs.map(({ kind, i }) => {
      const plan = previous.then(() => planFile(kind, i, args.context(i), base, nextId, parallel, args.tuning?.chunkBytes));
      previous = plan.catch(() => undefined);
      return plan;
    });
    type Job = { plan: FilePlan; index: number; task: ChunkTask; result: Promise<ChunkResult> };
    const inflight: Job[] = [];
    const state = new Map<FilePlan, { lineBase: number; stopped: boolean; ordinal: number }>();
    let merged = 0;
    const finishFile = (plan: FilePlan): void => {
      files.push({ kind: plan.kind, meta: plan.meta, issues: plan.sink.finish(plan.input.displayPath) });
    };
    const consume = async (job: Job): Promise<void> => {
      // rather than wait for a worker, the main thread parses a task no worker has taken yet
      while (!pool.isDone(job.task) && pool.runWaiting(job.task)) await new Promise(setImmediate); // let the workers' messages in
      const res = await job.result;
      const st = state.get(job.plan)!;
      if (!st.stopped) {
        const lineBase = job.index === 0 ? 0 : st.lineBase;
        // the billed columns' fill is cut in two here for two threads (billed-writer.ts): the first part a little
        // larger, as the second thread starts later
        if (merged >= bytes * FILL_SPLIT) billed.markSplit(job.plan.kind, pos[job.plan.kind]);
        merged += job.task.end - job.task.start;
        merge(job.plan, res, lineBase, st.ordinal);
        if (res.rows.byteLength > 0 && res.texts.byteLength > 0) free.push({ rows: res.rows, texts: res.texts });
        st.lineBase = (job.index === 0 ? 1 : st.lineBase) + res.lines;
        const display = job.plan.input.displayPath;
        if (res.syntax) {
          job.plan.sink.add([
            { ...error("csv-syntax", {}, { source: { file: display, line: res.syntax.line + lineBase }, hint: t("csv-syntax.hint") }), message: syntaxMessage(res.syntax.code, res.syntax.code) },
          ]);
          st.stopped = true;
        } else if (res.unreadable) {
          job.plan.sink.add([unreadable(display, res.unreadable)]);
          st.stopped = true;
        }
        if (res.headerFailed) st.stopped = true;
        if (job.index === job.plan.tasks.length - 1 || st.stopped) job.plan.meta.decimalMark = res.mark ?? job.plan.meta.decimalMark;
      }
      if (job.index === job.plan.tasks.length - 1) finishFile(job.plan);
    };
    for (const p of plans) {
      const plan = await p;
      state.set(plan, { lineBase: 0, stopped: false, ordinal: filesOfKind[plan.kind]++ });
      if (plan.workbook) {
        while (inflight.length > 0) await consume(inflight.shift()!);
        merge(plan, plan.workbook, 0, state.get(plan)!.ordinal);
        finishFile(plan);
        continue;
      }
      if (plan.tasks.length === 0) {
        while (inflight.length > 0) await consume(inflight.shift()!);
        finishFile(plan);
        continue;
      }
      for (const [index, task] of plan.tasks.entries()) {
        const recycle = free.pop();
        const t = recycle ? { ...task, recycle } : task;
        const result = pool.run(t);
        // a task parsed ahead (stolen or queued) may fail before its turn: its error surfaces at its turn, not as a stray rejection
        result.catch(() => undefined);
        inflight.push({ plan, index, task: t, result });
        if (inflight.length >= Math.min(WINDOW, plan.tasks.length) && whileReading) {
          whileReading(config);
          whileReading = undefined;
        }
        while (inflight.length >= WINDOW) await consume(inflight.shift()!);
      }
    }
    while (inflight.length > 0) await consume(inflight.shift()!);
    whileReading?.(config);
  } finally {
    await pool.close();
  }
  trace("rows read and classified");
  // the fill's second thread starts now: it touches its buffer's pages while this thread settles the rows
  const fillHelper = args.fill ? prepareFill(billed, args.fill) : undefined;
  if (fillHelper) store.onDispose(() => void fillHelper.stop());

  // This function's closures share one context that outlives it (the store's onDispose, the totals' lookups):
  // the filters and the spare chunk buffers would stay with it to the end of the close. Neither is needed now.
  blooms.hours = blooms.benefits = new Bloom(0);
  free.length = 0;

  // Second pass: exact occurrences of the flagged fingerprints; waiting rows settled (second-pass.ts), in parts
  // of at most PART_KEYS fingerprints, each a pass over the store.
  const partKeys = Math.max(1, args.tuning?.secondPassKeys ?? PART_KEYS);
  for (const kind of ["hours", "benefits"] as const) {
    // a list that overflowed while reading: its fingerprints from the rows marked, now that the reading's memory is free
    let list: FpList | undefined = flagged[kind].overflowed ? collectFlagged(store, kind) : flagged[kind];
    flagged[kind] = new FpList();
    const groups = new DuplicateGroups();
    const of = Math.max(1, Math.ceil(list.length / partKeys));
    for (let index = 0; index < of; index++) {
      // a dense index per flagged fingerprint of the part, in the order first flagged; the list goes before the last pass
      const table: FpTable = list!.table({ index, of });
      if (index === of - 1) list = undefined;
      settleFlagged(kind, { store, flagged: table, part: { index, of }, groups, closed, books, present, billed, classify: (b, o, prior, own, rowPos, big) => classify(kind, b, o, prior, own, rowPos, big) });
    }
    duplicateWarnings.push(...groups.warnings(store.fileNames));
  }

  store.maxDay = latestDay;
  trace("second pass");
  const filePartners: FilePartners[] = [...perFile].map(([file, x]) => ({ kind: x.kind, file, from: isoOfDay(x.day), partners: model.necPartners.filter((_, i) => x.necs[i] === 1).sort() }));
  const missing = missingRows(args, store, present, restatingScopes(filePartners, cumulative, args.books.records, (f) => ledgerRelative(f, config.ledger, config.dir)));
  return {
    files,
    membership,
    latest: latestDay === -Infinity ? undefined : isoOfDay(latestDay),
    totals: totals.finish(),
    rowsRead: { hours: store.rowCount("hours"), benefits: store.rowCount("benefits") },
    noFee: noFees.sort((a, b) => a.pos - b.pos).map((x) => x.issue),
    duplicateWarnings,
    filePartners,
    missing,
    store,
    classifier: cls,
    billed,
    ...(fillHelper ? { fillHelper } : {}),
  };
}
