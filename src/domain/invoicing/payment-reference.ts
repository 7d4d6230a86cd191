// The structured payment reference of a document (gestructureerde mededeling,
// OGM/VCS): 12 digits written +++ddd/dddd/ddddd+++, ten digits of our own and
// two check digits = (the ten as a number) mod 97, or 97 when that is 0.
// Pure.
//
// The ten digits are the document's year (4) and its sequence in that year,
// zero-padded to 6: MEN2025-0007 -> 2025000007 -> +++202/5000/00771+++.
// Numbers are unique per (year, sequence) (see numbering.ts), so references
// are too, whatever the prefix; a year holds at most 999,999 documents.
import { mod97 } from "./identifiers.js";

export const MAX_SEQUENCE = 999_999;

/** The two check digits of ten reference digits ("01".."97"). */
export function referenceCheckDigits(ten: string): string {
  if (!/^\d{10}$/.test(ten)) throw new Error(`referenceCheckDigits: expected 10 digits, got ${JSON.stringify(ten)}`);
  const r = mod97(ten);
  return String(r === 0 ? 97 : r).padStart(2, "0");
}

/** Ten digits -> "+++ddd/dddd/ddddd+++". */
export function structuredReference(ten: string): string {
  const d = ten + referenceCheckDigits(ten);
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}

/** The reference of the document with this year and sequence. */
export function referenceFor(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`referenceFor: bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new Error(`referenceFor: sequence ${sequence} outside 1..${MAX_SEQUENCE}`);
  return structuredReference(`${year}${String(sequence).padStart(6, "0")}`);
}

/** The 12 digits of a reference in any common spelling (+++…+++, ***…***, spaces, slashes), when its check digits hold. */
export function parseStructuredReference(text: string): string | undefined {
  const digits = text.replace(/[+*/\s]/g, "");
  if (!/^\d{12}$/.test(digits)) return undefined;
  return referenceCheckDigits(digits.slice(0, 10)) === digits.slice(10) ? digits : undefined;
}

/** The 12 digits without decoration, as a bank file or PaymentID may want them. */
export const referenceDigits = (reference: string): string => reference.replace(/\D/g, "");
