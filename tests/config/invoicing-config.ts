// The issue's `invoicing:` block, appended to a minimal config by the invoicing config tests.
export const INVOICING_BLOCK = `invoicing:
  seller:
    name: BLM Genk vzw
    enterprise_number: "0437.519.686"
    vat: BE0437519686
    iban: BE71 0961 2345 6769
    bic: GKCCBEBB
    address: {street: Kolderbosstraat 1, postcode: "3600", city: Genk, country: BE}
  buyers:
    Q-Jobs:
      name: Q-Jobs NV
      enterprise_number: "0466.123.404"
      vat: BE0466123404
      address: {street: Stationsstraat 5, postcode: "3500", city: Hasselt, country: BE}
      reference: MENERVA
  payment_days: 30
  prefix: "MEN"
`;
