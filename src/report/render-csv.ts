// Table → CSV text (RFC 4180 via csv-stringify), LF line ends, UTF-8 without BOM.
import { stringify } from "csv-stringify/sync";
import type { Table } from "./close-tables.js";

export function renderCsv(t: Table): string {
  return stringify([t.header as string[], ...(t.rows as string[][])], { record_delimiter: "\n" });
}
