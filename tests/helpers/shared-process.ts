// Setup of the test files that share one process (vitest.config.ts, project
// "shared"): what a command run in-process leaves behind — the language it
// settled, an exit code it set — is cleared before each test, so no test
// depends on the file that ran before it.
import { beforeEach } from "vitest";
import { resetLanguage } from "../../src/cli/language.js";

beforeEach(() => {
  resetLanguage();
  process.exitCode = undefined;
});
