// One ledger record per closed period, and its place in the hash chain:
// `hash` covers the whole record (including prev_hash), so changing any
// earlier record breaks every link after it.
import { createHash } from "node:crypto";
import { z } from "../schema/zod.js";
import { canonicalJson } from "./canonical-json.js";
import type { BilledColumns, RowIdColumns } from "./billed-rows.js";
import { IssuedDocumentSchema, type IssuedDocumentJson } from "./issued-json.js";

export type LedgerInput = {
  kind: string;
  file: string;
  sha256: string;
  rows: number;
  /** Hours and benefits files: the NEC partners of the rows read from it (what a cumulative export restates later). */
  nec_partners?: string[];
};

/** A staff row as charged (exact decimal text; no file or line: the row may leave the exports). */
export type StaffRowJson = { partner: string; period: string; role: string; fte: string; cost?: string; subsidy?: string };
/** An other cost as charged. */
export type CostJson = { date: string; description: string; amount: string };

/** What the close's own period was charged, before corrections of earlier periods (what later corrections restate). */
export type OwnPeriodJson = {
  /** SE partners active in the period: active days, own share of its revenue, own net staff cost. */
  se_partners: { name: string; days: number; share: string; staff_cost: string }[];
  other_costs: string;
  /** Staff rows and costs charged for the period. */
  staff: StaffRowJson[];
  costs: CostJson[];
};

/** Corrections of one closed period made by this close: every figure is a change. */
export type CorrectionJson = {
  period: string;
  /** Revenue correction: Σ correction invoice lines of that period. */
  revenue: string;
  /** Per SE partner: change of its share and staff cost in that period. */
  se_partners: { name: string; share: string; staff_cost: string }[];
  other_costs: string;
  staff_added: StaffRowJson[];
  staff_removed: StaffRowJson[];
  costs_added: CostJson[];
  costs_removed: CostJson[];
};

/** The presentation options of a close's output set. */
export type PresentationJson = { formats: string[]; csv_style: string; language: string };

/** A numbered document of a close (issued-json.ts). */
export type IssuedDocument = IssuedDocumentJson;

export type LedgerRecord = {
  seq: number;
  /** Period label as normalised by parsePeriod ("2025-03", "2025-Q1"). */
  period: string;
  from: string;
  to: string;
  policy: { profit: string; shortfall: string };
  config_sha256: string;
  /** The canonical config object, so a re-close with another config can say which keys changed (optional). */
  config?: unknown;
  /** Input files; `file` is relative to the ledger's folder, with forward slashes. */
  inputs: LedgerInput[];
  /** Row counts per status (included, adjustment, already_closed, deferred, before_start). */
  rows: Record<string, number>;
  /** Every hours and benefit row billed in this close (included and late), with what a reversal needs (billed-rows.ts). */
  billed: BilledColumns;
  /** Ids of closed rows this close reversed (withdrawn by a restating export). */
  reversed: RowIdColumns;
  /** This close's own period, before corrections (restated later by corrections). */
  own: OwnPeriodJson;
  /** Corrections of earlier closed periods made by this close. */
  corrections: CorrectionJson[];
  /**
   * Numbered documents of this close (issue 12), in number order: those it
   * issued, and those of an earlier close of the period it redid (kept, or
   * marked reversed); absent or empty: none.
   */
  issued?: IssuedDocument[];
  /** Present when the close ran with an `invoicing:` block: the issue date of the documents it issued. */
  invoicing?: { invoice_date: string };
  /** invoices, revenue, shares, settlement, reserve: money as strings. */
  totals: Record<string, unknown>;
  opening_reserve: string;
  closing_reserve: string;
  /** Output file name → sha256 (optional). */
  outputs?: Record<string, string>;
  /**
   * How the close wrote its output set (formats, CSV style, language): what a
   * re-close or `ledger repair-outputs` needs to reproduce its bytes. Absent in
   * records written before menerva kept it.
   */
  presentation?: PresentationJson;
  /** `hash` of the previous record; 64 zeros for the first. */
  prev_hash: string;
  /** sha256 hex of canonicalJson(record without "hash"). */
  hash: string;
};

export const GENESIS_HASH = "0".repeat(64);

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The hash a record must carry: over its canonical JSON without the `hash` key. */
export function recordHash(r: Omit<LedgerRecord, "hash"> & { hash?: string }): string {
  const { hash: _ignored, ...content } = r;
  return sha256(canonicalJson(content));
}

/** The record as one ledger line (without the line end). */
export const recordLine = (r: LedgerRecord): string => canonicalJson(r);

/**
 * Chain a new record onto `prev` (undefined for the first close): sets seq,
 * prev_hash and hash. Invariant: verifyLedger accepts [...records, sealRecord(r, last)].
 */
export function sealRecord(r: Omit<LedgerRecord, "hash" | "prev_hash" | "seq">, prev: LedgerRecord | undefined): LedgerRecord {
  const body: Omit<LedgerRecord, "hash"> = {
    ...r,
    seq: prev ? prev.seq + 1 : 1,
    prev_hash: prev ? prev.hash : GENESIS_HASH,
  };
  // round-trip through canonical JSON: drops undefined keys and rejects floats now, not at append time
  const clean = JSON.parse(canonicalJson(body)) as Omit<LedgerRecord, "hash">;
  return { ...clean, hash: recordHash(clean) };
}

const HEX64 = /^[0-9a-f]{64}$/;

const money = z.string();
const staffRow = z.object({ partner: z.string(), period: z.string(), role: z.string(), fte: z.string(), cost: z.string().optional(), subsidy: z.string().optional() });
const cost = z.object({ date: z.string(), description: z.string(), amount: money });
const idColumns = z.object({ fp: z.string(), occ: z.array(z.tuple([z.number().int(), z.number().int()])) });

/** Shape check for a parsed ledger line; content is checked by the hash. */
export const LedgerRecordSchema = z
  .object({
    seq: z.number().int().positive(),
    period: z.string(),
    from: z.string(),
    to: z.string(),
    policy: z.object({ profit: z.string(), shortfall: z.string() }),
    config_sha256: z.string(),
    config: z.unknown().optional(),
    inputs: z.array(z.object({ kind: z.string(), file: z.string(), sha256: z.string(), rows: z.number().int().nonnegative(), nec_partners: z.array(z.string()).optional() })),
    rows: z.record(z.string(), z.number().int()),
    billed: idColumns.extend({
      partners: z.array(z.string()),
      candidates: z.array(z.string()),
      prices: z.array(z.union([z.tuple([z.literal("h"), z.string()]), z.tuple([z.literal("b"), z.string(), z.string()])])),
      groups: z.array(z.tuple([z.number().int(), z.string(), z.number().int(), z.number().int()])),
      qty: z.string(),
      cand: z.string(),
    }),
    reversed: idColumns,
    own: z.object({
      se_partners: z.array(z.object({ name: z.string(), days: z.number().int(), share: money, staff_cost: money })),
      other_costs: money,
      staff: z.array(staffRow),
      costs: z.array(cost),
    }),
    corrections: z.array(
      z.object({
        period: z.string(),
        revenue: money,
        se_partners: z.array(z.object({ name: z.string(), share: money, staff_cost: money })),
        other_costs: money,
        staff_added: z.array(staffRow),
        staff_removed: z.array(staffRow),
        costs_added: z.array(cost),
        costs_removed: z.array(cost),
      }),
    ),
    issued: z.array(IssuedDocumentSchema).optional(),
    invoicing: z.object({ invoice_date: z.string() }).optional(),
    totals: z.record(z.string(), z.unknown()),
    opening_reserve: z.string(),
    closing_reserve: z.string(),
    outputs: z.record(z.string(), z.string()).optional(),
    presentation: z.object({ formats: z.array(z.string()), csv_style: z.string(), language: z.string() }).optional(),
    prev_hash: z.string().regex(HEX64),
    hash: z.string().regex(HEX64),
  })
  .loose();
