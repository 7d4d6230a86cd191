// Second pass: the export's records as arrays of cell texts with the 1-based
// physical line each starts on. csv-parse does the CSV syntax (quotes,
// delimiters inside quotes, CRLF) as a stream; we count lines ourselves
// because its `info.lines` is where a record ends, and `info` costs an object
// per record. Empty lines come through as [""] and are counted, then skipped.
import { parse } from "csv-parse";
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { t, type Text } from "../../domain/issues.js";
import { MAX_RECORD_CHARS } from "../../schema/limits.js";
import { readChunkBytesOf } from "./scan.js";
import { recordSpan } from "./record-span.js";

export type Encoding = "utf-8" | "windows-1252";

/** A CSV syntax error the file cannot be read past. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly code: string,
    readonly text: Text,
  ) {
    super(text.key);
  }
}



async function* win1252(src: AsyncIterable<Buffer>): AsyncGenerator<string> {
  // Single-byte encoding: chunks decode independently. Not TextDecoder, which
  // maps 0x80 to U+0080 instead of € on Node 20.20 (checked).
  // loaded here: only a Windows-1252 export needs it
  const { default: iconv } = await import("iconv-lite");
  for await (const chunk of src) yield iconv.decode(chunk, "win1252");
}

export function syntaxMessage(code: string | undefined, fallback: string): Text {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return t("csv.quote-not-closed");
    case "CSV_INVALID_CLOSING_QUOTE":
      return t("csv.after-closing-quote");
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
      return t("csv.fields");
    case "CSV_MAX_RECORD_SIZE":
      return t("csv.record-too-long", { mb: MAX_RECORD_CHARS / 1024 / 1024 });
    default:
      return t("csv.cannot-read-line", { detail: fallback });
  }
}

/**
 * Calls `onRecord` for each record of a file, in order, with its start line.
 * Blank records (every cell empty or spaces) are skipped. `onRecord` returns
 * false to stop reading. Rejects with CsvSyntaxError for broken CSV, at the
 * line where the broken record starts, or with the fs error. Records arrive
 * through 'data' events, not an async iterator: a promise per record would
 * cost more than parsing it.
 */
export async function forEachRecord(
  path: string,
  encoding: Encoding,
  delimiter: string,
  onRecord: (fields: readonly string[], line: number) => boolean | void,
): Promise<void> {
  const highWaterMark = await readChunkBytesOf(path);
  return new Promise((resolve, reject) => {
    const parser = parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      // Stray quotes inside unquoted cells (`5" scherm`) are kept as text.
      relax_quotes: true,
      skip_empty_lines: false,
      // An unclosed quote would otherwise read the rest of a large file into one cell.
      max_record_size: MAX_RECORD_CHARS,
    });
    const src = createReadStream(path, { highWaterMark });
    let line = 1;
    let stopped = false;
    let failed: unknown;
    parser.on("data", (rec: string[]) => {
      if (stopped) return;
      const start = line;
      const span = recordSpan(rec);
      line += Math.abs(span);
      if (span < 0) return;
      try {
        if (onRecord(rec, start) === false) {
          stopped = true;
          parser.destroy();
        }
      } catch (e) {
        failed = e;
        stopped = true;
        parser.destroy();
      }
    });
    const done = (e: NodeJS.ErrnoException | null | undefined): void => {
      if (failed !== undefined) return reject(failed);
      if (stopped) return resolve();
      if (!e) return resolve();
      const code = (e as { code?: string }).code;
      if (typeof code === "string" && (code.startsWith("CSV_") || code === "INVALID_OPENING_QUOTE")) {
        return reject(new CsvSyntaxError(line, code, syntaxMessage(code, e.message)));
      }
      reject(e);
    };
    // pipeline() propagates errors from any stage and destroys the others.
    if (encoding === "windows-1252") pipeline(src, win1252, parser, done);
    else pipeline(src, parser, done);
  });
}
