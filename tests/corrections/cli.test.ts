// The correction workflow through the built CLI, as a controller runs it
// (issue 11): a dry run prints exactly what the close prints and writes
// nothing; a typo'd or gapped period is refused with the ledger unchanged;
// `ledger verify --inputs` names changed rows and exits 3; `ledger undo`
// walks back; `report` builds the
// year from the ledger alone; rows outside a partner's span are refused.
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { menerva, treeHashes } from "../cli/helpers.js";
import { scenarioDir, writeMonth } from "./scenario.js";

const ledgerOf = (d: string) => join(d, "out/ledger.jsonl");
const readLedger = (d: string) => readFileSync(ledgerOf(d), "utf8");

function closedThrough(m: 1 | 2): string {
  const d = scenarioDir();
  for (let k = 1; k <= m; k++) {
    writeMonth(d, k as 1 | 2);
    const r = menerva(["close", `2025-0${k}`, "--formats", "json"], d);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return d;
}

describe("close --dry-run", () => {
  it("prints exactly what the close prints (text and JSON), writes nothing and leaves no lock", () => {
    const d = closedThrough(1);
    writeMonth(d, 2);
    const before = treeHashes(d);
    const dryText = menerva(["close", "2025-02", "--dry-run"], d);
    const dryJson = menerva(["close", "2025-02", "--dry-run", "--json"], d);
    expect(dryText.code, dryText.stderr).toBe(0);
    expect(dryJson.code).toBe(0);
    // the workflow's config says language: nl, so the run speaks Dutch
    expect(dryText.stderr).toMatch(/^Proefrun: er werd niets geschreven\. `menerva close 2025-02` zou out\/2025-02\/ schrijven \(json, csv, xlsx\) en grootboekrecord [0-9a-f]{12} toevoegen\.\n$/);
    expect(treeHashes(d)).toEqual(before); // no outputs, no record, no lock, no temp file
    const realJson = menerva(["close", "2025-02", "--json", "--out", "out/real-json"], d);
    expect(realJson.stdout).toBe(dryJson.stdout);
    // the same close again (now a reproducing re-close) prints the same text as the dry run did
    const realText = menerva(["close", "2025-02"], d);
    expect(realText.stdout).toBe(dryText.stdout);
    expect(JSON.parse(dryJson.stdout).adjustments.length).toBeGreaterThan(0);
  });

  it("refuses in a dry run exactly what the close refuses", () => {
    const d = closedThrough(1);
    const r = menerva(["close", "2025-03", "--dry-run"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("laat een gat (2025-02-01..2025-02-28) na");
  });
});

describe("validate PERIOD", () => {
  it("agrees with close --dry-run: the same ledger planning, refusals and exit codes", () => {
    const d = closedThrough(2);
    writeMonth(d, 3);
    expect(menerva(["close", "2025-03", "--formats", "json"], d).code).toBe(0);
    const before = treeHashes(d);
    // after the last closed period, a gap; a closed period whose inputs changed; a re-close; the next period
    for (const [period, code] of [["2025-05", 2], ["2025-01", 3], ["2025-03", 0], ["2025-04", 2], ["2025-02", 3]] as const) {
      const dry = menerva(["close", period, "--dry-run"], d);
      const v = menerva(["validate", period], d);
      expect({ period, close: dry.code, validate: v.code }).toEqual({ period, close: code, validate: code });
      if (code !== 0) expect(v.stderr).toBe(dry.stderr);
    }
    expect(menerva(["validate", "2025-03"], d).stdout).toContain("2025-03: al afgesloten met deze invoer (een afsluiting maakt ze opnieuw).");
    expect(menerva(["validate", "2025-03", "--lang", "en"], d).stdout).toContain("2025-03: already closed with these inputs (a close reproduces it).");
    expect(menerva(["validate", "2025-04", "--allow-empty"], d).code).toBe(0);
    expect(JSON.parse(menerva(["validate", "2025-04", "--allow-empty", "--json"], d).stdout).close).toEqual({ period: "2025-04", ledger: "append" });
    expect(treeHashes(d)).toEqual(before); // validate writes nothing
  });
});

describe("safe periods", () => {
  it("a typo (2030-Q1 after 2025-01) is refused with the period that should come next; the ledger is unchanged", () => {
    const d = closedThrough(1);
    const ledger = readLedger(d);
    const r = menerva(["close", "2030-Q1"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2030-Q1 (2030-01-01..2030-03-31) laat een gat (2025-02-01..2029-12-31) na de laatst afgesloten periode 2025-01");
    expect(r.stderr).toContain("de volgende periode begint op 2025-02-01, sluit 2025-02 af");
    const en = menerva(["close", "2030-Q1", "--lang", "en"], d);
    expect(en.stderr).toContain("2030-Q1 (2030-01-01..2030-03-31) leaves a gap (2025-02-01..2029-12-31) after the last closed period 2025-01");
    expect(en.stderr).toContain("the next period starts on 2025-02-01, close 2025-02");
    expect(readLedger(d)).toBe(ledger);
    expect(existsSync(join(d, "out/2030-Q1"))).toBe(false);
  });

  it("the first close starts at the project's start", () => {
    const d = scenarioDir();
    writeMonth(d, 1);
    const r = menerva(["close", "2025-02"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2025-02 (2025-02-01..2025-02-28) is niet de eerste periode van het project: er is nog geen periode afgesloten en het project begint op 2025-01-01");
    expect(r.stderr).toContain("sluit 2025-01 af");
    expect(existsSync(ledgerOf(d))).toBe(false);
  });

  it("a period whose last month holds no input data is refused with the period that fits (a typo 2025 for 2025-01), unless --allow-empty", () => {
    const d = scenarioDir();
    writeMonth(d, 1); // January's exports: the latest date is 31 January (staff rows of 2025-01)
    for (const [typo, last] of [["2025", "2025-12"], ["2025-Q1", "2025-03"], ["2025-01-01..2025-02-10", "2025-02"]] as const) {
      const r = menerva(["close", typo, "--dry-run", "--lang", "en"], d);
      expect(r.code, typo).toBe(2);
      expect(r.stderr).toContain(`reaches past the inputs: their latest date is 2025-01-31, before its last month (${last})`);
      expect(r.stderr).toContain("the period that fits the inputs is 2025-01 (`menerva close 2025-01`)");
      expect(r.stderr).toContain("--allow-empty");
    }
    expect(menerva(["close", "2025", "--formats", "json"], d).code).toBe(2);
    expect(existsSync(ledgerOf(d))).toBe(false);
    expect(existsSync(join(d, "out/2025"))).toBe(false);
    writeMonth(d, 3); // data through March: the quarter fits now
    expect(menerva(["close", "2025-Q1", "--dry-run"], d).code).toBe(0);
    expect(menerva(["close", "2025", "--dry-run", "--allow-empty"], d).code).toBe(0);
  });

  it("the right next period after the exports' latest date is refused unless --allow-empty", () => {
    const d = closedThrough(2);
    const r = menerva(["close", "2025-03", "--formats", "json"], d); // February's exports: nothing in March
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2025-03 begint op 2025-03-01, na de laatste datum in de invoer (2025-02-28)");
    expect(r.stderr).toContain("--allow-empty");
    expect(menerva(["close", "2025-03", "--formats", "json", "--allow-empty"], d).code).toBe(0);
  });
});

describe("ledger verify --inputs", () => {
  it("lists every closed row that changed or vanished, with the new version's file:line, and exits 3", () => {
    const d = closedThrough(1);
    expect(menerva(["ledger", "verify", "--inputs"], d).code).toBe(0);
    writeMonth(d, 2);
    const r = menerva(["ledger", "verify", "--inputs"], d);
    expect(r.code).toBe(3);
    // one language at a time: the config's (Dutch), no "changed / gewijzigd"
    expect(r.stdout).toContain("2025-01 uren Q-Jobs 2025-01-06 K1 7,6: gewijzigd → exports/uren-qjobs.csv:2 (gefactureerd in 2025-01)");
    expect(r.stdout).toContain("2025-01 uren Flexer 2025-01-09 K3 6: verdwenen (gefactureerd in 2025-01)");
    expect(r.stdout).toContain("2025-01 voordelen Q-Jobs 2025-01-13 K1 RSZ 1.000: gewijzigd → exports/voordelen.csv:2");
    expect(r.stdout).toContain("2025-01 personeel BLM 2025-01 coach 100: gewijzigd → exports/personeel.csv:2");
    expect(r.stdout).toContain("2 late rijen gedateerd in afgesloten periodes, nog niet gefactureerd: exports/kosten.csv:2, exports/uren-qjobs.csv:5");
    expect(r.stdout).toContain("keten in orde");
    expect(r.stdout).not.toMatch(/ \/ |chain verified|changed|billed in/);
    const en = menerva(["ledger", "verify", "--inputs", "--lang", "en"], d);
    expect(en.stdout).toContain("2025-01 hours Q-Jobs 2025-01-06 K1 7.6: changed → exports/uren-qjobs.csv:2 (billed in 2025-01)");
    expect(en.stdout).toContain("2025-01 hours Flexer 2025-01-09 K3 6: vanished (billed in 2025-01)");
    expect(en.stdout).toContain("chain verified");
    expect(en.stdout).not.toMatch(/ \/ |keten|gewijzigd|verdwenen/);
    // one path style, relative to the config like every other message (the ledger is in out/: no ../exports/)
    expect(en.stdout).toContain("5 of 5 input files changed since the last close that read them (exports/uren-flexer.csv, exports/uren-qjobs.csv, exports/voordelen.csv, exports/personeel.csv, exports/kosten.csv); row by row:");
    expect(r.stdout).not.toContain("../");
    const j = JSON.parse(menerva(["ledger", "verify", "--inputs", "--json"], d).stdout);
    expect(j.rows_changed).toHaveLength(4);
    expect(j.inputs.map((i: { file: string }) => i.file)).toEqual(["exports/uren-flexer.csv", "exports/uren-qjobs.csv", "exports/voordelen.csv", "exports/personeel.csv", "exports/kosten.csv"]);
    // after the next close, the books and the exports agree again
    expect(menerva(["close", "2025-02", "--formats", "json"], d).code).toBe(0);
    const after = menerva(["ledger", "verify", "--inputs"], d);
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout).toContain("elke afgesloten rij staat in de exports zoals ze afgesloten werd");
  });
});

describe("a fee changed for a closed period (QA #9)", () => {
  it("is said by verify --inputs and by the close that bills late rows at it; closed rows keep their billed rate", () => {
    const d = closedThrough(1);
    writeMonth(d, 2);
    writeFileSync(join(d, "menerva.yaml"), readFileSync(join(d, "menerva.yaml"), "utf8").replace("{from: 2025-01-01, rate: 2.50}", "{from: 2025-01-01, rate: 3.00}"));
    const v = menerva(["ledger", "verify", "--inputs", "--lang", "en"], d);
    expect(v.stdout).toContain("fees: the hourly fee of Q-Jobs and Flexer for 2025-01-01..2025-01-31 is 3.00 in the config, 2.50 when 2025-01 was closed: closed rows keep 2.50, late rows of 2025-01 are billed at 3.00");
    expect(JSON.parse(menerva(["ledger", "verify", "--inputs", "--json"], d).stdout).fee_changes).toEqual([
      { kind: "hours", nec_partners: ["Q-Jobs", "Flexer"], days: ["2025-01-01..2025-01-31"], periods: ["2025-01"], closed_with: "2.5", config: "3" },
    ]);
    const c = menerva(["close", "2025-02", "--json"], d);
    expect(c.code, c.stderr).toBe(0);
    const s = JSON.parse(c.stdout);
    const w = s.warnings.filter((x: { code: string }) => x.code === "fee-differs-from-close");
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain("late rows of 2025-01 are billed at 3.00 (2 late rows in this close)");
    // the reversal of the edited 7.6 h at the billed 2.50, its new version and the late row at 3.00
    const q = s.adjustments.filter((a: { kind: string; nec_partner: string }) => a.kind === "hours" && a.nec_partner === "Q-Jobs");
    expect(q.map((a: { action: string; hours: string; rate: string }) => [a.action, a.hours, a.rate])).toEqual([["reverse", "-7.6", "2.50"], ["add", "6.6", "3.00"], ["add", "3", "3.00"]]);
    writeMonth(d, 3);
    const m = JSON.parse(menerva(["close", "2025-03", "--json"], d).stdout);
    expect(m.warnings.filter((x: { code: string }) => x.code === "fee-differs-from-close")).toEqual([]); // said once; no late January rows now
  });
});

describe("withdrawn rows (QA #1)", () => {
  it("an agency's only row vanishing from the shared cumulative export is reversed; one missing from its own export's range is warned", () => {
    const d = scenarioDir();
    writeMonth(d, 1);
    appendFileSync(join(d, "exports/voordelen.csv"), "2025-01-20,Flexer,K3,RSZ,500.00\n");
    expect(menerva(["close", "2025-01", "--formats", "json"], d).code).toBe(0);
    writeMonth(d, 2); // the shared voordelen.csv no longer holds Flexer's row
    writeFileSync(join(d, "exports/uren-flexer.csv"), "date,nec_partner,candidate_id,hours\n2025-02-10,Flexer,K3,6\n"); // Flexer's own file now starts in February
    const v = menerva(["ledger", "verify", "--inputs", "--lang", "en"], d);
    expect(v.stdout).toContain("2025-01 benefits Flexer 2025-01-20 K3 RSZ 500: vanished (billed in 2025-01)");
    expect(v.stdout).toContain("2025-01 hours Flexer 2025-01-08 K3 6: missing, no cumulative export restates it");
    expect(v.stdout).toContain("closed rows missing that no cumulative export restates: the next close leaves them billed and warns (exit 3)");
    const s = JSON.parse(menerva(["close", "2025-02", "--json"], d).stdout);
    const flexer = s.invoices.find((i: { nec_partner: string }) => i.nec_partner === "Flexer");
    expect(flexer.benefits).toBe("-500.00");
    const w = s.warnings.find((x: { code: string }) => x.code === "closed-rows-not-restated");
    expect(w.message).toBe("2 closed hours rows of Flexer dated 2025-01-08..2025-01-09 (2025-01) are in no export any more, and no cumulative export restates their dates: they stay billed, not reversed");
    expect(s.warnings.find((x: { code: string }) => x.code === "partner-rows-all-withdrawn").message).toContain("no export holds a benefit row of Flexer any more");
  });
});

describe("ledger undo", () => {
  it("removes the last close into the archive, walks back when repeated, and the same close redone gives the same record", () => {
    const d = closedThrough(2);
    const full = readLedger(d);
    const [first, second] = full.trim().split("\n");
    const r = menerva(["ledger", "undo"], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Ongedaan gemaakt: 2025-02 (record 2");
    expect(readLedger(d)).toBe(`${first}\n`);
    expect(readFileSync(join(d, "out/ledger.archive.jsonl"), "utf8")).toBe(`${second}\n`);
    expect(menerva(["ledger", "undo", "2025-02"], d).code).toBe(3); // the guard: 2025-02 is no longer the last
    expect(menerva(["ledger", "undo", "2025-01"], d).code).toBe(0);
    expect(readLedger(d)).toBe("");
    expect(menerva(["ledger", "undo"], d).code).toBe(3); // nothing left
    for (const m of [1, 2] as const) {
      writeMonth(d, m);
      expect(menerva(["close", `2025-0${m}`, "--formats", "json"], d).code).toBe(0);
    }
    expect(readLedger(d)).toBe(full);
  });
  // A close that issued numbered documents: tests/einvoice/close-cli.test.ts (undo refused without --credit).
});

describe("report PERIOD", () => {
  it("builds the year from the ledger alone and names the periods still open", () => {
    const d = closedThrough(2);
    writeMonth(d, 3);
    expect(menerva(["close", "2025-03", "--formats", "json"], d).code).toBe(0);
    // the exports may be gone: the report reads only the ledger
    writeFileSync(join(d, "exports/uren-qjobs.csv"), "broken");
    const r = menerva(["report", "2025", "--json"], d);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.closes.map((c: { period: string }) => c.period)).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(j.open_periods).toEqual(["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
    const sum = (xs: string[]) => xs.reduce((a, x) => a + Math.round(Number(x) * 100), 0);
    expect(sum(j.invoices.map((i: { subtotal: string }) => i.subtotal))).toBe(sum(j.closes.map((c: { revenue: string }) => c.revenue)));
    expect(j.invoices.find((i: { nec_partner: string }) => i.nec_partner === "Flexer")).toMatchObject({ hours: "14", corrections: "-9.50" });
    expect(Object.keys(treeHashes(join(d, "out/report-2025"))).sort()).toEqual(["closes.csv", "corrections.csv", "invoices.csv", "menerva-report-2025.xlsx", "open-periods.csv", "report.json", "settlement.csv"]);
  });

  it("never calls a period before the start closed, and titles the statement by its period's kind (QA 1 #12)", () => {
    const d = closedThrough(2);
    const report = (args: string[]) => {
      const r = menerva(["report", ...args, "--formats", "json"], d);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    // 2024 lies before the project's start (2025-01): nothing closed, nothing to close
    const y2024 = report(["2024"]);
    expect(y2024).not.toMatch(/elke dag van de periode is afgesloten/);
    expect(y2024).toContain("Nog open periodes: geen: 2024 ligt vóór de start van het project (2025-01-01), er valt niets af te sluiten");
    expect(y2024.split("\n")[0]).toBe("MENERVA — Jaaroverzicht 2024 (2024-01-01 .. 2024-12-31)");
    expect(JSON.parse(report(["2024", "--json"]))).toMatchObject({ open_periods: [], project_start: "2025-01-01", before_project_start: "2024-01-01..2024-12-31" });
    expect(report(["2024", "--lang", "en"])).toContain("Periods still open: none: 2024 lies before the project's start (2025-01-01), there is nothing to close");
    // a range reaching back before the start: its closed part, its open part, and the part before the start
    expect(report(["2024-12-01..2025-03-31"])).toContain("Nog open periodes: 2025-03; 2024-12-01..2024-12-31 ligt vóór de start van het project (2025-01-01): er valt niets af te sluiten");
    // titles by kind, Dutch and English
    const title = (args: string[]) => report(args).split("\n")[0];
    expect(title(["2025"])).toBe("MENERVA — Jaaroverzicht 2025 (2025-01-01 .. 2025-12-31)");
    expect(title(["2025-Q1"])).toBe("MENERVA — Kwartaaloverzicht 2025-Q1 (2025-01-01 .. 2025-03-31)");
    expect(title(["2025-02"])).toBe("MENERVA — Maandoverzicht 2025-02 (2025-02-01 .. 2025-02-28)");
    expect(title(["2025-01-01..2025-02-28"])).toBe("MENERVA — Overzicht 2025-01-01..2025-02-28 (2025-01-01 .. 2025-02-28)");
    expect(title(["2025-Q1", "--lang", "en"])).toBe("MENERVA — Quarter statement 2025-Q1 (2025-01-01 .. 2025-03-31)");
    expect(title(["2025-02", "--lang", "en"])).toBe("MENERVA — Month statement 2025-02 (2025-02-01 .. 2025-02-28)");
    expect(title(["2025-01-01..2025-02-28", "--lang", "en"])).toBe("MENERVA — Statement 2025-01-01..2025-02-28 (2025-01-01 .. 2025-02-28)");
    expect(title(["2025", "--lang", "en"])).toBe("MENERVA — Year statement 2025 (2025-01-01 .. 2025-12-31)");
    // the whole period closed: then, and only then, "every day is closed"
    expect(report(["2025-01-01..2025-02-28"])).toContain("Nog open periodes: geen: elke dag van de periode is afgesloten");
  });
});

describe("partners joining and leaving", () => {
  it("a row of an agency dated after it left is refused with file:line", () => {
    const d = closedThrough(2);
    writeMonth(d, 3);
    appendFileSync(join(d, "exports/uren-flexer.csv"), "2025-03-10,Flexer,K5,4\n");
    const r = menerva(["close", "2025-03"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("exports/uren-flexer.csv:5: kolom 'date': Flexer neemt niet deel op 2025-03-10 (gelezen: \"2025-03-10\")");
    expect(r.stderr).toContain("Flexer neemt deel tot en met 2025-02-28");
  });
});
