// Ledger figures (issues 5, 11): fingerprinting cost for a 1,000,000-row
// cumulative export, ledger bytes per billed row (the columns a reversal needs,
// issue 11) beside the bare id list of issue 5 as baseline, and the cost of
// reading/verifying/appending a year of such records and building the closed
// books from them.
// Run: npm run bench (or node bench/ledger-bench.mjs after npm run build)   (BENCH_ROWS, BENCH_INCLUDED to change sizes)
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { FingerprintCounter, rowFingerprint, rowId } from "../dist/ledger/fingerprint.js";
import { appendRecord, readLedger } from "../dist/ledger/ledger-file.js";
import { recordLine, sealRecord } from "../dist/ledger/record.js";
import { encodeBilled, encodeIds } from "../dist/ledger/billed-rows.js";
import { readBooks } from "../dist/ledger/books.js";
import { canonicalJson } from "../dist/ledger/canonical-json.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const INCLUDED = Number(process.env.BENCH_INCLUDED ?? 50_000);
const pad = (n, w = 2) => String(n).padStart(w, "0");

// Deterministic rows shaped like an hours export (dates over a year, 40 partners, 20k candidates).
const rows = Array.from({ length: ROWS }, (_, i) => ({
  kind: "hours",
  date: `2025-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`,
  partner: `Partner ${i % 40}`,
  candidate: `K-${pad(i % 20_000, 5)}`,
  quantity: `${1 + (i % 9)}.${(i * 7) % 100 === 0 ? "00" : pad((i * 7) % 100)}`,
  reference: i % 3 === 0 ? `W${i % 53}` : undefined,
}));

const time = (f) => {
  const t = process.hrtime.bigint();
  const v = f();
  return [Number(process.hrtime.bigint() - t) / 1e9, v];
};

const [base] = time(() => {
  for (const r of rows) createHash("sha256").update(JSON.stringify(r)).digest("hex");
});
const [fp, ids] = time(() => {
  const c = new FingerprintCounter();
  return rows.map((r) => {
    const f = rowFingerprint(r);
    return rowId(f, c.add(f));
  });
});
console.log(`fingerprints: ${ROWS.toLocaleString("en")} rows in ${fp.toFixed(2)} s (${((fp / ROWS) * 1e6).toFixed(2)} µs/row); ` +
  `baseline sha256(JSON.stringify(row)) ${base.toFixed(2)} s; ratio ${(fp / base).toFixed(2)}; ${new Set(ids).size.toLocaleString("en")} distinct ids`);

// The billed rows of one closed period as the ledger keeps them: id, partner, date, candidate, quantity, rate.
const billedOf = (from, to) => {
  const out = [];
  for (let i = from; i < Math.min(to, ROWS); i++) {
    const r = rows[i];
    out.push({ id: ids[i], kind: "hours", necPartner: r.partner, date: r.date, candidate: r.candidate, quantity: r.quantity.replace(/\.?0+$/, ""), price: i % 5 === 0 ? "2.75" : "2.5" });
  }
  return out;
};
const [encodeTime, billed1] = time(() => encodeBilled(billedOf(0, INCLUDED)));
const columnBytes = canonicalJson(billed1).length;
const idListBytes = JSON.stringify(ids.slice(0, INCLUDED)).length; // issue 5's record: the bare id list
console.log(`ledger bytes per billed row: ${(columnBytes / INCLUDED).toFixed(1)} B (id, partner, date, candidate, quantity, rate; issue 11) ` +
  `beside ${(idListBytes / INCLUDED).toFixed(1)} B for the bare id list (issue 5 baseline); ratio ${(columnBytes / idListBytes).toFixed(2)}; ` +
  `encoding ${INCLUDED.toLocaleString("en")} rows ${encodeTime.toFixed(2)} s`);

// One closed period with INCLUDED billed rows, twelve of them chained.
const body = (m, from, to) => ({
  period: `2025-${pad(m)}`, from: `2025-${pad(m)}-01`, to: `2025-${pad(m)}-28`,
  policy: { profit: "retain", shortfall: "partner" }, config_sha256: "c".repeat(64),
  inputs: [{ kind: "hours", file: "exports/uren.csv", sha256: "1".repeat(64), rows: ROWS }],
  rows: { included: Math.max(0, Math.min(to, ROWS) - from), adjustment: 0, already_closed: 0, deferred: 0, before_start: 0 },
  billed: encodeBilled(billedOf(from, to)), reversed: encodeIds([]),
  own: { se_partners: [{ name: "A", days: 28, share: "61728.39", staff_cost: "0.00" }, { name: "B", days: 28, share: "61728.39", staff_cost: "0.00" }], other_costs: "0.00", staff: [], costs: [] },
  corrections: [],
  totals: { revenue: "123456.78" },
  opening_reserve: "0.00", closing_reserve: "0.00",
});
const one = sealRecord(body(1, 0, INCLUDED), undefined);
const line = recordLine(one);
if (globalThis.benchFigures) globalThis.benchFigures.ledger = { columns: columnBytes / INCLUDED, ids: idListBytes / INCLUDED, record: line.length / INCLUDED };
console.log(`record size: ${INCLUDED.toLocaleString("en")} billed rows → ${(line.length / 1e6).toFixed(2)} MB per closed period ` +
  `(${(line.length / INCLUDED).toFixed(1)} bytes/row; gzip ${(gzipSync(line).length / 1e6).toFixed(2)} MB)`);

const dir = mkdtempSync(join(tmpdir(), "ledger-bench-"));
const path = join(dir, "menerva-ledger.jsonl");
let prev;
const [appendAll] = await (async () => {
  const t = process.hrtime.bigint();
  for (let m = 1; m <= 12; m++) {
    prev = sealRecord(body(m, (m - 1) * INCLUDED, m * INCLUDED), prev);
    await appendRecord(path, prev);
  }
  return [Number(process.hrtime.bigint() - t) / 1e9];
})();
const t = process.hrtime.bigint();
const res = await readLedger(path);
const read = Number(process.hrtime.bigint() - t) / 1e9;
if (!res.ok) throw new Error("bench ledger does not verify");
const [books, closed] = time(() => readBooks(res.value.records).rows.size);
console.log(`year of 12 closes: ledger ${(statSync(path).size / 1e6).toFixed(1)} MB; 12 appends (each re-reads and verifies) ${appendAll.toFixed(2)} s; ` +
  `read + verify ${read.toFixed(2)} s; closed books (${closed.toLocaleString("en")} rows) ${books.toFixed(2)} s`);
rmSync(dir, { recursive: true, force: true });
