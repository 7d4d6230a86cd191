// A close killed at any moment, or started while another runs, never leaves a
// torn ledger or a half-written output file (issue 5 "Safety").
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { BIN, menerva, scratchFixtures, treeHashes } from "./helpers.js";

// English messages: the tests below read them (the config asks for Dutch).
const CLOSE = ["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--lang", "en"];

function killAfter(dir: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...CLOSE], { cwd: dir, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Every output file that exists is whole: JSON parses, CSV ends with a newline,
 * the workbook unzips. A kill may leave hidden `.name.*.tmp` files; they are
 * never outputs, and the next run removes them (checked at the end).
 */
function assertWholeFiles(outDir: string): void {
  if (!existsSync(outDir)) return;
  for (const f of readdirSync(outDir)) {
    const p = join(outDir, f);
    if (f.startsWith(".") && f.endsWith(".tmp")) continue;
    if (f.endsWith(".json")) JSON.parse(readFileSync(p, "utf8"));
    if (f.endsWith(".csv")) expect(readFileSync(p, "utf8").endsWith("\n")).toBe(true);
    if (f.endsWith(".xlsx")) expect(Object.keys(unzipSync(readFileSync(p))).length).toBeGreaterThan(5);
  }
}

describe("kill -9 during a close", () => {
  it("leaves a valid ledger and whole files, and the next run finishes the close exactly", async () => {
    const clean = scratchFixtures();
    expect(menerva(CLOSE, clean).code).toBe(0);
    const dir = scratchFixtures();
    for (let i = 0; i < 10; i++) {
      await killAfter(dir, 150 + ((i * 347) % 1500)); // spread over start-up, reading, writing and the final renames
      const verify = menerva(["ledger", "verify", "--config", "fixtures/menerva.yaml"], dir);
      expect(verify.code, verify.stderr + verify.stdout).toBe(0);
      const ledger = join(dir, "out/menerva-ledger.jsonl");
      if (existsSync(ledger)) expect(readFileSync(ledger, "utf8").trim().split("\n").length).toBeLessThanOrEqual(1);
      assertWholeFiles(join(dir, "out/2025-Q1"));
    }
    const last = menerva(CLOSE, dir);
    expect(last.code, last.stderr).toBe(0);
    expect(treeHashes(join(dir, "out/2025-Q1"))).toEqual(treeHashes(join(clean, "out/2025-Q1"))); // no temp file left either
    expect(readFileSync(join(dir, "out/menerva-ledger.jsonl"), "utf8")).toBe(readFileSync(join(clean, "out/menerva-ledger.jsonl"), "utf8"));
  }, 120_000);
});

describe("two closes at once", () => {
  it("the second fails fast (exit 3) while the first holds the lock, and writes nothing", () => {
    const dir = scratchFixtures();
    spawnSync("mkdir", ["-p", join(dir, "out")]);
    // a live holder: this test process
    writeFileSync(join(dir, "out/menerva-ledger.jsonl.lock"), JSON.stringify({ pid: process.pid, host: hostname(), started: "2025-01-01T00:00:00.000Z", token: "t" }));
    const r = menerva(CLOSE, dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`another menerva close is running (pid ${process.pid}, lock file out/menerva-ledger.jsonl.lock)`);
    expect(existsSync(join(dir, "out/2025-Q1"))).toBe(false);
    expect(existsSync(join(dir, "out/menerva-ledger.jsonl"))).toBe(false);
  });

  it("a stale lock from a dead process is taken over, with a notice on stderr", () => {
    const dir = scratchFixtures();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    spawnSync("mkdir", ["-p", join(dir, "out")]);
    writeFileSync(join(dir, "out/menerva-ledger.jsonl.lock"), JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started: "2025-01-01T00:00:00.000Z", token: "t" }));
    const r = menerva(CLOSE, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`took over a stale lock left by pid ${dead.stdout}`);
    expect(existsSync(join(dir, "out/menerva-ledger.jsonl.lock"))).toBe(false);
  });

  it("really concurrent closes: one appends, the other is refused or reproduces; the ledger has one record", async () => {
    const dir = scratchFixtures();
    const run = () =>
      new Promise<number>((resolve) => {
        const c = spawn(process.execPath, [BIN, ...CLOSE, "--formats", "json"], { cwd: dir, stdio: "ignore" });
        c.on("exit", (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([run(), run()]);
    expect(codes.filter((c) => c === 0).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c === 0 || c === 3)).toBe(true);
    expect(readFileSync(join(dir, "out/menerva-ledger.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
  });
});
