// Dutch (default) and English words of the e-invoices: the UBL item names and
// notes, the PDF copy and the sales journal's descriptions all take them from
// here, so the XML, the PDF and the journal say the same thing. Numbers are
// written by hand (no Intl): the same bytes on every machine.
import type { CorrectedPeriod, DocumentLine, EDocument } from "../domain/invoicing/document.js";
import type { Dec } from "../domain/money.js";

export type Lang = "nl" | "en";

const L = {
  invoice: ["Factuur", "Invoice"],
  creditNote: ["Creditnota", "Credit note"],
  number: ["Nummer", "Number"],
  issueDate: ["Datum", "Issue date"],
  dueDate: ["Vervaldatum", "Due date"],
  period: ["Periode", "Period"],
  seller: ["Van", "From"],
  buyer: ["Aan", "To"],
  enterpriseNumber: ["Ondernemingsnummer", "Enterprise number"],
  vatId: ["Btw-nummer", "VAT number"],
  buyerReference: ["Uw referentie", "Your reference"],
  description: ["Omschrijving", "Description"],
  quantity: ["Aantal", "Quantity"],
  unitPrice: ["Eenheidsprijs", "Unit price"],
  amount: ["Bedrag", "Amount"],
  totalExcl: ["Totaal excl. btw", "Total excl. VAT"],
  vat: ["Btw", "VAT"],
  vatExempt: ["Vrijgesteld van btw", "Exempt from VAT"],
  totalIncl: ["Totaal incl. btw", "Total incl. VAT"],
  payable: ["Te betalen", "Amount due"],
  credited: ["In uw voordeel", "Credited to you"],
  payment: ["Betaling", "Payment"],
  iban: ["IBAN", "IBAN"],
  bic: ["BIC", "BIC"],
  reference: ["Gestructureerde mededeling", "Structured reference"],
  corrections: ["Correcties van vorige perioden", "Corrections of earlier periods"],
  correction: ["Correctie", "Correction"],
  corrects: ["Corrigeert", "Corrects"],
  of: ["van", "of"],
  hoursUnit: ["uur", "h"],
  pieceUnit: ["st.", "pc"],
  hourFee: ["Vergoeding per gefactureerd uur", "Fee per billed hour"],
  at: ["à", "at"],
  benefitShare: ["Aandeel", "Share"],
  ofBenefits: ["van de voordelen", "of the benefits"],
  benefitsBase: ["voordelen", "benefits"],
  page: ["Pagina", "Page"],
  copyNote: ["Kopie van het elektronische document (Peppol BIS Billing 3.0); het XML-bestand is het origineel.", "Copy of the electronic document (Peppol BIS Billing 3.0); the XML file is the original."],
  creditNoteVat: [
    "Btw terug te storten aan de Staat in de mate waarin ze oorspronkelijk in aftrek werd gebracht.",
    "VAT to be repaid to the State insofar as it was originally deducted.",
  ],
  payBefore: ["Gelieve te betalen vóór", "Please pay before"],
  paymentTerms: ["Betaling binnen {days} dagen na factuurdatum.", "Payment within {days} days of the issue date."],
  refundTerms: ["Terugbetaling of verrekening binnen {days} dagen na de datum van de creditnota.", "Refund or set-off within {days} days of the credit note's date."],
  receivable: ["Handelsvordering", "Trade receivable"],
  revenueHours: ["Omzet uurvergoedingen", "Revenue hourly fees"],
  revenueBenefits: ["Omzet aandeel voordelen", "Revenue benefit share"],
  vatPayable: ["Te betalen btw", "VAT payable"],
} as const satisfies Record<string, readonly [string, string]>;

export type EinvoiceLabel = keyof typeof L;

export function label(key: EinvoiceLabel, lang: Lang): string {
  return L[key][lang === "nl" ? 0 : 1];
}

/** Digits grouped by three with `sep`. */
function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** An exact decimal as people read it: nl "1.234,5", en "1,234.5"; `dp` fixes the decimals (money 2), else as exact as it is. */
export function formatNumber(x: Dec, lang: Lang, dp?: number): string {
  const text = dp === undefined ? x.toFixed() : x.toFixed(dp);
  const neg = text.startsWith("-") && !/^-0(\.0*)?$/.test(text);
  const [int, frac] = text.replace(/^-/, "").split(".");
  const [thousands, decimal] = lang === "nl" ? [".", ","] : [",", "."];
  return `${neg ? "-" : ""}${group(int!, thousands)}${frac !== undefined ? decimal + frac : ""}`;
}

/** "€ 1.234,56" (nl) / "€ 1,234.56" (en); a negative amount "€ -12,50". */
export const formatMoney = (x: Dec, lang: Lang): string => `€ ${formatNumber(x, lang, 2)}`;

/** A rate with at least two decimals: "€ 2,50", "€ 3,125". */
export const formatRate = (x: Dec, lang: Lang): string => `€ ${formatNumber(x, lang, Math.max(2, x.decimalPlaces()))}`;

/** A fraction as per cent: 0.7 -> "70%", 0.125 -> "12,5%". */
export const formatPercent = (fraction: Dec, lang: Lang): string => `${formatNumber(fraction.times(100), lang)}%`;

/** "2025-03-31" -> "31/03/2025" (nl) / "2025-03-31" (en, ISO). */
export const formatDate = (iso: string, lang: Lang): string => (lang === "nl" ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

export const documentTitle = (doc: EDocument, lang: Lang): string => label(doc.kind === "invoice" ? "invoice" : "creditNote", lang);

/** "Correctie 2025-Q1" — the words that name the period a line corrects. */
export const correctionLabel = (p: CorrectedPeriod, lang: Lang): string => `${label("correction", lang)} ${p.label}`;

/**
 * The item name of a line (BT-153), the same in the XML and the PDF:
 * "Vergoeding per gefactureerd uur à € 2,50", "Aandeel 70% van de voordelen RSZ + maatwerk",
 * prefixed "Correctie 2025-Q1: " on a correction line.
 */
export function lineName(l: DocumentLine, lang: Lang): string {
  const what =
    l.kind === "hours"
      ? `${label("hourFee", lang)} ${label("at", lang)} ${formatRate(l.rate, lang)}`
      : `${label("benefitShare", lang)} ${formatPercent(l.share, lang)} ${label("ofBenefits", lang)} ${l.types.join(" + ")}`;
  return l.corrects ? `${correctionLabel(l.corrects, lang)}: ${what}` : what;
}

/** The line's detail (BT-154): the benefit base for a benefit line, the hours for an hour line. */
export function lineDetail(l: DocumentLine, lang: Lang): string {
  if (l.kind === "hours") return `${formatNumber(l.quantity, lang)} ${label("hoursUnit", lang)} × ${formatRate(l.rate, lang)}`;
  return `${formatPercent(l.share, lang)} × ${label("benefitsBase", lang)} ${formatMoney(l.benefits, lang)}`;
}

/** "Corrigeert MEN2025-0003 van 01/04/2025" for each earlier document. */
export function billingReferenceText(doc: EDocument, lang: Lang): string[] {
  return doc.billingReferences.map((r) => `${label("corrects", lang)} ${r.number} ${label("of", lang)} ${formatDate(r.issueDate, lang)}`);
}

/** The one document-level note (BT-22): the credit-note VAT mention, the documents it corrects. */
export function documentNote(doc: EDocument, lang: Lang): string | undefined {
  const parts = [...billingReferenceText(doc, lang), ...(doc.kind === "credit_note" ? [label("creditNoteVat", lang)] : [])];
  return parts.length > 0 ? parts.join(". ").replace(/\.\./g, ".") : undefined;
}

/** The payment terms (BT-20): pay within N days, or for a credit note, refund or set-off within N days. */
export const paymentTermsText = (doc: EDocument, lang: Lang): string =>
  label(doc.kind === "invoice" ? "paymentTerms" : "refundTerms", lang).replace("{days}", String(doc.paymentDays));
