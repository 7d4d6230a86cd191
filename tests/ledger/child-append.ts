// Child process for the crash test: appends records to a ledger in a loop
// until killed. Usage: node --import tsx child-append.ts LEDGER IDS_PER_RECORD
import { appendRecord, lastRecord, readLedger } from "../../src/ledger/ledger-file.js";
import { sealRecord } from "../../src/ledger/record.js";
import { monthBody } from "./helpers.js";

const [path, perRecord] = process.argv.slice(2) as [string, string];
const day = (n: number): string => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

for (;;) {
  const res = await readLedger(path);
  if (!res.ok) {
    process.stdout.write(`BROKEN ${JSON.stringify(res.issues)}\n`);
    process.exit(9);
  }
  const prev = lastRecord(res.value);
  const n = prev ? prev.seq : 0;
  const ids = Array.from({ length: Number(perRecord) }, (_, i) => `${(n * 1_000_003 + i).toString(16).padStart(32, "0")}#0`);
  const body = { ...monthBody(1, ids), period: day(n), from: day(n), to: day(n) };
  const record = sealRecord(body, prev);
  process.stdout.write(`appending ${n + 1}\n`);
  await appendRecord(path, record);
  process.stdout.write(`appended ${n + 1}\n`);
}
