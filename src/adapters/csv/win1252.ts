// Windows-1252 bytes as text, for every reader of exports. Windows-1252 and
// Latin-1 differ only in the bytes 0x80–0x9F (€, ’, “, …): a piece without
// them — most of a Flemish export, whose é, ë and ç lie above — is decoded
// by Node's Latin-1 decoder, into a one-byte string that everything after it
// (papaparse, the row rules, the fingerprints) handles faster than the
// two-byte string iconv-lite returns; a piece with one goes to iconv-lite.
// The same text either way (tests/csv/win1252.test.ts checks every byte).
import { createRequire } from "node:module";

// iconv-lite by require, loaded when a piece needs it (no CommonJS-exports scan at start-up)
const require = createRequire(import.meta.url);

/** Whether `b` holds a byte 0x80–0x9F, where Windows-1252 is not Latin-1. */
function hasC1(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i]! & 0xe0) === 0x80) return true;
  return false;
}

/** The Windows-1252 text of `b`, exactly as iconv-lite decodes it. */
export function decodeWin1252(b: Buffer): string {
  return hasC1(b) ? (require("iconv-lite") as typeof import("iconv-lite")).decode(b, "win1252") : b.toString("latin1");
}
