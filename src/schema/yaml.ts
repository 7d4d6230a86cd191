// The yaml library for every module, loaded as one file (issue 15:
// start-up). Its Node build is 73 CommonJS modules, about 40 ms of
// `validate`'s start-up to find and compile; `npm run build` bundles the same
// installed version into dist/vendor/yaml.cjs (scripts/vendor.mjs), which
// loads in about 10. Without that file (tests on the TypeScript sources, a
// build without esbuild) the package loads as it is. Take yaml from here
// only (tests/cli/startup-modules.test.ts): one copy loads, so its node
// classes are the ones `isMap` and the others know.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type * as Yaml from "yaml";

export type { Document, Node, Pair, Scalar, YAMLMap } from "yaml";
/** yaml's line counter (a class: its instances are typed too). */
export type LineCounter = Yaml.LineCounter;

const require = createRequire(import.meta.url);
const vendored = new URL("../vendor/yaml.cjs", import.meta.url);
const yaml = (existsSync(vendored) ? require(fileURLToPath(vendored)) : require("yaml")) as typeof Yaml;

export const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yaml;
