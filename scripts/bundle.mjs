// Part of `npm run build` (issue 15: start-up), after tsc and vendor.mjs:
// the CLI as one CommonJS file, dist/bundle/cli.cjs, and V8's compiled code
// for it, dist/bundle/cli.cjs.cache (src/cli/bundle.ts loads both).
// - In it: dist/cli/main.js and every module it reaches, with commander,
//   decimal.js and the vendored yaml and zod (dist/vendor/, which
//   src/schema/{yaml,zod}.ts load); `import()` becomes `require()`, so one
//   file answers them all. Outside it: the other packages, loaded as before,
//   most of them lazily (exceljs, pdfkit…), and the parse workers.
// - Each module's `import.meta.url` becomes its address in dist/, so it finds
//   the files beside it (vendor/, a worker script, a font) as before.
// - The code: a warm-up run (--help, and `validate` of the example when
//   fixtures/ is there) in a child process, then V8's code for every function
//   it compiled. V8 compiles what the saved code lacks, and everything when
//   the saved code is for another Node.
// - The modules it holds, listed in dist/bundle/inputs.txt (relative to dist/): the CLI runs the
//   modules instead when one of them is newer than the bundle (a `tsc` or an
//   editor's compile since).
// Without esbuild (a development dependency) there is no bundle and the CLI
// loads its modules, a little slower; a bundle that fails a check below is
// removed with a warning, the build goes on (tests/cli/startup-modules.test.ts
// fails without one).
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";

const at = (p) => new URL(p, import.meta.url).pathname;
const dist = at("../dist/");
const out = at("../dist/bundle/cli.cjs");

/** Leave no bundle: the CLI runs its modules. */
function noBundle(why) {
  rmSync(at("../dist/bundle/"), { recursive: true, force: true });
  console.warn(`scripts/bundle.mjs: ${why}: no bundle, the CLI loads its modules one by one`);
  process.exit(0);
}

rmSync(at("../dist/bundle/"), { recursive: true, force: true });
let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  noBundle("esbuild is not installed");
}

const pkg = JSON.parse(readFileSync(at("../package.json"), "utf8"));
const inside = new Set(["commander", "decimal.js"]);
const external = Object.keys(pkg.dependencies)
  .filter((d) => !inside.has(d))
  .flatMap((d) => [d, `${d}/*`]);

/** The shims src/schema/{yaml,zod}.ts: the vendored file itself (its exports are theirs: the package's). */
const SHIMS = { "schema/yaml.js": "../vendor/yaml.cjs", "schema/zod.js": "../vendor/zod.cjs" };

const distModules = {
  name: "dist-modules",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const name = relative(dist, args.path);
      if (SHIMS[name]) return { contents: `export * from ${JSON.stringify(SHIMS[name])};`, loader: "js", resolveDir: dirname(args.path) };
      const place = `new URL(${JSON.stringify(relative(dirname(out), args.path))}, __bundleUrl).href`;
      return { contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", place), loader: "js" };
    });
  },
};

const built = await esbuild.build({
  entryPoints: [at("../dist/cli/main.js")],
  outfile: out,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external,
  plugins: [distModules],
  // one file: every import() a require()
  supported: { "dynamic-import": false },
  // smaller to read and to check against the saved code; names kept for --debug's stack
  minifyWhitespace: true,
  minifySyntax: true,
  charset: "ascii",
  metafile: true,
  // the metafile's paths relative to the project
  absWorkingDir: at(".."),
  logLevel: "warning",
});

const text = readFileSync(out, "latin1");
// esbuild escapes the rest but leaves a regular expression's literal as written: write \u20ac there
const bad = [/[^\x00-\x7f]/.test(text) && `a character outside ASCII (src/cli/bundle.ts reads it as latin1): ${text.match(/.{0,60}[^\x00-\x7f]/)[0]}`, /\bimport\(/.test(text) && "an import() left"];
if (bad.some(Boolean)) noBundle(bad.filter(Boolean).join("; "));
const inputs = Object.keys(built.metafile.inputs).filter((p) => p.startsWith("dist/") && !p.startsWith("dist/bundle/"));
writeFileSync(at("../dist/bundle/inputs.txt"), `${inputs.map((p) => relative("dist", p)).join("\n")}\n`);

const warm = spawnSync(process.execPath, [at("code-cache.mjs")], { cwd: at(".."), stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
if (warm.status !== 0) noBundle(`the warm-up run failed:\n${warm.stderr}`);
