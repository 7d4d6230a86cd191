// What `menerva costprice` prints and writes: JSON alone on stdout with
// amounts as two-decimal strings, the same bytes on every run, and the CSV
// and workbook beside it with --out.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const FIXTURE = join(import.meta.dirname, "../../fixtures/costprice.yaml");

describe("--json", () => {
  it("prints only JSON, the same bytes every run", async () => {
    const a = await runCli(["costprice", FIXTURE, "--json"]);
    const b = await runCli(["costprice", FIXTURE, "--json"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.partners.map((p: { name: string }) => p.name)).toEqual(["BLM", "Arbeidskansen", "LIV aan het werk", "Alternatief"]);
    const blm = doc.partners[0];
    expect(blm.costPerHour).toEqual({ gross: "52.79", net: "32.10" });
    expect(blm.net).toBe("23275.00");
    expect(blm.components[0]).toEqual({
      key: "staff", gross: "30000.00", subsidies: "15000.00", net: "15000.00",
      shareGross: "0.7838", shareNet: "0.6445", grossPerHour: "41.38", netPerHour: "20.69",
    });
    expect(blm.breakEven.feePerHour).toBe("-0.65");
    // Arbeidskansen: 50% of 29,000 = 14,500, capped at 10,000
    expect(doc.partners[1].subsidies).toBe("10000.00");
    // LIV aan het werk at 90% occupancy: wage 0.5 × 62,000 = 31,000 full vs 27,900 filled; lost 50% × 3,100 = 1,550
    const liv = doc.partners[2];
    expect(liv.occupancy.lostSubsidy).toBe("1550.00");
    expect(liv.occupancy.costPerHourIncrease).toBe("1.05");
    // every amount is a string with exactly two decimals
    const amounts: string[] = [];
    const walk = (x: unknown, key = ""): void => {
      if (Array.isArray(x)) x.forEach((v) => walk(v, key));
      else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) walk(v, k);
      else if (["gross", "subsidies", "net", "amount", "monthlyCost", "lostSubsidy"].includes(key)) amounts.push(x as string);
    };
    walk(doc);
    expect(amounts.length).toBeGreaterThan(50);
    for (const s of amounts) expect(s).toMatch(/^-?\d+\.\d\d$/);
  });

  it("speaks Dutch with --lang nl or a Dutch LANG, English otherwise, with amounts in the language's style", async () => {
    const nl = await runCli(["costprice", FIXTURE, "--lang", "nl"]);
    const en = await runCli(["costprice", FIXTURE]); // the tests' LANG is C.UTF-8
    expect(nl.stdout).toContain("Kost per productief uur: 52,79 bruto, 32,10 netto");
    expect(nl.stdout).toMatch(/Totaal +38.275,00 +15.000,00 +23.275,00/);
    expect(en.stdout).toContain("Cost per productive hour: 52.79 gross, 32.10 net");
    expect(en.stdout).toContain("38,275.00");
    // a break-even fee below zero says what it means, in both languages (the figure stays, as in the JSON)
    expect(en.stdout).toContain("Break-even fee per hour: -0.65 (below zero: the benefits alone already cover the cost); Break-even benefit share: 7.98%;");
    expect(nl.stdout).toContain("Break-even vergoeding per uur: -0,65 (onder nul: de voordelen alleen dekken de kost al); Break-even aandeel voordelen: 7,98%;");
    const saved = process.env.LANG;
    process.env.LANG = "nl_BE.UTF-8";
    try {
      expect((await runCli(["costprice", FIXTURE])).stdout).toBe(nl.stdout);
      expect((await runCli(["costprice", FIXTURE, "--lang", "en"])).stdout).toBe(en.stdout); // --lang wins
    } finally {
      process.env.LANG = saved;
    }
  });
});

describe("--out", () => {
  it("writes JSON, CSV and the workbook, byte-identical across runs", async () => {
    const d1 = await mkdtemp(join(tmpdir(), "menerva-cp-1-"));
    const d2 = await mkdtemp(join(tmpdir(), "menerva-cp-2-"));
    expect((await runCli(["costprice", FIXTURE, "--out", d1, "--lang", "nl"])).code).toBe(0);
    expect((await runCli(["costprice", FIXTURE, "--out", d2, "--lang", "nl"])).code).toBe(0);
    const files = (await readdir(d1)).sort();
    expect(files).toEqual(["costprice.csv", "costprice.json", "costprice.xlsx"]);
    for (const f of files) expect(Buffer.compare(await readFile(join(d1, f)), await readFile(join(d2, f)))).toBe(0);
    const csv = (await readFile(join(d1, "costprice.csv"), "utf8")).split("\n");
    expect(csv[0]).toBe("partner,component,label,gross,subsidies,net,share_gross,share_net,gross_per_hour,net_per_hour");
    expect(csv).toContain("BLM,total,Totaal,38275.00,15000.00,23275.00,1.0000,1.0000,52.79,32.10");
    expect(csv).toContain("BLM,equipment,Uitrusting (afschrijving),600.00,0.00,600.00,0.0157,0.0258,0.83,0.83");
  });
});

describe("workbook labels", () => {
  const open = async (args: string[]) => {
    const dir = await mkdtemp(join(tmpdir(), "menerva-cp-lang-"));
    expect((await runCli(["costprice", FIXTURE, "--out", dir, ...args])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "costprice.xlsx"));
    return wb;
  };
  const column = (ws: ExcelJS.Worksheet, col: string) => ws.getColumn(col).values.map((v) => String(v ?? ""));

  it("are Dutch in Dutch (--lang nl), with amounts as numbers in euro format", async () => {
    const wb = await open(["--lang", "nl"]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kostprijs", "Opbrengsten", "BLM", "Arbeidskansen", "LIV aan het werk", "Alternatief"]);
    const blm = wb.getWorksheet("BLM")!;
    const labels = column(blm, "A");
    for (const l of ["Loonkost doelgroepmedewerkers", "Omkadering", "Verbruiksmateriaal", "Uitrusting (afschrijving)", "Werkingsmiddelen", "Kost per productief uur (netto)"]) {
      expect(labels).toContain(l);
    }
    expect(blm.getRow(12).values).toContain("Bezetting");
    expect(blm.getRow(12).values).toContain("Subsidies");
    const g2 = wb.getWorksheet("Kostprijs")!.getCell("G2");
    expect(g2.value).toEqual({ formula: "'BLM'!B33", result: 32.1 });
    expect(g2.numFmt).toBe("[$€-813] #,##0.00;[Red][$€-813] -#,##0.00");
  });

  it("are English with --lang en", async () => {
    const wb = await open(["--lang", "en"]);
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["Cost price", "Revenue"]);
    const labels = column(wb.getWorksheet("BLM")!, "A");
    expect(labels).toContain("Supervision");
    expect(labels).toContain("Cost per productive hour (net)");
  });
});
