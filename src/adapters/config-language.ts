// The `language` a config file asks for, read before the config itself is
// loaded, so that even the config's own problems are printed in it. Any
// failure (no file, not YAML) is "unknown": the caller falls back to the
// environment, and the real load reports the problem. The YAML reader loads
// on the first call, not at start-up: `--help` does not read a config. The
// config's load then reuses this parse of the same text (yaml-safe.ts).
import type { Lang } from "../i18n/lang.js";

/** Spellings the config accepts for `language` (src/schema/config-shape.ts). */
const ALIASES: Readonly<Record<string, Lang>> = { nl: "nl", en: "en", nederlands: "nl", english: "en" };

/** The config's language: its `language` key, "nl" when it has none (its statements' default); undefined when it cannot be read. */
export async function configLanguage(path: string): Promise<Lang | undefined> {
  const [{ readSmallFile, utf8Text }, { isPlainMap, parseYaml, yamlToPlain }] = await Promise.all([import("./read-small-file.js"), import("../schema/yaml-safe.js")]);
  const read = await readSmallFile(path);
  if (!read.ok) return undefined;
  const text = utf8Text(read.bytes);
  if (text === undefined) return undefined;
  const parsed = parseYaml(text);
  if (!parsed.ok) return undefined;
  const plain = yamlToPlain(parsed.value, { scalar: (n) => n.value });
  if (!plain.ok || !isPlainMap(plain.value)) return undefined;
  const v = plain.value.language;
  if (v === undefined || v === null) return "nl";
  return typeof v === "string" ? ALIASES[v.trim().toLowerCase()] : undefined;
}
