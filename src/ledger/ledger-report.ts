// Views of the ledger for `menerva ledger list|show|verify`: plain data (for
// --json) and aligned text tables. Amounts are shown as stored (exact text).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import type { LedgerRecord } from "./record.js";
import type { IssuedDocumentJson } from "./issued-json.js";
import { rowCount } from "./billed-rows.js";
import { displayPath, type LedgerState } from "./ledger-file.js";

/** A document as list/show print it: without the figures and parties kept to render it again. */
export type DocumentSummary = Omit<IssuedDocumentJson, "billing" | "seller" | "buyer"> & { total: string };

/** A record without its (large) row columns: what list/show print. */
export type RecordSummary = Omit<LedgerRecord, "billed" | "reversed" | "config" | "issued"> & { billed_rows: number; reversed_rows: number; issued?: DocumentSummary[] };

export function summarise(r: LedgerRecord): RecordSummary {
  const { billed, reversed, config: _config, issued, ...rest } = r;
  return {
    ...rest,
    billed_rows: rowCount(billed),
    reversed_rows: rowCount(reversed),
    ...(issued ? { issued: issued.map(({ billing, seller: _s, buyer: _b, ...d }) => ({ ...d, total: billing.total })) } : {}),
  };
}

export function listData(state: LedgerState): { ledger: string; verified: true; periods: RecordSummary[] } {
  return { ledger: displayPath(state.path), verified: true, periods: state.records.map(summarise) };
}

/** Left-align text columns, right-align the columns named in `right`. */
function table(head: string[], body: string[][], right: ReadonlySet<number>): string[] {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => (row[c] ?? "").length)));
  const fmt = (row: string[]) =>
    row
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [fmt(head), ...body.map(fmt)];
}

/** Rows with a status, summed over kinds: rows may be counted per status ("included") or per kind ("hours.included"). */
export function statusCount(rows: Record<string, number>, status: string): number {
  let n = 0;
  for (const [k, v] of Object.entries(rows)) if (k === status || k.endsWith(`.${status}`)) n += v;
  return n;
}

const money = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : JSON.stringify(v));

/** The reserve history and headline totals, one line per closed period. */
export function listText(state: LedgerState): string {
  const file = displayPath(state.path);
  if (state.records.length === 0) return `${file}: geen afgesloten periodes / no closed periods yet\n`;
  const head = ["#", "periode/period", "van/from", "tot/to", "rijen/rows", "correcties/corrections", "omzet/revenue", "reserve begin/opening", "reserve einde/closing", "hash"];
  const body = state.records.map((r) => [
    String(r.seq),
    r.period,
    r.from,
    r.to,
    String(statusCount(r.rows, "included")),
    // late rows billed plus closed rows reversed
    String(statusCount(r.rows, "adjustment") + rowCount(r.reversed)),
    money(r.totals.revenue),
    r.opening_reserve,
    r.closing_reserve,
    r.hash.slice(0, 12),
  ]);
  const n = state.records.length;
  return `${file}: ${n} ${n === 1 ? "afgesloten periode / closed period" : "afgesloten periodes / closed periods"}, keten in orde / chain verified\n${table(head, body, new Set([0, 4, 5, 6, 7, 8])).join("\n")}\n`;
}

const NAME_KEYS = ["nec_partner", "se_partner", "partner", "name"];

/**
 * Flatten nested totals to dotted keys ("shares.A": "12.00"); list items are
 * named by their partner when they have one ("invoices[Flexer].total").
 */
function flatten(v: unknown, path: string, out: [string, string][]): void {
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const rec = item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
      const nameKey = rec ? NAME_KEYS.find((k) => typeof rec[k] === "string") : undefined;
      if (rec && nameKey) {
        const { [nameKey]: name, ...rest } = rec;
        flatten(rest, `${path}[${String(name)}]`, out);
      } else flatten(item, `${path}[${i}]`, out);
    });
  } else if (v !== null && typeof v === "object") {
    for (const k of Object.keys(v).sort()) flatten((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
  } else out.push([path, money(v)]);
}

export function showText(r: LedgerRecord): string {
  const lines: string[] = [
    `record ${r.seq}: ${r.period} (${r.from}..${r.to})`,
    `  hash            ${r.hash}`,
    `  prev_hash       ${r.prev_hash}`,
    `  beleid/policy   profit: ${r.policy.profit}, shortfall: ${r.policy.shortfall}`,
    `  config sha256   ${r.config_sha256}`,
    "invoer/inputs:",
    ...table(
      ["  soort/kind", "bestand/file", "rijen/rows", "sha256"],
      r.inputs.map((i) => [`  ${i.kind}`, i.file, String(i.rows), i.sha256.slice(0, 16)]),
      new Set([2]),
    ),
    "rijen/rows:",
    ...table(["  status", "aantal/count"], Object.keys(r.rows).sort().map((k) => [`  ${k}`, String(r.rows[k])]), new Set([1])),
    "totalen/totals:",
  ];
  const totals: [string, string][] = [];
  flatten(r.totals, "", totals);
  lines.push(...table(["  post/item", "bedrag/amount"], totals.map(([k, v]) => [`  ${k}`, v]), new Set([1])));
  lines.push(`reserve begin/opening  ${r.opening_reserve}`, `reserve einde/closing  ${r.closing_reserve}`);
  if (r.issued && r.issued.length > 0) {
    lines.push(
      `documenten/documents${r.invoicing ? ` (factuurdatum/invoice date ${r.invoicing.invoice_date})` : ""}:`,
      ...table(
        ["  nummer/number", "soort/kind", "partner", "datum/date", "vervalt/due", "mededeling/reference", "totaal/total", ""],
        r.issued.map((d) => [
          `  ${d.number}`,
          d.kind,
          d.nec_partner,
          d.issue_date,
          d.due_date,
          d.payment_reference,
          d.billing.total,
          [d.carried_over ? "kept/behouden" : "", d.reverses ? `reverses ${d.reverses.number}` : "", d.reversed_by ? `reversed by ${d.reversed_by}` : ""].filter((x) => x).join(", "),
        ]),
        new Set([6]),
      ),
    );
  }
  if (r.outputs && Object.keys(r.outputs).length > 0) {
    lines.push("uitvoer/outputs:", ...Object.keys(r.outputs).sort().map((k) => `  ${k}  ${r.outputs![k]}`));
  }
  return `${lines.join("\n")}\n`;
}

export type InputCheck = { period: string; kind: string; file: string; status: "unchanged" | "changed" | "missing" };

/**
 * Re-read every recorded input file (paths relative to the ledger's folder)
 * and compare its SHA-256 with the one recorded at its close.
 */
export async function checkInputs(state: LedgerState, displayBase?: string): Promise<InputCheck[]> {
  const base = dirname(state.path);
  // Shown relative to the config's folder (`displayBase`) like every other message; else as recorded (relative to the ledger).
  const shown = (abs: string, recorded: string) => (displayBase === undefined ? recorded : relative(displayBase, abs).split(sep).join("/") || ".");
  const hashes = new Map<string, string | undefined>();
  const out: InputCheck[] = [];
  for (const r of state.records) {
    for (const i of r.inputs) {
      const abs = resolve(base, i.file);
      if (!hashes.has(abs)) {
        try {
          hashes.set(abs, createHash("sha256").update(await readFile(abs)).digest("hex"));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
          hashes.set(abs, undefined);
        }
      }
      const now = hashes.get(abs);
      out.push({ period: r.period, kind: i.kind, file: shown(abs, i.file), status: now === undefined ? "missing" : now === i.sha256 ? "unchanged" : "changed" });
    }
  }
  return out;
}
