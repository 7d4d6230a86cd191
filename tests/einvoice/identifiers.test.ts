// Enterprise numbers, VAT ids, IBANs, BICs, countries and postcodes: valid
// ones come back normalised, invalid ones are refused with a reason.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  checkBelgianVatId,
  checkBic,
  checkCountry,
  checkEnterpriseNumber,
  checkIban,
  checkPostcode,
  enterpriseCheckDigits,
  formatEnterpriseNumber,
  formatIban,
  mod97,
} from "../../src/domain/invoicing/identifiers.js";
import type { Text } from "../../src/domain/issues.js";
import { render } from "../../src/i18n/render.js";

const value = (r: { value: string } | { problem: Text }) => ("value" in r ? r.value : `problem: ${render(r.problem, "en")}`);

describe("enterprise number (KBO/BCE)", () => {
  it.each([
    ["0437.519.686", "0437519686"],
    ["0437 519 686", "0437519686"],
    ["0437519686", "0437519686"],
    ["BE0466.123.404", "0466123404"],
    ["0999.999.922", "0999999922"],
    ["0999.999.823", "0999999823"],
  ])("%s is valid", (text, want) => expect(value(checkEnterpriseNumber(text))).toBe(want));

  it.each([
    ["0437.519.687", "check digits do not match"],
    ["0437.519.68", "an enterprise number has 10 digits"],
    ["437.519.686", "an enterprise number has 10 digits"],
    ["2437.519.686", "an enterprise number starts with 0 or 1"],
    ["04375I9686", "not an enterprise number"],
  ])("%s is refused: %s", (text, problem) => expect(value(checkEnterpriseNumber(text))).toBe(`problem: ${problem}`));

  it("a nine-digit number gets the leading 0 as a hint", () => {
    const r = checkEnterpriseNumber("437519686");
    expect("hint" in r && r.hint ? render(r.hint, "en") : "").toBe("add the leading 0: 0437.519.686");
  });

  test.prop([fc.integer({ min: 0, max: 19_999_999 })])("any first eight digits with their check digits is valid; any other check digits is not", (n) => {
    const first8 = String(n).padStart(8, "0");
    fc.pre(first8[0] === "0" || first8[0] === "1");
    const good = first8 + enterpriseCheckDigits(first8);
    expect(value(checkEnterpriseNumber(formatEnterpriseNumber(good)))).toBe(good);
    const other = String((Number(good.slice(8)) % 97) + 1).padStart(2, "0");
    expect("value" in checkEnterpriseNumber(first8 + other)).toBe(false);
  });
});

describe("VAT id", () => {
  it("BE + the enterprise number, spaces and dots allowed", () => {
    expect(value(checkBelgianVatId("BE0437519686"))).toBe("BE0437519686");
    expect(value(checkBelgianVatId("be 0437.519.686"))).toBe("BE0437519686");
  });
  it("refuses a foreign or mistyped id", () => {
    expect(value(checkBelgianVatId("NL0437519686"))).toBe("problem: not a Belgian VAT id");
    expect(value(checkBelgianVatId("BE0437519687"))).toBe("problem: check digits do not match");
  });
});

describe("IBAN (ISO 13616 mod 97)", () => {
  it.each([
    ["BE71 0961 2345 6769", "BE71096123456769"],
    ["be71096123456769", "BE71096123456769"],
    ["NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"],
    ["FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"],
  ])("%s is valid", (text, want) => expect(value(checkIban(text))).toBe(want));

  it.each([
    ["BE72 0961 2345 6769", "problem: check digits do not match (ISO 13616 mod 97)"],
    ["BE71 0961 2345 676", "problem: a BE IBAN has 16 characters, this one 15"],
    ["0961 2345 6769", "problem: not an IBAN"],
    ["BE71 0961 2345 676!", "problem: not an IBAN"],
  ])("%s is refused", (text, want) => expect(value(checkIban(text))).toBe(want));

  test.prop([fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 })])("changing one digit of a valid IBAN breaks the check", (pos, delta) => {
    const iban = "BE71096123456769";
    const i = 4 + pos;
    const changed = iban.slice(0, i) + String((Number(iban[i]) + delta) % 10) + iban.slice(i + 1);
    expect("value" in checkIban(changed)).toBe(false);
  });

  it("formats in groups of four", () => expect(formatIban("BE71096123456769")).toBe("BE71 0961 2345 6769"));
  it("mod97 of long digit strings is exact", () => expect(mod97("1234567890")).toBe(2));
});

describe("BIC, country, postcode", () => {
  it("BIC: 8 or 11 characters with a real country", () => {
    expect(value(checkBic("GKCCBEBB"))).toBe("GKCCBEBB");
    expect(value(checkBic("gebabebb036"))).toBe("GEBABEBB036");
    expect(value(checkBic("GKCC"))).toBe("problem: not a BIC");
    expect(value(checkBic("GKCCXXBB"))).toBe('problem: unknown country "XX" in the BIC');
  });
  it("country: two-letter ISO code", () => {
    expect(value(checkCountry("be"))).toBe("BE");
    expect(value(checkCountry("BEL"))).toBe("problem: not a country code");
    expect(value(checkCountry("XY"))).toBe('problem: unknown country code "XY"');
  });
  it("postcode: 4 digits in Belgium, 1234 AB in the Netherlands", () => {
    expect(value(checkPostcode("3600", "BE"))).toBe("3600");
    expect(value(checkPostcode("360", "BE"))).toBe("problem: a Belgian postcode has 4 digits");
    expect(value(checkPostcode("0600", "BE"))).toBe("problem: a Belgian postcode has 4 digits");
    expect(value(checkPostcode("1012ab", "NL"))).toBe("1012 AB");
    expect(value(checkPostcode("75001", "FR"))).toBe("75001");
  });
});
