// The whole `menerva close`: read everything, take the ledger lock, decide
// (new close, re-close, refusal), compute, number and render the documents
// (close-documents.ts), write the outputs as one set with the documents and
// their journal (output-folder.ts), then append the ledger record atomically
// (with its head).
// A crash between the two leaves new outputs and the old ledger: running the
// same close again reproduces the outputs byte for byte and appends the record.
// A refused close leaves no folder it made. A dry run does everything up to
// the writing and writes nothing (no folder, no lock, no record, no repair).
import { dirname, resolve } from "node:path";
import { checkOutputSet, repairOutputSets, writeOutputSet } from "../adapters/output-folder.js";
import { outputFolderProblem } from "../adapters/output-target.js";
import { makeDirs } from "../adapters/made-dirs.js";
import { error, t, warning, type Issue } from "../domain/issues.js";
import { diffInputs } from "../ledger/diff.js";
import { readBooks } from "../ledger/books.js";
import { interruptedUndo, readArchive } from "../ledger/archive.js";
import { appendRecord, archivePathFor, displayPath, lastRecord, readLedger, renewHead, replaceLastRecord, type LedgerState } from "../ledger/ledger-file.js";
import { acquireLock, type Lock } from "../ledger/lock.js";
import { sealRecord } from "../ledger/record.js";
import type { CloseReport } from "../report/close-report.js";
import { buildCloseReport, buildStreamedReport, readCloseInputs, type ReadInputs, type StreamedInputs } from "./close.js";
import { appendStreamedRecord, materialize, sealStreamed } from "../ledger/record-stream.js";
import { writeBilledColumns, type FillOptions } from "../engine/billed-writer.js";
import type { EngineTuning } from "../engine/stream-close.js";
import { trace } from "../engine/trace.js";
import { shareFor } from "../domain/invoice.js";
import type { LoadedConfig } from "../adapters/config-file.js";
import type { LedgerRecord } from "../ledger/record.js";
import type { Period } from "../domain/period.js";
import { asReversals, billedIds, billedPerFile, configRelative, identifyInputs, ledgerRelative, planClose, priorLookup, recordBody, recordBodyBesidesBilled, reserveHistory, undoCommand } from "./close-ledger.js";
import { filePartnersOf, findMissing, missingRowWarnings, partnersPerFile, type FilePartners, type MissingRow } from "./withdrawn-rows.js";
import { closeRows } from "../report/close-rows.js";
import type { BenefitRow, HourRow } from "../domain/model.js";
import { feeChanges, feeChangeWarnings } from "./fee-changes.js";
import { ALL_FORMATS, closeOutputFiles, type OutputFormat } from "./close-outputs.js";
import type { CsvStyle } from "../report/csv-text.js";
import { dec } from "../domain/money.js";
import { toBillingInput } from "../domain/invoice.js";
import { outputsChange, presentationChanges, presentationJson, recordedPresentation, type OutputsChange, type Presentation, type PresentationChange } from "./close-presentation.js";
import type { OutputFile } from "../adapters/atomic-write.js";

export type CloseRunOptions = {
  readonly configPath: string;
  readonly period: string;
  readonly out?: string;
  /**
   * Presentation of the output set. Left out: for a closed period (a re-close,
   * a reopen) the options its record keeps, else the config's language, all
   * formats and plain CSV.
   */
  readonly language?: "nl" | "en";
  readonly formats?: readonly OutputFormat[];
  /** plain or excel-be (`;`, decimal comma, BOM). */
  readonly csvStyle?: CsvStyle;
  /** Remove the period's ledger record first (only the last one may be reopened). */
  readonly reopen?: boolean;
  /** Compute and report, write nothing (no outputs, no record, no lock). */
  readonly dryRun?: boolean;
  /** Allow a period whose last month holds no input data (or that starts after the inputs' latest date). */
  readonly allowEmpty?: boolean;
  /** Issue date of the documents this close numbers (default: the day after the period). */
  readonly invoiceDate?: string;
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
      /** The formats, CSV style and language of the output set (written, or that would be). */
      readonly presentation: Presentation;
      /** A close of a closed period: the presentation options that differ from the ones its record keeps (undefined: the record keeps none). */
      readonly presentationChanged?: readonly PresentationChange[];
      /** What the write changed in the output folder against the set it held (not for a dry run or `unchanged`). */
      readonly outputs?: OutputsChange & { readonly wasClosedSet: boolean };
      /** `unchanged`: the output folder does not hold a whole set (missing or changed files): `ledger repair-outputs` rewrites it. */
      readonly folderNotClosedSet?: boolean;
      /** The output files of this close for a folder (nothing written): for `ledger repair-outputs`. */
      readonly render: (dir: string) => Promise<OutputFile[]>;
      /** True for a dry run: `ledger` says what a real close would have done; nothing was written. */
      readonly dryRun: boolean;
      /** Things to tell the user on stderr that are not part of the close (e.g. a stale lock taken over). */
      readonly notices: readonly Issue[];
    }
  | { readonly ok: false; readonly exit: 2 | 3; readonly issues: readonly Issue[] };

const refused = (issues: readonly Issue[]) => ({ ok: false as const, exit: 3 as const, issues });
const refuse = (issues: readonly Issue[]): CloseRunOutcome => refused(issues);

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

// The e-invoices' writers (PDF, UBL: the heaviest modules of a close) load while the exports are read, not before.
let documentsModule: Promise<typeof import("./close-documents.js")> | undefined;
const documents = (): Promise<typeof import("./close-documents.js")> => (documentsModule ??= import("./close-documents.js"));

/** How the billed columns are filled: on a second thread unless the close runs on one (billed-writer.ts). */
const fillOptions = (opts: CloseRunOptions): FillOptions => ({ ...(opts.threads !== undefined ? { threads: opts.threads } : {}), ...(opts.tuning?.fillFrom !== undefined ? { parallelFrom: opts.tuning.fillFrom } : {}), ...(opts.tuning?.fillBatchBytes !== undefined ? { batchBytes: opts.tuning.fillBatchBytes } : {}) });

const readFor = (opts: CloseRunOptions, base?: readonly LedgerRecord[]) =>
  readCloseInputs(
    opts.configPath,
    opts.period,
    opts.engine === "memory"
      ? undefined
      : {
          base: base ? async () => base : baseSnapshot(opts),
          ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
          ...(opts.tuning ? { tuning: opts.tuning } : {}),
          // a failed load shows where the documents are made, not as a stray rejection here
          whileReading: (config) => void documents().then((m) => (config.invoicing ? m.documentWriters() : undefined)).catch(() => undefined),
          fill: fillOptions(opts),
        },
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
      const begun = await undoInterrupted(ledger.value);
      if (begun) return refuse([begun]);
      return await closeOn(ledger.value, inputs, opts, ledger.warnings);
    }
    // A folder the outputs cannot go to: said now, before the ledger's folder is made or the lock taken.
    const outDir = outDirOf(opts, inputs);
    const unwritable = await outputFolderProblem(outDir, opts.out !== undefined ? "--out" : "output", opts.out ?? displayPath(outDir));
    if (unwritable) return { ok: false, exit: 2, issues: [unwritable] };
    // The lock needs the ledger's folder; a refused close removes it again if it made it.
    const made = await makeDirs(dirname(config.ledger));
    const outcome = await closeLocked(opts, inputs);
    if (!outcome.ok) await made.undo();
    return outcome;
  } finally {
    // the streaming engine's row stores (the first, and any read again), unless the close parked one for the report it returns
    for (const store of inputs.streamed ? [inputs.streamed.rows.store, ...inputs.streamed.rereads] : []) if (!store.isParked) store.dispose();
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
      warning("outputs-repaired", {}, { source: { file: displayPath(d) } }),
    );
    const ledger = await readLedger(config.ledger);
    if (!ledger.ok) return refuse(ledger.issues);
    const begun = await undoInterrupted(ledger.value);
    if (begun) return refuse([begun]);
    // A head an interrupted close, reopen or undo left behind is renewed first, like an interrupted output switch.
    const renewed = (await renewHead(ledger.value))
      ? [warning("ledger-head-renewed", {}, { source: { file: `${displayPath(config.ledger)}.head` } })]
      : [];
    const { headLag: _renewed, ...state } = ledger.value;
    const told = renewed.length > 0 ? ledger.warnings.filter((w) => w.code !== "ledger-head-lags") : ledger.warnings;
    return await closeOn(state, inputs, opts, [...taken.warnings, ...told, ...repaired, ...renewed]);
  } finally {
    await lock.release();
  }
}

/**
 * An `undo --credit` of the last close killed after it archived the close with
 * its credit notes: a close now would carry those credit notes into a period
 * that is still closed. Refused until the undo is finished.
 */
async function undoInterrupted(state: LedgerState): Promise<Issue | undefined> {
  const archive = await readArchive(archivePathFor(state.path));
  const last = lastRecord(state);
  const begun = archive.ok ? interruptedUndo(archive.value, last) : undefined;
  if (!begun || !last) return undefined;
  const notes = (begun.issued ?? []).map((d) => d.number).filter((n) => !(last.issued ?? []).some((d) => d.number === n));
  return error("undo-interrupted", { period: last.period, notes: notes.join(", ") }, {
    source: { file: displayPath(state.path), line: last.seq },
    hint: t("undo-interrupted.hint", { period: last.period }),
  });
}

const outDirOf = (opts: CloseRunOptions, inputs: ReadInputs & { period: Period }): string =>
  resolve(opts.out ?? resolve(inputs.config.output, inputs.period.label));

/**
 * Plan, compute and (unless a dry run) write a close on a ledger state read
 * under the lock. `ledger repair-outputs` runs it as a dry run and renders
 * the files with `render`.
 */
export async function closeOn(
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
        error("reopen-not-last", { period: period.label, last: last?.period ?? "" }, {
          source: { file: displayPath(config.ledger), ...(last ? { line: last.seq } : {}) },
        }),
      ]);
    }
    // Plan as if the record were gone; it is archived and removed only once the new close is computed.
    state = { ...state, records: state.records.slice(0, -1) };
  }
  const plan = planClose(state, period, { start: config.model.start, latest: inputs.latest, ...(opts.allowEmpty ? { allowEmpty: true } : {}) });
  if (!plan.ok) return { ok: false, exit: plan.exit, issues: plan.issues };
  // A closed period is written as its record says unless an option says otherwise (a re-close reproduces its bytes).
  const closedRecord = opts.reopen ? lastRecord(ledgerState) : plan.existing;
  const recorded = recordedPresentation(closedRecord);
  const presentation: Presentation = {
    formats: opts.formats ?? recorded?.formats ?? ALL_FORMATS,
    csvStyle: opts.csvStyle ?? recorded?.csvStyle ?? "plain",
    language: opts.language ?? recorded?.language ?? config.model.language,
  };
  const presentationChanged = closedRecord && recorded ? presentationChanges(presentation, recorded) : undefined;

  if (inputs.streamed && (plan.mode !== "new" || opts.reopen)) {
    // A re-close or a reopen compares with, or replaces, a record held whole: the in-memory path (the reference) does it.
    const mem = await readCloseInputs(opts.configPath, opts.period);
    if (!mem.ok) return { ok: false, exit: 2, issues: mem.issues };
    return closeOn(ledgerState, { ...mem.value, period: mem.value.period! }, opts, notices);
  }
  const computed = inputs.streamed ? await computeStreamed(inputs as StreamedReadInputs, plan.base, opts, presentation.language) : computeInMemory(inputs, plan, presentation.language);
  if (!computed.ok) return computed;
  const { built, missing, filePartners } = computed;
  const prev = plan.base[plan.base.length - 1];

  // The documents (issue 12): numbered against every record before this one, rendered, hashed into the record.
  const r = built.result;
  const { closeDocuments, documentFiles } = await documents();
  const docs = await closeDocuments({
    invoicing: config.invoicing,
    ledgerPath: config.ledger,
    mode: opts.reopen ? "reopen" : plan.mode,
    base: plan.base,
    previous: opts.reopen ? lastRecord(ledgerState) : plan.existing,
    live: ledgerState.records,
    invoices: r.invoices.map((i) => toBillingInput(i, r.period)),
    period: r.period,
    askedDate: opts.invoiceDate,
    projectName: r.config.project,
    language: built.language,
  });
  if (!docs.ok) {
    computed.dispose();
    return { ok: false, exit: docs.exit, issues: docs.issues };
  }

  // A re-close is compared with its record as it was written (its presentation included); a new close or a reopen records its own.
  const shown = plan.mode === "reclose" ? plan.existing!.presentation : presentationJson(presentation);
  const record = await computed.seal({ ...docs.value.record, ...(shown ? { presentation: shown } : {}) }, prev);
  const changes = feeChanges(plan.base, config.model);
  const report: CloseReport = {
    ...built,
    warnings: [
      ...built.warnings,
      ...computed.rowWarnings,
      ...missingRowWarnings(missing, filePartners),
      // the late rows are listed only when a fee changed for a closed period (a streamed close reads them back)
      ...(changes.length > 0 ? feeChangeWarnings(changes, prev, config.model, lateRows(built)) : []),
      ...docs.value.warnings,
    ],
    ledgerRecordHash: record.hash,
    documents: docs.value.info,
  };

  const outDir = outDirOf(opts, inputs);
  const dryRun = opts.dryRun === true;
  const unchanged = plan.mode === "reclose" && record.hash !== plan.existing!.hash;
  // Same rows and config, but the exports changed outside the period: the statement as the exports say now, under the closed record.
  const final: CloseReport = unchanged ? { ...report, ledgerRecordHash: plan.existing!.hash } : report;
  // The documents and their journal are part of the close's output set: they switch with it, at once.
  const render = async (dir: string): Promise<OutputFile[]> => {
    const files = await closeOutputFiles(final, dir, presentation.formats, presentation.csvStyle);
    if (config.invoicing) files.push(...documentFiles(docs.value.docs, dir, config.invoicing.accounts, final.language, presentation.csvStyle));
    return files;
  };
  // the report keeps its rows for a caller that renders it again (a streamed close reads them from its parked store)
  computed.keep();
  const common = { ok: true as const, outDir, dryRun, notices, presentation, ...(presentationChanged ? { presentationChanged } : {}), render };
  if (unchanged) {
    // (a cumulative file grew, or corrected rows of other periods): the closed
    // statement stays as it was closed; the next close corrects what changed.
    const held = dryRun ? undefined : (await checkOutputSet(outDir)).status === "ok";
    return { ...common, report: final, ledger: "unchanged", ...(held === false ? { folderNotClosedSet: true } : {}) };
  }
  const ledgerOutcome = plan.mode === "new" ? "appended" : "reproduced";
  if (dryRun) return { ...common, report, ledger: ledgerOutcome, ...(opts.reopen ? { reopened: period.label } : {}) };
  const files = await render(outDir);
  const was = await checkOutputSet(outDir);
  const outputs = { ...(await outputsChange(outDir, files)), wasClosedSet: was.status === "ok" };
  await writeOutputSet(outDir, files);
  // Outputs first, then the ledger: a crash in between leaves new outputs and
  // the old ledger, and running the same close again finishes the job.
  const reopened = opts.reopen ? (await replaceLastRecord(config.ledger, archivePathFor(config.ledger), await record.whole())).period : undefined;
  if (plan.mode === "new" && !opts.reopen) await record.append();
  trace("outputs and ledger written");
  return { ...common, report, ledger: ledgerOutcome, outputs, ...(reopened ? { reopened } : {}) };
}

type StreamedReadInputs = ReadInputs & { period: Period; streamed: StreamedInputs };
type Plan = Extract<ReturnType<typeof planClose>, { ok: true }>;
type RecordExtras = Partial<Omit<LedgerRecord, "hash" | "prev_hash" | "seq" | "billed">>;

/** A sealed record: its hash, and how to append it or hold it whole. */
type Sealed = { readonly hash: string; readonly append: () => Promise<void>; readonly whole: () => Promise<LedgerRecord> };

/** The close computed from the rows, in memory or streamed: the report, what is missing, and how to seal its record. */
type Computed = {
  readonly ok: true;
  readonly built: CloseReport;
  readonly missing: { readonly reversals: readonly MissingRow[]; readonly unrestated: readonly MissingRow[] };
  readonly filePartners: readonly FilePartners[];
  /** Warnings of the rows' identity (identical rows in one export). */
  readonly rowWarnings: readonly Issue[];
  readonly seal: (extras: RecordExtras, prev: LedgerRecord | undefined) => Promise<Sealed>;
  /** The report's rows stay readable after the close (a streamed close parks its row store). */
  readonly keep: () => void;
  /** A refused close: the rows are not needed any more. */
  readonly dispose: () => void;
};

/** The rows billed as corrections of closed periods. */
function lateRows(report: CloseReport): { hours: HourRow[]; benefits: BenefitRow[] } {
  const late = { hours: [] as HourRow[], benefits: [] as BenefitRow[] };
  for (const c of closeRows(report).all()) {
    if (c.status !== "adjustment") continue;
    if (c.row.kind === "hours") late.hours.push(c.row);
    else late.benefits.push(c.row);
  }
  return late;
}

/** The reference close: every row in memory, identified by its fingerprint. */
function computeInMemory(inputs: ReadInputs & { period: Period }, plan: Plan, language: "nl" | "en"): Computed | { ok: false; exit: 2 | 3; issues: readonly Issue[] } {
  const { config, period } = inputs;
  const books = readBooks(plan.base);
  const ids = identifyInputs(inputs.hours, inputs.benefits);
  const filePartners = filePartnersOf(inputs);
  const missing = findMissing(books, ids, inputs, filePartners, inputs.cumulative, (f) => ledgerRelative(f, config.ledger, config.dir));
  const prev = plan.base[plan.base.length - 1];
  const built = buildCloseReport(inputs, {
    language,
    prior: priorLookup(ids, books),
    ...(prev ? { opening: { amount: dec(prev.closing_reserve), period: prev.period } } : {}),
    reserveHistory: reserveHistory(plan.base),
    closed: books.periods,
    reversals: asReversals(missing.reversals),
  });
  if (!built.ok) return { ok: false, exit: 2, issues: built.issues };

  const body = recordBody(built.value, ids, missing.reversals, config.ledger, config.dir, config.canonical, partnersPerFile(filePartners));
  if (plan.mode === "reclose") {
    const changes = diffInputs(plan.existing!, {
      config_sha256: body.config_sha256,
      configCanonical: config.canonical,
      inputs: body.inputs,
      billed: billedIds(built.value.result, ids),
      perFile: billedPerFile(built.value.result, ids, config.ledger, config.dir),
    }, (f) => configRelative(f, config.ledger, config.dir));
    if (changes.length > 0) {
      return refused([
        error("reclose-changed", { period: period.label, changes }, {
          source: { file: displayPath(config.ledger), line: plan.existing!.seq },
          hint: t("reclose-changed.hint", { period: period.label, undo: undoCommand(plan.existing!) }),
        }),
      ]);
    }
  }
  return {
    ok: true,
    built: built.value,
    missing,
    filePartners,
    rowWarnings: [...ids.hours.warnings, ...ids.benefits.warnings],
    seal: async (extras, prevRecord) => {
      const record = sealRecord({ ...body, ...extras }, prevRecord);
      return { hash: record.hash, append: () => appendRecord(config.ledger, record), whole: async () => record };
    },
    keep: () => {},
    dispose: () => {},
  };
}

/**
 * The close of inputs the streaming engine read (issue 15): the same report
 * and record, computed from row totals; the rows are read back from the row
 * store for the outputs, and the record's billed columns are written to a
 * file and appended without being held.
 */
async function computeStreamed(given: StreamedReadInputs, base: readonly LedgerRecord[], opts: CloseRunOptions, language: "nl" | "en"): Promise<Computed | { ok: false; exit: 2 | 3; issues: readonly Issue[] }> {
  let inputs = given;
  const last = base[base.length - 1];
  if (inputs.streamed.base.count !== base.length || inputs.streamed.base.lastHash !== (last?.hash ?? "")) {
    // the ledger moved between reading and locking: classify again against its books now
    inputs.streamed.rows.store.dispose();
    const again = await readFor(opts, base);
    if (!again.ok) return { ok: false, exit: 2, issues: again.issues };
    inputs = { ...again.value, period: again.value.period! } as StreamedReadInputs;
    given.streamed.rereads.push(inputs.streamed.rows.store);
  }
  const { config } = inputs;
  const rows = inputs.streamed.rows;
  const books = readBooks(base);
  const built = buildStreamedReport(inputs, {
    language,
    ...(last ? { opening: { amount: dec(last.closing_reserve), period: last.period } } : {}),
    reserveHistory: reserveHistory(base),
    closed: books.periods,
    reversals: asReversals(rows.missing.reversals),
  });
  if (!built.ok) {
    rows.store.dispose();
    return { ok: false, exit: 2, issues: built.issues };
  }
  const body = recordBodyBesidesBilled(built.value, rows.missing.reversals, config.ledger, config.dir, config.canonical, partnersPerFile(rows.filePartners));
  trace("close computed");
  return {
    ok: true,
    built: built.value,
    missing: rows.missing,
    filePartners: rows.filePartners,
    rowWarnings: rows.duplicateWarnings,
    seal: async (extras, prevRecord) => {
      const billed = await writeBilledColumns(rows.store, config.model, config.model.benefitTypes.map((ty) => shareFor(config.model, ty)), rows.billed, { ...fillOptions(opts), ...(rows.fillHelper ? { helper: rows.fillHelper } : {}) });
      trace("billed columns written");
      const record = await sealStreamed({ ...body, ...extras }, billed.parts, prevRecord);
      trace("record sealed");
      return { hash: record.hash, append: () => appendStreamedRecord(config.ledger, record), whole: () => materialize(record) };
    },
    keep: () => rows.store.park(),
    dispose: () => rows.store.dispose(),
  };
}

/**
 * `ledger undo` of a close that issued numbered documents: refused without
 * --credit, because those documents were sent; they are reversed by credit
 * notes, never erased.
 */
export function issuedRefusal(period: string, numbers: readonly string[], ledgerPath: string): Issue {
  return error("close-issued-documents", { period, numbers: numbers.join(", ") }, {
    source: { file: displayPath(ledgerPath) },
    hint: t("close-issued-documents.hint", { period }),
  });
}
