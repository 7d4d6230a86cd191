// Text cells of the exports: dates, staff periods and names matched against
// the configuration. Pure. Everything normalises to the domain's ISO text.
import { isIsoDate } from "../domain/period.js";

const pad2 = (s: string): string => (s.length === 1 ? `0${s}` : s);

const ISO = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
// A time of day some spreadsheets append to a date ("31/03/2025 0:00"); it carries no information here.
const TIME = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * A calendar date written as `2025-03-31`, `2025/03/31`, `31/03/2025`,
 * `31/3/2025`, `31-03-2025` or `31.03.2025` (day first, never month first),
 * as ISO text; undefined when it is not a real date.
 */
export function parseDate(raw: string): string | undefined {
  let t = raw.trim();
  if (TIME.test(t)) t = t.replace(TIME, "");
  let m = ISO.exec(t);
  let iso: string | undefined;
  if (m) iso = `${m[1]}-${pad2(m[3]!)}-${pad2(m[4]!)}`;
  else if ((m = DMY.exec(t))) iso = `${m[4]}-${pad2(m[3]!)}-${pad2(m[1]!)}`;
  return iso !== undefined && isIsoDate(iso) ? iso : undefined;
}

const P_MONTH = /^(\d{4})-(\d{2})$/;
const P_MONTH_MY = /^(\d{1,2})[/-](\d{4})$/;
const P_QUARTER = /^(\d{4})\s*[-/ ]?\s*[QK]([1-4])$/i;
const P_QUARTER_QY = /^[QK]([1-4])\s*[-/ ]?\s*(\d{4})$/i;
const P_QUARTER_SLASH = /^(\d{4})\/([1-4])$/;

/**
 * A staff commitment period: a month (`2025-03`, `03/2025`, `3/2025`) or a
 * quarter (`2025-Q1`, `2025Q1`, `Q1 2025`, `K1 2025`, `2025/1`), normalised
 * to "2025-03" or "2025-Q1"; undefined otherwise.
 */
export function parseStaffPeriod(raw: string): string | undefined {
  const t = raw.trim();
  let m = P_MONTH.exec(t);
  if (m) return validMonth(m[1]!, m[2]!);
  if ((m = P_MONTH_MY.exec(t))) return validMonth(m[2]!, pad2(m[1]!));
  if ((m = P_QUARTER.exec(t))) return `${m[1]}-Q${m[2]}`;
  if ((m = P_QUARTER_QY.exec(t))) return `${m[2]}-Q${m[1]}`;
  if ((m = P_QUARTER_SLASH.exec(t))) return `${m[1]}-Q${m[2]}`;
  return undefined;
}

function validMonth(y: string, mm: string): string | undefined {
  const n = Number(mm);
  return n >= 1 && n <= 12 ? `${y}-${mm}` : undefined;
}

/** Edit distance (insert, delete, substitute), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const squash = (s: string): string => s.toLowerCase().replace(/[\s_\-.]+/g, "");

/**
 * The configured name a near miss probably meant: same letters ignoring case,
 * spaces and dashes, at most two edits away (case-insensitive), or a clear
 * prefix ("Itzu" for "Itzu Jobs"). Ties go to the earlier name in config order.
 */
export function nearestName(raw: string, names: readonly string[]): string | undefined {
  const t = raw.trim();
  if (t === "") return undefined;
  const sq = squash(t);
  let best: string | undefined;
  let bestDist = Infinity;
  for (const name of names) {
    const nsq = squash(name);
    if (nsq === sq) return name;
    const d = editDistance(t.toLowerCase(), name.toLowerCase());
    // Short names need a closer match, or "ABC" would suggest "BLM".
    const limit = Math.min(2, Math.floor(name.length / 3));
    if (d <= limit && d < bestDist) {
      best = name;
      bestDist = d;
    }
  }
  if (best !== undefined) return best;
  if (sq.length >= 3) return names.find((n) => squash(n).startsWith(sq));
  return undefined;
}
