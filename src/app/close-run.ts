// The whole `menerva close`: read everything, take the ledger lock, decide
// (new close, re-close, refusal), compute, write the outputs as one set
// (output-folder.ts), then append the ledger record atomically (with its head).
// A crash between the two leaves new outputs and the old ledger: running the
// same close again reproduces the outputs byte for byte and appends the record.
// A refused close leaves no folder it made. A dry run does everything up to
// the writing and writes nothing (no folder, no lock, no record, no repair).
import { dirname, resolve } from "node:path";
import { repairOutputSets, writeOutputSet } from "../adapters/output-folder.js";
import { makeDirs } from "../adapters/made-dirs.js";
import { error, warning, type Issue } from "../domain/issues.js";
import { diffInputs } from "../ledger/diff.js";
import { readBooks } from "../ledger/books.js";
import { appendRecord, archivePathFor, displayPath, lastRecord, readLedger, replaceLastRecord, type LedgerState } from "../ledger/ledger-file.js";
import { acquireLock, type Lock } from "../ledger/lock.js";
import { sealRecord } from "../ledger/record.js";
import type { CloseReport } from "../report/close-report.js";
import { buildCloseReport, buildStreamedReport, readCloseInputs, type ReadInputs, type StreamedInputs } from "./close.js";
import { appendStreamedRecord, materialize, sealStreamed } from "../ledger/record-stream.js";
import { writeBilledColumns } from "../engine/billed-writer.js";
import type { EngineTuning } from "../engine/stream-close.js";
import { trace } from "../engine/trace.js";
import { shareFor } from "../domain/invoice.js";
import type { LoadedConfig } from "../adapters/config-file.js";
import type { LedgerRecord } from "../ledger/record.js";
import type { Period } from "../domain/period.js";
import { asReversals, billedIds, billedPerFile, findMissing, identifyInputs, planClose, priorLookup, recordBody, recordBodyBesidesBilled, reserveHistory } from "./close-ledger.js";
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
  /** Compute and report, write nothing (no outputs, no record, no lock). */
  readonly dryRun?: boolean;
  /** Allow a period that starts after the latest row date of the inputs. */
  readonly allowEmpty?: boolean;
  /**
   * streaming (default): hours and benefits streamed through the engine of
   * issue 15 (src/engine/); memory: every row loaded (the reference path, for tests).
   */
  readonly engine?: "streaming" | "memory";
  /** Parse threads for the streaming engine (default: by input size). */
  readonly threads?: number;
  /** Streaming engine knobs for tests (chunk size, Bloom filter size). */
  readonly tuning?: EngineTuning;
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
      /** True for a dry run: `ledger` says what a real close would have done; nothing was written. */
      readonly dryRun: boolean;
      /** Things to tell the user on stderr that are not part of the close (e.g. a stale lock taken over). */
      readonly notices: readonly Issue[];
    }
  | { readonly ok: false; readonly exit: 2 | 3; readonly issues: readonly Issue[] };

const refuse = (issues: readonly Issue[]): CloseRunOutcome => ({ ok: false, exit: 3, issues });

/**
 * The closed books the streaming engine classifies rows against: the base of
 * the plan on the ledger as it is now (read without the lock; the close
 * checks it again under the lock and reads again if it moved).
 */
function baseSnapshot(opts: CloseRunOptions) {
  return async (period: Period | undefined, config: LoadedConfig): Promise<readonly LedgerRecord[]> => {
    if (!period) return [];
    const ledger = await readLedger(config.ledger);
    if (!ledger.ok) return [];
    let records = ledger.value.records;
    if (opts.reopen && records[records.length - 1]?.period === period.label) records = records.slice(0, -1);
    const plan = planClose({ ...ledger.value, records }, period, { start: config.model.start, latest: undefined, allowEmpty: true });
    return plan.ok ? plan.base : [];
  };
}

const readFor = (opts: CloseRunOptions, base?: readonly LedgerRecord[]) =>
  readCloseInputs(
    opts.configPath,
    opts.period,
    opts.engine === "memory"
      ? undefined
      : { base: base ? async () => base : baseSnapshot(opts), ...(opts.threads !== undefined ? { threads: opts.threads } : {}), ...(opts.tuning ? { tuning: opts.tuning } : {}) },
  );

export async function runClose(opts: CloseRunOptions): Promise<CloseRunOutcome> {
  const read = await readFor(opts);
  if (!read.ok) return { ok: false, exit: 2, issues: read.issues };
  const inputs = { ...read.value, period: read.value.period! };
  const { config } = inputs;
  try {
    if (opts.dryRun) {
      const ledger = await readLedger(config.ledger);
      if (!ledger.ok) return refuse(ledger.issues);
      return await closeOn(ledger.value, inputs, opts, []);
    }
    // The lock needs the ledger's folder; a refused close removes it again if it made it.
    const made = await makeDirs(dirname(config.ledger));
    const outcome = await closeLocked(opts, inputs);
    if (!outcome.ok) await made.undo();
    return outcome;
  } finally {
    // the streaming engine's row store, unless closeStreamed parked it for the report it returns
    const store = inputs.streamed?.rows.store;
    if (store && !store.isParked) store.dispose();
  }
}

async function closeLocked(opts: CloseRunOptions, inputs: ReadInputs & { period: Period }): Promise<CloseRunOutcome> {
  const { config } = inputs;
  const taken = await acquireLock(config.ledger);
  if (!taken.ok) return refuse(taken.issues);
  const lock: Lock = taken.value;
  try {
    // Finish output switches a killed close left behind (output-folder.ts), before anything else.
    const repaired = (await repairOutputSets(config.output, outDirOf(opts, inputs))).map((d) =>
      warning("outputs-repaired", "finished writing the outputs of an interrupted close", { source: { file: displayPath(d) } }),
    );
    const ledger = await readLedger(config.ledger);
    if (!ledger.ok) return refuse(ledger.issues);
    return await closeOn(ledger.value, inputs, opts, [...taken.warnings, ...repaired]);
  } finally {
    await lock.release();
  }
}

const outDirOf = (opts: CloseRunOptions, inputs: ReadInputs & { period: Period }): string =>
  resolve(opts.out ?? resolve(inputs.config.output, inputs.period.label));

async function closeOn(
  ledgerState: LedgerState,
  inputs: ReadInputs & { period: Period },
  opts: CloseRunOptions,
  notices: readonly Issue[],
): Promise<CloseRunOutcome> {
  const { config, period } = inputs;
  let state = ledgerState;
  if (opts.reopen) {
    const last = lastRecord(state);
    if (!last || last.period !== period.label) {
      return refuse([
        error("reopen-not-last", `${period.label} is not the last closed period${last ? ` (that is ${last.period})` : ""}: only the last close can be reopened`, {
          source: { file: displayPath(config.ledger), ...(last ? { line: last.seq } : {}) },
        }),
      ]);
    }
    if ((last.issued?.length ?? 0) > 0) return refuse([issuedRefusal(last.period, last.issued!.map((d) => d.number), config.ledger, "reopen")]);
    // Plan as if the record were gone; it is archived and removed only once the new close is computed.
    state = { ...state, records: state.records.slice(0, -1) };
  }
  const plan = planClose(state, period, { start: config.model.start, latest: inputs.latest, ...(opts.allowEmpty ? { allowEmpty: true } : {}) });
  if (!plan.ok) {
    inputs.streamed?.rows.store.dispose();
    return { ok: false, exit: plan.exit, issues: plan.issues };
  }
  if (inputs.streamed) return closeStreamed(ledgerState, state, plan, inputs as StreamedReadInputs, opts, notices);

  const books = readBooks(plan.base);
  const ids = identifyInputs(inputs.hours, inputs.benefits);
  const missing = findMissing(books, ids, inputs, inputs.cumulative);
  const prev = plan.base[plan.base.length - 1];
  const built = buildCloseReport(inputs, {
    ...(opts.language ? { language: opts.language } : {}),
    prior: priorLookup(ids, books),
    ...(prev ? { opening: { amount: dec(prev.closing_reserve), period: prev.period } } : {}),
    reserveHistory: reserveHistory(plan.base),
    closed: books.periods,
    reversals: asReversals(missing.reversals),
  });
  if (!built.ok) return { ok: false, exit: 2, issues: built.issues };

  const record = sealRecord(recordBody(built.value, ids, missing.reversals, config.ledger, config.dir, config.canonical), prev);
  const report: CloseReport = {
    ...built.value,
    warnings: [...built.value.warnings, ...ids.hours.warnings, ...ids.benefits.warnings],
    ledgerRecordHash: record.hash,
  };

  if (plan.mode === "reclose") {
    const changes = diffInputs(plan.existing!, {
      config_sha256: record.config_sha256,
      configCanonical: config.canonical,
      inputs: record.inputs,
      billed: billedIds(built.value.result, ids),
      perFile: billedPerFile(built.value.result, ids, config.ledger, config.dir),
    });
    if (changes.length > 0) {
      return refuse([
        error("reclose-changed", `${period.label} is already closed, with other inputs:\n  ${changes.join("\n  ")}`, {
          source: { file: displayPath(config.ledger), line: plan.existing!.seq },
          hint: `a closed period is never changed: the next close corrects it (late rows, withdrawn rows, late costs become labelled corrections); to redo the last close instead, run \`menerva close ${period.label} --reopen\` or \`menerva ledger undo\``,
        }),
      ]);
    }
  }

  const outDir = outDirOf(opts, inputs);
  const dryRun = opts.dryRun === true;
  if (plan.mode === "reclose" && record.hash !== plan.existing!.hash) {
    // Same rows and config, but the exports changed outside the period (a
    // cumulative file grew, or corrected rows of other periods): the closed
    // statement stays as it was closed; the next close corrects what changed.
    return { ok: true, report: { ...report, ledgerRecordHash: plan.existing!.hash }, outDir, ledger: "unchanged", dryRun, notices };
  }
  const ledgerOutcome = plan.mode === "new" ? "appended" : "reproduced";
  if (dryRun) return { ok: true, report, outDir, ledger: ledgerOutcome, dryRun, notices, ...(opts.reopen ? { reopened: period.label } : {}) };
  await writeOutputSet(outDir, await closeOutputFiles(report, outDir, opts.formats, opts.csvStyle));
  // Outputs first, then the ledger: a crash in between leaves new outputs and
  // the old ledger, and running the same close again finishes the job.
  const reopened = opts.reopen ? (await replaceLastRecord(config.ledger, archivePathFor(config.ledger), record)).period : undefined;
  if (plan.mode === "new" && !opts.reopen) await appendRecord(config.ledger, record);
  return { ok: true, report, outDir, ledger: ledgerOutcome, dryRun, notices, ...(reopened ? { reopened } : {}) };
}

type StreamedReadInputs = ReadInputs & { period: Period; streamed: StreamedInputs };

/**
 * closeOn for inputs the streaming engine read (issue 15): the same close,
 * report and record, computed from row totals, the rows read back from the
 * row store for the outputs, the record's billed columns written to a file
 * and appended without holding them. A re-close whose record differs from the
 * closed one is decided by the in-memory path, which names what changed.
 */
async function closeStreamed(
  ledgerState: LedgerState,
  state: LedgerState,
  plan: Extract<ReturnType<typeof planClose>, { ok: true }>,
  given: StreamedReadInputs,
  opts: CloseRunOptions,
  notices: readonly Issue[],
): Promise<CloseRunOutcome> {
  let inputs = given;
  const last = plan.base[plan.base.length - 1];
  if (inputs.streamed.base.count !== plan.base.length || inputs.streamed.base.lastHash !== (last?.hash ?? "")) {
    // the ledger moved between reading and locking: classify again against its books now
    inputs.streamed.rows.store.dispose();
    const again = await readFor(opts, plan.base);
    if (!again.ok) return { ok: false, exit: 2, issues: again.issues };
    inputs = { ...again.value, period: again.value.period! } as StreamedReadInputs;
  }
  const rows = inputs.streamed.rows;
  let kept = false;
  try {
    const { config, period } = inputs;
    const books = readBooks(plan.base);
    const prev = plan.base[plan.base.length - 1];
    const built = buildStreamedReport(inputs, {
      ...(opts.language ? { language: opts.language } : {}),
      ...(prev ? { opening: { amount: dec(prev.closing_reserve), period: prev.period } } : {}),
      reserveHistory: reserveHistory(plan.base),
      closed: books.periods,
      reversals: asReversals(rows.missing.reversals),
    });
    if (!built.ok) return { ok: false, exit: 2, issues: built.issues };
    const body = recordBodyBesidesBilled(built.value, rows.missing.reversals, config.ledger, config.dir, config.canonical);
    trace("close computed");
    const billed = writeBilledColumns(rows.store, config.model, config.model.benefitTypes.map((t) => shareFor(config.model, t)));
    trace("billed columns written");
    const record = await sealStreamed(body, billed.parts, prev);
    trace("record sealed");
    const report: CloseReport = { ...built.value, warnings: [...built.value.warnings, ...rows.duplicateWarnings], ledgerRecordHash: record.hash };
    if (plan.mode === "reclose" && record.hash !== plan.existing!.hash) {
      // Other billed rows or the same rows with exports changed elsewhere: the in-memory path says which.
      const mem = await readCloseInputs(opts.configPath, opts.period);
      if (!mem.ok) return { ok: false, exit: 2, issues: mem.issues };
      return closeOn(ledgerState, { ...mem.value, period: mem.value.period! }, opts, notices);
    }
    const outDir = outDirOf(opts, inputs);
    const dryRun = opts.dryRun === true;
    const ledgerOutcome = plan.mode === "new" ? "appended" : "reproduced";
    // the report keeps its rows for a caller that renders it again (they are read from the parked store)
    kept = true;
    if (dryRun) return { ok: true, report, outDir, ledger: ledgerOutcome, dryRun, notices, ...(opts.reopen ? { reopened: period.label } : {}) };
    await writeOutputSet(outDir, await closeOutputFiles(report, outDir, opts.formats, opts.csvStyle));
    const reopened = opts.reopen ? (await replaceLastRecord(config.ledger, archivePathFor(config.ledger), await materialize(record))).period : undefined;
    if (plan.mode === "new" && !opts.reopen) await appendStreamedRecord(config.ledger, record);
    trace("outputs and ledger written");
    return { ok: true, report, outDir, ledger: ledgerOutcome, dryRun, notices, ...(reopened ? { reopened } : {}) };
  } finally {
    if (kept) rows.store.park();
    else rows.store.dispose();
  }
}

/**
 * The hook for issued documents (issue 12): a close that issued numbered
 * invoices cannot be removed or redone, because those invoices were sent;
 * they are corrected by credit notes. Until undo can issue the credit notes
 * itself, it refuses.
 */
export function issuedRefusal(period: string, numbers: readonly string[], ledgerPath: string, what: "undo" | "reopen"): Issue {
  return error("close-issued-documents", `${period} issued numbered documents (${numbers.join(", ")}): ${what === "undo" ? "undoing" : "reopening"} it would erase invoices that were sent`, {
    source: { file: displayPath(ledgerPath) },
    hint: "an issued invoice is never changed or withdrawn, only corrected by a credit note; correct the rows and let the next close bill the difference",
  });
}
