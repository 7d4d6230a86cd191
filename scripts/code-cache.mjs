// Run by scripts/bundle.mjs, in a child process with its output thrown
// away: a warm-up of the bundled CLI (--help in both languages, then
// `validate` of the shipped example when fixtures/ is there), then V8's code
// for every function it compiled, saved beside the bundle. A run that does
// not end in exit code 0 fails the warm-up (scripts/bundle.mjs then removes
// the bundle): the CLI catches its own errors and returns a code.
import { existsSync, writeFileSync } from "node:fs";
import { BUNDLE, CODE_CACHE, runBundle } from "../dist/cli/bundle.js";

const { cli, script } = runBundle(BUNDLE);
const runs = [["--help"], ["--lang", "nl", "--help"], ["validate", "--help"]];
if (existsSync("fixtures/menerva.yaml")) runs.push(["validate", "--config", "fixtures/menerva.yaml"]);
for (const args of runs) {
  const code = await cli.main(["node", "menerva", ...args]);
  if (code !== 0) {
    process.stderr.write(`menerva ${args.join(" ")}: exit code ${code}\n`);
    process.exit(1);
  }
}
writeFileSync(CODE_CACHE, script.createCachedData());
process.exitCode = 0;
