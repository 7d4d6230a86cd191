// Second pass: the export's records as arrays of cell texts with the 1-based
// physical line each starts on. The CSV syntax (quotes, delimiters inside
// quotes, CRLF) is engine/chunk-records.ts's, as for the streaming close:
// quote-free lines by papaparse's fast mode, the rest by csv-parse, the same
// records and errors as csv-parse alone (its property test); csv-parse read
// a small export cold several times slower, most of `validate`'s start-up.
// We count lines ourselves because csv-parse's `info.lines` is where a
// record ends. Empty lines come through as [""] and are counted, then skipped.
import { createReadStream } from "node:fs";
import { t, type Text } from "../../domain/issues.js";
import { recordFeed } from "../../engine/chunk-records.js";
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
 * line where the broken record starts, or with the fs error.
 */
export async function forEachRecord(
  path: string,
  encoding: Encoding,
  delimiter: string,
  onRecord: (fields: readonly string[], line: number) => boolean | void,
): Promise<void> {
  let line = 1;
  let stopped = false;
  let failed: { readonly error: unknown } | undefined;
  const records = recordFeed({ delimiter, encoding, atFileStart: true }, (rec) => {
    if (stopped) return;
    const start = line;
    const span = recordSpan(rec);
    line += Math.abs(span);
    if (span < 0) return;
    try {
      if (onRecord(rec, start) === false) stopped = true;
    } catch (e) {
      failed = { error: e };
      stopped = true;
    }
  });
  const src = createReadStream(path, { highWaterMark: await readChunkBytesOf(path) });
  try {
    for await (const chunk of src as AsyncIterable<Buffer>) {
      records.feed(chunk);
      if (stopped) break;
    }
    if (!stopped) records.end();
  } catch (e) {
    // after the caller stopped (or its onRecord threw), what follows does not matter
    if (!stopped) throw syntaxError(e, line);
  } finally {
    src.destroy();
  }
  if (failed !== undefined) throw failed.error;
}

/** csv-parse's error as a CsvSyntaxError at `line` (where the broken record starts); any other error as it is. */
function syntaxError(e: unknown, line: number): unknown {
  const code = (e as { code?: string }).code;
  if (typeof code === "string" && (code.startsWith("CSV_") || code === "INVALID_OPENING_QUOTE")) {
    return new CsvSyntaxError(line, code, syntaxMessage(code, (e as Error).message));
  }
  return e;
}
