// Row fingerprints: a hash of a row's normalised content (never its file or
// line), so the same row in next month's cumulative export is recognised as
// already closed. Occurrence indices keep identical rows in one file apart.
import { hash } from "node:crypto";
import { t, warning, type Issue, type SourceRef } from "../domain/issues.js";

export type FingerprintInput = {
  readonly kind: "hours" | "benefits" | "staff" | "costs";
  /** ISO date (or period label for staff rows). */
  readonly date: string;
  readonly partner: string;
  readonly candidate?: string;
  /** Exact decimal text (hours or amount); normalised here, so "7.50" and "7.5" are the same row. */
  readonly quantity: string;
  readonly type?: string;
  readonly reference?: string;
  /** Other columns that make a row distinct (se_partner, client, relates_to, role, fte, cost...). */
  readonly extra?: Readonly<Record<string, string>>;
};

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** "007.500" → "7.5", "-0.00" → "0", "+3" → "3", ".5" → "0.5". Throws on non-decimal text (a caller bug: rows are validated first). */
export function normaliseQuantity(text: string): string {
  const m = DECIMAL.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  const int = (m[2] ?? "").replace(/^0+/, "") || "0";
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return m[1] === "-" && body !== "0" ? `-${body}` : body;
}

// Printable ASCII words separated by single spaces: already normal (the common case, checked cheaply).
const PLAIN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** Trim, collapse inner whitespace and use Unicode NFC, so re-exports that differ only in spacing still match. */
export function normaliseText(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  if (PLAIN.test(s)) return s;
  const t = s.normalize("NFC").trim().replace(/\s+/g, " ");
  return t === "" ? undefined : t;
}

/** The normalised content that is hashed (exported for tests and for explaining a fingerprint). */
export function fingerprintContent(r: FingerprintInput): Record<string, unknown> {
  let extra: Record<string, string> | undefined;
  if (r.extra) {
    for (const [k, v] of Object.entries(r.extra)) {
      const n = normaliseText(v);
      if (n !== undefined) (extra ??= {})[k] = n;
    }
  }
  return {
    k: r.kind,
    d: r.date.trim(),
    p: normaliseText(r.partner),
    c: normaliseText(r.candidate),
    q: normaliseQuantity(r.quantity),
    t: normaliseText(r.type),
    r: normaliseText(r.reference),
    x: extra,
  };
}

/**
 * The fingerprint of a row: the first 32 hex characters (128 bits) of the
 * SHA-256 of its canonical content. Invariant: equal content gives an equal
 * fingerprint, whatever file or line the row came from.
 */
export function rowFingerprint(r: FingerprintInput): string {
  // A fixed-position JSON array of the normalised content (the fields of
  // fingerprintContent, in its order): unambiguous and canonical without
  // building an object or sorting keys; this runs once per input row.
  let x: [string, string][] | null = null;
  if (r.extra) {
    for (const k of Object.keys(r.extra).sort()) {
      const n = normaliseText(r.extra[k]);
      if (n !== undefined) (x ??= []).push([k, n]);
    }
  }
  const text = JSON.stringify([
    r.kind,
    r.date.trim(),
    normaliseText(r.partner) ?? null,
    normaliseText(r.candidate) ?? null,
    normaliseQuantity(r.quantity),
    normaliseText(r.type) ?? null,
    normaliseText(r.reference) ?? null,
    x,
  ]);
  return hash("sha256", text, "hex").slice(0, 32);
}

/** Counts occurrences of each fingerprint within one file, so identical rows stay separate rows. */
export class FingerprintCounter {
  private readonly seen = new Map<string, number>();

  /** Returns this row's occurrence index: 0 for the first time `fp` is seen, then 1, 2, ... */
  add(fp: string): number {
    const n = this.seen.get(fp) ?? 0;
    this.seen.set(fp, n + 1);
    return n;
  }

  /** Fingerprints seen more than once, with their counts, in first-seen order. */
  duplicates(): { fp: string; count: number }[] {
    return [...this.seen].filter(([, n]) => n > 1).map(([fp, count]) => ({ fp, count }));
  }
}

/** The occurrence-aware identity the ledger stores: fingerprint + "#" + occurrence. */
export const rowId = (fp: string, occurrence: number): string => `${fp}#${occurrence}`;

export type IdentifiedRow = { readonly id: string; readonly fingerprint: string; readonly source: SourceRef };

/**
 * Give every row of ONE file its occurrence-aware id, and a warning per group
 * of identical rows naming their lines (they are kept as separate rows).
 * Count per file: a row repeated in two overlapping exports is the same row,
 * a row repeated inside one export is two rows.
 */
export function identifyRows(rows: readonly { input: FingerprintInput; source: SourceRef }[]): { rows: IdentifiedRow[]; warnings: Issue[] } {
  const counter = new FingerprintCounter();
  const out: IdentifiedRow[] = [];
  const lines = new Map<string, SourceRef[]>();
  for (const r of rows) {
    const fp = rowFingerprint(r.input);
    out.push({ id: rowId(fp, counter.add(fp)), fingerprint: fp, source: r.source });
    const l = lines.get(fp);
    if (l) l.push(r.source);
    else lines.set(fp, [r.source]);
  }
  const warnings: Issue[] = [];
  for (const { fp } of counter.duplicates()) {
    const refs = lines.get(fp)!;
    warnings.push(
      warning("duplicate-row", { count: refs.length }, {
        source: refs[0],
        found: `lines ${refs.map((s) => s.line ?? "?").join(", ")}`,
        hint: t("duplicate-row.hint"),
      }),
    );
  }
  return { rows: out, warnings };
}
