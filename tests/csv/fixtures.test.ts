// The shipped example exports read cleanly in their three styles, and the
// broken ones give exactly the messages listed in fixtures/broken/exports/EXPECTED.txt.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  readBenefitsFile,
  readCostsFile,
  readHoursFile,
  readStaffFile,
  type InputFileResult,
  type ReadContext,
} from "../../src/adapters/csv/read-input.js";
import { byLocation, type Issue } from "../../src/domain/issues.js";
import { formatIssue } from "../../src/i18n/render.js";
import { CTX } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..", "..", "fixtures");

type Reader = (p: string, d: string, c: ReadContext) => Promise<InputFileResult<any>>;
const readerFor = (name: string): Reader =>
  (name.startsWith("uren") ? readHoursFile : name.startsWith("voordelen") ? readBenefitsFile : name.startsWith("personeel") ? readStaffFile : readCostsFile) as Reader;

const readFixture = (dir: string, name: string) => readerFor(name)(join(ROOT, dir, name), `exports/${name}`, CTX);

describe("shipped example exports (fixtures/exports)", () => {
  it.each([
    // file, encoding, delimiter, decimal mark, rows
    ["uren-qjobs.csv", "utf-8", ",", "."],
    ["uren-flexer.csv", "windows-1252", ";", ","],
    ["uren-itzu.csv", "utf-8-bom", ",", "."],
    ["voordelen-qjobs.csv", "utf-8", ",", "."],
    ["voordelen-flexer.csv", "windows-1252", ";", ","],
    ["voordelen-itzu.csv", "utf-8-bom", ",", "."],
    ["personeel.csv", "utf-8", ";", ","],
    ["kosten.csv", "utf-8", ";", ","],
  ])("%s: %s, %j, decimal %j, every row read", async (name, encoding, delimiter, mark) => {
    const r = await readFixture("exports", name);
    expect(r.issues.filter((i) => i.severity === "error").map(formatIssue)).toEqual([]);
    expect(r.meta).toMatchObject({ encoding, delimiter, decimalMark: mark });
    expect(r.meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.rows.length).toBe(r.meta.rowsRead);
    expect(r.rows.length).toBeGreaterThan(0);
  });

  it("keeps accented client names of the Windows-1252 export", async () => {
    const r = await readFixture("exports", "uren-flexer.csv");
    const clients = new Set(r.rows.map((x: any) => x.client));
    expect(clients).toContain("Brasserie Hélène");
    expect(clients).toContain("Drukkerij Geërts");
  });

  it("has the rows the example close relies on", async () => {
    const q = await readFixture("exports", "uren-qjobs.csv");
    const dates = q.rows.map((x: any) => x.date as string);
    expect(dates.filter((d) => d < "2024-10-01")).toEqual(["2024-09-27"]); // before start
    expect(dates.some((d) => d.startsWith("2024-11"))).toBe(true); // late rows
    expect(dates.some((d) => d >= "2025-04-01")).toBe(true); // deferred
    expect(q.rows.some((x: any) => x.hours.isNegative())).toBe(true); // a correction
    const f = await readFixture("exports", "uren-flexer.csv");
    const fd = f.rows.map((x: any) => x.date as string);
    // Both sides of the fee change (2025-02-15) and of Flexer's override (2025-03-01).
    expect(fd.some((d) => d >= "2025-02-01" && d < "2025-02-15") && fd.some((d) => d >= "2025-02-15" && d < "2025-03-01")).toBe(true);
    expect(fd.some((d) => d >= "2025-03-01" && d <= "2025-03-31")).toBe(true);
    const warnings = (await readFixture("exports", "uren-itzu.csv")).issues.map(formatIssue);
    expect(warnings).toEqual(['exports/uren-itzu.csv:57: warning: column \'Hours\': more than 24 hours on one row (got "38")']);
    const b = await readFixture("exports", "voordelen-flexer.csv");
    expect(b.issues.map(formatIssue)).toEqual(['exports/voordelen-flexer.csv:8: warning: column \'bedrag\': negative benefit (a correction?) (got "-210,00")']);
    expect(new Set(b.rows.map((x: any) => x.type))).toEqual(new Set(["RSZ", "maatwerk"]));
  });

  it("staff: Alternatief costs clearly more than the others, one quarter row, NEC rows without cost", async () => {
    const s = await readFixture("exports", "personeel.csv");
    const byPartner = new Map<string, string[]>();
    for (const r of s.rows) byPartner.set(r.partner, [...(byPartner.get(r.partner) ?? []), `${r.period}:${r.cost?.toFixed() ?? "-"}`]);
    expect(byPartner.get("Alternatief")).toEqual(["2025-01:5000", "2025-02:5000", "2025-03:5000"]);
    expect(byPartner.get("LIV aan het werk")).toEqual(["2025-Q1:7560"]);
    expect(byPartner.get("Flexer")).toEqual(["2025-Q1:-"]);
  });
});

describe("broken exports (fixtures/broken/exports)", () => {
  it("give exactly the expected messages", async () => {
    const dir = join(ROOT, "broken", "exports");
    const issues: Issue[] = [];
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".csv")).sort()) {
      issues.push(...(await readFixture(join("broken", "exports"), name)).issues);
    }
    const expected = readFileSync(join(dir, "EXPECTED.txt"), "utf8").trimEnd();
    expect(issues.sort(byLocation).map(formatIssue).join("\n")).toBe(expected);
  });
});
