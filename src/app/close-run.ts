// The whole `menerva close`: read everything, take the ledger lock, decide
// (new close, re-close, refusal), compute, write the outputs as one set
// (output-folder.ts), then append the ledger record atomically (with its head).
// A crash between the two leaves new outputs and the old ledger: running the
// same close again reproduces the outputs byte for byte and appends the record.
// A refused close leaves no folder it made.
import { dirname, resolve } from "node:path";
import { repairOutputSets, writeOutputSet } from "../adapters/output-folder.js";
import { error, warning, type Issue } from "../domain/issues.js";
import { diffInputs } from "../ledger/diff.js";
import { appendRecord, archivePathFor, displayPath, lastRecord, readLedger, replaceLastRecord } from "../ledger/ledger-file.js";
import { acquireLock } from "../ledger/lock.js";
import { sealRecord } from "../ledger/record.js";
import type { CloseReport } from "../report/close-report.js";
import { buildCloseReport, readCloseInputs, type ReadInputs } from "./close.js";
import { makeDirs } from "../adapters/made-dirs.js";
import { identifyInputs, includedIds, includedPerFile, planClose, priorLookup, recordBody, reserveHistory, uncoveredItemWarnings } from "./close-ledger.js";
import { parsePeriod, type Period } from "../domain/period.js";
import { closeOutputFiles, type OutputFormat } from "./close-outputs.js";
import type { CsvStyle } from "../report/csv-text.js";
import { dec } from "../domain/money.js";

export type CloseRunOptions = {
  readonly configPath: string;
  readonly period: string;
  readonly out?: string;
  readonly language?: "nl" | "en";
  readonly formats: readonly OutputFormat[];
  /** plain (default) or excel-be (`;`, decimal comma, BOM). */
  readonly csvStyle?: CsvStyle;
  /** Remove the period's ledger record first (only the last one may be reopened). */
  readonly reopen?: boolean;
};

export type CloseRunOutcome =
  | {
      readonly ok: true;
      readonly report: CloseReport;
      readonly outDir: string;
      /**
       * appended: a new record; reproduced: a re-close with the same inputs
       * (outputs rewritten byte for byte, nothing appended); unchanged: the same
       * rows and config but exports that changed outside the period (nothing written).
       */
      readonly ledger: "appended" | "reproduced" | "unchanged";
      readonly reopened?: string;
      /** Things to tell the user on stderr that are not part of the close (e.g. a stale lock taken over). */
      readonly notices: readonly Issue[];
    }
  | { readonly ok: false; readonly exit: 2 | 3; readonly issues: readonly Issue[] };

const refuse = (issues: readonly Issue[]): CloseRunOutcome => ({ ok: false, exit: 3, issues });

export async function runClose(opts: CloseRunOptions): Promise<CloseRunOutcome> {
  const read = await readCloseInputs(opts.configPath, opts.period);
  if (!read.ok) return { ok: false, exit: 2, issues: read.issues };
  // The lock needs the ledger's folder; a refused close removes it again if it made it.
  const made = await makeDirs(dirname(read.value.config.ledger));
  const outcome = await closeLocked(opts, { ...read.value, period: read.value.period! });
  if (!outcome.ok) await made.undo();
  return outcome;
}

async function closeLocked(opts: CloseRunOptions, inputs: ReadInputs & { period: Period }): Promise<CloseRunOutcome> {
  const { config, period } = inputs;
  const lock = await acquireLock(config.ledger);
  if (!lock.ok) return refuse(lock.issues);
  try {
    // Finish output switches a killed close left behind (output-folder.ts), before anything else.
    const outDir = resolve(opts.out ?? resolve(config.output, period.label));
    const repaired = (await repairOutputSets(config.output, outDir)).map((d) =>
      warning("outputs-repaired", "finished writing the outputs of an interrupted close", { source: { file: displayPath(d) } }),
    );
    const ledger = await readLedger(config.ledger);
    if (!ledger.ok) return refuse(ledger.issues);
    let state = ledger.value;
    if (opts.reopen) {
      const last = lastRecord(state);
      if (!last || last.period !== period.label) {
        return refuse([
          error("reopen-not-last", `${period.label} is not the last closed period${last ? ` (that is ${last.period})` : ""}: only the last close can be reopened`, {
            source: { file: displayPath(config.ledger), ...(last ? { line: last.seq } : {}) },
          }),
        ]);
      }
      // Plan as if the record were gone; it is archived and removed only once the new close is computed.
      state = { ...state, records: state.records.slice(0, -1) };
    }
    const plan = planClose(state, period);
    if (!plan.ok) return refuse(plan.issues);

    const ids = identifyInputs(inputs.hours, inputs.benefits);
    const prev = plan.base[plan.base.length - 1];
    const built = buildCloseReport(inputs, {
      ...(opts.language ? { language: opts.language } : {}),
      prior: priorLookup(ids, plan.base),
      ...(prev ? { opening: { amount: dec(prev.closing_reserve), period: prev.period } } : {}),
      reserveHistory: reserveHistory(plan.base),
    });
    if (!built.ok) return { ok: false, exit: 2, issues: built.issues };

    const included = includedIds(built.value.result, ids);
    const record = sealRecord(recordBody(built.value, included, built.value.inputs, config.ledger, config.dir, config.canonical), prev);
    const gaps = uncoveredItemWarnings(
      [
        ...inputs.otherCosts.map((c) => ({ what: `other cost "${c.description}"`, from: c.date, to: c.date, ...(c.source ? { source: c.source } : {}) })),
        ...inputs.staff.flatMap((r) => {
          const p = parsePeriod(r.period);
          return p ? [{ what: `staff row of ${r.partner}`, from: p.from, to: p.to, source: r.source }] : [];
        }),
      ],
      plan.base,
      period,
      config.model.start,
    );
    const report: CloseReport = {
      ...built.value,
      warnings: [...built.value.warnings, ...ids.hours.warnings, ...ids.benefits.warnings, ...gaps],
      ledgerRecordHash: record.hash,
    };

    if (plan.mode === "reclose") {
      const changes = diffInputs(plan.existing!, {
        config_sha256: record.config_sha256,
        configCanonical: config.canonical,
        inputs: record.inputs,
        included: record.included,
        perFile: includedPerFile(built.value.result, ids, config.ledger, config.dir),
      });
      if (changes.length > 0) {
        return refuse([
          error("reclose-changed", `${period.label} is already closed, with other inputs:\n  ${changes.join("\n  ")}`, {
            source: { file: displayPath(config.ledger), line: plan.existing!.seq },
            hint: `if the closed period must change, run \`menerva close ${period.label} --reopen\` (only the last close); otherwise leave the late rows for the next close, where they become adjustments`,
          }),
        ]);
      }
    }

    if (plan.mode === "reclose" && record.hash !== plan.existing!.hash) {
      // Same rows and config, but the exports changed outside the period (a
      // cumulative file grew): the closed statement stays as it was closed.
      return { ok: true, report: { ...report, ledgerRecordHash: plan.existing!.hash }, outDir, ledger: "unchanged", notices: [...lock.warnings, ...repaired] };
    }
    await writeOutputSet(outDir, await closeOutputFiles(report, outDir, opts.formats, opts.csvStyle));
    // Outputs first, then the ledger: a crash in between leaves new outputs and
    // the old ledger, and running the same close again finishes the job.
    const reopened = opts.reopen ? (await replaceLastRecord(config.ledger, archivePathFor(config.ledger), record)).period : undefined;
    if (plan.mode === "new" && !opts.reopen) await appendRecord(config.ledger, record);
    const notices = [...lock.warnings, ...repaired];
    return { ok: true, report, outDir, ledger: plan.mode === "new" ? "appended" : "reproduced", notices, ...(reopened ? { reopened } : {}) };
  } finally {
    await lock.value.release();
  }
}
