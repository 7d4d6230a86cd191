// Issue 13 "a ledger that notices every loss": the head beside the ledger,
// outputs that switch as one set (a kill between renames is detected and
// repaired), and a ledger reached through a symbolic link.
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputSet, repairOutputSet, repairOutputSets, writeOutputSet, type SwitchOps } from "../../src/adapters/output-folder.js";
import { appendRecord, archivePathFor, readLedger, replaceLastRecord } from "../../src/ledger/ledger-file.js";
import { headPathFor } from "../../src/ledger/ledger-head.js";
import { sealRecord } from "../../src/ledger/record.js";
import { menerva, scratchFixtures } from "../cli/helpers.js";
import { chain, monthBody, tempDir } from "./helpers.js";
import { render } from "../../src/i18n/render.js";

async function ledgerOf(n: number): Promise<string> {
  const path = join(await tempDir(), "menerva-ledger.jsonl");
  for (const r of chain(n)) await appendRecord(path, r);
  return path;
}
const codes = async (path: string): Promise<string[]> => {
  const r = await readLedger(path);
  return r.ok ? r.warnings.map((w) => w.code) : r.issues.map((i) => i.code);
};

describe("the ledger's head", () => {
  it("is renewed with every append and names the count and last hash", async () => {
    const path = await ledgerOf(3);
    const head = JSON.parse(await readFile(headPathFor(path), "utf8"));
    expect(head).toMatchObject({ count: 3, last_period: "2025-03", ledger: "menerva-ledger.jsonl" });
    expect(head.last_hash).toBe(chain(3)[2]!.hash);
  });

  it("refuses a ledger that lost records, and one deleted whole", async () => {
    const path = await ledgerOf(3);
    const lines = (await readFile(path, "utf8")).split("\n");
    await writeFile(path, `${lines.slice(0, 1).join("\n")}\n`);
    expect(await codes(path)).toEqual(["ledger-shorter-than-head"]);
    await rm(path);
    expect(await codes(path)).toEqual(["ledger-shorter-than-head"]);
  });

  it("accepts a head one append behind (a kill between the two renames) and renews it at the next append", async () => {
    const path = await ledgerOf(2);
    const behind = await readFile(headPathFor(path), "utf8");
    await appendRecord(path, chain(3)[2]!);
    await writeFile(headPathFor(path), behind); // as if killed after the ledger's rename
    expect(await codes(path)).toEqual(["ledger-head-lags"]); // accepted, and said
    await appendRecord(path, sealRecord(monthBody(4), chain(3)[2]));
    expect(JSON.parse(await readFile(headPathFor(path), "utf8")).count).toBe(4);
  });

  it("accepts a head naming the record an interrupted --reopen archived, and nothing else", async () => {
    const path = await ledgerOf(3);
    const before = await readFile(headPathFor(path), "utf8");
    const replacement = sealRecord({ ...monthBody(3), closing_reserve: "99.00" }, chain(2)[1]);
    await replaceLastRecord(path, archivePathFor(path), replacement);
    await writeFile(headPathFor(path), before); // killed after archive and ledger, before the head
    expect(await codes(path)).toEqual(["ledger-head-lags"]);
    await rm(archivePathFor(path)); // without the archive, the replaced record is a changed ledger
    expect(await codes(path)).toEqual(["ledger-head-mismatch"]);
  });

  it("warns when a ledger has no head (copied without it), and a damaged head is refused", async () => {
    const path = await ledgerOf(2);
    await rm(headPathFor(path));
    expect(await codes(path)).toEqual(["ledger-no-head"]);
    await writeFile(headPathFor(path), "not json\n");
    expect(await codes(path)).toEqual(["ledger-head-unreadable"]);
  });
});

/** A rename that stops the process's work after `n` renames, as a kill would. */
function killAfter(n: number): SwitchOps {
  let done = 0;
  return {
    rename: async (from, to) => {
      if (done++ >= n) throw new Error("killed");
      const { rename } = await import("node:fs/promises");
      await rename(from, to);
    },
  };
}

describe("outputs switch as one set", () => {
  const files = (dir: string, v: string) => [
    { path: join(dir, "summary.json"), data: `{"v":"${v}"}\n` },
    { path: join(dir, "invoices.csv"), data: `a,b\n${v},1\n` },
    { path: join(dir, "statement.xlsx"), data: new TextEncoder().encode(`xlsx ${v}`) },
  ];

  it("a kill between any two renames leaves a set that is detected, then finished by the next run", async () => {
    for (let k = 0; k <= 3; k++) {
      const dir = join(await tempDir(), "2025-Q1");
      await writeOutputSet(dir, files(dir, "old"));
      expect(await checkOutputSet(dir)).toEqual({ status: "ok", files: 3 });
      await expect(writeOutputSet(dir, files(dir, "new"), killAfter(k))).rejects.toThrow("killed");
      // some files new, some old: never taken for a whole set
      expect((await checkOutputSet(dir)).status).toBe("interrupted");
      expect(await repairOutputSet(dir)).toBe(true);
      expect(await checkOutputSet(dir)).toEqual({ status: "ok", files: 3 });
      expect(await readFile(join(dir, "summary.json"), "utf8")).toBe('{"v":"new"}\n');
      expect(await readFile(join(dir, "invoices.csv"), "utf8")).toBe("a,b\nnew,1\n");
      expect((await readdir(dir)).sort()).toEqual(["SHA256SUMS", "invoices.csv", "statement.xlsx", "summary.json"]);
    }
  });

  it("a kill before the journal is written leaves the old set untouched; the temps go", async () => {
    const dir = join(await tempDir(), "2025-Q1");
    await writeOutputSet(dir, files(dir, "old"));
    await writeFile(join(dir, ".summary.json.123-abc.tmp"), "half");
    expect(await repairOutputSet(dir)).toBe(false);
    expect(await checkOutputSet(dir)).toEqual({ status: "ok", files: 3 });
    expect(await readdir(dir)).not.toContain(".summary.json.123-abc.tmp");
  });

  it("a close's repair scan leaves folders that are not output sets alone (another command may be writing there)", async () => {
    const root = await tempDir();
    await mkdir(join(root, "costprice"));
    await writeFile(join(root, "costprice", ".costprice.csv.42-abc.tmp"), "being written");
    expect(await repairOutputSets(root)).toEqual([]);
    expect(await readdir(join(root, "costprice"))).toEqual([".costprice.csv.42-abc.tmp"]);
  });

  it("a set with fewer files removes the previous set's others; a changed file is reported", async () => {
    const dir = join(await tempDir(), "2025-Q1");
    await writeOutputSet(dir, files(dir, "old"));
    await writeFile(join(dir, "notes.txt"), "mine");
    await writeOutputSet(dir, files(dir, "new").slice(0, 1));
    expect((await readdir(dir)).sort()).toEqual(["SHA256SUMS", "notes.txt", "summary.json"]); // never a file menerva did not write
    await writeFile(join(dir, "summary.json"), "edited");
    const check = await checkOutputSet(dir);
    expect(check.status).toBe("changed");
    expect("problems" in check ? check.problems.map((p) => render(p, "en")) : []).toEqual(["summary.json: does not match SHA256SUMS (changed, or left from another close)"]);
  });
});

describe("from the CLI", () => {
  const CLOSE = ["close", "2025-Q1", "--config", "fixtures/menerva.yaml"];

  it("ledger verify --outputs flags an interrupted switch (exit 3) and the next close finishes it", async () => {
    const dir = scratchFixtures();
    expect(menerva(CLOSE, dir).code).toBe(0);
    const out = join(dir, "out/2025-Q1");
    expect(menerva(["ledger", "verify", "--outputs", "--config", "fixtures/menerva.yaml"], dir).code).toBe(0);
    // Simulate a kill after the first rename of a rewrite: a journal, one file already new.
    const sums = readFileSync(join(out, "SHA256SUMS"), "utf8");
    const summary = readFileSync(join(out, "summary.json"), "utf8");
    writeFileSync(join(out, ".SHA256SUMS.99-x.tmp"), sums);
    writeFileSync(join(out, ".summary.json.99-x.tmp"), summary);
    writeFileSync(join(out, "summary.json"), "{}\n");
    const v = menerva(["ledger", "verify", "--outputs", "--config", "fixtures/menerva.yaml"], dir);
    expect(v.code).toBe(3);
    // the example's config speaks Dutch
    expect(v.stdout).toContain("2025-Q1: out/2025-Q1: het schrijven van de uitvoer werd onderbroken");
    const again = menerva(["close", "2025-04", "--config", "fixtures/menerva.yaml", "--lang", "en"], dir); // any later close repairs
    expect(again.stderr).toContain("out/2025-Q1: warning: finished writing the outputs of an interrupted close");
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe(summary);
    expect(menerva(["ledger", "verify", "--outputs", "--config", "fixtures/menerva.yaml"], dir).code).toBe(0);
  });

  it("a ledger that is a symbolic link is written through to its target; the link stays", () => {
    const dir = scratchFixtures();
    const target = mkdtempSync(join(tmpdir(), "menerva-ledger-target-"));
    const cfg = readFileSync(join(dir, "fixtures/menerva.yaml"), "utf8").replace("ledger: ../out/menerva-ledger.jsonl", "ledger: link.jsonl");
    writeFileSync(join(dir, "fixtures/menerva.yaml"), cfg);
    symlinkSync(join(target, "real.jsonl"), join(dir, "fixtures/link.jsonl"));
    expect(menerva(CLOSE, dir).code).toBe(0);
    expect(lstatSync(join(dir, "fixtures/link.jsonl")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "fixtures/link.jsonl"))).toBe(join(target, "real.jsonl"));
    expect(readFileSync(join(target, "real.jsonl"), "utf8").split("\n")).toHaveLength(2);
    expect(existsSync(join(target, "real.jsonl.head"))).toBe(true);
    expect(menerva(["ledger", "verify", "--config", "fixtures/menerva.yaml"], dir).code).toBe(0);
  });

  it("the last record deleted by hand is noticed by verify and by the next close; restored, all is well", async () => {
    const dir = scratchFixtures();
    for (const p of ["2025-01", "2025-02"]) expect(menerva(["close", p, "--config", "fixtures/menerva.yaml"], dir).code).toBe(0);
    const ledger = join(dir, "out/menerva-ledger.jsonl");
    const full = readFileSync(ledger, "utf8");
    writeFileSync(ledger, `${full.split("\n")[0]}\n`);
    expect(menerva(["ledger", "verify", "--config", "fixtures/menerva.yaml"], dir).code).toBe(3);
    expect(menerva(["close", "2025-03", "--config", "fixtures/menerva.yaml"], dir).code).toBe(3);
    writeFileSync(ledger, full);
    expect(menerva(["close", "2025-03", "--config", "fixtures/menerva.yaml"], dir).code).toBe(0);
  });

  it("an archive lost after an undo --credit is noticed before a close could issue its document numbers again", () => {
    const dir = scratchFixtures();
    const cfg = ["--config", "fixtures/menerva.yaml", "--lang", "en"];
    expect(menerva(CLOSE, dir).code).toBe(0);
    expect(menerva(["ledger", "undo", "--credit", ...cfg], dir).code).toBe(0);
    // the ledger is empty now; MEN2025-0001..0006 (three invoices, three credit notes) live in the archive alone
    const head = headPathFor(join(dir, "out/menerva-ledger.jsonl"));
    expect(JSON.parse(readFileSync(head, "utf8"))).toMatchObject({ count: 0, documents: 6 });
    const archive = join(dir, "out/menerva-ledger.archive.jsonl");
    const kept = readFileSync(archive, "utf8");
    rmSync(archive);
    const close = menerva([...CLOSE, "--lang", "en"], dir);
    expect(close.code).toBe(3);
    expect(close.stderr).toContain(
      "out/menerva-ledger.jsonl.head: the ledger's head counts 6 issued document numbers, but the ledger and its archive (out/menerva-ledger.archive.jsonl) hold 0: the archive, or records in it, went missing",
    );
    expect(close.stderr).toContain("a close now could issue numbers that were already sent");
    expect(existsSync(join(dir, "out/2025-Q1/invoices/MEN2025-0007.xml"))).toBe(false);
    expect(menerva(["ledger", "verify", ...cfg], dir).code).toBe(3);
    // put back: the close numbers on after the credit notes
    writeFileSync(archive, kept);
    const again = menerva([...CLOSE, "--json", "--formats", "json"], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).documents.filter((d: { status: string }) => d.status === "new").map((d: { number: string }) => d.number)).toEqual(["MEN2025-0007", "MEN2025-0008", "MEN2025-0009"]);
    expect(JSON.parse(readFileSync(head, "utf8"))).toMatchObject({ count: 1, documents: 9 });
  });
});

