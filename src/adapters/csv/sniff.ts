// The delimiter of an export, decided from its header line. Pure.
// csv-parse's own `delimiter_auto` counts every character and picked a space
// or a `0` on Dutch files (tried on the example exports), so we count only the
// usual delimiters outside quoted text.

const CANDIDATES = [";", ",", "\t", "|"] as const;

/** The first non-empty line of decoded text (without BOM and line ending). */
export function headerLine(text: string): string {
  const t = text.replace(/^\ufeff/, "");
  for (const line of t.split(/\r?\n/)) {
    if (line.trim() !== "") return line;
  }
  return "";
}

/** The most frequent of `;` `,` tab `|` outside quotes in the header; `,` when none occurs. */
export function sniffDelimiter(header: string): string {
  const unquoted = header.replace(/"[^"]*"/g, "");
  let best = ",";
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const n = unquoted.split(c).length - 1;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}
