#!/usr/bin/env node
// Entry point: the CLI lives in dist/ (built by `npm run build`, run by `npm ci` through "prepare").
import { main } from "../dist/cli/main.js";
process.exitCode = await main(process.argv);
