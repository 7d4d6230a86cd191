// The ledger's billed columns of a large close are filled on two threads
// (billed-writer.ts): the second thread starts when the rows are read and
// touches the pages of the buffer the two threads share, then fills the rows
// after the point the merge marked. On an export large enough that this
// buffer spans thousands of pages and both parts hold rows of most groups,
// the ledger is the same to the byte as the one a single thread writes and
// as the in-memory close's, with a large amount and a negative zero (kept as
// exact text) among its rows, and so are the outputs.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { runClose, type CloseRunOptions } from "../../src/app/close-run.js";
import { FillHelper } from "../../src/engine/billed-writer.js";
// @ts-expect-error: the benchmark's data generator is plain JavaScript
import { generate } from "../../bench/gen-data.mjs";

let root = "";
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "menerva-fill-"));
  for (const d of ["one", "two", "ref"]) {
    mkdirSync(join(root, d));
    await generate(join(root, d), 120_000, 7, { belgian: true });
    // a large amount (the close's totals must stay below 10^12), and a negative zero, which takes the exact-text
    // path of the fill (a row's side text, not its scaled integer)
    appendFileSync(join(root, d, "benefits.csv"), ["02/03/2025;Q-Jobs;C000001;RSZ;987.654.321,09", "15/11/2025;Flexer;C000002;maatwerk;-0,00"].join("\n") + "\n");
  }
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function close(dir: string, opts: Partial<CloseRunOptions>) {
  const r = await runClose({ configPath: join(dir, "menerva.yaml"), period: "2025", formats: ["json", "csv"], out: join(dir, "out"), ...opts });
  expect(r.ok ? "closed" : r.issues.filter((i) => i.severity === "error").map((i) => `${i.source?.file}:${i.source?.line} ${i.code}`)).toBe("closed");
  return readFileSync(join(dir, "bench-ledger.jsonl"), "latin1");
}

it("fills the billed columns on two threads to the same bytes as on one, and as the in-memory close", async () => {
  // the second thread runs the built worker script: without it the fill would quietly take one thread
  expect(FillHelper.script()).toBeDefined();
  const one = await close(join(root, "one"), { threads: 0 });
  const two = await close(join(root, "two"), { threads: 1, tuning: { fillFrom: 0 } });
  expect(two.length).toBeGreaterThan(120_000 * 30);
  const ref = await close(join(root, "ref"), { engine: "memory" });
  // where they first differ (-1: nowhere), not the whole ledger in a failure message
  const firstDifference = (a: string, b: string): number => {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    return at === a.length && a.length === b.length ? -1 : at;
  };
  expect(firstDifference(two, one)).toBe(-1);
  expect(firstDifference(two, ref)).toBe(-1);
  expect(two).toContain(" 987654321.09 ");
  // the summary names the config by its path, in its own folder
  const summary = (d: string) => readFileSync(join(root, d, "out", "summary.json"), "utf8");
  expect(summary("two").replaceAll("/two/", "/one/")).toBe(summary("one"));
  expect(summary("two").replaceAll("/two/", "/ref/")).toBe(summary("ref"));
}, 120_000);

it("a second thread left running never keeps the process from ending, and keeps it alive while waited on", () => {
  // a close that fails between reading and sealing leaves its prepared helper to the store's disposal; the CLI
  // must still exit. Awaiting the helper's readiness, with nothing else pending, must not end the process early.
  const url = new URL("../../dist/engine/billed-writer.js", import.meta.url).href;
  const script = `const { FillHelper } = await import(${JSON.stringify(url)}); const h = FillHelper.prepare(1 << 24); await h.ready(); console.log("ready");`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
  expect(r.signal).toBeNull();
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe("ready");
}, 40_000);
