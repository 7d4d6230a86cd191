// Windows-1252 bytes as text, for every reader of exports. Windows-1252 and
// Latin-1 differ only in the bytes 0x80–0x9F (€, ’, “, …): a piece without
// them — most of a Flemish export, whose é, ë and ç lie above — is decoded
// by Node's Latin-1 decoder, into a one-byte string that everything after it
// (papaparse, the row rules, the fingerprints) handles faster than a two-byte
// one; a piece with one is decoded by iconv-lite's own Windows-1252 table.
// The same text either way (tests/csv/win1252.test.ts checks every byte
// against iconv-lite's decode).
import { createRequire } from "node:module";

// iconv-lite's data by require, loaded when a piece needs it (no CommonJS-exports scan at start-up)
const require = createRequire(import.meta.url);

/** Whether `b` holds a byte 0x80–0x9F, where Windows-1252 is not Latin-1. */
function hasC1(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i]! & 0xe0) === 0x80) return true;
  return false;
}

let table: Uint16Array | undefined;

/**
 * The UTF-16 code of each byte, from iconv-lite's generated single-byte data
 * (the 128 characters of 0x80–0xFF) rather than from iconv-lite itself, whose
 * first decode loads every codec it has: 15 ms of a `validate` of the example.
 */
function win1252Table(): Uint16Array {
  if (table !== undefined) return table;
  const data = require("iconv-lite/encodings/sbcs-data-generated.js") as Record<string, { chars?: string } | undefined>;
  const high = data.windows1252?.chars;
  if (high?.length !== 128) throw new Error("iconv-lite's Windows-1252 table is not where it was (iconv-lite/encodings/sbcs-data-generated.js)");
  table = new Uint16Array(256);
  for (let b = 0; b < 256; b++) table[b] = b < 0x80 ? b : high.charCodeAt(b - 0x80);
  return table;
}

/** The Windows-1252 text of `b`, exactly as iconv-lite decodes it. */
export function decodeWin1252(b: Buffer): string {
  if (!hasC1(b)) return b.toString("latin1");
  const t = win1252Table();
  // UTF-16LE bytes, written byte by byte whatever the machine's byte order
  const out = Buffer.allocUnsafe(b.length * 2);
  for (let i = 0; i < b.length; i++) {
    const c = t[b[i]!]!;
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out.toString("utf16le");
}
