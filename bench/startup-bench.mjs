// Start-up (issue 15): `menerva --help` and `validate` of the shipped example
// against bare `node -e 0`, median of BENCH_STARTUP_RUNS (default 15) runs each,
// interleaved so a busy moment hits all alike. `validate` also from a copy of
// the build without its bundle (src/cli/bundle.ts): the modules one by one,
// what the bundle and its saved code spare.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, table } from "./measure.mjs";

const root = new URL("..", import.meta.url).pathname;
const unbundled = mkdtempSync(join(tmpdir(), "menerva-bench-modules-"));
for (const part of ["bin", "dist", "package.json"]) cpSync(join(root, part), join(unbundled, part), { recursive: true });
rmSync(join(unbundled, "dist/bundle"), { recursive: true, force: true });
symlinkSync(join(root, "node_modules"), join(unbundled, "node_modules"));

const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
const cmds = {
  node: ["-e", "0"],
  help: ["bin/menerva.js", "--help"],
  validate: ["bin/menerva.js", "validate", "--config", "fixtures/menerva.yaml"],
  modules: [join(unbundled, "bin/menerva.js"), "validate", "--config", "fixtures/menerva.yaml"],
};
const times = { node: [], help: [], validate: [], modules: [] };
for (let i = 0; i < runs; i++) {
  for (const [k, args] of Object.entries(cmds)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
    times[k].push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
rmSync(unbundled, { recursive: true, force: true });
const s = { node: med(times.node), help: med(times.help), validate: med(times.validate), modules: med(times.modules) };
table(`start-up (median of ${runs} runs; target ≤ 250 ms)`, [
  ["command", "ms", "node -e 0 ms", "ratio", "over bare node ms"],
  ["menerva --help", fmt(s.help, 0), fmt(s.node, 0), fmt(s.help / s.node), fmt(s.help - s.node, 0)],
  ["menerva validate (the shipped example)", fmt(s.validate, 0), fmt(s.node, 0), fmt(s.validate / s.node), fmt(s.validate - s.node, 0)],
  ["  the same without the bundle (shown)", fmt(s.modules, 0), fmt(s.node, 0), fmt(s.modules / s.node), fmt(s.modules - s.node, 0)],
]);
if (globalThis.benchFigures) globalThis.benchFigures.startup = s;
