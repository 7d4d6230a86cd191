import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { formatIssue } from "../../src/domain/issues.js";
import {
  appendRecord,
  archivePathFor,
  lastRecord,
  LedgerError,
  readLedger,
  removeLastRecord,
  verifyLedger,
} from "../../src/ledger/ledger-file.js";
import { GENESIS_HASH, recordHash, sealRecord } from "../../src/ledger/record.js";
import { chain, monthBody, tempDir } from "./helpers.js";
import { readBooks } from "../../src/ledger/books.js";
import { BilledTable } from "../../src/ledger/billed-rows.js";

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await tempDir();
  path = join(dir, "menerva-ledger.jsonl");
});

async function writeChain(n: number): Promise<void> {
  let prev;
  for (let m = 1; m <= n; m++) {
    const rec = sealRecord(monthBody(m), prev);
    await appendRecord(path, rec);
    prev = rec;
  }
}

/** Read the ledger and return its single error, formatted, with the file name only. */
async function brokenMessage(): Promise<string> {
  const res = await readLedger(path);
  expect(res.ok).toBe(false);
  if (res.ok) return "";
  expect(res.issues).toHaveLength(1);
  return formatIssue({ ...res.issues[0]!, source: { ...res.issues[0]!.source!, file: "menerva-ledger.jsonl" }, hint: undefined });
}

const lines = async (): Promise<string[]> => (await readFile(path, "utf8")).split("\n").slice(0, -1);
const writeLines = (ls: string[]): Promise<void> => writeFile(path, ls.map((l) => `${l}\n`).join(""));

describe("sealRecord", () => {
  it("chains seq and prev_hash, keeps billed rows in input order, and hashes the content without the hash", () => {
    const first = sealRecord(monthBody(1, [`${"b".repeat(32)}#0`, `${"a".repeat(32)}#1`, `${"a".repeat(32)}#0`]), undefined);
    expect(first).toMatchObject({ seq: 1, prev_hash: GENESIS_HASH });
    expect(new BilledTable(first.billed).ids()).toEqual([`${"b".repeat(32)}#0`, `${"a".repeat(32)}#1`, `${"a".repeat(32)}#0`]);
    expect(first.hash).toBe(recordHash(first));
    const second = sealRecord(monthBody(2), first);
    expect(second).toMatchObject({ seq: 2, prev_hash: first.hash });
    expect(verifyLedger({ path, records: [first, second] })).toEqual([]);
  });

  it("is deterministic: the same body and previous record give the same hash", () => {
    expect(sealRecord(monthBody(3), undefined).hash).toBe(sealRecord(monthBody(3), undefined).hash);
    expect(sealRecord(monthBody(3), undefined).hash).not.toBe(sealRecord({ ...monthBody(3), closing_reserve: "30.01" }, undefined).hash);
  });

  it("refuses floats in a record (money must be text)", () => {
    expect(() => sealRecord({ ...monthBody(1), totals: { revenue: 100.5 } }, undefined)).toThrow(/safe integer/);
  });
});

describe("readLedger / appendRecord", () => {
  it("a missing file is an empty ledger", async () => {
    const res = await readLedger(path);
    expect(res).toMatchObject({ ok: true, value: { records: [] } });
  });

  it("appends records as canonical lines and reads them back verified", async () => {
    await writeChain(3);
    const res = await readLedger(path);
    if (!res.ok) throw new Error(res.issues.map(formatIssue).join("\n"));
    expect(res.value.records.map((r) => r.period)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(lastRecord(res.value)?.seq).toBe(3);
    expect((await lines()).length).toBe(3);
    expect((await readdir(dir)).sort()).toEqual(["menerva-ledger.jsonl", "menerva-ledger.jsonl.head"]); // no temp files left
  });

  it("refuses to append a record that does not chain onto the last one", async () => {
    await writeChain(2);
    const stale = sealRecord(monthBody(3), chain(1)[0]); // built on record 1, not 2
    await expect(appendRecord(path, stale)).rejects.toBeInstanceOf(LedgerError);
    expect((await lines()).length).toBe(2);
  });

  it("the closed books map each billed row id to the close that billed it, a later billing winning", async () => {
    await writeChain(2);
    const res = await readLedger(path);
    if (!res.ok) throw new Error("unreadable");
    const books = readBooks(res.value.records);
    const period = (id: string) => books.records[books.rows.get(id)!.record]!.period;
    // "ab…#0" is billed by both records (the helper's fixed id): the later one holds it now
    expect(period(`${"ab".repeat(16)}#0`)).toBe("2025-02");
    expect(period(`${"cd".repeat(16)}#1`)).toBe("2025-01");
    expect(period(`${"cd".repeat(16)}#2`)).toBe("2025-02");
    expect(books.rows.size).toBe(3);
  });
});

describe("tampering is detected and the first broken record is named", () => {
  beforeEach(() => writeChain(4));

  it("an amount edited in place (hash left alone)", async () => {
    const ls = await lines();
    ls[1] = ls[1]!.replace('"closing_reserve":"20.00"', '"closing_reserve":"25.00"');
    await writeLines(ls);
    expect(await brokenMessage()).toBe("menerva-ledger.jsonl:2: record 2 (2025-02): hash does not match its content");
  });

  it("an amount edited and that record's hash recomputed: the next record no longer follows", async () => {
    const ls = await lines();
    const rec = JSON.parse(ls[1]!);
    rec.totals.revenue = "999.00";
    rec.hash = recordHash(rec);
    const { canonicalJson } = await import("../../src/ledger/canonical-json.js");
    ls[1] = canonicalJson(rec);
    await writeLines(ls);
    expect(await brokenMessage()).toMatch(/^menerva-ledger\.jsonl:3: record 3 \(2025-03\): does not follow record 2 \(2025-02\)/);
  });

  it("a record deleted", async () => {
    const ls = await lines();
    ls.splice(1, 1);
    await writeLines(ls);
    expect(await brokenMessage()).toMatch(/^menerva-ledger\.jsonl:2: record 3 \(2025-03\): is on line 2 but numbered 3/);
  });

  it("the last record deleted leaves a sound chain, but the head beside the ledger notices it", async () => {
    const ls = await lines();
    await writeLines(ls.slice(0, -1));
    expect(await brokenMessage()).toMatch(/^menerva-ledger\.jsonl:4: the ledger has 3 records but its head says 4 \(the last one closing 2025-04\): the last record was removed/);
  });

  it("removing the last record the way --reopen does renews the head: no tampering", async () => {
    await removeLastRecord(path, archivePathFor(path));
    expect((await readLedger(path)).ok).toBe(true);
  });

  it("two records swapped", async () => {
    const ls = await lines();
    [ls[1], ls[2]] = [ls[2]!, ls[1]!];
    await writeLines(ls);
    expect(await brokenMessage()).toMatch(/^menerva-ledger\.jsonl:2: record 3 \(2025-03\): is on line 2 but numbered 3/);
  });

  it("a truncated last line", async () => {
    const text = await readFile(path, "utf8");
    await writeFile(path, text.slice(0, text.length - 40));
    expect(await brokenMessage()).toMatch(/^menerva-ledger\.jsonl:4: record 4: truncated or not valid JSON \(got "/);
  });

  it("trailing garbage after the last record", async () => {
    await writeFile(path, `${await readFile(path, "utf8")}garbage\n`);
    expect(await brokenMessage()).toMatch(/^menerva-ledger\.jsonl:5: record 5: truncated or not valid JSON \(got "garbage"\)/);
  });

  it("a record reformatted by hand (same content, other spacing or key order)", async () => {
    const ls = await lines();
    ls[2] = JSON.stringify(JSON.parse(ls[2]!), null, 1).replace(/\n/g, "");
    await writeLines(ls);
    expect(await brokenMessage()).toBe("menerva-ledger.jsonl:3: record 3 (2025-03): is not in canonical form (edited by hand?)");
  });

  it("a blank line inserted", async () => {
    const ls = await lines();
    ls.splice(2, 0, "");
    await writeLines(ls);
    expect(await brokenMessage()).toBe("menerva-ledger.jsonl:3: record 3: blank line inside the ledger");
  });

  it("a line that is JSON but not a record", async () => {
    await writeFile(path, `${await readFile(path, "utf8")}{"seq":5}\n`);
    expect(await brokenMessage()).toMatch(/^menerva-ledger\.jsonl:5: record 5: not a ledger record: /);
  });

  it("appendRecord refuses a tampered ledger and leaves it untouched", async () => {
    const ls = await lines();
    ls[0] = ls[0]!.replace('"revenue":"100.00"', '"revenue":"101.00"');
    await writeLines(ls);
    const before = await readFile(path, "utf8");
    const rec = sealRecord(monthBody(5), undefined);
    await expect(appendRecord(path, rec)).rejects.toBeInstanceOf(LedgerError);
    expect(await readFile(path, "utf8")).toBe(before);
  });
});

describe("removeLastRecord (--reopen)", () => {
  it("removes the last record and keeps it in the archive", async () => {
    await writeChain(3);
    const before = await lines();
    const archive = archivePathFor(path);
    expect(archive).toBe(join(dir, "menerva-ledger.archive.jsonl"));
    const removed = await removeLastRecord(path, archive);
    expect(removed.period).toBe("2025-03");
    expect(await lines()).toEqual(before.slice(0, 2));
    expect(await readFile(archive, "utf8")).toBe(`${before[2]}\n`);
    // reopening again appends to the archive, and the ledger stays valid
    await removeLastRecord(path, archive);
    expect(await readFile(archive, "utf8")).toBe(`${before[2]}\n${before[1]}\n`);
    const res = await readLedger(path);
    expect(res.ok && res.value.records.length).toBe(1);
    // and the period can be closed again on top
    await appendRecord(path, sealRecord(monthBody(2), res.ok ? res.value.records[0] : undefined));
    expect((await readLedger(path)).ok).toBe(true);
  });

  it("refuses an empty ledger", async () => {
    await expect(removeLastRecord(path, archivePathFor(path))).rejects.toBeInstanceOf(LedgerError);
  });
});

describe("any one-character change anywhere in the ledger file is detected", () => {
  test.prop([fc.nat(), fc.constantFrom("0", "1", "a", "f", '"', ",", ":", "}", " ", "\n", "x", "9")], { numRuns: 150 })(
    "replacing one character breaks the read",
    async (pos, ch) => {
      await rm(path, { force: true });
      await writeChain(3);
      expect((await readLedger(path)).ok).toBe(true);
      const text = await readFile(path, "utf8");
      const at = pos % text.length;
      fc.pre(text[at] !== ch);
      await writeFile(path, text.slice(0, at) + ch + text.slice(at + 1));
      expect((await readLedger(path)).ok).toBe(false);
    },
  );
});

describe("a ledger of the first format (row ids only)", () => {
  it("is named as such, with what to do", async () => {
    const { canonicalJson } = await import("../../src/ledger/canonical-json.js");
    const { billed: _b, reversed: _r, own: _o, corrections: _c, ...rest } = sealRecord(monthBody(1), undefined);
    await writeFile(path, `${canonicalJson({ ...rest, included: [`${"ab".repeat(16)}#0`] })}\n`);
    const res = await readLedger(path);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(formatIssue(res.issues[0]!)).toContain("record 1: was written by an earlier menerva, before corrections of closed periods");
  });
});
