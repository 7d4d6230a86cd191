// The one way menerva turns YAML text into plain data (config, scenario and
// cost-price files), hardened against hostile files: a size cap, a depth cap,
// alias loops refused and alias expansion capped, duplicate keys found with a
// hash map (the yaml library's own check is quadratic), and every map built
// without a prototype, so a key such as `__proto__` stays an ordinary key.
// Pure: the caller reads the file. Each reader chooses how scalars are kept
// (numbers as their source text) and may record where nodes sit.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from "./yaml.js";
import { t, type Text } from "../domain/issues.js";

/** Limits for every YAML file menerva reads (README "Limits"). */
export const YAML_LIMITS = {
  /** Characters in one file. A real config, scenario or cost-price file is a few kilobytes. */
  chars: 1024 * 1024,
  /** Nesting of lists and maps. */
  depth: 64,
  /** Values reached through aliases (`*name`), summed over the file: an alias bomb stops here. */
  aliasValues: 10_000,
} as const;

export type PathSegment = string | number;

/** A problem with the YAML itself, at a 1-based line and column. */
export type YamlProblem = { readonly code: string; readonly message: Text; readonly hint?: Text; readonly line: number; readonly column: number };

/** How a reader keeps scalars and where it wants to hear about nodes and keys. */
export type PlainHooks = {
  /** The plain value of a scalar (numbers are usually kept as their source text). */
  readonly scalar: (node: Scalar) => unknown;
  /** Called for each value node reached, with its key path; for an alias, `node` is the alias (its position) and `value` what it names. */
  readonly onNode?: (node: Node, path: readonly PathSegment[], value: Node) => void;
  /** Called for each map entry, with the path of its value. */
  readonly onPair?: (pair: Pair, path: readonly PathSegment[]) => void;
};

export type ParsedYaml = {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** 1-based line and column of a character offset. */
  readonly at: (offset: number) => { line: number; column: number };
};

const TOO_DEEP = t("yaml.too-deep");
const DEPTH_HINT = t("yaml.too-deep.hint", { depth: YAML_LIMITS.depth });

/** The yaml library's message without its own position and excerpt (we print ours). */
function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "").trim();
}

/** A map key as text; undefined for a key that is itself a list or map. */
export function keyText(key: unknown): string | undefined {
  if (key === null || key === undefined) return "";
  if (isScalar(key)) {
    if (typeof key.value === "string") return key.value;
    if (key.value === null) return "";
    return key.source ?? String(key.value);
  }
  return undefined;
}

/**
 * Parse YAML 1.2 (core schema: no timestamps, so dates stay text). Syntax
 * errors come back with positions; a file past the size cap or nested past
 * the depth cap is refused before it can exhaust memory or the stack.
 */
export function parseYaml(text: string): ParseResult {
  // A run parses its config more than once (its language first, cli/language.ts;
  // then the config; a close also its ledger path): the same text is parsed
  // once. Safe to share: nothing writes to a parsed document.
  if (last?.text !== text) last = { text, result: parseUncached(text) };
  return last.result;
}

type ParseResult = { ok: true; value: ParsedYaml } | { ok: false; problems: YamlProblem[] };
let last: { readonly text: string; readonly result: ParseResult } | undefined;

function parseUncached(text: string): ParseResult {
  if (text.length > YAML_LIMITS.chars) {
    return {
      ok: false,
      problems: [{ code: "yaml-too-large", message: t("yaml.too-large", { length: text.length, max: YAML_LIMITS.chars }), line: 1, column: 1 }],
    };
  }
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let doc: Document;
  try {
    // uniqueKeys: false — duplicates are found below in linear time.
    doc = parseDocument(text, { lineCounter, schema: "core", version: "1.2", prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, problems: [{ code: "yaml-too-deep", message: TOO_DEEP, hint: DEPTH_HINT, line: 1, column: 1 }] };
    throw e;
  }
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e): YamlProblem => {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      if (/call stack/i.test(e.message)) return { code: "yaml-too-deep", message: TOO_DEEP, hint: DEPTH_HINT, line: pos.line, column: pos.col };
      return {
        code: "yaml-syntax",
        // The yaml library's own words, with its error code for a translation of the common ones.
        message: t("yaml.syntax", { detail: firstLine(e.message), code: e.code }),
        hint: t("yaml.syntax.hint", { code: e.code }),
        line: pos.line,
        column: pos.col,
      };
    });
    return { ok: false, problems };
  }
  return { ok: true, value: { doc, lineCounter, at } };
}

/** Thrown inside the walk and turned into one problem; never leaves this module. */
class Stop {
  constructor(readonly problem: YamlProblem) {}
}

/**
 * The document as plain data: maps as null-prototype objects, lists as
 * arrays, scalars as `hooks.scalar` keeps them. Aliases are expanded with
 * the anchor defined most recently before them; an alias inside the value it
 * names (a loop), more than YAML_LIMITS.aliasValues values reached through
 * aliases, nesting past YAML_LIMITS.depth, a duplicate key or a key that is
 * not plain text is one problem.
 */
export function yamlToPlain(parsed: ParsedYaml, hooks: PlainHooks): { ok: true; value: unknown } | { ok: false; problems: YamlProblem[] } {
  const { doc, at } = parsed;
  const anchors = new Map<string, Node>();
  const open = new Set<Node>(); // nodes being converted: an alias to one of them is a loop
  let aliasValues = 0;
  let inAlias = 0;

  const where = (node: { range?: readonly number[] | null } | null | undefined) => (node?.range ? at(node.range[0]!) : { line: 1, column: 1 });
  const stop = (node: { range?: readonly number[] | null } | null | undefined, code: string, message: Text, hint?: Text): never => {
    throw new Stop({ code, message, ...(hint ? { hint } : {}), ...where(node) });
  };

  const walk = (raw: unknown, path: PathSegment[], depth: number): unknown => {
    if (raw === null || raw === undefined) return null;
    let node = raw as Node;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) stop(node, "yaml-alias", t("yaml.alias", { name: node.source.slice(0, 40) }), t("yaml.alias.hint"));
      hooks.onNode?.(node, path, target!);
      if (open.has(target!)) stop(node, "yaml-alias-loop", t("yaml.alias-loop", { name: node.source.slice(0, 40) }), t("yaml.alias-loop.hint"));
      inAlias++;
      try {
        return convert(target!, path, depth, true);
      } finally {
        inAlias--;
      }
    }
    return convert(node, path, depth, false);
  };

  const convert = (node: Node, path: PathSegment[], depth: number, viaAlias: boolean): unknown => {
    if (depth > YAML_LIMITS.depth) stop(node, "yaml-too-deep", TOO_DEEP, DEPTH_HINT);
    if (inAlias > 0 && ++aliasValues > YAML_LIMITS.aliasValues) {
      stop(node, "yaml-alias-bomb", t("yaml.alias-bomb", { max: YAML_LIMITS.aliasValues }), t("yaml.alias-bomb.hint"));
    }
    if (!viaAlias) {
      hooks.onNode?.(node, path, node);
      // Anchors count from where they are defined, never again while an alias is expanded.
      if (inAlias === 0 && node.anchor) anchors.set(node.anchor, node);
    }
    if (isScalar(node)) return hooks.scalar(node);
    open.add(node);
    try {
      if (isMap(node)) return convertMap(node, path, depth);
      if (isSeq(node)) {
        const out: unknown[] = [];
        node.items.forEach((item, i) => out.push(walk(item, [...path, i], depth + 1)));
        return out;
      }
      return null;
    } finally {
      open.delete(node);
    }
  };

  const convertMap = (node: YAMLMap, path: PathSegment[], depth: number): Record<string, unknown> => {
    const out = Object.create(null) as Record<string, unknown>;
    const seen = new Set<string>();
    for (const pair of node.items) {
      const k = keyText(isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key);
      if (k === undefined) stop(pair.key as Node, "yaml-complex-key", t("yaml.complex-key"), t("yaml.complex-key.hint"));
      if (seen.has(k!)) stop(pair.key as Node, "yaml-duplicate-key", t("yaml.duplicate-key", { key: JSON.stringify(k!.slice(0, 80)) }), t("yaml.syntax.hint", { code: "DUPLICATE_KEY" }));
      seen.add(k!);
      const child = [...path, k!];
      hooks.onPair?.(pair, child);
      out[k!] = walk(pair.value, child, depth + 1);
    }
    return out;
  };

  try {
    return { ok: true, value: walk(doc.contents, [], 0) };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, problems: [e.problem] };
    throw e;
  }
}

/** Plain data is a map (not a list, scalar or nothing): null-prototype maps included. */
export const isPlainMap = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
};

/** Index of a YAML map's entries by key text, built once per map (lookups stay linear overall). */
const pairIndexes = new WeakMap<YAMLMap, Map<string, { pair: Pair; index: number }>>();
export function pairIndex(map: YAMLMap): Map<string, { pair: Pair; index: number }> {
  let idx = pairIndexes.get(map);
  if (idx === undefined) {
    idx = new Map();
    map.items.forEach((pair, index) => {
      const k = keyText(pair.key);
      if (k !== undefined && !idx!.has(k)) idx!.set(k, { pair, index });
    });
    pairIndexes.set(map, idx);
  }
  return idx;
}
