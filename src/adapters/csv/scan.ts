// First pass over an export's bytes, streamed: its SHA-256, whether it is
// valid UTF-8 (else it is read as Windows-1252), a UTF-8 BOM, and the first
// bytes for sniffing the delimiter. Touches disk; nothing else here does.
import { isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { firstBadUtf8Offset, lineOfOffset } from "../read-small-file.js";
import { QuotedCuts } from "./quoted-cuts.js";

export type ScanResult = {
  readonly sha256: string;
  readonly size: number;
  readonly bom: boolean;
  readonly validUtf8: boolean;
  /** The first bytes (up to 64 KiB), enough for the header line. */
  readonly head: Buffer;
  /** Byte offset of the first NUL byte (a binary file, or UTF-16), or -1. */
  readonly nulAt: number;
  /** Byte offset of the first sequence that is not UTF-8, or -1. */
  readonly badUtf8At: number;
  /** Byte offset of the first `"` (a quoted cell may hold a line break), or -1. */
  readonly quoteAt: number;
  /** Byte offset of the first carriage return, or -1. */
  readonly crAt: number;
  /** Every line end is CRLF: no carriage return without a line feed after it, no line feed without one before it. */
  readonly crlfOnly: boolean;
  /**
   * The first line ends in CRLF and a later one in a line feed alone (lines
   * added by another program), in a file without quotes: csv-parse, taking
   * CRLF for the record end, reads such a line on into the next. (In a file
   * with quotes a line feed alone may be a line break Excel wrote inside a
   * quoted cell: not told.)
   */
  readonly mixedLineEnds: boolean;
  /** With `cutEvery`: offsets just after a line feed, about `cutEvery` bytes apart (where a file can be cut into chunks of whole lines). */
  readonly cuts: readonly number[];
};

const HEAD_BYTES = 64 * 1024;

/**
 * The read size for a file of `size` bytes: 1 MiB for a large export, the
 * whole file (and the end) in one read for a small one. Each read allocates
 * its full buffer: 1 MiB per small file adds up to GC pauses in a start-up.
 */
export const readChunkBytes = (size: number): number => Math.min(1 << 20, Math.max(1 << 12, size + 1));

/** readChunkBytes for the file at `path` (1 MiB when it cannot be stat'ed: the read then reports why). */
export async function readChunkBytesOf(path: string): Promise<number> {
  try {
    return readChunkBytes((await stat(path)).size);
  } catch {
    return 1 << 20;
  }
}

/**
 * Bytes at the end of `buf` that may start a UTF-8 sequence continued in the
 * next chunk (0–3), so a chunk boundary inside `é` is not taken as invalid.
 */
export function incompleteUtf8Tail(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * The file's bytes in pieces of `bytes`, read into one buffer (a piece is
 * valid until the next is asked for): a stream's fresh buffer per read costs
 * a page fault per 4 kB on a virtual machine, more than hashing it.
 */
async function* pieces(path: string, bytes: number): AsyncGenerator<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(bytes);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, bytes, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** Stream the file once. Rejects with the fs error (ENOENT, EISDIR, …) when it cannot be read. */
export async function scanFile(path: string, opts: { cutEvery?: number } = {}): Promise<ScanResult> {
  const hash = createHash("sha256");
  const headParts: Buffer[] = [];
  let headLen = 0;
  let size = 0;
  let valid = true;
  let carry: Buffer = Buffer.alloc(0);
  let nulAt = -1;
  let badUtf8At = -1;
  let quoteAt = -1;
  let crAt = -1;
  // line ends, counted once the first carriage return shows (before it: whether any line feed came)
  let lfBefore = false;
  let lfs = 0;
  let crs = 0;
  let crlfs = 0;
  let pendingCr = false;
  const cuts: number[] = [];
  let nextCut = opts.cutEvery ?? Infinity;
  for await (const chunk of pieces(path, await readChunkBytesOf(path))) {
    hash.update(chunk);
    if (quoteAt < 0) {
      const q = chunk.indexOf(34);
      if (q >= 0) quoteAt = size + q;
    }
    if (crAt < 0) {
      const r = chunk.indexOf(13);
      if (r >= 0) crAt = size + r;
      else if (!lfBefore && chunk.indexOf(10) >= 0) lfBefore = true;
    }
    if (crAt >= 0 && !lfBefore) {
      if (pendingCr && chunk[0] === 10) crlfs++;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lfs++;
      for (let i = chunk.indexOf(13); i !== -1; i = chunk.indexOf(13, i + 1)) {
        crs++;
        if (chunk[i + 1] === 10) crlfs++;
      }
      pendingCr = chunk[chunk.length - 1] === 13;
    }
    while (nextCut < size + chunk.length) {
      const lf = chunk.indexOf(10, Math.max(0, nextCut - size));
      if (lf < 0) break;
      cuts.push(size + lf + 1);
      nextCut = size + lf + 1 + opts.cutEvery!;
    }
    if (nulAt < 0) {
      const z = chunk.indexOf(0);
      if (z >= 0) nulAt = size + z;
    }
    size += chunk.length;
    if (headLen < HEAD_BYTES) {
      headParts.push(Buffer.from(chunk.subarray(0, HEAD_BYTES - headLen)));
      headLen += Math.min(chunk.length, HEAD_BYTES - headLen);
    }
    if (valid) {
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const tail = incompleteUtf8Tail(buf);
      valid = isUtf8(buf.subarray(0, buf.length - tail));
      if (!valid) badUtf8At = size - buf.length + Math.max(0, firstBadUtf8Offset(buf));
      carry = Buffer.from(buf.subarray(buf.length - tail));
    }
  }
  // A sequence cut off by the end of the file is invalid.
  if (carry.length > 0 && valid) {
    valid = false;
    badUtf8At = size - carry.length;
  }
  const head = Buffer.concat(headParts);
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // a first line ending in CRLF: its CR came before any LF, so the line ends were counted
  const firstLf = head.indexOf(10);
  const mixedLineEnds = quoteAt < 0 && firstLf > 0 && head[firstLf - 1] === 13 && lfs > crlfs;
  return { sha256: hash.digest("hex"), size, bom, validUtf8: valid, head, nulAt, badUtf8At, quoteAt, crAt, crlfOnly: crAt >= 0 && !lfBefore && lfs > 0 && crs === lfs && crlfs === lfs, mixedLineEnds, cuts: cuts.filter((c) => c < size) };
}

/**
 * For a file with quotes (scan's `quoteAt` ≥ 0): offsets just after a line
 * feed that ends a record, about `cutEvery` bytes apart, and whether every
 * line is a record, read once more with the file's delimiter known; undefined when a quote is out of place
 * (quoted-cuts.ts) or the delimiter is not one ASCII character.
 */
export async function quotedCutsOf(path: string, delimiter: string, cutEvery: number, encoding: "utf-8" | "windows-1252"): Promise<ReturnType<QuotedCuts["end"]>> {
  if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) return undefined;
  const finder = new QuotedCuts(delimiter, cutEvery, encoding);
  for await (const piece of pieces(path, await readChunkBytesOf(path))) {
    finder.feed(piece);
    if (finder.irregularAt >= 0) return undefined;
  }
  return finder.end();
}

/** The 1-based line holding byte `offset` of a file (streamed: only for error messages). */
export async function lineAtOffset(path: string, offset: number): Promise<number> {
  let line = 1;
  let pos = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, end: Math.max(0, offset - 1) }) as AsyncIterable<Buffer>) {
    line += lineOfOffset(chunk, Math.min(chunk.length, offset - pos)) - 1;
    pos += chunk.length;
  }
  return offset === 0 ? 1 : line;
}
