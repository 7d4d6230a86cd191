// Views of the ledger for `menerva ledger list|show|verify`: plain data (for
// --json) and aligned text tables in the run's language (amounts as stored,
// exact, in the language's number style).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { t, type PlainKey } from "../domain/issues.js";
import type { Lang } from "../i18n/lang.js";
import { localNumber } from "../i18n/numbers.js";
import { render } from "../i18n/render.js";
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

const money = (v: unknown, lang: Lang): string => (typeof v === "string" ? localNumber(v, lang) : v === undefined ? "" : JSON.stringify(v));

/** The reserve history and headline totals, one line per closed period. */
export function listText(state: LedgerState, lang: Lang = "en"): string {
  const w = (k: PlainKey) => render({ key: k }, lang);
  const file = displayPath(state.path);
  if (state.records.length === 0) return `${render(t("ledger.list.empty", { file }), lang)}\n`;
  const head = ["#", w("ledger.period"), w("ledger.from"), w("ledger.to"), w("ledger.rows"), w("ledger.corrections"), w("ledger.revenue"), w("ledger.opening"), w("ledger.closing"), "hash", w("ledger.documents")];
  const body = state.records.map((r) => [
    String(r.seq),
    r.period,
    r.from,
    r.to,
    String(statusCount(r.rows, "included")),
    // late rows billed plus closed rows reversed
    String(statusCount(r.rows, "adjustment") + rowCount(r.reversed)),
    money(r.totals.revenue, lang),
    money(r.opening_reserve, lang),
    money(r.closing_reserve, lang),
    r.hash.slice(0, 12),
    numberRanges((r.issued ?? []).map((d) => d.number)),
  ]);
  const n = state.records.length;
  return `${render(t("ledger.list.head", { file, count: n }), lang)}\n${table(head, body, new Set([0, 4, 5, 6, 7, 8])).join("\n")}\n`;
}

/**
 * Document numbers in runs, as `ledger verify` names a series:
 * "MEN2025-0001..MEN2025-0003, MEN2025-0007" (a run: the same prefix and
 * width, each number one more than the one before).
 */
export function numberRanges(numbers: readonly string[]): string {
  const runs: { first: string; last: string; prefix: string; width: number; n: number }[] = [];
  for (const num of numbers) {
    const m = /^(.*?)(\d+)$/.exec(num);
    const prev = runs[runs.length - 1];
    if (m && prev && prev.prefix === m[1] && prev.width === m[2]!.length && Number(m[2]) === prev.n + 1) {
      prev.last = num;
      prev.n += 1;
    } else runs.push({ first: num, last: num, prefix: m?.[1] ?? num, width: m?.[2]?.length ?? -1, n: m ? Number(m[2]) : NaN });
  }
  return runs.map((r) => (r.first === r.last ? r.first : `${r.first}..${r.last}`)).join(", ");
}

const NAME_KEYS = ["nec_partner", "se_partner", "partner", "name"];

/**
 * Flatten nested totals to dotted keys ("shares.A": "12.00"); list items are
 * named by their partner when they have one ("invoices[Flexer].total").
 */
function flatten(v: unknown, path: string, out: [string, string][], lang: Lang): void {
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const rec = item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
      const nameKey = rec ? NAME_KEYS.find((k) => typeof rec[k] === "string") : undefined;
      if (rec && nameKey) {
        const { [nameKey]: name, ...rest } = rec;
        flatten(rest, `${path}[${String(name)}]`, out, lang);
      } else flatten(item, `${path}[${i}]`, out, lang);
    });
  } else if (v !== null && typeof v === "object") {
    for (const k of Object.keys(v).sort()) flatten((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out, lang);
  } else out.push([path, money(v, lang)]);
}

export function showText(r: LedgerRecord, lang: Lang = "en"): string {
  const w = (k: PlainKey) => render({ key: k }, lang);
  const label = (k: PlainKey) => w(k).padEnd(16);
  const lines: string[] = [
    `record ${r.seq}: ${r.period} (${r.from}..${r.to})`,
    `  ${label("ledger.hash")}${r.hash}`,
    `  ${label("ledger.prev-hash")}${r.prev_hash}`,
    `  ${label("ledger.policy")}profit: ${r.policy.profit}, shortfall: ${r.policy.shortfall}`,
    `  ${label("ledger.config-hash")}${r.config_sha256}`,
    `${w("ledger.inputs")}:`,
    ...table(
      [`  ${w("ledger.kind")}`, w("ledger.file"), w("ledger.rows"), "sha256"],
      r.inputs.map((i) => [`  ${i.kind}`, i.file, String(i.rows), i.sha256.slice(0, 16)]),
      new Set([2]),
    ),
    `${w("ledger.rows")}:`,
    ...table(["  status", w("ledger.count")], Object.keys(r.rows).sort().map((k) => [`  ${k}`, String(r.rows[k])]), new Set([1])),
    `${w("ledger.totals")}:`,
  ];
  const totals: [string, string][] = [];
  flatten(r.totals, "", totals, lang);
  lines.push(...table([`  ${w("ledger.item")}`, w("ledger.amount")], totals.map(([k, v]) => [`  ${k}`, v]), new Set([1])));
  const width = Math.max(w("ledger.opening").length, w("ledger.closing").length) + 2;
  lines.push(`${w("ledger.opening").padEnd(width)}${money(r.opening_reserve, lang)}`, `${w("ledger.closing").padEnd(width)}${money(r.closing_reserve, lang)}`);
  if (r.issued && r.issued.length > 0) {
    const says = (text: Parameters<typeof render>[0]) => render(text, lang);
    lines.push(
      `${w("ledger.documents")}${r.invoicing ? ` (${says(t("ledger.documents.invoice-date", { date: r.invoicing.invoice_date }))})` : ""}:`,
      ...table(
        [`  ${w("ledger.doc.number")}`, w("ledger.kind"), "partner", w("ledger.doc.date"), w("ledger.doc.due"), w("ledger.doc.reference"), w("ledger.doc.total"), ""],
        r.issued.map((d) => [
          `  ${d.number}`,
          w(d.kind === "credit_note" ? "document.credit-note" : "document.invoice"),
          d.nec_partner,
          d.issue_date,
          d.due_date,
          d.payment_reference,
          money(d.billing.total, lang),
          [
            d.carried_over ? w("ledger.doc.kept") : "",
            d.reverses ? says(t("ledger.doc.reverses", { number: d.reverses.number })) : "",
            d.reversed_by ? says(t("ledger.doc.reversed-by", { number: d.reversed_by })) : "",
          ]
            .filter((x) => x)
            .join(", "),
        ]),
        new Set([6]),
      ),
    );
  }
  if (r.outputs && Object.keys(r.outputs).length > 0) {
    lines.push(`${w("ledger.outputs")}:`, ...Object.keys(r.outputs).sort().map((k) => `  ${k}  ${r.outputs![k]}`));
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
