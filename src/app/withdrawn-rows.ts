// Closed rows the current exports no longer hold (issue 11, QA report 1 #1):
// which of them a restating (`cumulative: true`) export withdrew — reversed
// by the close — and which no export restates — left billed, and the close
// says so. I/O-free apart from what callers pass in.
//
// The rule (README "The rules", 4): a cumulative export restates its kind
// (hours or benefits) from its first date on — it is a snapshot as of today,
// so a closed row after its last date that it no longer holds is gone too —
// for the NEC partners it can contain: those it holds rows of now, and those
// it held rows of at any earlier close (the ledger keeps, per input file, the
// NEC partners each close read from it). So a shared export that no longer
// holds any row of an agency still restates that agency, and one agency's own
// export never withdraws another agency's rows. Presence is checked over all
// inputs: a row held by any file is never withdrawn.
import { closedPeriodOf, type ClosedRow } from "../domain/corrections.js";
import { t, warning, type Issue, type SourceRef } from "../domain/issues.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import { fmtDecimal } from "../domain/money.js";
import { closedRow, type ClosedBooks } from "../ledger/books.js";
import type { LedgerRecord } from "../ledger/record.js";

/** A closed row missing from the current inputs. */
export type MissingRow = ClosedRow & { readonly id: string; readonly period: string; readonly newVersion?: SourceRef };

/** What one cumulative export restates: its kind, from its first date on, for these NEC partners. */
export type RestatingScope = { readonly kind: "hours" | "benefits"; readonly file: string; readonly from: string; readonly partners: ReadonlySet<string> };

type Rows = { readonly hours: readonly HourRow[]; readonly benefits: readonly BenefitRow[] };
type RowIds = { readonly hours: { readonly ids: readonly string[] }; readonly benefits: { readonly ids: readonly string[] } };

/** What the rows read from one hours or benefits file hold: its first date and its NEC partners. */
export type FilePartners = { readonly kind: "hours" | "benefits"; readonly file: string; readonly from: string; readonly partners: readonly string[] };

/** FilePartners of rows held in memory (the streaming engine gathers the same as it reads). */
export function filePartnersOf(rows: Rows): FilePartners[] {
  const per = new Map<string, { kind: "hours" | "benefits"; file: string; from: string; partners: Set<string> }>();
  for (const r of [...rows.hours, ...rows.benefits]) {
    const key = `${r.kind}\u0000${r.source.file}`;
    const s = per.get(key);
    if (!s) per.set(key, { kind: r.kind, file: r.source.file, from: r.date, partners: new Set([r.necPartner]) });
    else {
      s.partners.add(r.necPartner);
      if (r.date < s.from) s.from = r.date;
    }
  }
  return [...per.values()].map((s) => ({ kind: s.kind, file: s.file, from: s.from, partners: [...s.partners].sort() }));
}

/** NEC partners of the rows read from an input file: what the record keeps per input (hours and benefits files). */
export function partnersPerFile(files: readonly FilePartners[]): Map<string, string[]> {
  const per = new Map<string, Set<string>>();
  for (const f of files) {
    let s = per.get(f.file);
    if (!s) per.set(f.file, (s = new Set()));
    for (const p of f.partners) s.add(p);
  }
  return new Map([...per].map(([f, s]) => [f, [...s].sort()]));
}

/** The NEC partners each input file (as the records name it) held rows of at a close. */
function heldBefore(records: readonly LedgerRecord[]): Map<string, Set<string>> {
  const held = new Map<string, Set<string>>();
  for (const r of records) {
    for (const i of r.inputs) {
      if (!i.nec_partners) continue; // a record written before menerva kept them
      let s = held.get(`${i.kind}\u0000${i.file}`);
      if (!s) held.set(`${i.kind}\u0000${i.file}`, (s = new Set()));
      for (const p of i.nec_partners) s.add(p);
    }
  }
  return held;
}

/**
 * The scope of every cumulative export: its kind, its first date, and the
 * NEC partners it holds rows of or held rows of at an earlier close.
 * `recordName` turns an input's display path into the name the records use.
 */
export function restatingScopes(
  files: readonly FilePartners[],
  cumulative: ReadonlySet<string>,
  records: readonly LedgerRecord[],
  recordName: (file: string) => string,
): RestatingScope[] {
  const held = heldBefore(records);
  return files
    .filter((f) => cumulative.has(f.file))
    .map((f) => ({ kind: f.kind, file: f.file, from: f.from, partners: new Set([...(held.get(`${f.kind}\u0000${recordName(f.file)}`) ?? []), ...f.partners]) }));
}

/** Does a cumulative export restate this closed row (its kind, partner and date)? */
export function isRestated(scopes: readonly RestatingScope[], row: Pick<ClosedRow, "kind" | "necPartner" | "date">): boolean {
  return scopes.some((s) => s.kind === row.kind && s.from <= row.date && s.partners.has(row.necPartner));
}

const versionKey = (kind: string, partner: string, candidate: string, date: string, type: string | undefined): string => `${kind}\u0000${partner}\u0000${candidate}\u0000${date}\u0000${type ?? ""}`;

/**
 * Closed rows the current inputs no longer hold: `reversals` are restated by
 * a cumulative export (withdrawn: the close reverses them), `unrestated` are
 * not (they stay billed; the close warns). A withdrawn row's new version is a
 * row not yet closed with the same kind, partner, candidate, date and type.
 */
export function findMissing(
  books: ClosedBooks,
  ids: RowIds,
  rows: Rows,
  files: readonly FilePartners[],
  cumulative: ReadonlySet<string>,
  recordName: (file: string) => string,
): { reversals: MissingRow[]; unrestated: MissingRow[] } {
  const reversals: MissingRow[] = [];
  const unrestated: MissingRow[] = [];
  if (books.rows.size === 0) return { reversals, unrestated };
  const present = new Set<string>(ids.hours.ids);
  for (const id of ids.benefits.ids) present.add(id);
  const missing: (ClosedRow & { id: string; period: string })[] = [];
  for (const [id, at] of books.rows) {
    if (present.has(id)) continue;
    const row = closedRow(books, at);
    missing.push({ ...row, period: closedPeriodOf(books.periods, row.date) ?? row.billedIn });
  }
  if (missing.length === 0) return { reversals, unrestated };
  const scopes = restatingScopes(files, cumulative, books.records, recordName);
  // New versions: rows not yet closed with the same kind, partner, candidate, date and type as a missing row
  // (keys built only for rows on a date some missing row has: this runs over every input row).
  const dates = new Set(missing.map((m) => m.date));
  const wanted = new Set(missing.map((m) => versionKey(m.kind, m.necPartner, m.candidate, m.date, m.type)));
  const versions = new Map<string, SourceRef>();
  const note = (r: HourRow | BenefitRow, id: string) => {
    if (!dates.has(r.date) || books.rows.has(id)) return;
    const k = versionKey(r.kind, r.necPartner, r.candidate, r.date, r.kind === "benefits" ? r.type : undefined);
    if (wanted.has(k) && !versions.has(k)) versions.set(k, r.source);
  };
  rows.hours.forEach((r, i) => note(r, ids.hours.ids[i]!));
  rows.benefits.forEach((r, i) => note(r, ids.benefits.ids[i]!));
  for (const m of missing) {
    const v = versions.get(versionKey(m.kind, m.necPartner, m.candidate, m.date, m.type));
    const full: MissingRow = { ...m, ...(v ? { newVersion: v } : {}) };
    (isRestated(scopes, m) ? reversals : unrestated).push(full);
  }
  return { reversals, unrestated };
}


function groups(rows: readonly MissingRow[]): Map<string, MissingRow[]> {
  const g = new Map<string, MissingRow[]>();
  for (const r of rows) {
    const k = `${r.kind}\u0000${r.necPartner}`;
    (g.get(k) ?? g.set(k, []).get(k)!).push(r);
  }
  return g;
}

const dateSpan = (rows: readonly MissingRow[]): string => {
  const ds = rows.map((r) => r.date).sort();
  return ds[0] === ds[ds.length - 1] ? ds[0]! : `${ds[0]}..${ds[ds.length - 1]}`;
};
const periodsOf = (rows: readonly MissingRow[]): string => [...new Set(rows.map((r) => r.period))].sort().join(", ");
const rowText = (r: MissingRow): string => `${r.date} ${r.candidate}${r.type !== undefined ? ` ${r.type}` : ""} ${fmtDecimal(r.quantity)}`;

/**
 * What the close tells about missing rows: one warning per kind and NEC
 * partner for closed rows that no export holds and none restates (they stay
 * billed), and one when every row of an agency's kind is withdrawn because no
 * export holds a row of it any more (its export may be missing).
 */
export function missingRowWarnings(missing: { reversals: readonly MissingRow[]; unrestated: readonly MissingRow[] }, files: readonly FilePartners[]): Issue[] {
  const out: Issue[] = [];
  for (const list of groups(missing.unrestated).values()) {
    const { kind, necPartner } = list[0]!;
    const shown = list.slice(0, 3).map(rowText).join("; ");
    out.push(
      warning(
        "closed-rows-not-restated",
        { count: list.length, kind, partner: necPartner, dates: dateSpan(list), periods: periodsOf(list) },
        {
          subject: t("subject.partner-kind", { partner: necPartner, kind: t(`kind.${kind}`) }),
          found: `${shown}${list.length > 3 ? "; …" : ""}`,
          hint: t("closed-rows-not-restated.hint", { partner: necPartner, count: list.length, from: list.map((r) => r.date).sort()[0]! }),
        },
      ),
    );
  }
  const held = new Set(files.flatMap((f) => f.partners.map((p) => `${f.kind}\u0000${p}`)));
  for (const [key, list] of groups(missing.reversals)) {
    if (held.has(key)) continue;
    const { kind, necPartner } = list[0]!;
    out.push(
      warning(
        "partner-rows-all-withdrawn",
        { count: list.length, kind, partner: necPartner, periods: periodsOf(list) },
        { subject: t("subject.partner-kind", { partner: necPartner, kind: t(`kind.${kind}`) }), hint: t("partner-rows-all-withdrawn.hint", { partner: necPartner }) },
      ),
    );
  }
  return out;
}
