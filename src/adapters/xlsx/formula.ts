// Building blocks for portable spreadsheet formulas: cell references, and the
// largest-remainder split (money.ts `allocate`) written as plain arithmetic so
// LibreOffice and Gnumeric both recalculate it to the cent. Only functions
// both engines evaluate alike: no ABS() or other functions inside SUMPRODUCT
// (Gnumeric does not apply them element-wise), no _xlfn. functions, no text
// arguments to MIN/MAX.

/** Quoted sheet reference: 'LIV aan het werk'!$B$5. */
export const ref = (sheet: string, addr: string): string => `'${sheet.replace(/'/g, "''")}'!${addr}`;
export const abs = (col: string, row: number): string => `$${col}$${row}`;

export function colName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** An amount in euro (cents in a float) as whole cents, exactly. */
export const centsOf = (expr: string): string => `ROUND(${expr}*100,0)`;

/**
 * Part `i` (whole cents) of `total` cents split over `weights` (whole numbers)
 * by largest remainder, the leftover cents to the largest remainders, ties to
 * the earlier index: money.ts `allocate`, term for term. Every step is exact
 * integer arithmetic in a double (floor part = (T·wᵢ − rᵢ)/W with rᵢ =
 * MOD(T·wᵢ, W)), so both engines agree with menerva to the cent while T·W stays
 * below ~10^14 (amounts below a million euro a month). Zero when W is zero.
 */
export function largestRemainderPart(total: string, weights: readonly string[], i: number): string {
  const T = total;
  const W = weights.length === 1 ? weights[0]! : `(${weights.join("+")})`;
  if (weights.length === 1) return `IF(${W}=0,0,${T})`;
  const r = weights.map((w) => `MOD(${T}*${w},${W})`);
  // Position of i among the remainders: larger ones before it, equal ones with a lower index before it.
  const rank = weights
    .map((_, j) => (j === i ? "" : j < i ? `(${r[j]}>=${r[i]})` : `(${r[j]}>${r[i]})`))
    .filter(Boolean)
    .join("+");
  const leftover = `(${r.join("+")})/${W}`;
  // "0+" makes the rank a number even with one term: Gnumeric (like Excel) ranks a TRUE/FALSE above every number.
  return `IF(${W}=0,0,(${T}*${weights[i]}-${r[i]})/${W}+((0+${rank})<${leftover}))`;
}

/** The equal split of `total` cents over `n` parties (splitEqually): the leftover cents to the first ones. */
export function equalPart(total: string, n: number, i: number): string {
  return `(${total}-MOD(${total},${n}))/${n}+(${i}<MOD(${total},${n}))`;
}

/**
 * round(rate × amount, 2), half away from zero, exactly: a rate times cents
 * is an exact decimal, and a tie (0.70 × 6441.85 = 4509.295) must round up
 * in every engine. In binary floating point the product lands a hair below
 * the tie, and engines disagree on what ROUND does with it (LibreOffice
 * rounds the 15-digit decimal, Gnumeric the binary value). So the product is
 * taken in whole numbers (the rate in millionths, the amount in cents) and
 * rounded with integer arithmetic. For amounts ≥ 0 below about €1,000,000.
 */
export function roundRateTimes(rate: string, amount: string): string {
  const q = `(ROUND(${rate}*1000000,0)*ROUND(${amount}*100,0)+500000)`;
  return `(${q}-MOD(${q},1000000))/100000000`;
}

/**
 * ROUND(x, n) half away from zero as menerva rounds the exact decimal. A value
 * that is exactly a tie in decimals (8466.06 / 12 = 705.505) is a hair below it
 * in binary; LibreOffice rounds the 15-digit decimal (705.51), Gnumeric the
 * binary value (705.50). Stretching x by one part in 10^12 before rounding
 * puts every engine on the decimal's side of the tie, while a value that is
 * not a tie (its distance to one is at least 10^-6 in practice) rounds as before.
 */
export const roundHalfUp = (expr: string, n: number): string => `ROUND((${expr})*(1+1E-12),${n})`;

/**
 * INDEX(range, i) that Gnumeric also evaluates: Gnumeric answers #REF! for
 * INDEX over a one-cell range, so a range of one row is referenced directly.
 */
export const pick = (range: string, rows: number, index: string): string => (rows === 1 ? range.split(":")[0]! : `INDEX(${range},${index})`);
