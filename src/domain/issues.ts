// Problems found in user input, as values. Pure.
// A pass collects every issue so the user can fix a whole run in one go; the
// CLI prints them as `file:line: column 'x': problem (got "value")`.

/** Where a piece of input came from; `line` and `column` are 1-based. */
export type SourceRef = {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** For a workbook input: the sheet; `line` is then its row and `column` its column (A = 1). */
  readonly sheet?: string;
};

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export type Severity = "error" | "warning";

export type Issue = {
  readonly severity: Severity;
  /** Stable kebab-case code, for tests and machines ("not-a-number"). */
  readonly code: string;
  /** What is wrong, in plain words ("not a number"). */
  readonly message: string;
  readonly source?: SourceRef;
  /** What the message is about: "column 'uren'" for CSV, "fees.hourly.0.rate" for YAML. */
  readonly subject?: string;
  /** The offending raw text, quoted back to the user. */
  readonly found?: string;
  /** One sentence on how to fix it. */
  readonly hint?: string;
  /** For the one line that stands for problems not listed ("49800 more problems…"): how many it stands for. */
  readonly more?: number;
};

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export const ok = <T>(value: T, warnings: readonly Issue[] = []): Result<T> => ({
  ok: true,
  value,
  warnings,
});
export const fail = <T = never>(issues: readonly Issue[]): Result<T> => ({ ok: false, issues });

export function error(code: string, message: string, extra: Omit<Issue, "severity" | "code" | "message"> = {}): Issue {
  return { severity: "error", code, message, ...extra };
}
export function warning(code: string, message: string, extra: Omit<Issue, "severity" | "code" | "message"> = {}): Issue {
  return { severity: "warning", code, message, ...extra };
}

/** "file:line:col" (as much as is known); a workbook cell as "file.xlsx:Sheet!B12", a row as "file.xlsx:Sheet:12". */
export function formatSource(s: SourceRef): string {
  if (s.sheet !== undefined) {
    const sheet = /^[\p{L}\p{N}_.]+$/u.test(s.sheet) ? s.sheet : `'${s.sheet.replace(/'/g, "''")}'`;
    if (s.line === undefined) return `${s.file}:${sheet}`;
    return s.column !== undefined ? `${s.file}:${sheet}!${columnLetters(s.column)}${s.line}` : `${s.file}:${sheet}:${s.line}`;
  }
  return `${s.file}${s.line !== undefined ? `:${s.line}` : ""}${s.line !== undefined && s.column !== undefined ? `:${s.column}` : ""}`;
}

/** Characters of a bad value quoted back in a message: enough to recognise it, never a whole file. */
export const QUOTE_LIMIT = 80;

/** `value` cut to `limit` characters ("…" marks the cut); the full length is for the caller to say. */
export function clip(value: string, limit: number = QUOTE_LIMIT): string {
  if (value.length <= limit) return value;
  // Do not cut a surrogate pair in half.
  const end = /[\ud800-\udbff]/.test(value[limit - 2] ?? "") ? limit - 2 : limit - 1;
  return `${value.slice(0, end)}…`;
}

/** A user's value as a message quotes it: JSON-quoted (control characters escaped), at most QUOTE_LIMIT characters. */
export function quote(value: string): string {
  return value.length <= QUOTE_LIMIT ? JSON.stringify(value) : `${JSON.stringify(clip(value))} (${value.length} characters)`;
}

/**
 * Text from user data inside a message, made safe for a terminal: control
 * characters and bidirectional overrides escaped, at most `limit` characters.
 * Line breaks stay (messages use them for lists).
 */
export function safeLine(text: string, limit: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return clean.split("\n").map((l) => clip(l, limit)).join("\n");
}

/** One issue as one line (plus an indented hint line), the way compilers print them. */
export function formatIssue(i: Issue): string {
  const where = i.source ? `${safeLine(formatSource(i.source), 300)}: ` : "";
  const subject = i.subject ? `${safeLine(i.subject, 120)}: ` : "";
  const found = i.found !== undefined ? ` (got ${quote(i.found)})` : "";
  const head = `${where}${i.severity === "warning" ? "warning: " : ""}${subject}${safeLine(i.message, 500)}${found}`;
  return i.hint ? `${head}\n  hint: ${safeLine(i.hint, 500)}` : head;
}

/** Problems listed per file at most; the rest are counted in one line (a hostile file could list a million). */
export const MAX_LISTED_ISSUES = 200;

/** The first `max` issues and, when there are more, one line counting the rest. */
export function capIssues(issues: readonly Issue[], file: string, max: number = MAX_LISTED_ISSUES): Issue[] {
  if (issues.length <= max) return [...issues];
  return [...issues.slice(0, max), error("more-issues", `${issues.length - max} more problems in this file not shown`, { source: { file }, more: issues.length - max })];
}

/** How many problems `issues` hold: each error once, a "N more" line as the N it stands for (never itself). */
export function problemCount(issues: readonly Issue[]): number {
  let n = 0;
  for (const i of issues) if (i.severity === "error") n += i.more ?? 1;
  return n;
}

/** Order issues by file, then line, then column, keeping discovery order otherwise. */
export function byLocation(a: Issue, b: Issue): number {
  const fa = a.source?.file ?? "";
  const fb = b.source?.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.source?.line ?? 0;
  const lb = b.source?.line ?? 0;
  if (la !== lb) return la - lb;
  return (a.source?.column ?? 0) - (b.source?.column ?? 0);
}
