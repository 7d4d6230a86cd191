// Every CSV menerva writes goes through here (csv-stringify does the quoting).
// - Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd`, `@SUM`)
//   gets a leading apostrophe, so it shows as text; numbers (`-12.50`) stay
//   numbers. Export cells such as client names and references reach our CSVs.
// - Two styles: `plain` (the default, for machines and CI: `,`, decimal point,
//   LF, no BOM) and `excel-be` (for people: `;`, decimal comma, CRLF and a
//   UTF-8 BOM, so Excel with Belgian settings opens it in columns).
import { stringify } from "csv-stringify/sync";

import { CSV_STYLES, type CsvStyle } from "./csv-styles.js";
export { CSV_STYLES, type CsvStyle };

/** A plain decimal number as menerva writes it: sign, digits, optional decimal point. */
const NUMBER = /^-?\d+(\.\d+)?$/;
/** What makes a spreadsheet read a cell as a formula (also after leading spaces; full-width forms too). */
const FORMULA_START = /^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** The cell as a spreadsheet will show it: formula-like text neutralised, numbers untouched. */
export function neutralise(cell: string): string {
  if (NUMBER.test(cell)) return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Rows (the first is the header) as CSV text. In `excel-be`, numbers get a
 * decimal comma except in `textColumns` (ids and names that only look like
 * numbers stay as written). `ownColumns` hold values menerva makes itself
 * that an import must read as written (the structured reference
 * `+++202/5000/00165+++` of the sales journal): verbatim in `plain`,
 * neutralised like any text in `excel-be`, which is opened in a spreadsheet.
 */
export function toCsv(
  rows: readonly (readonly string[])[],
  style: CsvStyle = "plain",
  textColumns: ReadonlySet<number> = new Set(),
  ownColumns: ReadonlySet<number> = new Set(),
): string {
  const be = style === "excel-be";
  const cells = rows.map((row, r) =>
    row.map((cell, c) => {
      const safe = !be && r > 0 && ownColumns.has(c) ? cell : neutralise(cell);
      return be && r > 0 && !textColumns.has(c) && NUMBER.test(safe) ? safe.replace(".", ",") : safe;
    }),
  );
  const text = stringify(cells, { delimiter: be ? ";" : ",", record_delimiter: be ? "\r\n" : "\n" });
  return be ? `\ufeff${text}` : text;
}

/** Column indices whose header is in `names` (for `textColumns`). */
export function columnsNamed(header: readonly string[], names: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  header.forEach((h, i) => names.has(h) && out.add(i));
  return out;
}
