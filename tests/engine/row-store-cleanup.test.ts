// A row store holds the close's rows in the temp folder: one a failed close
// never disposed (the ledger moved, the rows were read again, then an error)
// must not stay there after menerva exits, whether it ends normally or by
// process.exit with an error code.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const dist = join(import.meta.dirname, "../../dist/engine/row-store.js");

it.each([
  ["ends normally", ""],
  ["exits with code 3", "process.exit(3);"],
])("a store not disposed is removed when the process %s", (_how, end) => {
  expect(existsSync(dist), "npm test builds dist/ first").toBe(true);
  const script = `const { RowStore } = await import(${JSON.stringify(dist)});
const kept = new RowStore({ necPartners: ["Q"], benefitTypes: ["RSZ"] });
const gone = new RowStore({ necPartners: ["Q"], benefitTypes: ["RSZ"] });
gone.dispose();
process.stdout.write(kept.dir + "\\n" + gone.dir + "\\n");
${end}`;
  let out = "";
  try {
    out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  } catch (e) {
    if (end === "") throw e; // the child failed: its own error, not an exit code to compare
    const err = e as { status: number; stdout: string };
    expect(err.status).toBe(3);
    out = err.stdout;
  }
  const dirs = out.trim().split("\n");
  expect(dirs).toHaveLength(2);
  for (const d of dirs) expect(existsSync(d), d).toBe(false);
});
