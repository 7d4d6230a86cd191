// Statement workbook figures (issues 4 and 15): the close of a year of N
// billed rows written as the statement workbook (its Detail sheet holds every
// billed row) by `menerva close --formats xlsx` — the streaming engine reads
// the rows back from its row store while zipping — beside exceljs's own
// streaming writer writing N rows of the same shape alone, each in its own
// process so peak RSS is per process. "write s" is the workbook's writing
// only (for the close, from its MENERVA_TRACE phases), "wall s" the whole process.
// The same close with --formats json on the same data shows what the workbook adds.
// Run: npm run bench, or node bench/xlsx-bench.mjs after npm run build
// (XLSX_BENCH_SIZES=100000,1000000 to change the Detail row counts).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./gen-data.mjs";
import { fmt, measure, table } from "./measure.mjs";
const self = fileURLToPath(import.meta.url);
const NEC = ["Q-Jobs", "Flexer", "Itzu Jobs"];
const HOURS = ["7.6", "8", "7.25", "6", "4.5", "7.6", "8", "3.75"];
const pad = (n, w = 2) => String(n).padStart(w, "0");

/** Seeded (by index) rows of a year: 3 in 4 hour rows, 1 in 4 benefits, all billed. */
function rowSpecs(n) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const date = `2025-${pad(1 + (i % 12))}-${pad(1 + ((i * 7) % 28))}`;
    const nec = NEC[i % 3];
    const candidate = `K-${pad(i % 20_000, 5)}`;
    const line = 2 + Math.floor(i / 4) * 3 + (i % 4);
    out[i] = i % 4 === 3
      ? { kind: "benefits", date, nec, candidate, type: i % 8 === 3 ? "RSZ" : "maatwerk", amount: `${100 + (i % 900)}.${pad(i % 100)}`, line }
      : { kind: "hours", date, nec, candidate, hours: HOURS[i % HOURS.length], line };
  }
  return out;
}

/** RSS once the input is in memory, just before writing starts. */
let rssBefore = 0;

/** Seconds between two MENERVA_TRACE phases of a close. */
function phase(stderr, from, to) {
  const at = (label) => Number(new RegExp(`trace ${label}\\s+wall\\s+(\\d+) ms`).exec(stderr)?.[1] ?? NaN);
  return (at(to) - at(from)) / 1000;
}

async function childExceljs(n, outPath) {
  const { default: ExcelJS } = await import("exceljs");
  const specs = rowSpecs(n);
  globalThis.gc?.();
  rssBefore = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("Detail");
  const eur = "[$€-813] #,##0.00;[Red][$€-813] -#,##0.00";
  ws.columns = [
    { key: "date", style: { numFmt: "dd/mm/yyyy" } }, { key: "nec" }, { key: "candidate" }, { key: "kind" }, { key: "type" },
    { key: "hours", style: { numFmt: "#,##0.00" } }, { key: "rate", style: { numFmt: "[$€-813] #,##0.00##" } }, { key: "amount", style: { numFmt: eur } },
    { key: "status" }, { key: "own" }, { key: "file" }, { key: "line", style: { numFmt: "#,##0" } },
  ];
  ws.addRow(["Datum", "NEC-partner", "Kandidaat", "Soort", "Type voordeel", "Uren", "Tarief", "Bedrag voordeel", "Status", "Eigen periode", "Bestand", "Regel"]).commit();
  for (const s of specs) {
    const [y, m, d] = s.date.split("-").map(Number);
    const h = s.kind === "hours";
    ws.addRow([new Date(Date.UTC(y, m - 1, d)), s.nec, s.candidate, h ? "uren" : "voordeel", h ? null : s.type, h ? Number(s.hours) : null,
      h ? (m >= 7 ? 2.75 : 2.5) : null, h ? null : Number(s.amount), "opgenomen", null, h ? "uren.csv" : "voordelen.csv", s.line]).commit();
  }
  ws.commit();
  await wb.commit();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

if (process.argv[2] === "--child") {
  const [, , , , n, out] = process.argv;
  const write = await childExceljs(Number(n), out);
  console.log(JSON.stringify({ write, rssBeforeMb: rssBefore / 2 ** 20 }));
} else {
  const sizes = (process.env.XLSX_BENCH_SIZES ?? "100000,1000000").split(",").map(Number);
  const dir = mkdtempSync(join(tmpdir(), "menerva-xlsx-bench-"));
  try {
    const rows = [["figure", "wall s", "write s", "peak RSS MB", "file MB", "write ratio"]];
    const results = [];
    for (const n of sizes) {
      const out = join(dir, `exceljs-${n}.xlsx`);
      const m = measure(process.execPath, ["--max-old-space-size=4096", "--expose-gc", self, "--child", "exceljs", String(n), out]);
      const base = { ...m, write: JSON.parse(m.stdout.trim().split("\n").pop()).write, mb: statSync(out).size / 1e6 };
      // a year whose billed rows are n: hours + 33% benefits; candidates from a large pool, so identical rows are rare
      const data = join(dir, `data-${n}`);
      await generate(data, Math.round(n / 1.33), 42, { candidates: 200_000 });
      // the same close without the workbook first (its ledger record and outputs removed after), so the table shows what the workbook adds
      const closeArgs = (formats) => ["bin/menerva.js", "close", "2025", "--config", join(data, "menerva.yaml"), "--json", "--formats", formats, "--out", join(data, "out")];
      const jsonOnly = measure(process.execPath, closeArgs("json"));
      for (const f of ["out", "bench-ledger.jsonl", "bench-ledger.jsonl.head"]) rmSync(join(data, f), { recursive: true, force: true });
      const close = measure(process.execPath, closeArgs("json,xlsx"), { env: { ...process.env, MENERVA_TRACE: "1" } });
      const detail = JSON.parse(close.stdout).rows;
      const billed = detail.hours.included + detail.benefits.included;
      const ours = { ...close, write: phase(close.stderr, "record sealed", "outputs and ledger written"), mb: statSync(join(data, "out", "menerva-2025.xlsx")).size / 1e6 };
      rmSync(data, { recursive: true, force: true });
      const k = `${(n / 1000).toLocaleString("en")}k`;
      rows.push([`exceljs stream.xlsx.WorkbookWriter, Detail only, ${k} rows`, fmt(base.wall), fmt(base.write), fmt(base.rssMb, 0), fmt(base.mb, 1), "1.00"]);
      rows.push([`menerva close --formats json,xlsx, ${billed.toLocaleString("en")} Detail rows`, fmt(ours.wall), fmt(ours.write), fmt(ours.rssMb, 0), fmt(ours.mb, 1), fmt(ours.write / base.write)]);
      rows.push(["  the same close, --formats json (no workbook)", fmt(jsonOnly.wall), "", fmt(jsonOnly.rssMb, 0), "", ""]);
      results.push({ n, billed, base, ours, jsonOnly });
    }
    table("Excel statement beside exceljs's streaming writer (same row count; target write ratio ≤ 1.20, peak RSS ≤ 500 MB at 1M)", rows);
    console.log("  menerva's write s: the close from its record to its written outputs (statement workbook with 9 sheets, summary.json, ledger); peak RSS is the whole close's.");
    console.log("  The data: 1 row in 4 a benefit, candidates drawn from a pool of 200,000 (about 490,000 candidate and NEC partner pairs at 1M rows).");
    if (globalThis.benchFigures) globalThis.benchFigures.xlsx = results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
