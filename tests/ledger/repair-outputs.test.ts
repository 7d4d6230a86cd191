// QA report 1 #2, #3, #10: a closed period's damaged or lost output folder is
// put back without changing the books (`ledger repair-outputs`), byte for
// byte where the exports are as at the close, the e-invoices from the
// record's snapshot whatever the exports; a re-close says exactly what it
// rewrote; a lagging ledger head is reported and renewed by the next close;
// an output folder of a close the ledger does not hold is flagged.
import { appendFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { menerva, treeHashes } from "../cli/helpers.js";
import { scenarioDir, writeMonth } from "../corrections/scenario.js";
import { WORKFLOW_INVOICING } from "../einvoice/close-scenario.js";

const ledgerBytes = (d: string) => `${readFileSync(join(d, "out/ledger.jsonl"), "utf8")}|${readFileSync(join(d, "out/ledger.jsonl.head"), "utf8")}`;
const folder = (d: string, p: string) => treeHashes(join(d, "out", p));

function januaryClosed(invoicing = false): string {
  const d = scenarioDir();
  if (invoicing) appendFileSync(join(d, "menerva.yaml"), WORKFLOW_INVOICING);
  writeMonth(d, 1);
  const r = menerva(["close", "2025-01"], d);
  if (r.code !== 0) throw new Error(r.stderr);
  return d;
}

describe("ledger repair-outputs", () => {
  it("with the exports as at the close: the lost folder comes back byte for byte, the ledger untouched", () => {
    const d = januaryClosed(true);
    const closed = folder(d, "2025-01");
    const ledger = ledgerBytes(d);
    rmSync(join(d, "out/2025-01"), { recursive: true });
    expect(menerva(["ledger", "verify", "--outputs", "--lang", "en"], d).stdout).toContain("2025-01: out/2025-01: no output folder");
    // a folder that is not there may have been written elsewhere (--out): written only when the period is named
    expect(menerva(["ledger", "repair-outputs", "--lang", "en"], d).stdout).toContain("2025-01: no folder out/2025-01/ (written elsewhere with --out?); `menerva ledger repair-outputs 2025-01` writes it there");
    const r = menerva(["ledger", "repair-outputs", "2025-01", "--lang", "en"], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("2025-01: rewrote out/2025-01/ (");
    expect(r.stdout).toContain("the same bytes as closed");
    expect(folder(d, "2025-01")).toEqual(closed);
    expect(ledgerBytes(d)).toBe(ledger);
    expect(menerva(["ledger", "repair-outputs", "2025-01", "--lang", "en"], d).stdout).toContain("2025-01: out/2025-01/ holds its closed set; nothing written");
    // in the config's language (Dutch) without --lang
    expect(menerva(["ledger", "repair-outputs", "2025-01"], d).stdout).toBe("2025-01: out/2025-01/ bevat zijn afgesloten set; er werd niets geschreven\nHet grootboek werd niet gewijzigd.\n");
  });

  it("QA repro: a damaged file and exports that grew outside the period; close says what works, repair-outputs repairs, verify agrees", () => {
    const d = januaryClosed();
    const ledger = ledgerBytes(d);
    appendFileSync(join(d, "out/2025-01/rows.csv"), "x\n");
    appendFileSync(join(d, "exports/uren-qjobs.csv"), "2025-02-03,Q-Jobs,K1,8\n");
    const v = menerva(["ledger", "verify", "--outputs", "--lang", "en"], d);
    expect(v.code).toBe(3);
    expect(v.stdout).toContain("`menerva ledger repair-outputs` rewrites them from the ledger and the exports without changing the books");
    const c = menerva(["close", "2025-01"], d);
    expect(c.code).toBe(0);
    // the close speaks the language it writes: the period was closed in Dutch
    expect(c.stderr).toContain("De map is niet de afgesloten set (ontbrekende of gewijzigde bestanden): `menerva ledger repair-outputs 2025-01` herschrijft ze zonder de boekhouding te wijzigen.");
    const r = menerva(["ledger", "repair-outputs", "--lang", "en"], d);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("2025-01: rewrote out/2025-01/ (11 files) from today's exports, as the exports changed outside 2025-01 since its close");
    expect(menerva(["ledger", "verify", "--outputs", "--lang", "en"], d).code).toBe(0);
    expect(ledgerBytes(d)).toBe(ledger);
    // the same figures as closed: the invoices table and the statement's ledger record are the closed ones
    const summary = JSON.parse(readFileSync(join(d, "out/2025-01/summary.json"), "utf8"));
    expect(summary.ledger_record).toBe(readFileSync(join(d, "out/ledger.jsonl"), "utf8").match(/"hash":"([0-9a-f]{64})"/g)!.pop()!.slice(8, 72));
  });

  it("with changed billed rows: the e-invoices are restored from the record, the rest is named with the way out (exit 3); with the exports put back, all of it", () => {
    const d = januaryClosed(true);
    const closed = folder(d, "2025-01");
    const ledger = ledgerBytes(d);
    const invoices = readdirSync(join(d, "out/2025-01/invoices"));
    expect(invoices).toContain("MEN2025-0001.pdf");
    rmSync(join(d, "out/2025-01/invoices/MEN2025-0001.pdf"));
    writeFileSync(join(d, "out/2025-01/invoices/MEN2025-0002.xml"), "<damaged/>");
    appendFileSync(join(d, "out/2025-01/rows.csv"), "x\n");
    writeMonth(d, 2); // February's exports: January's rows changed
    const r = menerva(["ledger", "repair-outputs", "--lang", "en"], d);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("2025-01: restored invoices/MEN2025-0001.pdf, invoices/MEN2025-0002.xml in out/2025-01/; cannot rewrite rows.csv of out/2025-01/");
    expect(r.stdout).toContain("put the exports back as they were at the close (`menerva ledger show 2025-01` lists them with their SHA-256)");
    const now = folder(d, "2025-01");
    for (const f of ["invoices/MEN2025-0001.pdf", "invoices/MEN2025-0002.xml"]) expect(now[f]).toBe(closed[f]);
    expect(ledgerBytes(d)).toBe(ledger);
    writeMonth(d, 1); // the same file names: January's exports are back as they were
    const again = menerva(["ledger", "repair-outputs", "2025-01", "--lang", "en"], d);
    expect(again.code, again.stdout).toBe(0);
    expect(folder(d, "2025-01")).toEqual(closed);
  });
});

describe("a re-close says exactly what it rewrote (QA #10)", () => {
  it("other presentation options: which files changed and which options differ from the close's; without options, the close's", () => {
    const d = januaryClosed();
    expect(readFileSync(join(d, "out/ledger.jsonl"), "utf8")).toContain('"presentation":{"csv_style":"plain","formats":["json","csv","xlsx"],"language":"nl"}');
    const closed = folder(d, "2025-01");
    const be = menerva(["close", "2025-01", "--csv-style", "excel-be"], d);
    // a re-close speaks the language it writes: Dutch, as closed, unless --lang says otherwise
    expect(be.stderr).toMatch(/al afgesloten met dezelfde invoer, grootboek ongewijzigd; geschreven met --csv-style excel-be \(afgesloten met plain\): \d+ bestanden herschreven met andere bytes \(corrections\.csv, /);
    const en = menerva(["close", "2025-01", "--lang", "en", "--formats", "json,csv"], d);
    expect(en.stderr).toContain("written with --formats json,csv (closed with json,csv,xlsx), --lang en (closed with nl)");
    expect(en.stderr).toContain("1 removed (menerva-2025-01.xlsx)");
    const back = menerva(["close", "2025-01"], d); // no options: as closed
    expect(back.stderr).toContain("geschreven zoals afgesloten (--formats json,csv,xlsx --csv-style plain --lang nl) over een set die anders geschreven was");
    expect(folder(d, "2025-01")).toEqual(closed);
    expect(menerva(["close", "2025-01"], d).stderr).toContain("al afgesloten met dezelfde invoer: uitvoer byte voor byte opnieuw gemaakt, grootboek ongewijzigd.");
  });

  it("a close with --csv-style excel-be is reproduced by a re-close without options", () => {
    const d = scenarioDir();
    writeMonth(d, 1);
    expect(menerva(["close", "2025-01", "--csv-style", "excel-be"], d).code).toBe(0);
    const closed = folder(d, "2025-01");
    expect(menerva(["close", "2025-01"], d).stderr).toContain("uitvoer byte voor byte opnieuw gemaakt");
    expect(folder(d, "2025-01")).toEqual(closed);
  });
});

describe("a lagging ledger head (QA #3)", () => {
  it("is reported by ledger verify with what to do, renewed by the re-close that reproduces the outputs; a deleted last record is then refused", () => {
    const d = januaryClosed();
    const headJanuary = readFileSync(join(d, "out/ledger.jsonl.head"), "utf8");
    writeMonth(d, 2);
    expect(menerva(["close", "2025-02"], d).code).toBe(0);
    writeFileSync(join(d, "out/ledger.jsonl.head"), headJanuary); // as if killed between the ledger's rename and the head's
    const v = menerva(["ledger", "verify", "--lang", "en"], d);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain("the ledger's head names record 1 (2025-01), but the ledger holds 2 records: a close (or an undo) was interrupted between writing the ledger and its head");
    expect(v.stderr).toContain("`menerva close 2025-02` reproduces the last close and renews it");
    const r = menerva(["close", "2025-02"], d);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("de kop van het grootboek, die achterliep op het grootboek, werd vernieuwd");
    expect(JSON.parse(readFileSync(join(d, "out/ledger.jsonl.head"), "utf8")).count).toBe(2);
    expect(menerva(["ledger", "verify", "--lang", "en"], d).stderr).not.toContain("head");
    const lines = readFileSync(join(d, "out/ledger.jsonl"), "utf8").split("\n");
    writeFileSync(join(d, "out/ledger.jsonl"), `${lines[0]}\n`);
    expect(menerva(["ledger", "verify", "--lang", "en"], d).code).toBe(3);
  });

  it("verify --outputs flags the folder of a record deleted with its head; an undone close's folder is only reported", () => {
    const d = januaryClosed();
    writeMonth(d, 2);
    expect(menerva(["close", "2025-02"], d).code).toBe(0);
    expect(menerva(["ledger", "undo", "--lang", "en"], d).code).toBe(0);
    const undone = menerva(["ledger", "verify", "--outputs", "--lang", "en"], d);
    expect(undone.code).toBe(0);
    expect(undone.stdout).toContain("2025-02: out/2025-02: the outputs of a close of 2025-02 that was undone or reopened");
    expect(menerva(["close", "2025-02"], d).code).toBe(0);
    const lines = readFileSync(join(d, "out/ledger.jsonl"), "utf8").split("\n");
    writeFileSync(join(d, "out/ledger.jsonl"), `${lines[0]}\n`);
    rmSync(join(d, "out/ledger.jsonl.head"));
    rmSync(join(d, "out/ledger.archive.jsonl"));
    const v = menerva(["ledger", "verify", "--outputs", "--lang", "en"], d);
    expect(v.code).toBe(3);
    expect(v.stdout).toContain("which neither the ledger nor its archive holds: a record was removed from the ledger");
  });
});
