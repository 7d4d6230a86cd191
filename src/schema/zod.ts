// zod for every module of menerva, without the 64 locale modules its entry
// loads (issue 15: start-up). `import { z } from "zod"` evaluates zod's
// `locales` export, every language's error messages, a third of zod's start-up
// cost (about 20 ms of `validate`'s), though menerva words its problems
// itself (config-issues.ts, zod-text.ts) and zod's schemas load its default,
// English, on their own. Its CommonJS build is required here with that one
// module (`zod/v4/locales`, a documented entry) answered by an empty one;
// should zod move it, the stub goes unused and zod loads as before. Take zod
// from here only (tests/startup-modules.test.ts): one copy loads.
import { createRequire, Module } from "node:module";
import type * as Zod from "zod";

export type { output, ZodError, ZodType } from "zod";

const require = createRequire(import.meta.url);
const locales = require.resolve("zod/v4/locales");
if (require.cache[locales] === undefined) {
  const empty = new Module(locales);
  empty.filename = locales;
  empty.loaded = true;
  require.cache[locales] = empty;
}

/** zod's `z`, as `import { z } from "zod"` gives it. */
export const z: typeof Zod.z = (require("zod") as typeof Zod).z;
