// How many physical lines a parsed CSV record spans: one module of its own,
// without the readers' imports, so a parse worker (src/engine) loads only it.
const countNewlines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * The physical lines a parsed record spans (1 plus the line breaks inside its
 * quoted fields), negated when every field is blank (a blank line: skipped,
 * but it still moves the line count). Shared by every CSV reader, so
 * file:line means the same line everywhere.
 */
export function recordSpan(rec: readonly string[]): number {
  let blank = true;
  let extra = 0;
  for (const f of rec) {
    if (blank && f.trim() !== "") blank = false;
    if (f.length > 0 && f.includes("\n")) extra += countNewlines(f);
  }
  return blank ? -(1 + extra) : 1 + extra;
}

