// Statement workbook figures (issue 4 "Scale"): the close statement with
// 100k and 1M Detail rows, beside exceljs's own streaming writer writing the
// same rows alone (same cells, same styles per column), each in its own
// process so peak RSS is per writer. Both children first build the same
// seeded rows; "write s" times the writing only, "wall s" the whole process.
// Run: npm run bench, or node bench/xlsx-bench.mjs after npm run build
// (XLSX_BENCH_SIZES=100000,1000000 to change sizes).
import { writeFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

async function childStatement(n, outPath) {
  const { closePeriod } = await import("../dist/domain/close.js");
  const { dec } = await import("../dist/domain/money.js");
  const { parsePeriod } = await import("../dist/domain/period.js");
  const { renderStatementXlsx } = await import("../dist/adapters/xlsx/statement-workbook.js");
  const config = {
    project: "MENERVA bench", language: "nl", start: "2025-01-01", sePartners: ["A", "B", "C"], necPartners: NEC,
    hourlyFees: [{ from: "2025-01-01", rate: dec("2.50") }, { from: "2025-07-01", rate: dec("2.75") }],
    benefitShare: dec("0.70"), benefitTypes: ["RSZ", "maatwerk"], vatRate: dec("0.21"), profit: "retain", shortfall: "partner",
    effortTolerance: dec("0.10"), openingReserve: dec("0"), otherCosts: [],
  };
  let specs = rowSpecs(n);
  const hours = [];
  const benefits = [];
  for (const s of specs) {
    const source = { file: s.kind === "hours" ? "uren.csv" : "voordelen.csv", line: s.line };
    if (s.kind === "hours") hours.push({ kind: "hours", date: s.date, necPartner: s.nec, candidate: s.candidate, hours: dec(s.hours), source });
    else benefits.push({ kind: "benefits", date: s.date, necPartner: s.nec, candidate: s.candidate, type: s.type, amount: dec(s.amount), source });
  }
  specs = null;
  const staff = ["A", "B", "C"].map((p, i) => ({ kind: "staff", period: "2025", partner: p, role: "coach", fte: dec("1"), cost: dec(String(60000 + i * 1000)), source: { file: "personeel.csv", line: 2 + i } }));
  const r = closePeriod({ config, period: parsePeriod("2025"), hours, benefits, staff, otherCosts: [], openingReserve: dec("0") });
  if (!r.ok) throw new Error(JSON.stringify(r.value ?? r.issues).slice(0, 500));
  const report = {
    result: r.value, language: "nl", configFile: "menerva.yaml", configSha256: "0".repeat(64),
    inputs: [{ kind: "hours", file: "uren.csv", sha256: "a".repeat(64), rows: hours.length, encoding: "utf-8", delimiter: ";", decimalMark: "." },
      { kind: "benefits", file: "voordelen.csv", sha256: "b".repeat(64), rows: benefits.length, encoding: "utf-8", delimiter: ";", decimalMark: "." }],
    warnings: r.value.warnings, reserveHistory: [], openingFrom: "config",
  };
  globalThis.gc?.();
  rssBefore = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const bytes = await renderStatementXlsx(report);
  writeFileSync(outPath, bytes);
  return Number(process.hrtime.bigint() - t0) / 1e9;
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
  const [, , , which, n, out] = process.argv;
  const write = await (which === "statement" ? childStatement : childExceljs)(Number(n), out);
  console.log(JSON.stringify({ write, rssBeforeMb: rssBefore / 2 ** 20 }));
} else {
  const sizes = (process.env.XLSX_BENCH_SIZES ?? "100000,1000000").split(",").map(Number);
  const dir = mkdtempSync(join(tmpdir(), "menerva-xlsx-bench-"));
  try {
    const rows = [["figure", "wall s", "write s", "peak RSS MB", "added by writing MB", "file MB", "write ratio"]];
    for (const n of sizes) {
      const run = (which) => {
        const out = join(dir, `${which}-${n}.xlsx`);
        const m = measure(process.execPath, ["--max-old-space-size=4096", "--expose-gc", self, "--child", which, String(n), out]);
        const child = JSON.parse(m.stdout.trim().split("\n").pop());
        // memory the writer itself adds on top of its input (peak RSS − RSS before writing)
        const added = m.rssMb === undefined ? undefined : m.rssMb - child.rssBeforeMb;
        return { ...m, write: child.write, added, mb: statSync(out).size / 1e6 };
      };
      const base = run("exceljs");
      const ours = run("statement");
      const k = `${(n / 1000).toLocaleString("en")}k`;
      rows.push([`exceljs stream.xlsx.WorkbookWriter, Detail only, ${k} rows`, fmt(base.wall), fmt(base.write), fmt(base.rssMb, 0), fmt(base.added, 0), fmt(base.mb, 1), "1.00"]);
      rows.push([`menerva statement (8 sheets), ${k} Detail rows`, fmt(ours.wall), fmt(ours.write), fmt(ours.rssMb, 0), fmt(ours.added, 0), fmt(ours.mb, 1),
        fmt(ours.write / base.write)]);
    }
    table("Excel statement beside exceljs's streaming writer (same rows; target write ratio ≤ 1.20)", rows);
    console.log("  peak RSS of menerva's child includes the close itself (rows as Decimals, classified); exceljs's child holds only plain rows.");
    console.log("  \"added by writing\" = peak RSS − RSS once the input was in memory: the writer's own cost (menerva keeps the compressed file in memory, as renderStatementXlsx returns bytes).");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
