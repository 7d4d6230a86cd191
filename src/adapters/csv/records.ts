// Second pass: the export's records as arrays of cell texts with the 1-based
// physical line each starts on. csv-parse does the CSV syntax (quotes,
// delimiters inside quotes, CRLF) as a stream; we count lines ourselves
// because its `info.lines` is where a record ends, and `info` costs an object
// per record. Empty lines come through as [""] and are counted, then skipped.
import { parse, type CsvError } from "csv-parse";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import iconv from "iconv-lite";

export type Encoding = "utf-8" | "windows-1252";

export type CsvRecord = { readonly fields: readonly string[]; readonly line: number };

/** A CSV syntax error the file cannot be read past. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const countNewlines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
};

async function* win1252(src: AsyncIterable<Buffer>): AsyncGenerator<string> {
  // Single-byte encoding: chunks decode independently. Not TextDecoder, which
  // maps 0x80 to U+0080 instead of € on Node 20.20 (research/ecosystem.md §5).
  for await (const chunk of src) yield iconv.decode(chunk, "win1252");
}

function syntaxMessage(code: string | undefined, fallback: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quote opened on this line is never closed";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "unexpected text after a closing quote";
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return "wrong number of fields";
    default:
      return `cannot read this line as CSV (${fallback})`;
  }
}

/**
 * Records of a file, in order, with start lines. Blank records (every cell
 * empty or spaces) are skipped. Throws CsvSyntaxError for broken CSV, at the
 * line where the broken record starts, and the fs error if the file vanishes.
 */
export async function* readRecords(path: string, encoding: Encoding, delimiter: string): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    // Stray quotes inside unquoted cells (`5" scherm`) are kept as text.
    relax_quotes: true,
    skip_empty_lines: false,
    encoding: "utf8",
  });
  const src = createReadStream(path, { highWaterMark: 1 << 20 });
  let failure: Error | undefined;
  // pipeline() propagates errors from any stage and destroys the others.
  if (encoding === "windows-1252") pipeline(src, win1252, parser, (e) => (failure = e ?? undefined));
  else pipeline(src, parser, (e) => (failure = e ?? undefined));
  let line = 1;
  try {
    for await (const rec of parser as AsyncIterable<string[]>) {
      const start = line;
      let blank = true;
      let extra = 0;
      for (const f of rec) {
        if (blank && f.trim() !== "") blank = false;
        if (f.length > 0 && f.includes("\n")) extra += countNewlines(f);
      }
      line += 1 + extra;
      if (!blank) yield { fields: rec, line: start };
    }
  } catch (e) {
    const err = e as CsvError & { code?: string };
    if (typeof err.code === "string" && err.code.startsWith("CSV_")) {
      throw new CsvSyntaxError(line, err.code, syntaxMessage(err.code, err.message));
    }
    if (err.code === "INVALID_OPENING_QUOTE") throw new CsvSyntaxError(line, err.code, syntaxMessage(err.code, err.message));
    throw e;
  }
  if (failure) throw failure;
}
