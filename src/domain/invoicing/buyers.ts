// Every NEC partner that gets a document needs a buyer entry in
// `invoicing.buyers`. Pure. The close passes the partners it bills (phase 2:
// only those with billed rows); a config check may pass all of nec_partners.
import { error, t, type Issue } from "../issues.js";
import type { InvoicingConfig } from "./types.js";

/** One issue per partner without a buyer entry, at `invoicing.buyers`. */
export function missingBuyers(invoicing: InvoicingConfig, partners: readonly string[]): Issue[] {
  return partners
    .filter((p) => invoicing.buyers[p] === undefined)
    .map((p) =>
      error("no-buyer", { partner: p }, {
        subject: "invoicing.buyers",
        ...(invoicing.buyersSource ? { source: invoicing.buyersSource } : {}),
        hint: t("no-buyer.hint", { partner: p }),
      }),
    );
}
