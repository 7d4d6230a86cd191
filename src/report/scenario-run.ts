// What produced a scenario output: the command, the input files (with a
// SHA-256 of their bytes instead of a date, so the bytes never depend on the
// clock), the --set overrides and the run's own parameters (seed, runs, ±%,
// ranges). Sheets that hold results rather than formulas print this in their
// header, so a stale table is never taken for a live one (issue 14).
import type { Lang } from "./scenario-labels.js";

export type RunInfo = {
  readonly command: "run" | "sensitivity" | "grid" | "montecarlo";
  readonly scenario: string;
  readonly files: readonly string[];
  readonly sha256: string;
  readonly overrides: Readonly<Record<string, string>>;
  /** The command's own parameters in order, e.g. [["seed", "1"], ["runs", "10000"]]. */
  readonly params: readonly (readonly [string, string])[];
};

/** "menerva scenario montecarlo base.yaml --runs 10000 --seed 1 --set inflow=10". */
export function commandLine(r: RunInfo): string {
  const params = r.params.map(([k, v]) => ` --${k} ${v}`).join("");
  const sets = Object.entries(r.overrides)
    .map(([k, v]) => ` --set ${k}=${v}`)
    .join("");
  return `menerva scenario ${r.command} ${r.files[0] ?? r.scenario}${params}${sets}`;
}

/** The header line of a sheet that is a stored result, not live formulas. */
export function notLiveNote(r: RunInfo, lang: Lang): string {
  const files = r.files.join(", ");
  const digest = r.sha256.slice(0, 16);
  return lang === "nl"
    ? `Vaste uitkomst, geen formules: wijzigingen in de aannames veranderen dit blad niet. Scenario ${r.scenario}, gemaakt met: ${commandLine(r)}; invoer ${files} (SHA-256 ${digest}…).`
    : `Stored result, not formulas: changing the assumptions does not change this sheet. Scenario ${r.scenario}, made by: ${commandLine(r)}; inputs ${files} (SHA-256 ${digest}…).`;
}
