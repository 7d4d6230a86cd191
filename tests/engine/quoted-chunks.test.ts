// An export with quoted cells is cut into chunks only after a line feed that
// ends a record (adapters/csv/quoted-cuts.ts), and read a chunk at a time
// (engine/chunk-records.ts, papaparse for its lines when no quoted cell holds
// a line break). Whatever the bytes and however they arrive, the records read
// chunk by chunk are exactly those csv-parse gives reading the file whole —
// or the file is not cut at all.
import { fc, test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { expect } from "vitest";
import { QuotedCuts } from "../../src/adapters/csv/quoted-cuts.js";
import { recordFeed } from "../../src/engine/chunk-records.js";
import { MAX_RECORD_CHARS } from "../../src/schema/limits.js";

const options = { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_RECORD_CHARS } as const;
const whole = (bytes: Buffer, delimiter: string): string[][] | "error" => {
  try {
    return parse(bytes, { ...options, delimiter }) as string[][];
  } catch {
    return "error";
  }
};

/** QuotedCuts over `bytes` delivered in pieces cut at `at`. */
function cutsOf(bytes: Buffer, delimiter: string, cutEvery: number, at: readonly number[] = [], encoding: "utf-8" | "windows-1252" = "utf-8"): ReturnType<QuotedCuts["end"]> {
  const finder = new QuotedCuts(delimiter, cutEvery, encoding);
  let from = 0;
  for (const c of [...at.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
    finder.feed(bytes.subarray(from, c));
    from = c;
  }
  return finder.end();
}

/** Read each chunk on its own, as the parse workers do, and join the records. */
function chunked(bytes: Buffer, delimiter: string, plan: NonNullable<ReturnType<QuotedCuts["end"]>>): string[][] | "error" {
  const records: string[][] = [];
  const bounds = [0, ...plan.cuts, bytes.length];
  try {
    for (let k = 0; k + 1 < bounds.length; k++) {
      const feed = recordFeed({ delimiter, encoding: "utf-8", atFileStart: k === 0, quotedLines: plan.linesAreRecords }, (r) => records.push(r));
      feed.feed(bytes.subarray(bounds[k], bounds[k + 1]));
      feed.end();
    }
  } catch {
    return "error";
  }
  return records;
}

/** Line ends all of one kind, as the file plan requires before it cuts (LF only, or CRLF only). */
const oneKindOfLineEnd = (text: string): boolean => !text.includes("\r") || text.replaceAll("\r\n", "").match(/[\r\n]/) === null;

// cells from a small alphabet with every character that matters: delimiters, quotes, line ends, spaces, non-ASCII
const cell = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[a-z0-9 ,;.é€-]{0,6}$/) },
  { weight: 2, arbitrary: fc.constantFrom("", '"', 'a"b', "x;y", "x,y", "two\nlines", "cr\r\nlf", "C000350", "4,5", "Itzu Jobs") },
);
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 25 });

test.prop([table, fc.constantFrom(";", ","), fc.boolean(), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.integer({ min: 1, max: 60 }), fc.array(fc.nat({ max: 600 }), { maxLength: 5 })], { numRuns: 1500 })(
  "a file written by a CSV writer is always cut, only at a record's end, and reads the same in chunks",
  (rows, delimiter, quoteAll, eol, bom, cutEvery, pieces) => {
    // a cell with any line break quoted (csv-stringify quotes only its own record delimiter's)
    const text = stringify(rows, { delimiter, quoted: quoteAll, quoted_match: /[\r\n]/, record_delimiter: eol === "\n" ? "unix" : "windows" });
    const bytes = Buffer.from((bom ? "\uFEFF" : "") + text, "utf8");
    const plan = cutsOf(bytes, delimiter, cutEvery, pieces);
    expect(plan).toBeDefined();
    const want = whole(bytes, delimiter);
    expect(want).toEqual(rows);
    // the line ends of cells count: a cell holding one makes lines that are not records
    expect(plan!.linesAreRecords).toBe(!rows.some((r) => r.some((c) => c.includes("\n") || c.includes("\r"))));
    if (oneKindOfLineEnd(text)) expect(chunked(bytes, delimiter, plan!)).toEqual(want);
  },
);

// any bytes at all (quotes out of place, unclosed, lone carriage returns): cut only where reading in chunks changes nothing
const loose = fc.array(fc.array(fc.oneof(cell, fc.constantFrom('"q"', '"a""b"', ' "x"', '"x" ', '"open', 'mid"dle', '"two\nlines"', '""', '"""')), { minLength: 0, maxLength: 5 }), { minLength: 0, maxLength: 25 });

test.prop([loose, fc.constantFrom(";", ","), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.integer({ min: 1, max: 60 }), fc.array(fc.nat({ max: 600 }), { maxLength: 5 })], { numRuns: 3000 })(
  "whatever the bytes, a file is cut only where its chunks read as the whole",
  (lines, delimiter, eol, lastEnd, cutEvery, pieces) => {
    const text = lines.map((l, i) => l.join(delimiter) + (i < lines.length - 1 || lastEnd ? eol : "")).join("");
    const bytes = Buffer.from(text, "utf8");
    const plan = cutsOf(bytes, delimiter, cutEvery, pieces);
    if (plan === undefined || !oneKindOfLineEnd(text)) return;
    const want = whole(bytes, delimiter);
    expect(want).not.toBe("error");
    expect(chunked(bytes, delimiter, plan)).toEqual(want);
  },
);

test("cuts fall after the first line feed past each step that is outside quotes, whatever the pieces", () => {
  const text = 'datum;naam;uren\n01/01/2025;"Jan\nPeeters";7,5\n02/01/2025;"An ""Annie""";8\n03/01/2025;Els;6\n';
  const bytes = Buffer.from(text);
  const expected = { cuts: [16, text.indexOf("02/01"), text.indexOf("03/01")], linesAreRecords: false };
  expect(cutsOf(bytes, ";", 1)).toEqual(expected);
  // every way of delivering it in two pieces, a doubled quote or a closing quote split across them included
  for (let at = 1; at < bytes.length; at++) expect(cutsOf(bytes, ";", 1, [at])).toEqual(expected);
  // a cut step reaching into the quoted line break moves the cut to the record's end
  expect(cutsOf(bytes, ";", 20)?.cuts).toEqual([text.indexOf("02/01"), text.indexOf("03/01")]);
});

test("a quote out of place, or a quoted cell left open, leaves the file uncut", () => {
  const cases = ['a;b\n1;12" pipe\n', 'a;b\n1;"x"y\n', 'a;b\n1; "x"\n', 'a;b\n1;"x" \n', 'a;b\n1;"open\n2;3\n'];
  for (const c of cases) expect(cutsOf(Buffer.from(c), ";", 1), c).toBeUndefined();
  // the same quote is in its place for a file whose delimiter is a comma, not for one with semicolons
  expect(cutsOf(Buffer.from('a,b\n1,"x"\n'), ",", 1)).toEqual({ cuts: [4, 10].filter((c) => c < 10), linesAreRecords: true });
  expect(cutsOf(Buffer.from('a;b\n1,"x"\n'), ";", 1)).toBeUndefined();
});

test("a byte order mark before the first quoted header cell is the file's start (in UTF-8, in however many pieces)", () => {
  const bytes = Buffer.from('\uFEFF"datum";"uren"\n"01/01/2025";"7,5"\n');
  const expected = { cuts: [bytes.indexOf("\n") + 1], linesAreRecords: true };
  expect(cutsOf(bytes, ";", 1)).toEqual(expected);
  expect(cutsOf(bytes, ";", 1, [1])).toEqual(expected);
  expect(cutsOf(bytes, ";", 1, [1, 2])).toEqual(expected);
  // read as Windows-1252 its bytes are text (csv-parse reads `ï»¿"datum"`): the quote is out of place
  expect(cutsOf(bytes, ";", 1, [], "windows-1252")).toBeUndefined();
  expect(whole(Buffer.from(iconvText(bytes)), ";")).toEqual([['ï»¿"datum"', "uren"], ["01/01/2025", "7,5"]]);
  // a mark begun and not finished is text as well
  expect(cutsOf(Buffer.from([0xef, 0xbb, 0x22, 0x78, 0x22, 0x0a]), ";", 1)).toBeUndefined();
  expect(cutsOf(Buffer.from([0xef, 0xbb, 0x22, 0x78, 0x22, 0x0a]), ";", 1, [1])).toBeUndefined();
});

/** Windows-1252 bytes of ASCII and the mark's three as the text csv-parse then reads. */
const iconvText = (bytes: Buffer): string => [...bytes].map((b) => (b === 0xef ? "ï" : b === 0xbb ? "»" : b === 0xbf ? "¿" : String.fromCharCode(b))).join("");

test("lines of a checked file with quotes are read by papaparse, not handed to csv-parse", () => {
  const records: string[][] = [];
  const feed = recordFeed({ delimiter: ";", encoding: "utf-8", atFileStart: true, quotedLines: true }, (r) => records.push(r));
  feed.feed(Buffer.from('"datum";"kandidaat";"uren"\n"24/06/2025";"C000350";"4,5"\n"25/06/2025";"De ""Ster""";"7,25"\n'));
  feed.end();
  expect(feed.reader).toBe("papaparse");
  expect(records).toEqual([["datum", "kandidaat", "uren"], ["24/06/2025", "C000350", "4,5"], ["25/06/2025", 'De "Ster"', "7,25"]]);
});

test("a slice papaparse finds fault with is read by csv-parse from its first line: the same records", () => {
  // told its lines are records, but one is not (the file changed after it was checked): the line break
  // in a quoted cell falls where papaparse's 64 kB slice ends, so papaparse sees the cell left open
  let prefix = "a;b\n";
  while (prefix.length < 65_600) prefix += "1;xxxxxxxxxx\n";
  const second = prefix.indexOf("\n", 65_536) + 1; // where papaparse's second slice begins
  while (prefix.length < second + 65_500) prefix += "1;xxxxxxxxxx\n";
  const lf = second + 65_540;
  const text = `${prefix}2;"${"y".repeat(lf - prefix.length - 3)}\nlines"\n3;4\n`;
  expect(text.indexOf("\n", second + 65_536)).toBe(lf);
  const records: string[][] = [];
  const feed = recordFeed({ delimiter: ";", encoding: "utf-8", atFileStart: true, quotedLines: true }, (r) => records.push(r));
  feed.feed(Buffer.from(text));
  feed.end();
  expect(feed.reader).toBe("both");
  expect(records).toEqual(whole(Buffer.from(text), ";"));
  expect(records.at(-2)?.[1]).toMatch(/\nlines$/);
});
