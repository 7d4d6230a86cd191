// The export reader (adapters/csv/records.ts) reads records through the
// streaming close's recordFeed (papaparse for quote-free lines, csv-parse
// for the rest). Whatever the bytes, it gives what csv-parse alone gives with
// the readers' options: the same non-blank records, each at the physical line
// it starts on, and a syntax error at the line where the broken record starts.
import { fc, test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { recordSpan } from "../../src/adapters/csv/record-span.js";
import { CsvSyntaxError, forEachRecord } from "../../src/adapters/csv/records.js";
import { MAX_RECORD_CHARS } from "../../src/schema/limits.js";

type Read = { records: [number, ...string[]][]; error?: { line: number; code: string } };

/** csv-parse alone, record by record, lines counted as every reader counts them. */
function csvParseAlone(bytes: Buffer, delimiter: string, encoding: "utf-8" | "windows-1252"): Read {
  const input = encoding === "windows-1252" ? Buffer.from(iconv.decode(bytes, "win1252"), "utf8") : bytes;
  const records: Read["records"] = [];
  let line = 1;
  try {
    parse(input, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_RECORD_CHARS,
      on_record: (rec: string[]) => {
        const span = recordSpan(rec);
        if (span > 0) records.push([line, ...rec]);
        line += Math.abs(span);
        return null;
      },
    });
    return { records };
  } catch (e) {
    return { records, error: { line, code: (e as { code: string }).code } };
  }
}

const dir = mkdtempSync(join(tmpdir(), "menerva-records-"));
let n = 0;

async function read(bytes: Buffer, delimiter: string, encoding: "utf-8" | "windows-1252"): Promise<Read> {
  const path = join(dir, `${n++}.csv`);
  writeFileSync(path, bytes);
  const records: Read["records"] = [];
  try {
    await forEachRecord(path, encoding, delimiter, (fields, line) => void records.push([line, ...fields]));
    return { records };
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return { records, error: { line: e.line, code: e.code } };
  }
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9 ,.é€-]{0,6}$/) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", '"q"', 'a"b', '"x;y"', '"two\nlines"', '"a""b"', '"open', "\r", "x\ry", "\uFEFFbom", "4,5") },
);
const document = fc.record({
  lines: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 25 }),
  endings: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 1, maxLength: 3 }),
  lastEnd: fc.boolean(),
  bom: fc.boolean(),
  delimiter: fc.constantFrom(";", ",", "\t"),
  encoding: fc.constantFrom("utf-8" as const, "windows-1252" as const),
});

test.prop([document], { numRuns: 500 })("records, their lines and a syntax error's line are csv-parse's alone", async (d) => {
  const text = d.lines.map((l, i) => l.join(d.delimiter) + (i < d.lines.length - 1 || d.lastEnd ? d.endings[i % d.endings.length]! : "")).join("");
  const bytes = d.encoding === "windows-1252" ? iconv.encode((d.bom ? "\uFEFF" : "") + text, "win1252") : Buffer.from((d.bom ? "\uFEFF" : "") + text, "utf8");
  expect(await read(bytes, d.delimiter, d.encoding)).toEqual(csvParseAlone(bytes, d.delimiter, d.encoding));
});
