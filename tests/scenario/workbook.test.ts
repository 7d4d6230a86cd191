// The scenario workbook in an independent spreadsheet engine: LibreOffice, forced
// to recalculate every formula, must get menerva's figures to the cent; changing
// an assumption cell moves the projection exactly as menerva's own run does; and
// a wrong cached value would be caught. Also: same input, same bytes.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildScenarioWorkbook } from "../../src/adapters/xlsx/scenario-workbook.js";
import { loadScenarioFile } from "../../src/adapters/scenario-file.js";
import { dec, fmtMoney } from "../../src/domain/money.js";
import { keyFigures } from "../../src/domain/scenario/figures.js";
import { grid } from "../../src/domain/scenario/grid.js";
import { monteCarlo } from "../../src/domain/scenario/montecarlo.js";
import { project } from "../../src/domain/scenario/project.js";
import { sensitivity } from "../../src/domain/scenario/sensitivity.js";
import type { Scenario } from "../../src/domain/scenario/types.js";
import { cachedValues, recalculate, requireLibreOffice } from "../helpers/libreoffice.js";

let s: Scenario;
let dir: string;

const cents = (text: string): string => (Math.round(Number(text) * 100) / 100).toFixed(2).replace(/^-0\.00$/, "0.00");

async function book(sc: Scenario, extras = false): Promise<Uint8Array> {
  const p = project(sc);
  return buildScenarioWorkbook({
    scenario: sc,
    projection: p,
    figures: keyFigures(p),
    lang: "nl",
    ...(extras
      ? {
          sensitivity: sensitivity(sc, dec("0.1")),
          grid: grid(sc, { driver: "inflow", from: dec(6), to: dec(10), step: dec(2) }, { driver: "placement_rate", from: dec("0.4"), to: dec("0.6"), step: dec("0.1") }),
          monteCarlo: monteCarlo(sc, p, 200, 1),
        }
      : {}),
  });
}

/** Replace the cached/constant value of one cell in a sheet part. */
function patchCell(bytes: Uint8Array, part: string, addr: string, value: string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files[part]!);
  const re = new RegExp(`(<c r="${addr}"[^>]*>(?:<f>[^<]*</f>)?<v>)([^<]*)(</v>)`);
  expect(re.test(xml)).toBe(true);
  files[part] = strToU8(xml.replace(re, `$1${value}$3`));
  return zipSync(files);
}

beforeAll(async () => {
  requireLibreOffice();
  const l = await loadScenarioFile("scenarios/base.yaml");
  if (!l.ok) throw new Error("base.yaml does not load");
  s = l.value.scenario;
  dir = await mkdtemp(join(tmpdir(), "menerva-scn-xlsx-"));
});

describe("scenario workbook", () => {
  it("recalculated in LibreOffice, the projection and key figures equal menerva's to the cent", async () => {
    const file = join(dir, "base.xlsx");
    await writeFile(file, await book(s, true));
    const sheets = await recalculate(file);
    const p = project(s);
    const k = keyFigures(p);
    const proj = sheets.get("Projectie")!;
    const header = proj[0]!;
    const col = (name: string) => header.indexOf(name);
    for (const [i, r] of p.rows.entries()) {
      const row = proj[i + 1]!;
      expect([cents(row[col("omzet")]!), cents(row[col("subsidies")]!), cents(row[col("resultaat")]!), cents(row[col("reserve")]!)]).toEqual([
        fmtMoney(r.revenue),
        fmtMoney(r.subsidies),
        fmtMoney(r.result),
        fmtMoney(r.reserve),
      ]);
    }
    const fig = new Map(sheets.get("Kengetallen")!.slice(1).map((r) => [r[0]!, r[1]!]));
    expect(fig.get("break-even maand")).toBe(String(k.breakEvenMonth));
    expect(fig.get("terugverdienmaand")).toBe(String(k.paybackMonth));
    expect(cents(fig.get("financieringsbehoefte")!)).toBe(fmtMoney(k.fundingNeed));
    expect(cents(fig.get("eindreserve")!)).toBe(fmtMoney(k.endReserve));
    expect(fig.get("maand laagste reserve")).toBe(String(k.lowestReserveMonth));
    expect(fig.get("haalbaar")).toBe(k.feasible ? "ja" : "nee");
    // No formula errors anywhere.
    for (const [name, rows] of sheets) for (const r of rows) for (const c of r) expect(c, `${name}: ${c}`).not.toMatch(/^(#[A-Z/0!?]+|Err:\d+)/);
  }, 60_000);

  it("a director changing an assumption in the workbook gets menerva's run for that assumption", async () => {
    // C2 of the assumptions sheet is the constant inflow (8); set it to 10 without touching any cached value.
    const file = join(dir, "inflow10.xlsx");
    await writeFile(file, patchCell(await book(s), "xl/worksheets/sheet1.xml", "C2", "10"));
    const sheets = await recalculate(file);
    const ten = project({ ...s, inflow: { kind: "constant", perMonth: dec(10) } });
    const proj = sheets.get("Projectie")!;
    const reserveCol = proj[0]!.indexOf("reserve");
    ten.rows.forEach((r, i) => expect(cents(proj[i + 1]![reserveCol]!)).toBe(fmtMoney(r.reserve)));
    const fig = new Map(sheets.get("Kengetallen")!.slice(1).map((r) => [r[0]!, r[1]!]));
    expect(cents(fig.get("eindreserve")!)).toBe(fmtMoney(keyFigures(ten).endReserve));
  }, 60_000);

  it("a wrong cached value is caught: recalculation disagrees with the file's claim", async () => {
    const file = join(dir, "tampered.xlsx");
    const bytes = await book(s);
    // month, period, 6 volume/fee columns, 2 benefit types, benefit fee, revenue, 3 cost columns, 2 subsidies, subsidies, costs, result, cumulative, reserve
    const idx = 21;
    const letter = String.fromCharCode(65 + idx);
    await writeFile(file, patchCell(bytes, "xl/worksheets/sheet2.xml", `${letter}61`, "999"));
    const cached = (await cachedValues(file)).get("Projectie")!;
    const recalc = (await recalculate(file)).get("Projectie")!;
    expect(cached[0]![idx]).toBe("reserve");
    expect(cached[60]![idx]).toBe("999");
    expect(cents(recalc[60]![idx]!)).toBe(fmtMoney(project(s).rows[59]!.reserve));
    expect(cents(recalc[60]![idx]!)).not.toBe(cents(cached[60]![idx]!));
  }, 60_000);

  it("growth inflow, a fee schedule, windows and fixed subsidies recalculate to the cent too (English labels)", async () => {
    const l = await loadScenarioFile("tests/scenario/files/shapes.yaml");
    if (!l.ok) throw new Error("shapes.yaml does not load");
    const sc = l.value.scenario;
    const p = project(sc);
    const file = join(dir, "shapes.xlsx");
    await writeFile(file, await buildScenarioWorkbook({ scenario: sc, projection: p, figures: keyFigures(p), lang: "en" }));
    const proj = (await recalculate(file)).get("Projection")!;
    const h = proj[0]!;
    p.rows.forEach((r, i) => {
      const row = proj[i + 1]!;
      expect([row[h.indexOf("fee/hour")], cents(row[h.indexOf("hourly fees")]!), cents(row[h.indexOf("subsidies")]!), cents(row[h.indexOf("running costs")]!), cents(row[h.indexOf("reserve")]!)]).toEqual([
        r.feeRate.toFixed(),
        fmtMoney(r.fees),
        fmtMoney(r.subsidies),
        fmtMoney(r.runningCosts),
        fmtMoney(r.reserve),
      ]);
    });
  }, 60_000);

  it("same scenario, same bytes", async () => {
    const a = await book(s, true);
    const b = await book(s, true);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
