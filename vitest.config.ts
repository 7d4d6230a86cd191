import { defineConfig } from "vitest/config";

// Tests run against the TypeScript sources; CLI end-to-end tests spawn the
// built bin/menerva.js (npm test builds first through the "pretest" script).
// The language of messages follows the environment when no config says it
// (README "Language"): tests run in a neutral English locale, and a test of
// Dutch output asks for it (--lang nl, a Dutch config or LANG=nl_BE.UTF-8).
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" },
  },
});
