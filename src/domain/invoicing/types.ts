// The vocabulary of invoicing: who sends and receives documents (from the
// config's `invoicing:` block, already validated), and what a close hands
// over to be turned into documents. Pure types.
import type { SourceRef } from "../issues.js";
import type { Dec } from "../money.js";

export type Address = {
  readonly street: string;
  readonly postcode: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2, upper case ("BE"). */
  readonly country: string;
};

export type Party = {
  /** Legal name (BT-27 / BT-44). */
  readonly name: string;
  /** KBO/BCE enterprise number, 10 digits without dots ("0437519686"); the Peppol endpoint (scheme 0208). */
  readonly enterpriseNumber: string;
  /** VAT id ("BE0437519686"). */
  readonly vatId: string;
  readonly address: Address;
};

export type Seller = Party & {
  /** IBAN without spaces ("BE71096123456769"). */
  readonly iban: string;
  readonly bic?: string;
};

export type Buyer = Party & {
  /** Buyer reference (BT-10); absent: the project name. */
  readonly reference?: string;
};

/** Chart-of-accounts numbers of the sales journal (Belgian PCMN/MAR defaults). */
export type JournalAccounts = {
  /** Trade receivables (debit the total): 400000. */
  readonly receivable: string;
  /** Revenue per line kind (credit the lines): 700000 for both by default. */
  readonly revenue: { readonly hours: string; readonly benefits: string };
  /** VAT payable (credit the VAT): 451000. */
  readonly vat: string;
};

/** The `invoicing:` block of menerva.yaml. */
export type InvoicingConfig = {
  readonly seller: Seller;
  /** Keyed by the NEC partner's name as written in nec_partners. */
  readonly buyers: Readonly<Record<string, Buyer>>;
  /** Where `invoicing.buyers` (or `invoicing:`) is written, for "no buyer" messages. */
  readonly buyersSource?: SourceRef;
  /** Due date = issue date + paymentDays (default 30). */
  readonly paymentDays: number;
  /** Number prefix ("MEN" gives MEN2025-0007; default none). */
  readonly prefix: string;
  readonly accounts: JournalAccounts;
};

/** A period as the close knows it: label and first and last day. */
export type PeriodRef = { readonly label: string; readonly from: string; readonly to: string };

/**
 * One line of a close's invoice, as input to a document: the close's figures,
 * signed as the close computed them (a correction may be negative).
 * `corrects` names the earlier period a correction line corrects ("2025-Q1");
 * absent for lines of the period itself.
 */
export type BillingLine =
  | {
      readonly kind: "hours";
      /** Σ hours on the line (exact, any number of decimals). */
      readonly hours: Dec;
      /** Fee per hour. */
      readonly rate: Dec;
      /** round(hours × rate), in cents. */
      readonly amount: Dec;
      readonly corrects?: string;
    }
  | {
      readonly kind: "benefits";
      /** The benefit types on the line (one type when shares differ per type). */
      readonly types: readonly string[];
      readonly share: Dec;
      /** Σ benefits the share applies to. */
      readonly benefits: Dec;
      /** round(share × benefits), in cents. */
      readonly amount: Dec;
      readonly corrects?: string;
    };

/** One NEC partner's invoice of a close (src/domain/invoice.ts gives these figures). */
export type BillingInput = {
  readonly necPartner: string;
  /** The closed period (the document's invoice period). */
  readonly period: PeriodRef;
  readonly lines: readonly BillingLine[];
  /** Σ line amounts; negative makes the document a credit note. */
  readonly subtotal: Dec;
  /** VAT rate as a fraction (0.21). */
  readonly vatRate: Dec;
  /** round(subtotal × vatRate), once per invoice. */
  readonly vat: Dec;
  readonly total: Dec;
};
