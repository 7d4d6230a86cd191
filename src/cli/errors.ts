// Exit codes and the error a command throws for problems the user can fix.
import { byLocation, problemCount, t, type Issue, type Text } from "../domain/issues.js";
import type { Lang } from "../i18n/lang.js";
import { formatIssue, render } from "../i18n/render.js";
import { screenLanguage } from "./language.js";

/** Exit codes (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** An internal error: a bug in menerva. */
  internal: 1,
  /** Bad input or usage: every problem printed, nothing written. */
  input: 2,
  usage: 2,
  /** Refused by the ledger: period already closed with other inputs, out of order, locked, tampered. */
  refused: 3,
} as const;

/** A problem the user can fix; rendered without a stack trace, in the run's language. */
export class UserError extends Error {
  constructor(
    readonly issues: readonly Issue[],
    readonly exitCode: number = EXIT.input,
    /** The closing line (default for input errors: "N problems found; nothing was written."); "" for none. */
    readonly footer?: Text | string,
  ) {
    super(issues.map((i) => render(i.message, "en")).join("; "));
  }

  render(lang: Lang = screenLanguage()): string {
    // The real count, also when only the first ones of a file are listed (a "N more" line counts as its N).
    const n = problemCount(this.issues);
    const lines = [...this.issues].sort(byLocation).map((i) => formatIssue(i, lang));
    const tail = this.footer !== undefined ? this.footer : this.exitCode === EXIT.input ? t("footer.problems-found", { count: n }) : "";
    const text = tail === "" ? "" : render(tail, lang);
    return `${lines.join("\n")}\n${text ? `${text}\n` : ""}`;
  }
}

/**
 * A refusal as JSON, for `--json` runs (CI reads stdout): exit code, the
 * problem count and every issue with its place, in English like the rest of
 * menerva's JSON. The same issues are on stderr as text.
 */
export function failureJson(err: UserError): Record<string, unknown> {
  return {
    ok: false,
    exit: err.exitCode,
    problems: problemCount(err.issues),
    issues: [...err.issues].sort(byLocation).map((i) => ({
      severity: i.severity,
      code: i.code,
      message: render(i.message, "en"),
      ...(i.source ? { file: i.source.file, ...(i.source.sheet !== undefined ? { sheet: i.source.sheet } : {}), ...(i.source.line !== undefined ? { line: i.source.line } : {}), ...(i.source.column !== undefined ? { column: i.source.column } : {}) } : {}),
      ...(i.subject !== undefined ? { subject: render(i.subject, "en") } : {}),
      ...(i.found !== undefined ? { found: render(i.found, "en").slice(0, 80) } : {}),
      ...(i.hint !== undefined ? { hint: render(i.hint, "en") } : {}),
      ...(i.more !== undefined ? { more: i.more } : {}),
    })),
  };
}
