// YAML text -> plain data that keeps every number as its source text, plus a
// locator from a key path back to line:column. Numbers never pass through a JS
// float: `2.65` becomes YamlNumber("2.65"), dates stay the text "2025-01-01".
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { error, type Issue, type SourceRef } from "../domain/issues.js";

/** A YAML number scalar, kept as the text the user wrote. */
export class YamlNumber {
  constructor(readonly text: string) {}
}

export type PathSegment = string | number;

export type YamlSource = {
  /** Plain data: objects, arrays, strings, booleans, null and YamlNumber. */
  readonly data: unknown;
  /** Where the node at `path` starts (the deepest existing node on the path). */
  readonly locate: (path: readonly PathSegment[], key?: string) => SourceRef;
  /** Keys of the map at `path` in source order (JS objects put "75" before "rate"). */
  readonly keysAt: (path: readonly PathSegment[]) => string[];
  /** The raw text of the scalar at `path`, when there is one. */
  readonly textAt: (path: readonly PathSegment[]) => string | undefined;
};

/** Text of a map key; non-text keys are rare and compared by their source. */
function keyText(key: unknown): string {
  if (isScalar(key)) {
    if (typeof key.value === "string") return key.value;
    if (key.value === null) return "";
    return key.source ?? String(key.value);
  }
  return String(key);
}

/** How to fix the YAML mistakes people make most, by the yaml library's error code. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: "each key may appear only once in a map",
  TAB_AS_INDENT: "indent with spaces, not tabs",
  BAD_SCALAR_START: 'put the value in quotes, e.g. decimal: ","',
  MISSING_CHAR: "close the quote or bracket that was opened",
  BLOCK_AS_IMPLICIT_KEY: "put a line break after the colon, or quote a value that contains \": \"",
};

/** The yaml library's message without its own position and excerpt (we print ours). */
function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "").trim();
}

/**
 * Parse YAML 1.2 with the core schema (no timestamps, so dates stay text) and
 * return syntax errors with positions, or the data and a locator.
 */
export function readYaml(text: string, file: string): { ok: true; value: YamlSource } | { ok: false; issues: Issue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: "core", version: "1.2", prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      return error("yaml-syntax", `invalid YAML: ${firstLine(e.message)}`, {
        source: { file, line: pos.line, column: pos.col },
        hint: YAML_HINTS[e.code] ?? "check indentation, colons and brackets around this place",
      });
    });
    return { ok: false, issues };
  }
  const at = (offset: number): SourceRef => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc as Document) : node);

  const toPlain = (raw: unknown): unknown => {
    const node = resolve(raw);
    if (node === null || node === undefined) return null;
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === "number" || typeof v === "bigint") return new YamlNumber(node.source ?? String(v));
      // A `%YAML 1.1` document may turn dates into Date objects: keep the text written.
      if (v !== null && typeof v === "object") return node.source ?? String(v);
      return v;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) out[keyText(pair.key)] = toPlain(pair.value);
      return out;
    }
    if (isSeq(node)) return node.items.map(toPlain);
    return null;
  };

  /** The deepest node on the path, and whether the whole path exists. */
  const walk = (path: readonly PathSegment[]): { node: Node | null; complete: boolean } => {
    let node = resolve(doc.contents) as Node | null;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(seg));
        if (!pair || !pair.value) return { node, complete: false };
        node = resolve(pair.value) as Node;
      } else if (isSeq(node) && typeof seg === "number" && node.items[seg] !== undefined) {
        node = resolve(node.items[seg]) as Node;
      } else {
        return { node, complete: false };
      }
    }
    return { node, complete: true };
  };

  const locate = (path: readonly PathSegment[], key?: string): SourceRef => {
    const { node } = walk(path);
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === key);
      const k = pair?.key;
      if (isPair(pair) && k && typeof k === "object" && "range" in k && Array.isArray(k.range)) return at(k.range[0] as number);
    }
    const range = node?.range;
    return range ? at(range[0]) : { file, line: 1, column: 1 };
  };

  const textAt = (path: readonly PathSegment[]): string | undefined => {
    const { node, complete } = walk(path);
    if (!complete || !isScalar(node) || node.value === null) return undefined;
    return typeof node.value === "string" ? node.value : (node.source ?? String(node.value));
  };

  const keysAt = (path: readonly PathSegment[]): string[] => {
    const { node, complete } = walk(path);
    return complete && isMap(node) ? node.items.map((p) => keyText(p.key)) : [];
  };

  return { ok: true, value: { data: toPlain(doc.contents), locate, keysAt, textAt } };
}
