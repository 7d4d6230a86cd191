// Reads a scenario YAML file with positions: numbers kept as source text,
// `extends:` resolved relative to the file (deep merge of maps, lists replaced,
// cycles refused), and every schema problem reported as file:line:col.
import { basename, dirname, extname, isAbsolute, join, resolve } from "node:path";
import { isScalar, type Node } from "../schema/yaml.js";
import { error, t, type Issue } from "../domain/issues.js";
import type { Scenario } from "../domain/scenario/types.js";
import { scenarioFromRaw, type CostPriceInput } from "../schema/scenario.js";
import { readCostPriceFile } from "./costprice-file.js";
import { ScenarioNumber } from "../schema/scenario-values.js";
import { yamlIssues } from "../schema/config-yaml.js";
import { isPlainMap, parseYaml, yamlToPlain } from "../schema/yaml-safe.js";
import { readSmallFile, utf8Text } from "./read-small-file.js";

type Loc = { readonly file: string; readonly line: number; readonly column: number };
type Path = readonly (string | number)[];

/** One file's data with where every node and key sits, and the comments that explain values. */
type Layer = {
  data: Record<string, unknown>;
  valueLoc: Map<string, Loc>;
  keyLoc: Map<string, Loc>;
  notes: Map<string, string>;
};

const SEP = "\u0001";
const keyOf = (p: Path): string => p.map(String).join(SEP);
const under = (k: string, prefix: string): boolean => prefix === "" || k === prefix || k.startsWith(prefix + SEP);

export type LoadedScenario = { readonly scenario: Scenario; readonly files: readonly string[] };

const cleanComment = (c: string | null | undefined): string | undefined => {
  const t = c?.split("\n").map((l) => l.trim()).filter(Boolean).join(" ");
  return t ? t : undefined;
};

async function readLayer(file: string, issues: Issue[]): Promise<Layer | undefined> {
  const read = await readSmallFile(file);
  const text = read.ok ? utf8Text(read.bytes) : undefined;
  if (!read.ok || text === undefined) {
    issues.push({ ...error("file-unreadable", {}, { source: { file } }), message: read.ok ? t("not-utf8.costprice") : read.message });
    return undefined;
  }
  const parsed = parseYaml(text.replace(/^\uFEFF/, ""));
  if (!parsed.ok) {
    issues.push(...yamlIssues(parsed.problems, file));
    return undefined;
  }
  const at = (offset: number): Loc => ({ file, ...parsed.value.at(offset) });
  const layer: Layer = { data: Object.create(null) as Record<string, unknown>, valueLoc: new Map(), keyLoc: new Map(), notes: new Map() };
  const plain = yamlToPlain(parsed.value, {
    scalar: (node) => (typeof node.value === "number" ? new ScenarioNumber(node.source ?? String(node.value)) : node.value),
    onNode: (node, path) => {
      if (node.range) layer.valueLoc.set(keyOf(path), at(node.range[0]));
    },
    onPair: (pair, path) => {
      if (isScalar(pair.key) && pair.key.range) layer.keyLoc.set(keyOf(path), at(pair.key.range[0]));
      const note = cleanComment((pair.value as Node | null)?.comment) ?? cleanComment(isScalar(pair.key) ? pair.key.commentBefore : undefined);
      if (note) layer.notes.set(path.join("."), note);
    },
  });
  if (!plain.ok) {
    issues.push(...yamlIssues(plain.problems, file));
    return undefined;
  }
  const data = plain.value;
  if (!isPlainMap(data)) {
    issues.push(error("not-a-map.scenario", {}, { source: { file, line: 1, column: 1 } }));
    return undefined;
  }
  layer.data = data;
  return layer;
}


/** Deep merge: maps merge key by key, anything else (lists included) is replaced by the child's value. */
function merge(base: Layer, child: Layer): Layer {
  const valueLoc = new Map(base.valueLoc);
  const keyLoc = new Map(base.keyLoc);
  const replaced: string[] = [];
  const go = (b: unknown, c: unknown, path: (string | number)[]): unknown => {
    if (isPlainMap(b) && isPlainMap(c)) {
      // Null-prototype maps: a key named __proto__ stays a key.
      const out = Object.assign(Object.create(null) as Record<string, unknown>, b);
      for (const [k, v] of Object.entries(c)) out[k] = Object.hasOwn(b, k) ? go(b[k], v, [...path, k]) : (replaced.push(keyOf([...path, k])), v);
      return out;
    }
    replaced.push(keyOf(path));
    return c;
  };
  const data = go(base.data, child.data, []) as Record<string, unknown>;
  for (const p of replaced) {
    for (const k of [...valueLoc.keys()]) if (under(k, p)) valueLoc.delete(k);
    for (const k of [...keyLoc.keys()]) if (under(k, p)) keyLoc.delete(k);
  }
  for (const [k, v] of child.valueLoc) valueLoc.set(k, v);
  for (const [k, v] of child.keyLoc) keyLoc.set(k, v);
  return { data, valueLoc, keyLoc, notes: new Map([...base.notes, ...child.notes]) };
}

async function loadChain(file: string, seen: readonly string[], issues: Issue[], files: string[], from?: Loc): Promise<Layer | undefined> {
  const abs = resolve(file);
  if (seen.includes(abs)) {
    issues.push(error("extends-cycle", { chain: [...seen, abs].map((f) => basename(f)).join(" -> ") }, { source: from ?? { file }, ...(from ? { subject: "extends" } : {}) }));
    return undefined;
  }
  const layer = await readLayer(file, issues);
  if (!layer) return undefined;
  files.push(file);
  const ext = layer.data["extends"];
  if (ext === undefined) return layer;
  const loc = layer.valueLoc.get(keyOf(["extends"]));
  if (typeof ext !== "string" || ext.trim() === "") {
    issues.push(error("bad-extends", {}, { ...(loc ? { source: loc } : { source: { file } }), subject: "extends" }));
    return undefined;
  }
  const parentFile = isAbsolute(ext) ? ext : join(dirname(file), ext);
  const before = issues.length;
  const parent = await loadChain(parentFile, [...seen, abs], issues, files, loc);
  if (!parent) {
    if (issues.length > before && loc) {
      const last = issues[issues.length - 1]!;
      if (last.code === "file-unreadable") issues[issues.length - 1] = { ...last, source: loc, subject: "extends", message: t("with-file", { message: last.message, file: parentFile }) };
    }
    return undefined;
  }
  delete layer.data["extends"];
  for (const m of [layer.valueLoc, layer.keyLoc]) for (const k of [...m.keys()]) if (under(k, "extends")) m.delete(k);
  return merge(parent, layer);
}

function foundAt(data: unknown, path: Path): string | undefined {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  if (v instanceof ScenarioNumber) return v.text;
  if (typeof v === "string" || typeof v === "boolean") return String(v);
  return undefined;
}

/** Location parameters that fix where a distribution sits (clip bounds and spreads do not). */
const CENTRE_KEYS: Readonly<Record<string, readonly string[]>> = {
  fixed: ["value"],
  poisson: ["mean"],
  normal: ["mean"],
  uniform: ["low", "high", "min", "max"],
  triangular: ["low", "mode", "high"],
};

/**
 * An inherited Monte Carlo block must never silently override what a child
 * sets (issue 14): when a file sets a driver (inflow: 6) and the distribution
 * of that driver has an absolute centre written in a file it extends (mean: 8),
 * the child's value would be ignored by Monte Carlo. That is an error; relative
 * forms (-20%) and left-out means follow the child's value and are fine.
 */
function inheritedDistributions(layer: Layer, files: readonly string[]): Issue[] {
  const mc = layer.data["montecarlo"];
  if (!isPlainMap(mc)) return [];
  const out: Issue[] = [];
  for (const key of ["inflow", "placement_rate", "monthly_dropout", "hours_per_week"]) {
    const d = mc[key];
    if (!isPlainMap(d) || typeof d["dist"] !== "string") continue;
    const driverLoc = layer.valueLoc.get(keyOf([key]));
    const di = driverLoc ? files.indexOf(driverLoc.file) : -1;
    if (!driverLoc || di < 0) continue;
    for (const p of CENTRE_KEYS[d["dist"]] ?? []) {
      const v = d[p];
      const loc = layer.valueLoc.get(keyOf(["montecarlo", key, p]));
      if (!(v instanceof ScenarioNumber) || !loc || files.indexOf(loc.file) <= di) continue;
      out.push(
        error("montecarlo-inherited", { value: v.text, from: `${basename(loc.file)}:${loc.line}`, file: basename(driverLoc.file), key }, {
          source: driverLoc,
          subject: `montecarlo.${key}.${p}`,
          hint: t("montecarlo-inherited.hint", { param: p, from: basename(loc.file), key, file: basename(driverLoc.file) }),
        }),
      );
    }
  }
  return out;
}

/** Load, merge and validate a scenario file; every problem is returned at once. */
export async function loadScenarioFile(file: string): Promise<{ ok: true; value: LoadedScenario } | { ok: false; issues: Issue[] }> {
  const issues: Issue[] = [];
  const files: string[] = [];
  const layer = await loadChain(file, [], issues, files);
  if (!layer) return { ok: false, issues };
  const name = basename(file, extname(file));
  // se_staff.costprice is relative to the file that wrote it (a child may inherit it from its base).
  let costPrice: CostPriceInput | undefined;
  const cpPath = (layer.data["se_staff"] as Record<string, unknown> | undefined)?.["costprice"];
  if (typeof cpPath === "string" && cpPath.trim() !== "") {
    const from = layer.valueLoc.get(keyOf(["se_staff", "costprice"]))?.file ?? file;
    const cpFile = isAbsolute(cpPath) ? cpPath : join(dirname(from), cpPath);
    const r = await readCostPriceFile(cpFile);
    if (r.ok) costPrice = { file: cpFile, costPrice: r.value };
    else if (r.issues.length === 1 && r.issues[0]!.code === "unreadable") costPrice = { file: cpFile, error: t("with-file", { message: r.issues[0]!.message, file: cpFile }) };
    else {
      issues.push(...r.issues);
      costPrice = { file: cpFile, error: t("costprice-has-problems", { file: cpFile }) };
    }
  }
  issues.push(...inheritedDistributions(layer, files));
  const res = scenarioFromRaw(layer.data, name, Object.fromEntries(layer.notes), costPrice);
  if (res.ok && issues.length === 0) return { ok: true, value: { scenario: res.value, files } };
  if (res.ok) return { ok: false, issues };
  const locate = (path: Path, unknownKey?: string): Loc => {
    if (unknownKey !== undefined) {
      const k = layer.keyLoc.get(keyOf([...path, unknownKey]));
      if (k) return k;
    }
    for (let n = path.length; n >= 0; n--) {
      const l = layer.valueLoc.get(keyOf(path.slice(0, n)));
      if (l) return l;
    }
    return { file, line: 1, column: 1 };
  };
  for (const p of res.problems) {
    const found = p.unknownKey === undefined ? foundAt(layer.data, p.path) : undefined;
    const subject = p.path.length > 0 ? p.path.join(".") : "(top level)";
    issues.push({ ...error("scenario-invalid", {}, { source: locate(p.path, p.unknownKey), subject, ...(found !== undefined ? { found } : {}) }), message: p.message });
  }
  return { ok: false, issues };
}
