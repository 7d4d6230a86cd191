// Every document the e-invoice modules make passes the official rules: the
// CEN EN 16931 UBL rules and the Peppol BIS Billing 3.0 rules, with zero
// fatal errors (tests/einvoice/rules/). All documents go through Saxon in one
// batch. The validator itself is checked too: the Peppol examples pass, and a
// copy with a wrong total fails with BR-CO-16.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAll, ISSUE_CASES, randomInputs, type Built } from "./cases.js";
import { describeFatal, RULES_DIR, validateUbl, type Report } from "./validate.js";

const RANDOM = 20;
const example = (f: string): string => readFileSync(join(RULES_DIR, f), "utf8");

let built: Built[] = [];
let reports = new Map<string, Report>();

beforeAll(async () => {
  built = await buildAll([...ISSUE_CASES, ...randomInputs(RANDOM, 20251)]);
  const docs = new Map(built.map((b) => [b.name, b.xml]));
  const base = example("peppol-base-example.xml");
  docs.set("peppol example invoice", base);
  docs.set("peppol example credit note", example("peppol-creditnote-example.xml"));
  docs.set("broken: wrong payable amount", base.replace(/(<cbc:PayableAmount currencyID="EUR">)[^<]*/, "$11.00"));
  docs.set("broken: our plain invoice with an empty note", built[0]!.xml.replace("<cbc:DocumentCurrencyCode>", "<cbc:Note></cbc:Note><cbc:DocumentCurrencyCode>"));
  reports = await validateUbl(docs);
}, 180_000);

describe("official EN 16931 and Peppol BIS 3.0 rules", () => {
  it.each(ISSUE_CASES.map((c) => c.name))("%s: zero fatal errors", (name) => {
    const r = reports.get(name)!;
    expect(describeFatal(r)).toEqual([]);
  });

  it(`${RANDOM} random close invoices (seeded): zero fatal errors each`, () => {
    const failing = built.filter((b) => b.name.startsWith("random")).flatMap((b) => describeFatal(reports.get(b.name)!).map((f) => `${b.name}: ${f}`));
    expect(failing).toEqual([]);
  });

  it("the cases cover invoices and credit notes, corrections, four-decimal hours, & and é", () => {
    const kinds = new Set(built.map((b) => b.doc.kind));
    expect(kinds).toEqual(new Set(["invoice", "credit_note"]));
    expect(built.some((b) => b.doc.lines.some((l) => l.corrects !== undefined))).toBe(true);
    expect(built.some((b) => b.xml.includes('unitCode="HUR">37.1234<'))).toBe(true);
    expect(built.some((b) => b.xml.includes("Intérim &amp; Co &lt;Zoë&gt; SRL"))).toBe(true);
    expect(built.some((b) => b.doc.billingReferences.length > 0 && b.doc.kind === "credit_note")).toBe(true);
  });

  it("no warnings either", () => {
    expect(built.flatMap((b) => reports.get(b.name)!.warnings.map((a) => `${b.name}: ${a.id} ${a.text}`))).toEqual([]);
  });

  it("the validator passes the Peppol examples and catches broken documents", () => {
    expect(describeFatal(reports.get("peppol example invoice")!)).toEqual([]);
    expect(describeFatal(reports.get("peppol example credit note")!)).toEqual([]);
    expect(reports.get("broken: wrong payable amount")!.fatal.map((a) => a.id)).toContain("BR-CO-16");
    expect(reports.get("broken: our plain invoice with an empty note")!.fatal.map((a) => a.id)).toContain("PEPPOL-EN16931-R008");
  });
});
