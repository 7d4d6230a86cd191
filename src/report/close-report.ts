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
  /** Inputs, cost-price file and ledger outside the config's folder, relative to it (README "Paths"). */
  readonly outsideConfigFolder?: readonly string[];
};
