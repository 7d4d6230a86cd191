// Table → CSV text through csv-text.ts: formula-like text neutralised; plain
// style by default (LF, no BOM), or excel-be for people.
import type { Table } from "./close-tables.js";
import { columnsNamed, toCsv, type CsvStyle } from "./csv-text.js";

/** Columns of the close's tables that hold names, ids, dates or labels: never given a decimal comma. */
const TEXT_COLUMNS: ReadonlySet<string> = new Set([
  "nec_partner",
  "se_partner",
  "partner",
  "candidate_id",
  "line",
  "description",
  "item",
  "date",
  "side",
  "period",
  "role",
  "share_of_row",
  "source",
  "sources",
  "kind",
  "status",
  "code_or_kind",
]);

export function renderCsv(t: Table, style: CsvStyle = "plain"): string {
  return toCsv([t.header, ...t.rows], style, columnsNamed(t.header, TEXT_COLUMNS));
}
