// The row cursor (issue 15: the statement of a million rows in bounded
// memory): the Detail and Exceptions sheets walk the rows through one cursor,
// which a streamed close refills from its row store's records
// (engine/row-cursor.ts) and an in-memory close from its row objects
// (report/close-rows.ts). Properties: the store's walk gives exactly the rows,
// statuses, texts and exact numbers the row objects give (with a status
// filter, and stopped early), and on random exports — XML-special and
// formula-looking texts, negative and "-0" hours, trailing zeros, late rows
// after a close, rows before the start, a workbook input on a named sheet —
// the statement workbook of a streamed close is byte for byte the one of the
// in-memory close.
import { fc, test } from "@fast-check/vitest";
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { runClose, type CloseRunOptions } from "../../src/app/close-run.js";
import { ROW_STATUSES, type RowStatus } from "../../src/domain/classify.js";
import { D } from "../../src/domain/money.js";
import { scaledDecimalText } from "../../src/engine/row-cursor.js";
import { fillRowCursor, forEachRow, newRowCursor, type CloseRows, type RowCursor } from "../../src/report/close-rows.js";

describe("scaledDecimalText", () => {
  test("examples: no trailing zeros, a leading zero, the sign", () => {
    expect(scaledDecimalText(750, 2)).toBe("7.5");
    expect(scaledDecimalText(800, 2)).toBe("8");
    expect(scaledDecimalText(-325, 2)).toBe("-3.25");
    expect(scaledDecimalText(5, 3)).toBe("0.005");
    expect(scaledDecimalText(-5, 3)).toBe("-0.005");
    expect(scaledDecimalText(123, 0)).toBe("123");
    // left to Decimal: zero (its sign), and what is not a safe integer
    expect(scaledDecimalText(0, 2)).toBeUndefined();
    expect(scaledDecimalText(-0, 0)).toBeUndefined();
    expect(scaledDecimalText(2 ** 53, 0)).toBeUndefined();
    expect(scaledDecimalText(1.5, 0)).toBeUndefined();
  });

  test.prop([fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.maxSafeInteger(), fc.maxSafeInteger().map((x) => -x)), fc.integer({ min: 0, max: 20 })])(
    "is Decimal's toFixed() of m / 10^s",
    (m, s) => {
      expect(scaledDecimalText(m, s)).toBe(m === 0 ? undefined : new D(m).div(new D(10).pow(s)).toFixed());
    },
  );
});

const pad = (n: number) => String(n).padStart(2, "0");
const NEC = ["Q-Jobs", "Flexer & <Co>"];
const CONFIG = `start: 2025-01
se_partners: [A, B, C]
nec_partners: [Q-Jobs, "Flexer & <Co>"]
fees:
  hourly:
    - {from: 2025-01-01, rate: 2.50}
    - {from: 2025-02-10, rate: 2.755}
  benefit_share: 0.70
  benefit_types: [RSZ, "maat&werk"]
inputs:
  hours: [{path: "uren-*.csv"}, {path: "uren.xlsx", sheet: "Mijn uren"}]
  benefits: [{path: "voordelen-*.csv"}]
  staff: [personeel.csv]
ledger: ledger.jsonl
output: out
`;

const text = fc.constantFrom("", "W1", "=SUM(A1)", 'Café <De> & "Zwaluw"', "a'b", "  x  ", "Zoë");
const row = fc.record({
  kind: fc.constantFrom("hours" as const, "hours" as const, "benefits" as const, "sheet" as const),
  nec: fc.constantFrom(...NEC),
  // December 2024 is before the start; January rows arriving after January's close are late
  month: fc.constantFrom(0, 1, 1, 2),
  day: fc.integer({ min: 1, max: 28 }),
  cand: fc.constantFrom("K1", "KND-0003", "Zoë 4", 'a<b>&"c', "=1+1"),
  hours: fc.constantFrom("7.5", "7.50", "8", "-3.25", "0", "-0", "0.125", "23.75"),
  amount: fc.constantFrom("100.10", "50", "999999999.99", "0.5", "0.00"),
  type: fc.constantFrom("RSZ", "maat&werk"),
  client: text,
  ref: text,
});
type Row = fc.Infer<typeof row>;

const csv = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
const dateOf = (r: Row) => `${r.month === 0 ? "2024-12" : `2025-${pad(r.month)}`}-${pad(r.day)}`;

/** The exports of `rows`, the same bytes in every folder (a workbook stamps the clock: built once). */
async function writeExports(dirs: readonly string[], rows: readonly Row[]): Promise<void> {
  const hours = ["date,nec_partner,candidate_id,hours,client,reference", ...rows.filter((r) => r.kind === "hours").map((r) => csv([dateOf(r), r.nec, r.cand, r.hours, r.client, r.ref]))];
  const benefits = ["date,nec_partner,candidate_id,type,amount,reference", ...rows.filter((r) => r.kind === "benefits").map((r) => csv([dateOf(r), r.nec, r.cand, r.type, r.amount, r.ref]))];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Mijn uren");
  ws.addRow(["date", "nec_partner", "candidate_id", "hours", "client"]);
  for (const r of rows.filter((x) => x.kind === "sheet")) ws.addRow([dateOf(r), r.nec, r.cand, r.hours, r.client]);
  const sheet = new Uint8Array(await wb.xlsx.writeBuffer());
  for (const dir of dirs) {
    writeFileSync(join(dir, "uren-a.csv"), `${hours.join("\n")}\n`);
    writeFileSync(join(dir, "voordelen-a.csv"), `${benefits.join("\n")}\n`);
    writeFileSync(join(dir, "uren.xlsx"), sheet);
  }
}

/** The rows a walk visits, copied (the cursor is refilled for the next row). */
function walk(rows: CloseRows, statuses?: readonly RowStatus[], stopAfter = Infinity): RowCursor[] {
  const out: RowCursor[] = [];
  forEachRow(rows, (c) => {
    if (out.length >= stopAfter) return false;
    out.push({ ...c });
  }, statuses);
  return out;
}

/** The same walk from the rows' objects (what an in-memory close walks). */
function walkObjects(rows: CloseRows, statuses?: readonly RowStatus[], stopAfter = Infinity): RowCursor[] {
  return [...rows.all()].filter((x) => !statuses || statuses.includes(x.status)).slice(0, stopAfter).map((x) => ({ ...fillRowCursor(newRowCursor(), x) }));
}

async function close(dir: string, period: string, opts: Partial<CloseRunOptions>) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await runClose({ configPath: "menerva.yaml", period, formats: ["json", "xlsx"], allowEmpty: true, ...opts });
  } finally {
    process.chdir(cwd);
  }
}

const xlsxOf = (dir: string) => {
  const out: Record<string, Buffer> = {};
  const walkDir = (d: string, rel: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) walkDir(join(d, f.name), `${rel}${f.name}/`);
      else if (f.name.endsWith(".xlsx")) out[`${rel}${f.name}`] = readFileSync(join(d, f.name));
    }
  };
  walkDir(join(dir, "out"), "");
  return out;
};

test.prop([fc.array(row, { minLength: 1, maxLength: 25 }), fc.array(row, { maxLength: 10 }), fc.integer({ min: 1, max: 6 }), fc.nat(30)], { numRuns: 12 })(
  "a streamed close's row walk is the rows' own, and its statement the in-memory close's, byte for byte",
  async (first, late, chunkLines, stopAfter) => {
    const root = mkdtempSync(join(tmpdir(), "menerva-cursor-"));
    const dirs = { memory: join(root, "memory"), stream: join(root, "stream") };
    try {
      for (const dir of Object.values(dirs)) {
        mkdirSync(dir);
        writeFileSync(join(dir, "menerva.yaml"), CONFIG);
        writeFileSync(join(dir, "personeel.csv"), "period,partner,role,fte,cost\n2025-Q1,A,coach,0.5,3000.00\n2025-Q1,B,coach,0.5,3000.00\n2025-Q1,C,coach,0.5,3000.00\n");
      }
      // January, then February with late January rows (adjustments of a closed period)
      for (const [period, exported] of [["2025-01", first], ["2025-02", [...first, ...late]]] as const) {
        await writeExports(Object.values(dirs), exported);
        const mem = await close(dirs.memory, period, { engine: "memory" });
        const str = await close(dirs.stream, period, { engine: "streaming", threads: 0, tuning: { chunkBytes: chunkLines * 40, bloomBits: 64 } });
        expect(str.ok).toBe(mem.ok);
        if (!str.ok || !mem.ok) return;
        const rows = str.report.rows!;
        expect(rows.each).toBeDefined();
        for (const statuses of [undefined, ["included", "adjustment"] as const, ROW_STATUSES.filter((s) => s !== "included")]) {
          expect(walk(rows, statuses)).toEqual(walkObjects(rows, statuses));
          expect(walk(rows, statuses, stopAfter)).toEqual(walkObjects(rows, statuses, stopAfter));
        }
        const a = xlsxOf(dirs.memory);
        const b = xlsxOf(dirs.stream);
        expect(Object.keys(b)).toEqual(Object.keys(a));
        for (const k of Object.keys(a)) expect(b[k]!.equals(a[k]!), k).toBe(true);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);
