// The ledger's compact form of the billed rows (issue 11): whatever goes in
// comes back, row for row, with its id; and it stays compact.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { BilledTable, decodeIds, encodeBilled, encodeIds, type BilledRowIn } from "../../src/ledger/billed-rows.js";
import { canonicalJson } from "../../src/ledger/canonical-json.js";

const hex = fc.stringMatching(/^[0-9a-f]{32}$/);
const row = fc.record({
  fp: hex,
  occ: fc.constantFrom(0, 0, 0, 1, 2),
  kind: fc.constantFrom("hours" as const, "benefits" as const),
  nec: fc.constantFrom("Q-Jobs", "Flexer", "Itzu Jobs", "Zorg & Werk"),
  day: fc.integer({ min: 1, max: 28 }),
  cand: fc.constantFrom("K1", "K 2", "KND-0003", "=1+1", "é"),
  qty: fc.integer({ min: -100000, max: 100000 }).map((n) => (n / 100).toString()),
  price: fc.constantFrom("2.5", "2.75", "0.7", "3.125"),
  type: fc.constantFrom("RSZ", "maatwerk"),
});
const toIn = (r: { fp: string; occ: number; kind: "hours" | "benefits"; nec: string; day: number; cand: string; qty: string; price: string; type: string }): BilledRowIn => ({
  id: `${r.fp}#${r.occ}`,
  kind: r.kind,
  necPartner: r.nec,
  date: `2025-03-${String(r.day).padStart(2, "0")}`,
  candidate: r.cand,
  quantity: r.qty,
  price: r.price,
  ...(r.kind === "benefits" ? { type: r.type } : {}),
});

describe("billed rows in the ledger", () => {
  test.prop([fc.array(row, { maxLength: 60 })])("every row comes back with its id, partner, date, candidate, quantity and price", (rows) => {
    const input = rows.map(toIn);
    const cols = JSON.parse(canonicalJson(encodeBilled(input)));
    const t = new BilledTable(cols);
    expect(t.length).toBe(input.length);
    const back = Array.from({ length: t.length }, (_, i) => t.row(i));
    // rows are grouped by (partner, date, price); as a multiset nothing is lost or changed
    const key = (r: BilledRowIn) => JSON.stringify([r.id, r.kind, r.necPartner, r.date, r.candidate, r.quantity, r.price, r.type ?? null]);
    expect(back.map(key).sort()).toEqual(input.map(key).sort());
    expect(t.ids().sort()).toEqual(input.map((r) => r.id).sort());
  });

  test.prop([fc.array(fc.tuple(hex, fc.nat({ max: 3 })), { maxLength: 30 })])("ids alone keep their order", (ids) => {
    const list = ids.map(([h, n]) => `${h}#${n}`);
    expect(decodeIds(encodeIds(list))).toEqual(list);
  });

  it("takes about 31 bytes a row for a typical close (against 37 for the bare id list)", () => {
    const rows: BilledRowIn[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `${(i * 2654435761).toString(16).padStart(8, "0").slice(-8).repeat(4)}#0`,
      kind: "hours",
      necPartner: `Partner ${i % 3}`,
      date: `2025-03-${String(1 + (i % 28)).padStart(2, "0")}`,
      candidate: `KND-${String(i % 400).padStart(4, "0")}`,
      quantity: `${1 + (i % 9)}.${i % 4 === 0 ? "5" : "25"}`,
      price: "2.5",
    }));
    const bytes = canonicalJson(encodeBilled(rows)).length / rows.length;
    expect(bytes).toBeLessThan(34);
    expect(JSON.stringify(rows.map((r) => r.id)).length / rows.length).toBeGreaterThan(37);
  });
});
