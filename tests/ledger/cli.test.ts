// `menerva ledger list|show|verify` run in-process on real ledger files.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { registerLedger } from "../../src/cli/commands/ledger.js";
import { UserError } from "../../src/cli/errors.js";
import { appendRecord } from "../../src/ledger/ledger-file.js";
import { sealRecord } from "../../src/ledger/record.js";
import { monthBody, tempDir } from "./helpers.js";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const program = new Command("menerva").exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerLedger(program);
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((err += String(s)), true));
  try {
    await program.parseAsync(["node", "menerva", ...args]);
    return { code: 0, out, err };
  } catch (x) {
    if (x instanceof UserError) return { code: x.exitCode, out, err: err + x.render() };
    if (x instanceof CommanderError) return { code: 2, out, err: err + x.message };
    throw x;
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

let dir: string;
let ledger: string;
beforeEach(async () => {
  dir = await tempDir();
  await mkdir(join(dir, "books"));
  await mkdir(join(dir, "exports"));
  ledger = join(dir, "books", "ledger.jsonl");
  await writeFile(join(dir, "menerva.yaml"), "project: MENERVA\nledger: books/ledger.jsonl # beside the books\n");
  let prev;
  for (let m = 1; m <= 3; m++) {
    prev = sealRecord({ ...monthBody(m), inputs: [{ kind: "hours", file: "../exports/uren.csv", sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", rows: 0 }] }, prev);
    await appendRecord(ledger, prev);
  }
  await writeFile(join(dir, "exports", "uren.csv"), ""); // sha256 of empty text, as recorded
});

const config = (): string[] => ["--config", join(dir, "menerva.yaml")];

describe("menerva ledger list", () => {
  it("prints periods, reserve history and totals as a table, using the config's ledger path", async () => {
    const r = await run(["ledger", "list", ...config()]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    // the config has no language: it speaks Dutch, like its statements (one language at a time)
    expect(lines[0]).toMatch(/books\/ledger\.jsonl: 3 afgesloten periodes, keten in orde$/);
    expect(lines[1]).toMatch(/^#\s+periode\s+van\s+tot\s+rijen\s+correcties\s+omzet\s+beginreserve\s+eindreserve\s+hash\s+documenten$/);
    expect(lines[2]).toMatch(/^1\s+2025-01\s+2025-01-01\s+2025-01-31\s+2\s+0\s+100,00\s+0,00\s+10,00\s+[0-9a-f]{12}$/);
    expect(lines).toHaveLength(5);
    const en = (await run(["ledger", "list", ...config(), "--lang", "en"])).out.split("\n");
    expect(en[0]).toMatch(/books\/ledger\.jsonl: 3 closed periods, chain verified$/);
    expect(en[1]).toMatch(/^#\s+period\s+from\s+to\s+rows\s+corrections\s+revenue\s+opening reserve\s+closing reserve\s+hash\s+documents$/);
    expect(en[2]).toMatch(/\s100\.00\s+0\.00\s+10\.00\s/);
  });

  it("--json gives the same periods without row ids, byte-identical across runs", async () => {
    const a = await run(["ledger", "list", "--ledger", ledger, "--json"]);
    const b = await run(["ledger", "list", "--ledger", ledger, "--json"]);
    expect(a.out).toBe(b.out);
    const data = JSON.parse(a.out);
    expect(data.verified).toBe(true);
    expect(data.periods.map((p: { period: string }) => p.period)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(data.periods[2]).toMatchObject({ opening_reserve: "20.00", closing_reserve: "30.00", billed_rows: 2, reversed_rows: 0, totals: { revenue: "300.00" } });
    expect(data.periods[0].billed).toBeUndefined();
  });

  it("an empty or missing ledger lists nothing, successfully", async () => {
    const r = await run(["ledger", "list", "--ledger", join(dir, "none.jsonl")]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain("no closed periods yet");
  });

  it("a missing config is a usage problem (exit 2) with a hint", async () => {
    const r = await run(["ledger", "list", "--config", join(dir, "nope.yaml")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("config file not found");
    expect(r.err).toContain("--ledger PATH");
  });
});

describe("menerva ledger show", () => {
  it("shows one period's record as text", async () => {
    const r = await run(["ledger", "show", "2025-02", "--ledger", ledger]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^record 2: 2025-02 \(2025-02-01\.\.2025-02-28\)\n/);
    // no config here (--ledger only): the environment's language, English in the tests
    expect(r.out).toMatch(/shares\.A\s+100\.00/);
    expect(r.out).toMatch(/closing reserve\s+20\.00/);
    const nl = await run(["ledger", "show", "2025-02", "--ledger", ledger, "--lang", "nl"]);
    expect(nl.out).toMatch(/shares\.A\s+100,00/);
    expect(nl.out).toMatch(/eindreserve\s+20,00/);
    expect(nl.out).toMatch(/^totalen:$/m);
  });

  it("--json --fingerprints includes the row ids", async () => {
    const r = await run(["ledger", "show", "2025-02", "--ledger", ledger, "--json", "--fingerprints"]);
    expect(JSON.parse(r.out).billed_ids).toEqual([`${"ab".repeat(16)}#0`, `${"cd".repeat(16)}#2`]);
  });

  it("an unknown period exits 2 and lists the closed ones", async () => {
    const r = await run(["ledger", "show", "2025-07", "--ledger", ledger]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("is not a closed period in the ledger");
    expect(r.err).toContain("closed periods: 2025-01, 2025-02, 2025-03");
  });

  it("a text that is no period at all says so, with how to write one (not \"not closed\")", async () => {
    const r = await run(["ledger", "show", "2025-Q9", "--ledger", ledger]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('PERIOD: not a period (got "2025-Q9")');
    expect(r.err).not.toContain("is not a closed period");
  });
});

describe("menerva ledger verify", () => {
  it("reports a sound chain with exit 0", async () => {
    const r = await run(["ledger", "verify", "--ledger", ledger]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 records, chain verified \(last hash [0-9a-f]{12}\)\n$/);
    expect((await run(["ledger", "verify", ...config()])).out).toMatch(/3 records, keten in orde \(laatste hash [0-9a-f]{12}\)\n$/);
  });

  it("exits 3 naming the first broken record when an amount was edited", async () => {
    const text = await readFile(ledger, "utf8");
    await writeFile(ledger, text.replace('"revenue":"200.00"', '"revenue":"2000.00"'));
    const r = await run(["ledger", "verify", ...config()]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/ledger\.jsonl:2: record 2 \(2025-02\): de hash past niet bij de inhoud\n  tip: /);
    expect(r.err).toContain("het grootboek klopt niet; er werd niets gewijzigd.");
    const en = await run(["ledger", "verify", ...config(), "--lang", "en"]);
    expect(en.err).toMatch(/ledger\.jsonl:2: record 2 \(2025-02\): hash does not match its content\n  hint: /);
    expect(en.err).toContain("the ledger does not verify; nothing was changed.");
    // list and show refuse a broken ledger as well
    expect((await run(["ledger", "list", ...config()])).code).toBe(3);
  });

  it("--inputs re-reads the config's exports: without a readable config it is a usage problem (exit 2)", async () => {
    const r = await run(["ledger", "verify", "--ledger", ledger, "--inputs", "--config", join(dir, "nope.yaml")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("config file not found");
  });
});
