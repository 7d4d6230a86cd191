// A kill between the renames of an undo or a reopen leaves a ledger that reads
// as before or as after, never as one that lost a record: an undo renames the
// head before the ledger, a reopen the ledger before the head (ledger-file.ts).
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

// Every rename goes through here; `killAfter` stops the process's renames after n of them, as a kill would.
const kill = { after: Infinity, done: 0 };
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (kill.done++ >= kill.after) throw new Error("killed");
      return fs.rename(from, to);
    },
  };
});

const { appendRecord, archivePathFor, readLedger, removeLastRecord, replaceLastRecord } = await import("../../src/ledger/ledger-file.js");
const { sealRecord } = await import("../../src/ledger/record.js");
const { chain, monthBody, tempDir } = await import("./helpers.js");

async function ledgerOf(n: number): Promise<string> {
  const path = join(await tempDir(), "menerva-ledger.jsonl");
  for (const r of chain(n)) await appendRecord(path, r);
  return path;
}

async function killedAfter<T>(n: number, f: () => Promise<T>): Promise<void> {
  kill.after = n;
  kill.done = 0;
  await expect(f()).rejects.toThrow("killed");
  kill.after = Infinity;
}

describe("a kill inside an undo or a reopen", () => {
  it("undo: after any rename the ledger reads, with the record or without it", async () => {
    for (const n of [1, 2]) {
      const path = await ledgerOf(2);
      await killedAfter(n, () => removeLastRecord(path, archivePathFor(path)));
      const read = await readLedger(path);
      expect(read.ok, `killed after ${n} renames: ${read.ok ? "" : read.issues.map((i) => i.message).join("; ")}`).toBe(true);
      if (read.ok) expect(read.value.records.length).toBe(2); // the ledger itself is renamed last: the undo did not happen yet
    }
  });

  it("reopen: after any rename the ledger reads, with the old record or the new one", async () => {
    for (const n of [1, 2]) {
      const path = await ledgerOf(2);
      const redone = sealRecord({ ...monthBody(2), closing_reserve: "1.00" }, chain(1)[0]);
      await killedAfter(n, () => replaceLastRecord(path, archivePathFor(path), redone));
      const read = await readLedger(path);
      expect(read.ok, `killed after ${n} renames`).toBe(true);
    }
  });
});
