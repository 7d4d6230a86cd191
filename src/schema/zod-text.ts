// Problems found by zod schemas, in catalog words. zod carries a string
// message; menerva's words (a Text: key and parameters) travel in the issue's
// `params`, or, where zod only takes a string (an `error:` option), as the
// catalog key itself. The readers of zod issues turn them back into Texts.
import type { Text } from "../domain/issues.js";

/** A custom zod issue saying `text`. */
export const says = (text: Text, extra: { readonly path?: PropertyKey[]; readonly input?: unknown } = {}) => ({
  code: "custom" as const,
  message: text.key,
  params: { text },
  ...extra,
});

/** Catalog keys given to zod as plain `error:` strings start with one of these. */
const KEY_PREFIXES = ["costprice.", "scenario."];

/** The words of a zod issue: its Text, a catalog key it carries as message, or zod's own words (English, shown as they are). */
export function zodText(issue: { readonly code: string; readonly message: string; readonly params?: unknown }): Text {
  const said = issue.code === "custom" ? (issue.params as { text?: Text } | undefined)?.text : undefined;
  if (said) return said;
  if (KEY_PREFIXES.some((p) => issue.message.startsWith(p)) && !/\s/.test(issue.message)) return { key: issue.message };
  return { key: "bad-value", literal: issue.message };
}
