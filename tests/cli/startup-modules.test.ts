// What `validate` of the shipped example loads (issue 15: its start-up,
// measured in `npm run bench`, depends on it): yaml and zod bundled with the
// CLI (scripts/bundle.mjs, from the one file each of scripts/vendor.mjs),
// zod without its other languages (src/schema/zod.ts), none of the close's
// writers. A guard against an import that would bring them back, not a timing.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { menerva, ROOT, scratchFixtures } from "./helpers.js";

/** Every CommonJS module (a package imported from ESM included) the run loaded, relative to the repository. */
function modulesOf(args: readonly string[]): string[] {
  const dir = scratchFixtures();
  const tmp = mkdtempSync(join(tmpdir(), "menerva-modules-"));
  const preload = join(tmp, "list-modules.cjs");
  const list = join(tmp, "modules.txt");
  writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, Object.keys(require.cache).join("\\n")));\n`);
  const r = menerva(args, dir, { NODE_OPTIONS: `--require ${preload}` });
  expect(r.code).toBe(0);
  return readFileSync(list, "utf8").split("\n").map((p) => relative(ROOT, p));
}

it("validate of the example takes yaml and zod from the bundle (not their packages), and loads neither exceljs, pdfkit nor xmlbuilder2", () => {
  const loaded = modulesOf(["validate", "--config", "fixtures/menerva.yaml"]);
  // the bundle is no module of Node's: the packages kept outside it are, so the list is not empty
  expect(loaded.some((p) => p.startsWith("node_modules/csv-parse/"))).toBe(true);
  expect(loaded.filter((p) => p.startsWith("dist/vendor/"))).toEqual([]);
  expect(loaded.filter((p) => /^node_modules\/(yaml|zod)\//.test(p))).toEqual([]);
  expect(loaded.filter((p) => /^node_modules\/(exceljs|pdfkit|xmlbuilder2)\//.test(p))).toEqual([]);
});

it("the bundled zod holds its English messages only (its other 63 languages left out)", () => {
  const bundled = readFileSync(join(ROOT, "dist/vendor/zod.cjs"), "utf8");
  // esbuild names each bundled module in a comment
  expect([...bundled.matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/([\w-]+)\.cjs$/gm)].map((m) => m[1])).toEqual(["en"]);
  expect(bundled).toContain("// node_modules/zod/v4/classic/schemas.cjs");
});

it("without the bundle (the TypeScript sources, as here), zod loads from its package with its English messages only", async () => {
  await import("../../src/schema/zod.js");
  const cached = Object.keys(createRequire(import.meta.url).cache).map((p) => relative(ROOT, p));
  expect(cached.filter((p) => p.startsWith("node_modules/zod/v4/locales/")).sort()).toEqual(["node_modules/zod/v4/locales/en.cjs", "node_modules/zod/v4/locales/index.cjs"]);
});

/** The source files (relative to the repository) that import package `pkg` for more than its types, but for `except`. */
function runtimeImportsOf(pkg: string, except: string): string[] {
  const src = join(ROOT, "src");
  const files = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : f.endsWith(".ts") ? [join(d, f)] : []));
  const runtime = new RegExp(`^import(?!\\s+type\\b)[^;]*from\\s+"${pkg}(\\/[^"]*)?";`, "m");
  return files(src)
    .filter((f) => relative(src, f) !== except)
    .filter((f) => runtime.test(readFileSync(f, "utf8")))
    .map((f) => relative(ROOT, f));
}

it.each([
  ["yaml", "schema/yaml.ts", "a second copy's node classes would not be the ones isMap knows"],
  ["zod", "schema/zod.ts", "zod's ESM entry would load all its locales again"],
])("every module takes %s from src/%s (%s)", (pkg, module) => {
  expect(runtimeImportsOf(pkg, module)).toEqual([]);
});
