// A streamed zip entry for fflate's Zip (its ZipInputFile interface) that is
// fflate's ZipDeflate byte for byte — the same streaming Deflate on the same
// chunks, the same header flag, the same CRC-32 — with the CRC computed by
// node:zlib instead of fflate's byte-at-a-time JavaScript loop (about 1.5 s
// of the ~250 MB of XML a 1,000,000-row Detail sheet is). Where node:zlib has
// no crc32 (Node before 20.15), fflate's ZipDeflate itself.
// Usage: const e = zipDeflate("xl/worksheets/sheet7.xml", mtime); zip.add(e); e.push(chunk); e.push(last, true);
import * as zlib from "node:zlib";
import { Deflate, ZipDeflate, type AsyncFlateStreamHandler, type FlateError, type ZipInputFile } from "fflate";

/** The one deflate level of every workbook menerva writes (deterministic.ts, sheet-rows.ts). */
const LEVEL = 6;

type Crc32 = (data: Uint8Array, value?: number) => number;
const crc32 = (zlib as { crc32?: Crc32 }).crc32;

export type StreamedEntry = ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void };

class NativeCrcZipDeflate implements StreamedEntry {
  readonly compression: number;
  readonly flag: number;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;
  private readonly deflate: Deflate;
  private running = 0;

  constructor(
    readonly filename: string,
    readonly mtime: Date,
    private readonly crcOf: Crc32,
  ) {
    // the compression method and flag bits fflate's own entry declares for this level
    const like = new ZipDeflate(filename, { level: LEVEL });
    this.compression = like.compression;
    this.flag = like.flag ?? 0;
    this.deflate = new Deflate({ level: LEVEL }, (data, final) => this.ondata!(null, data, final));
  }

  push(chunk: Uint8Array, final = false): void {
    this.running = this.crcOf(chunk, this.running);
    this.size += chunk.length;
    if (final) this.crc = this.running;
    try {
      this.deflate.push(chunk, final);
    } catch (e) {
      this.ondata!(e as FlateError, new Uint8Array(0), final);
    }
  }
}

/** A streamed, deflated zip entry with a fixed time. */
export function zipDeflate(filename: string, mtime: Date): StreamedEntry {
  if (crc32) return new NativeCrcZipDeflate(filename, mtime, crc32);
  const entry = new ZipDeflate(filename, { level: LEVEL });
  entry.mtime = mtime;
  return entry;
}
