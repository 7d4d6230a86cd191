// Comparing workbooks as two engines see them: every cell of every sheet,
// numbers equal when they agree to 1e-9 relative (or 0.0005 absolute, well
// below a cent: Gnumeric prints 3579.64 as 3579.6399999999999999), text
// exactly. The differences come back as "Sheet!C12: 806.4 ≠ 840", so a failing
// test names the cells a formula got wrong.
const NUMBER = /^-?\d+(\.\d+)?(E[-+]?\d+)?$/i;

function colName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** How far two numbers may differ: an absolute amount or a relative one, whichever is larger. */
export type Tolerance = { readonly absolute: number; readonly relative: number };
const LOOSE: Tolerance = { absolute: 0.0005, relative: 1e-9 };

export function sameCell(a: string, b: string, tol: Tolerance = LOOSE): boolean {
  if (a === b) return true;
  if (NUMBER.test(a.trim()) && NUMBER.test(b.trim())) {
    const x = Number(a);
    const y = Number(b);
    return Math.abs(x - y) <= Math.max(tol.absolute, tol.relative * Math.max(Math.abs(x), Math.abs(y)));
  }
  // An empty cell and an empty string are the same to a reader.
  return a.trim() === "" && b.trim() === "";
}

/** Every differing cell of the sheets both maps have (and sheets only one has), at most `limit`. */
export function sheetDiffs(expected: Map<string, string[][]>, actual: Map<string, string[][]>, only?: readonly string[], limit = 20, tol: Tolerance = LOOSE): string[] {
  const out: string[] = [];
  const names = only ?? [...new Set([...expected.keys(), ...actual.keys()])];
  for (const name of names) {
    const a = expected.get(name);
    const b = actual.get(name);
    if (!a || !b) {
      out.push(`${name}: sheet ${a ? "missing after recalculation" : "not in the expected workbook"}`);
      continue;
    }
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      const ra = a[r] ?? [];
      const rb = b[r] ?? [];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        const x = ra[c] ?? "";
        const y = rb[c] ?? "";
        if (!sameCell(x, y, tol)) {
          out.push(`${name}!${colName(c + 1)}${r + 1}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
          if (out.length >= limit) return out;
        }
      }
    }
  }
  return out;
}

/** Formula errors anywhere ("#VALUE!", "Err:504", "#DIV/0!"), as "Sheet!A1: #NAME?". */
export function formulaErrors(sheets: Map<string, string[][]>): string[] {
  const out: string[] = [];
  for (const [name, rows] of sheets)
    rows.forEach((r, i) => r.forEach((c, j) => /^(#[A-Z/0!?]+|Err:\d+|#N\/A)/.test(c) && out.push(`${name}!${colName(j + 1)}${i + 1}: ${c}`)));
  return out;
}
