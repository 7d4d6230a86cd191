// The command-line help and commander's own messages in the run's language.
// Commander writes its help and usage errors in English; here its headings,
// "[options]", defaults, choices and error lines are put in the catalog's
// words. The help's language is known before any config is read: --lang,
// then LC_ALL / LC_MESSAGES / LANG (src/i18n/lang.ts).
import { Help, type Argument, type Command, type Option } from "commander";
import type { PlainKey } from "../domain/issues.js";
import type { Lang } from "../i18n/lang.js";
import { render } from "../i18n/render.js";

/** The words of a help key in `lang`. */
export const helpWords =
  (lang: Lang) =>
  (key: PlainKey): string =>
    render({ key }, lang);

/** Commander's error lines in Dutch (English stays as commander writes it). */
function commanderErrorNl(text: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^error: unknown option '(.*)'/, (o) => `fout: onbekende optie '${o}'`],
    [/^error: unknown command '(.*)'/, (c) => `fout: onbekende opdracht '${c}'`],
    [/^error: missing required argument '(.*)'/, (a) => `fout: verplicht argument '${a}' ontbreekt`],
    [/^error: option '(.*)' argument missing/, (o) => `fout: optie '${o}' mist haar waarde`],
    [/^error: required option '(.*)' not specified/, (o) => `fout: verplichte optie '${o}' ontbreekt`],
    [/^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./, (c, e, g) => `fout: te veel argumenten${c ? ` voor '${c}'` : ""}: ${e} verwacht, ${g} gekregen.`],
    [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./, (o, v, c) => `fout: optie '${o}': waarde '${v}' is niet geldig. Mogelijke keuzes: ${c}.`],
    [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)/, (o, v, why) => `fout: optie '${o}': waarde '${v}' is niet geldig. ${why}`],
    [/^\(Did you mean one of (.*)\?\)/, (c) => `(Bedoelde u een van ${c}?)`],
    [/^\(Did you mean (.*)\?\)/, (c) => `(Bedoelde u ${c}?)`],
  ];
  return text
    .split("\n")
    .map((line) => {
      for (const [re, f] of rules) {
        const m = re.exec(line);
        if (m) return f(...m.slice(1).map((x) => x ?? ""));
      }
      return line;
    })
    .join("\n");
}

/**
 * Put `program`'s help and usage errors in `lang`. Call before adding
 * commands: subcommands inherit these settings from their parent.
 */
export function localiseHelp(program: Command, lang: Lang): Command {
  const w = helpWords(lang);
  const titles: Readonly<Record<string, string>> = {
    "Usage:": w("help.usage"),
    "Arguments:": w("help.arguments"),
    "Options:": w("help.options"),
    "Commands:": w("help.commands"),
    "Global Options:": w("help.global-options"),
  };
  const words = (s: string): string => (lang === "en" ? s : s.replace(/\[options\]/g, `[${w("help.options-word")}]`).replace(/\[command\]/g, `[${w("help.command-word")}]`));
  const extra = (parts: string[]): string => (parts.length > 0 ? `(${parts.join(", ")})` : "");
  program
    .configureHelp({
      styleTitle: (s: string) => titles[s] ?? s,
      commandUsage: (cmd: Command) => words(Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd: Command) => words(Help.prototype.subcommandTerm.call(new Help(), cmd)),
      optionDescription: (o: Option) => {
        const parts: string[] = [];
        if (o.argChoices) parts.push(`${w("help.choices")}: ${o.argChoices.map((c) => JSON.stringify(c)).join(", ")}`);
        const showDefault = o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === "boolean");
        if (o.defaultValue !== undefined && showDefault) parts.push(`${w("help.default")}: ${o.defaultValueDescription || JSON.stringify(o.defaultValue)}`);
        return [o.description, extra(parts)].filter((x) => x).join(" ");
      },
      argumentDescription: (a: Argument) => {
        const parts: string[] = [];
        if (a.argChoices) parts.push(`${w("help.choices")}: ${a.argChoices.map((c) => JSON.stringify(c)).join(", ")}`);
        if (a.defaultValue !== undefined) parts.push(`${w("help.default")}: ${a.defaultValueDescription || JSON.stringify(a.defaultValue)}`);
        return [a.description, extra(parts)].filter((x) => x).join(" ");
      },
    })
    .helpOption("-h, --help", w("help.help"))
    .helpCommand(`help [${w("help.command-word")}]`, w("help.help"))
    .showHelpAfterError(w("help.after-error"));
  if (lang === "nl") program.configureOutput({ outputError: (text, write) => write(commanderErrorNl(text)) });
  return program;
}
