// Belgian and European identifiers on an invoice, checked by their own rules.
// Pure: text in, normalised text or a problem out.
// - Enterprise number (KBO/BCE, Peppol scheme 0208): 10 digits starting with
//   0 or 1; the last two are 97 − (first eight mod 97).
// - VAT id of a Belgian enterprise: "BE" + the same 10 digits.
// - IBAN (ISO 13616): move the first four characters to the end, letters to
//   numbers (A = 10 … Z = 35), the whole number mod 97 must be 1.
// - BIC (ISO 9362): 4 letters (bank), 2 letters (country), 2 letters or digits
//   (location), optionally 3 more (branch).

/** A rejected identifier: what is wrong and how to fix it. */
import { t, type Text } from "../issues.js";
export type IdProblem = { readonly problem: Text; readonly hint?: Text };
export type IdCheck = { readonly value: string } | IdProblem;

/** Remainder of a long digit string mod 97, exactly (no float, no BigInt needed). */
export function mod97(digits: string): number {
  let r = 0;
  for (const ch of digits) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return r;
}

/** The check digits an enterprise number's first eight digits call for (01..97). */
export function enterpriseCheckDigits(first8: string): string {
  return String(97 - mod97(first8)).padStart(2, "0");
}

/** "0437.519.686", "0437 519 686", "0437519686", "BE0437519686" -> "0437519686", or what is wrong. */
export function checkEnterpriseNumber(text: string): IdCheck {
  const compact = text.replace(/[\s.]/g, "").replace(/^BE/i, "");
  if (!/^\d+$/.test(compact)) return { problem: t("id.not-enterprise-number"), hint: t("id.not-enterprise-number.hint") };
  if (compact.length === 9) return { problem: t("id.enterprise-number-digits"), hint: t("id.enterprise-number-leading-zero", { number: `0${compact.slice(0, 3)}.${compact.slice(3, 6)}.${compact.slice(6)}` }) };
  if (compact.length !== 10) return { problem: t("id.enterprise-number-digits"), hint: t("id.enterprise-number-format") };
  if (compact[0] !== "0" && compact[0] !== "1") return { problem: t("id.enterprise-number-start") };
  const want = enterpriseCheckDigits(compact.slice(0, 8));
  if (compact.slice(8) !== want) {
    return { problem: t("id.check-digits"), hint: t("id.check-digits.hint", { start: `${compact.slice(0, 4)}.${compact.slice(4, 7)}.${compact[7]}`, want: String(want) }) };
  }
  return { value: compact };
}

/** "0437519686" -> "0437.519.686" (the way KBO writes it). */
export function formatEnterpriseNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** The Belgian VAT id of an enterprise number: "BE0437519686". */
export const vatIdOf = (enterpriseDigits: string): string => `BE${enterpriseDigits}`;

/** "BE0437519686", "BE 0437.519.686" -> "BE0437519686"; a Belgian VAT id is BE + a valid enterprise number. */
export function checkBelgianVatId(text: string): IdCheck {
  const compact = text.replace(/[\s.]/g, "").toUpperCase();
  if (!/^BE\d+$/.test(compact)) return { problem: t("id.not-vat-id"), hint: t("id.not-vat-id.hint") };
  const en = checkEnterpriseNumber(compact.slice(2));
  if (!("value" in en)) return en;
  return { value: vatIdOf(en.value) };
}

const letterValue = (ch: string): string => {
  const c = ch.charCodeAt(0);
  return c >= 65 && c <= 90 ? String(c - 55) : ch;
};

/** Known IBAN lengths per country for the countries a Belgian project deals with; others are checked by shape and mod 97 only. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  BE: 16, NL: 18, LU: 20, FR: 27, DE: 22, GB: 22, IE: 22, ES: 24, IT: 27, PT: 25, AT: 20, CH: 21, DK: 18, FI: 18, SE: 24, NO: 15, PL: 28,
};

/** "BE71 0961 2345 6769" -> "BE71096123456769" (spaces allowed), or what is wrong. */
export function checkIban(text: string): IdCheck {
  const compact = text.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(compact)) return { problem: t("id.not-iban"), hint: t("id.not-iban.hint") };
  const country = compact.slice(0, 2);
  const len = IBAN_LENGTHS[country];
  if (len !== undefined && compact.length !== len) return { problem: t("id.iban-length", { country, length: String(len), got: String(compact.length) }) };
  if (!isCountryCode(country)) return { problem: t("id.iban-country", { country }) };
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const digits = [...rearranged].map(letterValue).join("");
  if (mod97(digits) !== 1) return { problem: t("id.iban-check"), hint: t("id.iban-check.hint") };
  return { value: compact };
}

/** "BE71096123456769" -> "BE71 0961 2345 6769". */
export function formatIban(compact: string): string {
  return compact.replace(/(.{4})(?=.)/g, "$1 ");
}

/** "GKCCBEBB" or "GKCCBEBBXXX", upper-cased, or what is wrong. */
export function checkBic(text: string): IdCheck {
  const compact = text.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(compact)) {
    return { problem: t("id.not-bic"), hint: t("id.not-bic.hint") };
  }
  if (!isCountryCode(compact.slice(4, 6))) return { problem: t("id.bic-country", { country: compact.slice(4, 6) }) };
  return { value: compact };
}

/** ISO 3166-1 alpha-2 country codes (the list EN 16931 uses, BR-CL-14). */
const COUNTRIES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
    "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
    "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
    "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XI"
  ).split(" "),
);

export const isCountryCode = (code: string): boolean => COUNTRIES.has(code);

/** "be" -> "BE", or what is wrong. */
export function checkCountry(text: string): IdCheck {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return { problem: t("id.not-country"), hint: t("id.not-country.hint") };
  if (!isCountryCode(code)) return { problem: t("id.unknown-country", { code }), hint: t("id.unknown-country.hint") };
  return { value: code };
}

/** A postcode for `country`: Belgium and Luxembourg 4 digits, the Netherlands 1234 AB, elsewhere 2–10 letters, digits, spaces or dashes. */
export function checkPostcode(text: string, country: string | undefined): IdCheck {
  const s = text.trim();
  if (country === "BE" || country === "LU") {
    return /^[1-9]\d{3}$/.test(s) ? { value: s } : { problem: t("id.postcode-4", { country }), hint: t("id.postcode-4.hint") };
  }
  if (country === "NL") {
    const m = /^([1-9]\d{3})\s?([A-Za-z]{2})$/.exec(s);
    return m ? { value: `${m[1]} ${m[2]!.toUpperCase()}` } : { problem: t("id.postcode-nl"), hint: t("id.postcode-nl.hint") };
  }
  return /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(s) ? { value: s } : { problem: t("id.not-postcode") };
}
