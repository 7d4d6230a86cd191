// Texts and issues into words of one language: the edge where catalog keys
// and parameters (data, from every layer) become what a person reads.
import { formatSource, quote, safeLine, type Issue, type Text, type TextParam } from "../domain/issues.js";
import type { Lang } from "./lang.js";
import { en } from "./messages.en.js";
import { nl } from "./messages.nl.js";

type AnyMessage = (p: Record<string, unknown>) => string;
const CATALOGS: Readonly<Record<Lang, Readonly<Record<string, AnyMessage>>>> = {
  en: en as unknown as Record<string, AnyMessage>,
  nl: nl as unknown as Record<string, AnyMessage>,
};

const isText = (v: unknown): v is Text => typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as Text).key === "string";

function param(v: TextParam, lang: Lang): unknown {
  if (isText(v)) return render(v, lang);
  if (Array.isArray(v)) return v.map((x) => param(x, lang));
  return v;
}

/** A Text in `lang`; a plain string (a path, an option name) is shown as is. */
export function render(text: Text | string, lang: Lang): string {
  if (typeof text === "string") return text;
  if (text.literal !== undefined) return text.literal;
  const fn = CATALOGS[lang][text.key];
  // Unreachable when the sources compile (keys are typed); never hide a message.
  if (fn === undefined) return `${text.key}${text.params ? ` ${JSON.stringify(text.params)}` : ""}`;
  const p: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(text.params ?? {})) p[k] = param(v, lang);
  return fn(p);
}

/** A function rendering in `lang`, for modules that print many texts. */
export const renderer =
  (lang: Lang) =>
  (text: Text | string): string =>
    render(text, lang);

/** The message of an issue alone (no place, subject or hint), in `lang`. */
export function issueMessage(i: Issue, lang: Lang = "en"): string {
  return render(i.message, lang);
}

/** The hint of an issue in `lang`, if any. */
export function issueHint(i: Issue, lang: Lang = "en"): string | undefined {
  return i.hint === undefined ? undefined : render(i.hint, lang);
}

/** One issue as one line (plus an indented hint line), the way compilers print them. */
export function formatIssue(i: Issue, language: Lang = "en"): string {
  // Also safe as an array callback (`issues.map(formatIssue)` passes an index).
  const lang: Lang = language === "nl" ? "nl" : "en";
  const r = (t: Text | string) => render(t, lang);
  const where = i.source ? `${safeLine(formatSource(i.source), 300)}: ` : "";
  const subject = i.subject ? `${safeLine(r(i.subject), 120)}: ` : "";
  const found = i.found !== undefined ? ` (${r({ key: "issue.got", params: { found: quote(r(i.found)) } })})` : "";
  const warn = i.severity === "warning" ? `${r({ key: "issue.warning" })}: ` : "";
  const head = `${where}${warn}${subject}${safeLine(r(i.message), 500)}${found}`;
  return i.hint !== undefined ? `${head}\n  ${r({ key: "issue.hint" })}: ${safeLine(r(i.hint), 500)}` : head;
}
