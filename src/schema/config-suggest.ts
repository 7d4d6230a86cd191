// "Did you mean" for near-miss names in the config (partners, keys, benefit types).
// Pure: edit distance over short strings.

/**
 * Edit distance counting a swap of two neighbours as one edit ("RZS" for "RSZ"),
 * case-insensitive (a case slip is still a near miss).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // Three rolling rows (the swap looks two rows back): linear memory, no matrix per call.
  let before = new Array<number>(t.length + 1).fill(0);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let row = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) row[j] = Math.min(row[j]!, before[j - 2]! + 1);
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[t.length]!;
}

/** Words longer than this get no "did you mean" (no key or name is that long; a hostile one could be a megabyte). */
const MAX_SUGGEST_LENGTH = 100;

/** The closest candidate within a third of the word's length (at least 1, at most 3 edits), else the one it is a prefix of. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  if (word.length > MAX_SUGGEST_LENGTH) return undefined;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue; // cannot be within the limit
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
