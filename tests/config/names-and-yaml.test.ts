// Issue 13: partner names compared by one key (case, Unicode form, spaces),
// look-alikes refused; YAML read safely (aliases, depth, duplicates, prototypes).
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { quote } from "../../src/domain/issues.js";
import { formatIssue, render } from "../../src/i18n/render.js";
import { readYaml } from "../../src/schema/config-yaml.js";
import { lookAlikeKey, nameKey, nameProblem } from "../../src/schema/partner-names.js";

describe("partner names", () => {
  it("are the same partner ignoring case, Unicode form and spaces", () => {
    expect(new Set(["BLM", "blm", " Blm ", "ＢＬＭ"].map(nameKey)).size).toBe(1);
    expect(nameKey("LIV aan\u00a0het  werk")).toBe(nameKey("LIV aan het werk"));
    expect(nameKey("Flexer")).not.toBe(nameKey("Flex\u0435r"));
  });

  it("refuse mixed scripts and invisible characters, with the odd letter named", () => {
    expect(render(nameProblem("Flex\u0435r")!.problem, "en")).toBe('mixes Latin and Cyrillic letters ("е" at position 5 is Cyrillic, U+0435)');
    expect(render(nameProblem("BLM\u200b")!.problem, "en")).toBe("holds an invisible character (U+200B)");
    for (const ok of ["Q-Jobs", "Itzu Jobs", "LIV aan het werk", "Café Ééntje", "Δέλτα", "東京スター", "Bernard & Co 2"]) expect(nameProblem(ok)).toBeUndefined();
  });

  it("look alike when they differ only in punctuation or spacing (QA 1 #13)", () => {
    expect(new Set(["Q-Jobs", "Q\u2013Jobs", "Q\u2014Jobs", "Q Jobs", "QJobs", "q_jobs", "Q.Jobs", "Q\u2011Jobs"].map(lookAlikeKey)).size).toBe(1);
    expect(lookAlikeKey("Q-Jobs")).not.toBe(lookAlikeKey("Q-Jobs 2"));
    expect(lookAlikeKey("Itzu Jobs")).not.toBe(lookAlikeKey("Itzu Job"));
  });

  test.prop([fc.string({ maxLength: 20 })])("the key is idempotent and ignores case", (s) => {
    expect(nameKey(nameKey(s))).toBe(nameKey(s));
    expect(nameKey(s.toUpperCase())).toBe(nameKey(s.toLowerCase()));
  });
});

describe("YAML read safely", () => {
  const issues = (text: string): string[] => {
    const r = readYaml(text, "f.yaml");
    return r.ok ? [] : r.issues.map(formatIssue);
  };

  it("expands ordinary aliases, refuses loops and bombs, caps depth, finds duplicate keys", () => {
    const r = readYaml("base: &b {rate: 2.50}\nother: *b\n", "f.yaml");
    expect(r.ok && JSON.parse(JSON.stringify(r.value.data))).toEqual({ base: { rate: { text: "2.50" } }, other: { rate: { text: "2.50" } } });
    expect(issues("x: &a [*a]\n")).toEqual(["f.yaml:1:8: alias *a is inside the value it names (a loop)\n  hint: an alias may only name a value defined before and outside it"]);
    expect(issues("x: *nowhere\n")[0]).toMatch(/^f\.yaml:1:4: alias \*nowhere names no anchor defined before it/);
    expect(issues(`v: &v [${Array(20).fill("1").join(",")}]\nw: [${Array(600).fill("*v").join(",")}]\n`)[0]).toMatch(/aliases expand to more than 10000 values/);
    expect(issues(`x: ${"[".repeat(70)}${"]".repeat(70)}\n`)[0]).toMatch(/nested too deeply/);
    expect(issues("a: 1\nb: 2\na: 3\n")).toEqual(['f.yaml:3:1: duplicate key "a"\n  hint: each key may appear only once in a map']);
  });

  it("keeps __proto__ and constructor as ordinary keys of maps without a prototype", () => {
    const r = readYaml("__proto__: {polluted: 1}\nconstructor: 2\n", "f.yaml");
    if (!r.ok) throw new Error("should read");
    const data = r.value.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.keys(data)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("quotes at most 80 characters of a bad value", () => {
    expect(quote("x".repeat(5000))).toBe(`"${"x".repeat(79)}…" (5000 characters)`);
    expect(formatIssue({ severity: "error", code: "c", message: "bad\u001b[31m", found: "\u0007" })).toBe('bad\\u001b[31m (got "\\u0007")');
  });
});
