// zod for every module, without the 64 locale modules its entry loads
// (issue 15: start-up). `import { z } from "zod"` evaluates zod's `locales`
// export, every language's error messages, a third of zod's start-up cost
// (about 20 ms of `validate`'s), though menerva words its problems itself
// (config-issues.ts, zod-text.ts) and zod's schemas load its default,
// English, on their own. `npm run build` bundles zod without them into one
// file, dist/vendor/zod.cjs (scripts/vendor.mjs: its 36 modules cost another
// 20 ms to find and compile); without that file (tests on the TypeScript
// sources) zod's CommonJS build is required here with that one module
// (`zod/v4/locales`, a documented entry) answered by an empty one; should zod
// move it, the stub goes unused and zod loads as before. Take zod from here
// only (tests/cli/startup-modules.test.ts): one copy loads.
import { existsSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { fileURLToPath } from "node:url";
import type * as Zod from "zod";

export type { output, ZodError, ZodType } from "zod";

const require = createRequire(import.meta.url);
const vendored = new URL("../vendor/zod.cjs", import.meta.url);

function fromPackage(): typeof Zod {
  const locales = require.resolve("zod/v4/locales");
  if (require.cache[locales] === undefined) {
    const empty = new Module(locales);
    empty.filename = locales;
    empty.loaded = true;
    require.cache[locales] = empty;
  }
  return require("zod") as typeof Zod;
}

/** zod's `z`, as `import { z } from "zod"` gives it. */
export const z: typeof Zod.z = (existsSync(vendored) ? (require(fileURLToPath(vendored)) as typeof Zod) : fromPackage()).z;
