// How partner names (and benefit types) are compared wherever they are read:
// config, exports, cost-price and scenario files. Two names are the same
// partner when they are equal after Unicode normalisation (NFKC), case folding
// and collapsing spaces, so `blm` is `BLM` and a no-break space is a space.
// A name that mixes scripts (a Cyrillic `е` in `Flexеr`) or holds an invisible
// character is refused: it looks like another partner but is not; so are two
// partners whose names differ only in punctuation or spacing. Pure.
import { t, type Text } from "../domain/issues.js";

/** The form names are compared in. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/**
 * The form look-alike names share: the comparison key without punctuation
 * and spaces, so `Q-Jobs`, `Q–Jobs` (an en dash), `Q Jobs` and `QJobs` are
 * one. Two partners with one look-alike key are refused (one is a typo of the other).
 */
export function lookAlikeKey(name: string): string {
  return nameKey(name).replace(/[\p{P}\p{Z}\s]/gu, "");
}

/** Writing systems a letter can belong to; Han, Hiragana and Katakana count as one (Japanese mixes them). */
const SCRIPTS: readonly { readonly name: string; readonly test: RegExp }[] = [
  { name: "Latin", test: /\p{Script=Latin}/u },
  { name: "Cyrillic", test: /\p{Script=Cyrillic}/u },
  { name: "Greek", test: /\p{Script=Greek}/u },
  { name: "Armenian", test: /\p{Script=Armenian}/u },
  { name: "Georgian", test: /\p{Script=Georgian}/u },
  { name: "Hebrew", test: /\p{Script=Hebrew}/u },
  { name: "Arabic", test: /\p{Script=Arabic}/u },
  { name: "Cherokee", test: /\p{Script=Cherokee}/u },
  { name: "Han/Kana", test: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u },
  { name: "Hangul", test: /\p{Script=Hangul}/u },
  { name: "Thai", test: /\p{Script=Thai}/u },
  { name: "Devanagari", test: /\p{Script=Devanagari}/u },
];

const LETTER = /\p{L}/u;
// Letters shared by scripts (the Japanese long-vowel mark, modifier letters) belong to none.
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;
// Format and control characters (zero-width space, joiners, BOM, bidi marks) and unassigned code points.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}]/u;

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

const scriptName = (name: string): Text => t("script", { name });

/** Why `name` cannot be a partner name (mixed scripts, an invisible character), with a hint; undefined when it can. */
export function nameProblem(name: string): { readonly problem: Text; readonly hint: Text } | undefined {
  const chars = [...name.normalize("NFKC")];
  const hidden = chars.find((c) => INVISIBLE.test(c));
  if (hidden !== undefined) {
    return { problem: t("name.invisible", { codePoint: codePoint(hidden) }), hint: t("name.invisible.hint") };
  }
  const seen = new Map<string, { char: string; index: number; count: number }>();
  chars.forEach((c, index) => {
    if (!LETTER.test(c) || SHARED.test(c)) return;
    const script = SCRIPTS.find((s) => s.test.test(c))?.name ?? "other";
    const s = seen.get(script);
    if (s) s.count++;
    else seen.set(script, { char: c, index, count: 1 });
  });
  if (seen.size <= 1) return undefined;
  // Name the rarer script's first letter: that is the look-alike.
  const [main, odd] = [...seen.entries()].sort((a, b) => b[1].count - a[1].count || a[1].index - b[1].index);
  return {
    problem: t("name.mixed-scripts", { main: scriptName(main![0]), odd: scriptName(odd![0]), char: odd![1].char, position: odd![1].index + 1, codePoint: codePoint(odd![1].char) }),
    hint: t("name.mixed-scripts.hint", { main: scriptName(main![0]) }),
  };
}

/** Configured names by their comparison key (the first spelling wins), for matching. */
export function namesByKey(names: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of names) if (!m.has(nameKey(n))) m.set(nameKey(n), n);
  return m;
}
