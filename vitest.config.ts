import { defineConfig } from "vitest/config";

// Tests run against the TypeScript sources; CLI end-to-end tests spawn the
// built bin/menerva.js (npm test builds first through the "pretest" script).
// The language of messages follows the environment when no config says it
// (README "Language"): tests run in a neutral English locale, and a test of
// Dutch output asks for it (--lang nl, a Dutch config or LANG=nl_BE.UTF-8).
//
// Test files share their process and its loaded modules (isolate: false): a
// fresh process per file cost about 2.5 s each, a quarter of the suite's time
// on two cores. The files that replace a module (vi.mock) run isolated, as a
// mock applies only to a module not loaded yet.
const MOCKING = ["tests/ledger/close-crash.test.ts", "tests/ledger/undo-crash.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
    projects: [
      { extends: true, test: { name: "isolated", include: MOCKING, isolate: true } },
      // what an in-process command leaves behind (its language, an exit code) is cleared before each test
      { extends: true, test: { name: "shared", include: ["tests/**/*.test.ts"], exclude: MOCKING, isolate: false, setupFiles: ["tests/helpers/shared-process.ts"] } },
    ],
  },
});
