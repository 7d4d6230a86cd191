// Loading a scenario for a use case, and parsing the command-line values the
// scenario commands take (driver ranges, fractions), as issues rather than throws.
import { loadScenarioFile } from "../../adapters/scenario-file.js";
import { error, t, type Issue } from "../../domain/issues.js";
import { parseDecimal, type Dec } from "../../domain/money.js";
import { DRIVERS, SETTABLE_DRIVERS, isDriver } from "../../domain/scenario/drivers.js";
import type { Range } from "../../domain/scenario/grid.js";
import type { Scenario } from "../../domain/scenario/types.js";
import { applyOverrides, driverLimitProblem, type Overrides } from "./overrides.js";

export type Loaded =
  | {
      ok: true;
      scenario: Scenario;
      /** Every input file: the scenario's chain of `extends`, then a cost-price file it names. */
      files: readonly string[];
      /** The --set / --opening-reserve values applied, as given. */
      applied: Readonly<Record<string, string>>;
    }
  | { ok: false; issues: Issue[] };

/** Read a scenario file and apply the command's overrides; every problem of both at once. */
export async function load(file: string, overrides: Overrides = {}): Promise<Loaded> {
  const r = await loadScenarioFile(file);
  if (!r.ok) return { ok: false, issues: r.issues };
  const issues: Issue[] = [];
  const { scenario, applied } = applyOverrides(r.value.scenario, overrides, issues);
  if (issues.length > 0) return { ok: false, issues };
  const cp = scenario.seStaff.costPrice?.file;
  return { ok: true, scenario, files: [...r.value.files, ...(cp ? [cp] : [])], applied };
}

/** "inflow=4:16:1" → a Range; problems are pushed to `issues` under `option`. */
export function parseRange(textIn: string, option: string, issues: Issue[]): Range | undefined {
  const m = /^([a-z_]+)=([^:]+):([^:]+):([^:]+)$/.exec(textIn.trim());
  if (!m) {
    issues.push(error("bad-range", {}, { subject: option, found: textIn, hint: t("bad-range.hint") }));
    return undefined;
  }
  const driver = m[1]!;
  if (!isDriver(driver) || !DRIVERS[driver].set) {
    issues.push(error("unknown-driver", {}, { subject: option, found: driver, hint: t("use-one-of", { names: SETTABLE_DRIVERS.join(", ") }) }));
    return undefined;
  }
  const [from, to, step] = [m[2]!, m[3]!, m[4]!].map((x) => parseDecimal(x));
  if (!from || !to || !step) {
    issues.push(error("bad-range.numbers", {}, { subject: option, found: textIn }));
    return undefined;
  }
  if (!step.greaterThan(0) || to.lessThan(from)) {
    issues.push(error("bad-range.step", {}, { subject: option, found: textIn }));
    return undefined;
  }
  const d = DRIVERS[driver];
  if (from.isNegative() || (d.cap !== undefined && to.greaterThan(d.cap))) {
    issues.push(error("bad-range.bounds", { max: d.cap?.toFixed() ?? "∞" }, { subject: option, found: textIn }));
    return undefined;
  }
  const big = driverLimitProblem(driver, to);
  if (big) {
    issues.push({ ...error("bad-range.bounds", { max: "" }, { subject: option, found: textIn }), message: big });
    return undefined;
  }
  if (d.integer && (!from.isInteger() || !step.isInteger())) {
    issues.push(error("bad-range.whole", {}, { subject: option, found: textIn }));
    return undefined;
  }
  const count = to.minus(from).div(step).floor().plus(1);
  if (count.greaterThan(200)) {
    issues.push(error("bad-range.too-many", { count: count.toFixed() }, { subject: option, found: textIn }));
    return undefined;
  }
  return { driver, from, to, step };
}

/** A decimal option value ("10" for percent, "50000" for euro), or an issue. */
export function parseDecOption(textIn: string, option: string, issues: Issue[], opts: { min?: string } = {}): Dec | undefined {
  const d = parseDecimal(textIn);
  if (!d || (opts.min !== undefined && d.lessThan(opts.min))) {
    issues.push(opts.min !== undefined ? error("bad-option.decimal-min", { min: opts.min }, { subject: option, found: textIn }) : error("bad-option.plain-decimal", {}, { subject: option, found: textIn }));
    return undefined;
  }
  return d;
}

export function parseIntOption(textIn: string, option: string, issues: Issue[], min: number, max: number): number | undefined {
  if (!/^\d+$/.test(textIn.trim()) || Number(textIn) < min || Number(textIn) > max) {
    issues.push(error("bad-option.whole", { min: String(min), max: String(max) }, { subject: option, found: textIn }));
    return undefined;
  }
  return Number(textIn);
}
