// The Financiering/Funding sheet in LibreOffice: with a funding mix, variable
// cost lines and staff cost from a cost-price file, the recalculated projection
// and funding sheet equal menerva's figures to the cent; every month's check
// (funders + project − costs) is zero; the stacked "who pays what" chart is there.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/adapters/scenario-file.js";
import { readCostPriceFile } from "../../src/adapters/costprice-file.js";
import { costPriceReport } from "../../src/report/costprice-model.js";
import { buildScenarioWorkbook } from "../../src/adapters/xlsx/scenario-workbook.js";
import { fmtMoney } from "../../src/domain/money.js";
import { keyFigures } from "../../src/domain/scenario/figures.js";
import { fundingFigures } from "../../src/domain/scenario/funding-figures.js";
import { project } from "../../src/domain/scenario/project.js";
import type { Scenario } from "../../src/domain/scenario/types.js";
import { recalculate, requireLibreOffice } from "../helpers/libreoffice.js";

let s: Scenario;
let dir: string;
const cents = (text: string): string => (Math.round(Number(text) * 100) / 100).toFixed(2).replace(/^-0\.00$/, "0.00");

async function book(sc: Scenario, lang: "nl" | "en"): Promise<Uint8Array> {
  const p = project(sc);
  const cp = await readCostPriceFile(sc.seStaff.costPrice!.file);
  if (!cp.ok) throw new Error("cost-price file does not load");
  return buildScenarioWorkbook({ scenario: sc, projection: p, figures: keyFigures(p), lang, funding: fundingFigures(sc, p), costPrice: costPriceReport(cp.value) });
}

beforeAll(async () => {
  requireLibreOffice();
  const l = await loadScenarioFile("tests/scenario/files/funding-costprice.yaml");
  if (!l.ok) throw new Error("funding-costprice.yaml does not load");
  s = l.value.scenario;
  dir = await mkdtemp(join(tmpdir(), "menerva-fund-xlsx-"));
}, 60_000);

describe("funding workbook", () => {
  it("recalculated in LibreOffice, projection and funding sheet equal menerva's run to the cent", async () => {
    const file = join(dir, "funding.xlsx");
    await writeFile(file, await book(s, "nl"));
    const sheets = await recalculate(file);
    const p = project(s);
    const f = fundingFigures(s, p);
    const proj = sheets.get("Projectie")!;
    const ph = proj[0]!;
    const pcol = (n: string) => {
      const i = ph.indexOf(n);
      expect(i, n).toBeGreaterThanOrEqual(0);
      return i;
    };
    p.rows.forEach((r, i) => {
      const row = proj[i + 1]!;
      expect([
        cents(row[pcol("personeelskost SE")]!),
        cents(row[pcol("variabele kosten")]!),
        cents(row[pcol("kosten")]!),
        cents(row[pcol("subsidies")]!),
        cents(row[pcol("reserve")]!),
      ]).toEqual([fmtMoney(r.staffCost), fmtMoney(r.variableCosts), fmtMoney(r.costs), fmtMoney(r.subsidies), fmtMoney(r.reserve)]);
    });
    const fund = sheets.get("Financiering")!;
    const fh = fund[0]!;
    const funderHead = (x: { name: string; own: boolean }) => (x.own ? `${x.name} (eigen inbreng)` : x.name);
    expect(fh.slice(0, 4 + s.funding!.length)).toEqual(["maand", "periode", "kosten", "subsidies kostprijs", ...s.funding!.map(funderHead)]);
    const fcol = (n: string) => fh.indexOf(n);
    p.rows.forEach((r, i) => {
      const row = fund[i + 1]!;
      expect([
        cents(row[fcol("kosten")]!),
        cents(row[fcol("subsidies kostprijs")]!),
        ...s.funding!.map((x) => cents(row[fcol(funderHead(x))]!)),
        cents(row[fcol("totaal financiers (eigen inbreng inbegrepen)")]!),
        cents(row[fcol("project (omzet + reserve)")]!),
        cents(row[fcol("waarvan tekort")]!),
        cents(row[fcol("gedekt door project")]!),
        cents(row[fcol("controle")]!),
      ]).toEqual([
        fmtMoney(r.costs),
        fmtMoney(r.costPriceSubsidy),
        ...r.funderPayments.map(fmtMoney),
        fmtMoney(r.funderPayments.reduce((a, b) => a.plus(b), r.costs.times(0))),
        fmtMoney(r.funding!.projectTotal),
        fmtMoney(r.funding!.gap),
        fmtMoney(r.funding!.covered),
        "0.00",
      ]);
    });
    // Totals row and the leverage below the months.
    const totals = fund[p.rows.length + 2]!;
    expect(cents(totals[fcol("kosten")]!)).toBe(fmtMoney(f.totalCosts));
    expect(s.funding!.map((x) => cents(totals[fcol(funderHead(x))]!))).toEqual(f.funders.map((x) => fmtMoney(x.total)));
    expect(Number(fund[p.rows.length + 3]![3]).toFixed(2)).toBe(f.leverage!.toFixed(2));
    for (const [name, rows] of sheets) for (const r of rows) for (const c of r) expect(c, `${name}: ${c}`).not.toMatch(/^(#[A-Z/0!?]+|Err:\d+)/);
  }, 90_000);

  it("has a stacked column chart of who pays what, one series per funder plus project and gap (English labels)", async () => {
    const files = unzipSync(await book(s, "en"));
    const charts = Object.keys(files).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).map((k) => strFromU8(files[k]!));
    const c = charts.find((x) => x.includes("Who pays what"))!;
    expect(c).toBeDefined();
    expect(c).toContain('<c:grouping val="stacked"/>');
    // One series per funder, the cost-price subsidies, the project and the gap.
    expect((c.match(/<c:ser>/g) ?? []).length).toBe(s.funding!.length + 3);
    expect(c).toContain("&apos;Funding&apos;!$B$2:$B$61");
  });

  it("same scenario, same bytes", async () => {
    expect(Buffer.from(await book(s, "nl")).equals(Buffer.from(await book(s, "nl")))).toBe(true);
  });
});
