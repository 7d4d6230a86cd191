// The e-invoices on the statement's invoice sheet (issue 12): the document
// facts under each invoice block's heading (number, issue and due date,
// structured reference) and the list of every document of the close. Plain
// values (text, dates, amounts), no formulas: the documents are issued.
import type ExcelJS from "exceljs";
import type { ReportDocument } from "../../report/close-report.js";
import { CLOSE_WORDS, type Lang } from "../../report/close-labels.js";
import { font, setMoney } from "./cells.js";
import { excelDate, FMT, safeText } from "./formats.js";
import { headerRow } from "./statement-common.js";

/** Under an invoice block's heading: its document's number, dates and structured reference (issue 12). */
export function writeDocumentFacts(ws: ExcelJS.Worksheet, row: number, doc: ReportDocument | undefined, lang: Lang): number {
  if (!doc) return row;
  const w = CLOSE_WORDS[lang];
  const grey = font({ color: { argb: "FF555555" } });
  const facts: [string, string, string, string][] = [
    [w.number, doc.number, w.issueDate, doc.issueDate],
    [w.paymentReference, doc.reference, w.dueDate, doc.dueDate],
  ];
  for (const [l1, v1, l2, v2] of facts) {
    ws.getCell(`A${row}`).value = l1;
    ws.getCell(`A${row}`).font = grey;
    ws.getCell(`B${row}`).value = v1;
    ws.getCell(`B${row}`).font = font({ bold: true });
    ws.getCell(`C${row}`).value = l2;
    ws.getCell(`C${row}`).font = grey;
    ws.getCell(`D${row}`).value = excelDate(v2);
    ws.getCell(`D${row}`).numFmt = FMT.date;
    row++;
  }
  return row;
}

/** Every document of the close, in number order, with what it reverses or what reversed it. */
export function writeDocumentList(ws: ExcelJS.Worksheet, row: number, docs: readonly ReportDocument[], lang: Lang, amountLabel: string): void {
  const w = CLOSE_WORDS[lang];
  ws.getCell(`A${row}`).value = w.documents;
  ws.getCell(`A${row++}`).font = font({ bold: true, size: 12 });
  headerRow(ws, row++, [w.number, `${w.partnerAndReference}`, w.issueDate, w.dueDate, amountLabel]);
  for (const d of docs) {
    const note = d.reverses !== undefined ? `${w.reverses} ${d.reverses}` : d.reversedBy !== undefined ? `${w.reversedBy} ${d.reversedBy}` : "";
    ws.getCell(`A${row}`).value = `${d.number} (${w.documentKinds[d.kind]}, ${w.documentStatus[d.status]})`;
    ws.getCell(`B${row}`).value = safeText([d.necPartner, d.reference, note].filter((x) => x).join(" · "));
    ws.getCell(`C${row}`).value = excelDate(d.issueDate);
    ws.getCell(`C${row}`).numFmt = FMT.date;
    ws.getCell(`D${row}`).value = excelDate(d.dueDate);
    ws.getCell(`D${row}`).numFmt = FMT.date;
    setMoney(ws.getCell(`E${row}`), d.payable);
    row++;
  }
}
