// zod issues -> our Issues, positioned at line:column in menerva.yaml and worded
// for a controller (`menerva.yaml:7:11: fees.hourly.0.rate: not a number`).
import type { z } from "zod";
import { error, t, type Issue, type Text } from "../domain/issues.js";
import { INVOICING_MISSING_HINTS } from "./config-invoicing.js";
import { ALLOWED_KEYS } from "./config-shape.js";
import { suggestion } from "./config-suggest.js";
import { YamlNumber, type PathSegment, type YamlSource } from "./config-yaml.js";

/** How to add a required key, by path with indices as "*". */
const MISSING_HINTS: Readonly<Record<string, Text>> = {
  start: t("missing.start"),
  se_partners: t("missing.se_partners"),
  nec_partners: t("missing.nec_partners"),
  fees: t("missing.fees"),
  "fees.hourly": t("missing.fees.hourly"),
  "fees.hourly.*.from": t("missing.fees.hourly.from"),
  "fees.hourly.*.rate": t("missing.fees.hourly.rate"),
  inputs: t("missing.inputs"),
  "inputs.hours": t("missing.inputs.hours"),
  "inputs.benefits": t("missing.inputs.benefits"),
  "inputs.staff": t("missing.inputs.staff"),
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
function commaSplitHint(src: YamlSource, path: readonly PathSegment[], key: string): Text | undefined {
  if (!/^\d+$/.test(key)) return undefined;
  const prev = src.keyBefore(path, key);
  const value = prev === undefined ? undefined : valueAt(src.data, [...path, prev]);
  if (!(value instanceof YamlNumber) || !/^[+-]?\d+$/.test(value.text)) return undefined;
  return t("comma-split", { written: `${prev}: ${value.text}.${key}` });
}

const EXPECTED: Readonly<Record<string, "bad-type.list" | "bad-type.map" | "bad-type.text">> = {
  array: "bad-type.list",
  object: "bad-type.map",
  string: "bad-type.text",
  record: "bad-type.map",
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
          error("unknown-key", {}, {
            source: src.locate(path, key),
            subject: [...path, key].join("."),
            hint: commaSplitHint(src, path, key) ?? suggestion(key, allowed, t("suggest.allowed-keys")),
          }),
        );
      }
      continue;
    }
    const params = (iss.code === "custom" ? iss.params : undefined) as { missing?: boolean; text?: Text; hint?: Text } | undefined;
    if (params?.missing || isAbsent(src.data, path)) {
      out.push(error("missing-key", {}, { source: src.locate(path), subject, hint: MISSING_HINTS[pattern(path)] }));
      continue;
    }
    const found = src.textAt(path);
    const base = { source: src.locate(path), subject, ...(found !== undefined ? { found } : {}) };
    if (iss.code === "custom") {
      out.push({ ...error("bad-value", {}, { ...base, hint: params?.hint }), message: params?.text ?? { key: "bad-value", literal: iss.message } });
    } else if (iss.code === "invalid_type") {
      const listHint = iss.expected === "array" && found?.includes(",") ? t("bad-type.list.hint", { found }) : undefined;
      const nothing = valueAt(src.data, path) === null;
      const key = EXPECTED[iss.expected];
      out.push(key ? error(key, { nothing }, { ...base, hint: listHint }) : error("bad-type", { expected: iss.expected, nothing }, { ...base, hint: listHint }));
    } else if (iss.code === "too_small" && iss.origin === "array") {
      out.push(error("empty-list", {}, { ...base, hint: MISSING_HINTS[pattern(path)] }));
    } else {
      // A zod check of its own words (none in menerva's shapes today): shown as zod words it.
      out.push({ ...error("bad-value", {}, base), message: { key: "bad-value", literal: iss.message } });
    }
  }
  return out;
}
