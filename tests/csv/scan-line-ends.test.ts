// An export whose line ends are all CRLF (Excel and most Windows tools) can be
// cut into chunks after any line feed, like an LF export, and read on both
// cores; one that mixes line ends, or holds a lone carriage return, cannot
// (csv-parse takes the first line end it meets for all of them).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { scanFile } from "../../src/adapters/csv/scan.js";

const dir = mkdtempSync(join(tmpdir(), "menerva-scan-"));
const scan = async (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return scanFile(path, { cutEvery: 16 });
};

test("CRLF only: cut after line feeds", async () => {
  const s = await scan("crlf.csv", "datum;uren\r\n01/02/2025;7,5\r\n02/02/2025;8\r\n");
  expect(s.crlfOnly).toBe(true);
  expect(s.cuts.every((c) => c > 0)).toBe(true);
});

test("LF only is not CRLF; mixed line ends and lone carriage returns are neither", async () => {
  expect((await scan("lf.csv", "a;b\n1;2\n")).crlfOnly).toBe(false);
  expect((await scan("mixed1.csv", "a;b\n1;2\r\n")).crlfOnly).toBe(false);
  expect((await scan("mixed2.csv", "a;b\r\n1;2\n3;4\r\n")).crlfOnly).toBe(false);
  expect((await scan("lone.csv", "a;b\r\n1;2\r3;4\r\n")).crlfOnly).toBe(false);
  expect((await scan("cr.csv", "a;b\r1;2\r")).crlfOnly).toBe(false);
});

test("a CRLF split over two reads still counts as one line end", async () => {
  // 1 MiB reads: put a CR as the last byte of the first read
  const first = "x".repeat((1 << 20) - 1) + "\r";
  const s = await scan("boundary.csv", Buffer.from(first + "\n1;2\r\n"));
  expect(s.crlfOnly).toBe(true);
  const t = await scan("boundary-lone.csv", Buffer.from(first + "1;2\r\n"));
  expect(t.crlfOnly).toBe(false);
});
