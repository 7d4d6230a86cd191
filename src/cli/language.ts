// The language of this run (README "Language"; src/i18n/lang.ts states the
// order). Each command settles it first thing, from its --lang and, for a
// command that reads a config, the config's `language`; everything it prints
// afterwards, problems included, uses it.
import { configLanguage } from "../adapters/config-language.js";
import { languageFromEnv, type Lang } from "../i18n/lang.js";

let current: Lang | undefined;

/** The run's language: as settled by the command, else the environment's, else English. */
export function screenLanguage(): Lang {
  return current ?? languageFromEnv(process.env) ?? "en";
}

/** Settle the language of a command: `--lang`, then the config's (when the command reads one and it can be read), then the environment. */
export async function settleLanguage(opts: { readonly lang?: Lang; readonly config?: string }): Promise<Lang> {
  current = opts.lang ?? (opts.config !== undefined ? await configLanguage(opts.config) : undefined) ?? languageFromEnv(process.env) ?? "en";
  return current;
}

/** Set the run's language once it is known from what the command read (e.g. the ledger's records). */
export function useLanguage(lang: Lang): void {
  current = lang;
}

/** Forget the settled language: the next command settles its own (a process running several, as the tests do). */
export function resetLanguage(): void {
  current = undefined;
}
