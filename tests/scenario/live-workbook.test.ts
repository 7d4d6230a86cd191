// The costprice-funding workbook is live from assumption to chart (issue 14):
// a director who edits a wage on a partner's cost-price sheet, or the own-
// contribution rate on Aannames, gets, after recalculation in LibreOffice AND
// Gnumeric, exactly menerva's run for the edited input files: staff cost,
// subsidies, own contributions and reserve every month, key figures, partner
// balances. The charts plot those live cells.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { scenarioWorkbookFile } from "../../src/app/scenario/workbook.js";
import { fmtMoney } from "../../src/domain/money.js";
import { keyFigures } from "../../src/domain/scenario/figures.js";
import { project, type Projection } from "../../src/domain/scenario/project.js";
import { manyGnumeric, requireGnumeric } from "../helpers/gnumeric.js";
import { manyLibreOffice, requireLibreOffice } from "../helpers/libreoffice.js";
import { findCell, loadScenario, offset, setInput } from "./workbooks.js";

let dir: string;
let original: Uint8Array;
const cents = (text: string): string => (Math.round(Number(text) * 100) / 100).toFixed(2).replace(/^-0\.00$/, "0.00");

beforeAll(async () => {
  requireLibreOffice();
  requireGnumeric();
  dir = await mkdtemp(join(tmpdir(), "menerva-live-"));
  original = (await scenarioWorkbookFile(await loadScenario("scenarios/costprice-funding.yaml"), { lang: "nl" })).data;
}, 60_000);

/** menerva's run of costprice-funding with a changed cost-price file and/or funding list (written as files, read as a user's would be). */
async function expected(opts: { wage?: string; ownRate?: string }): Promise<Projection> {
  let costprice = resolve("fixtures/costprice.yaml");
  if (opts.wage) {
    const text = await readFile(costprice, "utf8");
    costprice = join(dir, `costprice-${opts.wage}.yaml`);
    // The first yearly_cost of the file is BLM's jobcoach.
    await writeFile(costprice, text.replace(/yearly_cost: 60000/, `yearly_cost: ${opts.wage}`));
  }
  const lines = [`extends: ${resolve("scenarios/costprice-funding.yaml")}`, "name: costprice-funding", "se_staff:", `  costprice: ${costprice}`];
  if (opts.ownRate)
    lines.push(
      "funding:",
      "  - { name: Provincie Limburg, of: [investments, running_costs, variable_costs], amount: 1000.00, months: 24, cap: 24000.00 }",
      "  - { name: premie managementadvies, of: managementadvies, rate: 0.50, cap: 10000.00 }",
      `  - { name: eigen inbreng partners, of: staff_cost, rate: ${opts.ownRate}, own: true }`,
    );
  const file = join(dir, `edited-${opts.wage ?? "x"}-${opts.ownRate ?? "x"}.yaml`);
  await writeFile(file, `${lines.join("\n")}\n`);
  return project(await loadScenario(file));
}

/** The projection, key figures and SE balances of the recalculated workbook against menerva's run. */
function agrees(sheets: Map<string, string[][]>, p: Projection, engine: string): void {
  const proj = sheets.get("Projectie")!;
  const h = proj[0]!;
  const col = (n: string) => h.indexOf(n);
  const column = (n: string) => proj.slice(1, p.rows.length + 1).map((r) => cents(r[col(n)]!));
  expect(column("personeelskost SE"), `${engine} staff cost`).toEqual(p.rows.map((r) => fmtMoney(r.staffCost)));
  expect(column("subsidies"), `${engine} subsidies`).toEqual(p.rows.map((r) => fmtMoney(r.subsidies)));
  expect(column("eigen inbreng"), `${engine} own contributions`).toEqual(p.rows.map((r) => fmtMoney(r.ownContributions)));
  expect(column("reserve"), `${engine} reserve`).toEqual(p.rows.map((r) => fmtMoney(r.reserve)));
  const k = keyFigures(p);
  const fig = new Map(sheets.get("Kengetallen")!.slice(1).map((r) => [r[0]!, r[1]!]));
  expect(cents(fig.get("eindreserve")!), `${engine} end reserve`).toBe(fmtMoney(k.endReserve));
  expect(cents(fig.get("resultaat zonder subsidies en eigen inbreng")!), engine).toBe(fmtMoney(k.resultWithoutSubsidiesAndOwn));
  const partners = sheets.get("Partners")!;
  for (const se of p.sePartners!) {
    const row = partners.find((r) => r[0] === se.name)!;
    expect([cents(row[2]!), cents(row[3]!), cents(row[4]!), cents(row[6]!)], `${engine} ${se.name}`).toEqual([
      fmtMoney(se.staffCost),
      fmtMoney(se.staffSubsidy),
      fmtMoney(se.ownOnStaff),
      fmtMoney(se.balance),
    ]);
  }
}

describe("editing the costprice-funding workbook", () => {
  it("a wage on a partner's cost-price sheet and the own-contribution rate move the projection, key figures and balances exactly as menerva's run of the edited files", async () => {
    const wageCell = offset(findCell(original, "BLM", "jobcoach"), 4); // E: yearly cost
    const rateCell = offset(findCell(original, "Aannames", "eigen inbreng partners"), 3); // E: rate
    const edits = [
      { name: "wage", bytes: setInput(original, "BLM", wageCell, "70000"), p: await expected({ wage: "70000" }) },
      { name: "own rate", bytes: setInput(original, "Aannames", rateCell, "0.3"), p: await expected({ ownRate: "0.30" }) },
    ];
    // The edit matters: without it the projection would differ.
    const before = project(await loadScenario("scenarios/costprice-funding.yaml"));
    for (const e of edits) expect(fmtMoney(keyFigures(e.p).endReserve)).not.toBe(fmtMoney(keyFigures(before).endReserve));
    const paths = await Promise.all(
      edits.map(async (e) => {
        const path = join(dir, `${e.name.replace(/ /g, "-")}.xlsx`);
        await writeFile(path, e.bytes);
        return path;
      }),
    );
    const [lo, gn] = await Promise.all([manyLibreOffice(paths), manyGnumeric(paths)]);
    edits.forEach((e, i) => {
      agrees(lo[i]!, e.p, `LibreOffice, ${e.name}`);
      agrees(gn[i]!, e.p, `Gnumeric, ${e.name}`);
    });
  }, 180_000);

  it("its charts plot the projection's and the funding sheet's live cells", () => {
    const files = unzipSync(original);
    const charts = Object.keys(files)
      .filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))
      .map((k) => strFromU8(files[k]!));
    const refs = charts.flatMap((c) => [...c.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]!));
    expect(refs.some((r) => r.startsWith("&apos;Projectie&apos;!$"))).toBe(true);
    expect(refs.some((r) => r.startsWith("&apos;Financiering&apos;!$"))).toBe(true);
    // No chart reads a stored copy: every series is a range of a formula sheet or the tornado's stored result.
    for (const r of refs) expect(r).toMatch(/^&apos;(Projectie|Financiering|Gevoeligheid)&apos;!/);
  });
});
