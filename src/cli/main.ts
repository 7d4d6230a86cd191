// The thin CLI: commander wiring and the exit-code policy, nothing else.
// Each command lives in src/cli/commands/*.ts and calls one use case. The
// help is in the language known before any config is read (--lang, then
// LC_ALL / LC_MESSAGES / LANG); each command then settles its own (cli/language.ts).
import { Command, CommanderError } from "commander";
import { t } from "../domain/issues.js";
import { startLanguage, type Lang } from "../i18n/lang.js";
import { render } from "../i18n/render.js";
import { EXIT, UserError, failureJson } from "./errors.js";
import { registerCommands } from "./commands/index.js";
import { localiseHelp, helpWords } from "./help.js";
import { screenLanguage } from "./language.js";

export function buildProgram(lang: Lang = startLanguage(process.argv.slice(2), process.env)): Command {
  const w = helpWords(lang);
  const program = localiseHelp(new Command("menerva"), lang)
    .description(w("help.program"))
    .version("0.1.0", "-V, --version", w("help.version"))
    .option("--debug", w("help.debug"))
    .exitOverride();
  registerCommands(program, lang);
  return program;
}

/** Run the CLI; returns the exit code (documented in README.md). */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`menerva … | head`) is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  const program = buildProgram(startLanguage(argv.slice(2), process.env));
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(err.render());
      // A pipeline that asked for JSON gets the refusal as JSON too (the text stays on stderr for people).
      if (argv.includes("--json")) process.stdout.write(`${JSON.stringify(failureJson(err), null, 2)}\n`);
      return err.exitCode;
    }
    if (err instanceof CommanderError) {
      // commander already printed its message (or the help text)
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const debug = argv.includes("--debug");
    const e = err as Error;
    const lang = screenLanguage();
    process.stderr.write(
      `${render(t("internal-error", { message: e?.message ?? String(err) }), lang)}\n` +
        `${render(t("internal-error.report", { debug }), lang)}\n` +
        (debug && e?.stack ? `${e.stack}\n` : ""),
    );
    return EXIT.internal;
  }
}
