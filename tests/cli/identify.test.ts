// Row identity for the ledger: identical rows inside one export are separate
// rows (and a warning names them); the same row in two overlapping exports is
// one row, the later copy counted as a duplicate.
import { describe, expect, it } from "vitest";
import { identifyInputs } from "../../src/app/close-ledger.js";
import type { HourRow } from "../../src/domain/model.js";
import { dec } from "../../src/domain/money.js";

const h = (file: string, line: number, hours = "8", cand = "K1"): HourRow => ({
  kind: "hours", date: "2025-01-10", necPartner: "Q-Jobs", candidate: cand, hours: dec(hours), source: { file, line },
});

describe("identifyInputs", () => {
  it("keeps identical rows in one file apart and names them", () => {
    const id = identifyInputs([h("a.csv", 2), h("a.csv", 3, "8.00"), h("a.csv", 4, "7")], []).hours;
    expect(id.ids[0]!.endsWith("#0")).toBe(true);
    expect(id.ids[1]).toBe(id.ids[0]!.replace("#0", "#1")); // 8 and 8.00 are the same content
    expect(id.duplicates.size).toBe(0);
    expect(id.warnings.map((w) => [w.source, w.found])).toEqual([[{ file: "a.csv", line: 2 }, "lines 2, 3"]]);
  });

  it("treats the same row in two exports as one row", () => {
    const id = identifyInputs([h("jan.csv", 2), h("jan.csv", 3, "5"), h("feb.csv", 2), h("feb.csv", 3, "5"), h("feb.csv", 4, "6")], []).hours;
    expect([...id.duplicates]).toEqual([2, 3]);
    expect(id.ids[2]).toBe(id.ids[0]);
  });
});
