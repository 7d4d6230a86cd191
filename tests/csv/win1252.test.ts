// Windows-1252 exports are decoded by Node's Latin-1 decoder where the two
// agree and by iconv-lite where they do not (adapters/csv/win1252.ts): the
// text must be iconv-lite's, byte for byte, whatever the bytes.
import { fc, test } from "@fast-check/vitest";
import iconv from "iconv-lite";
import { expect } from "vitest";
import { decodeWin1252 } from "../../src/adapters/csv/win1252.js";

test("every byte decodes as iconv-lite decodes it, alone and among others", () => {
  for (let b = 0; b < 256; b++) expect(decodeWin1252(Buffer.from([b])), `byte 0x${b.toString(16)}`).toBe(iconv.decode(Buffer.from([b]), "win1252"));
  const all = Buffer.from(Array.from({ length: 256 }, (_, b) => b));
  expect(decodeWin1252(all)).toBe(iconv.decode(all, "win1252"));
  // the bytes where the two differ: €, ’ and “ of a Flemish export, and the five Windows-1252 leaves undefined
  expect(decodeWin1252(Buffer.from([0x80, 0x92, 0x93, 0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe("€’“\ufffd\ufffd\ufffd\ufffd\ufffd");
  expect(decodeWin1252(Buffer.from("Int\xe9rim & Co;Bo\xebl;Fran\xe7ois", "latin1"))).toBe("Intérim & Co;Boël;François");
});

test.prop([fc.uint8Array({ maxLength: 300 }), fc.boolean()], { numRuns: 2000 })("any bytes: the same text as iconv-lite", (bytes, high) => {
  // half the runs without 0x80–0x9F (the Latin-1 path), half as they come
  const b = Buffer.from(high ? bytes : bytes.map((x) => ((x & 0xe0) === 0x80 ? x + 0x20 : x)));
  expect(decodeWin1252(b)).toBe(iconv.decode(b, "win1252"));
});
