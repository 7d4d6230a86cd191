// Part of `npm run build` (issue 15: start-up): yaml and zod, each many
// CommonJS modules in its package (yaml 73, zod 36 without its 64 locales),
// bundled into one file each, dist/vendor/{yaml,zod}.cjs, from the versions
// installed (src/schema/yaml.ts and zod.ts load them, or the packages when a
// file is missing). zod's locales (every language's error messages) are left
// out as src/schema/zod.ts leaves them out: menerva words its problems itself,
// and zod loads its English messages on their own. esbuild is a development
// dependency: without it the build goes on and both load from their packages,
// a little slower.
import { mkdirSync, rmSync } from "node:fs";

const at = (p) => new URL(p, import.meta.url).pathname;
const outs = { yaml: at("../dist/vendor/yaml.cjs"), zod: at("../dist/vendor/zod.cjs") };
for (const out of Object.values(outs)) rmSync(out, { force: true });
let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.warn("scripts/vendor.mjs: esbuild is not installed; yaml and zod load from their packages");
  process.exit(0);
}
mkdirSync(at("../dist/vendor/"), { recursive: true });
const common = { bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "warning", legalComments: "inline" };
await esbuild.build({ ...common, entryPoints: [at("../node_modules/yaml/dist/index.js")], outfile: outs.yaml });
/** zod's `locales` export (`zod/v4/locales`) as an empty module, as src/schema/zod.ts answers it. */
const noLocales = {
  name: "no-locales",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.cjs$/ }, () => ({ path: "locales", namespace: "no-locales" }));
    b.onLoad({ filter: /.*/, namespace: "no-locales" }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};
await esbuild.build({ ...common, entryPoints: [at("../node_modules/zod/index.cjs")], outfile: outs.zod, plugins: [noLocales] });
