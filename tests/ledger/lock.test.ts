import { spawn, spawnSync } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { acquireLock, lockPathFor } from "../../src/ledger/lock.js";
import { tempDir } from "./helpers.js";
import { issueMessage, render } from "../../src/i18n/render.js";

const CHILD = join(import.meta.dirname, "child-lock.ts");

type ChildResult = { ok: boolean; pid: number; issues?: { code: string; message: string; hint?: string }[]; warnings?: { code: string }[] };

/** Start a child that takes the lock and holds it; resolves with its report once printed, and its exit. */
function lockChild(ledger: string, holdMs: number): { report: Promise<ChildResult>; exited: Promise<number | null>; kill: () => void } {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, ledger, String(holdMs)], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  const report = new Promise<ChildResult>((resolvePromise) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolvePromise(JSON.parse(out.split("\n")[0]!) as ChildResult);
    });
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { report, exited, kill: () => void child.kill("SIGKILL") };
}

let dir: string;
let ledger: string;
beforeEach(async () => {
  dir = await tempDir();
  ledger = join(dir, "menerva-ledger.jsonl");
});

describe("acquireLock", () => {
  it("writes <ledger>.lock with pid and host, and release removes it", async () => {
    const lock = await acquireLock(ledger);
    if (!lock.ok) throw new Error("not acquired");
    expect(lock.warnings).toEqual([]);
    const info = JSON.parse(await readFile(lockPathFor(ledger), "utf8"));
    expect(info).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.value.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it("a second acquirer in the same process fails while the first holds the lock", async () => {
    const first = await acquireLock(ledger);
    expect(first.ok).toBe(true);
    const second = await acquireLock(ledger);
    expect(second.ok).toBe(false);
    if (first.ok) await first.value.release();
    const third = await acquireLock(ledger);
    expect(third.ok).toBe(true);
    if (third.ok) await third.value.release();
  });

  it("a second process fails fast with the holder's pid and the lock file, while the first holds it", async () => {
    const a = lockChild(ledger, 4000);
    const ra = await a.report;
    expect(ra.ok).toBe(true);
    const started = Date.now();
    const b = lockChild(ledger, 0);
    const rb = await b.report;
    expect(rb.ok).toBe(false);
    expect(rb.issues![0]!.code).toBe("ledger-locked");
    expect(issueMessage(rb.issues![0]!)).toMatch(new RegExp(`^another menerva close is running \\(pid ${ra.pid}, lock file .*menerva-ledger\\.jsonl\\.lock\\)$`));
    expect(render(rb.issues![0]!.hint!, "en")).toMatch(/delete .*menerva-ledger\.jsonl\.lock/);
    expect(await b.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(3900); // failed before the holder let go
    await a.exited;
    expect(await readdir(dir)).toEqual([]); // released
  });

  it("of several processes starting at once, exactly one gets the lock", async () => {
    // the winner holds on until every child has reported, however slowly they start
    const kids = Array.from({ length: 5 }, () => lockChild(ledger, 60_000));
    const reports = await Promise.all(kids.map((k) => k.report));
    for (const k of kids) k.kill();
    await Promise.all(kids.map((k) => k.exited));
    expect(reports.filter((r) => r.ok)).toHaveLength(1);
    expect(reports.filter((r) => !r.ok).every((r) => r.issues![0]!.code === "ledger-locked")).toBe(true);
  });

  it("a stale lock from a dead process is detected, reported and taken over", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout);
    await writeFile(lockPathFor(ledger), JSON.stringify({ pid: deadPid, host: hostname(), started: "2025-01-01T00:00:00.000Z", token: "old" }));
    await writeFile(join(dir, ".menerva-ledger.jsonl.123-abc.tmp"), "half a ledger"); // left by the killed close
    const lock = await acquireLock(ledger);
    if (!lock.ok) throw new Error(JSON.stringify(lock.issues));
    expect(lock.warnings).toHaveLength(1);
    expect(lock.warnings[0]).toMatchObject({ code: "stale-lock" });
    expect(issueMessage(lock.warnings[0]!)).toContain(`pid ${deadPid}`);
    expect(JSON.parse(await readFile(lockPathFor(ledger), "utf8")).pid).toBe(process.pid);
    expect(await readdir(dir)).toEqual(["menerva-ledger.jsonl.lock"]); // the dead writer's temp file is gone
    await lock.value.release();
  });

  it("a lock held by a live process is not taken over, even one that is not a menerva close", async () => {
    await writeFile(lockPathFor(ledger), JSON.stringify({ pid: process.ppid, host: hostname(), started: "2025-01-01T00:00:00.000Z", token: "x" }));
    const lock = await acquireLock(ledger);
    expect(lock.ok).toBe(false);
  });

  it("a lock from another host is never taken over (its pid cannot be checked)", async () => {
    await writeFile(lockPathFor(ledger), JSON.stringify({ pid: 999999, host: `${hostname()}-other`, started: "x", token: "x" }));
    const lock = await acquireLock(ledger);
    expect(lock.ok).toBe(false);
    if (!lock.ok) expect(issueMessage(lock.issues[0]!)).toContain("on ");
  });

  it("release does not remove a lock that is no longer ours", async () => {
    const lock = await acquireLock(ledger);
    if (!lock.ok) throw new Error("not acquired");
    await writeFile(lockPathFor(ledger), JSON.stringify({ pid: process.ppid, host: hostname(), started: "x", token: "someone else" }));
    await lock.value.release();
    expect(await readdir(dir)).toEqual(["menerva-ledger.jsonl.lock"]);
  });
});
