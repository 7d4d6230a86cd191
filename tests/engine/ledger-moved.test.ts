// A close reads its exports before it takes the ledger's lock. When another
// close appends a record in between, the streaming close must classify its
// rows again against the books as they now stand (the rows of the period
// closed meanwhile are already closed, not billed twice), and end with the
// same ledger as the two closes run one after the other; the row store of its
// first reading must not stay behind in the temp folder.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { runClose } from "../../src/app/close-run.js";
import { scenarioDir, writeMonth } from "../corrections/scenario.js";

const TMPDIR = process.env["TMPDIR"];
afterEach(() => {
  if (TMPDIR === undefined) delete process.env["TMPDIR"];
  else process.env["TMPDIR"] = TMPDIR;
});

const close = async (d: string, period: string, tuning?: { afterRead: () => Promise<void> }) => {
  const r = await runClose({ configPath: join(d, "menerva.yaml"), period, formats: ["json"], engine: "streaming", ...(tuning ? { tuning } : {}) });
  if (!r.ok) throw new Error(r.issues.map((i) => JSON.stringify(i.message)).join("; "));
  return r;
};

it("a close whose ledger moved while it read its exports reads them again: the ledger of two closes in a row", async () => {
  const reference = scenarioDir();
  writeMonth(reference, 2);
  await close(reference, "2025-01");
  await close(reference, "2025-02");

  const d = scenarioDir();
  writeMonth(d, 2);
  // the row stores of this close go to a folder of their own, to be counted
  const tmp = mkdtempSync(join(tmpdir(), "menerva-moved-"));
  let moved = false;
  process.env["TMPDIR"] = tmp;
  const r = await close(d, "2025-02", {
    // the first time the exports are read: another close takes January first
    afterRead: async () => {
      if (moved) return;
      moved = true;
      await close(d, "2025-01");
    },
  });
  expect(moved).toBe(true);
  const ledger = (dir: string) => readFileSync(join(dir, "out/ledger.jsonl"), "utf8");
  expect(ledger(d)).toBe(ledger(reference));
  expect(r.report.result.period.label).toBe("2025-02");
  // each close keeps one store for the report it returns (removed at exit): January's, and this close's second
  // reading; the first reading's is gone
  expect(readdirSync(tmp).filter((f) => f.startsWith("menerva-rows-"))).toHaveLength(2);
});
