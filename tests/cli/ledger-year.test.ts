// Twelve monthly closes over cumulative (year-to-date) exports, with late rows
// that appear two months after their date and a correction row: nothing is
// billed twice, nothing is lost, and the year adds up to the cent.
import { fc, test } from "@fast-check/vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { runClose } from "../../src/app/close-run.js";
import { D, sum, type Dec } from "../../src/domain/money.js";
import { closeSummary } from "../../src/report/close-summary.js";
import { issueMessage } from "../../src/i18n/render.js";

type Row = { date: string; nec: string; cand: string; hours: string; late: number };
const NEC = ["Q-Jobs", "Flexer"];
const CONFIG = `start: 2025-01
se_partners: [BLM, Arbeidskansen, LIV aan het werk, Alternatief]
nec_partners: [Q-Jobs, Flexer]
fees:
  hourly:
    - {from: 2025-01-01, rate: 2.50}
    - {from: 2025-06-15, rate: 2.75}
inputs:
  hours: [uren.csv]
  benefits: [voordelen.csv]
  staff: [personeel.csv]
ledger: ledger.jsonl
output: out
`;
const pad = (n: number) => String(n).padStart(2, "0");
const monthEnd = (m: number) => `2025-${pad(m)}-${pad(new Date(Date.UTC(2025, m, 0)).getUTCDate())}`; // test data only

const rowArb = fc.record({
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
  nec: fc.constantFrom(...NEC),
  cand: fc.integer({ min: 1, max: 9 }),
  ch: fc.integer({ min: -400, max: 900 }),
  late: fc.constantFrom(0, 0, 0, 2), // some rows reach the export two months late
}).map((r): Row => ({ date: `2025-${pad(r.m)}-${pad(r.d)}`, nec: r.nec, cand: `K${r.cand}`, hours: new D(r.ch).div(100).toFixed(), late: r.late }));

async function closeYear(rows: Row[]) {
  const dir = mkdtempSync(join(tmpdir(), "menerva-year-"));
  writeFileSync(join(dir, "menerva.yaml"), CONFIG);
  writeFileSync(join(dir, "voordelen.csv"), "date,nec_partner,candidate_id,type,amount\n");
  writeFileSync(join(dir, "personeel.csv"), ["period,partner,role,fte,cost", ...[1, 2, 3, 4].map((q) => `2025-Q${q},BLM,coach,0.5,3000.00`)].join("\n") + "\n");
  const visibleIn = (r: Row) => Number(r.date.slice(5, 7)) + r.late; // first month whose export holds the row
  const summaries = [];
  for (let m = 1; m <= 12; m++) {
    // the year-to-date export of month m: every row visible by then, in date order
    const ytd = rows.filter((r) => visibleIn(r) <= m).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    writeFileSync(join(dir, "uren.csv"), ["date,nec_partner,candidate_id,hours", ...ytd.map((r) => `${r.date},${r.nec},${r.cand},${r.hours}`)].join("\n") + "\n");
    const run = await runClose({ configPath: join(dir, "menerva.yaml"), period: `2025-${pad(m)}`, formats: ["json"] });
    if (!run.ok) throw new Error(run.issues.map((i) => issueMessage(i)).join("\n"));
    summaries.push(closeSummary(run.report) as any);
  }
  return { dir, summaries, lateAfterYear: rows.filter((r) => visibleIn(r) > 12) };
}

test.prop([fc.array(rowArb, { minLength: 1, maxLength: 40 })], { numRuns: 12 })(
  "twelve monthly closes bill every row exactly once and add up to the year",
  async (rows) => {
    const { dir, summaries, lateAfterYear } = await closeYear(rows);
    const billedRows = (s: any) => s.rows.hours.included + s.rows.hours.adjustment;
    // nothing lost, nothing twice: every row visible within the year is billed in exactly one close
    expect(summaries.reduce((a, s) => a + billedRows(s), 0)).toBe(rows.length - lateAfterYear.length);
    // the hours billed over the year equal the hours of those rows, per agency, exactly
    for (const nec of NEC) {
      const billed = sum(summaries.flatMap((s) => s.invoices.filter((i: any) => i.nec_partner === nec).map((i: any) => new D(i.hours))));
      const all = sum(rows.filter((r) => r.nec === nec && !lateAfterYear.includes(r)).map((r) => new D(r.hours)));
      expect(billed.toFixed()).toBe(all.toFixed());
    }
    // each month's fee lines (this month's hours, and late hours on correction lines per period) =
    // round(Σ hours at a rate × rate), rates taken at each row's own date
    const yearly: Dec[] = summaries.map((s) => sum(s.invoices.map((i: any) => new D(i.hour_fee))));
    const isHours = (l: any) => l.kind === "hours" || (l.kind === "correction" && l.of === "hours");
    const independent = summaries.map((s) =>
      sum(s.invoices.flatMap((i: any) => i.lines.filter(isHours).map((l: any) => new D(l.hours).times(l.rate).toDecimalPlaces(2, D.ROUND_HALF_UP)))),
    );
    expect(sum(yearly).toFixed(2)).toBe(sum(independent).toFixed(2));
    // the reserve chains from month to month
    for (let m = 1; m < 12; m++) expect(summaries[m].reserve.opening).toBe(summaries[m - 1].reserve.closing);
    // the ledger holds twelve records, the last one's rows already_closed in later months
    expect(readFileSync(join(dir, "ledger.jsonl"), "utf8").trim().split("\n")).toHaveLength(12);
  },
);

test("a corrected row (a negative copy plus the right hours) is billed once, as an adjustment", async () => {
  const rows: Row[] = [
    { date: "2025-01-10", nec: "Q-Jobs", cand: "K1", hours: "8", late: 0 },
    { date: "2025-01-10", nec: "Q-Jobs", cand: "K1", hours: "-8", late: 2 }, // the agency reverses it in March's export…
    { date: "2025-01-10", nec: "Q-Jobs", cand: "K1", hours: "6", late: 2 }, //  …and books the right hours
  ];
  const { summaries } = await closeYear(rows);
  expect(summaries[0].invoices[0].hours).toBe("8");
  expect(summaries[2].rows.hours).toMatchObject({ already_closed: 1, adjustment: 2 });
  expect(summaries[2].invoices[0].hours).toBe("-2");
});
