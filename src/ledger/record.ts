// One ledger record per closed period, and its place in the hash chain:
// `hash` covers the whole record (including prev_hash), so changing any
// earlier record breaks every link after it.
import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "./canonical-json.js";

export type LedgerInput = { kind: string; file: string; sha256: string; rows: number };

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
  /** Occurrence-aware ids ("<fp>#<n>") of every row included or adjusted in this close, in input order (files sorted, then lines): deterministic without a sort of a million ids. */
  included: string[];
  /** invoices, revenue, shares, settlement, reserve: money as strings. */
  totals: Record<string, unknown>;
  opening_reserve: string;
  closing_reserve: string;
  /** Output file name → sha256 (optional). */
  outputs?: Record<string, string>;
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
 * prev_hash and hash. `included` keeps the caller's order (the close gives
 * input order, which is deterministic; sorting a million ids cost seconds). Invariant: verifyLedger accepts [...records, sealRecord(r, last)].
 */
export function sealRecord(r: Omit<LedgerRecord, "hash" | "prev_hash" | "seq">, prev: LedgerRecord | undefined): LedgerRecord {
  const body: Omit<LedgerRecord, "hash"> = {
    ...r,
    included: [...r.included],
    seq: prev ? prev.seq + 1 : 1,
    prev_hash: prev ? prev.hash : GENESIS_HASH,
  };
  // round-trip through canonical JSON: drops undefined keys and rejects floats now, not at append time
  const clean = JSON.parse(canonicalJson(body)) as Omit<LedgerRecord, "hash">;
  return { ...clean, hash: recordHash(clean) };
}

const HEX64 = /^[0-9a-f]{64}$/;

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
    inputs: z.array(z.object({ kind: z.string(), file: z.string(), sha256: z.string(), rows: z.number().int().nonnegative() })),
    rows: z.record(z.string(), z.number().int()),
    included: z.array(z.string()),
    totals: z.record(z.string(), z.unknown()),
    opening_reserve: z.string(),
    closing_reserve: z.string(),
    outputs: z.record(z.string(), z.string()).optional(),
    prev_hash: z.string().regex(HEX64),
    hash: z.string().regex(HEX64),
  })
  .loose();
