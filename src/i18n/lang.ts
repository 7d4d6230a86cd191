// Which language a run speaks (README "Language"): one at a time, for help,
// messages, warnings, summaries and the files it writes.
//   1. `--lang nl|en` on the command line;
//   2. for a command that reads a config (close, validate, ledger, report):
//      the config's `language` (Dutch when it has none, like its statements);
//   3. otherwise the environment: LC_ALL, then LC_MESSAGES, then LANG (the
//      first one set and not empty, as POSIX orders them); Dutch when it
//      names Dutch (nl, nl_BE.UTF-8, nl-NL), English for any other value;
//   4. English.
// Pure: the caller passes argv and the environment.

export type Lang = "nl" | "en";
export const LANGS: readonly Lang[] = ["nl", "en"];

export const isLang = (x: unknown): x is Lang => x === "nl" || x === "en";

/** The language the environment asks for: LC_ALL, LC_MESSAGES, LANG (the first non-empty one); undefined when none is set. */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const v = env[name]?.trim();
    if (v) return /^nl(?:[_.@-]|$)/i.test(v) ? "nl" : "en";
  }
  return undefined;
}

/** `--lang X` or `--lang=X` on the command line, when X is nl or en. */
export function languageFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") break;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (isLang(v)) return v;
  }
  return undefined;
}

/** The language before any config is read: `--lang`, then the environment, then English. */
export function startLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  return languageFromArgv(argv) ?? languageFromEnv(env) ?? "en";
}
