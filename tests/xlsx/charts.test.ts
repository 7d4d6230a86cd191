// Native charts injected into exceljs output: the package parts are wired
// correctly, and LibreOffice reads the charts back (it re-saves them) with
// the series pointing at our cells.
import ExcelJS from "exceljs";
import { strFromU8 } from "fflate";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { chartXml, sheetParts, type ChartSpec } from "../../src/adapters/xlsx/charts.js";
import { toDeterministicXlsx, unzipParts } from "../../src/adapters/xlsx/deterministic.js";
import { INJECTION_TEXTS, SAMPLE_CHARTS, sampleWorkbook } from "./fixtures/sample-workbook.js";
import { requireLibreOffice, resaveXlsx, toPdf } from "../helpers/libreoffice.js";

const text = (parts: Map<string, Uint8Array>, name: string) => {
  const u8 = parts.get(name);
  if (!u8) throw new Error(`missing part ${name}`);
  return strFromU8(u8);
};

describe("chart injection", () => {
  test("adds chart and drawing parts, relationships and content types", async () => {
    const parts = unzipParts(await toDeterministicXlsx(sampleWorkbook(), { charts: SAMPLE_CHARTS }));
    const sheets = sheetParts(parts);
    expect(sheets.get("Grafiek")).toBe("xl/worksheets/sheet3.xml");
    expect([...parts.keys()].filter((n) => n.startsWith("xl/charts/")).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
    ]);
    const types = text(parts, "[Content_Types].xml");
    for (const p of ["/xl/charts/chart1.xml", "/xl/charts/chart3.xml", "/xl/drawings/drawing1.xml", "/xl/drawings/drawing2.xml"]) {
      expect(types).toContain(`PartName="${p}"`);
    }
    // the chart sheet: a drawing element and a relationship to the drawing, which holds two charts
    const grafiek = text(parts, "xl/worksheets/sheet3.xml");
    const rid = /<drawing r:id="(rId\d+)"\/>/.exec(grafiek)?.[1];
    expect(rid).toBeDefined();
    const sheetRels = text(parts, "xl/worksheets/_rels/sheet3.xml.rels");
    expect(sheetRels).toMatch(new RegExp(`Id="${rid}" Type="[^"]+/drawing" Target="../drawings/drawing1.xml"`));
    const drawingRels = text(parts, "xl/drawings/_rels/drawing1.xml.rels");
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    expect(text(parts, "xl/drawings/drawing1.xml").match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    // on a sheet with page set-up, <drawing> comes after <headerFooter> (schema order)
    const maanden = text(parts, "xl/worksheets/sheet2.xml");
    expect(maanden.indexOf("<drawing ")).toBeGreaterThan(maanden.indexOf("</headerFooter>"));
    expect(maanden.indexOf("<drawing ")).toBeLessThan(maanden.indexOf("</worksheet>"));
    const chart1 = text(parts, "xl/charts/chart1.xml");
    expect(chart1).toContain("<c:lineChart>");
    expect(chart1).toContain("<c:f>&apos;Maanden&apos;!$B$2:$B$13</c:f>");
    expect(text(parts, "xl/charts/chart3.xml")).toContain('<c:grouping val="stacked"/>');
  });

  test("appends to the drawing of a sheet that already has an image", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Met logo");
    ws.getCell("A1").value = 1;
    ws.getCell("A2").value = 2;
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e5273ede0000000049454e44ae426082",
      "hex",
    );
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), { tl: { col: 3, row: 0 }, ext: { width: 20, height: 20 } });
    const spec: ChartSpec = { sheet: "Met logo", anchor: { col: 3, row: 3, width: 6, height: 10 }, type: "bar", title: "T", categories: "'Met logo'!$A$1:$A$2", series: [{ name: "S", ref: "'Met logo'!$A$1:$A$2" }] };
    const parts = unzipParts(await toDeterministicXlsx(wb, { charts: [spec] }));
    const drawings = [...parts.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawings).toEqual(["xl/drawings/drawing1.xml"]);
    const d = text(parts, "xl/drawings/drawing1.xml");
    expect(d).toContain("<xdr:pic>");
    expect(d).toContain("<c:chart ");
    const rels = text(parts, "xl/drawings/_rels/drawing1.xml.rels");
    expect(rels).toContain("../media/image1.png");
    expect(rels).toContain("../charts/chart1.xml");
    expect(text(parts, "xl/worksheets/sheet1.xml").match(/<drawing /g)).toHaveLength(1);
  });

  test("refuses specs it cannot draw", async () => {
    const base: ChartSpec = { sheet: "Grafiek", anchor: { col: 0, row: 0, width: 5, height: 5 }, type: "line", title: "x", categories: "A1:A2", series: [{ name: "s", ref: "B1:B2" }] };
    await expect(toDeterministicXlsx(sampleWorkbook(), { charts: [{ ...base, sheet: "Nope" }] })).rejects.toThrow(/no sheet named "Nope"/);
    expect(() => chartXml({ ...base, series: [] })).toThrow(/no series/);
    expect(() => chartXml({ ...base, series: [{ name: "s", ref: "B1:B2", color: "blue" }] })).toThrow(/not hex RGB/);
    await expect(toDeterministicXlsx(sampleWorkbook(), { charts: [{ ...base, anchor: { col: 0, row: 0, width: 0, height: 5 } }] })).rejects.toThrow(/anchor/);
  });

  test("LibreOffice reads the charts back and keeps the text cells as text", async () => {
    requireLibreOffice();
    const dir = await mkdtemp(join(tmpdir(), "menerva-chart-test-"));
    try {
      const path = join(dir, "charts.xlsx");
      await writeFile(path, await toDeterministicXlsx(sampleWorkbook(), { charts: SAMPLE_CHARTS }));
      const [resaved, pdf] = await Promise.all([resaveXlsx(path), toPdf(path)]);
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe("%PDF-");
      const parts = unzipParts(resaved);
      const charts = [...parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
      expect(charts).toHaveLength(3);
      const all = charts.map((c) => text(parts, c)).join("\n");
      expect(all).toMatch(/<c:lineChart>/);
      expect(all).toMatch(/<c:barChart>/);
      expect(all).toMatch(/<c:areaChart>/);
      expect(all).toContain("Maanden!$B$2:$B$13");
      expect(all).toContain("Maanden!$C$2:$C$13");
      // LibreOffice's own save of the formula-looking texts: still shared strings, no formula
      const data = text(parts, "xl/worksheets/sheet1.xml");
      for (let r = 2; r <= 1 + INJECTION_TEXTS.length; r++) expect(data).toMatch(new RegExp(`<c r="E${r}"[^>]*t="s"`));
      expect(data).not.toMatch(/<c r="E\d+"[^>]*>\s*<f>/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
