// The close without an invoicing block, and the e-invoicing input errors
// (issue 12), through the built CLI: each refused with its exit code and a
// message naming where, and nothing written.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { menerva, scratchFixtures } from "../cli/helpers.js";

const CONFIG = "fixtures/menerva.yaml";

/** The shipped example with its config edited. */
function example(edit: (yaml: string) => string): string {
  const dir = scratchFixtures();
  const path = join(dir, CONFIG);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return dir;
}

const withoutInvoicing = (yaml: string): string => yaml.replace(/\ninvoicing:\n[\s\S]*?\n(?=# Closed periods)/, "\n");

// The example's config speaks Dutch; the checks that read English messages ask for English (--lang en).
describe("a close without an invoicing block", () => {
  it("works as before and says that no documents were made (text and JSON)", () => {
    const dir = example(withoutInvoicing);
    expect(readFileSync(join(dir, CONFIG), "utf8")).not.toContain("invoicing:");
    const text = menerva(["close", "2025-Q1", "-c", CONFIG, "--dry-run"], dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Geen documenten gemaakt: de config heeft geen invoicing:-blok");
    const run = menerva(["close", "2025-Q1", "-c", CONFIG, "--json"], dir);
    expect(run.code, run.stderr).toBe(0);
    const s = JSON.parse(run.stdout);
    expect(s.invoicing).toEqual({ enabled: false, message: "no documents were made: the config has no invoicing: block (README, E-invoices)" });
    expect(s.documents).toEqual([]);
    expect(s.invoices[0]).toMatchObject({ nec_partner: "Q-Jobs", number: null, kind: "invoice", issue_date: null, due_date: null, payment_reference: null, document: null, total: "19631.10" });
    expect(existsSync(join(dir, "out/2025-Q1/invoices"))).toBe(false);
    expect(existsSync(join(dir, "out/2025-Q1/journal.csv"))).toBe(false);
    expect(readFileSync(join(dir, "out/menerva-ledger.jsonl"), "utf8")).not.toContain('"issued"');
    const late = menerva(["close", "2025-04", "-c", CONFIG, "--invoice-date", "2025-05-02", "--allow-empty", "--lang", "en"], dir);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain("--invoice-date needs an invoicing: block in the config");
  });
});

describe("e-invoicing input errors", () => {
  it("an invoiced NEC partner without a buyer entry is an input error at the config's buyers line; nothing is written", () => {
    const dir = example((y) => y.replace(/    Itzu Jobs:\n(      .*\n)+/, ""));
    // the buyers map: the line after `buyers:`, where its entries start
    const line = readFileSync(join(dir, CONFIG), "utf8").split("\n").findIndex((l) => l.startsWith("  buyers:")) + 2;
    for (const args of [["close", "2025-Q1", "-c", CONFIG, "--lang", "en"], ["validate", "2025-Q1", "-c", CONFIG, "--lang", "en"]]) {
      const r = menerva(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(`${CONFIG}:${line}:5: invoicing.buyers: no buyer entry for NEC partner "Itzu Jobs"`);
    }
    expect(existsSync(join(dir, "out/2025-Q1"))).toBe(false);
    expect(existsSync(join(dir, "out/menerva-ledger.jsonl"))).toBe(false);
  });

  it("--invoice-date must be a date on or after the period's last day", () => {
    const dir = scratchFixtures();
    const bad = menerva(["close", "2025-Q1", "-c", CONFIG, "--invoice-date", "2025-02-30"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a date (got "2025-02-30"); write YYYY-MM-DD');
    const early = menerva(["close", "2025-Q1", "-c", CONFIG, "--invoice-date", "2025-03-15", "--lang", "en"], dir);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("invoice date 2025-03-15 is before the end of the period (2025-03-31)");
    expect(existsSync(join(dir, "out/2025-Q1"))).toBe(false);
    expect(existsSync(join(dir, "out/menerva-ledger.jsonl"))).toBe(false);
  });

  it("a chosen invoice date is recorded: the documents carry it, the due date follows, a re-close without the option reproduces it; later documents never carry an earlier date", () => {
    const dir = scratchFixtures();
    const first = menerva(["close", "2025-Q1", "-c", CONFIG, "--invoice-date", "2025-08-01", "--json"], dir);
    expect(first.code, first.stderr).toBe(0);
    const s = JSON.parse(first.stdout);
    expect(s.invoices.map((i: { issue_date: string; due_date: string }) => `${i.issue_date} ${i.due_date}`)).toEqual(Array(3).fill("2025-08-01 2025-08-31"));
    const again = menerva(["close", "2025-Q1", "-c", CONFIG, "--json"], dir);
    expect(again.stdout).toBe(first.stdout);
    // April's default date (2025-05-01) would come before MEN2025-0003's: it moves up, with a warning; an earlier chosen date is refused
    const back = menerva(["close", "2025-04", "-c", CONFIG, "--invoice-date", "2025-05-01", "--lang", "en"], dir);
    expect(back.code).toBe(2);
    expect(back.stderr).toContain("issue date 2025-05-01 is before 2025-08-01, the date of MEN2025-0003, the last document of 2025");
    const dry = menerva(["close", "2025-04", "-c", CONFIG, "--json", "--dry-run"], dir);
    expect(dry.code, dry.stderr).toBe(0);
    const april = JSON.parse(dry.stdout);
    expect(april.invoices.map((i: { number: string; issue_date: string }) => `${i.number} ${i.issue_date}`)).toEqual(["MEN2025-0004 2025-08-01", "MEN2025-0005 2025-08-01", "MEN2025-0006 2025-08-01"]);
    expect(april.warnings.map((w: { code: string }) => w.code)).toContain("invoice-date-moved");
  });

  it("a reopen never drops issued documents: without the invoicing block any more it is refused and nothing changes", () => {
    const dir = scratchFixtures();
    expect(menerva(["close", "2025-Q1", "-c", CONFIG], dir).code).toBe(0);
    const ledger = readFileSync(join(dir, "out/menerva-ledger.jsonl"), "utf8");
    writeFileSync(join(dir, CONFIG), withoutInvoicing(readFileSync(join(dir, CONFIG), "utf8")));
    const r = menerva(["close", "2025-Q1", "-c", CONFIG, "--reopen", "--lang", "en"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("the ledger holds issued documents this close must keep (MEN2025-0001, MEN2025-0002, MEN2025-0003), but the config has no invoicing: block");
    expect(readFileSync(join(dir, "out/menerva-ledger.jsonl"), "utf8")).toBe(ledger);
  });
});
