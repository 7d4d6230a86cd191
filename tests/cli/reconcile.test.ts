// Reconciliation against an independent calculation: random partnerships
// (other partner names, counts, rates and export styles) are written as real
// export files, closed through the real pipeline, and compared to the cent with
// a separate integer-cent implementation of SPEC §3 written only for this test.
import { fc, test } from "@fast-check/vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { expect } from "vitest";
import { buildCloseReport, readCloseInputs } from "../../src/app/close.js";
import { closeSummary } from "../../src/report/close-summary.js";
import { issueMessage } from "../../src/i18n/render.js";

type Hour = { date: string; nec: number; cand: string; centiHours: bigint };
type Benefit = { date: string; nec: number; cand: string; type: string; cents: bigint };
type Case = {
  se: string[];
  nec: string[];
  rates: { from: string; milli: bigint; nec?: number }[]; // rate in thousandths of a euro
  shareBp: bigint; // benefit share in basis points
  hours: Hour[];
  benefits: Benefit[];
  style: ("plain" | "bom" | "belgian")[];
};

// --- the independent model, in integer units ---------------------------------
const divRound = (n: bigint, d: bigint): bigint => {
  // half away from zero
  const q = (n < 0n ? -n : n) * 2n + d;
  const r = q / (2n * d);
  return n < 0n ? -r : r;
};
function rateFor(c: Case, nec: number, date: string): bigint {
  const own = c.rates.filter((r) => r.nec === nec && r.from <= date).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  const gen = c.rates.filter((r) => r.nec === undefined && r.from <= date).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  return (own ?? gen)!.milli;
}
function expected(c: Case, from: string, to: string) {
  return c.nec.map((_, n) => {
    const inP = (d: string) => d >= from && d <= to;
    const byRate = new Map<bigint, bigint>();
    for (const h of c.hours.filter((h) => h.nec === n && inP(h.date))) {
      const r = rateFor(c, n, h.date);
      byRate.set(r, (byRate.get(r) ?? 0n) + h.centiHours);
    }
    // line = round(Σ centi-hours/100 × milli/1000) in cents = round(Σ·milli / 1000)
    const hourFee = [...byRate].reduce((a, [r, ch]) => a + divRound(ch * r, 1000n), 0n);
    const ben = c.benefits.filter((b) => b.nec === n && inP(b.date)).reduce((a, b) => a + b.cents, 0n);
    const benefitFee = divRound(ben * c.shareBp, 10000n);
    const subtotal = hourFee + benefitFee;
    const vat = divRound(subtotal * 21n, 100n);
    return { hourFee, benefitFee, subtotal, vat, total: subtotal + vat, any: byRate.size > 0 || c.benefits.some((b) => b.nec === n && inP(b.date)) };
  });
}
const eur = (c: bigint): string => `${c < 0n ? "-" : ""}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, "0")}`;

// --- writing the exports in the partners' styles -----------------------------
function fmtNum(units: bigint, scale: number, belgian: boolean): string {
  const neg = units < 0n;
  const a = neg ? -units : units;
  const d = 10n ** BigInt(scale);
  const int = (a / d).toString();
  const frac = (a % d).toString().padStart(scale, "0").replace(/0+$/, "");
  const intB = belgian ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int;
  // a trailing decimal part always present for Belgian money, so the mark is detectable
  const f = belgian ? (scale === 2 ? (a % d).toString().padStart(2, "0") : frac) : frac;
  return `${neg ? "-" : ""}${intB}${f ? (belgian ? "," : ".") + f : belgian && scale === 2 ? ",00" : ""}`;
}
function writeExport(path: string, style: Case["style"][number], header: string[], rows: string[][]): void {
  const sep = style === "belgian" ? ";" : ",";
  const q = (s: string) => (s.includes(sep) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const text = [header, ...rows].map((r) => r.map(q).join(sep)).join(style === "bom" ? "\r\n" : "\n") + "\n";
  writeFileSync(path, style === "belgian" ? iconv.encode(text, "win1252") : style === "bom" ? "\ufeff" + text : text);
}
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function materialise(c: Case): string {
  const dir = mkdtempSync(join(tmpdir(), "menerva-rec-"));
  c.nec.forEach((name, n) => {
    const style = c.style[n % c.style.length]!;
    const b = style === "belgian";
    writeExport(
      join(dir, `hours-${n}.csv`),
      style,
      b ? ["datum", "uitzendpartner", "kandidaat", "uren"] : ["date", "nec_partner", "candidate_id", "hours"],
      c.hours.filter((h) => h.nec === n).map((h) => [b ? dmy(h.date) : h.date, name, h.cand, fmtNum(h.centiHours, 2, b) || "0"]),
    );
    writeExport(
      join(dir, `benefits-${n}.csv`),
      style,
      b ? ["datum", "uitzendpartner", "kandidaat", "soort", "bedrag"] : ["date", "nec_partner", "candidate_id", "type", "amount"],
      c.benefits.filter((x) => x.nec === n).map((x) => [b ? dmy(x.date) : x.date, name, x.cand, x.type, fmtNum(x.cents, 2, b)]),
    );
  });
  writeFileSync(join(dir, "staff.csv"), ["period,partner,role,fte,cost,subsidy", ...c.se.map((p) => `2025-Q1,"${p}",coach,0.5,3000.00,1000.00`)].join("\n") + "\n");
  const yamlStr = (s: string) => JSON.stringify(s);
  const rates = c.rates.map((r) => `    - {from: ${r.from}, rate: ${(Number(r.milli) / 1000).toFixed(3)}${r.nec !== undefined ? `, nec_partner: ${yamlStr(c.nec[r.nec]!)}` : ""}}`);
  writeFileSync(
    join(dir, "menerva.yaml"),
    [
      "start: 2025-01",
      `se_partners: [${c.se.map(yamlStr).join(", ")}]`,
      `nec_partners: [${c.nec.map(yamlStr).join(", ")}]`,
      "fees:",
      "  hourly:",
      ...rates,
      `  benefit_share: ${(Number(c.shareBp) / 10000).toFixed(4)}`,
      "  benefit_types: [RSZ, maatwerk]",
      "inputs:",
      "  hours: [hours-*.csv]",
      "  benefits: [benefits-*.csv]",
      "  staff: [staff.csv]",
      "",
    ].join("\n"),
  );
  return dir;
}

// --- generators --------------------------------------------------------------
const name = fc.constantFrom("Zorg & Werk", "Hélène vzw", "De Ploeg", "Kringwinkel Noël", "Werkhuis", "Ateljee", "Groep Intro", "Duo-Jobs", "Randstad Limburg", "Start People", "Tempo-Team", "Accent", "Exaris");
const day = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)); // test data only
const caseArb = fc
  .record({
    names: fc.uniqueArray(name, { minLength: 3, maxLength: 8 }),
    seCount: fc.integer({ min: 1, max: 5 }),
    rates: fc.array(fc.record({ from: day, milli: fc.integer({ min: 500, max: 4999 }), nec: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }), { maxLength: 3 }),
    shareBp: fc.integer({ min: 0, max: 10000 }),
    hours: fc.array(fc.record({ date: day, nec: fc.integer({ min: 0, max: 3 }), cand: fc.integer({ min: 1, max: 30 }), ch: fc.integer({ min: -800, max: 3800 }) }), { minLength: 1, maxLength: 60 }),
    benefits: fc.array(fc.record({ date: day, nec: fc.integer({ min: 0, max: 3 }), type: fc.constantFrom("RSZ", "maatwerk"), cents: fc.integer({ min: -50000, max: 300000 }) }), { maxLength: 20 }),
    style: fc.shuffledSubarray(["plain", "bom", "belgian"] as const, { minLength: 1 }),
  })
  .filter((r) => r.names.length > Math.min(r.seCount, r.names.length - 1))
  .map((r): Case => {
    const se = r.names.slice(0, Math.min(r.seCount, r.names.length - 1));
    const nec = r.names.slice(se.length, se.length + 3);
    const n = nec.length;
    return {
      se,
      nec,
      rates: [{ from: "2025-01-01", milli: 2500n }, ...r.rates.filter((x) => x.nec === undefined || x.nec < n).map((x) => ({ from: x.from, milli: BigInt(x.milli), ...(x.nec !== undefined ? { nec: x.nec } : {}) }))]
        .filter((x, i, all) => all.findIndex((y) => y.from === x.from && y.nec === x.nec) === i),
      shareBp: BigInt(r.shareBp),
      hours: r.hours.filter((h) => h.nec < n).map((h) => ({ date: h.date, nec: h.nec, cand: `K-${h.cand}`, centiHours: BigInt(h.ch) })),
      benefits: r.benefits.filter((b) => b.nec < n).map((b, i) => ({ date: b.date, nec: b.nec, cand: `K-${i}`, type: b.type, cents: BigInt(b.cents) })),
      style: [...r.style],
    };
  });

test.prop([caseArb], { numRuns: 25 })("the close reconciles to the cent with an independent calculation", async (c) => {
  const dir = materialise(c);
  const read = await readCloseInputs(join(dir, "menerva.yaml"), "2025-Q1");
  if (!read.ok) throw new Error(read.issues.map((i) => `${i.source?.file}:${i.source?.line} ${i.subject} ${issueMessage(i)} ${i.found}`).join("\n"));
  const built = buildCloseReport({ ...read.value, period: read.value.period! });
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  const s = closeSummary(built.value) as { invoices: { nec_partner: string; hour_fee: string; benefit_fee: string; subtotal: string; vat: string; total: string }[]; revenue: string; settlement: { share: string }[] };
  const exp = expected(c, "2025-01-01", "2025-03-31");
  const got = new Map(s.invoices.map((i) => [i.nec_partner, i]));
  c.nec.forEach((nec, n) => {
    const e = exp[n]!;
    if (!e.any) return expect(got.has(nec)).toBe(false);
    expect(got.get(nec), nec).toEqual(expect.objectContaining({ hour_fee: eur(e.hourFee), benefit_fee: eur(e.benefitFee), subtotal: eur(e.subtotal), vat: eur(e.vat), total: eur(e.total) }));
  });
  const revenue = exp.reduce((a, e) => a + e.subtotal, 0n);
  expect(s.revenue).toBe(eur(revenue));
  // equal split: floor toward zero, leftover cents to the first partners
  const n = BigInt(c.se.length);
  const abs = revenue < 0n ? -revenue : revenue;
  const shares = c.se.map((_, i) => ((abs / n + (BigInt(i) < abs % n ? 1n : 0n)) * (revenue < 0n ? -1n : 1n)));
  expect(s.settlement.map((p) => p.share)).toEqual(shares.map(eur));
});
