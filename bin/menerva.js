#!/usr/bin/env node
// Entry point: the CLI lives in dist/ (built by `npm run build`, run by `npm ci` through "prepare"),
// as one file with its compiled code when the build made it (dist/cli/bundle.js), else as modules.
import { bundledCli } from "../dist/cli/bundle.js";

const { main } = bundledCli() ?? (await import("../dist/cli/main.js"));
process.exitCode = await main(process.argv);
