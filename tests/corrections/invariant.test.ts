// The system-of-record invariant (issue 11), as a property: after any sequence
// of monthly closes over restating (cumulative) exports whose closed rows are
// edited in place, deleted (an export's earliest row too), duplicated or
// arrive late, agencies whose rows all vanish from the shared export or whose
// own export is emptied, late costs and an agency that leaves: Σ billed hours
// and benefits per NEC partner over all closes = the latest exports' rows in
// the closed range, plus exactly the closed rows that no cumulative export
// restates any more (README rule 4: an export restates its kind from its first
// date on, for the NEC partners it holds or held rows of) — and the close
// warns whenever there are such rows. Σ other costs charged = the latest costs
// in the closed range. Nothing counted twice, nothing lost, nothing silent.
import { fc, test } from "@fast-check/vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { runClose } from "../../src/app/close-run.js";
import { closeSummary } from "../../src/report/close-summary.js";
import { issueMessage } from "../../src/i18n/render.js";

const MONTHS = 5;
const FLEXER_UNTIL = 3; // Flexer leaves at the end of March
const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (m: number) => [31, 28, 31, 30, 31][m - 1]!;

type Row = { kind: "hours" | "benefits"; nec: "Q-Jobs" | "Flexer"; date: string; cand: string; cents: number; type?: string };
/** The export file a row lives in: one hours file per agency, one shared benefits file. */
const fileOf = (r: Pick<Row, "kind" | "nec">): string => (r.kind === "benefits" ? "voordelen.csv" : r.nec === "Q-Jobs" ? "uren-q.csv" : "uren-f.csv");
/** A row's content as its fingerprint sees it (every field of Row). */
const contentKey = (r: Row): string => [r.kind, r.nec, r.date, r.cand, r.cents, r.type ?? ""].join("|");

const CONFIG = `start: 2025-01
se_partners: [A, B, C]
nec_partners: [Q-Jobs, {name: Flexer, until: 2025-0${FLEXER_UNTIL}-31}]
fees:
  hourly:
    - {from: 2025-01-01, rate: 2.50}
    - {from: 2025-03-15, rate: 2.75}
  benefit_share: 0.70
inputs:
  hours: [{path: uren-*.csv, cumulative: true}]
  benefits: [{path: voordelen.csv, cumulative: true}]
  staff: [personeel.csv]
  costs: [kosten.csv]
ledger: ledger.jsonl
output: out
`;

const newRow = fc.record({
  kind: fc.constantFrom("hours" as const, "hours" as const, "benefits" as const),
  flexer: fc.boolean(),
  day: fc.integer({ min: 2, max: 28 }),
  cand: fc.integer({ min: 1, max: 6 }),
  cents: fc.integer({ min: -300, max: 900 }),
  type: fc.constantFrom("RSZ", "maatwerk"),
});
const monthOps = fc.record({
  fresh: fc.array(newRow, { maxLength: 6 }),
  late: fc.array(fc.record({ back: fc.integer({ min: 1, max: 4 }), row: newRow }), { maxLength: 3 }),
  edits: fc.array(fc.record({ pick: fc.nat(), cents: fc.integer({ min: -300, max: 900 }) }), { maxLength: 3 }),
  deletes: fc.array(fc.nat(), { maxLength: 2 }),
  dupes: fc.array(fc.nat(), { maxLength: 1 }),
  earliest: fc.option(fc.constantFrom("uren-q.csv", "uren-f.csv", "voordelen.csv"), { nil: undefined }),
  vanish: fc.option(fc.constantFrom("benefits Flexer", "benefits Q-Jobs", "hours Flexer"), { nil: undefined }),
  lateCost: fc.option(fc.record({ back: fc.integer({ min: 1, max: 4 }), cents: fc.integer({ min: 100, max: 50000 }) }), { nil: undefined }),
});

const money = (c: number) => `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${pad(Math.abs(c) % 100)}`;

function write(dir: string, rows: readonly Row[], costs: readonly { date: string; cents: number }[]): void {
  const hours = (nec: string) => ["date,nec_partner,candidate_id,hours", ...rows.filter((r) => r.kind === "hours" && r.nec === nec).map((r) => `${r.date},${r.nec},${r.cand},${money(r.cents)}`)].join("\n") + "\n";
  writeFileSync(join(dir, "uren-q.csv"), hours("Q-Jobs"));
  writeFileSync(join(dir, "uren-f.csv"), hours("Flexer"));
  writeFileSync(join(dir, "voordelen.csv"), ["date,nec_partner,candidate_id,type,amount", ...rows.filter((r) => r.kind === "benefits").map((r) => `${r.date},${r.nec},${r.cand},${r.type},${money(r.cents)}`)].join("\n") + "\n");
  writeFileSync(join(dir, "kosten.csv"), ["date,description,amount", ...costs.map((c, i) => `${c.date},cost ${i},${money(c.cents)}`)].join("\n") + "\n");
}

test.prop([fc.array(monthOps, { minLength: MONTHS, maxLength: MONTHS })], { numRuns: 30 })(
  "Σ billed per NEC partner over the closes = the latest exports in the closed range + the closed rows no export restates (each warned)",
  async (ops) => {
    const dir = mkdtempSync(join(tmpdir(), "menerva-inv-"));
    writeFileSync(join(dir, "menerva.yaml"), CONFIG);
    writeFileSync(join(dir, "personeel.csv"), ["period,partner,role,fte,cost", ...["A", "B", "C"].flatMap((p) => ["2025-Q1", "2025-Q2"].map((q) => `${q},${p},coach,0.5,3000.00`))].join("\n") + "\n");
    const rows: Row[] = [
      { kind: "hours", nec: "Flexer", date: "2025-01-01", cand: "F0", cents: 100 },
      { kind: "benefits", nec: "Q-Jobs", date: "2025-01-01", cand: "Q0", cents: 10000, type: "RSZ" },
      { kind: "benefits", nec: "Flexer", date: "2025-01-01", cand: "F0", cents: 10000, type: "RSZ" },
    ];
    const costs: { date: string; cents: number }[] = [{ date: "2025-01-01", cents: 100 }];
    const billed = new Map<string, { hours: number; benefits: number }>();
    let costsCharged = 0;
    // The model of the ledger: per row content, the occurrences closed; per file, the NEC partners it held at a close.
    const closed = new Map<string, { row: Row; occ: Set<number> }>();
    const held = new Map<string, Set<string>>();
    for (let m = 1; m <= MONTHS; m++) {
      const o = ops[m - 1]!;
      // Q-Jobs works every month (so every month holds data); later months may edit or delete it like any row.
      rows.push({ kind: "hours", nec: "Q-Jobs", date: `2025-${pad(m)}-01`, cand: "Q0", cents: 750 });
      const place = (r: (typeof o.fresh)[number], month: number): Row | undefined => {
        const nec = r.flexer ? "Flexer" : "Q-Jobs";
        if (nec === "Flexer" && month > FLEXER_UNTIL) return undefined; // an agency that left bills nothing new
        return { kind: r.kind, nec, date: `2025-${pad(month)}-${pad(Math.min(r.day, lastDay(month)))}`, cand: `K${r.cand}`, cents: r.kind === "benefits" ? r.cents * 50 : r.cents, ...(r.kind === "benefits" ? { type: r.type } : {}) };
      };
      for (const f of o.fresh) {
        const r = place(f, m);
        if (r) rows.push(r);
      }
      const closedRows = () => rows.filter((r) => r.date < `2025-${pad(m)}-01`);
      if (m > 1) {
        for (const l of o.late) {
          const r = place(l.row, Math.max(1, m - l.back));
          if (r) rows.push(r);
        }
        for (const e of o.edits) {
          const c = closedRows();
          if (c.length > 0) c[e.pick % c.length]!.cents = e.cents * (c[e.pick % c.length]!.kind === "benefits" ? 50 : 1);
        }
        for (const d of o.deletes) {
          const c = closedRows();
          if (c.length > 0) rows.splice(rows.indexOf(c[d % c.length]!), 1);
        }
        if (o.earliest) {
          // the file's earliest closed row goes: the export then starts later
          const c = closedRows().filter((r) => fileOf(r) === o.earliest).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
          if (c.length > 0) rows.splice(rows.indexOf(c[0]!), 1);
        }
        if (o.vanish) {
          // every closed row of an agency leaves a file: from the shared benefits export, or its own hours export is emptied
          const [kind, nec] = o.vanish.split(" ") as [Row["kind"], Row["nec"]];
          for (const r of closedRows().filter((x) => x.kind === kind && x.nec === nec)) rows.splice(rows.indexOf(r), 1);
        }
        for (const d of o.dupes) {
          const c = closedRows();
          if (c.length > 0) rows.push({ ...c[d % c.length]! });
        }
        if (o.lateCost) costs.push({ date: `2025-${pad(Math.max(1, m - o.lateCost.back))}-15`, cents: o.lateCost.cents });
      }
      write(dir, rows, costs);

      // What the close must do, by the rule: present rows are closed; a closed row no export holds is reversed
      // when an export of its kind that holds (or held at a close) rows of its agency starts on or before its date.
      const present = new Map<string, number>();
      for (const r of rows) present.set(contentKey(r), (present.get(contentKey(r)) ?? 0) + 1);
      const first = new Map<string, string>();
      const partnersNow = new Map<string, Set<string>>();
      for (const r of rows) {
        const f = fileOf(r);
        if (!first.has(f) || r.date < first.get(f)!) first.set(f, r.date);
        (partnersNow.get(f) ?? partnersNow.set(f, new Set()).get(f)!).add(r.nec);
      }
      const restates = (r: Row) =>
        [...first].some(([f, from]) => f.startsWith(r.kind === "hours" ? "uren" : "voordelen") && from <= r.date && (partnersNow.get(f)!.has(r.nec) || (held.get(f)?.has(r.nec) ?? false)));
      let unrestated = 0;
      for (const [key, c] of closed) {
        const n = present.get(key) ?? 0;
        const gone = [...c.occ].filter((k) => k >= n);
        if (gone.length > 0 && !restates(c.row)) unrestated += gone.length;
        else for (const k of gone) c.occ.delete(k);
      }
      for (const r of rows) {
        const c = closed.get(contentKey(r)) ?? closed.set(contentKey(r), { row: { ...r }, occ: new Set() }).get(contentKey(r))!;
        for (let k = 0; k < present.get(contentKey(r))!; k++) c.occ.add(k);
      }
      for (const [f, ps] of partnersNow) for (const p of ps) (held.get(f) ?? held.set(f, new Set()).get(f)!).add(p);

      const run = await runClose({ configPath: join(dir, "menerva.yaml"), period: `2025-${pad(m)}`, formats: ["json"] });
      if (!run.ok) throw new Error(run.issues.map((i) => `${i.source?.file}:${i.source?.line} ${issueMessage(i)}`).join("\n"));
      const s = closeSummary(run.report) as any;
      expect(s.checks.filter((c: any) => !c.ok && c.name !== "reserve_not_negative")).toEqual([]);
      // never silent: the close warns exactly when closed rows stay billed that no export holds or restates
      const warned = s.warnings.filter((w: any) => w.code === "closed-rows-not-restated");
      expect({ month: m, warned: warned.length > 0 }).toEqual({ month: m, warned: unrestated > 0 });
      for (const i of s.invoices) {
        const b = billed.get(i.nec_partner) ?? { hours: 0, benefits: 0 };
        b.hours += Math.round(Number(i.hours) * 100);
        b.benefits += Math.round(Number(i.benefits) * 100);
        billed.set(i.nec_partner, b);
      }
      costsCharged += Math.round(Number(s.reserve.other_costs) * 100);
      // after every close: what was billed, net of corrections, is exactly the closed rows of the model,
      // which are the exports' rows now plus the rows no export restates
      const to = `2025-${pad(m)}-${pad(lastDay(m))}`;
      for (const nec of ["Q-Jobs", "Flexer"] as const) {
        const want = { hours: 0, benefits: 0 };
        for (const { row, occ } of closed.values()) if (row.nec === nec && row.date <= to) want[row.kind] += row.cents * occ.size;
        expect({ month: m, nec, ...(billed.get(nec) ?? { hours: 0, benefits: 0 }) }).toEqual({ month: m, nec, ...want });
        if (unrestated === 0) {
          const mine = rows.filter((r) => r.nec === nec && r.date <= to);
          expect(want).toEqual({ hours: mine.filter((r) => r.kind === "hours").reduce((a, r) => a + r.cents, 0), benefits: mine.filter((r) => r.kind === "benefits").reduce((a, r) => a + r.cents, 0) });
        }
      }
      expect(costsCharged).toBe(costs.filter((c) => c.date <= to).reduce((a, c) => a + c.cents, 0));
    }
  },
  300_000,
);
