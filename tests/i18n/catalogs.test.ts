// The message catalogs are complete: every message key used in src/ has
// words in English and in Dutch, both catalogs take the same parameters, and
// no message is written in the old English-only form (`error(code, "text")`,
// a literal hint or footer) — a straggler is named by file, line and code, so
// converting it is one line at its site plus its words in both catalogs.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages.en.js";
import { nl } from "../../src/i18n/messages.nl.js";

const SRC = join(import.meta.dirname, "../../src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
/** Every source file but the catalogs themselves (their words are the point). */
const sources = files(SRC)
  .filter((f) => !relative(SRC, f).startsWith("i18n/"))
  .map((f) => ({ file: relative(join(SRC, ".."), f), text: readFileSync(f, "utf8") }));

const lineOf = (text: string, index: number): number => text.slice(0, index).split("\n").length;

/** Messages written before the catalogs: `file:line: what`. */
export function stragglers(file: string, text: string): string[] {
  const out: string[] = [];
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/\b(?:error|warning)\(\s*([^,()]+?)\s*,\s*["'`]/g, (m) => `message of ${m[1]} written in English only`],
    [/\bhint:\s*["'`]/g, () => "hint written in English only"],
    [/\bseverity:\s*"(?:error|warning)"[^}]*?\bmessage:\s*["'`]/g, () => "issue with an English-only message"],
    [/new UserError\([^;]*?EXIT\.\w+\s*,\s*["'`][^"'`]/g, () => "footer written in English only"],
  ];
  for (const [re, what] of rules) {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      // Comments and this rule's own documentation are not code.
      const lineStart = text.lastIndexOf("\n", m.index) + 1;
      if (/^\s*(\/\/|\*)/.test(text.slice(lineStart, m.index))) continue;
      out.push(`${file}:${lineOf(text, m.index)}: ${what(m)}`);
    }
  }
  return out;
}

/** Catalog keys a source names literally: error("key"…), warning("key"…), t("key"…), { key: "key" }. */
function keysUsed(text: string): string[] {
  const keys: string[] = [];
  // t(…) and w(…) are the catalog's only where the file takes them from src/domain/issues.ts or cli/help.ts.
  const catalogT = /import \{[^}]*\bt\b[^}]*\} from "[./]*\/?(?:domain\/)?issues\.js"/.test(text);
  const catalogW = /helpWords\(/.test(text);
  const patterns = [/\b(?:error|warning)\(\s*"([^"]+)"/g, /\{\s*key:\s*"([^"]+)"\s*(?:\}|,\s*(?:params|literal):)/g, ...(catalogT ? [/\bt\(\s*"([^"]+)"/g] : []), ...(catalogW ? [/\bw\(\s*"([^"]+)"\)/g] : [])];
  for (const re of patterns) {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) keys.push(m[1]!);
  }
  return keys;
}

/** The parameter names a catalog function destructures: `({ a, b: _b }) => …` → ["a", "b"]. */
export function paramNames(fn: (...a: never[]) => string): string[] {
  const m = /^\s*\(\s*\{([^}]*)\}/.exec(fn.toString());
  if (!m) return [];
  return m[1]!
    .split(",")
    .map((p) => p.split(":")[0]!.trim())
    .filter((p) => p !== "")
    .sort();
}

const EN = en as unknown as Record<string, (...a: never[]) => string>;
const NL = nl as unknown as Record<string, (...a: never[]) => string>;

describe("message catalogs", () => {
  it("have the same keys in English and in Dutch", () => {
    expect(Object.keys(NL).sort()).toEqual(Object.keys(EN).sort());
  });

  it("take the same parameters in both languages, key by key", () => {
    const differ = Object.keys(EN)
      .filter((k) => NL[k] !== undefined && paramNames(EN[k]!).join(",") !== paramNames(NL[k]!).join(","))
      .map((k) => `${k}: en (${paramNames(EN[k]!).join(", ")}) nl (${paramNames(NL[k]!).join(", ")})`);
    expect(differ).toEqual([]);
  });

  it("have words for every key used in src/", () => {
    const missing = sources.flatMap(({ file, text }) => keysUsed(text).filter((k) => EN[k] === undefined || NL[k] === undefined).map((k) => `${file}: ${k}`));
    expect(missing).toEqual([]);
  });

  it("leave no message in the English-only form (each straggler is named: convert it at its line)", () => {
    expect(sources.flatMap(({ file, text }) => stragglers(file, text))).toEqual([]);
  });

  it("catch a straggler of the old form, naming its file, line and code", () => {
    const text = 'const a = 1;\nissues.push(error("late-fee", `no fee for ${p}`, { hint: "add one" }));\n';
    expect(stragglers("src/app/x.ts", text)).toEqual(["src/app/x.ts:2: message of \"late-fee\" written in English only", "src/app/x.ts:2: hint written in English only"]);
  });

  it("read the parameters of the real catalogs (the comparison above is not vacuous)", () => {
    expect(paramNames(EN["no-fee"]!)).toEqual(["date", "partner"]);
    expect(paramNames(NL["no-fee"]!)).toEqual(["date", "partner"]);
    expect(Object.keys(EN).filter((k) => paramNames(EN[k]!).length > 0).length).toBeGreaterThan(150);
  });

  it("catch a translation that drops a parameter", () => {
    const a = ({ partner, date }: { partner: string; date: string }) => `${partner} ${date}`;
    const b = ({ partner }: { partner: string; date: string }) => `${partner}`;
    expect(paramNames(a)).not.toEqual(paramNames(b));
  });

  it("speak one language each: no Dutch message is the English one", () => {
    // A few words are the same in both languages (OK, hash, a bare parameter); everything else is translated.
    const same = new Set([
      ...["help.ph.n", "help.ph.x", "help.ph.s", "ledger.hash", "ledger.config-hash", "montecarlo.progress", "value.true-false", "bad-partner-name"],
      // only parameters and punctuation: the words are the parameters'
      ...["reserve-negative", "script", "outputs.problem", "suggest.list", "scenario.bad-name", "with-file", "bad-option.value", "subject.partner-kind", "fee-differs-from-close"],
      // counts the sample gives as text: both say only "(exit 3)"
      "ledger.inputs.rows-changed",
    ]);
    const sample: Record<string, unknown> = new Proxy({}, { get: (_t, k) => (k === "count" || k === "line" ? 2 : typeof k === "string" ? `<${k}>` : undefined) });
    const untranslated = Object.keys(EN).filter((k) => {
      if (same.has(k)) return false;
      try {
        return (EN[k] as (p: unknown) => string)(sample) === (NL[k] as (p: unknown) => string)(sample);
      } catch {
        return false;
      }
    });
    expect(untranslated).toEqual([]);
  });
});
