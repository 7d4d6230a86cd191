// Test files share one process (vitest.config.ts, isolate: false), so a file
// that replaces a module with vi.mock must be listed to run isolated: in the
// shared process the real module may be loaded already, the mock would not
// apply, and the test would quietly exercise the real code. And what a
// command run in-process leaves behind must not reach the next test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { screenLanguage, useLanguage } from "../src/cli/language.js";

const root = join(import.meta.dirname, "..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".test.ts") ? [join(dir, f)] : []));

it("every test file that mocks a module runs isolated", () => {
  const config = readFileSync(join(root, "vitest.config.ts"), "utf8");
  const mocking = files(join(root, "tests"))
    .filter((f) => /\bvi\.(mock|doMock|unmock|resetModules)\(/.test(readFileSync(f, "utf8")))
    .map((f) => relative(root, f));
  expect(mocking.length).toBeGreaterThan(0);
  expect(mocking.filter((f) => !config.includes(`"${f}"`))).toEqual([]);
});

// The shared process's setup (tests/helpers/shared-process.ts) clears what a command run in-process leaves behind.
describe("what one test leaves behind", () => {
  it("a test settles Dutch and sets an exit code", () => {
    useLanguage("nl");
    process.exitCode = 4;
    expect(screenLanguage()).toBe("nl");
  });
  it("the next test starts in the environment's language, with no exit code", () => {
    expect(screenLanguage()).toBe("en");
    expect(process.exitCode).toBeUndefined();
  });
});
