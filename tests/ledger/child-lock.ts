// Child process for the lock tests: take the ledger lock, report the result as
// one JSON line, hold it for HOLD_MS, release, exit.
// Usage: node --import tsx child-lock.ts LEDGER HOLD_MS
import { acquireLock } from "../../src/ledger/lock.js";

const [path, hold] = process.argv.slice(2) as [string, string];
const res = await acquireLock(path);
process.stdout.write(`${JSON.stringify(res.ok ? { ok: true, pid: process.pid, warnings: res.warnings } : { ok: false, pid: process.pid, issues: res.issues })}\n`);
if (res.ok) {
  await new Promise((r) => setTimeout(r, Number(hold)));
  await res.value.release();
}
