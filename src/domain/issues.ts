// Problems found in user input, as values. Pure.
// A pass collects every issue so the user can fix a whole run in one go; the
// CLI prints them as `file:line: column 'x': problem (got "value")`, in the
// run's language (src/i18n renders an issue's catalog key and parameters).

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

/**
 * Words for a user, not yet in a language: a key of the message catalogs
 * (src/i18n/messages.en.ts and messages.nl.ts) and its parameters. Issues and
 * other results carry Texts as data; the CLI renders them in the run's
 * language at the edge. A parameter that is itself a Text is rendered first.
 * `literal` holds the English words of a message written before the catalogs
 * (`error(code, "text")`): shown as is in every language, and named by the
 * catalog test until it is converted.
 */
export type Text = { readonly key: string; readonly params?: TextParams; readonly literal?: string };
export type TextParam = string | number | boolean | Text | readonly (string | number | Text)[] | undefined;
export type TextParams = { readonly [name: string]: TextParam };

/**
 * Message keys and their parameters (as the English catalog declares them).
 * Filled in by src/i18n/messages.en.ts through declaration merging, so the
 * domain names its words without depending on the catalogs.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageParams {}
export type MessageKey = keyof MessageParams & string;
/** The keys that take no parameters. */
export type PlainKey = { [K in MessageKey]: {} extends MessageParams[K] ? K : never }[MessageKey];

/** A catalog parameter as a caller may give it: any text may be another Text (rendered in the same language). */
type ArgValue<V> = V extends string ? string | Text : V extends readonly string[] ? readonly (string | Text)[] : V;
export type MessageArgs<K extends MessageKey> = { readonly [P in keyof MessageParams[K]]: ArgValue<MessageParams[K][P]> };

/** The Text of catalog key `key` with its parameters. */
export function t<K extends MessageKey>(key: K, ...params: {} extends MessageParams[K] ? [MessageArgs<K>?] : [MessageArgs<K>]): Text {
  const p = params[0] as TextParams | undefined;
  return p === undefined || Object.keys(p).length === 0 ? { key } : { key, params: p };
}

export type Issue = {
  readonly severity: Severity;
  /** Stable kebab-case code, for tests and machines ("not-a-number"). */
  readonly code: string;
  /** What is wrong ("not a number"), as catalog words. */
  readonly message: Text;
  readonly source?: SourceRef;
  /** What the message is about: "column 'uren'" for CSV (a Text), "fees.hourly.0.rate" for YAML. */
  readonly subject?: string | Text;
  /** The offending raw text, quoted back to the user (a Text when menerva describes it: "lines 2, 3"). */
  readonly found?: string | Text;
  /** One sentence on how to fix it (a plain string only in a message from before the catalogs). */
  readonly hint?: Text | string;
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

type Extra = Omit<Issue, "severity" | "code" | "message">;

/**
 * An issue worded by catalog key `key`: its code is the key up to the first
 * dot ("bad-option.percent" is a "bad-option" with its own words).
 */
export function error<K extends MessageKey>(key: K, params: MessageArgs<K>, extra?: Extra): Issue;
/** Before the catalogs: English words only. Convert by adding `code` to both catalogs and passing its parameters. */
export function error(code: string, message: string, extra?: Extra): Issue;
export function error(key: string, params: object | string, extra: Extra = {}): Issue {
  return issue("error", key, params, extra);
}
export function warning<K extends MessageKey>(key: K, params: MessageArgs<K>, extra?: Extra): Issue;
/** Before the catalogs: English words only (see error). */
export function warning(code: string, message: string, extra?: Extra): Issue;
export function warning(key: string, params: object | string, extra: Extra = {}): Issue {
  return issue("warning", key, params, extra);
}

function issue(severity: Severity, key: string, params: object | string, extra: Extra): Issue {
  const dot = key.indexOf(".");
  const code = dot < 0 ? key : key.slice(0, dot);
  const message: Text =
    typeof params === "string" ? { key, literal: params } : Object.keys(params).length === 0 ? { key } : { key, params: params as TextParams };
  const clean = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as Extra;
  return { severity, code, message, ...clean };
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

/** Problems listed per file at most; the rest are counted in one line (a hostile file could list a million). */
export const MAX_LISTED_ISSUES = 200;

/** The first `max` issues and, when there are more, one line counting the rest. */
export function capIssues(issues: readonly Issue[], file: string, max: number = MAX_LISTED_ISSUES): Issue[] {
  if (issues.length <= max) return [...issues];
  return [...issues.slice(0, max), error("more-issues", { count: issues.length - max }, { source: { file }, more: issues.length - max })];
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
  // "N more … not shown" closes its file's list (it has no line: it would open it)
  const ma = a.more !== undefined;
  if (ma !== (b.more !== undefined)) return ma ? 1 : -1;
  const la = a.source?.line ?? 0;
  const lb = b.source?.line ?? 0;
  if (la !== lb) return la - lb;
  return (a.source?.column ?? 0) - (b.source?.column ?? 0);
}
