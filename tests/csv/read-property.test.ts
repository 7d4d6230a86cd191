// Property: whatever style an agency exports in (delimiter, decimal mark,
// thousands separator, encoding, BOM, line ending, date format, header
// language and order, blank lines, quoted cells), the rows read back are the
// rows written, with their physical line numbers, and nothing else.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { CTX, cp1252, read } from "./helpers.js";

type Row = { date: string; nec: string; cand: string; cents: bigint; client: string };

const rowArb: fc.Arbitrary<Row> = fc.record({
  date: fc
    .record({ y: fc.integer({ min: 2024, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  nec: fc.constantFrom(...CTX.necPartners),
  cand: fc.integer({ min: 1, max: 9999 }).map((n) => `KND-${String(n).padStart(4, "0")}`),
  // Hours in hundredths, up to 9,999.99 so thousands separators appear.
  cents: fc.bigInt({ min: -99_999n, max: 999_999n }),
  client: fc.constantFrom("Bakkerij Janssens", "Brasserie Hélène", "Drukkerij Geërts", "Janssens, Bakkerij", 'Scherm "5"', "Noël\nZoë", ""),
});

const styleArb = fc.record({
  delimiter: fc.constantFrom(",", ";", "\t"),
  comma: fc.boolean(),
  thousands: fc.constantFrom("", "sep", " "),
  encoding: fc.constantFrom("utf-8", "utf-8-bom", "windows-1252"),
  eol: fc.constantFrom("\n", "\r\n"),
  dayFirst: fc.boolean(),
  dutch: fc.boolean(),
  reversed: fc.boolean(),
  blankEvery: fc.integer({ min: 0, max: 4 }),
});

function number(cents: bigint, comma: boolean, thousands: string): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const int = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, "0");
  const sep = thousands === "sep" ? (comma ? "." : ",") : thousands;
  const grouped = sep === "" ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  // Always two decimals: every cell then carries the file's decimal mark.
  return `${neg ? "-" : ""}${grouped}${comma ? "," : "."}${frac}`;
}

function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") || cell.includes("\r") ? `"${cell.replaceAll('"', '""')}"` : cell;
}

test.prop([fc.array(rowArb, { minLength: 1, maxLength: 25 }), styleArb], { numRuns: 60 })(
  "rows written in any supported export style read back exactly, with their lines",
  async (rows, st) => {
    const names = st.dutch ? ["datum", "uitzendpartner", "kandidaat", "uren", "klant"] : ["date", "nec_partner", "candidate_id", "hours", "client"];
    const order = st.reversed ? [4, 3, 2, 1, 0] : [0, 1, 2, 3, 4];
    const lines: string[] = [order.map((i) => names[i]!).join(st.delimiter)];
    const expected: { line: number; row: Row }[] = [];
    let physical = 2;
    rows.forEach((r, k) => {
      if (st.blankEvery > 0 && k % st.blankEvery === 0) {
        lines.push("");
        physical++;
      }
      const [y, m, d] = r.date.split("-");
      const cells = [st.dayFirst ? `${d}/${m}/${y}` : r.date, r.nec, r.cand, number(r.cents, st.comma, st.thousands), r.client];
      // Newlines inside a quoted cell follow the file's line ending.
      const text = order.map((i) => quote(cells[i]!.replaceAll("\n", st.eol), st.delimiter)).join(st.delimiter);
      expected.push({ line: physical, row: r });
      physical += 1 + (r.client.match(/\n/g)?.length ?? 0);
      lines.push(text);
    });
    const body = lines.join(st.eol) + st.eol;
    const bytes = st.encoding === "windows-1252" ? cp1252(body) : Buffer.from((st.encoding === "utf-8-bom" ? "\ufeff" : "") + body, "utf8");
    const result = await read("hours", bytes, undefined, "prop.csv");

    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    // Every warning is the >24 hours one, on a row that has more than 24 hours.
    for (const w of result.issues) expect(w.code).toBe("over-24-hours");
    expect(result.meta.delimiter).toBe(st.delimiter);
    expect(result.meta.decimalMark).toBe(st.comma ? "," : ".");
    // Pure-ASCII Windows-1252 is indistinguishable from UTF-8 (and reads the same).
    const ascii = !/[^\x00-\x7f]/.test(body);
    expect(result.meta.encoding).toBe(st.encoding === "windows-1252" && ascii ? "utf-8" : st.encoding);
    expect(result.meta.rowsRead).toBe(rows.length);
    expect(
      result.rows.map((r: any) => ({
        line: r.source.line,
        date: r.date,
        nec: r.necPartner,
        cand: r.candidate,
        hundredths: r.hours.times(100).toFixed(),
        client: r.client ?? "",
      })),
    ).toEqual(
      expected.map(({ line, row }) => ({
        line,
        date: row.date,
        nec: row.nec,
        cand: row.cand,
        hundredths: row.cents.toString(),
        client: row.client.replaceAll("\n", st.eol),
      })),
    );
  },
);
