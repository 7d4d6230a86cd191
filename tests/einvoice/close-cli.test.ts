// The close issues e-invoices (issue 12), end to end through the built CLI:
// the shipped example, consecutive monthly closes across a year end, a credit
// note, a correction line, a partner named with & and é, four-decimal hours, a
// fee change inside a period, a benefit share per type, a reopen that changes
// a document, an undo that credits its documents. Every document the
// scenarios write is validated against the official CEN EN 16931 and Peppol
// BIS 3.0 rules in one Saxon run per rule set.
import { execFileSync } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { menerva, scratchFixtures, treeHashes, type Run } from "../cli/helpers.js";
import { addMonth, documentsUnder, element, expectedReference, journalOf, summaryOf, workflowDir, workflowMonth, yearEndDir, type Summary } from "./close-scenario.js";
import { describeFatal, validateUbl, type Report } from "./validate.js";

const ok = (r: Run): Run => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return r;
};
const json = (r: Run): Summary => JSON.parse(ok(r).stdout);

// --- the scenarios, run once; every XML they write is validated in one batch
const ex = { dir: "", first: {} as Summary, before: {} as Record<string, string>, after: {} as Record<string, string>, outputs: {} as Run };
const ye = {
  dir: "",
  nov: {} as Summary,
  decDry: {} as Run,
  decDryHashes: [{}, {}] as Record<string, string>[],
  dec: {} as Run,
  jan: {} as Summary,
  janTree: {} as Record<string, string>,
  janAgain: {} as Record<string, string>,
  reopen: {} as Summary,
  verify: {} as Run,
  list: {} as Run,
  otherDate: {} as Run,
};
const wf = { dir: "", months: [] as Summary[], undo: {} as Run, undoCredit: {} as Summary, redo: {} as Summary, verify: {} as Run };
let reports = new Map<string, Report>();
const xmls = new Map<string, string>();

beforeAll(async () => {
  // The shipped example, closed twice.
  ex.dir = scratchFixtures();
  ex.first = json(menerva(["close", "2025-Q1", "-c", "fixtures/menerva.yaml", "--json"], ex.dir));
  ex.before = treeHashes(join(ex.dir, "out"));
  ok(menerva(["close", "2025-Q1", "-c", "fixtures/menerva.yaml"], ex.dir));
  ex.after = treeHashes(join(ex.dir, "out"));
  ex.outputs = menerva(["ledger", "verify", "--outputs", "-c", "fixtures/menerva.yaml", "--lang", "en"], ex.dir);

  // November 2025 to January 2026, monthly.
  ye.dir = yearEndDir();
  addMonth(ye.dir, "2025-11");
  ye.nov = json(menerva(["close", "2025-11", "--json"], ye.dir));
  addMonth(ye.dir, "2025-12");
  ye.decDryHashes[0] = treeHashes(ye.dir);
  ye.decDry = ok(menerva(["close", "2025-12", "--dry-run", "--json", "--lang", "en"], ye.dir));
  ye.decDryHashes[1] = treeHashes(ye.dir);
  ye.dec = ok(menerva(["close", "2025-12", "--json", "--lang", "en"], ye.dir));
  addMonth(ye.dir, "2026-01");
  ye.jan = json(menerva(["close", "2026-01", "--json"], ye.dir));
  ye.janTree = treeHashes(join(ye.dir, "out"));
  ok(menerva(["close", "2026-01"], ye.dir));
  ye.janAgain = treeHashes(join(ye.dir, "out"));
  ye.otherDate = menerva(["close", "2026-01", "--invoice-date", "2026-02-05", "--lang", "en"], ye.dir);
  // Intérim corrects its January row: the reopen credits its document and issues a new one.
  const hours = join(ye.dir, "exports/uren.csv");
  writeFileSync(hours, readFileSync(hours, "utf8").replace("2026-01-08,Intérim & Co,K2,1\n", "2026-01-08,Intérim & Co,K2,1.5\n"));
  ye.reopen = json(menerva(["close", "2026-01", "--reopen", "--invoice-date", "2026-02-03", "--json"], ye.dir));
  ye.verify = menerva(["ledger", "verify", "--outputs", "--lang", "en"], ye.dir);
  ye.list = menerva(["ledger", "list", "--lang", "en"], ye.dir);

  // The correction workflow with an invoicing block; March undone with credit notes, then closed again.
  wf.dir = workflowDir();
  for (const m of [1, 2, 3] as const) {
    workflowMonth(wf.dir, m);
    wf.months.push(json(menerva(["close", `2025-0${m}`, "--json", "--formats", "json"], wf.dir)));
  }
  wf.undo = menerva(["ledger", "undo", "--lang", "en"], wf.dir);
  // the credit notes come from the ledger record alone: the exports are away (archived, say) while it runs
  renameSync(join(wf.dir, "exports"), join(wf.dir, "exports-away"));
  wf.undoCredit = json(menerva(["ledger", "undo", "--credit", "--json"], wf.dir));
  renameSync(join(wf.dir, "exports-away"), join(wf.dir, "exports"));
  wf.redo = json(menerva(["close", "2025-03", "--json", "--formats", "json"], wf.dir));
  wf.verify = menerva(["ledger", "verify", "--lang", "en"], wf.dir);

  for (const [tag, dir] of [["example", ex.dir], ["year-end", ye.dir], ["workflow", wf.dir]] as const) {
    for (const [path, xml] of documentsUnder(dir)) xmls.set(`${tag}: ${path}`, xml);
  }
  reports = await validateUbl(xmls);
}, 300_000);

describe("every document the closes wrote passes the official rules", () => {
  it("CEN EN 16931 and Peppol BIS 3.0: zero fatal errors, no warnings", () => {
    expect(xmls.size).toBeGreaterThanOrEqual(20);
    const fatal = [...reports].flatMap(([name, r]) => describeFatal(r).map((f) => `${name}: ${f}`));
    expect(fatal).toEqual([]);
    expect([...reports].flatMap(([name, r]) => r.warnings.map((w) => `${name}: ${w.id}`))).toEqual([]);
  });

  it("the documents cover the issue's cases", () => {
    const all = [...xmls.values()];
    expect(all.some((x) => x.includes("<CreditNote"))).toBe(true);
    expect(all.some((x) => x.includes('unitCode="HUR">7.1234<'))).toBe(true); // four-decimal hours, exact
    expect(all.some((x) => x.includes("Intérim &amp; Co SRL") && x.includes("PO &lt;42&gt; &amp; co"))).toBe(true);
    expect(all.some((x) => x.includes("<cbc:Note>Correction 2025-11</cbc:Note>"))).toBe(true); // a late row of November, on its own line
    expect(all.some((x) => x.includes("<cbc:Note>Correctie 2025-01</cbc:Note>"))).toBe(true); // the workflow's corrections of January
  });
});

describe("the shipped example", () => {
  it("issues one invoice per NEC partner, numbered from MEN2025-0001, with its fields in the JSON", () => {
    expect(ex.first.invoices.map((i: Summary) => [i.nec_partner, i.number, i.kind, i.issue_date, i.due_date, i.document])).toEqual([
      ["Q-Jobs", "MEN2025-0001", "invoice", "2025-04-01", "2025-05-01", "invoices/MEN2025-0001.xml"],
      ["Flexer", "MEN2025-0002", "invoice", "2025-04-01", "2025-05-01", "invoices/MEN2025-0002.xml"],
      ["Itzu Jobs", "MEN2025-0003", "invoice", "2025-04-01", "2025-05-01", "invoices/MEN2025-0003.xml"],
    ]);
    expect(ex.first.invoices.map((i: Summary) => i.payment_reference)).toEqual(["+++202/5000/00165+++", "+++202/5000/00266+++", "+++202/5000/00367+++"]);
    expect(ex.first.invoicing).toEqual({ enabled: true, invoice_date: "2025-04-01", documents: 3, new: 3, journal: "journal.csv" });
  });

  it("a re-close with the same inputs reproduces every file byte for byte; the documents are part of the output set", () => {
    expect(Object.keys(ex.after).filter((f) => f.includes("/invoices/"))).toHaveLength(6);
    expect(ex.after).toEqual(ex.before);
    const manifest = readFileSync(join(ex.dir, "out/2025-Q1/SHA256SUMS"), "utf8");
    for (const f of ["invoices/MEN2025-0001.xml", "invoices/MEN2025-0001.pdf", "journal.csv"]) expect(manifest).toContain(`  ${f}\n`);
    expect(ex.outputs.code, ex.outputs.stdout).toBe(0);
    expect(ex.outputs.stdout).toContain("outputs: 1 of 1 closed periods have a complete set matching SHA256SUMS");
  });

  it("the statement shows number, dates and structured reference on each invoice block", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ex.dir, "out/2025-Q1/menerva-2025-Q1.xlsx"));
    const ws = wb.getWorksheet("Facturen")!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1, 5).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))));
    for (const inv of ex.first.invoices) {
      const at = rows.findIndex((r) => r[0] === `Factuur aan ${inv.nec_partner}`);
      expect(rows[at + 1], inv.nec_partner).toEqual(["Nummer", inv.number, "Factuurdatum", inv.issue_date]);
      expect(rows[at + 2], inv.nec_partner).toEqual(["Gestructureerde mededeling", inv.payment_reference, "Vervaldatum", inv.due_date]);
    }
  });

  it("documents and journal tie to the JSON to the cent", () => {
    for (const inv of ex.first.invoices) tiesOut(ex.dir, "2025-Q1", inv);
    balanced(journalOf(ex.dir, "2025-Q1"));
  });

  it("invoices.csv names each block's document number in its last column", () => {
    const rows = invoicesCsvOf(ex.dir, "2025-Q1");
    expect(Object.keys(rows[0]!).at(-1)).toBe("document_number");
    const byPartner = new Map(ex.first.invoices.map((i: Summary) => [i.nec_partner, i.number]));
    expect(new Set(rows.map((r) => `${r.nec_partner} ${r.document_number}`))).toEqual(new Set(["Q-Jobs MEN2025-0001", "Flexer MEN2025-0002", "Itzu Jobs MEN2025-0003"]));
    for (const r of rows) expect(r.document_number, r.nec_partner).toBe(byPartner.get(r.nec_partner));
  });
});

/** invoices.csv of a close's output folder, by column name. */
function invoicesCsvOf(dir: string, folder: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, "out", folder, "invoices.csv")), { columns: true }) as Record<string, string>[];
}

/** The document of an invoice carries its figures: lines, VAT, total, reference, dates. */
function tiesOut(dir: string, folder: string, inv: Summary): void {
  const xml = readFileSync(join(dir, "out", folder, inv.document), "utf8");
  const sign = inv.kind === "credit_note" ? -1 : 1;
  const cents = (t: string | undefined) => Math.round(Number(t) * 100);
  expect(cents(element(xml, "cbc:TaxExclusiveAmount")) * sign, inv.number).toBe(cents(inv.subtotal));
  expect(cents(element(xml, "cbc:TaxAmount")) * sign, inv.number).toBe(cents(inv.vat));
  expect(cents(element(xml, "cbc:PayableAmount")) * sign, inv.number).toBe(cents(inv.total));
  expect(element(xml, "cbc:ID")).toBe(inv.number);
  expect(element(xml, "cbc:IssueDate")).toBe(inv.issue_date);
  expect(element(xml, "cbc:PaymentID")).toBe(inv.payment_reference);
  expect(inv.payment_reference).toBe(expectedReference(inv.number));
  expect(xml.includes(`<cbc:${inv.kind === "credit_note" ? "CreditNoteTypeCode>381" : "InvoiceTypeCode>380"}<`)).toBe(true);
  const lines = [...xml.matchAll(/<cac:(?:Invoice|CreditNote)Line>[\s\S]*?<cbc:LineExtensionAmount currencyID="EUR">([^<]*)</g)].map((m) => cents(m[1]) * sign);
  expect(lines, inv.number).toEqual(inv.lines.map((l: Summary) => cents(l.amount)));
}

/** Per document: Σ debit = Σ credit, and the receivable is the document's total. */
function balanced(rows: Record<string, string>[]): void {
  const by = new Map<string, { debit: number; credit: number }>();
  for (const r of rows) {
    const t = by.get(r.document!) ?? { debit: 0, credit: 0 };
    t.debit += Math.round(Number(r.debit) * 100);
    t.credit += Math.round(Number(r.credit) * 100);
    by.set(r.document!, t);
  }
  expect(by.size).toBeGreaterThan(0);
  for (const [doc, t] of by) expect(t.debit, doc).toBe(t.credit);
}

describe("monthly closes across a year end", () => {
  const dec = (): Summary => JSON.parse(ye.dec.stdout);

  it("numbering is gapless per calendar year of the issue date and restarts in the new year", () => {
    expect(ye.nov.invoices.map((i: Summary) => [i.number, i.issue_date])).toEqual([
      ["MEN2025-0001", "2025-12-01"],
      ["MEN2025-0002", "2025-12-01"],
    ]);
    expect(dec().invoices.map((i: Summary) => [i.number, i.issue_date])).toEqual([
      ["MEN2026-0001", "2026-01-01"],
      ["MEN2026-0002", "2026-01-01"],
    ]);
    expect(ye.jan.invoices.map((i: Summary) => [i.number, i.kind, i.issue_date])).toEqual([
      ["MEN2026-0003", "credit_note", "2026-02-01"],
      ["MEN2026-0004", "invoice", "2026-02-01"],
    ]);
    expect(ye.verify.code, ye.verify.stderr).toBe(0);
    expect(ye.verify.stdout).toContain("2025: MEN2025-0001..MEN2025-0002 (2); 2026: MEN2026-0001..MEN2026-0006 (6)");
    expect(ye.verify.stdout).toContain("outputs: 3 of 3 closed periods have a complete set matching SHA256SUMS"); // after the reopen too
  });

  it("a fee change inside the period, a share per benefit type, four-decimal hours and a correction line reach the document", () => {
    const q = ye.nov.invoices[0];
    expect(q.lines.map((l: Summary) => [l.kind, l.rate ?? l.share, l.hours ?? l.benefits, l.amount])).toEqual([
      ["hours", "2.50", "7.1234", "17.81"],
      ["hours", "2.75", "8", "22.00"],
      ["benefits", "0.70", "1000.00", "700.00"],
      ["benefits", "0.50", "400.00", "200.00"],
    ]);
    const interim = dec().invoices[1];
    expect(interim.lines.at(-1)).toMatchObject({ kind: "correction", of: "hours", period: "2025-11", hours: "3", amount: "8.25" });
    for (const [s, folder] of [[ye.nov, "2025-11"], [dec(), "2025-12"], [ye.jan, "2026-01"]] as const) {
      for (const inv of s.invoices) tiesOut(ye.dir, folder, inv);
    }
  });

  it("a document with a correction line names its buyer's document of the corrected period (BillingReference, note, PDF)", () => {
    const nov = ye.nov.invoices.find((i: Summary) => i.nec_partner === "Intérim & Co");
    const decDocs = dec().invoices;
    const interim = decDocs.find((i: Summary) => i.nec_partner === "Intérim & Co");
    const qjobs = decDocs.find((i: Summary) => i.nec_partner === "Q-Jobs");
    const xml = (inv: Summary) => readFileSync(join(ye.dir, "out/2025-12", inv.document), "utf8");
    const refs = (x: string) => [...x.matchAll(/<cac:InvoiceDocumentReference><cbc:ID>([^<]*)<\/cbc:ID><cbc:IssueDate>([^<]*)</g)].map((m) => [m[1], m[2]]);
    expect(refs(xml(interim).replace(/\s*\n\s*/g, ""))).toEqual([[nov.number, nov.issue_date]]);
    expect(xml(qjobs)).not.toContain("BillingReference"); // no correction line, no reference
    const pdf = execFileSync("pdftotext", ["-layout", join(ye.dir, "out/2025-12", interim.document.replace(/\.xml$/, ".pdf")), "-"], { encoding: "utf8" });
    expect(pdf.replace(/[ \t]+/g, " ")).toContain(`Corrects ${nov.number} of ${nov.issue_date}`); // December was closed in English
  });

  it("a negative period is a credit note with positive amounts; its journal is the invoice's booking reversed", () => {
    const cn = ye.jan.invoices[0];
    expect([cn.subtotal, cn.total, cn.credit_note]).toEqual(["-1394.50", "-1687.35", true]);
    const rows = journalOf(ye.dir, "2026-01").filter((r) => r.document === "MEN2026-0003");
    expect(rows.map((r) => [r.entry, r.debit, r.credit])).toEqual([
      ["receivable", "0.00", "1687.35"],
      ["revenue_hours", "0.00", "5.50"],
      ["revenue_benefits", "1400.00", "0.00"],
      ["vat", "292.85", "0.00"],
    ]);
    balanced(journalOf(ye.dir, "2026-01"));
    expect(invoicesCsvOf(ye.dir, "2026-01").filter((r) => r.line === "total_credit_note").map((r) => r.document_number)).toEqual(["MEN2026-0003"]);
  });

  it("a dry run prints what would be issued, numbers included, and writes nothing", () => {
    expect(ye.decDryHashes[1]).toEqual(ye.decDryHashes[0]);
    expect(ye.decDry.stdout).toBe(ye.dec.stdout);
    expect(ye.decDry.stderr).toContain("issue MEN2026-0001, MEN2026-0002");
  });

  it("English documents when the close is in English", () => {
    const xml = readFileSync(join(ye.dir, "out/2025-12/invoices/MEN2026-0002.xml"), "utf8");
    expect(xml).toContain("<cbc:Note>Correction");
    expect(xml).not.toContain("Factuur");
  });

  it("a re-close reproduces the bytes; another invoice date for a closed period is refused", () => {
    expect(ye.janAgain).toEqual(ye.janTree);
    expect(ye.otherDate.code).toBe(3);
    expect(ye.otherDate.stderr).toContain("2026-01 was closed with invoice date 2026-02-01; its documents are issued and keep their dates");
  });

  it("ledger list names each close's documents, in runs of numbers", () => {
    expect(ye.list.code, ye.list.stderr).toBe(0);
    const lines = ye.list.stdout.trimEnd().split("\n");
    expect(lines[1]).toMatch(/\shash\s+documents$/);
    expect(lines.slice(2).map((l: string) => l.replace(/^.*\s[0-9a-f]{12}\s+/, ""))).toEqual(["MEN2025-0001..MEN2025-0002", "MEN2026-0001..MEN2026-0002", "MEN2026-0003..MEN2026-0006"]);
  });

  it("a reopen credits the document that changed, issues a new one and keeps the others", () => {
    expect(ye.reopen.documents.map((d: Summary) => [d.number, d.kind, d.nec_partner, d.issue_date, d.status, d.reverses ?? d.reversed_by ?? ""])).toEqual([
      ["MEN2026-0003", "credit_note", "Q-Jobs", "2026-02-01", "kept", ""],
      ["MEN2026-0004", "invoice", "Intérim & Co", "2026-02-01", "kept", "MEN2026-0005"],
      ["MEN2026-0005", "credit_note", "Intérim & Co", "2026-02-03", "new", "MEN2026-0004"],
      ["MEN2026-0006", "invoice", "Intérim & Co", "2026-02-03", "new", ""],
    ]);
    expect(ye.reopen.invoices.map((i: Summary) => i.number)).toEqual(["MEN2026-0003", "MEN2026-0006"]);
    for (const inv of ye.reopen.invoices) tiesOut(ye.dir, "2026-01", inv);
    const credit = readFileSync(join(ye.dir, "out/2026-01/invoices/MEN2026-0005.xml"), "utf8");
    expect(credit).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>MEN2026-0004<\/cbc:ID>\s*<cbc:IssueDate>2026-02-01</);
    // the documents of the first close of January are still there, byte for byte
    const now = treeHashes(join(ye.dir, "out"));
    for (const f of ["2026-01/invoices/MEN2026-0003.xml", "2026-01/invoices/MEN2026-0004.xml", "2026-01/invoices/MEN2026-0004.pdf"]) expect(now[f], f).toBe(ye.janTree[f]);
    const archive = readFileSync(join(ye.dir, "out/ledger.archive.jsonl"), "utf8").trim().split("\n");
    expect(archive).toHaveLength(1); // the first close of January, whole
    balanced(journalOf(ye.dir, "2026-01"));
  });
});

describe("undo of a close that issued documents", () => {
  it("is refused without --credit, and nothing changes", () => {
    expect(wf.undo.code).toBe(3);
    expect(wf.undo.stderr).toContain("2025-03 issued numbered documents (MEN2025-0005, MEN2025-0006): undoing it would erase documents that were sent");
    expect(wf.undo.stderr).toContain("ledger undo 2025-03 --credit");
  });

  it("--credit reverses each document into an output folder and undoes the close (without the exports); the redo carries them and numbers on", () => {
    expect(wf.months.map((s) => s.invoices.map((i: Summary) => i.number))).toEqual([
      ["MEN2025-0001", "MEN2025-0002"],
      ["MEN2025-0003", "MEN2025-0004"],
      ["MEN2025-0005", "MEN2025-0006"],
    ]);
    expect(wf.undoCredit.undone).toBe("2025-03");
    expect(wf.undoCredit.documents.map((d: Summary) => [d.number, d.kind, d.reverses, d.document])).toEqual([
      ["MEN2025-0007", "credit_note", "MEN2025-0005", "invoices/MEN2025-0007.xml"],
      ["MEN2025-0008", "credit_note", "MEN2025-0006", "invoices/MEN2025-0008.xml"],
    ]);
    expect(Object.keys(treeHashes(join(wf.dir, "out/2025-03-undo"))).sort()).toEqual(
      ["SHA256SUMS", "invoices/MEN2025-0007.pdf", "invoices/MEN2025-0007.xml", "invoices/MEN2025-0008.pdf", "invoices/MEN2025-0008.xml", "journal.csv", "summary.json"].sort(),
    );
    balanced(journalOf(wf.dir, "2025-03-undo"));
    expect(wf.redo.invoices.map((i: Summary) => i.number)).toEqual(["MEN2025-0009", "MEN2025-0010"]);
    expect(wf.redo.documents.map((d: Summary) => `${d.number} ${d.status}`)).toEqual([
      "MEN2025-0005 kept",
      "MEN2025-0006 kept",
      "MEN2025-0007 kept",
      "MEN2025-0008 kept",
      "MEN2025-0009 new",
      "MEN2025-0010 new",
    ]);
    expect(wf.verify.code, wf.verify.stderr).toBe(0);
    expect(wf.verify.stdout).toContain("2025: MEN2025-0001..MEN2025-0010 (10)");
  });

  it("February's invoice shows January's corrections on their own lines and ties out", () => {
    const q = wf.months[1].invoices[0];
    expect(q.lines.filter((l: Summary) => l.kind === "correction").map((l: Summary) => [l.period, l.amount])).toEqual([
      ["2025-01", "5.00"],
      ["2025-01", "-70.00"],
    ]);
    tiesOut(wf.dir, "2025-02", q);
    expect(summaryOf(wf.dir, "2025-02").invoices[0].number).toBe("MEN2025-0003");
  });
});
