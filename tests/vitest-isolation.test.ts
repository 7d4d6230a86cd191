// Test files share one process (vitest.config.ts, isolate: false), so a file
// that replaces a module with vi.mock must be listed to run isolated: in the
// shared process the real module may be loaded already, the mock would not
// apply, and the test would quietly exercise the real code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

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
