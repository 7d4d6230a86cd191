import { describe, expect, it } from "vitest";
import { listText, numberRanges, showText, statusCount } from "../../src/ledger/ledger-report.js";
import { sealRecord } from "../../src/ledger/record.js";
import { monthBody } from "./helpers.js";

const rec = sealRecord(
  {
    ...monthBody(1),
    rows: { "hours.included": 5, "benefits.included": 2, "hours.adjustment": 1, "benefits.adjustment": 3, "hours.deferred": 9 },
    totals: {
      revenue: "12.00",
      invoices: [
        { nec_partner: "Flexer", total: "7.26" },
        { nec_partner: "Itzu Jobs", total: "4.84" },
      ],
      notes: ["a", "b"],
    },
  },
  undefined,
);

describe("ledger views", () => {
  it("statusCount sums a status over kinds, and reads plain status keys too", () => {
    expect(statusCount(rec.rows, "included")).toBe(7);
    expect(statusCount(rec.rows, "adjustment")).toBe(4);
    expect(statusCount({ included: 3 }, "included")).toBe(3);
    expect(statusCount({ included: 3 }, "deferred")).toBe(0);
  });

  it("numberRanges writes consecutive document numbers as runs, the rest one by one", () => {
    expect(numberRanges([])).toBe("");
    expect(numberRanges(["MEN2025-0001"])).toBe("MEN2025-0001");
    expect(numberRanges(["MEN2025-0001", "MEN2025-0002", "MEN2025-0003", "MEN2025-0007"])).toBe("MEN2025-0001..MEN2025-0003, MEN2025-0007");
    // a new year's series, a wider number and a number without digits start runs of their own
    expect(numberRanges(["MEN2025-0009", "MEN2026-0010", "MEN2026-0011", "MEN2026-012", "X"])).toBe("MEN2025-0009, MEN2026-0010..MEN2026-0011, MEN2026-012, X");
    expect(numberRanges(["MEN2025-0003", "MEN2025-0002"])).toBe("MEN2025-0003, MEN2025-0002");
  });

  it("list counts included rows and adjustments over kinds", () => {
    const line = listText({ path: "/x/l.jsonl", records: [rec] }).split("\n")[2]!;
    expect(line).toMatch(/^1\s+2025-01\s+2025-01-01\s+2025-01-31\s+7\s+4\s+12\.00\s+0\.00\s+10\.00\s+[0-9a-f]{12}$/);
  });

  it("show names list items by their partner and flattens the rest", () => {
    const text = showText(rec);
    expect(text).toMatch(/\n {2}invoices\[Flexer\]\.total\s+7\.26\n {2}invoices\[Itzu Jobs\]\.total\s+4\.84\n/);
    expect(text).toMatch(/\n {2}notes\[0\]\s+a\n {2}notes\[1\]\s+b\n/);
    expect(text).toMatch(/\n {2}hours\.deferred\s+9\n/);
  });
});
