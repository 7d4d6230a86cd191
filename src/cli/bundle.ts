// The CLI as one file with V8's compiled code beside it (issue 15:
// start-up). `npm run build` bundles dist/cli/main.js and every module it
// reaches, yaml, zod, commander and decimal.js included, into
// dist/bundle/cli.cjs and saves V8's code for it after a warm-up run
// (scripts/bundle.mjs); loading that file spares Node finding, reading and
// compiling some 70 modules one by one, a fifth of `validate`'s time. The
// lazily loaded heavy packages (exceljs, pdfkit, xmlbuilder2…) stay outside
// it and load as before, and so do the parse workers (dist/engine/).
// bin/menerva.js takes the modules instead when there is no bundle or when
// one of the modules it holds (dist/bundle/inputs.txt) is newer than it (a
// `tsc` or an editor's compile since: the bundle would be stale), and V8
// compiles the file itself when the saved code does not fit this Node.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";

type Cli = typeof import("./main.js");

/** The bundle and its saved code (made by scripts/bundle.mjs). */
export const BUNDLE = fileURLToPath(new URL("../bundle/cli.cjs", import.meta.url));
export const CODE_CACHE = `${BUNDLE}.cache`;
/** The modules of dist/ the bundle holds, relative to dist/, one a line. */
const INPUTS = fileURLToPath(new URL("../bundle/inputs.txt", import.meta.url));

/**
 * Run the bundle `file` as Node runs a CommonJS module; `__bundleUrl` is its
 * address, from which each bundled module finds its own place in dist/
 * (its `import.meta.url`, rewritten by the bundler).
 */
export function runBundle(file: string, cachedData?: Buffer): { cli: Cli; script: Script } {
  // ASCII only (the bundler escapes the rest and scripts/bundle.mjs checks): latin1 is the fastest decoding
  const source = readFileSync(file, "latin1");
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __bundleUrl) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as Cli };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
  return { cli: module.exports, script };
}

/** Whether the bundle is there and no module it holds has changed since it was made. */
function bundleIsCurrent(): boolean {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    const inputs = readFileSync(INPUTS, "utf8").split("\n");
    // some 200 stats, 3–5 ms: plain paths (no "..", no path.join) cost the least
    const dist = fileURLToPath(new URL("../", import.meta.url));
    let n = 0;
    for (const p of inputs) {
      if (p === "") continue;
      if (statSync(dist + p).mtimeMs > built) return false;
      n++;
    }
    return n > 0;
  } catch {
    // no bundle, no list, or a module gone
    return false;
  }
}

/** The bundled CLI, or undefined when there is none or a module it holds is newer. */
export function bundledCli(): Cli | undefined {
  if (!bundleIsCurrent()) return undefined;
  let cache: Buffer | undefined;
  try {
    cache = readFileSync(CODE_CACHE);
  } catch {
    cache = undefined;
  }
  return runBundle(BUNDLE, cache).cli;
}
