// The PDF copy: same document, same bytes; what a controller reads on it
// (pdftotext from poppler-utils, installed by .ci/run): parties with their
// numbers, number, dates, period, lines, VAT, total, IBAN, the structured
// reference, the corrections section; € and é as text; Dutch or English.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderInvoicePdf } from "../../src/adapters/pdf/invoice-pdf.js";
import { referenceFor } from "../../src/domain/invoicing/payment-reference.js";
import { buildAll, ISSUE_CASES, type Built } from "./cases.js";

let built: Built[] = [];
const dir = mkdtempSync(join(tmpdir(), "menerva-pdf-"));
const byName = (prefix: string): Built => built.find((b) => b.name.startsWith(prefix))!;
/** The PDF's text, one line per printed line, with runs of spaces collapsed. */
function textOf(pdf: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
}

beforeAll(async () => {
  built = await buildAll(ISSUE_CASES);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("PDF copy", () => {
  it("same document, same bytes (fixed creation date, ID from the content)", async () => {
    for (const b of built) expect((await renderInvoicePdf(b.doc, b.lang)).equals(b.pdf)).toBe(true);
    const a = byName("plain");
    const other = await renderInvoicePdf({ ...a.doc, number: "MEN2025-0099" }, "nl");
    expect(other.equals(a.pdf)).toBe(false);
  });

  it("shows parties, number, dates, period, lines, VAT, total, IBAN and the structured reference (Dutch)", () => {
    const t = textOf(byName("plain").pdf);
    for (const want of [
      "Factuur MEN2025-0001",
      "BLM Genk vzw Q-Jobs NV",
      "Ondernemingsnummer: 0437.519.686 Ondernemingsnummer: 0466.123.404",
      "Btw-nummer: BE0437519686 Btw-nummer: BE0466123404",
      "Datum 01/04/2025",
      "Vervaldatum 01/05/2025",
      "Periode 2025-Q1 (01/01/2025 – 31/03/2025)",
      "Vergoeding per gefactureerd uur à € 2,50 312,5 uur € 2,50 € 781,25",
      "Aandeel 70% van de voordelen RSZ + maatwerk 1 st. € 2.814,00 € 2.814,00",
      "70% × voordelen € 4.020,00",
      "Totaal excl. btw € 3.595,25",
      "Btw 21% € 755,00",
      "Te betalen € 4.350,25",
      "IBAN BE71 0961 2345 6769",
      "BIC GKCCBEBB",
      "Gestructureerde mededeling +++202/5000/00165+++",
    ]) {
      expect(t).toContain(want);
    }
  });

  it("a corrections section names each corrected period with its lines", () => {
    const t = textOf(byName("correction lines").pdf);
    expect(t).toContain("Correcties van vorige perioden");
    expect(t).toContain("Correctie 2024-Q4 (01/10/2024 – 31/12/2024) € -194,00");
    expect(t).toContain("Correctie 2024-12 (01/12/2024 – 31/12/2024) € 30,00");
  });

  it("a correction line that wraps keeps its rate together: never 'à €' on one line and '2,50' on the next (QA 3)", () => {
    const t = textOf(byName("correction lines").pdf);
    expect(t).toMatch(/Correctie 2024-Q4: Vergoeding per gefactureerd/);
    expect(t).toContain("uur à € 2,50");
    expect(t).not.toMatch(/à €?\s*\n/);
    expect(t).not.toMatch(/€\s*\n/);
  });

  it("a credit note says so, what it corrects, and the VAT mention", () => {
    const t = textOf(byName("credit note reversing").pdf);
    expect(t).toContain("Creditnota MEN2025-0006");
    expect(t).toContain("Corrigeert MEN2025-0001 van 01/04/2025");
    expect(t).toContain("In uw voordeel € 4.350,25");
    expect(t).toContain("Btw terug te storten aan de Staat");
  });

  it("renders é, & and < as text, and English when asked", () => {
    expect(textOf(byName("partner name with &").pdf)).toContain("Intérim & Co <Zoë> SRL");
    const en = textOf(byName("English copy").pdf);
    for (const want of ["Invoice MEN2025-0009", "Issue date 2025-04-01", "Fee per billed hour at € 2.50", "Amount due € 3.03", `Structured reference ${referenceFor(2025, 9)}`]) expect(en).toContain(want);
  });
});
