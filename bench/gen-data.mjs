// Seeded synthetic exports for the benchmark: N hour rows and 0.33·N benefit
// rows in menerva's plain format (ISO dates, decimal point, English headers),
// or Belgian style (`;`, decimal comma with `.` thousands, dd/mm/yyyy, Dutch
// headers: research/performance.md's "-be" files), plus a config and a staff
// file. The same seed gives the same rows in both styles, and the same bytes.
import { mkdirSync, createWriteStream, writeFileSync } from "node:fs";
import { join } from "node:path";

function mulberry32(seed) {
  const s = new Uint32Array([seed]);
  return () => {
    s[0] += 0x6d2b79f5;
    let t = s[0];
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NEC = ["Q-Jobs", "Flexer", "Itzu Jobs"];
const HOURS = ["7.6", "8", "7.25", "6", "4.5", "7.6", "8", "3.75"];

async function writeLines(path, header, n, make) {
  const out = createWriteStream(path);
  out.write(header + "\n");
  let buf = "";
  for (let i = 0; i < n; i++) {
    buf += make(i) + "\n";
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once("drain", r));
      buf = "";
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

const pad = (n, w = 2) => String(n).padStart(w, "0");
function day(rand, belgian) {
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return belgian ? `${pad(d)}/${pad(m)}/2025` : `2025-${pad(m)}-${pad(d)}`;
}

/** "1234.56" → "1.234,56" (Belgian: `.` groups thousands, `,` marks decimals). */
const belgianNumber = (t) => {
  const [i, f] = t.split(".");
  const neg = i.startsWith("-");
  const g = (neg ? i.slice(1) : i).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${neg ? "-" : ""}${g}${f === undefined ? "" : `,${f}`}`;
};

/**
 * `candidates`: the pool candidate ids are drawn from (2,000 like the peers' data; a larger pool makes identical rows rare).
 * `quoted`: every cell of the hours and benefits exports in double quotes (as some payroll tools write them), the same rows.
 */
export async function generate(dir, rows, seed = 42, { belgian = false, candidates = 2000, quoted = false } = {}) {
  mkdirSync(dir, { recursive: true });
  const rand = mulberry32(seed);
  const sep = belgian ? ";" : ",";
  const num = belgian ? belgianNumber : (t) => t;
  const line = (cells) => (quoted ? cells.map((c) => `"${c}"`) : cells).join(sep);
  await writeLines(join(dir, "hours.csv"), line(belgian ? ["datum", "uitzendpartner", "kandidaat", "uren"] : ["date", "nec_partner", "candidate_id", "hours"]), rows, () => {
    const h = HOURS[Math.floor(rand() * HOURS.length)];
    return line([day(rand, belgian), NEC[Math.floor(rand() * 3)], `C${pad(1 + Math.floor(rand() * candidates), 6)}`, num(`${rand() < 0.01 ? "-" : ""}${h}`)]);
  });
  const nb = Math.round(rows * 0.33);
  await writeLines(join(dir, "benefits.csv"), line(belgian ? ["datum", "uitzendpartner", "kandidaat", "soort", "bedrag"] : ["date", "nec_partner", "candidate_id", "type", "amount"]), nb, () => {
    const type = rand() < 0.6 ? "RSZ" : "maatwerk";
    const cents = 1000 + Math.floor(rand() * 300000);
    const amount = `${rand() < 0.02 ? "-" : ""}${Math.floor(cents / 100)}.${pad(cents % 100)}`;
    return line([day(rand, belgian), NEC[Math.floor(rand() * 3)], `C${pad(1 + Math.floor(rand() * candidates), 6)}`, type, num(amount)]);
  });
  const se = ["BLM", "Arbeidskansen", "LIV aan het werk", "Alternatief"];
  const staff = ["period,partner,role,fte,cost,subsidy"];
  for (let m = 1; m <= 12; m++) for (const p of se) staff.push(`2025-${pad(m)},${p},jobcoach,0.5,2500.00,1250.00`);
  writeFileSync(join(dir, "staff.csv"), staff.join("\n") + "\n");
  writeFileSync(
    join(dir, "menerva.yaml"),
    [
      "project: MENERVA bench",
      "start: 2025-01",
      "se_partners: [BLM, Arbeidskansen, LIV aan het werk, Alternatief]",
      "nec_partners: [Q-Jobs, Flexer, Itzu Jobs]",
      "fees:",
      "  hourly:",
      "    - {from: 2025-01-01, rate: 2.50}",
      "  benefit_share: 0.70",
      "  benefit_types: [RSZ, maatwerk]",
      "inputs:",
      "  hours: [hours.csv]",
      "  benefits: [benefits.csv]",
      "  staff: [staff.csv]",
      "ledger: bench-ledger.jsonl",
      "output: out",
      "",
    ].join("\n"),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  await generate(process.argv[3] ?? "bench/data", rows, 42, { belgian: process.argv[4] === "--belgian" });
}
