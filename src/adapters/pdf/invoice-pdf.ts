// EDocument -> a printable PDF copy (A4), Dutch or English, with pdfkit.
// Same document, same bytes: the creation date is the issue date, the file
// ID is derived from the document info (pdfkit hashes it), and the font is
// DejaVu Sans from npm (dejavu-fonts-ttf), embedded as a subset, so é, €, ł
// and every other character a name may hold print the same everywhere.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { correctionsByPeriod, type EDocument } from "../../domain/invoicing/document.js";
import { formatEnterpriseNumber, formatIban } from "../../domain/invoicing/identifiers.js";
import type { Party } from "../../domain/invoicing/types.js";
import {
  billingReferenceText,
  correctionLabel,
  documentTitle,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  label,
  lineDetail,
  lineName,
  paymentTermsText,
  type Lang,
} from "../../report/einvoice-labels.js";

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => (fonts ??= { regular: readFileSync(join(FONT_DIR, "DejaVuSans.ttf")), bold: readFileSync(join(FONT_DIR, "DejaVuSans-Bold.ttf")) });

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const RIGHT = PAGE.width - PAGE.margin;
const CONTENT = RIGHT - PAGE.margin;
/** Table columns: description, quantity, unit price, amount (x and width). */
const COL = { desc: { x: 50, w: 255 }, qty: { x: 310, w: 75 }, price: { x: 390, w: 70 }, amount: { x: 465, w: 80 } };

type Doc = InstanceType<typeof PDFDocument>;

function partyBlock(pdf: Doc, x: number, y: number, heading: string, p: Party, lang: Lang): number {
  pdf.font("bold").fontSize(8).fillColor("#555555").text(heading.toUpperCase(), x, y, { width: 240 });
  pdf.font("bold").fontSize(10).fillColor("black").text(p.name, { width: 240 });
  pdf.font("regular").fontSize(9);
  pdf.text(p.address.street, { width: 240 });
  pdf.text(`${p.address.postcode} ${p.address.city}`, { width: 240 });
  if (p.address.country !== "BE") pdf.text(p.address.country, { width: 240 });
  pdf.text(`${label("enterpriseNumber", lang)}: ${formatEnterpriseNumber(p.enterpriseNumber)}`, { width: 240 });
  pdf.text(`${label("vatId", lang)}: ${p.vatId}`, { width: 240 });
  return pdf.y;
}

/** Two columns of label: value, from y; returns the y below. */
function facts(pdf: Doc, y: number, rows: readonly (readonly [string, string])[]): number {
  const labelWidth = 140;
  pdf.fontSize(9);
  for (const [k, v] of rows) {
    pdf.font("regular").fillColor("#555555").text(k, PAGE.margin, y, { width: labelWidth });
    const afterLabel = pdf.y;
    pdf.font("bold").fillColor("black").text(v, PAGE.margin + labelWidth + 5, y, { width: CONTENT - labelWidth - 5 });
    y = Math.max(pdf.y, afterLabel) + 1;
  }
  return y;
}

function ensureRoom(pdf: Doc, y: number, needed: number): number {
  if (y + needed <= PAGE.height - PAGE.margin - 30) return y;
  pdf.addPage();
  return PAGE.margin;
}

function tableHeader(pdf: Doc, y: number, lang: Lang): number {
  pdf.font("bold").fontSize(8.5).fillColor("#555555");
  pdf.text(label("description", lang), COL.desc.x, y, { width: COL.desc.w });
  pdf.text(label("quantity", lang), COL.qty.x, y, { width: COL.qty.w, align: "right" });
  pdf.text(label("unitPrice", lang), COL.price.x, y, { width: COL.price.w, align: "right" });
  pdf.text(label("amount", lang), COL.amount.x, y, { width: COL.amount.w, align: "right" });
  y += 13;
  pdf.moveTo(PAGE.margin, y).lineTo(RIGHT, y).lineWidth(0.5).strokeColor("#999999").stroke();
  return y + 5;
}

function lines(pdf: Doc, doc: EDocument, y: number, lang: Lang): number {
  y = tableHeader(pdf, y, lang);
  for (const l of doc.lines) {
    // "à € 2,50" never wraps inside itself (no-break spaces): a rate stays with its sign and its "à"/"at"
    const name = lineName(l, lang).replace(/ (\u00e0|at) \u20ac /g, "\u00a0$1\u00a0€\u00a0").replaceAll("€ ", "€\u00a0");
    // The benefit base is shown under a benefit line; an hour line's quantity and rate are in its columns.
    const detail = l.kind === "benefits" ? lineDetail(l, lang) : undefined;
    pdf.font("regular").fontSize(9);
    let h = pdf.heightOfString(name, { width: COL.desc.w }) + 6;
    if (detail !== undefined) h += pdf.fontSize(7.5).heightOfString(detail, { width: COL.desc.w });
    if (y + h > PAGE.height - PAGE.margin - 30) {
      pdf.addPage();
      y = tableHeader(pdf, PAGE.margin, lang);
    }
    const unit = l.unitCode === "HUR" ? label("hoursUnit", lang) : label("pieceUnit", lang);
    pdf.font("regular").fontSize(9).fillColor("black").text(name, COL.desc.x, y, { width: COL.desc.w });
    const below = pdf.y;
    pdf.text(`${formatNumber(l.quantity, lang)} ${unit}`, COL.qty.x, y, { width: COL.qty.w, align: "right" });
    pdf.text(formatRate(l.unitPrice, lang), COL.price.x, y, { width: COL.price.w, align: "right" });
    pdf.text(formatMoney(l.amount, lang), COL.amount.x, y, { width: COL.amount.w, align: "right" });
    if (detail !== undefined) pdf.fontSize(7.5).fillColor("#555555").text(detail, COL.desc.x, below, { width: COL.desc.w });
    y = Math.max(pdf.y, below) + 6;
  }
  pdf.moveTo(PAGE.margin, y).lineTo(RIGHT, y).lineWidth(0.5).strokeColor("#999999").stroke();
  return y + 6;
}

function totals(pdf: Doc, doc: EDocument, y: number, lang: Lang): number {
  const vatLabel = doc.vat.category === "E" ? label("vatExempt", lang) : `${label("vat", lang)} ${formatPercent(doc.vat.rate, lang)}`;
  const rows: [string, EDocument["totals"]["vat"], boolean][] = [
    [label("totalExcl", lang), doc.totals.taxExclusive, false],
    [vatLabel, doc.totals.vat, false],
    [label("totalIncl", lang), doc.totals.taxInclusive, false],
    [label(doc.kind === "invoice" ? "payable" : "credited", lang), doc.totals.payable, true],
  ];
  y = ensureRoom(pdf, y, rows.length * 14);
  for (const [k, v, strong] of rows) {
    pdf.font(strong ? "bold" : "regular").fontSize(strong ? 10.5 : 9).fillColor("black");
    pdf.text(k, COL.price.x - 150, y, { width: 215, align: "right" });
    pdf.text(formatMoney(v, lang), COL.amount.x, y, { width: COL.amount.w, align: "right" });
    y += strong ? 16 : 13;
  }
  return y + 8;
}

function corrections(pdf: Doc, doc: EDocument, y: number, lang: Lang): number {
  const groups = correctionsByPeriod(doc);
  if (groups.length === 0) return y;
  y = ensureRoom(pdf, y, 40);
  pdf.font("bold").fontSize(10).fillColor("black").text(label("corrections", lang), PAGE.margin, y, { width: CONTENT });
  y = pdf.y + 4;
  for (const g of groups) {
    y = ensureRoom(pdf, y, 14 * (g.lines.length + 1));
    const span = g.period.from !== undefined ? ` (${formatDate(g.period.from, lang)} – ${formatDate(g.period.to!, lang)})` : "";
    pdf.font("bold").fontSize(9).text(`${correctionLabel(g.period, lang)}${span}`, PAGE.margin, y, { width: 400 });
    pdf.text(formatMoney(g.amount, lang), COL.amount.x, y, { width: COL.amount.w, align: "right" });
    y = pdf.y + 2;
    for (const l of g.lines) {
      pdf.font("regular").fontSize(8.5).text(`${l.id}. ${lineDetail(l, lang)}`, PAGE.margin + 12, y, { width: 380 });
      pdf.text(formatMoney(l.amount, lang), COL.amount.x, y, { width: COL.amount.w, align: "right" });
      y = pdf.y + 2;
    }
  }
  return y + 8;
}

function payment(pdf: Doc, doc: EDocument, y: number, lang: Lang): number {
  y = ensureRoom(pdf, y, 80);
  pdf.font("bold").fontSize(10).fillColor("black").text(label("payment", lang), PAGE.margin, y, { width: CONTENT });
  y = pdf.y + 3;
  const rows: [string, string][] = [
    [label("iban", lang), formatIban(doc.payment.iban)],
    ...(doc.payment.bic !== undefined ? [[label("bic", lang), doc.payment.bic] as [string, string]] : []),
    [label("reference", lang), doc.payment.reference],
    [label("dueDate", lang), formatDate(doc.dueDate, lang)],
  ];
  y = facts(pdf, y, rows);
  pdf.font("regular").fontSize(8.5).fillColor("black").text(paymentTermsText(doc, lang), PAGE.margin, y + 2, { width: CONTENT });
  if (doc.kind === "credit_note") pdf.text(label("creditNoteVat", lang), { width: CONTENT });
  return pdf.y + 8;
}

/** The PDF copy of a document. */
export function renderInvoicePdf(doc: EDocument, lang: Lang): Promise<Buffer> {
  const title = `${documentTitle(doc, lang)} ${doc.number}`;
  const pdf = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: title, Author: doc.seller.name, Subject: `${doc.period.label} ${doc.buyer.name}`, Creator: "menerva", Producer: "menerva", CreationDate: new Date(`${doc.issueDate}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const f = loadFonts();
  pdf.registerFont("regular", f.regular);
  pdf.registerFont("bold", f.bold);

  pdf.font("bold").fontSize(20).fillColor("black").text(documentTitle(doc, lang), PAGE.margin, PAGE.margin, { width: 300 });
  pdf.font("bold").fontSize(12).text(doc.number, PAGE.margin + 300, PAGE.margin + 4, { width: CONTENT - 300, align: "right" });
  let y = PAGE.margin + 40;
  const ySeller = partyBlock(pdf, PAGE.margin, y, label("seller", lang), doc.seller, lang);
  const yBuyer = partyBlock(pdf, PAGE.margin + CONTENT / 2 + 10, y, label("buyer", lang), doc.buyer, lang);
  y = Math.max(ySeller, yBuyer) + 16;
  y = facts(pdf, y, [
    [label("number", lang), doc.number],
    [label("issueDate", lang), formatDate(doc.issueDate, lang)],
    [label("dueDate", lang), formatDate(doc.dueDate, lang)],
    [label("period", lang), `${doc.period.label} (${formatDate(doc.period.from, lang)} – ${formatDate(doc.period.to, lang)})`],
    [label("buyerReference", lang), doc.buyerReference],
    ...billingReferenceText(doc, lang).map((t): [string, string] => ["", t]),
  ]);
  y = lines(pdf, doc, y + 14, lang);
  y = totals(pdf, doc, y, lang);
  y = corrections(pdf, doc, y, lang);
  payment(pdf, doc, y, lang);

  // Footer on every page: what this copy is, and page i / n.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const footerY = PAGE.height - PAGE.margin - 10;
    pdf.font("regular").fontSize(7).fillColor("#777777");
    pdf.text(label("copyNote", lang), PAGE.margin, footerY, { width: CONTENT - 80, lineBreak: false });
    pdf.text(`${label("page", lang)} ${i + 1}/${range.count}`, RIGHT - 80, footerY, { width: 80, align: "right", lineBreak: false });
  }
  pdf.end();
  return done;
}
