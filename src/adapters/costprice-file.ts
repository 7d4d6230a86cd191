// Reads a cost-price YAML file into exact domain values. Numbers are taken
// from their YAML source text (never through a JS float); every problem is
// reported at once as `file.yaml:LINE:COL: path.to.key: problem`.
import { readFile } from "node:fs/promises";
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node as YamlNode,
  parseDocument,
} from "yaml";
import type { ZodError } from "zod";
import type { CostPrice } from "../domain/costprice/types.js";
import { error, fail, ok, type Issue, type Result } from "../domain/issues.js";
import { CostPriceSchema } from "../schema/costprice.js";

/** Plain JS values with every YAML number kept as its source text ("60000.00"). */
function toRaw(node: unknown, doc: Document): unknown {
  if (isAlias(node)) return toRaw(node.resolve(doc), doc);
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out[key] = toRaw(pair.value, doc);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((n) => toRaw(n, doc));
  if (isScalar(node)) {
    if (typeof node.value === "number" || typeof node.value === "bigint") return node.source ?? String(node.value);
    return node.value;
  }
  return node ?? null;
}

/** The deepest node on `path` (a missing key points at its parent map). */
function locate(doc: Document, path: readonly PropertyKey[], unknownKey?: string): YamlNode | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === "number" && node.items[seg] !== undefined) {
      node = node.items[seg];
    } else break;
  }
  if (unknownKey !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === unknownKey);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return node as YamlNode | undefined;
}

function zodIssues(err: ZodError, doc: Document, lc: LineCounter, file: string): Issue[] {
  const out: Issue[] = [];
  for (const zi of err.issues) {
    const keys = zi.code === "unrecognized_keys" ? zi.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? zi.path : [...zi.path, key];
      const node = locate(doc, zi.path, key);
      const pos = node?.range ? lc.linePos(node.range[0]) : undefined;
      const found = isScalar(node) && key === undefined && node.value !== null ? (node.source ?? String(node.value)) : undefined;
      const message = key !== undefined ? "unknown key" : zi.message;
      out.push(
        error(zi.code === "custom" ? "invalid-value" : zi.code.replace(/_/g, "-"), message, {
          source: { file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
          subject: path.length ? path.map(String).join(".") : "(file)",
          ...(found !== undefined && message !== "missing" ? { found } : {}),
          ...(key !== undefined ? { hint: "check the spelling; see fixtures/costprice.yaml for the keys" } : {}),
        }),
      );
    }
  }
  return out;
}

/** Parse cost-price YAML text; `file` is the name used in messages (as the user typed it). */
export function parseCostPriceText(text: string, file: string): Result<CostPrice> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return error("yaml-syntax", e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""), {
          source: { file, line: pos.line, column: pos.col },
        });
      }),
    );
  }
  const parsed = CostPriceSchema.safeParse(toRaw(doc.contents, doc));
  return parsed.success ? ok(parsed.data) : fail(zodIssues(parsed.error, doc, lc, file));
}

/** Read and parse a cost-price file; an unreadable file is an issue too. */
export async function readCostPriceFile(path: string): Promise<Result<CostPrice>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail([error("unreadable", code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})`, { source: { file: path } })]);
  }
  return parseCostPriceText(text.replace(/^\uFEFF/, ""), path);
}
