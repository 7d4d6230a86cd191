// zod issues -> our Issues, positioned at line:column in menerva.yaml and worded
// for a controller (`menerva.yaml:7:11: fees.hourly.0.rate: not a number`).
import type { z } from "zod";
import { error, type Issue } from "../domain/issues.js";
import { INVOICING_MISSING_HINTS } from "./config-invoicing.js";
import { ALLOWED_KEYS } from "./config-shape.js";
import { suggestion } from "./config-suggest.js";
import { YamlNumber, type PathSegment, type YamlSource } from "./config-yaml.js";

/** How to add a required key, by path with indices as "*". */
const MISSING_HINTS: Readonly<Record<string, string>> = {
  start: "add the project's first period, e.g. `start: 2025-01`",
  se_partners: "add the SE partners in order, e.g. `se_partners: [BLM, Arbeidskansen]`",
  nec_partners: "add the NEC partners, e.g. `nec_partners: [Q-Jobs, Flexer]`",
  fees: "add `fees:` with at least `hourly: [{from: 2025-01-01, rate: 2.50}]`",
  "fees.hourly": "add `hourly: [{from: 2025-01-01, rate: 2.50}]` under fees",
  "fees.hourly.*.from": "add the first day the rate applies, e.g. `from: 2025-01-01`",
  "fees.hourly.*.rate": "add the fee per hour, e.g. `rate: 2.50`",
  inputs: "add `inputs:` with hours, benefits and staff globs",
  "inputs.hours": "add the hours exports, e.g. `hours: [exports/uren-*.csv]`",
  "inputs.benefits": "add the benefits exports, e.g. `benefits: [exports/voordelen-*.csv]`",
  "inputs.staff": "add the staff export, e.g. `staff: [exports/personeel.csv]`",
  ...INVOICING_MISSING_HINTS,
};

const pattern = (path: readonly PathSegment[]): string => path.map((s) => (typeof s === "number" ? "*" : s)).join(".");

/** Is the last key of `path` absent from its parent map in the data? */
function isAbsent(data: unknown, path: readonly PathSegment[]): boolean {
  let node = data;
  for (const [i, seg] of path.entries()) {
    if (node === null || typeof node !== "object") return false;
    const rec = node as Record<string | number, unknown>;
    if (!(seg in rec)) return i === path.length - 1 && !Array.isArray(node);
    node = rec[seg];
  }
  return false;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/**
 * `{rate: 2,50}` reads as `rate: 2` plus a key "50": a decimal comma inside
 * braces. Name the number the user meant instead of "unknown key 50".
 */
function commaSplitHint(src: YamlSource, path: readonly PathSegment[], key: string): string | undefined {
  if (!/^\d+$/.test(key)) return undefined;
  const prev = src.keyBefore(path, key);
  const value = prev === undefined ? undefined : valueAt(src.data, [...path, prev]);
  if (!(value instanceof YamlNumber) || !/^[+-]?\d+$/.test(value.text)) return undefined;
  return `a comma inside {...} starts a new key; use a decimal point in menerva.yaml: ${prev}: ${value.text}.${key}`;
}

const EXPECTED: Readonly<Record<string, string>> = {
  array: "expected a list",
  object: "expected a map of keys and values",
  string: "expected text",
  record: "expected a map of keys and values",
};

/** Translate one parse's zod issues; every issue gets a position. */
export function fromZodIssues(zissues: readonly z.core.$ZodIssue[], src: YamlSource): Issue[] {
  const out: Issue[] = [];
  for (const iss of zissues) {
    const path = iss.path.filter((s): s is PathSegment => typeof s !== "symbol");
    const subject = path.join(".");
    if (iss.code === "unrecognized_keys") {
      const allowed = ALLOWED_KEYS[pattern(path)] ?? [];
      for (const key of iss.keys) {
        out.push(
          error("unknown-key", "unknown key", {
            source: src.locate(path, key),
            subject: [...path, key].join("."),
            hint: commaSplitHint(src, path, key) ?? (suggestion(key, allowed, "allowed keys") || undefined),
          }),
        );
      }
      continue;
    }
    const params = (iss.code === "custom" ? iss.params : undefined) as { missing?: boolean; hint?: string } | undefined;
    if (params?.missing || isAbsent(src.data, path)) {
      out.push(error("missing-key", "missing required key", { source: src.locate(path), subject, hint: MISSING_HINTS[pattern(path)] }));
      continue;
    }
    const found = src.textAt(path);
    const base = { source: src.locate(path), subject, ...(found !== undefined ? { found } : {}) };
    if (iss.code === "custom") {
      out.push(error("bad-value", iss.message, { ...base, hint: params?.hint }));
    } else if (iss.code === "invalid_type") {
      const listHint = iss.expected === "array" && found?.includes(",") ? `write a list in brackets: [${found}]` : undefined;
      const nothing = valueAt(src.data, path) === null ? ", got nothing" : "";
      out.push(error("bad-type", `${EXPECTED[iss.expected] ?? `expected ${iss.expected}`}${nothing}`, { ...base, hint: listHint }));
    } else if (iss.code === "too_small" && iss.origin === "array") {
      out.push(error("empty-list", "must not be empty", { ...base, hint: MISSING_HINTS[pattern(path)] }));
    } else {
      out.push(error("bad-value", iss.message, base));
    }
  }
  return out;
}
