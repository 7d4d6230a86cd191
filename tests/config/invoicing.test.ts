// The `invoicing:` block: the issue's example reads exactly, defaults apply,
// every bad number is reported at its line:column, all at once; without the
// block nothing changes.
import { describe, expect, it } from "vitest";
import { missingBuyers } from "../../src/domain/invoicing/buyers.js";
import { formatIssue, issueMessage } from "../../src/i18n/render.js";
import { parseConfigText } from "../../src/schema/config.js";
import { INVOICING_BLOCK } from "./invoicing-config.js";
import { MINIMAL } from "./minimal-config.js";

const parse = (text: string) => parseConfigText(text, "menerva.yaml");
const problems = (text: string): string[] => {
  const r = parse(text);
  return r.ok ? [] : r.issues.map(formatIssue);
};

describe("invoicing config", () => {
  it("reads the issue's example: numbers normalised, defaults for the rest", () => {
    const r = parse(MINIMAL + INVOICING_BLOCK);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const inv = r.value.raw.invoicing!;
    expect(inv.seller).toEqual({
      name: "BLM Genk vzw",
      enterpriseNumber: "0437519686",
      vatId: "BE0437519686",
      iban: "BE71096123456769",
      bic: "GKCCBEBB",
      address: { street: "Kolderbosstraat 1", postcode: "3600", city: "Genk", country: "BE" },
    });
    expect(inv.buyers["Q-Jobs"]).toEqual({
      name: "Q-Jobs NV",
      enterpriseNumber: "0466123404",
      vatId: "BE0466123404",
      address: { street: "Stationsstraat 5", postcode: "3500", city: "Hasselt", country: "BE" },
      reference: "MENERVA",
    });
    expect([inv.paymentDays, inv.prefix]).toEqual([30, "MEN"]);
    expect(inv.accounts).toEqual({ receivable: "400000", revenue: { hours: "700000", benefits: "700000" }, vat: "451000" });
    expect(inv.buyersSource).toEqual({ file: "menerva.yaml", line: 19, column: 5 });
  });

  it("without the block there is no invoicing", () => {
    const r = parse(MINIMAL);
    expect(r.ok && r.value.raw.invoicing).toBe(undefined);
  });

  it("optional keys: VAT id from the enterprise number, unquoted numbers, no prefix, accounts per line kind", () => {
    const block = `invoicing:
  seller: {name: S, enterprise_number: 0437519686, iban: BE71096123456769, address: {street: s, postcode: 3600, city: Genk, country: be}}
  buyers: {Flexer: {name: F, enterprise_number: "0999 999 922", address: {street: s, postcode: 1012ab, city: Amsterdam, country: NL}}}
  payment_days: 14
  accounts: {receivable: 400100, revenue: {hours: 700100, benefits: 700200}}
`;
    const r = parse(MINIMAL + block);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
    if (!r.ok) return;
    const inv = r.value.raw.invoicing!;
    expect([inv.seller.vatId, inv.seller.address.country, inv.buyers.Flexer!.vatId, inv.buyers.Flexer!.address.postcode, inv.prefix, inv.paymentDays]).toEqual([
      "BE0437519686",
      "BE",
      "BE0999999922",
      "1012 AB",
      "",
      14,
    ]);
    expect(inv.accounts).toEqual({ receivable: "400100", revenue: { hours: "700100", benefits: "700200" }, vat: "451000" });
    expect(inv.seller.bic).toBeUndefined();
  });

  it("reports every bad number at its line:column, all at once", () => {
    const bad = INVOICING_BLOCK.replace('"0437.519.686"', '"0437.519.687"')
      .replace("BE71 0961", "BE72 0961")
      .replace("GKCCBEBB", "GKCC")
      .replace("Q-Jobs:", "Q-Jobz:")
      .replace("vat: BE0466123404", "vat: BE0437519686")
      .replace('"3500"', '"350"')
      .replace("country: BE}\n  buyers", "country: XY}\n  buyers")
      .replace("payment_days: 30", "payment_days: 30.5")
      .replace('"MEN"', '"M EN"');
    expect(problems(MINIMAL + bad)).toEqual([
      'menerva.yaml:13:24: invoicing.seller.enterprise_number: check digits do not match (got "0437.519.687")\n  hint: after 0437.519.6 the check digits would be 86: check the number for a typo',
      'menerva.yaml:15:11: invoicing.seller.iban: check digits do not match (ISO 13616 mod 97) (got "BE72 0961 2345 6769")\n  hint: check the account number for a typo',
      'menerva.yaml:16:10: invoicing.seller.bic: not a BIC (got "GKCC")\n  hint: 8 or 11 characters: bank (4 letters), country (2 letters), location (2), optional branch (3), e.g. GKCCBEBB',
      'menerva.yaml:17:81: invoicing.seller.address.country: unknown country code "XY" (got "XY")\n  hint: write the two-letter ISO 3166 code, e.g. BE, NL, FR',
      'menerva.yaml:19:5: invoicing.buyers.Q-Jobz: unknown NEC partner "Q-Jobz"\n  hint: did you mean "Q-Jobs"?',
      'menerva.yaml:22:12: invoicing.buyers.Q-Jobz.vat: VAT id does not match the enterprise number 0466.123.404 (got "BE0437519686")\n  hint: write vat: BE0466123404, or leave vat out',
      'menerva.yaml:23:53: invoicing.buyers.Q-Jobz.address.postcode: a Belgian postcode has 4 digits (got "350")\n  hint: write it in quotes, e.g. postcode: "3600"',
      'menerva.yaml:25:17: invoicing.payment_days: must be a whole number of days (got "30.5")\n  hint: e.g. payment_days: 30',
      'menerva.yaml:26:11: invoicing.prefix: may hold only letters, digits and - / _ . (at most 20) (got "M EN")\n  hint: e.g. prefix: "MEN"',
    ]);
  });

  it("a missing seller, IBAN or buyers block is named with how to add it; unknown keys get a suggestion", () => {
    const out = problems(MINIMAL + "invoicing:\n  seller: {name: S, enterprise_number: 0437519686, address: {street: s, postcode: 3600, city: G, country: BE}, ibam: x}\n");
    expect(out).toEqual([
      "menerva.yaml:11:3: invoicing.buyers: missing required key\n  hint: add one entry per NEC partner, keyed by its name in nec_partners: `buyers: {Q-Jobs: {name: Q-Jobs NV, enterprise_number: …, address: {…}}}`",
      "menerva.yaml:11:11: invoicing.seller.iban: missing required key\n  hint: add the account the buyers pay into, e.g. `iban: BE71 0961 2345 6769`",
      'menerva.yaml:11:112: invoicing.seller.ibam: unknown key\n  hint: did you mean "iban"?',
    ]);
  });

  it("every NEC partner that gets a document needs a buyer entry (the close passes its partners)", () => {
    const r = parse(MINIMAL + INVOICING_BLOCK);
    if (!r.ok) throw new Error("config");
    const inv = r.value.raw.invoicing!;
    expect(missingBuyers(inv, ["Q-Jobs"])).toEqual([]);
    expect(missingBuyers(inv, ["Q-Jobs", "Flexer", "Itzu Jobs"]).map(formatIssue)).toEqual([
      'menerva.yaml:19:5: invoicing.buyers: no buyer entry for NEC partner "Flexer"\n  hint: add `Flexer: {name: …, enterprise_number: "…", address: {street: …, postcode: "…", city: …, country: BE}}` under invoicing.buyers',
      'menerva.yaml:19:5: invoicing.buyers: no buyer entry for NEC partner "Itzu Jobs"\n  hint: add `Itzu Jobs: {name: …, enterprise_number: "…", address: {street: …, postcode: "…", city: …, country: BE}}` under invoicing.buyers',
    ]);
  });
});

describe("buyer keys", () => {
  it("match NEC partners as partner names do (case, spaces) and take nec_partners' spelling; a prototype key is just a name", () => {
    const r = parse(MINIMAL + INVOICING_BLOCK.replace("    Q-Jobs:\n", "    q-jobs:\n"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value.raw.invoicing!.buyers)).toEqual(["Q-Jobs"]);
    expect(missingBuyers(r.value.raw.invoicing!, ["Q-Jobs", "constructor"]).map((i) => issueMessage(i))).toEqual(['no buyer entry for NEC partner "constructor"']);
  });
});
