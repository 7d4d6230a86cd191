// journal.csv goes through the one CSV writer (csv-text.ts): a buyer name a
// spreadsheet would run as a formula is neutralised; the structured reference,
// menerva's own text, stays as written for the accounting import (plain) and
// is neutralised in the excel-be style, which people open in a spreadsheet.
import { describe, expect, it } from "vitest";
import { renderJournalCsv } from "../../src/adapters/journal/sales-journal-csv.js";
import { buildDocument } from "../../src/domain/invoicing/document.js";
import { bookDocument } from "../../src/domain/invoicing/journal.js";
import { assignNumbers } from "../../src/domain/invoicing/numbering.js";
import { bill, hours, INVOICING } from "./fixtures.js";

function journal(style: "plain" | "excel-be"): string[] {
  const n = assignNumbers("MEN", [], ["2025-04-01"]);
  if (!n.ok) throw new Error("numbers");
  const invoicing = { ...INVOICING, buyers: { ...INVOICING.buyers, Flexer: { ...INVOICING.buyers.Flexer!, name: "=HYPERLINK(\"x\")" } } };
  const doc = buildDocument(bill("Flexer", [hours("10.5", "2.50")]), { invoicing, number: n.value[0]!, projectName: "MENERVA" });
  if (!doc.ok) throw new Error("doc");
  return renderJournalCsv(bookDocument(doc.value, INVOICING.accounts), "nl", style).split(/\r?\n/);
}

describe("journal.csv styles", () => {
  it("plain: the reference verbatim, a formula-like buyer name neutralised", () => {
    expect(journal("plain")[1]).toBe(`MEN2025-0001,invoice,2025-04-01,2025-05-01,receivable,400000,31.76,0.00,Flexer,"'=HYPERLINK(""x"")",BE0999999922,Factuur MEN2025-0001: Handelsvordering,+++202/5000/00165+++`);
  });

  it("excel-be: semicolons, decimal commas on the amounts only, the reference as text", () => {
    const lines = journal("excel-be");
    expect(lines[0]!.startsWith("\ufeffdocument;document_type;")).toBe(true);
    expect(lines[1]).toBe(`MEN2025-0001;invoice;2025-04-01;2025-05-01;receivable;400000;31,76;0,00;Flexer;"'=HYPERLINK(""x"")";BE0999999922;Factuur MEN2025-0001: Handelsvordering;'+++202/5000/00165+++`);
  });
});
