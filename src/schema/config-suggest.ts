// "Did you mean" for near-miss names in the config (partners, keys, benefit types).
// Pure: edit distance over short strings.

/**
 * Edit distance counting a swap of two neighbours as one edit ("RZS" for "RSZ"),
 * case-insensitive (a case slip is still a near miss).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[s.length]![t.length]!;
}

/** The closest candidate within a third of the word's length (at least 1, at most 3 edits), else the one it is a prefix of. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (bestDistance <= limit) return best;
  // A shortened or lengthened key ("vat" for "vat_rate", "hourly_rate" for "hourly").
  const w = word.toLowerCase();
  const related = candidates.filter((c) => {
    const l = c.toLowerCase();
    return Math.min(l.length, w.length) >= 3 && (l.startsWith(w) || w.startsWith(l));
  });
  return related.length === 1 ? related[0] : undefined;
}

/** `did you mean "Flexer"?`, or the list of valid names when nothing is close. */
export function suggestion(word: string, candidates: readonly string[], what: string): string {
  const near = closest(word, candidates);
  if (near !== undefined) return `did you mean ${JSON.stringify(near)}?`;
  return candidates.length > 0 ? `${what}: ${candidates.join(", ")}` : "";
}
