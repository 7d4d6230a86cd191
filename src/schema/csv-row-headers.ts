// Column names of the four export kinds in English and Dutch (SPEC §4), and
// finding them in a header row: case-insensitive, trimmed, any order, extra
// columns ignored. Pure.
import { error, t, type Issue } from "../domain/issues.js";

export type InputKind = "hours" | "benefits" | "staff" | "costs";

export type ColumnSpec = {
  /** Canonical key, also the English name users see. */
  readonly key: string;
  /** The Dutch name users see. */
  readonly nl: string;
  readonly required: boolean;
  /** Further accepted spellings, already normalised (see normaliseHeader). */
  readonly aliases: readonly string[];
};

const col = (key: string, nl: string, required: boolean, aliases: string[] = []): ColumnSpec => ({
  key,
  nl,
  required,
  aliases: [key, nl, ...aliases].map(normaliseHeader),
});

const DATE = col("date", "datum", true, ["dag", "day", "booking_date", "boekingsdatum"]);
const NEC = col("nec_partner", "uitzendpartner", true, [
  "nec",
  "nec partner",
  "nec_partner_name",
  "uitzendkantoor",
  "uitzendbureau",
  "agency",
  "temp_agency",
]);
const CANDIDATE = col("candidate_id", "kandidaat", true, [
  "candidate",
  "candidate_nr",
  "candidate_number",
  "kandidaat_id",
  "kandidaatid",
  "kandidaatnummer",
  "kandidaat_nr",
]);
const REFERENCE = col("reference", "referentie", false, ["ref", "kenmerk", "referentienummer"]);
const AMOUNT = col("amount", "bedrag", true, ["amount_eur", "bedrag_eur", "eur", "euro"]);

/** Columns per input kind, in the order messages list them. */
export const COLUMNS: Readonly<Record<InputKind, readonly ColumnSpec[]>> = {
  hours: [
    DATE,
    NEC,
    CANDIDATE,
    col("hours", "uren", true, ["aantal_uren", "gewerkte_uren", "hours_worked", "billed_hours", "gefactureerde_uren"]),
    col("se_partner", "toeleider", false, ["se", "se partner", "se_partner_name", "toeleidende_partner", "toeleiding"]),
    col("client", "klant", false, ["customer", "werkgever", "employer", "klantnaam"]),
    REFERENCE,
  ],
  benefits: [
    DATE,
    NEC,
    CANDIDATE,
    col("type", "soort", true, ["benefit_type", "soort_voordeel", "voordeel", "type_voordeel"]),
    AMOUNT,
    col("relates_to", "betreft", false, ["relates", "periode", "period", "for_period"]),
    REFERENCE,
  ],
  staff: [
    col("period", "periode", true, ["maand", "kwartaal", "month", "quarter"]),
    col("partner", "partner", true, ["organisation", "organization", "organisatie"]),
    // One of role/person is needed; the staff reader checks that pair itself.
    col("role", "rol", false, ["functie", "function"]),
    col("person", "persoon", false, ["naam", "name", "medewerker", "employee"]),
    col("fte", "vte", true, ["fte_s", "vtes"]),
    col("cost", "kost", false, ["kosten", "costs", "loonkost", "loonkosten", "cost_eur", "kost_eur"]),
    col("subsidy", "subsidie", false, ["subsidies", "subsidy_eur", "subsidie_eur", "subsidies_eur"]),
  ],
  costs: [
    DATE,
    col("description", "omschrijving", true, ["desc", "beschrijving", "label", "item", "kostenpost"]),
    AMOUNT,
  ],
};

/** "  NEC Partner (€) " -> "nec_partner": case, spaces, dashes, dots and a unit in brackets do not matter. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\ufeff/, "")
    .trim()
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, "")
    .replace(/[\s_\-./]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Where each column is in this file, and the header text as the file spells it. */
export type HeaderMap = {
  readonly index: Readonly<Record<string, number>>;
  readonly label: Readonly<Record<string, string>>;
  /** True when most recognised headers are Dutch: messages then name missing columns in Dutch. */
  readonly dutch: boolean;
  /** Cells of the header record (a row with more, not empty, has cells no column reads: rows.ts). */
  readonly width: number;
};

/** Position of `key` or -1. */
export const indexOf = (h: HeaderMap, key: string): number => h.index[key] ?? -1;

/** The name to use in a message about `key` in this file. */
export function labelOf(h: HeaderMap, spec: ColumnSpec): string {
  return h.label[spec.key] ?? (h.dutch ? spec.nl : spec.key);
}

/**
 * Find the kind's columns in a header row. Issues: a required column missing
 * (one issue per column, at the header line, listing the headers found) or a
 * column given twice under two names.
 */
export function resolveHeader(
  kind: InputKind,
  header: readonly string[],
  file: string,
  line: number,
): { map: HeaderMap; issues: Issue[] } {
  const specs = COLUMNS[kind];
  const index: Record<string, number> = {};
  const label: Record<string, string> = {};
  const issues: Issue[] = [];
  let nl = 0;
  let en = 0;
  header.forEach((raw, i) => {
    const n = normaliseHeader(raw);
    if (n === "") return;
    const spec = specs.find((s) => s.aliases.includes(n));
    if (!spec) return;
    const text = raw.replace(/^\ufeff/, "").trim();
    if (index[spec.key] !== undefined) {
      issues.push(
        error("duplicate-column", {}, {
          source: { file, line },
          subject: t("subject.column", { name: text }),
          hint: t("duplicate-column.hint", { column: index[spec.key]! + 1, label: label[spec.key]!, key: spec.key }),
        }),
      );
      return;
    }
    index[spec.key] = i;
    label[spec.key] = text;
    if (n === normaliseHeader(spec.nl) && spec.nl !== spec.key) nl++;
    else if (n === spec.key) en++;
  });
  const map: HeaderMap = { index, label, dutch: nl > en, width: header.length };
  const found = header.map((h) => h.replace(/^\ufeff/, "").trim()).filter((h) => h !== "");
  // `"datum" ;`: a column name that kept its quotes (a space outside them) is why it was not found
  const quotesKept = found.some(inKeptQuotes);
  if (Object.keys(index).length === 0) {
    // Not a header at all (a file without one, or not an export: /etc/passwd):
    // one problem, and the row is not quoted back.
    const names = specs.filter((s) => s.required).map((s) => s.key);
    return {
      map,
      issues: [
        error("no-header", { kind }, {
          source: { file, line },
          hint: quotesKept ? t("quotes-kept.hint") : t("no-header.hint", { names: names.join(", "), dutch: specs.filter((s) => s.required).map((s) => s.nl).join(", ") }),
        }),
      ],
    };
  }
  const missing: Issue[] = [];
  for (const spec of specs) {
    if (!spec.required || index[spec.key] !== undefined) continue;
    missing.push(missingColumn(map, spec, found, file, line));
  }
  if (kind === "staff" && index.role === undefined && index.person === undefined) {
    missing.push(missingColumn(map, specs.find((s) => s.key === "role")!, found, file, line, "person", "persoon"));
  }
  issues.push(...(quotesKept ? missing.map((i) => ({ ...i, hint: t("quotes-kept.hint") })) : missing));
  return { map, issues };
}

/**
 * Whether trimmed cell text is wrapped in quotes the CSV reader left in: a
 * space between a quote and its delimiter (`"11/03/2025" ;`) makes them text.
 */
export const inKeptQuotes = (s: string): boolean => s.length >= 2 && s.startsWith('"') && s.endsWith('"');

/** One issue for a missing column, naming it in the file's language and listing what the header has. */
export function missingColumn(
  map: HeaderMap,
  spec: ColumnSpec,
  found: readonly string[],
  file: string,
  line: number,
  orKey?: string,
  orNl?: string,
): Issue {
  const name = map.dutch ? spec.nl : spec.key;
  const other = map.dutch ? spec.key : spec.nl;
  const alt = orKey ? (map.dutch ? orNl : orKey)! : "";
  return error("missing-column", {}, {
    source: { file, line },
    subject: t("subject.column-or", { name, alt }),
    found: found.join(", "),
    hint: t("missing-column.hint", { name, other, alt }),
  });
}
