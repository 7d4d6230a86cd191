// `menerva ledger list|show|verify|undo`: views of the period ledger, and
// undoing the last close. A ledger that does not verify is refused (exit 3),
// naming its first broken record.
import type { Command } from "commander";
import { error, formatIssue, formatSource, type Issue } from "../../domain/issues.js";
import { readCloseInputs } from "../../app/close.js";
import { verifyInputs, type InputsVerdict } from "../../app/verify-inputs.js";
import { undoLastClose } from "../../app/ledger-undo.js";
import { BilledTable, decodeIds } from "../../ledger/billed-rows.js";
import { addDays as nextDayOf } from "../../domain/period.js";

import { parsePeriod } from "../../domain/period.js";
import { archivePathFor, displayPath, readLedger, type LedgerState } from "../../ledger/ledger-file.js";
import { pendingDocuments, readArchive } from "../../ledger/archive.js";
import { checkDocuments } from "../../ledger/documents-check.js";
import { documentJson, issueJson } from "../../report/close-summary.js";
import { reportDocument } from "../../app/close-documents.js";
import { parseDate } from "./close.js";
import { resolveLedgerPath } from "../../ledger/ledger-path.js";
import { checkInputs, listData, listText, showText, summarise } from "../../ledger/ledger-report.js";
import { EXIT, UserError } from "../errors.js";
import { OUTPUT_FAILURES, outputChecksText, outputRootOf, verifyOutputs } from "../../app/verify-outputs.js";
import { resolve } from "node:path";
import { repairOutputs, type RepairResult } from "../../app/repair-outputs.js";
import { feeChangeText } from "../../app/fee-changes.js";
import { fmtDecimal } from "../../domain/money.js";

const nextDay = (iso: string): string => nextDayOf(iso, 1);

type Where = { config?: string; ledger?: string };

const printWarnings = (warnings: readonly Issue[]): void => {
  for (const w of warnings) process.stderr.write(`${formatIssue(w)}\n`);
};

/** Find and read the ledger; bad config → exit 2, broken ledger → exit 3. */
async function openLedger(opts: Where): Promise<LedgerState> {
  const path = await resolveLedgerPath(opts);
  if (!path.ok) throw new UserError(path.issues, EXIT.input);
  const state = await readLedger(path.value);
  if (!state.ok) throw new UserError(state.issues, EXIT.refused, "the ledger does not verify; nothing was changed.");
  printWarnings(state.warnings);
  return state.value;
}

const json = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

const whereOptions = (cmd: Command): Command =>
  cmd
    .option("-c, --config <file>", "config file (menerva.yaml) naming the ledger", "menerva.yaml")
    .option("--ledger <file>", "ledger file (overrides the config's ledger:)");

const names = (xs: readonly string[]): string => (xs.length > 5 ? `${xs.slice(0, 5).join(", ")}, … (${xs.length})` : xs.join(", "));

/** One line per closed period: what `ledger repair-outputs` did with its folder. */
function repairText(r: RepairResult): string {
  const at = `${displayPath(r.folder)}/`;
  switch (r.status) {
    case "complete":
      return `${r.period}: ${at} holds its closed set; nothing written`;
    case "absent":
      return `${r.period}: no folder ${at} (written elsewhere with --out?); \`menerva ledger repair-outputs ${r.period}\` writes it there`;
    case "rewritten":
      return `${r.period}: rewrote ${at} (${r.written.length} files) from its ledger record and the exports, which are as at its close: the same bytes as closed`;
    case "restored":
      return `${r.period}: restored ${names(r.written)} in ${at} to the bytes SHA256SUMS lists`;
    case "rewritten-from-exports":
      return `${r.period}: rewrote ${at} (${r.written.length} files) from today's exports, as ${r.why}: the same billed rows, figures, ledger record and documents as closed; the row lists and the input hashes in summary.json are today's`;
    case "incomplete":
      return (
        `${r.period}: ${r.written.length > 0 ? `restored ${names(r.written)} in ${at}; ` : ""}cannot rewrite ${names(r.left)} of ${at} from the ledger record and today's exports${r.why ? ` (${r.why})` : ""}: ` +
        `put the exports back as they were at the close (\`menerva ledger show ${r.period}\` lists them with their SHA-256) and run \`menerva ledger repair-outputs ${r.period}\` again (exit 3)`
      );
  }
}

export function registerLedger(program: Command): void {
  const ledger = program.command("ledger").description("closed periods: list, show and verify the period ledger");

  whereOptions(ledger.command("list"))
    .description("closed periods with totals and reserve history")
    .option("--json", "print JSON instead of a table")
    .action(async (opts: Where & { json?: boolean }) => {
      const state = await openLedger(opts);
      if (opts.json) json(listData(state));
      else process.stdout.write(listText(state));
    });

  whereOptions(ledger.command("show").argument("<period>", "closed period: 2025-03, 2025-Q1, 2025 or FROM..TO"))
    .description("one closed period's record")
    .option("--json", "print JSON instead of text")
    .option("--fingerprints", "with --json: include the record's row columns and the ids of every billed and reversed row")
    .action(async (period: string, opts: Where & { json?: boolean; fingerprints?: boolean }) => {
      const state = await openLedger(opts);
      const wanted = parsePeriod(period)?.label ?? period.trim();
      const record = state.records.find((r) => r.period === wanted);
      if (!record) {
        const closed = state.records.map((r) => r.period);
        throw new UserError(
          [
            error("period-not-closed", "is not a closed period in the ledger", {
              source: { file: displayPath(state.path) },
              found: period,
              hint: closed.length > 0 ? `closed periods: ${closed.join(", ")}` : "no period has been closed yet; run `menerva close PERIOD`",
            }),
          ],
          EXIT.input,
          "",
        );
      }
      if (opts.json) json(opts.fingerprints ? { ...record, billed_ids: new BilledTable(record.billed).ids(), reversed_ids: decodeIds(record.reversed) } : summarise(record));
      else process.stdout.write(showText(record));
    });

  whereOptions(ledger.command("undo").argument("[period]", "the last closed period (optional guard: refused if it is not the last)"))
    .description("remove the last close from the ledger (archived beside it); repeat to walk back. A close that issued numbered documents needs --credit")
    .option("--credit", "for a close that issued documents: reverse each current one (credit notes, written with their sales journal to an output folder) and undo the close")
    .option("--invoice-date <date>", "with --credit: issue date of the credit notes, YYYY-MM-DD (default: the day after the period, or the last document's date if later)", parseDate)
    .option("-o, --out <dir>", "with --credit: folder for the credit notes (default: the config's output folder, <period>-undo)")
    .option("--json", "print JSON")
    .action(async (period: string | undefined, opts: Where & { json?: boolean; credit?: boolean; invoiceDate?: string; out?: string }) => {
      const path = await resolveLedgerPath(opts);
      if (!path.ok) throw new UserError(path.issues, EXIT.input);
      const wanted = period === undefined ? undefined : (parsePeriod(period)?.label ?? period.trim());
      const credit = opts.credit
        ? { configPath: opts.config ?? "menerva.yaml", ...(opts.invoiceDate ? { invoiceDate: opts.invoiceDate } : {}), ...(opts.out ? { out: opts.out } : {}) }
        : undefined;
      const res = await undoLastClose(path.value, wanted, credit);
      if (!res.ok) throw new UserError(res.issues, res.exit === 2 ? EXIT.input : EXIT.refused, "nothing was changed.");
      printWarnings(res.warnings);
      printWarnings(res.value.notices);
      const { removed, archive, now, credited } = res.value;
      if (opts.json) {
        json({
          ledger: displayPath(path.value),
          undone: removed.period,
          hash: removed.hash,
          archive: displayPath(archive),
          last_closed: now?.period ?? null,
          ...(credited ? { output: displayPath(credited.outDir), documents: credited.docs.map((d) => documentJson(reportDocument(d))) } : {}),
        });
        return;
      }
      if (credited) {
        for (const d of credited.docs) {
          process.stdout.write(`${d.doc.number} ${d.doc.kind === "credit_note" ? "credit note" : "invoice"} to ${d.doc.necPartner} reverses ${d.doc.reverses!.number}: ${d.edoc.totals.payable.toFixed(2)}, ${d.doc.reference}\n`);
        }
        process.stdout.write(
          `${credited.docs.length} ${credited.docs.length === 1 ? "document" : "documents"} written to ${displayPath(credited.outDir)}/ (invoices/, journal.csv, summary.json). ` +
            `The undone close and its documents stay in ${displayPath(archive)}; their numbers are never issued again and the next close carries them back into the ledger.\n`,
        );
      }
      process.stdout.write(
        `Undone: ${removed.period} (record ${removed.seq}, ${removed.hash.slice(0, 12)}), archived in ${displayPath(archive)}. ` +
          `${now ? `The ledger now ends with ${now.period}; the next close is the period starting ${nextDay(now.to)}.` : "The ledger is empty; the next close starts at the project start."} ` +
          `The statement files of ${removed.period} were left in place; the next close of that period overwrites them.\n`,
      );
    });

  ledger
    .command("repair-outputs")
    .argument("[period]", "one closed period (default: every closed period)")
    .description("put closed periods' output folders back to their closed sets from the ledger and the exports; never changes the ledger")
    .option("-c, --config <file>", "config file (menerva.yaml)", "menerva.yaml")
    .option("--outputs <dir>", "the folder holding the periods' output folders (default: the config's output folder)")
    .option("--json", "print JSON")
    .action(async (period: string | undefined, opts: { config: string; outputs?: string; json?: boolean }) => {
      const res = await repairOutputs({ configPath: opts.config, ...(period !== undefined ? { period } : {}), ...(opts.outputs ? { root: opts.outputs } : {}) });
      if (!res.ok) throw new UserError(res.issues, res.exit === 2 ? EXIT.input : EXIT.refused, "nothing was changed.");
      printWarnings(res.notices);
      if (res.results.some((r) => r.status === "incomplete")) process.exitCode = EXIT.refused;
      if (opts.json) {
        json({ results: res.results.map((r) => ({ ...r, folder: displayPath(r.folder) })), ledger_changed: false });
        return;
      }
      for (const r of res.results) process.stdout.write(`${repairText(r)}\n`);
      process.stdout.write(res.results.length === 0 ? "No closed period; nothing to repair.\n" : "The ledger was not changed.\n");
    });

  whereOptions(ledger.command("verify"))
    .description("recompute the hash chain (exit 3 when broken); --inputs also compares the current exports with the closed rows (exit 3 when a closed row changed or vanished)")
    .option("--inputs", "re-read the config's exports: list every closed row that changed or vanished since its close")
    .option("--outputs [dir]", "check that each closed period's output folder holds its complete set (SHA256SUMS); default: the config's output folder")
    .option("--json", "print JSON")
    .action(async (opts: Where & { inputs?: boolean; outputs?: boolean | string; json?: boolean }) => {
      const state = await openLedger(opts);
      const file = displayPath(state.path);
      const last = state.records[state.records.length - 1];
      let checks: Awaited<ReturnType<typeof checkInputs>> | undefined;
      let verdict: InputsVerdict | undefined;
      if (opts.inputs) {
        const read = await readCloseInputs(opts.config ?? "menerva.yaml");
        if (!read.ok) throw new UserError(read.issues, EXIT.input);
        // every path in this output relative to the config's folder, as the exports' rows are named
        checks = await checkInputs(state, read.value.config.dir);
        verdict = verifyInputs(state, read.value);
      }
      const changed = verdict?.changes.length ?? 0;
      if (changed > 0) process.exitCode = EXIT.refused;
      // The numbered documents (issue 12): the series per year, with the numbers of undone closes in the archive.
      const archived = await readArchive(archivePathFor(state.path));
      if (!archived.ok) throw new UserError(archived.issues, EXIT.refused, "");
      const docs = checkDocuments(state, pendingDocuments(archived.value, state.records));
      if (docs.issues.length > 0) process.exitCode = EXIT.refused;
      if (!opts.json) for (const i of docs.issues) process.stderr.write(`${formatIssue(i)}\n`);
      const outputs = opts.outputs
        ? await verifyOutputs(state, typeof opts.outputs === "string" ? resolve(opts.outputs) : await outputRootOf(opts.config ?? "menerva.yaml"), archived.value)
        : undefined;
      if (outputs?.some((o) => OUTPUT_FAILURES.has(o.status))) process.exitCode = EXIT.refused;
      if (opts.json) {
        json({
          ledger: file,
          verified: true,
          records: state.records.length,
          last_hash: last?.hash ?? null,
          documents: { count: docs.summary.documents, years: docs.summary.years, problems: docs.issues.map(issueJson) },
          ...(checks ? { inputs: checks } : {}),
          ...(verdict
            ? {
                rows_changed: verdict.changes.map((c) => ({
                  period: c.period,
                  kind: c.kind,
                  status: c.status,
                  partner: c.partner,
                  date: c.date,
                  what: c.what,
                  ...(c.type !== undefined ? { type: c.type } : {}),
                  quantity: c.quantity,
                  ...(c.billedIn ? { billed_in: c.billedIn } : {}),
                  ...(c.newVersion ? { new_version: formatSource(c.newVersion) } : {}),
                })),
                late_rows: verdict.late.map((l) => ({ period: l.period, kind: l.kind, source: formatSource(l.source) })),
                fee_changes: verdict.fees.map((g) => ({
                  kind: g.kind,
                  ...(g.kind === "hours" ? { nec_partners: g.who, days: g.days } : { types: g.who }),
                  periods: g.periods,
                  closed_with: g.closed === undefined ? null : fmtDecimal(g.closed),
                  config: g.now === undefined ? null : fmtDecimal(g.now),
                })),
              }
            : {}),
          ...(outputs ? { outputs: outputs.map((o) => ({ ...o, folder: displayPath(o.folder) })) } : {}),
        });
        return;
      }
      const n = state.records.length;
      process.stdout.write(
        `${file}: ${n} ${n === 1 ? "record" : "records"}, keten in orde / chain verified${last ? ` (last hash ${last.hash.slice(0, 12)})` : ""}\n`,
      );
      if (docs.summary.documents > 0 || docs.issues.length > 0) {
        const years = docs.summary.years.map((y) => `${y.year}: ${y.first}..${y.last} (${y.count})`).join("; ");
        process.stdout.write(
          docs.issues.length === 0
            ? `documenten/documents: ${docs.summary.documents}, reeks zonder gaten / series without gaps (${years})\n`
            : `documenten/documents: ${docs.issues.length} ${docs.issues.length === 1 ? "problem" : "problems"} in the numbered series (see above; exit 3)\n`,
        );
      }
      if (outputs) process.stdout.write(outputChecksText(outputs, displayPath));
      if (!checks || !verdict) return;
      // each file as the last close that read it saw it
      const latest = [...new Map(checks.map((c) => [c.file, c])).values()];
      const differ = latest.filter((c) => c.status !== "unchanged");
      process.stdout.write(
        differ.length === 0
          ? `all ${latest.length} input files are as the last close read them\n`
          : `${differ.length} of ${latest.length} input files changed since the last close that read them (${differ.map((c) => c.file).join(", ")}); row by row:\n`,
      );
      const status = {
        changed: "changed / gewijzigd",
        vanished: "vanished / verdwenen",
        missing: "missing, no cumulative export restates it: not reversed / ontbreekt, niet teruggedraaid",
      } as const;
      for (const c of verdict.changes) {
        const what = [c.partner, c.date, c.what, c.type].filter((x) => x).join(" ");
        process.stdout.write(
          `  ${c.period} ${c.kind} ${what} ${c.quantity}: ${status[c.status]}${c.newVersion ? ` → ${formatSource(c.newVersion)}` : ""}${c.billedIn ? ` (billed in ${c.billedIn})` : ""}\n`,
        );
      }
      // a fee changed for closed periods does not change closed rows: said, not an error
      for (const g of verdict.fees) process.stdout.write(`  fees: ${feeChangeText(g)}\n`);
      if (verdict.late.length > 0) {
        process.stdout.write(`  ${verdict.late.length} late ${verdict.late.length === 1 ? "row" : "rows"} dated in closed periods, not billed yet: ${verdict.late.slice(0, 5).map((l) => formatSource(l.source)).join(", ")}${verdict.late.length > 5 ? ", …" : ""}\n`);
      }
      // Each kind of change with what the next close does with it (withdrawn-rows.ts decides which are restated).
      const missing = verdict.changes.filter((c) => c.status === "missing").length;
      const restated = changed - missing;
      const rows = (n: number) => `${n} closed ${n === 1 ? "row" : "rows"}`;
      const parts = [
        ...(restated > 0 ? [`${rows(restated)} changed or vanished: the next close reverses ${restated === 1 ? "it" : "them"} as billed and bills the new versions as corrections`] : []),
        ...(missing > 0 ? [`${rows(missing)} missing that no cumulative export restates: the next close leaves ${missing === 1 ? "it" : "them"} billed and warns`] : []),
      ];
      process.stdout.write(
        changed === 0
          ? `every closed row is in the exports as it was closed${verdict.late.length > 0 ? "; the next close bills the late rows as corrections" : ""}\n`
          : `${parts.join("; ")} (exit 3)\n`,
      );
    });
}
