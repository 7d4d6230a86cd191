// The close statement workbook in the second spreadsheet engine (issue 14):
// Gnumeric, recalculating every formula, gets the values the file claims, for
// the shipped example and for generated closes (corrections, negative revenue
// split over several partners, both shortfall policies, a split Detail sheet).
// LibreOffice is checked against the summary in random-closes.test.ts; this
// catches formulas only one engine evaluates as meant. All workbooks go
// through ssconvert together, two at a time.
import fc from "fast-check";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildStatement } from "../../src/adapters/xlsx/statement-workbook.js";
import { closePeriod } from "../../src/domain/close.js";
import type { BenefitRow, HourRow, ModelConfig } from "../../src/domain/model.js";
import { D, dec } from "../../src/domain/money.js";
import { parsePeriod } from "../../src/domain/period.js";
import type { CloseReport } from "../../src/report/close-report.js";
import { manyGnumeric, requireGnumeric } from "../helpers/gnumeric.js";
import { formulaErrors, sheetDiffs } from "../helpers/sheets.js";
import { exampleReport } from "./helpers.js";

const NEC = ["Q-Jobs", "Flexer"];
const day = fc.integer({ min: 1, max: 90 }).map((d) => new Date(Date.UTC(2025, 0, d)).toISOString().slice(0, 10));
const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new D(c).div(100).toFixed(2));
const closeArb = fc.record({
  hours: fc.array(fc.record({ date: day, nec: fc.constantFrom(...NEC), hours: cents(-2000, 1200) }), { minLength: 1, maxLength: 12 }),
  benefits: fc.array(fc.record({ date: day, nec: fc.constantFrom(...NEC), type: fc.constantFrom("RSZ", "maatwerk"), amount: cents(-50_000, 90_000) }), { maxLength: 6 }),
  partners: fc.integer({ min: 2, max: 5 }),
  shortfall: fc.constantFrom("partner" as const, "reserve-first" as const),
  language: fc.constantFrom("nl" as const, "en" as const),
  perSheet: fc.integer({ min: 1, max: 7 }),
});

type Close = typeof closeArb extends fc.Arbitrary<infer T> ? T : never;

function report(c: Close): CloseReport {
  const sePartners = ["A", "B", "C", "D", "E"].slice(0, c.partners);
  const config: ModelConfig = {
    project: "Eigenschap", language: c.language, start: "2025-01-01", sePartners, necPartners: NEC,
    hourlyFees: [{ from: "2025-01-01", rate: dec("2.50") }, { from: "2025-02-15", rate: dec("2.75") }, { from: "2025-03-01", rate: dec("3.125"), necPartner: "Flexer" }],
    benefitShare: dec("0.70"), benefitTypes: ["RSZ", "maatwerk"], vatRate: dec("0.21"), profit: "retain", shortfall: c.shortfall,
    effortTolerance: dec("0.10"), openingReserve: dec("1000.00"), otherCosts: [],
  };
  let line = 1;
  const hours: HourRow[] = c.hours.map((h) => ({ kind: "hours", date: h.date, necPartner: h.nec, candidate: "K1", hours: dec(h.hours), source: { file: "uren.csv", line: ++line } }));
  const benefits: BenefitRow[] = c.benefits.map((b) => ({ kind: "benefits", date: b.date, necPartner: b.nec, candidate: "K1", type: b.type, amount: dec(b.amount), source: { file: "voordelen.csv", line: ++line } }));
  const staff = sePartners.map((p, i) => ({ kind: "staff" as const, period: i % 2 === 0 ? "2025-Q1" : "2025", partner: p, role: "coach", fte: dec("0.5"), cost: dec(`${300 + 17 * i}.01`), subsidy: dec("10.00"), source: { file: "personeel.csv", line: 2 + i } }));
  const r = closePeriod({ config, period: parsePeriod("2025-Q1")!, hours, benefits, staff, otherCosts: [{ date: "2025-02-01", description: "IT", amount: dec("12.34") }], openingReserve: dec("1000.00") });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return {
    result: r.value, language: c.language, configFile: "menerva.yaml", configSha256: "0".repeat(64),
    inputs: [
      { kind: "hours", file: "uren.csv", sha256: "a".repeat(64), rows: hours.length, encoding: "utf-8", delimiter: ";", decimalMark: "," },
      { kind: "benefits", file: "voordelen.csv", sha256: "b".repeat(64), rows: benefits.length, encoding: "utf-8", delimiter: ";", decimalMark: "," },
    ],
    warnings: r.value.warnings, reserveHistory: [], openingFrom: "config",
  };
}

describe("statement workbooks in Gnumeric", () => {
  it("the example and generated closes recalculate to their cached values, with no formula errors", async () => {
    requireGnumeric();
    const dir = await mkdtemp(join(tmpdir(), "menerva-statement-gnm-"));
    const cases = fc.sample(closeArb, { seed: 20250414, numRuns: 10 });
    const books: { label: string; bytes: Uint8Array }[] = [
      { label: "example nl", bytes: await buildStatement(await exampleReport("nl")).bytes() },
      { label: "example en", bytes: await buildStatement(await exampleReport("en")).bytes() },
      ...(await Promise.all(cases.map(async (c, i) => ({ label: `generated ${i}: ${JSON.stringify(c)}`, bytes: await buildStatement(report(c), { maxDetailRowsPerSheet: c.perSheet }).bytes() })))),
    ];
    const paths = await Promise.all(
      books.map(async (b, i) => {
        const path = join(dir, `s${i}.xlsx`);
        await writeFile(path, b.bytes);
        return path;
      }),
    );
    const [cached, fresh] = await Promise.all([manyGnumeric(paths, false), manyGnumeric(paths, true)]);
    books.forEach((b, i) => {
      expect(formulaErrors(fresh[i]!), b.label).toEqual([]);
      expect(sheetDiffs(cached[i]!, fresh[i]!), b.label).toEqual([]);
    });
  }, 180_000);
});
