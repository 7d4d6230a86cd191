// Numbers on screen in the language's style: Dutch `1.234,56` and
// `€ 1.234,56`, English `1,234.56` and `€1,234.56`. Only for text a person
// reads (summaries, messages); CSV and JSON keep the machine form `1234.56`.
// Works on decimal text, so no value passes through a float.
import type { Lang } from "./lang.js";

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "-1234.5" → "-1.234,5" (nl) or "-1,234.5" (en); text that is not a plain decimal is returned as is. */
export function localNumber(text: string, lang: Lang): string {
  const m = PLAIN.exec(text);
  if (!m) return text;
  const [, sign, int, frac] = m;
  const group = lang === "nl" ? "." : ",";
  const mark = lang === "nl" ? "," : ".";
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${frac !== undefined ? `${mark}${frac}` : ""}`;
}

/** An amount in euro as text ("-1234.50") → "€ -1.234,50" (nl, as the statements' Excel format shows it) or "-€1,234.50" (en). */
export function localEuro(text: string, lang: Lang): string {
  const n = localNumber(text, lang);
  if (lang === "nl") return `€ ${n}`;
  return n.startsWith("-") ? `-€${n.slice(1)}` : `€${n}`;
}

/** A fraction's percentage as text ("12.5") → "12,5%" (nl) or "12.5%" (en). */
export function localPercent(text: string, lang: Lang): string {
  return `${localNumber(text, lang)}%`;
}
