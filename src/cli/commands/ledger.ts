// `menerva ledger list|show|verify|undo`: views of the period ledger, and
// undoing the last close. A ledger that does not verify is refused (exit 3),
// naming its first broken record.
import type { Command } from "commander";
import { error, formatSource, t, type Issue, type Text } from "../../domain/issues.js";
import type { Lang } from "../../i18n/lang.js";
import { localNumber } from "../../i18n/numbers.js";
import { formatIssue, render } from "../../i18n/render.js";
import type { InputsVerdict } from "../../app/verify-inputs.js";
import type { RepairResult } from "../../app/repair-outputs.js";
import type { LedgerState } from "../../ledger/ledger-file.js";
import { addDays as nextDayOf, parsePeriod, periodHint } from "../../domain/period.js";
import { parseDate, langOption } from "./close.js";
import { EXIT, UserError } from "../errors.js";
import { resolve } from "node:path";
import { helpWords } from "../help.js";
import { screenLanguage, settleLanguage } from "../language.js";

// The ledger's modules load when a ledger command runs (load()), not at start-up: --help stays quick.
let readCloseInputs: typeof import("../../app/close.js").readCloseInputs;
let verifyInputs: typeof import("../../app/verify-inputs.js").verifyInputs;
let undoLastClose: typeof import("../../app/ledger-undo.js").undoLastClose;
let BilledTable: typeof import("../../ledger/billed-rows.js").BilledTable;
let decodeIds: typeof import("../../ledger/billed-rows.js").decodeIds;
let archivePathFor: typeof import("../../ledger/ledger-file.js").archivePathFor;
let displayPath: typeof import("../../ledger/ledger-file.js").displayPath;
let readLedger: typeof import("../../ledger/ledger-file.js").readLedger;
let pendingDocuments: typeof import("../../ledger/archive.js").pendingDocuments;
let readArchive: typeof import("../../ledger/archive.js").readArchive;
let checkDocuments: typeof import("../../ledger/documents-check.js").checkDocuments;
let documentJson: typeof import("../../report/close-summary.js").documentJson;
let issueJson: typeof import("../../report/close-summary.js").issueJson;
let reportDocument: typeof import("../../app/close-documents.js").reportDocument;
let resolveLedgerPath: typeof import("../../ledger/ledger-path.js").resolveLedgerPath;
let checkInputs: typeof import("../../ledger/ledger-report.js").checkInputs;
let listData: typeof import("../../ledger/ledger-report.js").listData;
let listText: typeof import("../../ledger/ledger-report.js").listText;
let showText: typeof import("../../ledger/ledger-report.js").showText;
let summarise: typeof import("../../ledger/ledger-report.js").summarise;
let OUTPUT_FAILURES: typeof import("../../app/verify-outputs.js").OUTPUT_FAILURES;
let outputChecksText: typeof import("../../app/verify-outputs.js").outputChecksText;
let outputRootOf: typeof import("../../app/verify-outputs.js").outputRootOf;
let verifyOutputs: typeof import("../../app/verify-outputs.js").verifyOutputs;
let repairOutputs: typeof import("../../app/repair-outputs.js").repairOutputs;
let repairWhy: typeof import("../../app/repair-outputs.js").repairWhy;
let feeChangeText: typeof import("../../app/fee-changes.js").feeChangeText;
let fmtDecimal: typeof import("../../domain/money.js").fmtDecimal;

async function load(): Promise<void> {
  const [close, verify, undo, billed, file, archive, documents, summary, closeDocuments, path, report, outputs, repair, fees, money] = await Promise.all([
    import("../../app/close.js"),
    import("../../app/verify-inputs.js"),
    import("../../app/ledger-undo.js"),
    import("../../ledger/billed-rows.js"),
    import("../../ledger/ledger-file.js"),
    import("../../ledger/archive.js"),
    import("../../ledger/documents-check.js"),
    import("../../report/close-summary.js"),
    import("../../app/close-documents.js"),
    import("../../ledger/ledger-path.js"),
    import("../../ledger/ledger-report.js"),
    import("../../app/verify-outputs.js"),
    import("../../app/repair-outputs.js"),
    import("../../app/fee-changes.js"),
    import("../../domain/money.js"),
  ]);
  ({ readCloseInputs } = close);
  ({ verifyInputs } = verify);
  ({ undoLastClose } = undo);
  ({ BilledTable, decodeIds } = billed);
  ({ archivePathFor, displayPath, readLedger } = file);
  ({ pendingDocuments, readArchive } = archive);
  ({ checkDocuments } = documents);
  ({ documentJson, issueJson } = summary);
  ({ reportDocument } = closeDocuments);
  ({ resolveLedgerPath } = path);
  ({ checkInputs, listData, listText, showText, summarise } = report);
  ({ OUTPUT_FAILURES, outputChecksText, outputRootOf, verifyOutputs } = outputs);
  ({ repairOutputs, repairWhy } = repair);
  ({ feeChangeText } = fees);
  ({ fmtDecimal } = money);
}

const nextDay = (iso: string): string => nextDayOf(iso, 1);

type Where = { config?: string; ledger?: string; lang?: Lang };

const printWarnings = (warnings: readonly Issue[]): void => {
  for (const w of warnings) process.stderr.write(`${formatIssue(w, screenLanguage())}\n`);
};
const say = (text: Text): void => void process.stdout.write(`${render(text, screenLanguage())}\n`);

/** Find and read the ledger; bad config → exit 2, broken ledger → exit 3. */
async function openLedger(opts: Where): Promise<LedgerState> {
  await settleLanguage(opts);
  const path = await resolveLedgerPath(opts);
  if (!path.ok) throw new UserError(path.issues, EXIT.input);
  const state = await readLedger(path.value);
  if (!state.ok) throw new UserError(state.issues, EXIT.refused, t("footer.ledger-not-verified"));
  printWarnings(state.warnings);
  return state.value;
}

const json = (v: unknown): void => void process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);

const names = (xs: readonly string[]): string => (xs.length > 5 ? `${xs.slice(0, 5).join(", ")}, … (${xs.length})` : xs.join(", "));

/** One line per closed period: what `ledger repair-outputs` did with its folder. */
function repairText(r: RepairResult, lang: Lang): Text {
  const at = `${displayPath(r.folder)}/`;
  const period = r.period;
  switch (r.status) {
    case "complete":
      return t("repair.complete", { period, at });
    case "absent":
      return t("repair.absent", { period, at });
    case "rewritten":
      return t("repair.rewritten", { period, at, count: r.written.length });
    case "restored":
      return t("repair.restored", { period, at, files: names(r.written) });
    case "rewritten-from-exports":
      return t("repair.rewritten-from-exports", { period, at, count: r.written.length, why: r.why ? repairWhy(r.why, lang) : "" });
    case "incomplete": {
      const left = r.wholeSet ? t(r.wholeSet === "other-close" ? "repair.whole-set.other-close" : "repair.whole-set.no-manifest") : names(r.left);
      return t("repair.incomplete", { period, at, restored: r.written.length > 0 ? names(r.written) : "", left, why: r.why ? repairWhy(r.why, lang) : "" });
    }
  }
}

export function registerLedger(program: Command, lang: Lang = "en"): void {
  const w = helpWords(lang);
  const whereOptions = (cmd: Command): Command =>
    cmd
      .option(`-c, --config <${w("help.ph.file")}>`, w("help.ledger.config"), "menerva.yaml")
      .option(`--ledger <${w("help.ph.file")}>`, w("help.ledger.ledger"))
      .addOption(langOption(lang));
  const ledger = program.command("ledger").description(w("help.ledger"));

  whereOptions(ledger.command("list"))
    .description(w("help.ledger.list"))
    .option("--json", w("help.ledger.list.json"))
    .action(async (opts: Where & { json?: boolean }) => {
      await load();
      const state = await openLedger(opts);
      if (opts.json) json(listData(state));
      else process.stdout.write(listText(state, screenLanguage()));
    });

  whereOptions(ledger.command("show").argument(`<${w("help.ph.period")}>`, w("help.ledger.show.period")))
    .description(w("help.ledger.show"))
    .option("--json", w("help.ledger.show.json"))
    .option("--fingerprints", w("help.ledger.show.fingerprints"))
    .action(async (period: string, opts: Where & { json?: boolean; fingerprints?: boolean }) => {
      await load();
      const state = await openLedger(opts);
      const parsed = parsePeriod(period);
      const wanted = parsed?.label ?? period.trim();
      const record = state.records.find((r) => r.period === wanted);
      if (!record && parsed === undefined) {
        // not a period at all (2025-Q9): say so, not "not closed"
        throw new UserError([error("bad-period", {}, { subject: "PERIOD", found: period, hint: periodHint(period) })], EXIT.input, "");
      }
      if (!record) {
        const closed = state.records.map((r) => r.period);
        throw new UserError(
          [
            error("period-not-closed", {}, {
              source: { file: displayPath(state.path) },
              found: period,
              hint: closed.length > 0 ? t("period-not-closed.hint", { closed: closed.join(", ") }) : t("period-not-closed.hint-none"),
            }),
          ],
          EXIT.input,
          "",
        );
      }
      if (opts.json) json(opts.fingerprints ? { ...record, billed_ids: new BilledTable(record.billed).ids(), reversed_ids: decodeIds(record.reversed) } : summarise(record));
      else process.stdout.write(showText(record, screenLanguage()));
    });

  whereOptions(ledger.command("undo").argument(`[${w("help.ph.period")}]`, w("help.ledger.undo.period")))
    .description(w("help.ledger.undo"))
    .option("--credit", w("help.ledger.undo.credit"))
    .option(`--invoice-date <${w("help.ph.date")}>`, w("help.ledger.undo.invoice-date"), parseDate(lang))
    .option(`-o, --out <${w("help.ph.dir")}>`, w("help.ledger.undo.out"))
    .option("--json", w("help.json"))
    .action(async (period: string | undefined, opts: Where & { json?: boolean; credit?: boolean; invoiceDate?: string; out?: string }) => {
      await load();
      await settleLanguage(opts);
      const path = await resolveLedgerPath(opts);
      if (!path.ok) throw new UserError(path.issues, EXIT.input);
      const wanted = period === undefined ? undefined : (parsePeriod(period)?.label ?? period.trim());
      const credit = opts.credit
        ? { configPath: opts.config ?? "menerva.yaml", ...(opts.invoiceDate ? { invoiceDate: opts.invoiceDate } : {}), ...(opts.out ? { out: opts.out } : {}) }
        : undefined;
      const res = await undoLastClose(path.value, wanted, credit);
      if (!res.ok) throw new UserError(res.issues, res.exit === 2 ? EXIT.input : EXIT.refused, t("footer.nothing-changed"));
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
          say(
            t("ledger.credited.doc", {
              number: d.doc.number,
              kind: t(d.doc.kind === "credit_note" ? "document.credit-note" : "document.invoice"),
              partner: d.doc.necPartner,
              reverses: d.doc.reverses!.number,
              amount: d.edoc.totals.payable.toFixed(2),
              reference: d.doc.reference,
            }),
          );
        }
        say(t("ledger.credited.written", { count: credited.docs.length, out: displayPath(credited.outDir), archive: displayPath(archive) }));
      }
      say(
        t("ledger.undone", {
          period: removed.period,
          seq: removed.seq,
          hash: removed.hash.slice(0, 12),
          archive: displayPath(archive),
          last: now?.period ?? "",
          next: now ? nextDay(now.to) : "",
        }),
      );
    });

  ledger
    .command("repair-outputs")
    .argument(`[${w("help.ph.period")}]`, w("help.ledger.repair.period"))
    .description(w("help.ledger.repair"))
    .option(`-c, --config <${w("help.ph.file")}>`, w("help.ledger.repair.config"), "menerva.yaml")
    .option(`--outputs <${w("help.ph.dir")}>`, w("help.ledger.repair.outputs"))
    .option("--json", w("help.json"))
    .addOption(langOption(lang))
    .action(async (period: string | undefined, opts: { config: string; outputs?: string; json?: boolean; lang?: Lang }) => {
      await load();
      const language = await settleLanguage(opts);
      const res = await repairOutputs({ configPath: opts.config, ...(period !== undefined ? { period } : {}), ...(opts.outputs ? { root: opts.outputs } : {}) });
      if (!res.ok) throw new UserError(res.issues, res.exit === 2 ? EXIT.input : EXIT.refused, t("footer.nothing-changed"));
      printWarnings(res.notices);
      if (res.results.some((r) => r.status === "incomplete")) process.exitCode = EXIT.refused;
      if (opts.json) {
        // JSON is for machines: its words in English, as every --json
        const results = res.results.map(({ why, ...r }) => ({ ...r, folder: displayPath(r.folder), ...(why ? { why: repairWhy(why, "en") } : {}) }));
        json({ results, ledger_changed: false });
        return;
      }
      for (const r of res.results) say(repairText(r, language));
      say(t(res.results.length === 0 ? "repair.none" : "repair.ledger-unchanged"));
    });

  whereOptions(ledger.command("verify"))
    .description(w("help.ledger.verify"))
    .option("--inputs", w("help.ledger.verify.inputs"))
    .option(`--outputs [${w("help.ph.dir")}]`, w("help.ledger.verify.outputs"))
    .option("--json", w("help.json"))
    .action(async (opts: Where & { inputs?: boolean; outputs?: boolean | string; json?: boolean }) => {
      await load();
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
      if (!opts.json) for (const i of docs.issues) process.stderr.write(`${formatIssue(i, screenLanguage())}\n`);
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
          ...(outputs ? { outputs: outputs.map((o) => ({ ...o, folder: displayPath(o.folder), problems: o.problems.map((p) => render(p, "en")) })) } : {}),
        });
        return;
      }
      const n = state.records.length;
      say(t("ledger.verified", { file, count: n, hash: last ? last.hash.slice(0, 12) : "" }));
      if (docs.summary.documents > 0 || docs.issues.length > 0) {
        const years = docs.summary.years.map((y) => `${y.year}: ${y.first}..${y.last} (${y.count})`).join("; ");
        say(docs.issues.length === 0 ? t("ledger.documents.ok", { count: docs.summary.documents, years }) : t("ledger.documents.problems", { count: docs.issues.length }));
      }
      if (outputs) for (const line of outputChecksText(outputs, displayPath)) say(line);
      if (!checks || !verdict) return;
      // each file as the last close that read it saw it
      const latest = [...new Map(checks.map((c) => [c.file, c])).values()];
      const differ = latest.filter((c) => c.status !== "unchanged");
      say(differ.length === 0 ? t("ledger.inputs.same", { count: latest.length }) : t("ledger.inputs.changed", { changed: differ.length, count: latest.length, files: differ.map((c) => c.file).join(", ") }));
      for (const c of verdict.changes) {
        const what = [c.partner, c.date, c.what, c.type].filter((x) => x).join(" ");
        say(
          t("ledger.inputs.row", {
            period: c.period,
            kind: t(`kind.${c.kind}`),
            what,
            quantity: localNumber(c.quantity, screenLanguage()),
            status: t(c.status === "changed" ? "ledger.inputs.changed-status" : c.status === "vanished" ? "ledger.inputs.vanished" : "ledger.inputs.missing"),
            newVersion: c.newVersion ? formatSource(c.newVersion) : "",
            billedIn: c.billedIn ?? "",
          }),
        );
      }
      // a fee changed for closed periods does not change closed rows: said, not an error
      for (const g of verdict.fees) say(t("ledger.inputs.fees", { change: feeChangeText(g) }));
      if (verdict.late.length > 0) {
        say(t("ledger.inputs.late", { count: verdict.late.length, sources: `${verdict.late.slice(0, 5).map((l) => formatSource(l.source)).join(", ")}${verdict.late.length > 5 ? ", …" : ""}` }));
      }
      // Each kind of change with what the next close does with it (withdrawn-rows.ts decides which are restated).
      const missing = verdict.changes.filter((c) => c.status === "missing").length;
      const restated = changed - missing;
      say(changed === 0 ? t("ledger.inputs.all-closed-rows-same", { late: verdict.late.length > 0 }) : t("ledger.inputs.rows-changed", { restated, missing }));
    });
}
