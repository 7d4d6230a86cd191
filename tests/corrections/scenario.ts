// The correction workflow of fixtures/workflow (issue 11): year-to-date exports
// per agency (cumulative: true), an edited and a deleted closed row, late
// rows, a changed staff row, a late cost, an SE partner and an agency leaving.
// `writeMonth(dir, m)` puts the exports as they stand after month m in place.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const FIXTURE = join(import.meta.dirname, "../../fixtures/workflow");

/** A scratch copy of the workflow config (no exports yet). */
export function scenarioDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "menerva-corr-"));
  cpSync(join(FIXTURE, "menerva.yaml"), join(dir, "menerva.yaml"));
  return dir;
}

/** The exports after month m, copied into the scratch folder's exports/. */
export function writeMonth(dir: string, m: 1 | 2 | 3): void {
  mkdirSync(join(dir, "exports"), { recursive: true });
  const from = join(FIXTURE, `2025-0${m}`);
  for (const f of readdirSync(from)) cpSync(join(from, f), join(dir, "exports", f));
}

const rowsOf = (m: number, file: string): string[][] =>
  readFileSync(join(FIXTURE, `2025-0${m}`, file), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));

/** The rows of the month-m exports per NEC partner, in cents of hours and of euro, dated up to `to`. */
export function latestTotals(m: 1 | 2 | 3, to: string): Record<string, { hours: number; benefits: number }> {
  const out: Record<string, { hours: number; benefits: number }> = {};
  for (const [date, nec, , h] of [...rowsOf(m, "uren-qjobs.csv"), ...rowsOf(m, "uren-flexer.csv")]) {
    if (date! > to) continue;
    (out[nec!] ??= { hours: 0, benefits: 0 }).hours += Math.round(Number(h) * 100); // test data: at most two decimals
  }
  for (const [date, nec, , , a] of rowsOf(m, "voordelen.csv")) {
    if (date! > to) continue;
    (out[nec!] ??= { hours: 0, benefits: 0 }).benefits += Math.round(Number(a) * 100);
  }
  return out;
}
