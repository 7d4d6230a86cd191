import { defineConfig } from "vitest/config";

// Tests run against the TypeScript sources; CLI end-to-end tests spawn the
// built bin/menerva.js (npm test builds first through the "pretest" script).
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
