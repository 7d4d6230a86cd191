// A ledger record whose billed columns live in files or in one buffer (issue 15): a close of
// millions of rows writes its record without holding it. The record is the
// same canonical JSON line as record.ts makes — `billed` is the first key in
// sorted order, so the line is `{"billed":` + the columns' file + the rest —
// and its hash is computed while streaming it. Appending copies the ledger,
// adds the line and renews the head, atomically (temp, fsync, rename), as
// ledger-file.ts appendRecord does for a record in memory.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { writeFilesAtomically } from "../adapters/atomic-write.js";
import { error } from "../domain/issues.js";
import type { BilledColumns } from "./billed-rows.js";
import { canonicalJson } from "./canonical-json.js";
import { headPathFor, headText } from "./ledger-head.js";
import { displayPath, documentsHeld, LedgerError, readLedger } from "./ledger-file.js";
import { GENESIS_HASH, recordLine, type LedgerRecord } from "./record.js";

/** A piece of the billed columns' canonical JSON: text, bytes in memory, or the first `bytes` of a file. */
export type BilledPart = string | Uint8Array | { readonly path: string; readonly bytes: number };

/** A sealed record whose `billed` is the canonical JSON made of `billed` parts. */
export type StreamedRecord = {
  readonly record: Omit<LedgerRecord, "billed">;
  readonly billed: readonly BilledPart[];
  readonly hash: string;
};

async function* billedBytes(parts: readonly BilledPart[]): AsyncGenerator<Buffer> {
  for (const p of parts) {
    if (typeof p === "string") yield Buffer.from(p, "utf8");
    else if (p instanceof Uint8Array) {
      if (p.length > 0) yield Buffer.from(p.buffer, p.byteOffset, p.byteLength);
    } else if (p.bytes > 0) for await (const chunk of createReadStream(p.path, { start: 0, end: p.bytes - 1, highWaterMark: 1 << 20 })) yield chunk as Buffer;
  }
}

/** Chain a record onto `prev` (sealRecord for a record whose billed columns are in files). */
export async function sealStreamed(body: Omit<LedgerRecord, "hash" | "prev_hash" | "seq" | "billed">, billed: readonly BilledPart[], prev: LedgerRecord | undefined): Promise<StreamedRecord> {
  const withLink = { ...body, seq: prev ? prev.seq + 1 : 1, prev_hash: prev ? prev.hash : GENESIS_HASH };
  // round-trip through canonical JSON, as sealRecord does: drops undefined keys, rejects floats
  const clean = JSON.parse(canonicalJson(withLink)) as Omit<LedgerRecord, "hash" | "billed">;
  if ("billed" in clean) throw new Error("sealStreamed: billed is in the file");
  const h = createHash("sha256");
  h.update('{"billed":');
  for await (const b of billedBytes(billed)) h.update(b);
  h.update(`,${canonicalJson(clean).slice(1)}`);
  const hash = h.digest("hex");
  return { record: { ...clean, hash }, billed, hash };
}

/** Write the record's ledger line (without the line end) to `fh`. */
async function writeLine(fh: FileHandle, r: StreamedRecord): Promise<void> {
  await fh.write('{"billed":');
  for await (const b of billedBytes(r.billed)) await fh.write(b);
  await fh.write(`,${canonicalJson(r.record).slice(1)}`);
}

/** The whole record in memory (for --reopen and a refused re-close, which compare or archive records). */
export async function materialize(r: StreamedRecord): Promise<LedgerRecord> {
  const texts: Buffer[] = [];
  for await (const b of billedBytes(r.billed)) texts.push(b);
  const billed = JSON.parse(Buffer.concat(texts).toString("utf8")) as BilledColumns;
  return { billed, ...r.record } as LedgerRecord;
}

/**
 * Append a sealed streamed record: re-read and check the ledger, require the
 * record to chain onto its last record, then replace ledger and head
 * atomically. Call it while holding the lock (lock.ts).
 */
export async function appendStreamedRecord(path: string, r: StreamedRecord): Promise<void> {
  const state = await readLedger(path);
  if (!state.ok) throw new LedgerError(state.issues);
  const records = state.value.records;
  const last = records[records.length - 1];
  const at = { source: { file: displayPath(path), line: records.length + 1 }, subject: `record ${r.record.seq} (${r.record.period})` };
  if (r.record.seq !== records.length + 1 || r.record.prev_hash !== (last ? last.hash : GENESIS_HASH)) {
    throw new LedgerError([error("ledger-chain", { previous: last ? `record ${last.seq} (${last.period})` : "" }, at)]);
  }
  if (last && !(r.record.from > last.to)) {
    throw new LedgerError([error("ledger-order", { period: `${r.record.from}..${r.record.to}`, previous: `record ${last.seq} (${last.period}) (${last.from}..${last.to})` }, at)]);
  }
  const all = [...records, { ...r.record } as LedgerRecord];
  const head = headText(path, all, await documentsHeld(path, all));
  await writeFilesAtomically([
    {
      path,
      data: async (fh) => {
        for (const rec of records) await fh.write(`${recordLine(rec)}\n`);
        await writeLine(fh, r);
        await fh.write("\n");
      },
    },
    { path: headPathFor(path), data: head },
  ]);
}
