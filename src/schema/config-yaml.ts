// YAML text -> plain data that keeps every number as its source text, plus a
// locator from a key path back to line:column. Numbers never pass through a JS
// float: `2.65` becomes YamlNumber("2.65"), dates stay the text "2025-01-01".
// Parsing goes through yaml-safe.ts (caps, alias loops, null-prototype maps).
import { isMap, isPair, isScalar, type Node, type Pair } from "./yaml.js";
import type { Issue, SourceRef } from "../domain/issues.js";
import { pairIndex, parseYaml, yamlToPlain, type PathSegment, type YamlProblem } from "./yaml-safe.js";

export type { PathSegment } from "./yaml-safe.js";

/** A YAML number scalar, kept as the text the user wrote. */
export class YamlNumber {
  constructor(readonly text: string) {}
}

export type YamlSource = {
  /** Plain data: null-prototype maps, arrays, strings, booleans, null and YamlNumber. */
  readonly data: unknown;
  /** Where the node at `path` starts (the deepest existing node on the path). */
  readonly locate: (path: readonly PathSegment[], key?: string) => SourceRef;
  /** Keys of the map at `path` in source order (JS objects put "75" before "rate"). */
  readonly keysAt: (path: readonly PathSegment[]) => string[];
  /** The raw text of the scalar at `path`, when there is one. */
  readonly textAt: (path: readonly PathSegment[]) => string | undefined;
  /** The key written just before `key` in the map at `path` (for "a comma split this number" hints). */
  readonly keyBefore: (path: readonly PathSegment[], key: string) => string | undefined;
};

const SEP = "\u0001";
const pathKey = (path: readonly PathSegment[]): string => path.map(String).join(SEP);

/** Problems of yaml-safe as issues of `file`. */
export function yamlIssues(problems: readonly YamlProblem[], file: string): Issue[] {
  return problems.map((p): Issue => ({ severity: "error", code: p.code, message: p.message, source: { file, line: p.line, column: p.column }, ...(p.hint ? { hint: p.hint } : {}) }));
}

/**
 * Parse YAML 1.2 with the core schema (no timestamps, so dates stay text) and
 * return syntax errors with positions, or the data and a locator.
 */
export function readYaml(
  text: string,
  file: string,
  opts: { readonly number?: (source: string) => unknown } = {},
): { ok: true; value: YamlSource } | { ok: false; issues: Issue[] } {
  const number = opts.number ?? ((source: string) => new YamlNumber(source));
  const parsed = parseYaml(text);
  if (!parsed.ok) return { ok: false, issues: yamlIssues(parsed.problems, file) };
  const { at } = parsed.value;
  /** Value node (aliases resolved) and where it was written, per key path. */
  const nodes = new Map<string, { written: Node; value: Node }>();
  const keys = new Map<string, Pair>();
  const plain = yamlToPlain(parsed.value, {
    scalar: (node) => {
      const v = node.value;
      if (typeof v === "number" || typeof v === "bigint") return number(node.source ?? String(v));
      // A `%YAML 1.1` document may turn dates into Date objects: keep the text written.
      if (v !== null && typeof v === "object") return node.source ?? String(v);
      return v;
    },
    onNode: (written, path, value) => {
      const k = pathKey(path);
      if (!nodes.has(k)) nodes.set(k, { written, value });
    },
    onPair: (pair, path) => {
      const k = pathKey(path);
      if (!keys.has(k)) keys.set(k, pair);
    },
  });
  if (!plain.ok) return { ok: false, issues: yamlIssues(plain.problems, file) };

  const ref = (offset: number): SourceRef => ({ file, ...at(offset) });

  /** The deepest recorded node on the path, and whether the whole path exists. */
  const deepest = (path: readonly PathSegment[]): { node: { written: Node; value: Node } | undefined; complete: boolean } => {
    for (let n = path.length; n >= 0; n--) {
      const node = nodes.get(pathKey(path.slice(0, n)));
      if (node) return { node, complete: n === path.length };
    }
    return { node: undefined, complete: false };
  };

  const locate = (path: readonly PathSegment[], key?: string): SourceRef => {
    if (key !== undefined) {
      const pair = keys.get(pathKey([...path, key]));
      const k = pair?.key;
      if (isPair(pair) && k && typeof k === "object" && "range" in k && Array.isArray(k.range)) return ref(k.range[0] as number);
    }
    const range = deepest(path).node?.written.range;
    return range ? ref(range[0]) : { file, line: 1, column: 1 };
  };

  const textAt = (path: readonly PathSegment[]): string | undefined => {
    const { node, complete } = deepest(path);
    const v = node?.value;
    if (!complete || !isScalar(v) || v.value === null) return undefined;
    return typeof v.value === "string" ? v.value : (v.source ?? String(v.value));
  };

  const mapAt = (path: readonly PathSegment[]) => {
    const { node, complete } = deepest(path);
    return complete && isMap(node?.value) ? node.value : undefined;
  };

  const keysAt = (path: readonly PathSegment[]): string[] => [...(mapAt(path) ? pairIndex(mapAt(path)!).keys() : [])];

  const keyBefore = (path: readonly PathSegment[], key: string): string | undefined => {
    const map = mapAt(path);
    if (!map) return undefined;
    const hit = pairIndex(map).get(key);
    if (!hit || hit.index === 0) return undefined;
    const prev = map.items[hit.index - 1]?.key;
    return isScalar(prev) ? String(prev.source ?? prev.value) : undefined;
  };

  return { ok: true, value: { data: plain.value, locate, keysAt, textAt, keyBefore } };
}
