// Which language a run speaks before any config is read, and numbers in
// each language's style (src/i18n/lang.ts, numbers.ts).
import { describe, expect, it } from "vitest";
import { languageFromArgv, languageFromEnv, startLanguage } from "../../src/i18n/lang.js";
import { localEuro, localNumber } from "../../src/i18n/numbers.js";

describe("the language before a config is read", () => {
  it("is Dutch for a Dutch LC_ALL, LC_MESSAGES or LANG, in POSIX order, English for any other value", () => {
    expect(languageFromEnv({ LANG: "nl_BE.UTF-8" })).toBe("nl");
    expect(languageFromEnv({ LANG: "nl_NL" })).toBe("nl");
    expect(languageFromEnv({ LANG: "nl" })).toBe("nl");
    expect(languageFromEnv({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(languageFromEnv({ LANG: "C.UTF-8" })).toBe("en");
    expect(languageFromEnv({ LANG: "fr_BE.UTF-8" })).toBe("en");
    expect(languageFromEnv({ LANG: "nl_BE.UTF-8", LC_ALL: "en_GB.UTF-8" })).toBe("en"); // LC_ALL wins
    expect(languageFromEnv({ LANG: "en_GB.UTF-8", LC_MESSAGES: "nl_BE.UTF-8" })).toBe("nl"); // LC_MESSAGES before LANG
    expect(languageFromEnv({ LANG: "nl_BE.UTF-8", LC_ALL: "" })).toBe("nl"); // an empty value is not set
    expect(languageFromEnv({})).toBeUndefined();
    expect(languageFromEnv({ LANG: "nlx" })).toBe("en");
  });

  it("--lang beats the environment", () => {
    expect(languageFromArgv(["close", "2025-Q1", "--lang", "nl"])).toBe("nl");
    expect(languageFromArgv(["--lang=en"])).toBe("en");
    expect(languageFromArgv(["--lang", "fr"])).toBeUndefined();
    expect(languageFromArgv(["--", "--lang", "nl"])).toBeUndefined();
    expect(startLanguage(["--lang", "en"], { LANG: "nl_BE.UTF-8" })).toBe("en");
    expect(startLanguage([], { LANG: "nl_BE.UTF-8" })).toBe("nl");
    expect(startLanguage([], {})).toBe("en");
  });
});

describe("numbers on screen", () => {
  it("use the language's marks: € 1.234,56 in Dutch, €1,234.56 in English", () => {
    expect(localNumber("1234.56", "nl")).toBe("1.234,56");
    expect(localNumber("1234.56", "en")).toBe("1,234.56");
    expect(localNumber("-1234567.5", "nl")).toBe("-1.234.567,5");
    expect(localNumber("999", "nl")).toBe("999");
    expect(localNumber("0.00", "nl")).toBe("0,00");
    expect(localNumber("2025-Q1", "nl")).toBe("2025-Q1"); // not a number: as is
    expect(localEuro("41677.17", "nl")).toBe("€ 41.677,17");
    expect(localEuro("-3725.00", "nl")).toBe("€ -3.725,00"); // as the statements' Excel format shows it
    expect(localEuro("41677.17", "en")).toBe("€41,677.17");
    expect(localEuro("-3725.00", "en")).toBe("-€3,725.00");
  });
});
