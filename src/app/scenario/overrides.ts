// The what-if overrides every scenario command takes (issue 14): `--set
// key=value` for any driver with a single value and `--opening-reserve EUR`,
// checked like the file's own values, applied in the order given after the
// file is read (so Monte Carlo distributions written relative to a driver
// follow the new value). Problems are issues, reported with the file's.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { error, t, type Issue, type Text } from "../../domain/issues.js";
import { fmtDecimal, parseDecimal, type Dec } from "../../domain/money.js";
import { DRIVERS, EXTRA_SETTINGS, SETTABLE_DRIVERS, isDriver, type DriverName, type DriverValue } from "../../domain/scenario/drivers.js";
import { AMOUNT, COUNT, INFLOW_PER_MONTH, magnitudeProblem, type NumberLimit } from "../../schema/limits.js";
import type { Scenario } from "../../domain/scenario/types.js";

export type Overrides = { readonly set?: readonly string[]; readonly openingReserve?: string };

/** Every key --set accepts, for hints and --help. */
export const SETTABLE_KEYS: readonly string[] = [...SETTABLE_DRIVERS, ...EXTRA_SETTINGS];

/** Why `v` is not a valid value of this kind (undefined: it is). */
function badValue(v: Dec, kind: DriverValue, cap?: Dec): Text | undefined {
  if (kind !== "money" && v.isNegative()) return t("scenario.at-least", { min: "0" });
  switch (kind) {
    case "fraction":
      return v.greaterThan(1) ? t("option.fraction-at-most-1") : undefined;
    case "whole":
      return !v.isInteger() ? t("scenario.whole-number") : v.greaterThan(600) ? t("scenario.at-most", { max: "600" }) : undefined;
    case "money":
      return v.isNegative() ? t("scenario.at-least", { min: "0" }) : v.decimalPlaces() > 2 ? t("scenario.cents") : undefined;
    case "number":
      return cap !== undefined && v.greaterThan(cap) ? t("scenario.at-most", { max: cap.toFixed() }) : undefined;
  }
}

/**
 * The largest value a driver may take from the command line: the limit the
 * scenario file's own value has (schema/scenario.ts), so `--set` and a grid's
 * range cannot go past what the file may hold (a billion candidates a month
 * gave an end reserve of 16 digits, past what a spreadsheet keeps).
 */
function limitOf(driver: DriverName): NumberLimit {
  return driver === "inflow" ? INFLOW_PER_MONTH : (DRIVERS[driver].value ?? "number") === "money" ? AMOUNT : COUNT;
}

/** Why `v` is past the limit of `driver`'s values from the command line (undefined: it is not). */
export function driverLimitProblem(driver: DriverName, v: Dec): Text | undefined {
  return magnitudeProblem(v, limitOf(driver));
}

/** Apply the overrides to a loaded scenario; `applied` lists what changed, as given (for outputs). */
export function applyOverrides(s: Scenario, o: Overrides, issues: Issue[]): { scenario: Scenario; applied: Record<string, string> } {
  let out = s;
  const applied: Record<string, string> = {};
  const all = [...(o.set ?? []).map((t) => ({ text: t, option: "--set" })), ...(o.openingReserve !== undefined ? [{ text: `opening_reserve=${o.openingReserve}`, option: "--opening-reserve" }] : [])];
  for (const { text, option } of all) {
    const m = /^\s*([A-Za-z_-]+)\s*=\s*(.*?)\s*$/.exec(text);
    const shown = option === "--set" ? text : (o.openingReserve ?? "");
    if (!m) {
      issues.push(error("bad-option.key-value", {}, { subject: option, found: shown, hint: t("bad-option.key-value.hint", { keys: SETTABLE_KEYS.join(", ") }) }));
      continue;
    }
    const key = m[1]!.replace(/-/g, "_");
    const v = parseDecimal(m[2]!);
    if (key === "opening_reserve") {
      const bad = v === undefined ? undefined : v.decimalPlaces() > 2 ? t("scenario.cents") : magnitudeProblem(v, AMOUNT);
      if (!v) issues.push(error("bad-option.amount", {}, { subject: option, found: shown }));
      else if (bad) issues.push({ ...error("bad-option", {}, { subject: option, found: shown }), message: bad });
      else {
        out = { ...out, openingReserve: v };
        applied[key] = fmtDecimal(v);
      }
      continue;
    }
    if (!isDriver(key) || !DRIVERS[key].set) {
      issues.push(error("unknown-driver.set", { key }, { subject: option, found: shown, hint: t("use-one-of", { names: SETTABLE_KEYS.join(", ") }) }));
      continue;
    }
    const d = DRIVERS[key];
    if (!v) {
      issues.push(error("bad-option.decimal", {}, { subject: option, found: shown }));
      continue;
    }
    const bad = badValue(v, d.value ?? "number", d.cap) ?? driverLimitProblem(key, v);
    const blocked = d.notSettable?.(out);
    if (bad || blocked) {
      issues.push(error("bad-option.value", { key, problem: (bad ?? blocked)! }, { subject: option, found: shown }));
      continue;
    }
    out = d.set!(out, v);
    applied[key] = fmtDecimal(v);
  }
  return { scenario: out, applied };
}

/** What the outputs say about their inputs: the scenario files (by name) and a SHA-256 of their bytes. */
export type InputStamp = { readonly files: readonly string[]; readonly sha256: string };

/**
 * A fingerprint of the scenario's files instead of a date: a date would tie
 * the bytes of every output to the clock (or to a checkout's file times);
 * the digest changes exactly when an input does.
 */
export async function inputStamp(files: readonly string[]): Promise<InputStamp> {
  const h = createHash("sha256");
  for (const f of files) {
    h.update(basename(f));
    h.update("\0");
    h.update(await readFile(f));
    h.update("\0");
  }
  return { files: files.map((f) => basename(f)), sha256: h.digest("hex") };
}
