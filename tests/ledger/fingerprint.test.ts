import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { FingerprintCounter, identifyRows, normaliseQuantity, rowFingerprint, rowId, type FingerprintInput } from "../../src/ledger/fingerprint.js";

const row: FingerprintInput = { kind: "hours", date: "2025-03-14", partner: "Jobkanaal", candidate: "K-0042", quantity: "7.5", reference: "W11" };

describe("normaliseQuantity", () => {
  it.each([
    ["7.50", "7.5"],
    ["007.500", "7.5"],
    ["-0", "0"],
    ["-0.00", "0"],
    ["+3", "3"],
    [".5", "0.5"],
    ["10", "10"],
    ["-12.340", "-12.34"],
    ["100.0", "100"],
  ])("%s → %s", (text, want) => expect(normaliseQuantity(text)).toBe(want));

  it.each(["", "1,5", "abc", "1e3", "."])("rejects %j", (text) => expect(() => normaliseQuantity(text)).toThrow());
});

describe("rowFingerprint", () => {
  it("is 32 hex characters", () => expect(rowFingerprint(row)).toMatch(/^[0-9a-f]{32}$/));

  it("is the same for the same row written differently (spacing, trailing zeros)", () => {
    expect(rowFingerprint({ ...row, partner: "  Jobkanaal ", quantity: "7.50" })).toBe(rowFingerprint(row));
  });

  it("ignores where the row came from: it has no file or line input at all", () => {
    const a = identifyRows([{ input: row, source: { file: "exports/uren-jan.csv", line: 2 } }]);
    const b = identifyRows([
      { input: { ...row, date: "2025-03-13" }, source: { file: "exports/uren-feb.csv", line: 2 } },
      { input: row, source: { file: "exports/uren-feb.csv", line: 90 } },
    ]);
    expect(b.rows[1]!.id).toBe(a.rows[0]!.id);
  });

  const changes: [string, Partial<FingerprintInput>][] = [
    ["kind", { kind: "benefits" }],
    ["date", { date: "2025-03-15" }],
    ["partner", { partner: "Jobkanaal2" }],
    ["candidate", { candidate: "K-0043" }],
    ["candidate removed", { candidate: undefined }],
    ["quantity", { quantity: "7.51" }],
    ["sign", { quantity: "-7.5" }],
    ["type", { type: "RSZ" }],
    ["reference", { reference: "W12" }],
    ["extra column", { extra: { client: "Brouwerij" } }],
  ];
  it.each(changes)("changes when %s changes", (_name, change) => {
    expect(rowFingerprint({ ...row, ...change })).not.toBe(rowFingerprint(row));
  });

  it("does not confuse a value moving between fields", () => {
    expect(rowFingerprint({ ...row, candidate: "X", reference: undefined })).not.toBe(rowFingerprint({ ...row, candidate: undefined, reference: "X" }));
  });

  test.prop([fc.string(), fc.string(), fc.integer({ min: -100000, max: 100000 }), fc.nat(99)])(
    "equal content gives equal fingerprints; any quantity change gives another",
    (partner, candidate, whole, cents) => {
      const q = `${whole}.${String(cents).padStart(2, "0")}`;
      const a = { kind: "benefits" as const, date: "2025-01-01", partner, candidate, quantity: q };
      expect(rowFingerprint({ ...a })).toBe(rowFingerprint(a));
      expect(rowFingerprint({ ...a, quantity: `${whole + 1}.${String(cents).padStart(2, "0")}` })).not.toBe(rowFingerprint(a));
    },
  );
});

describe("occurrences", () => {
  it("FingerprintCounter numbers repeats 0, 1, 2 per fingerprint", () => {
    const c = new FingerprintCounter();
    expect([c.add("a"), c.add("b"), c.add("a"), c.add("a"), c.add("b")]).toEqual([0, 0, 1, 2, 1]);
    expect(c.duplicates()).toEqual([
      { fp: "a", count: 3 },
      { fp: "b", count: 2 },
    ]);
  });

  it("two identical rows in one file are two rows, with a warning naming their lines", () => {
    const res = identifyRows([
      { input: row, source: { file: "uren.csv", line: 5 } },
      { input: { ...row, candidate: "K-1" }, source: { file: "uren.csv", line: 6 } },
      { input: row, source: { file: "uren.csv", line: 9 } },
    ]);
    const fp = rowFingerprint(row);
    expect(res.rows.map((r) => r.id)).toEqual([rowId(fp, 0), `${rowFingerprint({ ...row, candidate: "K-1" })}#0`, rowId(fp, 1)]);
    expect(res.warnings).toHaveLength(1);
    expect(res.warnings[0]).toMatchObject({ severity: "warning", code: "duplicate-row", source: { file: "uren.csv", line: 5 }, found: "lines 5, 9" });
  });

  it("a cumulative export containing last month's file plus new rows reproduces last month's ids", () => {
    const jan = [row, row, { ...row, date: "2025-01-02" }];
    const feb = [...jan, { ...row, date: "2025-02-01" }, row];
    const ids = (rows: FingerprintInput[]) => identifyRows(rows.map((input, i) => ({ input, source: { file: "f.csv", line: i + 2 } }))).rows.map((r) => r.id);
    const janIds = ids(jan);
    const febIds = new Set(ids(feb));
    for (const id of janIds) expect(febIds.has(id)).toBe(true);
    expect(febIds.size).toBe(5);
  });
});
