// The ledger's archive (`<ledger>.archive.jsonl`): records removed by
// `close --reopen` and `ledger undo`, one per line, each sealed on its own
// (not a chain: a period may be archived several times). It matters to the
// numbering in one case: `ledger undo --credit` archives a close whose
// documents it reversed (marked `undone_credited`); those numbers stay used,
// and the next close carries the documents back into the ledger. The
// ledger's head counts the document numbers ledger and archive hold
// together (ledger-head.ts), so an archive lost in between is noticed.
import { readFile } from "node:fs/promises";
import { error, fail, ok, t, type Result } from "../domain/issues.js";
import { documentsOf, type IssuedDocumentJson } from "./issued-json.js";
import { displayPath } from "./ledger-file.js";
import { LedgerRecordSchema, recordHash, type LedgerRecord } from "./record.js";

/** An archived record of a close undone with credit notes. */
export type UndoneRecord = LedgerRecord & { undone_credited: true };

export const isUndoneCredited = (r: LedgerRecord): r is UndoneRecord => (r as { undone_credited?: unknown }).undone_credited === true;

/** Read the archive (missing: empty); every line must be a record whose hash holds. */
export async function readArchive(path: string): Promise<Result<LedgerRecord[]>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return ok([]);
    throw e;
  }
  const out: LedgerRecord[] = [];
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const shape = LedgerRecordSchema.safeParse(parsed);
    if (!shape.success || recordHash(shape.data as LedgerRecord) !== (shape.data as LedgerRecord).hash) {
      // Only records of undone, credited closes matter to the numbering; anything else unreadable is left alone.
      if (line.includes('"undone_credited":true')) {
        return fail([
          error("archive-damaged", {}, { source: { file: displayPath(path), line: i + 1 }, hint: t("archive-damaged.hint") }),
        ]);
      }
      continue;
    }
    out.push(shape.data as LedgerRecord);
  }
  return ok(out);
}

/** Documents of undone, credited closes that no record of the ledger holds (yet). */
export function pendingDocuments(archive: readonly LedgerRecord[], live: readonly LedgerRecord[]): IssuedDocumentJson[] {
  const held = new Set(live.flatMap((r) => (r.issued ?? []).map((d) => d.number)));
  return documentsOf(archive.filter(isUndoneCredited)).filter((d) => !held.has(d.number));
}

/**
 * An `ledger undo --credit` of the ledger's last record that was killed after
 * it archived the record with its credit notes but before the ledger lost it:
 * the archived, credited version of `last`, if there is one. Its credit notes
 * are issued (their files were written first); the undo is finished by
 * removing the record, never by crediting again.
 */
export function interruptedUndo(archive: readonly LedgerRecord[], last: LedgerRecord | undefined): UndoneRecord | undefined {
  if (!last) return undefined;
  const mine = new Set((last.issued ?? []).map((d) => d.number));
  return archive.filter(isUndoneCredited).find((a) => {
    const undid = (a as { undone_record?: unknown }).undone_record;
    if (typeof undid === "string") return undid === last.hash;
    // archived before undone_record was kept: the same place in the chain, the record's documents and more (the credit notes)
    const numbers = (a.issued ?? []).map((d) => d.number);
    return a.seq === last.seq && a.prev_hash === last.prev_hash && a.period === last.period && [...mine].every((n) => numbers.includes(n)) && numbers.some((n) => !mine.has(n));
  });
}
