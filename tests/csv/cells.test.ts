import { describe, expect, it } from "vitest";
import { nearestName, parseDate, parseStaffPeriod } from "../../src/schema/csv-row-cells.js";
import { normaliseHeader } from "../../src/schema/csv-row-headers.js";

describe("parseDate", () => {
  it.each([
    ["2025-03-31", "2025-03-31"],
    [" 2025-03-31 ", "2025-03-31"],
    ["2025/03/31", "2025-03-31"],
    ["31/03/2025", "2025-03-31"],
    ["31/3/2025", "2025-03-31"],
    ["1/2/2025", "2025-02-01"],
    ["31-03-2025", "2025-03-31"],
    ["31.03.2025", "2025-03-31"],
    ["29/02/2024", "2024-02-29"],
    ["31/03/2025 0:00", "2025-03-31"],
    ["2025-03-31T00:00:00", "2025-03-31"],
  ])("%j -> %s", (raw, iso) => expect(parseDate(raw)).toBe(iso));

  it.each(["2025-02-30", "29/02/2025", "31/04/2025", "13/13/2025", "03/31/2025", "2025-3", "31/03/25", "31/03-2025", "", "morgen"])(
    "%j is not a date",
    (raw) => expect(parseDate(raw)).toBeUndefined(),
  );
});

describe("parseStaffPeriod", () => {
  it.each([
    ["2025-03", "2025-03"],
    ["03/2025", "2025-03"],
    ["3/2025", "2025-03"],
    ["2025-Q1", "2025-Q1"],
    ["2025Q2", "2025-Q2"],
    ["2025-k3", "2025-Q3"],
    ["Q1 2025", "2025-Q1"],
    ["K4 2025", "2025-Q4"],
    ["2025/1", "2025-Q1"],
  ])("%j -> %s", (raw, p) => expect(parseStaffPeriod(raw)).toBe(p));

  it.each(["2025-13", "Q5 2025", "2025/5", "maart", "2025", ""])("%j is not a period", (raw) => expect(parseStaffPeriod(raw)).toBeUndefined());
});

describe("nearestName", () => {
  const nec = ["Q-Jobs", "Flexer", "Itzu Jobs"];
  it.each([
    ["Flexr", "Flexer"],
    ["flexer", "Flexer"],
    ["QJobs", "Q-Jobs"],
    ["Q Jobs", "Q-Jobs"],
    ["Itzu", "Itzu Jobs"],
    ["Itzu Job", "Itzu Jobs"],
  ])("%j -> %j", (raw, name) => expect(nearestName(raw, nec)).toBe(name));

  it("does not suggest far-off names", () => {
    expect(nearestName("Randstad", nec)).toBeUndefined();
    expect(nearestName("ABC", ["BLM"])).toBeUndefined();
    expect(nearestName("BLN", ["BLM"])).toBe("BLM");
  });
});

describe("normaliseHeader", () => {
  it.each([
    ["  NEC Partner ", "nec_partner"],
    ["\ufeffdatum", "datum"],
    ["Candidate-ID", "candidate_id"],
    ["Amount (EUR)", "amount"],
    ["Kandidaat.ID", "kandidaat_id"],
  ])("%j -> %s", (raw, n) => expect(normaliseHeader(raw)).toBe(n));
});
