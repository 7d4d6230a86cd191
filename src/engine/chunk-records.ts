// The records of one byte range of an export, fed piece by piece (issue 15).
// Most exports hold no quote at all: for them a record is a line and its
// fields are the line cut at the delimiter, and papaparse's fast mode (a
// well-kept CSV library, several times csv-parse's speed on such text) reads
// them, through its core Parser: Papa.parse's string streamer around it
// tripled the time, its results kept long enough for the collector to move
// them. The first piece with a quote, a carriage return that is not part of
// a CRLF line end, or a line too long to be sure of, hands the rest of the
// range to csv-parse, with the same options as records.ts and the line end
// already in force, so every record and every syntax error is what csv-parse
// alone gives. Whole lines only go to papaparse: a piece is cut after its
// last line feed (never inside a UTF-8 character) and the rest carried over.
// A file whose quotes were all found in their place, none around a line
// break (`quotedLines`, quoted-cuts.ts), keeps papaparse for lines with
// quotes too, out of fast mode: on such lines it reads the cells csv-parse
// reads, at five times the speed. A slice papaparse finds fault with (the
// file changed since it was checked) goes to csv-parse, from its first line.
import { createRequire } from "node:module";
import type { ParseConfig } from "papaparse";
import { decodeWin1252 as win1252 } from "../adapters/csv/win1252.js";
import { MAX_RECORD_CHARS } from "../schema/limits.js";

// csv-parse loads on first use (iconv-lite too, win1252.ts): a parse worker reading plain UTF-8 lines needs neither
const require = createRequire(import.meta.url);
// papaparse by require as well: imported from an ES module, it is first scanned by Node's lexer of
// CommonJS exports (cold, about 15 ms of a 250 ms `validate`; the require alone is about 1 ms)
const Papa = require("papaparse") as typeof import("papaparse");
const csvParse = (): typeof import("csv-parse") => require("csv-parse") as typeof import("csv-parse");

type CsvApi = { api: { parse(buf: Buffer | undefined, end: boolean, push: (r: string[]) => void, close: () => void): Error | undefined } };

export type RecordFeed = {
  /** The next bytes of the range (whole lines or not). Throws csv-parse's error for broken CSV. */
  feed(piece: Buffer): void;
  /** The range is read: its last record, if it has no line end. */
  end(): void;
  /** Whether csv-parse took input: it may keep views of the pieces fed, so they must not be reused. */
  readonly holdsInput: boolean;
  /** Which reader read the range (for tests). */
  readonly reader: "papaparse" | "csv-parse" | "both";
};

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** Bytes without a line feed after which the line may be a long record: csv-parse decides. */
const LONG_LINE = 1 << 20;
/** Characters of lines papaparse reads at a time. */
const SLICE = 64 * 1024;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function count(buf: Buffer, byte: number): number {
  let n = 0;
  for (let i = buf.indexOf(byte); i !== -1; i = buf.indexOf(byte, i + 1)) n++;
  return n;
}

/** Every carriage return of `buf` is the first half of a CRLF line end, and every line feed the second. */
function onlyCrlf(buf: Buffer): boolean {
  let lfs = 0;
  for (let i = buf.indexOf(LF); i !== -1; i = buf.indexOf(LF, i + 1)) {
    if (i === 0 || buf[i - 1] !== CR) return false;
    lfs++;
  }
  return count(buf, CR) === lfs;
}

export function recordFeed(opts: { readonly delimiter: string; readonly encoding: "utf-8" | "windows-1252"; readonly atFileStart: boolean; readonly quotedLines?: boolean }, push: (rec: string[]) => void): RecordFeed {
  const noop = (): void => {};
  let mode: "unknown" | "lf" | "crlf" | "csv" = "unknown";
  let carry: Buffer | undefined;
  let csv: CsvApi | undefined;
  let usedPapa = false;
  let pushed = false;
  const decode = (b: Buffer): string => (opts.encoding === "windows-1252" ? win1252(b) : b.toString("utf8"));

  const csvFeed = (bytes: Buffer | undefined, end: boolean): void => {
    if (csv === undefined) {
      csv = csvParse().parse({
        delimiter: opts.delimiter,
        // csv-parse strips a byte order mark only at the start of what it reads: the file's start
        bom: opts.atFileStart && !pushed,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        max_record_size: MAX_RECORD_CHARS,
        // the line end csv-parse would have found in the lines papaparse read
        ...(mode === "lf" && pushed ? { record_delimiter: "\n" } : mode === "crlf" && pushed ? { record_delimiter: "\r\n" } : {}),
      }) as unknown as CsvApi;
      mode = "csv";
    }
    const b = bytes !== undefined && opts.encoding === "windows-1252" ? Buffer.from(win1252(bytes), "utf8") : bytes;
    const err = csv.api.parse(b, end, push, noop);
    if (err !== undefined) throw err;
  };

  /** Read whole lines; returns where it stopped (before `lines.length`: csv-parse reads the rest). */
  const papa = (lines: Buffer): number => {
    let from = 0;
    if (opts.atFileStart && !pushed && opts.encoding === "utf-8" && lines.subarray(0, 3).equals(BOM)) from = 3;
    // papaparse drops a byte order mark wherever its text starts; csv-parse only at the file's start
    if (opts.encoding === "utf-8" && lines.indexOf(BOM, from) >= 0) return 0;
    // `lines` ends with a line end. In slices of about 64 kB of whole lines, each decoded on its own:
    // short-lived texts and few records alive at once, little for the garbage collector to move.
    const endBytes = mode === "crlf" ? 2 : 1;
    // fast mode: a quote is text. Out of it (quotedLines) papaparse reads the quoted cells of a slice that has a quote.
    const config: ParseConfig<string[]> = { delimiter: opts.delimiter, newline: mode === "crlf" ? "\r\n" : "\n", fastMode: opts.quotedLines ? undefined : true, skipEmptyLines: false };
    while (from < lines.length) {
      const cut = from + SLICE < lines.length ? lines.indexOf(LF, from + SLICE) : -1;
      const to = cut < 0 ? lines.length : cut + 1;
      const text = decode(lines.subarray(from, to - endBytes));
      if (text === "") push([""]);
      else {
        const read = new Papa.Parser(config).parse(text, 0, false);
        if (read.errors.length > 0) return from;
        for (const r of read.data as string[][]) push(r);
      }
      usedPapa = true;
      pushed = true;
      from = to;
    }
    return from;
  };

  /** Read the whole lines of `buf` (papaparse, or csv-parse from here on); keep a last line begun for the next piece. */
  const take = (buf: Buffer): void => {
    const lastLf = buf.lastIndexOf(LF);
    if (lastLf < 0) {
      if (buf.length > LONG_LINE || buf.indexOf(CR) >= 0 || (!opts.quotedLines && buf.indexOf(QUOTE) >= 0)) return csvFeed(buf, false);
      carry = Buffer.from(buf);
      return;
    }
    const lines = buf.subarray(0, lastLf + 1);
    if (mode === "unknown") {
      const cr = lines.indexOf(CR);
      mode = cr < 0 ? "lf" : cr === lines.indexOf(LF) - 1 ? "crlf" : "csv";
    }
    const plain = mode !== "csv" && lines.length <= MAX_RECORD_CHARS && (opts.quotedLines || lines.indexOf(QUOTE) < 0) && (mode === "lf" ? lines.indexOf(CR) < 0 : onlyCrlf(lines));
    if (!plain) return csvFeed(buf, false);
    const read = papa(lines);
    if (read < lines.length) return csvFeed(buf.subarray(read), false);
    if (lastLf + 1 < buf.length) carry = Buffer.from(buf.subarray(lastLf + 1));
  };

  return {
    get reader() {
      return usedPapa ? (csv === undefined ? "papaparse" : "both") : "csv-parse";
    },
    feed(input) {
      if (mode === "csv") return csvFeed(input, false);
      let piece = input;
      if (carry !== undefined) {
        // the line begun in the last piece, completed on its own: no copy of the whole piece
        const lf = piece.indexOf(LF);
        const joined = Buffer.concat([carry, lf < 0 ? piece : piece.subarray(0, lf + 1)]);
        carry = undefined;
        take(joined);
        if (lf < 0 || lf + 1 === piece.length) return;
        piece = piece.subarray(lf + 1);
        if (csv !== undefined) return csvFeed(piece, false);
      }
      take(piece);
    },
    get holdsInput() {
      return csv !== undefined;
    },
    end() {
      if (mode === "csv") return csvFeed(undefined, true);
      if (carry === undefined) return;
      const rest = carry;
      carry = undefined;
      // the last line, without a line end: csv-parse reads it as it would have
      csvFeed(rest, true);
    },
  };
}
