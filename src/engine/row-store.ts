// The row store of a streaming close (issue 15): every hours and benefit row
// as a 64-byte record (row-layout.ts) in a temp file per kind, in input
// order, plus a side file of texts. Memory holds only the dictionaries
// (candidates, files, labels); the statement's Detail and Exceptions sheets,
// the CSV tables and the ledger's billed columns read the rows back from here,
// one block at a time. The folder is removed by dispose(), or when the process
// exits (a store a failed close did not dispose).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROW_STATUSES } from "../domain/classify.js";
import type { SourceRef } from "../domain/issues.js";
import type { RowSource } from "../domain/model.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import { D, type Dec } from "../domain/money.js";
import { isoOfDay } from "../domain/period.js";
import { candidateKey, isBilledStatus, type ClassifiedRow, type CloseRows } from "../report/close-rows.js";
import { F_BIG, F_TEXTS, R, ROW_BYTES, RowBlock, type RowTexts } from "./row-layout.js";

export { RowBlock };
import { TextWindow } from "./text-window.js";

export type Kind = "hours" | "benefits";

/** Rows read back per block. */
const BLOCK_ROWS = 16_384;

class KindFile {
  private handle: number | undefined;
  rows = 0;
  constructor(readonly path: string) {
    this.handle = openSync(path, "w+");
  }
  /** The open file (reopened after park()). */
  get fd(): number {
    return (this.handle ??= openSync(this.path, "r+"));
  }
  close(): void {
    if (this.handle !== undefined) closeSync(this.handle);
    this.handle = undefined;
  }
}

/** Stores parked for a report that outlives its close. */
const parked = new Set<RowStore>();
/**
 * Every store not yet disposed: removed when the process exits, so a store a
 * failed close did not reach (one read again because the ledger moved, then an
 * error) leaves no files in the temp folder.
 */
const live = new Set<RowStore>();
let exitHook = false;

export class RowStore {
  readonly dir: string;
  private readonly files: Record<Kind, KindFile>;
  private readonly text: KindFile;
  textBytes = 0;
  /** Global dictionaries: candidates, input files (display paths), own-period labels. */
  readonly candidates: string[] = [];
  readonly fileNames: string[] = [];
  /** The sheet read of a workbook input, by file index. */
  private readonly sheets: (string | undefined)[] = [];
  readonly labels: string[] = [];
  private readonly labelIndex = new Map<string, number>();
  private readonly candIndex = new Map<string, number>();
  /** The earliest and latest day of the rows (kept by the writer of the rows). */
  minDay = Infinity;
  maxDay = -Infinity;
  /** Rates of billed hours (RowClassifier.rates), to read rows back. */
  rates: readonly Dec[] = [];
  disposed = false;

  constructor(
    private readonly config: { readonly necPartners: readonly string[]; readonly benefitTypes: readonly string[] },
  ) {
    this.dir = mkdtempSync(join(tmpdir(), "menerva-rows-"));
    live.add(this);
    if (!exitHook) {
      exitHook = true;
      process.on("exit", () => {
        for (const s of live) {
          try {
            s.dispose();
          } catch {
            // one store that cannot be removed keeps no other from being removed
          }
        }
      });
    }
    this.files = { hours: new KindFile(join(this.dir, "hours.bin")), benefits: new KindFile(join(this.dir, "benefits.bin")) };
    this.text = new KindFile(join(this.dir, "texts.bin"));
  }

  private get textFd(): number {
    return this.text.fd;
  }

  rowCount(kind: Kind): number {
    return this.files[kind].rows;
  }

  candidate(name: string): number {
    let i = this.candIndex.get(name);
    if (i === undefined) {
      i = this.candidates.length;
      this.candidates.push(name);
      this.candIndex.set(name, i);
    }
    return i;
  }

  label(l: string): number {
    let i = this.labelIndex.get(l);
    if (i === undefined) {
      i = this.labels.length;
      this.labels.push(l);
      this.labelIndex.set(l, i);
    }
    return i + 1;
  }

  file(displayPath: string, sheet?: string): number {
    let i = this.fileNames.indexOf(displayPath);
    if (i < 0) i = this.fileNames.push(displayPath) - 1;
    if (sheet !== undefined) this.sheets[i] = sheet;
    return i;
  }

  /** A row's source: its file (and sheet, for a workbook input) and line. */
  sourceOf(file: number, line: number): RowSource {
    const sheet = this.sheets[file];
    return sheet === undefined ? { file: this.fileNames[file]!, line } : { file: this.fileNames[file]!, line, sheet };
  }

  /** Append side texts; returns the offset of their first byte. */
  appendTexts(bytes: Uint8Array): number {
    const at = this.textBytes;
    if (bytes.length > 0) writeSync(this.textFd, bytes, 0, bytes.length, at);
    this.textBytes += bytes.length;
    return at;
  }

  /** Append rows (n × ROW_BYTES bytes) to the kind's file. */
  append(kind: Kind, bytes: Uint8Array, n: number): void {
    const f = this.files[kind];
    writeSync(f.fd, bytes, 0, n * ROW_BYTES, f.rows * ROW_BYTES);
    f.rows += n;
  }

  /** Each block of the kind's rows in order; `write` true writes the block back after the callback (patched rows). */
  forEachBlock(kind: Kind, fn: (b: RowBlock, first: number) => boolean | void): void {
    const f = this.files[kind];
    const block = new RowBlock(new ArrayBuffer(BLOCK_ROWS * ROW_BYTES));
    for (let first = 0; first < f.rows; first += BLOCK_ROWS) {
      const n = Math.min(BLOCK_ROWS, f.rows - first);
      readSync(f.fd, block.u8, 0, n * ROW_BYTES, first * ROW_BYTES);
      block.n = n;
      if (fn(block, first) === true) writeSync(f.fd, block.u8, 0, n * ROW_BYTES, first * ROW_BYTES);
    }
  }

  private readonly window = new TextWindow(() => this.textFd, () => this.textBytes);

  /** The side texts of a row whose texts start at byte `at` of the text file. */
  texts(at: number): RowTexts {
    return this.window.at(at);
  }

  /** The paths of the store's files, for another thread to read (billed-fill-worker.ts). */
  get paths(): { readonly hours: string; readonly benefits: string; readonly texts: string } {
    return { hours: this.files.hours.path, benefits: this.files.benefits.path, texts: this.text.path };
  }

  /** The quantity of row `o` in a block. */
  quantity(b: RowBlock, o: number, cache: Map<number, Dec>[]): Dec {
    if ((b.u8[o + R.flags]! & F_BIG) !== 0) return new D(this.texts(b.u32[(o + R.text) >> 2]!).big!);
    const s = b.u8[o + R.s]!;
    const m = b.f64[(o + R.m) >> 3]!;
    const c = (cache[s] ??= new Map());
    let d = c.get(m);
    if (d === undefined) {
      d = new D(m).div(new D(10).pow(s));
      if (c.size < 100_000) c.set(m, d);
    }
    return d;
  }

  /** Row `o` of a block as the renderers take it (one object at a time). */
  classified(kind: Kind, b: RowBlock, o: number, cache: Map<number, Dec>[], dates: Map<number, string>): ClassifiedRow {
    const day = b.i32[(o + R.day) >> 2]!;
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = isoOfDay(day)));
    const t: RowTexts = (b.u8[o + R.flags]! & F_TEXTS) !== 0 ? this.texts(b.u32[(o + R.text) >> 2]!) : {};
    const source = this.sourceOf(b.u16[(o + R.file) >> 1]!, b.u32[(o + R.line) >> 2]!);
    const necPartner = this.config.necPartners[b.u16[(o + R.nec) >> 1]!]!;
    const candidate = this.candidates[b.u32[(o + R.cand) >> 2]!]!;
    const quantity = this.quantity(b, o, cache);
    const row: HourRow | BenefitRow =
      kind === "hours"
        ? {
            kind: "hours",
            date,
            necPartner,
            candidate,
            hours: quantity,
            ...(t.extra !== undefined ? { sePartner: t.extra } : {}),
            ...(t.client !== undefined ? { client: t.client } : {}),
            ...(t.reference !== undefined ? { reference: t.reference } : {}),
            source,
          }
        : {
            kind: "benefits",
            date,
            necPartner,
            candidate,
            type: this.config.benefitTypes[b.u8[o + R.type]!]!,
            amount: quantity,
            ...(t.extra !== undefined ? { relatesTo: t.extra } : {}),
            ...(t.reference !== undefined ? { reference: t.reference } : {}),
            source,
          };
    const status = ROW_STATUSES[b.u8[o + R.status]!]!;
    const own = b.u16[(o + R.own) >> 1]!;
    const rate = b.i16[(o + R.rate) >> 1]!;
    return { row, status, ...(own > 0 ? { ownPeriod: this.labels[own - 1]! } : {}), ...(kind === "hours" && rate >= 0 && isBilledStatus(status) ? { rate: this.rates[rate]! } : {}) };
  }

  /** The rows view the renderers read (close-rows.ts). */
  view(): CloseRows {
    const store = this;
    return {
      *all() {
        for (const kind of ["hours", "benefits"] as const) {
          const cache: Map<number, Dec>[] = [];
          const dates = new Map<number, string>();
          const out: ClassifiedRow[] = [];
          // blocks are read synchronously; rows are handed out after each block
          const f = store.files[kind];
          const block = new RowBlock(new ArrayBuffer(BLOCK_ROWS * ROW_BYTES));
          for (let first = 0; first < f.rows; first += BLOCK_ROWS) {
            if (store.disposed) throw new Error("row store: read after dispose");
            const n = Math.min(BLOCK_ROWS, f.rows - first);
            readSync(f.fd, block.u8, 0, n * ROW_BYTES, first * ROW_BYTES);
            out.length = 0;
            for (let i = 0; i < n; i++) out.push(store.classified(kind, block, i * ROW_BYTES, cache, dates));
            yield* out;
          }
        }
      },
      sourcesByCandidate() {
        const m = new Map<string, SourceRef[]>();
        for (const kind of ["hours", "benefits"] as const) {
          store.forEachBlock(kind, (b) => {
            for (let i = 0; i < b.n; i++) {
              const o = i * ROW_BYTES;
              const status = ROW_STATUSES[b.u8[o + R.status]!]!;
              if (!isBilledStatus(status)) continue;
              if (kind === "hours" && b.i16[(o + R.rate) >> 1]! < 0) continue;
              const k = candidateKey(store.config.necPartners[b.u16[(o + R.nec) >> 1]!]!, store.candidates[b.u32[(o + R.cand) >> 2]!]!);
              const list = m.get(k) ?? m.set(k, []).get(k)!;
              list.push(store.sourceOf(b.u16[(o + R.file) >> 1]!, b.u32[(o + R.line) >> 2]!));
            }
          });
        }
        return m;
      },
    };
  }

  /**
   * Keep the rows for a report that is rendered after its close returned
   * (a caller writing the statement itself): files closed now, reopened on
   * demand, the folder removed when the process exits.
   */
  park(): void {
    if (this.disposed) return;
    for (const f of [...Object.values(this.files), this.text]) f.close();
    parked.add(this);
  }

  get isParked(): boolean {
    return parked.has(this);
  }

  private readonly disposers: (() => void)[] = [];

  /** Run `fn` when the store is disposed (a helper thread working on its files stops with it). */
  onDispose(fn: () => void): void {
    this.disposers.push(fn);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const fn of this.disposers.splice(0)) fn();
    parked.delete(this);
    live.delete(this);
    for (const f of [...Object.values(this.files), this.text]) f.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
