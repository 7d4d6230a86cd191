// Run a command as a whole process and report wall seconds and peak RSS (MB).
// Peak RSS comes from GNU time when present; otherwise it is left blank.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export function measure(cmd, args, opts = {}) {
  const gnuTime = existsSync("/usr/bin/time");
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "__RSS__%M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28, ...opts })
    : spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28, ...opts });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /__RSS__(\d+)/.exec(r.stderr ?? "");
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  return { wall, rssMb: m ? Number(m[1]) / 1024 : undefined, stdout: r.stdout, stderr: r.stderr ?? "" };
}

export const fmt = (x, d = 2) => (x === undefined ? "–" : x.toFixed(d));

/** Print rows of [figure, value, baseline, ratio] as an aligned table. */
export function table(title, rows) {
  console.log(`\n${title}`);
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log("  " + r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join("  "));
}
