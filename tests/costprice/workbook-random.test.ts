// Many seeded random partners in one workbook, recalculated in LibreOffice:
// menerva's Decimal rounding and the spreadsheet's ROUND over doubles must
// agree to the cent on awkward inputs too (half cents, thirds, caps that bite).
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCostPriceText } from "../../src/adapters/costprice-file.js";
import { costPriceWorkbook } from "../../src/adapters/xlsx/costprice-workbook.js";
import { formatIssue } from "../../src/i18n/render.js";
import { costPriceReport } from "../../src/report/costprice-model.js";
import { cachedValues, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";
import { manyGnumeric, requireGnumeric } from "../helpers/gnumeric.js";
import { formulaErrors, sheetDiffs } from "../helpers/sheets.js";

const amount = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => (c / 100).toFixed(2));
const ratio = fc.integer({ min: 1, max: 100 }).map((p) => `${p}%`);
const fte = fc.integer({ min: 1, max: 300 }).map((c) => (c / 100).toFixed(2));

const subsidy = fc.oneof(
  fc.tuple(ratio, fc.option(amount(40000))).map(([r, cap]) => `{ kind: s, rate: ${r}${cap ? `, cap: ${cap}` : ""} }`),
  fc.tuple(amount(20000), fc.option(amount(20000))).map(([a, cap]) => `{ kind: a, amount: ${a}${cap ? `, cap: ${cap}` : ""} }`),
);

const partner = (i: number) =>
  fc
    .record({
      hours: fc.integer({ min: 1000, max: 1800 }),
      lines: fc.array(fc.record({ fte, occ: ratio, cost: amount(90000), subs: fc.array(subsidy, { maxLength: 2 }) }), { minLength: 1, maxLength: 2 }),
      sup: fc.option(fc.record({ ratio: fc.integer({ min: 3, max: 12 }), cost: amount(90000), subs: fc.array(subsidy, { maxLength: 1 }) })),
      cons: fc.tuple(amount(3000), amount(500)),
      op: fc.tuple(amount(5000), amount(3000)),
      eq: fc.array(fc.tuple(amount(5000), fc.integer({ min: 1, max: 7 })), { maxLength: 2 }),
      traj: fc.oneof(fc.integer({ min: 5, max: 60 }).map((n) => `{ candidates_per_fte: ${n} }`), fc.integer({ min: 7, max: 80 }).map((n) => `{ hours_per_candidate: ${n} }`)),
    })
    .map(
      (p) => `  - name: P${i}
    productive_hours_per_fte: ${p.hours}
    staff:
${p.lines.map((l) => `      - { role: r, fte: ${l.fte}, occupancy: ${l.occ}, yearly_cost: ${l.cost}, subsidies: [${l.subs.join(", ")}] }`).join("\n")}
${p.sup ? `    supervision: { role: s, ratio: ${p.sup.ratio}, yearly_cost: ${p.sup.cost}, subsidies: [${p.sup.subs.join(", ")}] }` : ""}
    consumables: { fixed: ${p.cons[0]}, per_fte: ${p.cons[1]} }
    operating: { fixed: ${p.op[0]}, per_fte: ${p.op[1]} }
    equipment: [${p.eq.map(([a, y]) => `{ item: e, purchase: ${a}, lifetime_years: ${y} }`).join(", ")}]
    trajectory: ${p.traj}
`,
    );

describe("random cost-price files in LibreOffice and Gnumeric", { timeout: 240_000 }, () => {
  it("recalculate to menerva's cents in every cell", async () => {
    requireLibreOffice();
    requireGnumeric();
    const partners = fc.sample(fc.tuple(...Array.from({ length: 25 }, (_, i) => partner(i))), { seed: 2026, numRuns: 1 })[0]!;
    const yaml = `revenue: { inflow_per_month: 7.5, placement_rate: 33%, hours_per_placed_worker: 1333.3, benefits_per_placed_worker: 4999.99, fee_per_hour: 1.37, benefit_share: 70%, se_partners: 3 }
partners:
${partners.join("")}`;
    const parsed = parseCostPriceText(yaml, "random.yaml");
    if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join("\n"));
    const dir = await mkdtemp(join(tmpdir(), "menerva-cp-rand-"));
    const path = join(dir, "random.xlsx");
    await writeFile(path, await costPriceWorkbook(costPriceReport(parsed.value), "nl"));
    const [rec, cached] = await Promise.all([recalculate(path), cachedValues(path)]);
    expect(rec.size).toBe(27); // summary, revenue, 25 partners
    const bad: string[] = [];
    const num = (s: string) => (/%$/.test(s) ? Number(s.slice(0, -1)) / 100 : Number(s));
    for (const [sheet, rows] of rec) {
      const stored = cached.get(sheet)!;
      rows.forEach((row, r) =>
        row.forEach((got, c) => {
          const claim = stored[r]?.[c] ?? "";
          if (got === claim) return;
          if (got !== "" && claim !== "" && Math.abs(num(got) - num(claim)) <= 1e-9 * Math.max(1, Math.abs(num(claim)))) return;
          bad.push(`${sheet} r${r + 1} c${c + 1}: cached ${claim}, recalculated ${got}`);
        }),
      );
    }
    expect(bad).toEqual([]);
    // The second engine: Gnumeric must recalculate the same workbook to its cached values too.
    const [gCached, gFresh] = await manyGnumeric([path, path].slice(0, 1), false).then(async (c) => [c[0]!, (await manyGnumeric([path]))[0]!]);
    expect(formulaErrors(gFresh)).toEqual([]);
    expect(sheetDiffs(gCached, gFresh)).toEqual([]);
  });
});
