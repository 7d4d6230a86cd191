// npm run bench: performance figures, each beside a baseline measured in the
// same run (the machine is shared and noisy, so ratios matter, not seconds).
// BENCH_ROWS (default 1,000,000 hour rows + 33% benefit rows) sets the size.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { generate } from "./gen-data.mjs";
import { fmt, measure, table } from "./measure.mjs";

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const dir = join("bench", "data", String(rows));
if (!existsSync(join(dir, "hours.csv"))) {
  console.log(`generating ${rows} hour rows (seed 42) in ${dir} …`);
  await generate(dir, rows);
}
const total = rows + Math.round(rows * 0.33);
const node = process.execPath;

const split = measure(node, ["bench/baseline-split.mjs", dir]);
const parse = measure(node, ["bench/baseline-csvparse.mjs", dir]);
rmSync(join(dir, "bench-ledger.jsonl"), { force: true }); // a first close each time, not a re-close
const close = measure(node, ["bin/menerva.js", "close", "2025", "--config", join(dir, "menerva.yaml"), "--json", "--formats", "json", "--out", join(dir, "out")]);

// The close must agree with the exact baseline on every fee.
const base = JSON.parse(split.stdout);
const summary = JSON.parse(close.stdout);
const agrees = summary.invoices.every((i) => base[i.nec_partner]?.hour_fee === i.hour_fee && base[i.nec_partner]?.benefit_fee === i.benefit_fee);

const mrows = (m) => fmt(total / m.wall / 1e6, 3);
table(`close of ${total.toLocaleString("en")} rows (${rows} hours + ${total - rows} benefits), JSON output`, [
  ["figure", "wall s", "M rows/s", "peak RSS MB", "ratio to node-split"],
  ["node-split (baseline: split lines, sum cents)", fmt(split.wall), mrows(split), fmt(split.rssMb, 0), "1.00"],
  ["csv-parse alone (arrays, count rows)", fmt(parse.wall), mrows(parse), fmt(parse.rssMb, 0), fmt(parse.wall / split.wall)],
  ["menerva close --json", fmt(close.wall), mrows(close), fmt(close.rssMb, 0), fmt(close.wall / split.wall)],
]);
console.log(`  fees agree with the exact baseline to the cent: ${agrees ? "yes" : "NO"}`);

// Other figures (workbook, ledger, scenarios) live in their own scripts.
for (const f of readdirSync("bench").filter((f) => /-bench\.mjs$/.test(f)).sort()) {
  await import(`./${f}`);
}
