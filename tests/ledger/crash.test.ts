// kill -9 while appending: the ledger must always read back as a valid chain,
// holding either the records before or after the interrupted append.
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { formatIssue } from "../../src/domain/issues.js";
import { readLedger } from "../../src/ledger/ledger-file.js";
import { tempDir } from "./helpers.js";

const CHILD = join(import.meta.dirname, "child-append.ts");
const ROUNDS = 24;

/**
 * Start the appender; once it prints `marker` (after its first append, or as
 * it starts its second), wait `extraMs` and SIGKILL it. Returns how many
 * appends it reported as done.
 */
function runAndKill(ledger: string, marker: RegExp, extraMs: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, ledger, "5000"], { stdio: ["ignore", "pipe", "inherit"] });
    let armed = false;
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("BROKEN")) reject(new Error(out));
      if (!armed && marker.test(out)) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), extraMs);
      }
    });
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolvePromise((out.match(/appended/g) ?? []).length) : reject(new Error(`child ended without kill: ${out}`))));
  });
}

it(`a ledger appended to by a process killed with SIGKILL at random moments stays valid (${ROUNDS} kills)`, async () => {
  const dir = await tempDir();
  const ledger = join(dir, "menerva-ledger.jsonl");
  let records = 0;
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let round = 0; round < ROUNDS; round++) {
    // odd rounds aim at appendRecord itself (re-read, temp write, fsync, rename), even rounds anywhere
    const reported = await runAndKill(ledger, round % 2 ? /appending \d+\n(.|\n)*appending/ : /appended/, round % 2 ? rand(120) : rand(400));
    const res = await readLedger(ledger);
    if (!res.ok) throw new Error(`round ${round}: ${res.issues.map(formatIssue).join("\n")}`);
    const now = res.value.records.length;
    // every append the child reported is there; at most one more (killed after the rename, before printing)
    expect(now).toBeGreaterThanOrEqual(records + reported);
    expect(now).toBeLessThanOrEqual(records + reported + 1);
    records = now;
  }
  // killed writers may leave their temp file behind; never a torn ledger; the head is renewed with it
  const names = await readdir(dir);
  expect(names.filter((n) => !n.endsWith(".tmp")).sort()).toEqual(["menerva-ledger.jsonl", "menerva-ledger.jsonl.head"]);
  console.log(`crash test: ${ROUNDS} kills, ${records} records survived, ${names.length - 1} stale temp files`);
}, 240_000);
