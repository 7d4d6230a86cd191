// Every kill point of a close, a reopen and an undo (QA report 1 #3): the
// process stops after n renames (outputs, ledger, head, archive), for every
// n. Then the ledger still reads (never as one that lost a record), and
// running the same command again ends in the state an uninterrupted run
// gives: the same ledger, a head that names its last record, every closed
// period's output folder its closed set.
import { mkdirSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const kill = { after: Infinity, done: 0 };
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (kill.done++ >= kill.after) throw new Error("killed");
      return fs.rename(from, to);
    },
  };
});

const { runClose } = await import("../../src/app/close-run.js");
const { undoLastClose } = await import("../../src/app/ledger-undo.js");
const { readLedger, archivePathFor } = await import("../../src/ledger/ledger-file.js");
const { readArchive } = await import("../../src/ledger/archive.js");
const { verifyOutputs } = await import("../../src/app/verify-outputs.js");
const { scenarioDir, writeMonth } = await import("../corrections/scenario.js");
const { WORKFLOW_INVOICING } = await import("../einvoice/close-scenario.js");

type Step = (d: string) => Promise<unknown>;
const close = (period: string, extra: { reopen?: boolean } = {}): Step => async (d) => {
  const r = await runClose({ configPath: join(d, "menerva.yaml"), period, formats: ["json"], ...extra });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
};
const undo: Step = async (d) => {
  const r = await undoLastClose(join(d, "out/ledger.jsonl"));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
};

/** Renames `step` makes when nothing stops it. */
async function renamesOf(setup: (d: string) => Promise<string>, step: Step): Promise<number> {
  const d = await setup(scenarioDir());
  kill.done = 0;
  await step(d);
  return kill.done;
}

/**
 * A reopen run again after it renamed the ledger (the kill hit the head) is a
 * second reopen: its documents are the same numbers, now marked kept
 * (`carried_over`), so the records are compared without that mark and the hashes.
 */
const sameDocuments = (text: string): unknown =>
  text
    .trim()
    .split("\n")
    .map((l) => {
      const { hash: _h, prev_hash: _p, ...r } = JSON.parse(l);
      return { ...r, issued: (r.issued ?? []).map(({ carried_over: _c, ...d }: { carried_over?: boolean }) => d) };
    });

/** The state after a kill at every rename, then the same command again, must be the uninterrupted state. */
async function everyKillPoint(setup: (d: string) => Promise<string>, step: Step, compare: (ledger: string) => unknown = (t) => t): Promise<void> {
  const reference = await setup(scenarioDir());
  await step(reference);
  const want = compare(readFileSync(join(reference, "out/ledger.jsonl"), "utf8"));
  const n = await renamesOf(setup, step);
  expect(n).toBeGreaterThan(2);
  for (let k = 0; k < n; k++) {
    const d = await setup(scenarioDir());
    kill.after = k;
    kill.done = 0;
    await expect(step(d), `kill after ${k} of ${n} renames`).rejects.toThrow("killed");
    kill.after = Infinity;
    const between = await readLedger(join(d, "out/ledger.jsonl"));
    expect(between.ok, `after a kill at rename ${k}: ${between.ok ? "" : between.issues.map((i) => i.message).join("; ")}`).toBe(true);
    await step(d); // the same command again
    const after = await readLedger(join(d, "out/ledger.jsonl"));
    expect(after.ok).toBe(true);
    if (!after.ok) continue;
    expect({ k, ledger: compare(readFileSync(join(d, "out/ledger.jsonl"), "utf8")) }).toEqual({ k, ledger: want });
    const head = JSON.parse(readFileSync(join(d, "out/ledger.jsonl.head"), "utf8"));
    expect({ k, count: head.count, last: head.last_hash }).toEqual({ k, count: after.value.records.length, last: after.value.records.at(-1)?.hash ?? "" });
    expect(after.value.headLag).toBeUndefined();
    const archive = await readArchive(archivePathFor(join(d, "out/ledger.jsonl")));
    const outputs = await verifyOutputs(after.value, join(d, "out"), archive.ok ? archive.value : []);
    expect({ k, bad: outputs.filter((o) => o.status !== "ok" && o.status !== "undone") }).toEqual({ k, bad: [] });
  }
}

/** The workflow with invoicing, January closed (and February when `february`). */
const closedThrough = (february: boolean) => async (d: string): Promise<string> => {
  appendFileSync(join(d, "menerva.yaml"), WORKFLOW_INVOICING);
  mkdirSync(join(d, "exports"), { recursive: true });
  writeMonth(d, 1);
  await close("2025-01")(d);
  writeMonth(d, 2);
  if (february) await close("2025-02")(d);
  return d;
};

describe("a kill at any rename of a close, a reopen or an undo, then the same command again", () => {
  it("close: outputs first, then ledger and head", async () => {
    await everyKillPoint(closedThrough(false), close("2025-02"));
  }, 120_000);

  it("close --reopen: the changed documents credited and issued anew, once", async () => {
    const setup = async (d: string) => {
      await closedThrough(true)(d);
      writeFileSync(join(d, "exports/uren-qjobs.csv"), `${readFileSync(join(d, "exports/uren-qjobs.csv"), "utf8")}2025-02-21,Q-Jobs,K2,3\n`);
      return d;
    };
    await everyKillPoint(setup, close("2025-02", { reopen: true }), sameDocuments);
  }, 120_000);

  it("ledger undo --credit: the credit notes issued once, the close undone", async () => {
    const credited: Step = async (d) => {
      const r = await undoLastClose(join(d, "out/ledger.jsonl"), undefined, { configPath: join(d, "menerva.yaml") });
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
    };
    // the numbers the archive holds: the credit notes of the undone close, each once
    const numbers = (d: string) =>
      readFileSync(join(d, "out/ledger.archive.jsonl"), "utf8")
        .trim()
        .split("\n")
        .flatMap((l) => (JSON.parse(l).issued ?? []).map((x: { number: string }) => x.number));
    await everyKillPoint(closedThrough(true), credited);
    const reference = await closedThrough(true)(scenarioDir());
    await credited(reference);
    for (let k = 0; k < 3; k++) {
      const d = await closedThrough(true)(scenarioDir());
      kill.after = (await renamesOf(closedThrough(true), credited)) - 3 + k; // the archive, head and ledger renames
      kill.done = 0;
      await expect(credited(d)).rejects.toThrow("killed");
      kill.after = Infinity;
      if (k > 0) {
        // archived with its credit notes, still in the ledger: no close may carry those notes anywhere
        const r = await runClose({ configPath: join(d, "menerva.yaml"), period: "2025-02", formats: ["json"] });
        expect(r.ok ? "closed" : r.issues.map((i) => i.code)).toEqual(["undo-interrupted"]);
      }
      await credited(d);
      expect({ k, numbers: [...new Set(numbers(d))].sort() }).toEqual({ k, numbers: [...new Set(numbers(reference))].sort() });
    }
  }, 180_000);

  it("ledger undo (a close without documents)", async () => {
    const setup = async (d: string) => {
      mkdirSync(join(d, "exports"), { recursive: true });
      writeMonth(d, 1);
      await close("2025-01")(d);
      writeMonth(d, 2);
      await close("2025-02")(d);
      return d;
    };
    await everyKillPoint(setup, undo);
  }, 120_000);
});
