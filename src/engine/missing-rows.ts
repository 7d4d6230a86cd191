// Closed rows the exports no longer hold, for a streaming close (issue 15):
// withdrawn-rows.ts findMissing over the row store — the closed books' rows
// no input held, each with the new version an export holds instead (same
// kind, partner, candidate, date and type, not closed yet), withdrawn where a
// restating export restates them.
import { isRestated, type MissingRow, type RestatingScope } from "../app/withdrawn-rows.js";
import { closedPeriodOf } from "../domain/corrections.js";
import type { SourceRef } from "../domain/issues.js";
import { dayNumber, isoOfDay } from "../domain/period.js";
import { closedRow } from "../ledger/books.js";
import { fingerprintHex } from "./fingerprint-bytes.js";
import { R, ROW_BYTES } from "./row-layout.js";
import type { RowStore } from "./row-store.js";
import type { StreamArgs, StreamedRows } from "./stream-close.js";

/** withdrawn-rows.ts findMissing, over the row store: closed rows no input holds, withdrawn where a restating export restates them. */
export function missingRows(args: StreamArgs, store: RowStore, present: Uint8Array[], scopes: readonly RestatingScope[]): StreamedRows["missing"] {
  const { books, config } = args;
  const reversals: MissingRow[] = [];
  const unrestated: MissingRow[] = [];
  if (books.rows.size === 0) return { reversals, unrestated };
  const missing: (ReturnType<typeof closedRow> & { period: string })[] = [];
  for (const at of books.rows.values()) {
    if (present[at.record]![at.row] === 1) continue;
    const row = closedRow(books, at);
    missing.push({ ...row, period: closedPeriodOf(books.periods, row.date) ?? row.billedIn });
  }
  if (missing.length === 0) return { reversals, unrestated };
  // New versions: rows not yet closed with the same kind, partner, candidate, date and type.
  const versionKey = (kind: string, partner: string, candidate: string, date: string, type: string | undefined): string => `${kind}\u0000${partner}\u0000${candidate}\u0000${date}\u0000${type ?? ""}`;
  const days = new Set(missing.map((m) => dayNumber(m.date)));
  const wanted = new Set(missing.map((m) => versionKey(m.kind, m.necPartner, m.candidate, m.date, m.type)));
  const versions = new Map<string, SourceRef>();
  const model = config.model;
  for (const kind of ["hours", "benefits"] as const) {
    store.forEachBlock(kind, (b) => {
      for (let i = 0; i < b.n; i++) {
        const o = i * ROW_BYTES;
        const day = b.i32[(o + R.day) >> 2]!;
        if (!days.has(day)) continue;
        const k = versionKey(kind, model.necPartners[b.u16[(o + R.nec) >> 1]!]!, store.candidates[b.u32[(o + R.cand) >> 2]!]!, isoOfDay(day), kind === "benefits" ? model.benefitTypes[b.u8[o + R.type]!] : undefined);
        if (!wanted.has(k) || versions.has(k)) continue;
        if (books.rows.has(`${fingerprintHex(b.u8, o)}#${b.u32[(o + R.occ) >> 2]!}`)) continue;
        versions.set(k, store.sourceOf(b.u16[(o + R.file) >> 1]!, b.u32[(o + R.line) >> 2]!));
      }
    });
  }
  for (const m of missing) {
    const v = versions.get(versionKey(m.kind, m.necPartner, m.candidate, m.date, m.type));
    const full: MissingRow = { ...m, ...(v ? { newVersion: v } : {}) };
    (isRestated(scopes, m) ? reversals : unrestated).push(full);
  }
  return { reversals, unrestated };
}
