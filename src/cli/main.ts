// The thin CLI: commander wiring and the exit-code policy, nothing else.
// Each command lives in src/cli/commands/*.ts and calls one use case.
import { Command, CommanderError } from "commander";
import { EXIT, UserError } from "./errors.js";
import { registerCommands } from "./commands/index.js";

export function buildProgram(): Command {
  const program = new Command("menerva")
    .description("MENERVA partnership: period close, settlement statements and feasibility scenarios")
    .version("0.1.0")
    .option("--debug", "print stack traces of internal errors")
    .showHelpAfterError("(run menerva --help for usage)")
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Run the CLI; returns the exit code (documented in README.md). */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`menerva … | head`) is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(err.render());
      return err.exitCode;
    }
    if (err instanceof CommanderError) {
      // commander already printed its message (or the help text)
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const debug = argv.includes("--debug");
    const e = err as Error;
    process.stderr.write(
      `menerva: internal error: ${e?.message ?? String(err)}\n` +
        `This is a bug in menerva; please report it with the command you ran${debug ? "" : " (add --debug for details)"}.\n` +
        (debug && e?.stack ? `${e.stack}\n` : ""),
    );
    return EXIT.internal;
  }
}
