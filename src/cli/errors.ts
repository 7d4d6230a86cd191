// Exit codes and the error a command throws for problems the user can fix.
import { byLocation, formatIssue, problemCount, type Issue } from "../domain/issues.js";

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

/** A problem the user can fix; rendered without a stack trace. */
export class UserError extends Error {
  constructor(
    readonly issues: readonly Issue[],
    readonly exitCode: number = EXIT.input,
    readonly footer?: string,
  ) {
    super(issues.map((i) => i.message).join("; "));
  }

  render(): string {
    // The real count, also when only the first ones of a file are listed (a "N more" line counts as its N).
    const n = problemCount(this.issues);
    const lines = [...this.issues].sort(byLocation).map(formatIssue);
    const count = n === 1 ? "1 problem" : `${n} problems`;
    const tail = this.footer ?? (this.exitCode === EXIT.input ? `${count} found; nothing was written.` : "");
    return `${lines.join("\n")}\n${tail ? `${tail}\n` : ""}`;
  }
}
