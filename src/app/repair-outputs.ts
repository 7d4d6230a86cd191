// Use case: `menerva ledger repair-outputs [PERIOD]` (QA report 1 #2). Put a
// closed period's output folder back to its closed set without changing the
// books: the ledger is only read (under the lock, so no close runs meanwhile).
//
// What can be reproduced byte for byte is: the close of the period computed
// again from its ledger record and the exports gives the same record (the
// exports are as they were at the close) → the whole set is rewritten, the
// same bytes as closed, in the presentation the record keeps. Otherwise
// - same billed rows and config, exports changed only outside the period (the
//   re-close outcome `unchanged`): files whose bytes the close still gives
//   (the documents, rendered from the record's `issued` snapshot, and most
//   tables) are restored to what SHA256SUMS lists; when some cannot be (the
//   row list holds today's rows), the whole set is rewritten from today's
//   exports: the same figures, ledger record and documents, the row lists and
//   input hashes of today's exports — and it says so;
// - other billed rows or config (a re-close would be refused): only the
//   documents can be rendered from the record; they are restored, and the
//   files left are named with the way out (put the exports of the close back).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { writeFilesAtomically, type OutputFile } from "../adapters/atomic-write.js";
import { loadConfig } from "../adapters/config-file.js";
import { MANIFEST, parseManifest, repairOutputSets, writeOutputSet } from "../adapters/output-folder.js";
import { error, t, type Issue, type Text } from "../domain/issues.js";
import type { Lang } from "../i18n/lang.js";
import { render } from "../i18n/render.js";
import { parsePeriod } from "../domain/period.js";
import { issuedFromJson } from "../ledger/issued-json.js";
import { displayPath, readLedger, type LedgerState } from "../ledger/ledger-file.js";
import { acquireLock } from "../ledger/lock.js";
import type { LedgerRecord } from "../ledger/record.js";
import { readCloseInputs } from "./close.js";
import { documentFiles, documentPath, renderDocuments } from "./close-documents.js";
import { recordedPresentation } from "./close-presentation.js";
import { closeOn } from "./close-run.js";
import { checkRecordFolder } from "./verify-outputs.js";

export type RepairStatus =
  /** The folder held its closed set: nothing written. */
  | "complete"
  /** No folder (the close may have written elsewhere with --out): written only when the period is named. */
  | "absent"
  /** The whole set rewritten from the record and the exports as they were at the close: the same bytes. */
  | "rewritten"
  /** Files put back to the bytes SHA256SUMS lists (the rest was whole). */
  | "restored"
  /** The whole set rewritten from today's exports: the same figures, record and documents; other row lists. */
  | "rewritten-from-exports"
  /** Files left that cannot be reproduced from the record and today's exports. */
  | "incomplete";

export type RepairResult = {
  readonly period: string;
  readonly folder: string;
  readonly status: RepairStatus;
  /** Files written (restored or rewritten), relative to the folder. */
  readonly written: readonly string[];
  /** Files that are still not as the closed set lists them. */
  readonly left: readonly string[];
  /** Why the close could not reproduce the set, for `incomplete` and `rewritten-from-exports` (words: repairWhy). */
  readonly why?: RepairWhy;
  /** `incomplete` without a set to restore against: the whole set is left (the folder holds another close's outputs, or has no SHA256SUMS). */
  readonly wholeSet?: "other-close" | "no-manifest";
};

/** Why a set was not reproduced from the record: the exports changed outside the period, the close refused, or the exports cannot be read. */
export type RepairWhy =
  | { readonly kind: "exports-changed"; readonly period: string }
  | { readonly kind: "refused"; readonly problems: readonly Text[] }
  | { readonly kind: "unreadable"; readonly problems: readonly Text[] };

/** A refusal's message on one line: its first line and up to three of the lines under it. */
function firstLines(message: string): string {
  const lines = message.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return `${lines[0]!.replace(/:$/, "")}${lines.length > 1 ? `: ${lines.slice(1, 4).join("; ")}${lines.length > 4 ? "; …" : ""}` : ""}`;
}

/** The words of a RepairWhy in `lang` (the problems each on one line). */
export function repairWhy(why: RepairWhy, lang: Lang): string {
  if (why.kind === "exports-changed") return render(t("repair.why.exports-changed", { period: why.period }), lang);
  const problems = why.problems.map((p) => firstLines(render(p, lang))).join("; ");
  return why.kind === "refused" ? problems : render(t("repair.why.unreadable", { problems }), lang);
}

export type RepairOutcome =
  | { readonly ok: true; readonly results: readonly RepairResult[]; readonly notices: readonly Issue[] }
  | { readonly ok: false; readonly exit: 2 | 3; readonly issues: readonly Issue[] };

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
const nameIn = (dir: string, f: OutputFile): string => relative(dir, f.path).split(sep).join("/");

async function bytesOf(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * Put back every file SHA256SUMS lists whose bytes on disk differ, from the
 * candidates that have exactly the listed bytes; the manifest is not touched,
 * so a file left stays visible as changed. Undefined when there is no manifest.
 */
async function restoreListed(folder: string, candidates: readonly OutputFile[]): Promise<{ restored: string[]; left: string[] } | undefined> {
  const text = await bytesOf(join(folder, MANIFEST));
  if (text === undefined) return undefined;
  const byName = new Map(candidates.map((f) => [nameIn(folder, f), f]));
  const restore: OutputFile[] = [];
  const restored: string[] = [];
  const left: string[] = [];
  for (const [name, hash] of [...parseManifest(text.toString("utf8"))].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const there = await bytesOf(join(folder, name));
    if (there !== undefined && sha256(there) === hash) continue;
    const f = byName.get(name);
    if (f && sha256(f.data) === hash) {
      restore.push({ path: join(folder, name), data: f.data });
      restored.push(name);
    } else left.push(name);
  }
  if (restore.length > 0) await writeFilesAtomically(restore);
  return { restored, left };
}

/** The documents of a record rendered from its `issued` snapshot alone (and their journal), for `folder`. */
async function recordDocuments(r: LedgerRecord, folder: string, config: Awaited<ReturnType<typeof loadConfig>>): Promise<OutputFile[]> {
  const issued = r.issued ?? [];
  if (issued.length === 0) return [];
  const held = new Map(issued.map((d) => [d.number, d]));
  const rendered = await renderDocuments(issued.map((d) => ({ doc: issuedFromJson(d), status: "carried" as const })), held, true);
  const p = recordedPresentation(r);
  const accounts = config.ok ? config.value.invoicing?.accounts : undefined;
  // the journal needs the config's accounts: without them, the documents themselves
  if (!accounts) {
    return rendered.docs.flatMap((d) => [
      { path: join(folder, documentPath(d.doc.number, "xml")), data: d.xml },
      { path: join(folder, documentPath(d.doc.number, "pdf")), data: d.pdf },
    ]);
  }
  return documentFiles(rendered.docs, folder, accounts, p?.language ?? (config.ok ? config.value.model.language : "nl"), p?.csvStyle ?? "plain");
}

/** One closed period: check its folder and repair what can be repaired. */
async function repairOne(state: LedgerState, r: LedgerRecord, folder: string, configPath: string, config: Awaited<ReturnType<typeof loadConfig>>, named: boolean): Promise<RepairResult> {
  const base = { period: r.period, folder };
  const check = await checkRecordFolder(r, folder);
  if (check.status === "ok") return { ...base, status: "complete", written: [], left: [] };
  if (check.status === "missing" && !named) return { ...base, status: "absent", written: [], left: [] };

  let why: RepairWhy | undefined;
  const read = await readCloseInputs(configPath, r.period);
  if (read.ok) {
    const run = await closeOn(state, { ...read.value, period: read.value.period! }, { configPath, period: r.period, out: folder, dryRun: true }, []);
    if (run.ok && run.ledger === "reproduced") {
      const files = await run.render(folder);
      await writeOutputSet(folder, files);
      return { ...base, status: "rewritten", written: files.map((f) => nameIn(folder, f)), left: [] };
    }
    if (run.ok && run.ledger === "unchanged") {
      const files = await run.render(folder);
      const put = check.status === "changed" ? await restoreListed(folder, files) : undefined;
      if (put && put.left.length === 0) return { ...base, status: "restored", written: put.restored, left: [] };
      await writeOutputSet(folder, files);
      return {
        ...base,
        status: "rewritten-from-exports",
        written: files.map((f) => nameIn(folder, f)),
        left: [],
        why: { kind: "exports-changed", period: r.period },
      };
    }
    why = run.ok ? undefined : { kind: "refused", problems: run.issues.map((i) => i.message) };
  } else {
    why = { kind: "unreadable", problems: read.issues.filter((i) => i.severity === "error").slice(0, 2).map((i) => i.message) };
  }
  // Only the record's documents can be rendered: restore those.
  const docs = await recordDocuments(r, folder, config);
  const put = check.status === "changed" ? await restoreListed(folder, docs) : undefined;
  const left = put?.left ?? [];
  const wholeSet = put ? undefined : check.status === "other-close" ? "other-close" : "no-manifest";
  return { ...base, status: put && left.length === 0 ? "restored" : "incomplete", written: put?.restored ?? [], left, ...(wholeSet ? { wholeSet } : {}), ...(why ? { why } : {}) };
}

/** Repair the output folders of the closed periods (or of `period`) under `root` (default: the config's output folder). */
export async function repairOutputs(opts: { readonly configPath: string; readonly period?: string; readonly root?: string }): Promise<RepairOutcome> {
  const config = await loadConfig(opts.configPath);
  if (!config.ok) return { ok: false, exit: 2, issues: config.issues };
  const ledgerPath = config.value.ledger;
  const first = await readLedger(ledgerPath);
  if (!first.ok) return { ok: false, exit: 3, issues: first.issues };
  const wanted = opts.period === undefined ? undefined : (parsePeriod(opts.period)?.label ?? opts.period.trim());
  if (wanted !== undefined && !first.value.records.some((r) => r.period === wanted)) {
    const closed = first.value.records.map((r) => r.period);
    return {
      ok: false,
      exit: 2,
      issues: [
        error("period-not-closed", {}, {
          source: { file: displayPath(ledgerPath) },
          found: opts.period,
          hint: closed.length > 0 ? t("period-not-closed.hint", { closed: closed.join(", ") }) : t("period-not-closed.hint-none"),
        }),
      ],
    };
  }
  if (first.value.records.length === 0) return { ok: true, results: [], notices: first.warnings };
  const lock = await acquireLock(ledgerPath);
  if (!lock.ok) return { ok: false, exit: 3, issues: lock.issues };
  try {
    const ledger = await readLedger(ledgerPath); // again, under the lock
    if (!ledger.ok) return { ok: false, exit: 3, issues: ledger.issues };
    const root = resolve(opts.root ?? config.value.output);
    await repairOutputSets(root); // finish switches a killed close left behind
    const results: RepairResult[] = [];
    for (const r of ledger.value.records) {
      if (wanted !== undefined && r.period !== wanted) continue;
      results.push(await repairOne(ledger.value, r, join(root, r.period), opts.configPath, config, wanted !== undefined));
    }
    return { ok: true, results, notices: [...lock.warnings, ...ledger.warnings] };
  } finally {
    await lock.value.release();
  }
}
