// Native Excel charts, which exceljs cannot write: we generate the chart parts
// (DrawingML) ourselves and add them to the unzipped workbook in the same
// post-process that makes the bytes deterministic (see deterministic.ts).
// A chart is drawn from cell ranges, so LibreOffice and Excel plot the live
// (recalculated) values; no value cache is written.
// Usage: toDeterministicXlsx(wb, { charts: [{ sheet: "Grafiek", anchor: {col: 0, row: 0,
//   width: 12, height: 22}, type: "line", title: "Saldo", categories: "'Projectie'!$A$2:$A$61",
//   series: [{ name: "Saldo", ref: "'Projectie'!$K$2:$K$61" }] }] })
// Prefer a dedicated sheet for charts; a sheet that already has images works
// too (the chart anchors are appended to its drawing).
import { strFromU8, strToU8 } from "fflate";

export type ChartSeries = {
  name: string;
  /** Values, e.g. "'Projectie'!$K$2:$K$61". */
  ref: string;
  /** Hex RGB without "#", e.g. "1F77B4". */
  color?: string;
};

export type ChartSpec = {
  /** Sheet that shows the chart (prefer a dedicated chart sheet). */
  sheet: string;
  /** 0-based top-left cell, size in columns/rows. */
  anchor: { col: number; row: number; width: number; height: number };
  type: "line" | "bar" | "barHorizontal" | "area";
  title: string;
  /** Range of the category labels (x axis). */
  categories: string;
  /**
   * Format of numeric categories (dates, years), e.g. FMT.month. Without it the
   * categories are read as text, which suits partner names and labels but
   * shows date cells as serial numbers.
   */
  categoryFmt?: string;
  series: ChartSeries[];
  /**
   * A line chart's extra series drawn as columns on a secondary value axis at
   * the right, so a one-off amount (an investment in month 1) does not flatten
   * the lines.
   */
  barSeries?: ChartSeries[];
  /** Title of the secondary (right) value axis of `barSeries`. */
  barAxisTitle?: string;
  yAxisTitle?: string;
  xAxisTitle?: string;
  /** Number format of the value axis, e.g. FMT.eurWhole. */
  numFmt?: string;
  stacked?: boolean;
};

/** The unzipped package: part name (no leading "/") → bytes. */
export type Parts = Map<string, Uint8Array>;

/** Colour-blind-friendly defaults (Okabe–Ito), used when a series names none. */
const PALETTE = ["0072B2", "E69F00", "009E73", "D55E00", "56B4E9", "CC79A7", "F0E442", "000000"];

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

function richText(text: string, size = 1200, bold = true): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="nl-BE" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, size: number): string {
  return `<c:title>${richText(text, size)}<c:overlay val="0"/></c:title>`;
}

function seriesXml(spec: ChartSpec, s: ChartSeries, i: number, asType: ChartSpec["type"] = spec.type): string {
  const color = (s.color ?? PALETTE[i % PALETTE.length]!).replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(color)) throw new Error(`chart "${spec.title}": colour ${JSON.stringify(s.color)} is not hex RGB`);
  const fill = `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
  const spPr =
    asType === "line"
      ? `<c:spPr><a:ln w="28575" cap="rnd">${fill}<a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
      : `<c:spPr>${fill}<a:ln><a:noFill/></a:ln></c:spPr>` + (asType === "area" ? "" : `<c:invertIfNegative val="0"/>`);
  const catRef = xmlEscape(spec.categories);
  const cat = spec.categoryFmt
    ? `<c:cat><c:numRef><c:f>${catRef}</c:f></c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${catRef}</c:f></c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${xmlEscape(s.ref)}</c:f></c:numRef></c:val>`;
  const tail = asType === "line" ? `<c:smooth val="0"/>` : "";
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>` +
    `${spPr}${cat}${val}${tail}</c:ser>`
  );
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;
const CAT_AX2 = 500000003;
const VAL_AX2 = 500000004;

/** The secondary axes of a line chart's columns: a hidden category axis and a value axis at the right. */
function secondaryAxes(spec: ChartSpec): string {
  const numFmt = spec.numFmt ? `<c:numFmt formatCode="${xmlEscape(spec.numFmt)}" sourceLinked="0"/>` : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  return (
    `<c:catAx><c:axId val="${CAT_AX2}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/><c:axPos val="b"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="none"/><c:crossAx val="${VAL_AX2}"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX2}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="r"/>` +
    (spec.barAxisTitle ? title(spec.barAxisTitle, 1000) : "") +
    `${numFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX2}"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function axes(spec: ChartSpec): string {
  const horizontal = spec.type === "barHorizontal";
  const grid = `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`;
  const numFmt = spec.numFmt
    ? `<c:numFmt formatCode="${xmlEscape(spec.numFmt)}" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  const cat =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    (spec.xAxisTitle ? title(spec.xAxisTitle, 1000) : "") +
    (spec.categoryFmt
      ? `<c:numFmt formatCode="${xmlEscape(spec.categoryFmt)}" sourceLinked="0"/>`
      : `<c:numFmt formatCode="General" sourceLinked="1"/>`) +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const val =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>${grid}` +
    (spec.yAxisTitle ? title(spec.yAxisTitle, 1000) : "") +
    `${numFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="${spec.type === "line" || spec.type === "area" ? "midCat" : "between"}"/></c:valAx>`;
  return cat + val;
}

/** The chart part (xl/charts/chartN.xml) for one spec. */
export function chartXml(spec: ChartSpec): string {
  if (spec.series.length === 0) throw new Error(`chart "${spec.title}" has no series`);
  const series = spec.series.map((s, i) => seriesXml(spec, s, i)).join("");
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  let plot: string;
  switch (spec.type) {
    case "line": {
      // Columns first (drawn behind), on the same axes; their indexes follow the lines'.
      const bars = (spec.barSeries ?? []).map((b, j) => seriesXml(spec, b, spec.series.length + j, "bar")).join("");
      plot =
        (bars ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars}<c:gapWidth val="50"/><c:axId val="${CAT_AX2}"/><c:axId val="${VAL_AX2}"/></c:barChart>` : "") +
        `<c:lineChart><c:grouping val="${spec.stacked ? "stacked" : "standard"}"/><c:varyColors val="0"/>` +
        `${series}<c:marker val="1"/>${axIds}</c:lineChart>`;
      break;
    }
    case "area":
      plot =
        `<c:areaChart><c:grouping val="${spec.stacked ? "stacked" : "standard"}"/><c:varyColors val="0"/>` +
        `${series}${axIds}</c:areaChart>`;
      break;
    case "bar":
    case "barHorizontal":
      plot =
        `<c:barChart><c:barDir val="${spec.type === "bar" ? "col" : "bar"}"/>` +
        `<c:grouping val="${spec.stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="80"/>${spec.stacked ? `<c:overlap val="100"/>` : ""}${axIds}</c:barChart>`;
      break;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:date1904 val="0"/><c:lang val="nl-BE"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title, 1400)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}${axes(spec)}${spec.type === "line" && spec.barSeries?.length ? secondaryAxes(spec) : ""}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** One anchor (the chart's frame on the sheet) inside a drawing part. */
function anchorXml(spec: ChartSpec, relId: string, shapeId: number): string {
  const { col, row, width, height } = spec.anchor;
  if (![col, row, width, height].every((n) => Number.isInteger(n) && n >= 0) || width < 1 || height < 1) {
    throw new Error(`chart "${spec.title}": anchor must be whole cells with a size of at least 1×1`);
  }
  const pos = (c: number, r: number) =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(col, row)}</xdr:from><xdr:to>${pos(col + width, row + height)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${xmlEscape(`Grafiek ${shapeId}`)}" descr="${xmlEscape(spec.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function getText(parts: Parts, name: string): string | undefined {
  const u8 = parts.get(name);
  return u8 === undefined ? undefined : strFromU8(u8);
}

function mustText(parts: Parts, name: string): string {
  const t = getText(parts, name);
  if (t === undefined) throw new Error(`xlsx package has no ${name}`);
  return t;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag);
  return m ? xmlUnescape(m[1]!) : undefined;
}

/** Resolve a relationship target relative to the folder of its source part. */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const stack = sourcePart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") stack.pop();
    else if (seg !== ".") stack.push(seg);
  }
  return stack.join("/");
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

type Rel = { id: string; type: string; target: string };

function readRels(parts: Parts, part: string): Rel[] {
  const xml = getText(parts, relsPathOf(part));
  if (xml === undefined) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
  }));
}

function addRel(parts: Parts, part: string, type: string, target: string): string {
  const path = relsPathOf(part);
  const existing = readRels(parts, part);
  const ids = new Set(existing.map((r) => r.id));
  let n = existing.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
  const xml =
    getText(parts, path) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
  parts.set(path, strToU8(xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`)));
  return id;
}

/** Sheet name → its part ("xl/worksheets/sheet1.xml"), from the workbook and its rels. */
export function sheetParts(parts: Parts): Map<string, string> {
  const wb = mustText(parts, "xl/workbook.xml");
  const rels = new Map(readRels(parts, "xl/workbook.xml").map((r) => [r.id, r]));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id");
    const rel = rid === undefined ? undefined : rels.get(rid);
    if (name !== undefined && rel) out.set(name, resolveTarget("xl/workbook.xml", rel.target));
  }
  return out;
}

function addOverride(parts: Parts, partName: string, contentType: string): void {
  const xml = mustText(parts, "[Content_Types].xml");
  if (xml.includes(`PartName="/${partName}"`)) return;
  const o = `<Override PartName="/${partName}" ContentType="${contentType}"/>`;
  parts.set("[Content_Types].xml", strToU8(xml.replace(/<\/Types>\s*$/, `${o}</Types>`)));
}

function nextFree(parts: Parts, pattern: (n: number) => string): number {
  let n = 1;
  while (parts.has(pattern(n))) n++;
  return n;
}

// Elements that CT_Worksheet puts after <drawing>; <drawing> goes before the first of them.
const AFTER_DRAWING = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s/>]|<\/worksheet>/g;
// Elements that come before <drawing>; the search starts after the last of them.
const BEFORE_DRAWING = ["</sheetData>", "</conditionalFormatting>", "</dataValidations>", "</hyperlinks>", "<pageMargins", "<pageSetup", "</headerFooter>", "</rowBreaks>", "</colBreaks>", "</ignoredErrors>"];

function insertDrawingElement(sheetXml: string, relId: string): string {
  const start = Math.max(0, ...BEFORE_DRAWING.map((t) => sheetXml.lastIndexOf(t)));
  AFTER_DRAWING.lastIndex = start;
  const m = AFTER_DRAWING.exec(sheetXml);
  if (!m) throw new Error("worksheet XML has no closing tag");
  return `${sheetXml.slice(0, m.index)}<drawing r:id="${relId}"/>${sheetXml.slice(m.index)}`;
}

/**
 * Add the charts to an unzipped workbook, in place: chart parts, a drawing per
 * sheet (or the sheet's existing drawing), relationships and content types.
 * Deterministic: part numbers and ids follow the order of `specs`.
 */
export function injectCharts(parts: Parts, specs: readonly ChartSpec[]): void {
  if (specs.length === 0) return;
  const sheets = sheetParts(parts);
  const bySheet = new Map<string, ChartSpec[]>();
  for (const spec of specs) {
    if (!sheets.has(spec.sheet)) {
      throw new Error(`chart "${spec.title}": no sheet named ${JSON.stringify(spec.sheet)} (have ${[...sheets.keys()].join(", ")})`);
    }
    bySheet.set(spec.sheet, [...(bySheet.get(spec.sheet) ?? []), spec]);
  }
  for (const [sheet, list] of bySheet) {
    const sheetPart = sheets.get(sheet)!;
    let sheetXml = mustText(parts, sheetPart);
    // An existing drawing (exceljs images) gets our anchors appended.
    const existing = readRels(parts, sheetPart).find((r) => r.type === REL_DRAWING);
    let drawingPart: string;
    let drawingXml: string;
    if (existing) {
      drawingPart = resolveTarget(sheetPart, existing.target);
      drawingXml = mustText(parts, drawingPart);
    } else {
      const n = nextFree(parts, (k) => `xl/drawings/drawing${k}.xml`);
      drawingPart = `xl/drawings/drawing${n}.xml`;
      drawingXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`;
      const relId = addRel(parts, sheetPart, REL_DRAWING, `../drawings/drawing${n}.xml`);
      sheetXml = insertDrawingElement(sheetXml, relId);
      parts.set(sheetPart, strToU8(sheetXml));
      addOverride(parts, drawingPart, CT_DRAWING);
    }
    let shapeId = Math.max(1, ...[...drawingXml.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1])));
    let anchors = "";
    for (const spec of list) {
      const n = nextFree(parts, (k) => `xl/charts/chart${k}.xml`);
      const chartPart = `xl/charts/chart${n}.xml`;
      parts.set(chartPart, strToU8(chartXml(spec)));
      addOverride(parts, chartPart, CT_CHART);
      const relId = addRel(parts, drawingPart, REL_CHART, `../charts/chart${n}.xml`);
      anchors += anchorXml(spec, relId, ++shapeId);
    }
    if (!/<\/xdr:wsDr>\s*$/.test(drawingXml)) throw new Error(`${drawingPart} is not a spreadsheet drawing`);
    parts.set(drawingPart, strToU8(drawingXml.replace(/<\/xdr:wsDr>\s*$/, `${anchors}</xdr:wsDr>`)));
  }
}
