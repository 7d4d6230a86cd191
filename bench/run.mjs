// npm run bench: performance figures, each beside a baseline measured in the
// same run (the machine is shared and noisy, so ratios matter, not seconds),
// then one table of issue 15's targets with their ratios.
//   BENCH_ROWS  hour rows of the close data (default 1,000,000; + 33% benefit rows)
//   BENCH_5M=1  also close 5,000,000 + 1,650,000 rows (peak RSS against the 1M run)
//   BENCH_REPS  runs per close figure, the median kept, each close paired with
//               its baselines (default 1)
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { generate } from "./gen-data.mjs";
import { fmt, measure, table } from "./measure.mjs";
import { targets } from "./targets.mjs";

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const reps = Number(process.env.BENCH_REPS ?? 1);
const node = process.execPath;

async function dataset(n, belgian, quoted = false) {
  const dir = join("bench", "data", `${n}${belgian ? "-be" : ""}${quoted ? "-quoted" : ""}`);
  if (!existsSync(join(dir, "hours.csv"))) {
    console.log(`generating ${n.toLocaleString("en")} hour rows (seed 42${belgian ? ", Belgian style" : ""}${quoted ? ", every cell quoted" : ""}) in ${dir} …`);
    await generate(dir, n, 42, { belgian, quoted });
  }
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function best(run) {
  const ms = Array.from({ length: reps }, run);
  return { ...ms[0], wall: median(ms.map((m) => m.wall)), rssMb: median(ms.map((m) => m.rssMb ?? 0)) || undefined };
}

/** The close of the year 2025 of `dir`, JSON only, a first close (not a re-close); `env`: more environment. */
function closeOnce(dir, env = {}) {
  rmSync(join(dir, "bench-ledger.jsonl"), { force: true });
  rmSync(join(dir, "bench-ledger.jsonl.head"), { force: true });
  return measure(node, ["bin/menerva.js", "close", "2025", "--config", join(dir, "menerva.yaml"), "--json", "--formats", "json", "--out", join(dir, "out")], { env: { ...process.env, ...env } });
}
const closeOf = (dir) => best(() => closeOnce(dir));

/** The median run of several (its wall and peak RSS the medians). */
const medianRun = (ms) => ({ ...ms[0], wall: median(ms.map((m) => m.wall)), rssMb: median(ms.map((m) => m.rssMb ?? 0)) || undefined });

/** `splitDir`: the data the split-and-sum reads (it cuts at every delimiter: the unquoted copy of `dir`'s rows). */
function closeFigures(dir, belgian, splitDir = dir) {
  const style = belgian ? ["--belgian"] : [];
  // paired: each repetition runs the baselines and then the close, so a change in the shared machine's load
  // weighs on both; the ratio is the median of the pairs' ratios
  const runs = { split: [], parse: [], close: [] };
  for (let i = 0; i < reps; i++) {
    runs.split.push(measure(node, ["bench/baseline-split.mjs", splitDir, ...style]));
    runs.parse.push(measure(node, ["bench/baseline-csvparse.mjs", dir, ...style]));
    runs.close.push(closeOnce(dir));
  }
  // the same close on the main thread alone (a one-core machine): its memory must not grow with the input either
  const oneThread = belgian ? undefined : best(() => closeOnce(dir, { MENERVA_PARSE_THREADS: "0" }));
  const [split, parse, close] = [medianRun(runs.split), medianRun(runs.parse), medianRun(runs.close)];
  const ratio = median(runs.close.map((c, i) => c.wall / runs.split[i].wall));
  const base = JSON.parse(split.stdout);
  const summary = JSON.parse(close.stdout);
  const agrees = summary.invoices.every((i) => base[i.nec_partner]?.hour_fee === i.hour_fee && base[i.nec_partner]?.benefit_fee === i.benefit_fee);
  const billed = summary.rows.hours.included + summary.rows.benefits.included;
  const ledgerBytes = statSync(join(dir, "bench-ledger.jsonl")).size;
  return { split, parse, close, oneThread, ratio, agrees, billed, ledgerBytes };
}

const total = rows + Math.round(rows * 0.33);
const mrows = (m, n = total) => fmt(n / m.wall / 1e6, 3);
const figures = {};
const STYLES = {
  plain: "plain (, decimal point, ISO dates)",
  belgian: "Belgian style (; decimal comma, dd/mm/yyyy)",
  quoted: "Belgian style with every cell quoted (baselines: the split-and-sum of the unquoted rows, csv-parse of the quoted)",
};
for (const [key, label] of Object.entries(STYLES)) {
  const belgian = key !== "plain";
  const dir = await dataset(rows, belgian, key === "quoted");
  const f = closeFigures(dir, belgian, key === "quoted" ? await dataset(rows, true) : dir);
  figures[key] = f;
  table(`close of ${total.toLocaleString("en")} rows (${rows.toLocaleString("en")} hours + ${(total - rows).toLocaleString("en")} benefits), ${label}, JSON output`, [
    ["figure", "wall s", "M rows/s", "peak RSS MB", "ratio to node-split"],
    ["node-split (baseline: split lines, sum cents)", fmt(f.split.wall), mrows(f.split), fmt(f.split.rssMb, 0), "1.00"],
    ["csv-parse alone (arrays, count rows)", fmt(f.parse.wall), mrows(f.parse), fmt(f.parse.rssMb, 0), fmt(f.parse.wall / f.split.wall)],
    ["menerva close --json (streaming engine)", fmt(f.close.wall), mrows(f.close), fmt(f.close.rssMb, 0), fmt(f.ratio)],
    ...(f.oneThread ? [["  the same close on one thread (MENERVA_PARSE_THREADS=0)", fmt(f.oneThread.wall), mrows(f.oneThread), fmt(f.oneThread.rssMb, 0), fmt(f.oneThread.wall / f.split.wall)]] : []),
  ]);
  console.log(`  fees agree with the exact baseline to the cent: ${f.agrees ? "yes" : "NO"}; ledger ${(f.ledgerBytes / f.billed).toFixed(1)} bytes per billed row (whole record)`);
  // the close wants both cores; the baseline one: on a busy machine the ratio says as much about the load as about the close
  console.log(`  load average (1 min) after these runs: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`);
}

if (process.env.BENCH_5M === "1") {
  const n5 = 5_000_000;
  const dir = await dataset(n5, false);
  const split = best(() => measure(node, ["bench/baseline-split.mjs", dir]));
  const close = closeOf(dir);
  const t5 = n5 + Math.round(n5 * 0.33);
  figures.five = { split, close };
  const one = figures.plain.close;
  table(`close of ${t5.toLocaleString("en")} rows (5,000,000 hours + 1,650,000 benefits), plain, JSON output`, [
    ["figure", "wall s", "M rows/s", "peak RSS MB", "ratio to node-split", "RSS against 1M"],
    ["node-split", fmt(split.wall), mrows(split, t5), fmt(split.rssMb, 0), "1.00", ""],
    ["menerva close --json", fmt(close.wall), mrows(close, t5), fmt(close.rssMb, 0), fmt(close.wall / split.wall), `${fmt(close.rssMb, 0)} / ${fmt(one.rssMb, 0)} = ${fmt(close.rssMb / one.rssMb)}`],
  ]);
}

// Other figures (start-up, workbook, ledger, scenarios) live in their own scripts; they report into `figures`.
globalThis.benchFigures = figures;
for (const f of readdirSync("bench").filter((f) => /-bench\.mjs$/.test(f)).sort()) {
  await import(`./${f}`);
}
targets(figures);
