// Test helpers: ledger records with realistic content, built through sealRecord.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sealRecord, type LedgerRecord } from "../../src/ledger/record.js";
import { encodeBilled, encodeIds } from "../../src/ledger/billed-rows.js";

export type Body = Omit<LedgerRecord, "hash" | "prev_hash" | "seq">;

const pad = (n: number): string => String(n).padStart(2, "0");

/** The body of a monthly close in 2025 (month 1..12); `ids` defaults to a few row ids. */
export function monthBody(month: number, ids: string[] = [`${"ab".repeat(16)}#0`, `${"cd".repeat(16)}#${month}`]): Body {
  const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return {
    period: `2025-${pad(month)}`,
    from: `2025-${pad(month)}-01`,
    to: `2025-${pad(month)}-${last}`,
    policy: { profit: "retain", shortfall: "partner" },
    config_sha256: "c".repeat(64),
    config: { fees: { hourly: [{ from: "2025-01-01", rate: "2.65" }] }, vat_rate: "0.21" },
    inputs: [{ kind: "hours", file: "exports/uren.csv", sha256: "1".repeat(64), rows: 10 * month }],
    rows: { included: ids.length, adjustment: 0, already_closed: 10 * (month - 1), deferred: 0, before_start: 0 },
    billed: encodeBilled(ids.map((id, i) => ({ id, kind: "hours" as const, necPartner: "Q-Jobs", date: `2025-${pad(month)}-${pad(1 + i)}`, candidate: `K${i}`, quantity: "7.5", price: "2.65" }))),
    reversed: encodeIds([]),
    own: { se_partners: [{ name: "A", days: last, share: `${50 * month}.00`, staff_cost: "0.00" }, { name: "B", days: last, share: `${50 * month}.00`, staff_cost: "0.00" }], other_costs: "0.00", staff: [], costs: [] },
    corrections: [],
    totals: { revenue: `${100 * month}.00`, shares: { A: `${50 * month}.00`, B: `${50 * month}.00` } },
    opening_reserve: month === 1 ? "0.00" : `${month - 1}0.00`,
    closing_reserve: `${month}0.00`,
  };
}

/** A chain of `n` monthly records, January first. */
export function chain(n: number): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  for (let m = 1; m <= n; m++) out.push(sealRecord(monthBody(m), out[out.length - 1]));
  return out;
}

export const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), "menerva-ledger-"));
