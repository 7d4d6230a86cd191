// The CLI bundled into one file with its compiled code (src/cli/bundle.ts,
// scripts/bundle.mjs; issue 15: start-up) says and writes what the CLI of
// modules does; the saved code fits the Node that built it; a module of
// dist/ compiled after the bundle (`tsc` alone, an editor's compile of one
// file) makes the CLI run its modules, not the stale bundle.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, scratchFixtures, treeHashes } from "./helpers.js";

/** A copy of bin/ and dist/ (its bundle too; times kept, or main.js may look compiled after the bundle) with the repository's packages. */
function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "menerva-bundle-"));
  for (const part of ["bin", "dist", "package.json"]) cpSync(join(ROOT, part), join(dir, part), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** Node's verdict on `script` (an ES module's text) run in `cwd`. */
function nodeEval(script: string, cwd: string): string {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout.trim();
}

const run = (build: string, args: readonly string[], cwd: string) => {
  const r = spawnSync(process.execPath, [join(build, "bin/menerva.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", LANG: "nl_BE.UTF-8" } });
  const here = (t: string) => t.replaceAll(cwd, "<dir>");
  return { code: r.status, stdout: here(r.stdout), stderr: here(r.stderr) };
};

describe("the bundled CLI", () => {
  it("is built, and the code saved with it fits this Node (V8 takes it instead of compiling)", () => {
    const verdict = nodeEval(
      `import { readFileSync } from "node:fs";
       import { BUNDLE, CODE_CACHE, runBundle } from "./dist/cli/bundle.js";
       const { cli, script } = runBundle(BUNDLE, readFileSync(CODE_CACHE));
       console.log(typeof cli.main, script.cachedDataRejected);`,
      ROOT,
    );
    expect(verdict).toBe("function false");
  });

  it("says and writes byte for byte what the modules do: help, validate, a close with its statements and its repeat, a missing config", () => {
    const bundled = copyOfBuild();
    const modules = copyOfBuild();
    // one module deep inside compiled after the bundle: bin/menerva.js runs the modules
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(modules, "dist/domain/money.js"), later, later);
    expect(nodeEval(`import { bundledCli } from "./dist/cli/bundle.js"; console.log(bundledCli() === undefined);`, modules)).toBe("true");
    expect(nodeEval(`import { bundledCli } from "./dist/cli/bundle.js"; console.log(bundledCli() === undefined);`, bundled)).toBe("false");

    const a = scratchFixtures();
    const b = scratchFixtures();
    for (const args of [["--help"], ["close", "--help"], ["validate", "--config", "fixtures/menerva.yaml", "--json"], ["close", "2025-Q1", "--config", "fixtures/menerva.yaml"], ["close", "2025-Q1", "--config", "fixtures/menerva.yaml"], ["validate", "--config", "nope.yaml"]]) {
      const x = run(bundled, args, a);
      const y = run(modules, args, b);
      expect(x, args.join(" ")).toEqual(y);
    }
    const outA = treeHashes(join(a, "out"));
    expect(Object.keys(outA).some((f) => f.endsWith(".xlsx"))).toBe(true);
    expect(outA).toEqual(treeHashes(join(b, "out")));
    expect(Object.keys(outA)).toContain("menerva-ledger.jsonl");
  });
});
