// Property: for generated closes (random hours and benefits, corrections,
// negative revenue split among several SE partners with leftover cents, the
// reserve-first shortfall policy), LibreOffice's forced recalculation of the
// statement equals menerva's JSON summary in every total, and every check is
// OK. Few runs: each one opens LibreOffice.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { buildStatement } from "../../src/adapters/xlsx/statement-workbook.js";
import { closePeriod } from "../../src/domain/close.js";
import type { BenefitRow, HourRow, ModelConfig } from "../../src/domain/model.js";
import { D, dec } from "../../src/domain/money.js";
import { parsePeriod } from "../../src/domain/period.js";
import type { CloseReport } from "../../src/report/close-report.js";
import { recalculate, requireLibreOffice } from "../helpers/libreoffice.js";
import { differencesFromSummary, withFile } from "./helpers.js";

const NEC = ["Q-Jobs", "Flexer"];
const day = fc.integer({ min: 1, max: 90 }).map((d) => new Date(Date.UTC(2025, 0, d)).toISOString().slice(0, 10));
const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new D(c).div(100).toFixed(2));
const hourRow = fc.record({ date: day, nec: fc.constantFrom(...NEC), hours: cents(-2000, 1200), cand: fc.constantFrom("K1", "K2", "=1+1") });
const benefitRow = fc.record({ date: day, nec: fc.constantFrom(...NEC), type: fc.constantFrom("RSZ", "maatwerk"), amount: cents(-50_000, 90_000) });

function report(
  hs: { date: string; nec: string; hours: string; cand: string }[],
  bs: { date: string; nec: string; type: string; amount: string }[],
  partners: number,
  shortfall: "partner" | "reserve-first",
  language: "nl" | "en",
): CloseReport {
  const sePartners = ["A", "B", "C", "D", "E"].slice(0, partners);
  const config: ModelConfig = {
    project: "Eigenschap", language, start: "2025-01-01", sePartners, necPartners: NEC,
    hourlyFees: [{ from: "2025-01-01", rate: dec("2.50") }, { from: "2025-02-15", rate: dec("2.75") }, { from: "2025-03-01", rate: dec("3.125"), necPartner: "Flexer" }],
    benefitShare: dec("0.70"), benefitTypes: ["RSZ", "maatwerk"], vatRate: dec("0.21"), profit: "retain", shortfall,
    effortTolerance: dec("0.10"), openingReserve: dec("1000.00"), otherCosts: [],
  };
  let line = 1;
  const hours: HourRow[] = hs.map((h) => ({ kind: "hours", date: h.date, necPartner: h.nec, candidate: h.cand, hours: dec(h.hours), source: { file: "uren.csv", line: ++line } }));
  const benefits: BenefitRow[] = bs.map((b) => ({ kind: "benefits", date: b.date, necPartner: b.nec, candidate: "K1", type: b.type, amount: dec(b.amount), source: { file: "voordelen.csv", line: ++line } }));
  const staff = sePartners.map((p, i) => ({ kind: "staff" as const, period: i % 2 === 0 ? "2025-Q1" : "2025", partner: p, role: "coach", fte: dec("0.5"), cost: dec(`${300 + 17 * i}.01`), subsidy: dec("10.00"), source: { file: "personeel.csv", line: 2 + i } }));
  const r = closePeriod({ config, period: parsePeriod("2025-Q1")!, hours, benefits, staff, otherCosts: [{ date: "2025-02-01", description: "IT", amount: dec("12.34") }], openingReserve: dec("1000.00") });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return {
    result: r.value, language, configFile: "menerva.yaml", configSha256: "0".repeat(64),
    inputs: [
      { kind: "hours", file: "uren.csv", sha256: "a".repeat(64), rows: hours.length, encoding: "utf-8", delimiter: ";", decimalMark: "," },
      { kind: "benefits", file: "voordelen.csv", sha256: "b".repeat(64), rows: benefits.length, encoding: "utf-8", delimiter: ";", decimalMark: "," },
    ],
    warnings: r.value.warnings, reserveHistory: [], openingFrom: "config",
  };
}

describe("generated closes recalculated in LibreOffice", () => {
  test.prop(
    [fc.array(hourRow, { minLength: 1, maxLength: 12 }), fc.array(benefitRow, { maxLength: 6 }), fc.integer({ min: 2, max: 5 }), fc.constantFrom("partner", "reserve-first"), fc.constantFrom("nl", "en"), fc.integer({ min: 1, max: 7 })],
    { numRuns: 8, seed: 20250401 },
  )("every total equals the summary, every check OK (also negative revenue, split Detail)", async (hs, bs, partners, shortfall, language, perSheet) => {
    requireLibreOffice();
    const rep = report(hs, bs, partners, shortfall as "partner" | "reserve-first", language as "nl" | "en");
    const built = buildStatement(rep, { maxDetailRowsPerSheet: perSheet });
    const sheets = await withFile(await built.bytes(), recalculate);
    expect(differencesFromSummary(sheets, rep)).toEqual([]);
  }, 300_000);

  test("float sums in the spreadsheet do not leak into quantities or cents (found by the property above)", async () => {
    requireLibreOffice();
    const h = (date: string, hours: string) => ({ date, nec: "Q-Jobs", hours, cand: "K1" });
    // -6.56 + 6.62 sums to 0.0600000000000005 in floating point; 0.01 + 0.06 + 0.70 to 0.7699999999999999 (× 2.50 = 1.925 → 1.93)
    const rep = report([h("2025-03-08", "-6.56"), h("2025-03-16", "6.62"), h("2025-01-02", "0.01"), h("2025-01-03", "0.06"), h("2025-01-04", "0.70")], [], 2, "partner", "nl");
    expect(rep.result.invoices[0]!.lines.map((l) => l.amount.toFixed(2))).toEqual(["1.93", "0.17"]);
    const sheets = await withFile(await buildStatement(rep).bytes(), recalculate);
    expect(differencesFromSummary(sheets, rep)).toEqual([]);
  }, 180_000);

  test("a negative revenue is split as its absolute value, negated (leftover cents to the first partners)", async () => {
    requireLibreOffice();
    // -1.53 h × 2.50 = -3.825 → -3.83; 383 cents over three: 128, 128, 127, negated
    const rep = report([{ date: "2025-01-10", nec: "Q-Jobs", hours: "-1.51", cand: "K1" }, { date: "2025-01-11", nec: "Q-Jobs", hours: "-0.02", cand: "K1" }], [], 3, "partner", "nl");
    expect(rep.result.revenue.toFixed(2)).toBe("-3.83");
    expect(rep.result.settlement.shares.map((s) => s.toFixed(2))).toEqual(["-1.28", "-1.28", "-1.27"]);
    const sheets = await withFile(await buildStatement(rep).bytes(), recalculate);
    expect(differencesFromSummary(sheets, rep)).toEqual([]);
  }, 180_000);
});
