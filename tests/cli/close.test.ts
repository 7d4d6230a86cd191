// End to end through the built CLI: exit codes, --json on stdout only,
// byte-identical outputs, nothing written on bad input, the ledger's refusals.
import { existsSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { menerva, scratchFixtures, treeHashes } from "./helpers.js";

describe("menerva close on the shipped example", () => {
  let dir: string;
  let first: ReturnType<typeof menerva>;
  beforeAll(() => {
    dir = scratchFixtures();
    first = menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--json"], dir);
  });

  it("exits 0 and prints only the JSON summary on stdout", () => {
    expect(first.code, first.stderr).toBe(0);
    const s = JSON.parse(first.stdout);
    expect(s.period).toBe("2025-Q1");
    expect(s.invoices.map((i: { nec_partner: string }) => i.nec_partner)).toEqual(["Q-Jobs", "Flexer", "Itzu Jobs"]);
    expect(s.checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
    expect(first.stderr).toBe("");
  });

  it("writes the statement, the CSV tables, the summary and the e-invoices with their journal to out/<period>", () => {
    const files = Object.keys(treeHashes(join(dir, "out/2025-Q1"))).sort();
    const documents = ["MEN2025-0001", "MEN2025-0002", "MEN2025-0003"].flatMap((n) => [`invoices/${n}.pdf`, `invoices/${n}.xml`]);
    expect(files).toEqual(
      ["SHA256SUMS", "corrections.csv", "detail.csv", "exceptions.csv", "invoices.csv", "journal.csv", "menerva-2025-Q1.xlsx", "reserve.csv", "rows.csv", "settlement-corrections.csv", "settlement.csv", "staff.csv", "summary.json", ...documents].sort(),
    );
    expect(JSON.parse(readFileSync(join(dir, "out/2025-Q1/summary.json"), "utf8"))).toEqual(JSON.parse(first.stdout));
  });

  it("accounts for every row read", () => {
    const s = JSON.parse(first.stdout);
    for (const kind of ["hours", "benefits"] as const) {
      const read = s.inputs.filter((f: { kind: string }) => f.kind === kind).reduce((a: number, f: { rows: number }) => a + f.rows, 0);
      const counted = Object.values(s.rows[kind] as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(counted).toBe(read);
    }
  });

  it("re-closing with the same inputs reproduces byte-identical outputs and appends nothing", () => {
    const ledger = readFileSync(join(dir, "out/menerva-ledger.jsonl"), "utf8");
    expect(ledger.trim().split("\n")).toHaveLength(1);
    const again = menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--out", "out/again", "--lang", "nl"], dir);
    expect(again.code, again.stderr).toBe(0);
    // a new folder: the files written to a folder that held none of them (in Dutch, as the period was closed)
    expect(again.stderr).toMatch(/al afgesloten met dezelfde invoer: uitvoer opnieuw gemaakt \(\d+ bestanden geschreven naar een map die er nog geen van bevatte\), grootboek ongewijzigd/);
    expect(treeHashes(join(dir, "out/again"))).toEqual(treeHashes(join(dir, "out/2025-Q1")));
    expect(readFileSync(join(dir, "out/menerva-ledger.jsonl"), "utf8")).toBe(ledger);
  });

  it("a re-close after the export grew only outside the period leaves the closed statement untouched", () => {
    const d = scratchFixtures();
    expect(menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml"], d).code).toBe(0);
    const before = treeHashes(join(d, "out"));
    appendFileSync(join(d, "fixtures/exports/uren-qjobs.csv"), "2025-04-28,Q-Jobs,KND-0099,6,BLM,Later BV,\n"); // a Q2 row
    const r = menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml"], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("de exports veranderden enkel buiten de periode");
    expect(treeHashes(join(d, "out"))).toEqual(before);
  });

  it("--reopen that fails to write leaves the ledger as it was", () => {
    const d = scratchFixtures();
    expect(menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--formats", "json"], d).code).toBe(0);
    const ledger = readFileSync(join(d, "out/menerva-ledger.jsonl"), "utf8");
    writeFileSync(join(d, "blocker"), "a file where a folder is needed");
    const r = menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--reopen", "--out", "blocker/x"], d);
    expect(r.code).not.toBe(0);
    expect(readFileSync(join(d, "out/menerva-ledger.jsonl"), "utf8")).toBe(ledger);
    expect(menerva(["ledger", "verify", "--config", "fixtures/menerva.yaml"], d).code).toBe(0);
  });

  it("refuses a gap (exit 2) naming the period that should come next, and leaves the ledger as it was", async () => {
    const d = scratchFixtures();
    expect(menerva(["close", "2025-01", "--config", "fixtures/menerva.yaml", "--formats", "json"], d).code).toBe(0);
    const ledger = readFileSync(join(d, "out/menerva-ledger.jsonl"), "utf8");
    const r = menerva(["close", "2025-03", "--config", "fixtures/menerva.yaml", "--formats", "json", "--lang", "en"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2025-03 (2025-03-01..2025-03-31) leaves a gap (2025-02-01..2025-02-28) after the last closed period 2025-01");
    expect(r.stderr).toContain("the next period starts on 2025-02-01, close 2025-02");
    expect(readFileSync(join(d, "out/menerva-ledger.jsonl"), "utf8")).toBe(ledger);
    expect(existsSync(join(d, "out/2025-03"))).toBe(false);
  });

  it("refuses (exit 3) to re-close with different inputs and says what changed", () => {
    const d = scratchFixtures();
    expect(menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--formats", "json"], d).code).toBe(0);
    appendFileSync(join(d, "fixtures/exports/uren-qjobs.csv"), "2025-03-28,Q-Jobs,KND-0099,6,BLM,Late BV,\n");
    const r = menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--formats", "json", "--lang", "en"], d);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("out/menerva-ledger.jsonl:1: 2025-Q1 is already closed, with other inputs:"); // the record's line

    expect(r.stderr).toContain("exports/uren-qjobs.csv: 1 row added");
    // this close issued invoices: the undo it names is the one that is allowed (plain `ledger undo` is refused)
    expect(r.stderr).toContain("run `menerva close 2025-Q1 --reopen` or `menerva ledger undo --credit`");
  });

  it("--reopen redoes the last close with new inputs and archives the old record", () => {
    const d = scratchFixtures();
    const before = JSON.parse(menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--json", "--formats", "json"], d).stdout);
    const oldRecord = readFileSync(join(d, "out/menerva-ledger.jsonl"), "utf8");
    appendFileSync(join(d, "fixtures/exports/uren-qjobs.csv"), "2025-03-28,Q-Jobs,KND-0099,6,BLM,Late BV,\n");
    const r = menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--json", "--formats", "json", "--reopen"], d);
    expect(r.code, r.stderr).toBe(0);
    const after = JSON.parse(r.stdout);
    expect(after.rows.hours.included).toBe(before.rows.hours.included + 1);
    expect(readFileSync(join(d, "out/menerva-ledger.archive.jsonl"), "utf8")).toBe(oldRecord);
    expect(readFileSync(join(d, "out/menerva-ledger.jsonl"), "utf8").trim().split("\n")).toHaveLength(1);
    expect(menerva(["ledger", "verify", "--config", "fixtures/menerva.yaml"], d).code).toBe(0);
  });

  it("--reopen refuses a period that is not the last close", () => {
    const d = scratchFixtures();
    expect(menerva(["close", "2025-01", "--config", "fixtures/menerva.yaml", "--formats", "json"], d).code).toBe(0);
    expect(menerva(["close", "2025-02", "--config", "fixtures/menerva.yaml", "--formats", "json"], d).code).toBe(0);
    const r = menerva(["close", "2025-01", "--config", "fixtures/menerva.yaml", "--reopen", "--lang", "en", "--debug"], d);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("menerva-ledger.jsonl:2: 2025-01 is not the last closed period (that is 2025-02): only the last close can be reopened");
  });

  it("refuses (exit 2) a period before the last closed one", () => {
    const d = scratchFixtures();
    expect(menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--formats", "json"], d).code).toBe(0);
    const r = menerva(["close", "2024-12", "--config", "fixtures/menerva.yaml", "--formats", "json", "--lang", "en"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2024-12 (2024-12-01..2024-12-31) comes before the last closed period 2025-Q1");
    expect(r.stderr).toContain("the next period starts on 2025-04-01, close 2025-04");
  });

  it("the next period skips rows already closed and picks up deferred rows", () => {
    const d = scratchFixtures();
    const q1 = JSON.parse(menerva(["close", "2025-Q1", "--config", "fixtures/menerva.yaml", "--json"], d).stdout);
    const q2 = JSON.parse(menerva(["close", "2025-04", "--config", "fixtures/menerva.yaml", "--json"], d).stdout); // the exports end in April
    expect(q2.rows.hours.already_closed).toBe(q1.rows.hours.included + q1.rows.hours.adjustment);
    expect(q2.rows.hours.included).toBe(q1.rows.hours.deferred);
    expect(q2.reserve.opening).toBe(q1.reserve.closing);
    expect(q2.reserve.opening_from).toBe("2025-Q1");
  });
});

describe("bad input", () => {
  it("reports every problem with file:line, exits 2 and writes nothing", () => {
    const d = scratchFixtures();
    const r = menerva(["close", "2025-Q1", "--config", "fixtures/broken/bad-exports.yaml", "--lang", "en"], d);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const expected = readFileSync(join(d, "fixtures/broken/exports/EXPECTED.txt"), "utf8").trim();
    expect(r.stderr).toBe(`${expected}\n12 problems found; nothing was written.\n`);
    expect(existsSync(join(d, "out"))).toBe(false);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it("with --json, a refusal is also JSON on stdout for a pipeline: exit, count and every problem with its place", () => {
    const d = scratchFixtures();
    const r = menerva(["close", "2025-Q1", "--config", "fixtures/broken/bad-exports.yaml", "--json"], d);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: false, exit: 2, problems: 12 });
    expect(j.issues).toHaveLength(12);
    expect(j.issues).toContainEqual(expect.objectContaining({ severity: "error", code: "unknown-partner", file: "exports/personeel.csv", line: 4, found: "BLMM" }));
    expect(r.stderr).toContain("12 "); // the text stays on stderr
    expect(existsSync(join(d, "out"))).toBe(false);
  });

  it("names a bad period with a hint", () => {
    const d = scratchFixtures();
    const r = menerva(["close", "2025-Q5", "--config", "fixtures/menerva.yaml", "--lang", "en"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PERIOD: not a period (got "2025-Q5")');
    expect(r.stderr).toContain("hint: write a month (2025-03), a quarter (2025-Q1)");
  });

  it("a config problem points at line and column", () => {
    const d = scratchFixtures();
    writeFileSync(join(d, "fixtures/x.yaml"), readFileSync(join(d, "fixtures/menerva.yaml"), "utf8").replace("vat_rate: 0.21", "vat_rate: 0.21\nbogus_key: 1"));
    const r = menerva(["validate", "--config", "fixtures/x.yaml", "--lang", "en"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fixtures\/x\.yaml:\d+:1: bogus_key: unknown key/m);
  });

  it("usage errors exit 2 without a stack trace", () => {
    const r = menerva(["close"], scratchFixtures());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'period'");
  });

  it("validate reads everything and writes nothing", () => {
    const d = scratchFixtures();
    const r = menerva(["validate", "2025-Q1", "--config", "fixtures/menerva.yaml", "--lang", "en"], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^OK: 8 files, \d+ rows read, (\d+) warnings\.\n2025-Q1: a new close \(it would append a ledger record\)\.\nOutside the config's folder: \.\.\/out\/menerva-ledger\.jsonl\n$/);
    // every warning is listed, not only counted
    const count = Number(/(\d+) warnings/.exec(r.stdout)![1]);
    expect(count).toBeGreaterThan(0);
    expect(r.stderr.split("\n").filter((l) => /^(\S+: )?warning: /.test(l)).length).toBe(count);
    expect(r.stderr).toContain("exports/uren-itzu.csv:57: warning: column 'Hours': more than 24 hours on one row");
    expect(existsSync(join(d, "out"))).toBe(false);
  });
});
