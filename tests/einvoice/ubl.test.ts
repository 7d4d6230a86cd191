// What the UBL writer puts where: Peppol identifiers, escaping, exact numbers,
// credit-note form, billing reference, the embedded PDF, no empty elements.
import { beforeAll, describe, expect, it } from "vitest";
import { renderUbl } from "../../src/adapters/ubl/ubl-document.js";
import { buildAll, ISSUE_CASES, type Built } from "./cases.js";

let built: Built[] = [];
const byName = (prefix: string): Built => built.find((b) => b.name.startsWith(prefix))!;
/** Text of the first element `name` (prefix included) in `xml`. */
const first = (xml: string, name: string): string | undefined => new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(xml)?.[1];
const all = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, "g"))].map((m) => m[1]!);

beforeAll(async () => {
  built = await buildAll(ISSUE_CASES);
});

describe("UBL writer", () => {
  it("writes the Peppol BIS 3.0 skeleton of an invoice", () => {
    const x = byName("plain").xml;
    expect(x.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"')).toBe(true);
    expect(first(x, "cbc:CustomizationID")).toBe("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
    expect(first(x, "cbc:ProfileID")).toBe("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
    expect([first(x, "cbc:ID"), first(x, "cbc:IssueDate"), first(x, "cbc:DueDate"), first(x, "cbc:InvoiceTypeCode")]).toEqual(["MEN2025-0001", "2025-04-01", "2025-05-01", "380"]);
    expect(x).toContain('<cbc:EndpointID schemeID="0208">0437519686</cbc:EndpointID>');
    expect(x).toContain('<cbc:EndpointID schemeID="0208">0466123404</cbc:EndpointID>');
    expect(all(x, "cbc:CompanyID")).toEqual(["BE0437519686", "0437519686", "BE0466123404", "0466123404"]);
    expect([first(x, "cbc:StartDate"), first(x, "cbc:EndDate"), first(x, "cbc:BuyerReference")]).toEqual(["2025-01-01", "2025-03-31", "MENERVA"]);
    expect([first(x, "cbc:PaymentMeansCode"), first(x, "cbc:PaymentID")]).toEqual(["58", "+++202/5000/00165+++"]);
    expect(x).toMatch(/<cac:PayeeFinancialAccount>\s*<cbc:ID>BE71096123456769<\/cbc:ID>/);
    expect(x.match(/<cac:TaxTotal>/g)).toHaveLength(1);
    expect(x.match(/<cac:TaxSubtotal>/g)).toHaveLength(1);
  });

  it("amounts have exactly two decimals; quantities and prices are exact", () => {
    const x = byName("hours with four decimals").xml;
    for (const a of all(x, "cbc:(?:LineExtension|TaxExclusive|TaxInclusive|Payable|Taxable|Tax)Amount")) expect(a).toMatch(/^-?\d+\.\d{2}$/);
    expect(all(x, "cbc:InvoicedQuantity")).toEqual(["37.1234", "0.0001"]);
    expect(all(x, "cbc:PriceAmount")).toEqual(["2.75", "3.125"]);
    expect(all(x, "cbc:LineExtensionAmount")).toEqual(["102.09", "102.09", "0.00"]);
  });

  it("escapes &, < and > and keeps é as UTF-8", () => {
    const x = byName("partner name with &").xml;
    expect(x).toContain("<cbc:RegistrationName>Intérim &amp; Co &lt;Zoë&gt; SRL</cbc:RegistrationName>");
    expect(x).toContain("<cbc:StreetName>Rue de l'Église 5 &amp; 7</cbc:StreetName>");
    expect(x).toContain("<cbc:BuyerReference>PO &lt;42&gt; &amp; co</cbc:BuyerReference>");
  });

  it("a credit note: CreditNote root, type 381, positive totals, due date under PaymentMeans, the invoice it corrects", () => {
    const x = byName("credit note reversing").xml;
    expect(x).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(first(x, "cbc:CreditNoteTypeCode")).toBe("381");
    expect(first(x, "cbc:DueDate")).toBeUndefined();
    expect(first(x, "cbc:PaymentDueDate")).toBe("2025-05-01");
    expect(x).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>MEN2025-0001<\/cbc:ID>\s*<cbc:IssueDate>2025-04-01<\/cbc:IssueDate>/);
    expect(first(x, "cbc:PayableAmount")).toBe(first(byName("plain").xml, "cbc:PayableAmount"));
    expect(all(x, "cbc:CreditedQuantity")).toEqual(["312.5", "1"]);
    expect(first(x, "cbc:Note")).toBe("Corrigeert MEN2025-0001 van 01/04/2025. Btw terug te storten aan de Staat in de mate waarin ze oorspronkelijk in aftrek werd gebracht.");
  });

  it("correction lines name the period they correct, in the note, the item name and an item property", () => {
    const x = byName("correction lines").xml;
    expect(all(x, "cbc:Note")).toEqual(["Betaling binnen 30 dagen na factuurdatum.", "Correctie 2024-Q4", "Correctie 2024-12", "Correctie 2024-Q4"]);
    expect(x).toContain("<cbc:Name>Correctie 2024-Q4: Vergoeding per gefactureerd uur à € 2,50</cbc:Name>");
    expect(x).toContain("<cbc:Value>2024-12 (2024-12-01..2024-12-31)</cbc:Value>");
  });

  it("embeds the PDF copy as base64 application/pdf", () => {
    const b = byName("plain");
    const m = /<cbc:EmbeddedDocumentBinaryObject mimeCode="application\/pdf" filename="MEN2025-0001.pdf">([^<]+)</.exec(b.xml);
    expect(m).not.toBeNull();
    expect(Buffer.from(m![1]!, "base64").equals(b.pdf)).toBe(true);
    expect(b.pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("leaves out what is absent (no empty elements): no BIC, no document note on a plain invoice", () => {
    const x = byName("seller without BIC").xml;
    expect(x).not.toContain("FinancialInstitutionBranch");
    expect(first(x, "cbc:PaymentMeansCode")).toBe("58");
    expect(first(x, "cbc:Note")).toBe("Betaling binnen 14 dagen na factuurdatum.");
    for (const b of built) expect(b.xml).not.toMatch(/<(\w+:\w+)(?: [^>]*)?>\s*<\/\1>|<\w+:\w+(?: [^>]*)?\/>/);
  });

  it("the VAT-exempt case uses category E with a reason", () => {
    const x = byName("VAT exempt").xml;
    expect(x).toMatch(/<cac:TaxCategory>\s*<cbc:ID>E<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>\s*<cbc:TaxExemptionReason>Vrijgesteld van btw<\/cbc:TaxExemptionReason>/);
  });

  it("same document, same bytes; a control character in a name is refused rather than written", () => {
    const b = byName("plain");
    expect(renderUbl(b.doc, { language: "nl", pdf: b.pdf })).toBe(b.xml);
    const bad = { ...b.doc, buyer: { ...b.doc.buyer, name: "Q\u0001Jobs" } };
    expect(() => renderUbl(bad, { language: "nl" })).toThrow();
  });
});
