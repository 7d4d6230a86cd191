// The `invoicing:` block of menerva.yaml (issue 12): seller, buyers per NEC
// partner, payment days, number prefix, journal accounts. The shape and leaf
// rules (enterprise number, IBAN, BIC, country, VAT id) as zod schemas; the
// rules that compare keys (VAT id = BE + enterprise number, postcode per
// country, buyers named after NEC partners) run on the plain data, so every
// problem is reported at once with its line:column.
import { z, type output } from "./zod.js";
import { error, t, type Issue, type Text } from "../domain/issues.js";
import {
  checkBelgianVatId,
  checkBic,
  checkCountry,
  checkEnterpriseNumber,
  checkIban,
  checkPostcode,
  formatEnterpriseNumber,
  vatIdOf,
} from "../domain/invoicing/identifiers.js";
import { isValidPrefix } from "../domain/invoicing/numbering.js";
import type { Buyer, InvoicingConfig } from "../domain/invoicing/types.js";
import { suggestion } from "./config-suggest.js";
import { nameKey, namesByKey } from "./partner-names.js";
import { leaf, text, textCheck, type Problem } from "./config-values.js";
import { YamlNumber, type PathSegment, type YamlSource } from "./config-yaml.js";

/** A text value checked by an identifier rule (numbers written without quotes count as their text). */
const identifier = (check: (t: string) => { value: string } | Problem) =>
  leaf((v) => {
    const r = textCheck(v);
    return "value" in r ? check(r.value) : r;
  });

const enterpriseNumber = identifier(checkEnterpriseNumber);
const vatId = identifier(checkBelgianVatId);
const iban = identifier(checkIban);
const bic = identifier(checkBic);
const country = identifier(checkCountry);
/** Any postcode-like text here; the rule per country runs in invoicingChecks. */
const postcode = identifier((t) => checkPostcode(t, undefined));

/** A chart-of-accounts number: 1 to 12 digits ("400000"). */
const account = identifier((s) => (/^\d{1,12}$/.test(s) ? { value: s } : { problem: t("invoicing.not-account"), hint: t("invoicing.not-account.hint") }));

const paymentDays = leaf((v) => {
  const r = textCheck(v);
  if (!("value" in r)) return r;
  if (!/^\d+$/.test(r.value)) return { problem: t("invoicing.payment-days"), hint: t("invoicing.payment-days.hint") };
  const n = Number(r.value);
  return n <= 365 ? { value: n } : { problem: t("invoicing.payment-days-max") };
});

const prefix = leaf((v) => {
  const r = textCheck(v);
  if (!("value" in r)) return r;
  return isValidPrefix(r.value) ? r : { problem: t("invoicing.prefix"), hint: t("invoicing.prefix.hint") };
});

const address = z.strictObject({ street: text, postcode, city: text, country });

const seller = z.strictObject({ name: text, enterprise_number: enterpriseNumber, vat: vatId.optional(), iban, bic: bic.optional(), address });
const buyer = z.strictObject({ name: text, enterprise_number: enterpriseNumber, vat: vatId.optional(), address, reference: text.optional() });

/** `revenue: 700000` for every line kind, or `{hours: 700000, benefits: 700100}`. */
const revenue = z.preprocess(
  (v) => (v !== null && typeof v === "object" && !(v instanceof YamlNumber) ? v : { hours: v, benefits: v }),
  z.strictObject({ hours: account, benefits: account }),
);

const accounts = z.strictObject({
  receivable: account.default("400000"),
  revenue: revenue.default({ hours: "700000", benefits: "700000" }),
  vat: account.default("451000"),
});

export const InvoicingShape = z.strictObject({
  seller,
  buyers: z.record(z.string(), buyer),
  payment_days: paymentDays.default(30),
  prefix: prefix.default(""),
  accounts: accounts.default({ receivable: "400000", revenue: { hours: "700000", benefits: "700000" }, vat: "451000" }),
});

export type InvoicingData = output<typeof InvoicingShape>;

/** Keys allowed inside the block, for "unknown key" hints (buyers are keyed by partner, so their keys are listed by partner name at check time). */
export const INVOICING_KEYS: Readonly<Record<string, readonly string[]>> = {
  invoicing: Object.keys(InvoicingShape.shape),
  "invoicing.seller": Object.keys(seller.shape),
  "invoicing.seller.address": Object.keys(address.shape),
  "invoicing.accounts": Object.keys(accounts.shape),
  "invoicing.accounts.revenue": ["hours", "benefits"],
};

export const INVOICING_MISSING_HINTS: Readonly<Record<string, Text>> = {
  "invoicing.seller": t("missing.invoicing.seller"),
  "invoicing.buyers": t("missing.invoicing.buyers"),
  "invoicing.seller.iban": t("missing.invoicing.seller.iban"),
  "invoicing.seller.enterprise_number": t("missing.invoicing.seller.enterprise_number"),
  "invoicing.seller.address": t("missing.invoicing.seller.address"),
};

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof YamlNumber);

/** NEC partner names as written: a name, or {name: …} (partners with dates, issue 11). */
function necNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((v) => {
    const r = textCheck(isRecord(v) ? v.name : v);
    return "value" in r ? [r.value] : [];
  });
}

/** The invoicing rules that compare keys; run on the plain data even when the shape has problems. */
export function invoicingChecks(src: YamlSource): Issue[] {
  const data = isRecord(src.data) ? src.data : {};
  if (!isRecord(data.invoicing)) return [];
  const inv = data.invoicing;
  const out: Issue[] = [];
  const at = (path: readonly PathSegment[], code: "vat-mismatch" | "bad-value", message: Text, hint?: Text, found?: string) =>
    out.push({ ...error(code, {}, { source: src.locate(path), subject: path.join("."), ...(hint ? { hint } : {}), ...(found !== undefined ? { found } : {}) }), message });

  const partyChecks = (party: unknown, path: PathSegment[]) => {
    if (!isRecord(party)) return;
    const enTxt = textCheck(party.enterprise_number);
    const en = "value" in enTxt ? checkEnterpriseNumber(enTxt.value) : undefined;
    const vatTxt = party.vat === undefined ? undefined : textCheck(party.vat);
    const vat = vatTxt && "value" in vatTxt ? checkBelgianVatId(vatTxt.value) : undefined;
    if (en && "value" in en && vat && "value" in vat && vat.value !== vatIdOf(en.value)) {
      at([...path, "vat"], "vat-mismatch", t("vat-mismatch", { number: formatEnterpriseNumber(en.value) }), t("vat-mismatch.hint", { vat: vatIdOf(en.value) }), src.textAt([...path, "vat"]));
    }
    if (isRecord(party.address)) {
      const c = textCheck(party.address.country);
      const cc = "value" in c ? checkCountry(c.value) : undefined;
      const p = textCheck(party.address.postcode);
      if (cc && "value" in cc && "value" in p) {
        const r = checkPostcode(p.value, cc.value);
        if (!("value" in r) && "value" in checkPostcode(p.value, undefined)) at([...path, "address", "postcode"], "bad-value", r.problem, r.hint, p.value);
      }
    }
  };
  partyChecks(inv.seller, ["invoicing", "seller"]);

  const nec = necNames(data.nec_partners);
  if (isRecord(inv.buyers)) {
    for (const [name, b] of Object.entries(inv.buyers)) {
      if (nec.length > 0 && !nec.some((n) => nameKey(n) === nameKey(name))) {
        out.push(
          error("unknown-partner.buyer", { name }, {
            source: src.locate(["invoicing", "buyers"], name),
            subject: `invoicing.buyers.${name}`,
            hint: suggestion(name, nec, t("suggest.buyers-keyed")),
          }),
        );
      }
      partyChecks(b, ["invoicing", "buyers", name]);
    }
  }
  return out;
}

/**
 * The validated block as the domain's InvoicingConfig (VAT id defaults to BE
 * + the enterprise number). Buyers are keyed by the NEC partner's name as
 * nec_partners spells it (names compare as partner names do: case, spaces).
 */
export function toInvoicing(d: InvoicingData, src: YamlSource, necPartners: readonly string[] = []): InvoicingConfig {
  const nec = namesByKey(necPartners);
  const party = (p: { name: string; enterprise_number: string; vat?: string | undefined; address: InvoicingData["seller"]["address"] }) => {
    // The country's own spelling of the postcode ("1012ab" -> "1012 AB"); invoicingChecks refused the rest.
    const pc = checkPostcode(p.address.postcode, p.address.country);
    return {
      name: p.name,
      enterpriseNumber: p.enterprise_number,
      vatId: p.vat ?? vatIdOf(p.enterprise_number),
      address: { street: p.address.street, postcode: "value" in pc ? pc.value : p.address.postcode, city: p.address.city, country: p.address.country },
    };
  };
  const buyers = Object.create(null) as Record<string, Buyer>; // keyed by partner names: no prototype
  for (const [name, b] of Object.entries(d.buyers)) buyers[nec.get(nameKey(name)) ?? name] = { ...party(b), ...(b.reference !== undefined ? { reference: b.reference } : {}) };
  return {
    seller: { ...party(d.seller), iban: d.seller.iban, ...(d.seller.bic !== undefined ? { bic: d.seller.bic } : {}) },
    buyers,
    buyersSource: src.locate(["invoicing", "buyers"]),
    paymentDays: d.payment_days,
    prefix: d.prefix,
    accounts: d.accounts,
  };
}
