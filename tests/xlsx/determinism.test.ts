// Same workbook, same bytes: across runs in one process, and across processes
// in different time zones (zip entry times and dates must not follow the TZ).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { strFromU8 } from "fflate";
import { describe, expect, test } from "vitest";
import { FIXED_DOC_DATE, toDeterministicXlsx, unzipParts } from "../../src/adapters/xlsx/deterministic.js";
import { SAMPLE_CHARTS, sampleWorkbook } from "./fixtures/sample-workbook.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("deterministic xlsx", () => {
  test("two writes of the same workbook are byte-identical", async () => {
    const a = await toDeterministicXlsx(sampleWorkbook(), { charts: SAMPLE_CHARTS });
    await new Promise((r) => setTimeout(r, 1100)); // the wall clock moves on; the bytes must not
    const b = await toDeterministicXlsx(sampleWorkbook(), { charts: SAMPLE_CHARTS });
    expect(sha(a)).toBe(sha(b));
  });

  test("no wall clock or user name in the metadata", async () => {
    const parts = unzipParts(await toDeterministicXlsx(sampleWorkbook()));
    const core = strFromU8(parts.get("docProps/core.xml")!);
    expect(FIXED_DOC_DATE.toISOString()).toBe("2000-01-01T00:00:00.000Z");
    expect(core).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>");
    expect(core).toContain("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:modified>");
    expect(core).toContain("<dc:creator>menerva</dc:creator>");
    const year = String(new Date().getUTCFullYear());
    for (const [name, data] of parts) {
      if (name.endsWith(".xml")) expect(strFromU8(data), name).not.toContain(`${year}-`);
    }
  });

  test("zip entries: content types first, fixed 1980-01-01 time", async () => {
    const bytes = await toDeterministicXlsx(sampleWorkbook(), { charts: SAMPLE_CHARTS });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // first local file header: signature, then name at offset 30
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    const nameLen = view.getUint16(26, true);
    expect(new TextDecoder().decode(bytes.subarray(30, 30 + nameLen))).toBe("[Content_Types].xml");
    expect(view.getUint16(10, true)).toBe(0); // DOS time 00:00:00
    expect(view.getUint16(12, true)).toBe((0 << 9) | (1 << 5) | 1); // DOS date 1980-01-01
  });

  test("identical bytes in other time zones (child processes)", () => {
    const script = "tests/xlsx/fixtures/print-sha.ts";
    const out = ["UTC", "America/New_York", "Europe/Brussels", "Pacific/Kiritimati"].map((tz) =>
      execFileSync(process.execPath, ["--import", "tsx", script], { env: { ...process.env, TZ: tz }, encoding: "utf8" }).trim(),
    );
    expect(out[0]).toMatch(/^[0-9a-f]{64} [0-9a-f]{64}$/);
    expect(new Set(out).size).toBe(1);
  }, 120_000);
});
