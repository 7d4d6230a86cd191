// Row fingerprints on the hot path (issue 15): the same 128 bits as
// ledger/fingerprint.ts rowFingerprint — SHA-256 of the same canonical JSON
// array, so ledgers written before keep matching — but the JSON text is put
// together from per-value pieces cached by the caller (a partner, candidate,
// date or quantity repeats across millions of rows), and the digest lands as
// bytes in the row record, without a hex string per row.
import { hash } from "node:crypto";
import { normaliseQuantity, normaliseText } from "../ledger/fingerprint.js";

/** The JSON piece of a text field as rowFingerprint writes it (normalised; null when empty). */
export const textPiece = (s: string | undefined): string => JSON.stringify(normaliseText(s) ?? null);

/** The JSON piece of a quantity (exact decimal text, normalised). */
export const quantityPiece = (q: string): string => JSON.stringify(normaliseQuantity(q));

/**
 * The canonical text rowFingerprint hashes, from pieces: kind, date
 * (JSON.stringify of the trimmed ISO text), partner, candidate, quantity,
 * type, reference (each a piece as above); rows of exports carry no `extra`.
 */
export function fingerprintText(kind: "hours" | "benefits", date: string, partner: string, candidate: string, quantity: string, type: string, reference: string): string {
  return `["${kind}",${date},${partner},${candidate},${quantity},${type},${reference},null]`;
}

/** SHA-256 of `text`, its first 16 bytes written at `out[at..at+16)`. */
export function writeFingerprint(text: string, out: Uint8Array, at: number): void {
  // "latin1" gives the digest bytes as character codes: cheaper than hex or a Buffer per row
  const d = hash("sha256", text, "latin1" as "hex");
  for (let k = 0; k < 16; k++) out[at + k] = d.charCodeAt(k);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** The 32 hex characters of 16 fingerprint bytes (as rowFingerprint returns them). */
export function fingerprintHex(bytes: Uint8Array, at: number): string {
  let s = "";
  for (let k = 0; k < 16; k++) s += HEX[bytes[at + k]!]!;
  return s;
}
