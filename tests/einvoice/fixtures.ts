// Hand-made invoicing config and close invoices for the e-invoice tests. The
// figures follow the close's rules (line = round(hours × rate), benefit line =
// round(share × Σ benefits), VAT rounded once per invoice), so each input is
// what src/domain/invoice.ts would hand over.
import type { BillingInput, BillingLine, InvoicingConfig } from "../../src/domain/invoicing/types.js";
import { dec, MODEL_ROUNDING, roundMoney, sum, type Dec } from "../../src/domain/money.js";

export const INVOICING: InvoicingConfig = {
  seller: {
    name: "BLM Genk vzw",
    enterpriseNumber: "0437519686",
    vatId: "BE0437519686",
    iban: "BE71096123456769",
    bic: "GKCCBEBB",
    address: { street: "Kolderbosstraat 1", postcode: "3600", city: "Genk", country: "BE" },
  },
  buyers: {
    "Q-Jobs": {
      name: "Q-Jobs NV",
      enterpriseNumber: "0466123404",
      vatId: "BE0466123404",
      address: { street: "Stationsstraat 5", postcode: "3500", city: "Hasselt", country: "BE" },
      reference: "MENERVA",
    },
    Flexer: {
      name: "Flexer BV",
      enterpriseNumber: "0999999922",
      vatId: "BE0999999922",
      address: { street: "Grote Markt 12", postcode: "2000", city: "Antwerpen", country: "BE" },
    },
    "Intérim & Co": {
      name: "Intérim & Co <Zoë> SRL",
      enterpriseNumber: "0999999823",
      vatId: "BE0999999823",
      address: { street: "Rue de l'Église 5 & 7", postcode: "1000", city: "Bruxelles", country: "BE" },
      reference: "PO <42> & co",
    },
  },
  paymentDays: 30,
  prefix: "MEN",
  accounts: { receivable: "400000", revenue: { hours: "700000", benefits: "700000" }, vat: "451000" },
};

export const Q1 = { label: "2025-Q1", from: "2025-01-01", to: "2025-03-31" };

export const hours = (h: string, rate: string, corrects?: string): BillingLine => ({
  kind: "hours",
  hours: dec(h),
  rate: dec(rate),
  amount: roundMoney(dec(h).times(dec(rate)), MODEL_ROUNDING),
  ...(corrects ? { corrects } : {}),
});

export const benefits = (types: string[], share: string, total: string, corrects?: string): BillingLine => ({
  kind: "benefits",
  types,
  share: dec(share),
  benefits: dec(total),
  amount: roundMoney(dec(share).times(dec(total)), MODEL_ROUNDING),
  ...(corrects ? { corrects } : {}),
});

/** A close's invoice from its lines: subtotal, VAT once, total. */
export function bill(necPartner: string, lines: BillingLine[], vatRate = "0.21", period = Q1): BillingInput {
  const subtotal: Dec = sum(lines.map((l) => l.amount));
  const vat = roundMoney(subtotal.times(dec(vatRate)), MODEL_ROUNDING);
  return { necPartner, period, lines, subtotal, vatRate: dec(vatRate), vat, total: subtotal.plus(vat) };
}
