// Document numbers: <prefix><year>-<sequence>, e.g. MEN2025-0007. Pure.
// One series per calendar year of the issue date, shared by invoices and
// credit notes: gapless (1, 2, 3, …) and in date order (a number never carries
// an earlier date than the number before it). The sequence is written with at
// least four digits and grows beyond them (MEN2025-10000). The numbers already
// issued come from the ledger; this module only continues them.
import { error, fail, ok, t, type Issue, type Result } from "../issues.js";
import { isIsoDate } from "../period.js";
import { MAX_SEQUENCE, referenceFor } from "./payment-reference.js";

/** A number assigned to a document, with its structured payment reference. */
export type DocumentNumber = {
  /** "MEN2025-0007". */
  readonly text: string;
  readonly year: number;
  readonly sequence: number;
  /** "+++202/5000/00771+++" (see payment-reference.ts). */
  readonly reference: string;
  readonly issueDate: string;
};

/** A document issued by an earlier close, as the ledger records it. */
export type IssuedDocument = { readonly number: string; readonly issueDate: string };

const PREFIX = /^[A-Za-z0-9/_.-]{0,20}$/;

/** Is `prefix` usable in a number (and, with "/" as "-", in a file name)? */
export const isValidPrefix = (prefix: string): boolean => PREFIX.test(prefix);

export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}${year}-${String(sequence).padStart(4, "0")}`;
}

/** "MEN2025-0007" -> {prefix: "MEN", year: 2025, sequence: 7}: the year is the four digits before the last "-". */
export function parseDocumentNumber(text: string): { prefix: string; year: number; sequence: number } | undefined {
  const m = /^(.*?)(\d{4})-(\d{4,})$/.exec(text);
  if (!m) return undefined;
  const sequence = Number(m[3]);
  if (sequence < 1 || sequence > MAX_SEQUENCE) return undefined;
  return { prefix: m[1]!, year: Number(m[2]), sequence };
}

/** The file name stem of a number: a "/" (allowed in a prefix) becomes "-". */
export const fileStemOf = (number: string): string => number.replace(/\//g, "-");

/** What is wrong with the issued series itself: unreadable numbers, a year that does not match the date, gaps, doubles, dates out of order. */
export function seriesIssues(issued: readonly IssuedDocument[]): Issue[] {
  const out: Issue[] = [];
  const byYear = new Map<number, { sequence: number; number: string; issueDate: string }[]>();
  for (const d of issued) {
    const p = parseDocumentNumber(d.number);
    if (!p || !isIsoDate(d.issueDate)) {
      out.push(error("bad-document-number", {}, { found: `${d.number} ${d.issueDate}` }));
      continue;
    }
    if (String(p.year) !== d.issueDate.slice(0, 4)) {
      out.push(error("number-year-mismatch", { number: d.number, date: d.issueDate, year: String(p.year) }, { found: d.number }));
      continue;
    }
    const list = byYear.get(p.year) ?? [];
    list.push({ sequence: p.sequence, number: d.number, issueDate: d.issueDate });
    byYear.set(p.year, list);
  }
  for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const sorted = [...list].sort((a, b) => a.sequence - b.sequence);
    sorted.forEach((d, i) => {
      if (d.sequence !== i + 1) {
        const twice = i > 0 && sorted[i - 1]!.sequence === d.sequence;
        out.push(twice ? error("series-broken.twice", { number: d.number }, { found: d.number }) : error("series-broken", { number: d.number, year: String(year), next: String(i + 1) }, { found: d.number }));
      }
      if (i > 0 && d.issueDate < sorted[i - 1]!.issueDate) {
        out.push(error("series-out-of-order", { number: d.number, date: d.issueDate, previous: sorted[i - 1]!.number, previousDate: sorted[i - 1]!.issueDate }, { found: d.number }));
      }
    });
  }
  return out;
}

/**
 * Number the documents to issue, in the order given, each continuing the
 * series of its issue date's year after `issued` (and after the ones
 * numbered before it in this call). Fails, numbering nothing, when the issued
 * series is broken or an issue date lies before the last issued date of its
 * year (the series must follow the dates).
 */
export function assignNumbers(prefix: string, issued: readonly IssuedDocument[], issueDates: readonly string[]): Result<DocumentNumber[]> {
  if (!isValidPrefix(prefix)) throw new Error(`assignNumbers: invalid prefix ${JSON.stringify(prefix)} (the config check should have refused it)`);
  const broken = seriesIssues(issued);
  if (broken.length > 0) return fail(broken);
  const last = new Map<number, { sequence: number; number: string; issueDate: string }>();
  for (const d of issued) {
    const p = parseDocumentNumber(d.number)!;
    const cur = last.get(p.year);
    if (!cur || p.sequence > cur.sequence) last.set(p.year, { sequence: p.sequence, number: d.number, issueDate: d.issueDate });
  }
  const out: DocumentNumber[] = [];
  const issues: Issue[] = [];
  for (const issueDate of issueDates) {
    if (!isIsoDate(issueDate)) throw new Error(`assignNumbers: not a date ${JSON.stringify(issueDate)}`);
    const year = Number(issueDate.slice(0, 4));
    const prev = last.get(year);
    if (prev && issueDate < prev.issueDate) {
      issues.push(
        error("issue-date-before-last", { date: issueDate, lastDate: prev.issueDate, last: prev.number, year: String(year) }, {
          found: issueDate,
          hint: t("issue-date-before-last.hint", { lastDate: prev.issueDate }),
        }),
      );
      continue;
    }
    const sequence = (prev?.sequence ?? 0) + 1;
    if (sequence > MAX_SEQUENCE) {
      issues.push(error("series-full", { year: String(year), max: String(MAX_SEQUENCE) }, { found: issueDate }));
      continue;
    }
    const text = formatDocumentNumber(prefix, year, sequence);
    out.push({ text, year, sequence, reference: referenceFor(year, sequence), issueDate });
    last.set(year, { sequence, number: text, issueDate });
  }
  return issues.length > 0 ? fail(issues) : ok(out);
}
