// How a close writes its output set — formats, CSV style, language — kept in
// its ledger record, so a re-close and `ledger repair-outputs` can reproduce
// the set's bytes, and a re-close with other options can say what differs.
// Also: what a write changed in a folder, file by file, against the set it
// replaced (its SHA256SUMS).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { MANIFEST, parseManifest, type OutputFile } from "../adapters/output-folder.js";
import type { LedgerRecord, PresentationJson } from "../ledger/record.js";
import { CSV_STYLES, type CsvStyle } from "../report/csv-text.js";
import { ALL_FORMATS, type OutputFormat } from "./close-outputs.js";

export type Presentation = { readonly formats: readonly OutputFormat[]; readonly csvStyle: CsvStyle; readonly language: "nl" | "en" };

/** The record's form: formats in their canonical order, each once. */
export function presentationJson(p: Presentation): PresentationJson {
  return { formats: ALL_FORMATS.filter((f) => p.formats.includes(f)), csv_style: p.csvStyle, language: p.language };
}

/** The presentation a record was written with; undefined for records written before menerva kept it. */
export function recordedPresentation(r: LedgerRecord | undefined): Presentation | undefined {
  const p = r?.presentation;
  if (!p) return undefined;
  const formats = p.formats.filter((f): f is OutputFormat => (ALL_FORMATS as readonly string[]).includes(f));
  const csvStyle = (CSV_STYLES as readonly string[]).includes(p.csv_style) ? (p.csv_style as CsvStyle) : undefined;
  const language = p.language === "nl" || p.language === "en" ? p.language : undefined;
  return csvStyle && language ? { formats, csvStyle, language } : undefined;
}

/** One presentation option a re-close writes differently from the close. */
export type PresentationChange = { readonly option: "formats" | "csv-style" | "lang"; readonly now: string; readonly closed: string };

/** The options of `now` that differ from the close's (in CLI option names). */
export function presentationChanges(now: Presentation, closed: Presentation): PresentationChange[] {
  const a = presentationJson(now);
  const b = presentationJson(closed);
  const out: PresentationChange[] = [];
  if (a.formats.join(",") !== b.formats.join(",")) out.push({ option: "formats", now: a.formats.join(","), closed: b.formats.join(",") });
  if (a.csv_style !== b.csv_style) out.push({ option: "csv-style", now: a.csv_style, closed: b.csv_style });
  if (a.language !== b.language) out.push({ option: "lang", now: a.language, closed: b.language });
  return out;
}

/**
 * What writing `files` into `dir` changes, file by file, against the files
 * there now (names relative to `dir`): changed bytes, new files, files of the
 * previous set (its SHA256SUMS) that the new set drops, and files left as they were.
 */
export type OutputsChange = {
  readonly changed: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly same: number;
};

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

export async function outputsChange(dir: string, files: readonly OutputFile[]): Promise<OutputsChange> {
  const now = new Map(files.map((f) => [relative(dir, f.path).split(sep).join("/"), f.data]));
  const changed: string[] = [];
  const added: string[] = [];
  let same = 0;
  for (const [name, data] of [...now].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let there: Buffer | undefined;
    try {
      there = await readFile(join(dir, name));
    } catch {
      there = undefined;
    }
    if (there === undefined) added.push(name);
    else if (sha256(there) === sha256(data)) same++;
    else changed.push(name);
  }
  let manifest = "";
  try {
    manifest = await readFile(join(dir, MANIFEST), "utf8");
  } catch {
    // no previous set
  }
  const removed = [...parseManifest(manifest).keys()].filter((n) => !now.has(n)).sort();
  return { changed, added, removed, same };
}
