// A small partnership whose books change after each close (issue 11): year-to-date
// exports per agency (cumulative: true), an edited and a deleted closed row, late
// rows, a changed staff row, a late cost, an SE partner and an agency leaving.
// `writeMonth(dir, m)` writes the exports as they stand after month m.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CONFIG = `# issue 11 scenario: restating exports and partners leaving
start: 2025-01
se_partners: [BLM, Arbeidskansen, {name: Alternatief, until: 2025-02-14}]
nec_partners: [Q-Jobs, {name: Flexer, until: 2025-02-28}]
fees:
  hourly:
    - {from: 2025-01-01, rate: 2.50}
    - {from: 2025-02-15, rate: 2.75}
other_costs:
  - {date: 2025-01-15, description: IT-platform, amount: 100.00}
inputs:
  hours: [{path: exports/uren-*.csv, cumulative: true}]
  benefits: [{path: exports/voordelen.csv, cumulative: true}]
  staff: [exports/personeel.csv]
  costs: [exports/kosten.csv]
ledger: out/ledger.jsonl
output: out
`;

const HOURS = "date,nec_partner,candidate_id,hours\n";
const BENEFITS = "date,nec_partner,candidate_id,type,amount\n";
const STAFF = "period,partner,role,fte,cost,subsidy\n";
const COSTS = "date,description,amount\n";

/** The exports after each month: what the agencies and partners send then. */
const MONTHS: Record<number, { qjobs: string[]; flexer: string[]; benefits: string[]; staff: string[]; costs: string[] }> = {
  1: {
    qjobs: ["2025-01-06,Q-Jobs,K1,7.6", "2025-01-07,Q-Jobs,K2,8", "2025-01-20,Q-Jobs,K1,5"],
    flexer: ["2025-01-08,Flexer,K3,6", "2025-01-09,Flexer,K3,6"],
    benefits: ["2025-01-13,Q-Jobs,K1,RSZ,1000.00"],
    staff: ["2025-01,BLM,coach,0.5,100.00,", "2025-01,Arbeidskansen,coach,0.5,100.00,", "2025-01,Alternatief,coach,0.5,100.00,"],
    costs: [],
  },
  2: {
    // K1's 7.6 h of 6 January is corrected in place to 6.6 h; a late row of 25 January appears
    qjobs: ["2025-01-06,Q-Jobs,K1,6.6", "2025-01-07,Q-Jobs,K2,8", "2025-01-20,Q-Jobs,K1,5", "2025-01-25,Q-Jobs,K4,3", "2025-02-03,Q-Jobs,K1,8", "2025-02-20,Q-Jobs,K2,4"],
    // Flexer withdraws the row of 9 January
    flexer: ["2025-01-08,Flexer,K3,6", "2025-02-10,Flexer,K3,6"],
    // the RSZ of 13 January was 900.00, not 1000.00
    benefits: ["2025-01-13,Q-Jobs,K1,RSZ,900.00", "2025-02-13,Q-Jobs,K1,RSZ,1000.00"],
    // BLM's January cost was 120.00, not 100.00
    staff: ["2025-01,BLM,coach,0.5,120.00,", "2025-01,Arbeidskansen,coach,0.5,100.00,", "2025-01,Alternatief,coach,0.5,100.00,", "2025-02,BLM,coach,0.5,100.00,", "2025-02,Arbeidskansen,coach,0.5,100.00,", "2025-02,Alternatief,coach,0.5,50.00,"],
    // an invoice of 28 January arrives late
    costs: ["2025-01-28,late invoice,40.00"],
  },
  3: {
    qjobs: ["2025-01-06,Q-Jobs,K1,6.6", "2025-01-07,Q-Jobs,K2,8", "2025-01-20,Q-Jobs,K1,5", "2025-01-25,Q-Jobs,K4,3", "2025-02-03,Q-Jobs,K1,8", "2025-02-20,Q-Jobs,K2,4", "2025-03-05,Q-Jobs,K1,7"],
    // Flexer left on 28 February; a late row of 20 February is still invoiced to it
    flexer: ["2025-01-08,Flexer,K3,6", "2025-02-10,Flexer,K3,6", "2025-02-20,Flexer,K5,2"],
    benefits: ["2025-01-13,Q-Jobs,K1,RSZ,900.00", "2025-02-13,Q-Jobs,K1,RSZ,1000.00", "2025-03-12,Q-Jobs,K2,maatwerk,400.00"],
    staff: ["2025-01,BLM,coach,0.5,120.00,", "2025-01,Arbeidskansen,coach,0.5,100.00,", "2025-01,Alternatief,coach,0.5,100.00,", "2025-02,BLM,coach,0.5,100.00,", "2025-02,Arbeidskansen,coach,0.5,100.00,", "2025-02,Alternatief,coach,0.5,50.00,", "2025-03,BLM,coach,0.5,100.00,", "2025-03,Arbeidskansen,coach,0.5,100.00,"],
    costs: ["2025-01-28,late invoice,40.00"],
  },
};

export function scenarioDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "menerva-corr-"));
  writeFileSync(join(dir, "menerva.yaml"), CONFIG);
  return dir;
}

export function writeMonth(dir: string, m: 1 | 2 | 3): void {
  const x = MONTHS[m]!;
  mkdirSync(join(dir, "exports"), { recursive: true });
  const w = (f: string, head: string, rows: string[]) => writeFileSync(join(dir, "exports", f), head + rows.map((r) => `${r}\n`).join(""));
  w("uren-qjobs.csv", HOURS, x.qjobs);
  w("uren-flexer.csv", HOURS, x.flexer);
  w("voordelen.csv", BENEFITS, x.benefits);
  w("personeel.csv", STAFF, x.staff);
  w("kosten.csv", COSTS, x.costs);
}

/** The rows of the latest exports (month m) per NEC partner: hours and benefits dated up to `to`. */
export function latestTotals(m: 1 | 2 | 3, to: string): Record<string, { hours: number; benefits: number }> {
  const x = MONTHS[m]!;
  const out: Record<string, { hours: number; benefits: number }> = {};
  for (const r of [...x.qjobs, ...x.flexer]) {
    const [date, nec, , h] = r.split(",");
    if (date! > to) continue;
    (out[nec!] ??= { hours: 0, benefits: 0 }).hours += Math.round(Number(h) * 100); // test data: at most two decimals
  }
  for (const r of x.benefits) {
    const [date, nec, , , a] = r.split(",");
    if (date! > to) continue;
    (out[nec!] ??= { hours: 0, benefits: 0 }).benefits += Math.round(Number(a) * 100);
  }
  return out;
}
