// The streaming close's second pass (issue 15): the rows the Bloom filter
// flagged (stream-close.ts) may repeat a row before them — inside one export,
// or in an earlier export of an overlapping period — or be closed already.
// One pass over the row store counts each flagged fingerprint's occurrences
// per file exactly, writes the occurrence into its rows, settles the rows that
// waited for it (already closed, duplicate, or classified as new) and makes
// the warnings about identical rows inside one export, capped as validate's.
// Many flagged fingerprints are settled in parts (by a bit range of the
// fingerprint, one pass over the store per part): a fingerprint's rows all
// fall in one part, and nothing here depends on the order in which parts go,
// so the state held at once is a part's, not every flagged row's (issue 15:
// the 5M-row close's memory).
import { DUPLICATE_LINES_SHOWN, duplicateRowWarnings } from "../app/close-ledger.js";
import { MAX_ISSUES } from "../adapters/csv/read-input.js";
import type { Issue } from "../domain/issues.js";
import { S_ALREADY_CLOSED, S_DUPLICATE } from "../domain/row-totals.js";
import type { ClosedBooks } from "../ledger/books.js";
import { isBilled, type BilledTables } from "./billed-tables.js";
import { fingerprintHex } from "./fingerprint-bytes.js";
import { FpList, partOf, type FpTable, type Part } from "./fp-table.js";
import { F_BIG, F_FLAGGED, R, ROW_BYTES, UNDECIDED } from "./row-layout.js";
import type { Kind, RowBlock, RowStore } from "./row-store.js";

export type SecondPass = {
  readonly store: RowStore;
  /** The kind's flagged fingerprints of `part`, each with a dense index. */
  readonly flagged: FpTable;
  readonly part: Part;
  /** Where the groups of identical rows go, across the parts. */
  readonly groups: DuplicateGroups;
  /** The closed books' fingerprints. */
  readonly closed: FpTable;
  readonly books: ClosedBooks;
  /** Per closed record, which of its rows an input holds (set here for the rows found). */
  readonly present: Uint8Array[];
  readonly billed: BilledTables;
  /** Classify a waiting row: its prior status (-1 none) and own period, as the merge does. */
  readonly classify: (b: RowBlock, o: number, prior: number, own: string | undefined, rowPos: number, big: string | undefined) => void;
};

/**
 * The distinct fingerprints of the rows of `kind` the filter flagged
 * (F_FLAGGED), in the order first flagged: one pass over the store. Repeats
 * are dropped, so the parts (and the passes) follow the distinct ones.
 */
export function collectFlagged(store: RowStore, kind: Kind): FpList {
  const list = new FpList(Infinity);
  store.forEachBlock(kind, (blk) => {
    for (let i = 0; i < blk.n; i++) {
      const o = i * ROW_BYTES;
      if ((blk.u8[o + R.flags]! & F_FLAGGED) !== 0) list.add(blk.u32, o >> 2);
    }
  });
  list.distinct();
  return list;
}

/** A group of identical rows in one file: where its first row is (among the rows of its kind), how many, their first lines. */
type DupGroup = { readonly first: number; readonly count: number; readonly lines: number[] };
const byFirst = (a: DupGroup, b: DupGroup): number => a.first - b.first;

/**
 * Groups of identical rows, per file, from any number of parts in any order.
 * Only the MAX_ISSUES read first become warnings, so no more are kept than
 * twice that (then cut back to the first MAX_ISSUES); the rest are counted. An
 * export of repeated rows holds hundreds of thousands of groups: keeping them
 * all grew the close's memory with the rows (issue 15, 5M rows). A group cut
 * has MAX_ISSUES kept before it, so the first MAX_ISSUES survive every cut.
 */
export class DuplicateGroups {
  private readonly files = new Map<number, { kept: DupGroup[]; total: number }>();

  add(file: number, group: DupGroup): void {
    let g = this.files.get(file);
    if (!g) this.files.set(file, (g = { kept: [], total: 0 }));
    g.total++;
    g.kept.push(group);
    if (g.kept.length >= 2 * MAX_ISSUES) g.kept = g.kept.sort(byFirst).slice(0, MAX_ISSUES);
  }

  /** The warnings, file by file; each file's groups in the order their first rows were read. */
  warnings(fileNames: readonly string[]): Issue[] {
    const out: Issue[] = [];
    for (const file of [...this.files.keys()].sort((a, b) => a - b)) {
      const g = this.files.get(file)!;
      const shown = g.kept.sort(byFirst).slice(0, MAX_ISSUES).map(({ count, lines }) => ({ count, lines }));
      out.push(...duplicateRowWarnings(fileNames[file]!, shown, g.total));
    }
    return out;
  }
}

/** Settle the flagged rows of `kind` in one part (see the header). */
export function settleFlagged(kind: Kind, pass: SecondPass): void {
  const { store, flagged, part, groups, closed, books, present, billed, classify } = pass;
  if (flagged.size === 0) return;
  const n = flagged.size;
  const parts = part.of;
  const curFile = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  const earlier = new Int32Array(n);
  // lines of a fingerprint's rows in the current file: the first in a typed array, the next few (as many as a
  // warning names) in a linked arena; groups of identical rows in flat arrays of numbers, not an object each
  // (an export of repeated rows holds hundreds of thousands of groups)
  const firstLine = new Uint32Array(n);
  const firstPos = new Float64Array(n);
  const head = new Int32Array(n).fill(-1);
  const tail = new Int32Array(n).fill(-1);
  let extraLine = new Uint32Array(1024);
  let extraNext = new Int32Array(1024);
  let extras = 0;
  const addExtra = (k: number, line: number): void => {
    if (extras === extraLine.length) {
      const l = new Uint32Array(extras * 2);
      l.set(extraLine);
      extraLine = l;
      const x = new Int32Array(extras * 2);
      x.set(extraNext);
      extraNext = x;
    }
    extraLine[extras] = line;
    extraNext[extras] = -1;
    if (tail[k]! >= 0) extraNext[tail[k]!] = extras;
    else head[k] = extras;
    tail[k] = extras++;
  };
  const close = (k: number): void => {
    if (count[k]! > 1) {
      const lines = [firstLine[k]!];
      for (let e = head[k]!; e >= 0; e = extraNext[e]!) lines.push(extraLine[e]!);
      groups.add(curFile[k]!, { first: firstPos[k]!, count: count[k]!, lines });
    }
    head[k] = -1;
    tail[k] = -1;
  };
  let rowPos = 0;
  store.forEachBlock(kind, (blk) => {
    let patched = false;
    for (let i = 0; i < blk.n; i++, rowPos++) {
      const o = i * ROW_BYTES;
      const w = o >> 2;
      if (parts > 1 && partOf(blk.u32[w + 3]!, parts) !== part.index) continue;
      const k = flagged.get(blk.u32, w);
      if (k < 0) continue;
      const file = blk.u16[(o + R.file) >> 1]!;
      if (curFile[k] !== file) {
        if (curFile[k]! >= 0) {
          close(k);
          if (count[k]! > earlier[k]!) earlier[k] = count[k]!;
        }
        curFile[k] = file;
        count[k] = 0;
        firstPos[k] = rowPos;
      }
      const occ = count[k]!;
      count[k] = occ + 1;
      const line = blk.u32[(o + R.line) >> 2]!;
      if (occ === 0) firstLine[k] = line;
      else if (occ < DUPLICATE_LINES_SHOWN) addExtra(k, line);
      if (occ > 0) {
        blk.u32[(o + R.occ) >> 2] = occ;
        patched = true;
      }
      if (blk.u8[o + R.status] !== UNDECIDED) continue;
      let prior = -1;
      let own: string | undefined;
      const at = closed.get(blk.u32, w) >= 0 ? books.rows.get(`${fingerprintHex(blk.u8, o)}#${occ}`) : undefined;
      if (at) {
        prior = S_ALREADY_CLOSED;
        own = books.records[at.record]!.period;
        present[at.record]![at.row] = 1;
      } else if (earlier[k]! > occ) prior = S_DUPLICATE;
      const big = (blk.u8[o + R.flags]! & F_BIG) !== 0 ? store.texts(blk.u32[(o + R.text) >> 2]!).big : undefined;
      classify(blk, o, prior, own, rowPos, big);
      if (isBilled(kind, blk, o)) billed.unsure();
      patched = true;
    }
    return patched;
  });
  for (let k = 0; k < n; k++) if (curFile[k]! >= 0) close(k);
}
