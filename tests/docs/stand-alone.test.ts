// The repository stands on its own (issue 13, items 19 and 20): no file
// points outside it for its sources (they are summarised in
// docs/sources.md), and every command the READMEs show can be typed as
// written after `npm ci` in a fresh clone (`npx menerva …`, not a bare
// `menerva` that is not on the PATH).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", "dist", "out", ".git", "bench"]);
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    if (SKIP.has(f)) return [];
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.(ts|mjs|js|md|ya?ml|json|txt)$/.test(f) && f !== "package-lock.json" ? [p] : [];
  });

describe("the repository stands alone", () => {
  it("cites no file outside it: its sources are in docs/sources.md", () => {
    const outside = /\.\.\/shared|shared\/(?:seeds|research)|research\/\w+\.md|\bdomain\.md\b|\bdomain §|\bseeds?\/|\bseed[ -]\d{3}\b/;
    const found = walk(ROOT)
      .filter((f) => !f.endsWith("stand-alone.test.ts"))
      .flatMap((f) => readFileSync(f, "utf8").split("\n").map((line, i) => ({ where: `${relative(ROOT, f)}:${i + 1}`, line })))
      .filter(({ line }) => outside.test(line))
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(found).toEqual([]);
  });

  it("docs/sources.md names the documents S0-S4 and the sections the example cites", () => {
    const doc = readFileSync(join(ROOT, "docs/sources.md"), "utf8");
    for (const s of ["**S0**", "**S1**", "**S2**", "**S3**", "**S4**", "## §1", "## §2", "## §3", "## §4", "## §5"]) expect(doc).toContain(s);
    const cited = new Set([...readFileSync(join(ROOT, "fixtures/costprice.yaml"), "utf8").matchAll(/(?<!S\d )§(\d)\b/g)].map((m) => m[1]));
    for (const n of cited) expect(doc).toContain(`## §${n}`);
  });

  it("the READMEs' commands are typed as they run after npm ci: npx menerva (or node bin/menerva.js)", () => {
    const bare: string[] = [];
    for (const file of ["README.md", "scenarios/README.md"]) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const block of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
        for (const line of block[1]!.split("\n")) if (/^\s*menerva\s/.test(line)) bare.push(`${file}: ${line.trim()}`);
      }
      for (const row of text.matchAll(/^\| `(menerva [^`]*)`/gm)) bare.push(`${file}: ${row[1]}`);
    }
    expect(bare).toEqual([]);
  });
});
