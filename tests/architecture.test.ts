// The domain core stays pure: it imports only decimal.js and its own modules,
// and never touches the clock, the process, the console or the disk.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

const domain = join(import.meta.dirname, "../src/domain");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
const allowed = [/^\.\.?\/[\w./-]+\.js$/, /^decimal\.js$/];
const forbidden = [/\bDate\.now\(/, /\bnew Date\(/, /\bprocess\./, /\bconsole\./, /\bMath\.random\(/, /toLocaleString\(/, /\bIntl\./];

for (const file of files(domain)) {
  it(`src/domain/${relative(domain, file)} stays pure`, () => {
    const source = readFileSync(file, "utf8");
    const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
    expect(imports.filter((i) => !allowed.some((a) => a.test(i)))).toEqual([]);
    expect(forbidden.filter((f) => f.test(source)).map(String)).toEqual([]);
  });
}
