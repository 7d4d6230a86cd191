// The report of one close as data: the domain result plus what the I/O shell
// knows (input files and their hashes, ledger facts). Every renderer (JSON
// summary, CSV tables, Excel statement) reads this one value.
import type { CloseCore, CloseResult } from "../domain/close.js";
import type { CloseRows } from "./close-rows.js";
import type { Issue } from "../domain/issues.js";
import type { Dec } from "../domain/money.js";

export type InputFileInfo = {
  readonly kind: "hours" | "benefits" | "staff" | "costs";
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  readonly encoding: string;
  readonly delimiter: string;
  readonly decimalMark: string;
};

export type ReserveHistoryEntry = {
  readonly period: string;
  readonly opening: Dec;
  readonly retained: Dec;
  readonly otherCosts: Dec;
  readonly reservePayments: Dec;
  readonly closing: Dec;
};

/** One numbered document of the close (issue 12), as the summaries show it. */
export type ReportDocument = {
  readonly number: string;
  readonly kind: "invoice" | "credit_note";
  readonly necPartner: string;
  readonly issueDate: string;
  readonly dueDate: string;
  /** "+++ddd/dddd/ddddd+++". */
  readonly reference: string;
  /** The amount due (an invoice) or credited (a credit note), positive. */
  readonly payable: Dec;
  /** new: numbered by this close; kept: issued by an earlier close of the period (or an undone one) and left as it was. */
  readonly status: "new" | "kept";
  /** The earlier document this one reverses. */
  readonly reverses?: string;
  /** The later document that reverses this one. */
  readonly reversedBy?: string;
  /** Paths relative to the output folder. */
  readonly xml: string;
  readonly pdf: string;
};

/** The e-invoices of a close: none without an `invoicing:` block. */
export type DocumentsInfo =
  | { readonly made: false }
  | {
      readonly made: true;
      /** Issue date of the documents this close numbered. */
      readonly invoiceDate: string;
      /** Every document of the close, in number order. */
      readonly docs: readonly ReportDocument[];
      /** The sales journal, relative to the output folder. */
      readonly journal: string;
    };

export type CloseReport = {
  /** The close; the classified rows are in it (closePeriod) or in `rows` (the streaming close). */
  readonly result: CloseCore & Partial<Pick<CloseResult, "hours" | "benefits">>;
  /** The classified rows, read again on demand, when `result` does not hold them (close-rows.ts). */
  readonly rows?: CloseRows;
  readonly language: "nl" | "en";
  readonly configFile: string;
  readonly configSha256: string;
  readonly inputs: readonly InputFileInfo[];
  /** Warnings from reading the inputs and from the close, in one list. */
  readonly warnings: readonly Issue[];
  /** Earlier closes from the ledger, oldest first (empty without a ledger). */
  readonly reserveHistory: readonly ReserveHistoryEntry[];
  /** Where the opening reserve came from: the config or the previous close. */
  readonly openingFrom: "config" | { readonly period: string };
  /** Hash of this close's ledger record, when the ledger is in use. */
  readonly ledgerRecordHash?: string;
  /** The close's e-invoices (issue 12); absent where no documents are planned (validate). */
  readonly documents?: DocumentsInfo;
  /** Inputs, cost-price file and ledger outside the config's folder, relative to it (README "Paths"). */
  readonly outsideConfigFolder?: readonly string[];
};
