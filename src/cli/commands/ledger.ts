// `menerva ledger list|show|verify|undo`: views of the period ledger, and
// undoing the last close. A ledger that does not verify is refused (exit 3),
// naming its first broken record.
import type { Command } from "commander";
import { error, formatIssue, formatSource, type Issue } from "../../domain/issues.js";
import type { InputsVerdict } from "../../app/verify-inputs.js";
import type { LedgerState } from "../../ledger/ledger-file.js";
import { addDays as nextDayOf } from "../../domain/period.js";
import { parsePeriod } from "../../domain/period.js";
import { EXIT, UserError } from "../errors.js";
import { resolve } from "node:path";

// The ledger's modules load when a ledger command runs, not for --help.
type M<T> = T;
let readCloseInputs: M<typeof import("../../app/close.js").readCloseInputs>;
let verifyInputs: M<typeof import("../../app/verify-inputs.js").verifyInputs>;
let undoLastClose: M<typeof import("../../app/ledger-undo.js").undoLastClose>;
let BilledTable: M<typeof import("../../ledger/billed-rows.js").BilledTable>;
let decodeIds: M<typeof import("../../ledger/billed-rows.js").decodeIds>;
let displayPath: M<typeof import("../../ledger/ledger-file.js").displayPath>;
let readLedger: M<typeof import("../../ledger/ledger-file.js").readLedger>;
let resolveLedgerPath: M<typeof import("../../ledger/ledger-path.js").resolveLedgerPath>;
let checkInputs: M<typeof import("../../ledger/ledger-report.js").checkInputs>;
let listData: M<typeof import("../../ledger/ledger-report.js").listData>;
let listText: M<typeof import("../../ledger/ledger-report.js").listText>;
let showText: M<typeof import("../../ledger/ledger-report.js").showText>;
let summarise: M<typeof import("../../ledger/ledger-report.js").summarise>;
let OUTPUT_FAILURES: M<typeof import("../../app/verify-outputs.js").OUTPUT_FAILURES>;
let outputChecksText: M<typeof import("../../app/verify-outputs.js").outputChecksText>;
let outputRootOf: M<typeof import("../../app/verify-outputs.js").outputRootOf>;
let verifyOutputs: M<typeof import("../../app/verify-outputs.js").verifyOutputs>;

async function load(): Promise<void> {
  const [close, verify, undo, billed, file, path, report, outputs] = await Promise.all([
    import("../../app/close.js"),
    import("../../app/verify-inputs.js"),
    import("../../app/ledger-undo.js"),
    import("../../ledger/billed-rows.js"),
    import("../../ledger/ledger-file.js"),
    import("../../ledger/ledger-path.js"),
    import("../../ledger/ledger-report.js"),
    import("../../app/verify-outputs.js"),
  ]);
  ({ readCloseInputs } = close);
  ({ verifyInputs } = verify);
  ({ undoLastClose } = undo);
  ({ BilledTable, decodeIds } = billed);
  ({ displayPath, readLedger } = file);
  ({ resolveLedgerPath } = path);
  ({ checkInputs, listData, listText, showText, summarise } = report);
  ({ OUTPUT_FAILURES, outputChecksText, outputRootOf, verifyOutputs } = outputs);
}

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

export function registerLedger(program: Command): void {
  const ledger = program.command("ledger").description("closed periods: list, show and verify the period ledger");

  whereOptions(ledger.command("list"))
    .description("closed periods with totals and reserve history")
    .option("--json", "print JSON instead of a table")
    .action(async (opts: Where & { json?: boolean }) => {
      await load();
      const state = await openLedger(opts);
      if (opts.json) json(listData(state));
      else process.stdout.write(listText(state));
    });

  whereOptions(ledger.command("show").argument("<period>", "closed period: 2025-03, 2025-Q1, 2025 or FROM..TO"))
    .description("one closed period's record")
    .option("--json", "print JSON instead of text")
    .option("--fingerprints", "with --json: include the record's row columns and the ids of every billed and reversed row")
    .action(async (period: string, opts: Where & { json?: boolean; fingerprints?: boolean }) => {
      await load();
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
    .description("remove the last close from the ledger (archived beside it); repeat to walk back. Refused for a close that issued numbered invoices")
    .option("--json", "print JSON")
    .action(async (period: string | undefined, opts: Where & { json?: boolean }) => {
      await load();
      const path = await resolveLedgerPath(opts);
      if (!path.ok) throw new UserError(path.issues, EXIT.input);
      const wanted = period === undefined ? undefined : (parsePeriod(period)?.label ?? period.trim());
      const res = await undoLastClose(path.value, wanted);
      if (!res.ok) throw new UserError(res.issues, EXIT.refused, "nothing was changed.");
      printWarnings(res.warnings);
      const { removed, archive, now } = res.value;
      if (opts.json) {
        json({ ledger: displayPath(path.value), undone: removed.period, hash: removed.hash, archive: displayPath(archive), last_closed: now?.period ?? null });
        return;
      }
      process.stdout.write(
        `Undone: ${removed.period} (record ${removed.seq}, ${removed.hash.slice(0, 12)}), archived in ${displayPath(archive)}. ` +
          `${now ? `The ledger now ends with ${now.period}; the next close is the period starting ${nextDay(now.to)}.` : "The ledger is empty; the next close starts at the project start."} ` +
          `The statement files of ${removed.period} were left in place; the next close of that period overwrites them.\n`,
      );
    });

  whereOptions(ledger.command("verify"))
    .description("recompute the hash chain (exit 3 when broken); --inputs also compares the current exports with the closed rows (exit 3 when a closed row changed or vanished)")
    .option("--inputs", "re-read the config's exports: list every closed row that changed or vanished since its close")
    .option("--outputs [dir]", "check that each closed period's output folder holds its complete set (SHA256SUMS); default: the config's output folder")
    .option("--json", "print JSON")
    .action(async (opts: Where & { inputs?: boolean; outputs?: boolean | string; json?: boolean }) => {
      await load();
      const state = await openLedger(opts);
      const file = displayPath(state.path);
      const last = state.records[state.records.length - 1];
      const checks = opts.inputs ? await checkInputs(state) : undefined;
      let verdict: InputsVerdict | undefined;
      if (opts.inputs) {
        const read = await readCloseInputs(opts.config ?? "menerva.yaml");
        if (!read.ok) throw new UserError(read.issues, EXIT.input);
        verdict = verifyInputs(state, read.value);
      }
      const changed = verdict?.changes.length ?? 0;
      if (changed > 0) process.exitCode = EXIT.refused;
      const outputs = opts.outputs
        ? await verifyOutputs(state, typeof opts.outputs === "string" ? resolve(opts.outputs) : await outputRootOf(opts.config ?? "menerva.yaml"))
        : undefined;
      if (outputs?.some((o) => OUTPUT_FAILURES.has(o.status))) process.exitCode = EXIT.refused;
      if (opts.json) {
        json({
          ledger: file,
          verified: true,
          records: state.records.length,
          last_hash: last?.hash ?? null,
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
      if (verdict.late.length > 0) {
        process.stdout.write(`  ${verdict.late.length} late ${verdict.late.length === 1 ? "row" : "rows"} dated in closed periods, not billed yet: ${verdict.late.slice(0, 5).map((l) => formatSource(l.source)).join(", ")}${verdict.late.length > 5 ? ", …" : ""}\n`);
      }
      process.stdout.write(
        changed === 0
          ? `every closed row is in the exports as it was closed${verdict.late.length > 0 ? "; the next close bills the late rows as corrections" : ""}\n`
          : `${changed} closed ${changed === 1 ? "row" : "rows"} changed or vanished: the next close reverses the withdrawn ones and bills the new versions as corrections (exit 3)\n`,
      );
    });
}
