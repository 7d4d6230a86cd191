// Scratch projects for the e-invoicing tests of the close (issue 12), and
// readers for what a close writes (summary, documents, journal).
//
// "Year end": monthly closes from November 2025 over January 2026, so the
// numbering restarts with the calendar year of the issue date. Its exports
// hold the cases: a partner named `Intérim & Co` (é and &), hours
// with four decimals, a fee change in mid-November (two hour lines), a
// benefit share per type (one line per type), a late row of November billed
// in December (a correction line), and a negative benefit row in January that
// makes Q-Jobs' January invoice a credit note.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { ROOT } from "../cli/helpers.js";

const SELLER = `  seller:
    name: BLM Genk vzw
    enterprise_number: "0437.519.686"
    vat: BE0437519686
    iban: BE71 0961 2345 6769
    bic: GKCCBEBB
    address: {street: Kolderbosstraat 1, postcode: "3600", city: Genk, country: BE}`;

/** The invoicing block for the workflow fixture's partners. */
export const WORKFLOW_INVOICING = `
invoicing:
${SELLER}
  buyers:
    Q-Jobs:
      name: Q-Jobs NV
      enterprise_number: "0466.123.404"
      address: {street: Stationsstraat 5, postcode: "3500", city: Hasselt, country: BE}
    Flexer:
      name: Flexer BV
      enterprise_number: "0478.123.490"
      address: {street: Grote Markt 12, postcode: "2000", city: Antwerpen, country: BE}
  prefix: "MEN"
`;

const YEAR_END_CONFIG = `project: MENERVA
language: nl
start: 2025-11
se_partners: [BLM, Arbeidskansen]
nec_partners: [Q-Jobs, "Intérim & Co"]
fees:
  hourly:
    - {from: 2025-01-01, rate: 2.50}
    - {from: 2025-11-15, rate: 2.75}
  benefit_share: {RSZ: 0.70, maatwerk: 0.50}
  benefit_types: [RSZ, maatwerk]
vat_rate: 0.21
inputs:
  hours: [exports/uren.csv]
  benefits: [exports/voordelen.csv]
  staff: [exports/personeel.csv]
ledger: out/ledger.jsonl
output: out
invoicing:
${SELLER}
  buyers:
    Q-Jobs:
      name: Q-Jobs NV
      enterprise_number: "0466.123.404"
      address: {street: Stationsstraat 5, postcode: "3500", city: Hasselt, country: BE}
      reference: MENERVA
    "Intérim & Co":
      name: Intérim & Co SRL
      enterprise_number: "0891.234.515"
      address: {street: Rue de l'Église 5, postcode: "1000", city: Bruxelles, country: BE}
      reference: PO <42> & co
  payment_days: 30
  prefix: "MEN"
`;

/** The exports' rows as they arrive, month by month (appended to the exports). */
const MONTHS: Record<"2025-11" | "2025-12" | "2026-01", { hours: string[]; benefits: string[]; staff: string[] }> = {
  "2025-11": {
    hours: ["2025-11-05,Q-Jobs,K1,7.1234", "2025-11-20,Q-Jobs,K1,8", "2025-11-10,Intérim & Co,K2,6.5"],
    benefits: ["2025-11-12,Q-Jobs,K1,RSZ,1000.00", "2025-11-12,Q-Jobs,K1,maatwerk,400.00", "2025-11-14,Intérim & Co,K2,RSZ,500.00"],
    staff: ["2025-11,BLM,coach,0.5,100.00,", "2025-11,Arbeidskansen,coach,0.5,100.00,"],
  },
  "2025-12": {
    // 28 November arrives after November's close: a correction line of 2025-11 in December
    hours: ["2025-12-03,Q-Jobs,K1,7.5", "2025-12-04,Intérim & Co,K2,4", "2025-11-28,Intérim & Co,K2,3"],
    benefits: ["2025-12-10,Q-Jobs,K1,RSZ,800.00"],
    staff: ["2025-12,BLM,coach,0.5,100.00,", "2025-12,Arbeidskansen,coach,0.5,100.00,"],
  },
  "2026-01": {
    // a negative benefit row (a correction by the agency): Q-Jobs' January net is negative, a credit note
    hours: ["2026-01-07,Q-Jobs,K1,2", "2026-01-08,Intérim & Co,K2,1"],
    benefits: ["2026-01-09,Q-Jobs,K1,RSZ,-2000.00"],
    staff: ["2026-01,BLM,coach,0.5,100.00,", "2026-01,Arbeidskansen,coach,0.5,100.00,"],
  },
};

export type YearEndMonth = keyof typeof MONTHS;

/** A scratch folder with the year-end config and empty exports. */
export function yearEndDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "menerva-einv-"));
  writeFileSync(join(dir, "menerva.yaml"), YEAR_END_CONFIG);
  mkdirSync(join(dir, "exports"));
  writeFileSync(join(dir, "exports/uren.csv"), "date,nec_partner,candidate_id,hours\n");
  writeFileSync(join(dir, "exports/voordelen.csv"), "date,nec_partner,candidate_id,type,amount\n");
  writeFileSync(join(dir, "exports/personeel.csv"), "period,partner,role,fte,cost,subsidy\n");
  return dir;
}

/** Append a month's rows to the year-end exports. */
export function addMonth(dir: string, m: YearEndMonth): void {
  const rows = MONTHS[m];
  appendFileSync(join(dir, "exports/uren.csv"), rows.hours.map((r) => `${r}\n`).join(""));
  appendFileSync(join(dir, "exports/voordelen.csv"), rows.benefits.map((r) => `${r}\n`).join(""));
  appendFileSync(join(dir, "exports/personeel.csv"), rows.staff.map((r) => `${r}\n`).join(""));
}

/** A scratch copy of the workflow fixture's config with the invoicing block, and month m's exports in place. */
export function workflowDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "menerva-einv-wf-"));
  writeFileSync(join(dir, "menerva.yaml"), readFileSync(join(ROOT, "fixtures/workflow/menerva.yaml"), "utf8") + WORKFLOW_INVOICING);
  return dir;
}

export function workflowMonth(dir: string, m: 1 | 2 | 3): void {
  mkdirSync(join(dir, "exports"), { recursive: true });
  const from = join(ROOT, `fixtures/workflow/2025-0${m}`);
  for (const f of readdirSync(from)) cpSync(join(from, f), join(dir, "exports", f));
}

export type Summary = any; // the JSON contract, read as its users read it

export const summaryOf = (dir: string, folder: string): Summary => JSON.parse(readFileSync(join(dir, "out", folder, "summary.json"), "utf8"));

/** Every XML document under out/ (path relative to out/ → text). */
export function documentsUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const root = join(dir, "out");
  for (const folder of readdirSync(root)) {
    let names: string[];
    try {
      names = readdirSync(join(root, folder, "invoices"));
    } catch {
      continue;
    }
    for (const n of names.filter((x) => x.endsWith(".xml")).sort()) out.set(`${folder}/invoices/${n}`, readFileSync(join(root, folder, "invoices", n), "utf8"));
  }
  return out;
}

/** The first element text of `name` (e.g. "cbc:PayableAmount") in a UBL text. */
export function element(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`).exec(xml)?.[1];
}

export type JournalRow = Record<string, string>;

/** journal.csv as records. */
export function journalOf(dir: string, folder: string): JournalRow[] {
  return parse(readFileSync(join(dir, "out", folder, "journal.csv")), { columns: true }) as JournalRow[];
}

/** The structured reference of a number, computed here independently: year, sequence padded to 6, mod 97 (97 for 0). */
export function expectedReference(number: string): string {
  const m = /(\d{4})-(\d+)$/.exec(number)!;
  const ten = `${m[1]}${m[2]!.padStart(6, "0")}`;
  const r = Number(BigInt(ten) % 97n);
  const d = `${ten}${String(r === 0 ? 97 : r).padStart(2, "0")}`;
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}
