// Identical rows inside one export are warned about per group, capped as the
// reader caps its warnings: the first 1,000 groups of a file, then one "N
// more" line carrying N. Both engines (in memory and streaming) write the
// same warnings, so a large export full of repeated rows does not hold a
// warning per group, and the two closes stay identical to the byte.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summaryJsonText } from "../../src/app/close-outputs.js";
import { runClose, type CloseRunOptions } from "../../src/app/close-run.js";
import { render } from "../../src/i18n/render.js";

const GROUPS = 1_234;

const CONFIG = `start: 2025-01
se_partners: [A, B]
nec_partners: [Q-Jobs]
fees:
  hourly:
    - {from: 2025-01-01, rate: 2.50}
  benefit_share: 0.70
  benefit_types: [RSZ]
inputs:
  hours: [uren.csv]
  benefits: [voordelen.csv]
  staff: [personeel.csv]
ledger: ledger.jsonl
output: out
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "menerva-dup-cap-"));
  writeFileSync(join(dir, "menerva.yaml"), CONFIG);
  writeFileSync(join(dir, "personeel.csv"), "period,partner,role,fte,cost\n2025-01,A,coach,0.5,3000.00\n2025-01,B,coach,0.5,3000.00\n");
  // each group: one candidate's row written twice, the copies next to each other (lines 2k and 2k+1)
  const lines = ["date,nec_partner,candidate_id,hours"];
  for (let g = 0; g < GROUPS; g++) {
    const row = `2025-01-${String(1 + (g % 28)).padStart(2, "0")},Q-Jobs,K${String(g).padStart(5, "0")},1`;
    lines.push(row, row);
  }
  lines.push("2025-01-31,Q-Jobs,SOLO,2"); // a row without a twin: no warning
  writeFileSync(join(dir, "uren.csv"), `${lines.join("\n")}\n`);
  writeFileSync(join(dir, "voordelen.csv"), "date,nec_partner,candidate_id,type,amount\n2025-01-10,Q-Jobs,K00001,RSZ,100.00\n");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A dry-run close of January in folder `where` (the config's relative paths resolve there). */
async function closeIn(where: string, opts: Partial<CloseRunOptions>) {
  const cwd = process.cwd();
  process.chdir(where);
  try {
    const r = await runClose({ configPath: "menerva.yaml", period: "2025-01", formats: ["json"], dryRun: true, ...opts });
    if (!r.ok) throw new Error(r.issues.map((i) => render(i.message, "en")).join("; "));
    return r.report;
  } finally {
    process.chdir(cwd);
  }
}
const close = (opts: Partial<CloseRunOptions>) => closeIn(dir, opts);

describe("identical rows in one export", () => {
  it.each([
    ["memory" as const, "", {}],
    ["streaming" as const, "", { threads: 0, tuning: { chunkBytes: 4096, bloomBits: 64 } }],
    // the flagged rows collected from the store and settled in parts of at most 700 fingerprints, in any order of first rows
    ["streaming" as const, " (second pass in parts)", { threads: 0, tuning: { chunkBytes: 4096, bloomBits: 64, flaggedListCap: 1000, secondPassKeys: 700 } }],
  ])("%s engine%s: 1,000 warnings, then one line counting the other groups", async (engine, _, extra) => {
    const report = await close({ engine, ...extra });
    const dups = report.warnings.filter((w) => w.code === "duplicate-row");
    expect(dups).toHaveLength(1_000);
    // the first groups of the file, in file order, each naming its two lines
    expect(dups[0]).toMatchObject({ source: { file: "uren.csv", line: 2 }, found: "lines 2, 3" });
    expect(dups[999]).toMatchObject({ source: { file: "uren.csv", line: 2 + 2 * 999 }, found: `lines ${2 + 2 * 999}, ${3 + 2 * 999}` });
    const more = report.warnings.filter((w) => w.code === "more-issues");
    expect(more).toHaveLength(1);
    expect(more[0]).toMatchObject({ severity: "warning", source: { file: "uren.csv" }, more: GROUPS - 1_000 });
    expect(render(more[0]!.message, "en")).toBe(`${GROUPS - 1_000} more warnings in this file not shown`);
    expect(report.warnings).toHaveLength(1_001);
  });

  it("both engines write the same summary to the byte", async () => {
    const memory = summaryJsonText(await close({ engine: "memory" }));
    const streaming = summaryJsonText(await close({ engine: "streaming", threads: 0, tuning: { chunkBytes: 4096, bloomBits: 64 } }));
    expect(streaming).toBe(memory);
    const inParts = summaryJsonText(await close({ engine: "streaming", threads: 0, tuning: { chunkBytes: 4096, bloomBits: 64, flaggedListCap: 1000, secondPassKeys: 700 } }));
    expect(inParts).toBe(memory);
    expect(memory).toContain(`"message": "${GROUPS - 1_000} more warnings in this file not shown"`);
  });
});

describe("a group of many identical rows", () => {
  let many: string;
  beforeAll(() => {
    many = mkdtempSync(join(tmpdir(), "menerva-dup-many-"));
    writeFileSync(join(many, "menerva.yaml"), CONFIG);
    writeFileSync(join(many, "personeel.csv"), "period,partner,role,fte,cost\n2025-01,A,coach,0.5,3000.00\n2025-01,B,coach,0.5,3000.00\n");
    const row = "2025-01-07,Q-Jobs,K1,1";
    writeFileSync(join(many, "uren.csv"), `date,nec_partner,candidate_id,hours\n${Array(25).fill(row).join("\n")}\n2025-01-08,Q-Jobs,K2,2\n`);
    writeFileSync(join(many, "voordelen.csv"), "date,nec_partner,candidate_id,type,amount\n2025-01-10,Q-Jobs,K1,RSZ,100.00\n");
  });
  afterAll(() => rmSync(many, { recursive: true, force: true }));

  it.each([
    ["memory" as const, {}],
    ["streaming" as const, { threads: 0, tuning: { chunkBytes: 256, bloomBits: 64 } }],
  ])("%s engine: counts all 25 and names the first ten lines (a group keeps no more)", async (engine, extra) => {
    const cwd = process.cwd();
    process.chdir(many);
    try {
      const r = await runClose({ configPath: "menerva.yaml", period: "2025-01", formats: ["json"], dryRun: true, engine, ...extra });
      if (!r.ok) throw new Error(r.issues.map((i) => render(i.message, "en")).join("; "));
      const dups = r.report.warnings.filter((w) => w.code === "duplicate-row");
      expect(dups).toHaveLength(1);
      expect(dups[0]).toMatchObject({ source: { file: "uren.csv", line: 2 }, found: "lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …" });
      expect(render(dups[0]!.message, "en")).toMatch(/^25 identical rows/);
      expect(r.report.result.rows.hours.included).toBe(26);
    } finally {
      process.chdir(cwd);
    }
  });
});

// The streaming engine keeps, per file, no more than twice the groups it shows (issue 15: an export of millions of
// rows held hundreds of thousands of groups in memory). Here the twins come in reverse order, so the groups are
// settled last-first: the ones kept must still be the file's first 1,000, and the count must hold all of them.
describe("more groups than are kept, settled in reverse order", () => {
  const N = 4_321;
  let rev: string;
  beforeAll(() => {
    rev = mkdtempSync(join(tmpdir(), "menerva-dup-rev-"));
    writeFileSync(join(rev, "menerva.yaml"), CONFIG);
    writeFileSync(join(rev, "personeel.csv"), "period,partner,role,fte,cost\n2025-01,A,coach,0.5,3000.00\n2025-01,B,coach,0.5,3000.00\n");
    const rows = Array.from({ length: N }, (_, g) => `2025-01-${String(1 + (g % 28)).padStart(2, "0")},Q-Jobs,R${String(g).padStart(5, "0")},1`);
    // lines 2..N+1: every row once; lines N+2..2N+1: the same rows again, last first
    writeFileSync(join(rev, "uren.csv"), `date,nec_partner,candidate_id,hours\n${[...rows, ...[...rows].reverse()].join("\n")}\n`);
    writeFileSync(join(rev, "voordelen.csv"), "date,nec_partner,candidate_id,type,amount\n2025-01-10,Q-Jobs,R00001,RSZ,100.00\n");
  });
  afterAll(() => rmSync(rev, { recursive: true, force: true }));


  it("the streaming engine names the file's first 1,000 groups and counts the other 3,321, as the in-memory one", async () => {
    const report = await closeIn(rev, { engine: "streaming", threads: 0, tuning: { chunkBytes: 8192, bloomBits: 1 << 16 } });
    const dups = report.warnings.filter((w) => w.code === "duplicate-row");
    expect(dups).toHaveLength(1_000);
    expect(dups[0]).toMatchObject({ source: { file: "uren.csv", line: 2 }, found: `lines 2, ${2 * N + 1}` });
    expect(dups[999]).toMatchObject({ source: { file: "uren.csv", line: 1_001 }, found: `lines 1001, ${2 * N + 1 - 999}` });
    expect(report.warnings.find((w) => w.code === "more-issues")).toMatchObject({ source: { file: "uren.csv" }, more: N - 1_000 });
    expect(summaryJsonText(report)).toBe(summaryJsonText(await closeIn(rev, { engine: "memory" })));
  });
});
