// `menerva ledger list|show|verify`: read-only views of the period ledger.
// A ledger that does not verify is refused (exit 3), naming its first broken record.
import type { Command } from "commander";
import { error, formatIssue, type Issue } from "../../domain/issues.js";
import { parsePeriod } from "../../domain/period.js";
import { displayPath, readLedger, type LedgerState } from "../../ledger/ledger-file.js";
import { resolveLedgerPath } from "../../ledger/ledger-path.js";
import { checkInputs, listData, listText, showText, summarise } from "../../ledger/ledger-report.js";
import { EXIT, UserError } from "../errors.js";
import { OUTPUT_FAILURES, outputChecksText, outputRootOf, verifyOutputs } from "../../app/verify-outputs.js";
import { resolve } from "node:path";

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
      const state = await openLedger(opts);
      if (opts.json) json(listData(state));
      else process.stdout.write(listText(state));
    });

  whereOptions(ledger.command("show").argument("<period>", "closed period: 2025-03, 2025-Q1, 2025 or FROM..TO"))
    .description("one closed period's record")
    .option("--json", "print JSON instead of text")
    .option("--fingerprints", "with --json: include the ids of every included row")
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
      if (opts.json) json(opts.fingerprints ? record : summarise(record));
      else process.stdout.write(showText(record));
    });

  whereOptions(ledger.command("verify"))
    .description("recompute the hash chain (exit 3 when broken); --inputs also re-reads the recorded input files")
    .option("--inputs", "say which recorded input files changed since their close")
    .option("--outputs [dir]", "check that each closed period's output folder holds its complete set (SHA256SUMS); default: the config's output folder")
    .option("--json", "print JSON")
    .action(async (opts: Where & { inputs?: boolean; outputs?: boolean | string; json?: boolean }) => {
      const state = await openLedger(opts);
      const file = displayPath(state.path);
      const last = state.records[state.records.length - 1];
      const checks = opts.inputs ? await checkInputs(state) : undefined;
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
          ...(outputs ? { outputs: outputs.map((o) => ({ ...o, folder: displayPath(o.folder) })) } : {}),
        });
        return;
      }
      const n = state.records.length;
      process.stdout.write(
        `${file}: ${n} ${n === 1 ? "record" : "records"}, keten in orde / chain verified${last ? ` (last hash ${last.hash.slice(0, 12)})` : ""}\n`,
      );
      if (outputs) process.stdout.write(outputChecksText(outputs, displayPath));
      if (!checks) return;
      const differ = checks.filter((c) => c.status !== "unchanged");
      for (const c of differ) {
        process.stdout.write(`${c.period}: ${c.kind} ${c.file}: ${c.status === "missing" ? "missing / ontbreekt" : "changed since the close / gewijzigd sinds de afsluiting"}\n`);
      }
      process.stdout.write(
        differ.length === 0
          ? `all ${checks.length} recorded input files are as they were closed\n`
          : `${differ.length} of ${checks.length} recorded input files differ (normal for cumulative exports that grew; re-closing a period shows which rows changed)\n`,
      );
    });
}
