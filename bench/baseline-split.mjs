// The plain-Node floor: 1 MiB chunks, split lines and fields, sum integer cents
// per NEC partner; computes the same two fees as the close (half away from zero).
// `--belgian`: `;` fields, decimal comma with `.` thousands (1.234,56).
import { createReadStream } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const belgian = process.argv[3] === "--belgian";
const sep = belgian ? ";" : ",";
function toUnits(raw, scale) {
  // "7.25" → 725 at scale 2 (exact for up to `scale` decimals); Belgian "1.234,5" → 123450
  const text = belgian ? raw.replaceAll(".", "").replace(",", ".") : raw;
  const neg = text.startsWith("-");
  const t = neg ? text.slice(1) : text;
  const [i, f = ""] = t.split(".");
  const v = Number(i) * 10 ** scale + Number((f + "0".repeat(scale)).slice(0, scale));
  return neg ? -v : v;
}
async function scan(file, col, onRow) {
  let rest = "";
  let first = true;
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop();
    for (const line of lines) {
      if (first) { first = false; continue; }
      if (line) { const f = line.split(sep); onRow(f[1], f[col]); }
    }
  }
  if (rest) { const f = rest.split(sep); onRow(f[1], f[col]); }
}
const hours = new Map();
const benefits = new Map();
await scan(join(dir, "hours.csv"), 3, (p, h) => hours.set(p, (hours.get(p) ?? 0) + toUnits(h, 2)));
await scan(join(dir, "benefits.csv"), 4, (p, a) => benefits.set(p, (benefits.get(p) ?? 0) + toUnits(a, 2)));
const roundDiv = (n, d) => (n < 0 ? -Math.round(-n / d) : Math.round(n / d)); // n/d ≥ 0 ties go up: half away from zero
const out = {};
for (const [p, h] of hours) out[p] = { hour_fee: (roundDiv(h * 250, 100) / 100).toFixed(2), benefit_fee: (roundDiv((benefits.get(p) ?? 0) * 70, 100) / 100).toFixed(2) };
process.stdout.write(JSON.stringify(out) + "\n");
