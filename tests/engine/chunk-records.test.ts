// The streaming close reads quote-free lines with papaparse and hands the
// rest of a byte range to csv-parse (engine/chunk-records.ts). Whatever the
// bytes and however they are cut into pieces, the records, their order and
// any syntax error are exactly those csv-parse alone gives with the options
// every other reader uses (adapters/csv/records.ts).
import { fc, test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { expect } from "vitest";
import { recordFeed } from "../../src/engine/chunk-records.js";
import { MAX_RECORD_CHARS } from "../../src/schema/limits.js";

type Outcome = { records: string[][]; error?: string };

function csvParseAlone(bytes: Buffer, delimiter: string, encoding: "utf-8" | "windows-1252"): Outcome {
  const input = encoding === "windows-1252" ? Buffer.from(iconv.decode(bytes, "win1252"), "utf8") : bytes;
  try {
    return { records: parse(input, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS }) as string[][] };
  } catch (e) {
    return { records: [], error: (e as { code?: string }).code ?? "?" };
  }
}

function fed(bytes: Buffer, cuts: number[], delimiter: string, encoding: "utf-8" | "windows-1252"): Outcome & { reader: string } {
  const records: string[][] = [];
  const feed = recordFeed({ delimiter, encoding, atFileStart: true }, (r) => records.push(r));
  try {
    let at = 0;
    for (const c of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
      feed.feed(bytes.subarray(at, c));
      at = c;
    }
    feed.end();
    return { records, reader: feed.reader };
  } catch (e) {
    return { records: [], error: (e as { code?: string }).code ?? "?", reader: feed.reader };
  }
}

// cells from a small alphabet that holds every character that matters: delimiters, quotes, line ends, spaces, a BOM, non-ASCII
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9 ,.é€-]{0,6}$/) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", '"q"', 'a"b', '"x;y"', '"two\nlines"', "\r", "x\ry", "\uFEFFbom", "C000350", "24/06/2025", "4,5") },
);
const line = fc.array(cell, { minLength: 0, maxLength: 5 });
const ending = fc.constantFrom("\n", "\r\n", "\r");
const document = fc.record({
  lines: fc.array(line, { minLength: 0, maxLength: 30 }),
  endings: fc.oneof(ending.map((e) => [e]), fc.array(ending, { minLength: 1, maxLength: 3 })),
  lastEnd: fc.boolean(),
  bom: fc.boolean(),
  delimiter: fc.constantFrom(";", ",", "\t"),
  encoding: fc.constantFrom("utf-8" as const, "windows-1252" as const),
});

test.prop([document, fc.array(fc.nat({ max: 400 }), { maxLength: 6 })], { numRuns: 2000 })("records equal csv-parse's alone, however the bytes are cut", (d, cuts) => {
  const text = d.lines.map((l, i) => l.join(d.delimiter) + (i < d.lines.length - 1 || d.lastEnd ? d.endings[i % d.endings.length]! : "")).join("");
  const bytes = d.encoding === "windows-1252" ? iconv.encode((d.bom ? "\uFEFF" : "") + text, "win1252") : Buffer.from((d.bom ? "\uFEFF" : "") + text, "utf8");
  const want = csvParseAlone(bytes, d.delimiter, d.encoding);
  const got = fed(bytes, cuts, d.delimiter, d.encoding);
  expect(got.error).toBe(want.error);
  if (want.error === undefined) expect(got.records).toEqual(want.records);
});

test("a plain export is read by papaparse, an export with a quote by csv-parse from that piece on", () => {
  const plain = Buffer.from("datum;uitzendpartner;kandidaat;uren\r\n24/06/2025;Itzu Jobs;C000350;4,5\r\n25/08/2025;Flexer;C000500;7,25\r\n");
  expect(fed(plain, [], ";", "utf-8").reader).toBe("papaparse");
  expect(fed(plain, [], ";", "utf-8").records).toEqual([["datum", "uitzendpartner", "kandidaat", "uren"], ["24/06/2025", "Itzu Jobs", "C000350", "4,5"], ["25/08/2025", "Flexer", "C000500", "7,25"]]);
  const quoted = Buffer.concat([plain, Buffer.from('26/08/2025;"Q-Jobs";C000501;"8,0"\r\n')]);
  const r = fed(quoted, [plain.length], ";", "utf-8");
  expect(r.reader).toBe("both");
  expect(r.records.at(-1)).toEqual(["26/08/2025", "Q-Jobs", "C000501", "8,0"]);
});

test("an unclosed quote is csv-parse's syntax error, as with csv-parse alone", () => {
  const bytes = Buffer.from('a;b\n1;2\n3;"4\n5;6\n');
  expect(fed(bytes, [8], ";", "utf-8").error).toBe("CSV_QUOTE_NOT_CLOSED");
});
