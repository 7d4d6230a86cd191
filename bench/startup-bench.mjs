// Start-up (issue 15): `menerva --help` and `validate` of the shipped example
// against bare `node -e 0`, median of BENCH_STARTUP_RUNS (default 15) runs each,
// interleaved so a busy moment hits all three alike.
import { spawnSync } from "node:child_process";
import { fmt, table } from "./measure.mjs";

const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
const cmds = {
  node: ["-e", "0"],
  help: ["bin/menerva.js", "--help"],
  validate: ["bin/menerva.js", "validate", "--config", "fixtures/menerva.yaml"],
};
const times = { node: [], help: [], validate: [] };
for (let i = 0; i < runs; i++) {
  for (const [k, args] of Object.entries(cmds)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
    times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = { node: med(times.node), help: med(times.help), validate: med(times.validate) };
table(`start-up (median of ${runs} runs; target ≤ 250 ms)`, [
  ["command", "ms", "node -e 0 ms", "ratio", "over bare node ms"],
  ["menerva --help", fmt(s.help, 0), fmt(s.node, 0), fmt(s.help / s.node), fmt(s.help - s.node, 0)],
  ["menerva validate (the shipped example)", fmt(s.validate, 0), fmt(s.node, 0), fmt(s.validate / s.node), fmt(s.validate - s.node, 0)],
]);
if (globalThis.benchFigures) globalThis.benchFigures.startup = s;
