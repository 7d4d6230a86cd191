// Run the built CLI (bin/menerva.js → dist/) as a user would, in a scratch
// copy of the fixtures so tests never touch the repository's files.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";

export const ROOT = join(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin/menerva.js");

export type Run = { code: number; stdout: string; stderr: string };

/** Run the CLI; `env` adds to (or, with undefined, removes from) the test environment, e.g. { LANG: "nl_BE.UTF-8" }. */
export function menerva(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh copy of fixtures/ in a temp dir; its config writes to <tmp>/out. */
export function scratchFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), "menerva-cli-"));
  cpSync(join(ROOT, "fixtures"), join(dir, "fixtures"), { recursive: true });
  return dir;
}

/** sha256 of every file under dir, by relative path. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p, `${rel}${f}/`);
      else out[`${rel}${f}`] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(dir, "");
  return out;
}
