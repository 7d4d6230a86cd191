// The row store's rows for the renderers (issue 15): its view (row-store.ts)
// plus `each`, a walk that refills one cursor (close-rows.ts RowCursor) from
// the 64-byte records, block by block, with no object per row. The statement's
// Detail sheet walks a million rows this way: objects handed out a block at a
// time outlive the young generation, and the garbage they leave in the old
// one grew the close's heap by ~800 MB while the workbook was written.
// Usage: const rows = storeRows(store, config.model); forEachRow(rows, (r) => …, ["included", "adjustment"]);
import { ROW_STATUSES, type RowStatus } from "../domain/classify.js";
import { D } from "../domain/money.js";
import { isBilledStatus, newRowCursor, type CloseRows, type RowVisit } from "../report/close-rows.js";
import { F_BIG, F_TEXTS, R, ROW_BYTES } from "./row-layout.js";
import type { RowStore } from "./row-store.js";

/**
 * The exact text of m / 10^s as Decimal#toFixed() writes it (no trailing
 * fraction zeros, no exponent), for a nonzero safe integer m and a scale s;
 * undefined otherwise (the caller asks Decimal).
 */
export function scaledDecimalText(m: number, s: number): string | undefined {
  if (m === 0 || !Number.isSafeInteger(m) || !Number.isInteger(s) || s < 0 || s > 20) return undefined;
  let a = Math.abs(m);
  let k = s;
  while (k > 0 && a % 10 === 0) {
    a /= 10;
    k--;
  }
  let digits = String(a);
  if (k > 0) {
    if (digits.length <= k) digits = "0".repeat(k - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
  }
  return m < 0 ? `-${digits}` : digits;
}

/** The store's rows: its view, and a walk through one cursor. */
export function storeRows(store: RowStore, names: { readonly necPartners: readonly string[]; readonly benefitTypes: readonly string[] }): CloseRows {
  const view = store.view();
  return {
    all: () => view.all(),
    sourcesByCandidate: () => view.sourcesByCandidate(),
    each(visit: RowVisit, statuses?: readonly RowStatus[]): void {
      const wanted = ROW_STATUSES.map((s) => statuses === undefined || statuses.includes(s));
      const rates = store.rates.map((r) => r.toFixed());
      const sheets = store.fileNames.map((_, i) => store.sourceOf(i, 0).sheet);
      const c = newRowCursor();
      for (const kind of ["hours", "benefits"] as const) {
        let stop = false;
        c.kind = kind;
        store.forEachBlock(kind, (b) => {
          if (stop) return;
          if (store.disposed) throw new Error("row store: read after dispose");
          for (let i = 0; i < b.n; i++) {
            const o = i * ROW_BYTES;
            const code = b.u8[o + R.status]!;
            if (!wanted[code]) continue;
            const status = ROW_STATUSES[code]!;
            const flags = b.u8[o + R.flags]!;
            const texts = (flags & F_TEXTS) !== 0 ? store.texts(b.u32[(o + R.text) >> 2]!) : undefined;
            c.status = status;
            c.day = b.i32[(o + R.day) >> 2]!;
            c.necPartner = names.necPartners[b.u16[(o + R.nec) >> 1]!]!;
            c.candidate = store.candidates[b.u32[(o + R.cand) >> 2]!]!;
            c.type = kind === "benefits" ? names.benefitTypes[b.u8[o + R.type]!]! : undefined;
            const m = b.f64[(o + R.m) >> 3]!;
            const s = b.u8[o + R.s]!;
            c.quantity = (flags & F_BIG) !== 0 ? new D(texts!.big!).toFixed() : (scaledDecimalText(m, s) ?? new D(m).div(new D(10).pow(s)).toFixed());
            const rate = b.i16[(o + R.rate) >> 1]!;
            c.rate = kind === "hours" && rate >= 0 && isBilledStatus(status) ? rates[rate] : undefined;
            const own = b.u16[(o + R.own) >> 1]!;
            c.ownPeriod = own > 0 ? store.labels[own - 1] : undefined;
            const file = b.u16[(o + R.file) >> 1]!;
            c.file = store.fileNames[file]!;
            c.sheet = sheets[file];
            c.line = b.u32[(o + R.line) >> 2]!;
            c.client = kind === "hours" ? texts?.client : undefined;
            c.reference = texts?.reference;
            if (visit(c) === false) {
              stop = true;
              return;
            }
          }
        });
        if (stop) return;
      }
    },
  };
}
