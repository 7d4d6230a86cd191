// The streaming close (issue 15) against the reference close that holds every
// row in memory, as a property: on random exports — plain and Belgian style
// (`;`, decimal comma, dd/mm/yyyy, Dutch headers, thousands separators), CRLF
// or LF, every cell quoted or none, negative rows, identical rows inside one export, the same rows in two
// overlapping exports, references and clients, rows before the start, late
// rows after a close, restating exports that edit and drop closed rows —
// every close gives the same outcome, the same summary, the same CSV and JSON
// bytes and the same ledger, to the byte. The streaming side is cut into tiny
// chunks with a tiny Bloom filter, so chunk merging and the second pass over
// the row store are exercised on every run.
import { fc, test } from "@fast-check/vitest";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import iconv from "iconv-lite";
import { runClose, type CloseRunOptions } from "../../src/app/close-run.js";
import { summaryJsonText } from "../../src/app/close-outputs.js";

const pad = (n: number) => String(n).padStart(2, "0");
type Style = { belgian: boolean; crlf: boolean; bom: boolean; cp1252: boolean; extra: boolean; quoted: boolean };
type Row = { kind: "hours" | "benefits"; nec: string; date: string; cand: string; cents: number; type: string; ref?: string; client?: string };

const NEC = ["Q-Jobs", "Flexer"];
const CONFIG = (cumulative: boolean, perType: boolean) => `start: 2025-01
se_partners: [A, B, C]
nec_partners: [Q-Jobs, Flexer]
fees:
  hourly:
    - {from: 2025-01-01, rate: 2.50}
    - {from: 2025-02-10, rate: 2.75}
    - {from: 2025-03-01, rate: 3.10, nec_partner: Flexer}
  benefit_share: ${perType ? "{RSZ: 0.70, maatwerk: 0.5}" : "0.70"}
  benefit_types: [RSZ, maatwerk]
inputs:
  hours: [{path: "uren-*.csv"${cumulative ? ", cumulative: true" : ""}}]
  benefits: [{path: "voordelen-*.csv"${cumulative ? ", cumulative: true" : ""}}]
  staff: [personeel.csv]
ledger: ledger.jsonl
output: out
`;

const row = fc.record({
  kind: fc.constantFrom("hours" as const, "hours" as const, "benefits" as const),
  nec: fc.constantFrom(...NEC),
  month: fc.constantFrom(0, 1, 1, 2, 2, 3),
  day: fc.integer({ min: 1, max: 28 }),
  cand: fc.constantFrom("K1", "K2", "KND-0003", "Zoë 4", "K5"),
  cents: fc.oneof(fc.integer({ min: 1, max: 900 }), fc.integer({ min: -400, max: 200_000_000 }), fc.constant(2_550)),
  type: fc.constantFrom("RSZ", "maatwerk"),
  ref: fc.option(fc.constantFrom("W1", "W 2", "=SUM(A1)"), { nil: undefined }),
  // a quote in a cell: doubled in a quoted export (chunks cut between records); text mid-cell in a plain one (read whole)
  client: fc.option(fc.constantFrom("Café De Zwaluw", "Bakkerij", 'Bar "Oké"'), { nil: undefined }),
});
const style = fc.record({ belgian: fc.boolean(), crlf: fc.boolean(), bom: fc.boolean(), cp1252: fc.boolean(), extra: fc.boolean(), quoted: fc.boolean() });

function number(cents: number, s: Style, hours: boolean): string {
  const neg = cents < 0 ? "-" : "";
  const a = Math.abs(cents);
  const int = Math.floor(a / 100);
  const frac = pad(a % 100);
  if (!s.belgian) return `${neg}${int}${hours && a % 100 === 0 ? "" : `.${frac}`}`;
  const grouped = hours ? String(int) : String(int).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${neg}${grouped}${hours && a % 100 === 0 ? "" : `,${frac.replace(/0$/, hours ? "" : "0")}`}`;
}

function fileText(kind: "hours" | "benefits", rows: readonly Row[], s: Style): Buffer {
  const d = s.belgian ? ";" : ",";
  const date = (iso: string) => (s.belgian ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);
  const head = kind === "hours"
    ? s.belgian ? ["datum", "uitzendpartner", "kandidaat", "uren"] : ["date", "nec_partner", "candidate_id", "hours"]
    : s.belgian ? ["datum", "uitzendpartner", "kandidaat", "soort", "bedrag"] : ["date", "nec_partner", "candidate_id", "type", "amount"];
  const extra = s.extra ? (kind === "hours" ? [s.belgian ? "klant" : "client", s.belgian ? "referentie" : "reference"] : [s.belgian ? "referentie" : "reference"]) : [];
  // every cell quoted, as some payroll exports write them
  const cells = (fields: string[]) => (s.quoted ? fields.map((f) => `"${f.replaceAll('"', '""')}"`) : fields).join(d);
  const lines = [cells([...head, ...extra])];
  for (const r of rows) {
    const base = kind === "hours" ? [date(r.date), r.nec, r.cand, number(r.cents, s, true)] : [date(r.date), r.nec, r.cand, r.type, number(r.cents, s, false)];
    const more = s.extra ? (kind === "hours" ? [r.client ?? "", r.ref ?? ""] : [r.ref ?? ""]) : [];
    lines.push(cells([...base, ...more]));
  }
  const text = (s.bom && !s.cp1252 ? "\ufeff" : "") + lines.join(s.crlf ? "\r\n" : "\n") + (s.crlf ? "\r\n" : "\n");
  return s.cp1252 ? iconv.encode(text, "win1252") : Buffer.from(text, "utf8");
}

type Month = { rows: Row[]; drop: number[]; edit: { pick: number; cents: number }[] };

function materialise(raw: fc.Infer<typeof row>[]): Row[] {
  return raw.map((r) => ({ kind: r.kind, nec: r.nec, date: `${r.month === 0 ? "2024-12" : `2025-${pad(r.month)}`}-${pad(r.day)}`, cand: r.cand, cents: r.kind === "hours" ? Math.max(-2400, Math.min(2400, r.cents)) : r.cents, type: r.type, ...(r.ref ? { ref: r.ref } : {}), ...(r.client ? { client: r.client } : {}) }));
}

function writeExports(dir: string, rows: readonly Row[], styles: readonly Style[], overlap: number): void {
  for (const f of readdirSync(dir)) if (/^(uren|voordelen)-/.test(f)) rmSync(join(dir, f));
  for (const kind of ["hours", "benefits"] as const) {
    const mine = rows.filter((r) => r.kind === kind);
    const prefix = kind === "hours" ? "uren" : "voordelen";
    // a second export repeating some rows of the first (an overlapping year-to-date file)
    writeFileSync(join(dir, `${prefix}-a.csv`), fileText(kind, mine, styles[0]!));
    writeFileSync(join(dir, `${prefix}-b.csv`), fileText(kind, mine.filter((_, i) => i % 3 === overlap % 3), styles[1]!));
  }
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p, `${rel}${f}/`);
      else if (!f.endsWith(".xlsx") && !f.startsWith(".")) out[`${rel}${f}`] = readFileSync(p, "latin1");
    }
  };
  walk(dir, "");
  return out;
}

async function close(dir: string, period: string, opts: Partial<CloseRunOptions>) {
  // run inside the folder: the config's path is printed as given
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const r = await runClose({ configPath: "menerva.yaml", period, formats: ["json", "csv"], ...opts });
    return r.ok ? { ok: true, ledger: r.ledger, summary: summaryJsonText(r.report) } : { ok: false, exit: r.exit, issues: r.issues.map((i) => `${i.source?.file ?? ""}:${i.source?.line ?? ""} ${i.code} ${i.message} ${i.found ?? ""} ${i.hint ?? ""}`) };
  } finally {
    process.chdir(cwd);
  }
}

test.prop(
  [
    fc.array(row, { minLength: 1, maxLength: 30 }),
    fc.array(fc.record({ rows: fc.array(row, { maxLength: 8 }), drop: fc.array(fc.nat(), { maxLength: 3 }), edit: fc.array(fc.record({ pick: fc.nat(), cents: fc.integer({ min: -300, max: 900 }) }), { maxLength: 2 }) }), { minLength: 1, maxLength: 2 }),
    fc.array(style, { minLength: 2, maxLength: 2 }),
    fc.boolean(),
    fc.boolean(),
    fc.nat(),
    fc.integer({ min: 1, max: 6 }),
    fc.array(fc.nat(), { maxLength: 3 }),
  ],
  { numRuns: 40 },
)("the streaming close and the in-memory close agree to the byte, close after close", async (first, later, styles, cumulative, perType, overlap, chunkLines, repeats) => {
  const root = mkdtempSync(join(tmpdir(), "menerva-stream-"));
  const dirs = { ref: join(root, "ref"), stream: join(root, "stream") };
  let rows = materialise(first);
  // identical rows inside one export
  for (const k of repeats) rows.push({ ...rows[k % rows.length]! });
  const setup = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "menerva.yaml"), CONFIG(cumulative, perType));
    writeFileSync(join(dir, "personeel.csv"), ["period,partner,role,fte,cost", ...["A", "B", "C"].map((p) => `2025-Q1,${p},coach,0.5,3000.00`)].join("\n") + "\n");
  };
  setup(dirs.ref);
  setup(dirs.stream);
  const months = ["2025-01", ...later.map((_, i) => `2025-0${i + 2}`)];
  try {
    for (const [i, period] of months.entries()) {
      if (i > 0) {
        const m = later[i - 1] as Month & { rows: fc.Infer<typeof row>[] };
        // restating exports: closed rows edited or dropped, late and new rows added
        const next = rows.filter((_, k) => !m.drop.some((d) => d % rows.length === k));
        for (const e of m.edit) if (next.length > 0) next[e.pick % next.length] = { ...next[e.pick % next.length]!, cents: e.cents };
        rows = [...next, ...materialise(m.rows as fc.Infer<typeof row>[])];
      }
      for (const dir of Object.values(dirs)) writeExports(dir, rows, styles, overlap);
      const ref = await close(dirs.ref, period, { engine: "memory" });
      // every other close parses on a worker thread too, the main thread taking the tasks no worker has taken,
      // and fills the billed columns on two threads (cut where the merge passed the middle of the input);
      // half the runs fill them in batches of a few groups (written to files, one thread); the rows the
      // filter flags are settled in parts of one to four fingerprints, half the runs collecting them from the row
      // store (the flagged list given up at its first to third entry)
      const tuning = { chunkBytes: chunkLines * 40, bloomBits: 64, fillFrom: 0, secondPassKeys: 1 + (overlap % 4), ...(chunkLines % 2 === 0 ? { fillBatchBytes: 200 } : {}), ...(chunkLines % 2 === 1 ? { flaggedListCap: chunkLines % 3 } : {}) };
      const str = await close(dirs.stream, period, { engine: "streaming", threads: i % 2, tuning });
      expect(str).toEqual(ref);
      expect(snapshot(dirs.stream)).toEqual(snapshot(dirs.ref));
      if (!ref.ok) break;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
