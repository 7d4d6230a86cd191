// EDocument -> UBL 2.1 Invoice or CreditNote text following Peppol BIS Billing
// 3.0 (EN 16931). Elements come in the order of the UBL 2.1 schema; optional
// values that are absent are left out entirely (Peppol R008: no empty
// elements). xmlbuilder2 escapes the text (&, <, >) and checks the result is
// well-formed XML; é and € stay as UTF-8.
// Amounts are written with exactly two decimals, quantities and prices exact.
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { DocumentLine, EDocument } from "../../domain/invoicing/document.js";
import { fileStemOf } from "../../domain/invoicing/numbering.js";
import { fmtDecimal, fmtMoney, type Dec } from "../../domain/money.js";
import { documentNote, documentTitle, label, lineDetail, lineName, paymentTermsText, type Lang } from "../../report/einvoice-labels.js";

export const CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
export const PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
/** Peppol participant scheme of Belgian enterprise numbers (KBO/BCE). */
export const BELGIAN_SCHEME = "0208";

const NS = {
  invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  creditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
} as const;

export type UblOptions = {
  readonly language: Lang;
  /** The PDF copy, embedded as an additional document (base64, application/pdf). */
  readonly pdf?: Uint8Array;
};

/** A basic component with text; nothing at all when the text is absent or blank. */
function cbc(parent: XMLBuilder, name: string, text: string | undefined, attrs?: Record<string, string>): void {
  if (text === undefined || text.trim() === "") return;
  parent.ele(NS.cbc, `cbc:${name}`, attrs).txt(text);
}
const cac = (parent: XMLBuilder, name: string): XMLBuilder => parent.ele(NS.cac, `cac:${name}`);
const amount = (parent: XMLBuilder, name: string, x: Dec, currency: string): void => cbc(parent, name, fmtMoney(x), { currencyID: currency });
/** A price or rate: exact, at least two decimals ("2.50", "3.125"). */
const price = (x: Dec): string => x.toFixed(Math.max(2, x.decimalPlaces()));

function party(parent: XMLBuilder, p: EDocument["seller"] | EDocument["buyer"]): void {
  const node = cac(parent, "Party");
  cbc(node, "EndpointID", p.enterpriseNumber, { schemeID: BELGIAN_SCHEME });
  cbc(cac(node, "PartyName"), "Name", p.name);
  const addr = cac(node, "PostalAddress");
  cbc(addr, "StreetName", p.address.street);
  cbc(addr, "CityName", p.address.city);
  cbc(addr, "PostalZone", p.address.postcode);
  cbc(cac(addr, "Country"), "IdentificationCode", p.address.country);
  const tax = cac(node, "PartyTaxScheme");
  cbc(tax, "CompanyID", p.vatId);
  cbc(cac(tax, "TaxScheme"), "ID", "VAT");
  const legal = cac(node, "PartyLegalEntity");
  cbc(legal, "RegistrationName", p.name);
  cbc(legal, "CompanyID", p.enterpriseNumber, { schemeID: BELGIAN_SCHEME });
}

function taxCategory(parent: XMLBuilder, name: "TaxCategory" | "ClassifiedTaxCategory", doc: EDocument, lang: Lang, withReason: boolean): void {
  const node = cac(parent, name);
  cbc(node, "ID", doc.vat.category);
  cbc(node, "Percent", fmtDecimal(doc.vat.percent));
  if (withReason && doc.vat.category === "E") cbc(node, "TaxExemptionReason", label("vatExempt", lang));
  cbc(cac(node, "TaxScheme"), "ID", "VAT");
}

function line(root: XMLBuilder, doc: EDocument, l: DocumentLine, lang: Lang): void {
  const credit = doc.kind === "credit_note";
  const node = cac(root, credit ? "CreditNoteLine" : "InvoiceLine");
  cbc(node, "ID", l.id);
  // The corrected period goes in a note and an item property, not in the
  // line's InvoicePeriod: Peppol R110/R111 keep line periods inside the document's.
  if (l.corrects) cbc(node, "Note", `${label("correction", lang)} ${l.corrects.label}`);
  cbc(node, credit ? "CreditedQuantity" : "InvoicedQuantity", fmtDecimal(l.quantity), { unitCode: l.unitCode });
  amount(node, "LineExtensionAmount", l.amount, doc.currency);
  const item = cac(node, "Item");
  cbc(item, "Description", lineDetail(l, lang));
  cbc(item, "Name", lineName(l, lang));
  taxCategory(item, "ClassifiedTaxCategory", doc, lang, false);
  if (l.corrects) {
    const prop = cac(item, "AdditionalItemProperty");
    cbc(prop, "Name", label("corrects", lang));
    cbc(prop, "Value", l.corrects.from !== undefined ? `${l.corrects.label} (${l.corrects.from}..${l.corrects.to})` : l.corrects.label);
  }
  cbc(cac(node, "Price"), "PriceAmount", price(l.unitPrice), { currencyID: doc.currency });
}

/** The UBL XML text of a document (UTF-8, pretty-printed, LF line ends). */
export function renderUbl(doc: EDocument, opts: UblOptions): string {
  const lang = opts.language;
  const credit = doc.kind === "credit_note";
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(credit ? NS.creditNote : NS.invoice, credit ? "CreditNote" : "Invoice", {
    "xmlns:cac": NS.cac,
    "xmlns:cbc": NS.cbc,
  });
  cbc(root, "CustomizationID", CUSTOMIZATION_ID);
  cbc(root, "ProfileID", PROFILE_ID);
  cbc(root, "ID", doc.number);
  cbc(root, "IssueDate", doc.issueDate);
  if (!credit) cbc(root, "DueDate", doc.dueDate);
  cbc(root, credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", credit ? "381" : "380");
  cbc(root, "Note", documentNote(doc, lang));
  cbc(root, "DocumentCurrencyCode", doc.currency);
  cbc(root, "BuyerReference", doc.buyerReference);
  const period = cac(root, "InvoicePeriod");
  cbc(period, "StartDate", doc.period.from);
  cbc(period, "EndDate", doc.period.to);
  for (const ref of doc.billingReferences) {
    const r = cac(cac(root, "BillingReference"), "InvoiceDocumentReference");
    cbc(r, "ID", ref.number);
    cbc(r, "IssueDate", ref.issueDate);
  }
  if (opts.pdf !== undefined) {
    const ref = cac(root, "AdditionalDocumentReference");
    cbc(ref, "ID", doc.number);
    cbc(ref, "DocumentDescription", `${documentTitle(doc, lang)} ${doc.number} (PDF)`);
    cbc(cac(ref, "Attachment"), "EmbeddedDocumentBinaryObject", Buffer.from(opts.pdf).toString("base64"), {
      mimeCode: "application/pdf",
      filename: `${fileStemOf(doc.number)}.pdf`,
    });
  }
  party(cac(root, "AccountingSupplierParty"), doc.seller);
  party(cac(root, "AccountingCustomerParty"), doc.buyer);

  const means = cac(root, "PaymentMeans");
  cbc(means, "PaymentMeansCode", doc.payment.meansCode);
  if (credit) cbc(means, "PaymentDueDate", doc.dueDate);
  cbc(means, "PaymentID", doc.payment.reference);
  const account = cac(means, "PayeeFinancialAccount");
  cbc(account, "ID", doc.payment.iban);
  cbc(account, "Name", doc.seller.name);
  if (doc.payment.bic !== undefined) cbc(cac(account, "FinancialInstitutionBranch"), "ID", doc.payment.bic);
  cbc(cac(root, "PaymentTerms"), "Note", paymentTermsText(doc, lang));

  const taxTotal = cac(root, "TaxTotal");
  amount(taxTotal, "TaxAmount", doc.totals.vat, doc.currency);
  const sub = cac(taxTotal, "TaxSubtotal");
  amount(sub, "TaxableAmount", doc.vat.taxable, doc.currency);
  amount(sub, "TaxAmount", doc.vat.amount, doc.currency);
  taxCategory(sub, "TaxCategory", doc, lang, true);

  const totals = cac(root, "LegalMonetaryTotal");
  amount(totals, "LineExtensionAmount", doc.totals.lineExtension, doc.currency);
  amount(totals, "TaxExclusiveAmount", doc.totals.taxExclusive, doc.currency);
  amount(totals, "TaxInclusiveAmount", doc.totals.taxInclusive, doc.currency);
  amount(totals, "PayableAmount", doc.totals.payable, doc.currency);

  for (const l of doc.lines) line(root, doc, l, lang);
  return `${root.end({ prettyPrint: true, wellFormed: true })}\n`;
}
