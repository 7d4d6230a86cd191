// Reads menerva.yaml from disk: hashes its bytes, validates it (src/schema/config.ts)
// and expands the input globs relative to the config's folder. Every problem
// (YAML, keys, values, globs that match nothing) comes back at once.
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { error, fail, ok, t, type Issue, type Result, type SourceRef, type Text } from "../domain/issues.js";
import type { InvoicingConfig } from "../domain/invoicing/types.js";
import type { ModelConfig } from "../domain/model.js";
import { resolveLedgerTarget } from "../ledger/ledger-target.js";
import { isWorkbookPath } from "./xlsx-input/workbook-path.js";
import { firstBadUtf8Line, readSmallFile, utf8Text } from "./read-small-file.js";
import { INPUT_KINDS, parseConfigText, type InputEntry, type InputKind, type InputSpec } from "../schema/config.js";

export type { InputSpec, InputKind } from "../schema/config.js";

export type ResolvedInput = {
  /** Absolute path. */
  path: string;
  /** Relative to the config's folder, with "/" separators (for messages and reports). */
  displayPath: string;
  spec: InputSpec;
};

export type LoadedConfig = {
  /** The config path as the user gave it (for messages). */
  file: string;
  /** Absolute folder of the config file; relative paths in it start here. */
  dir: string;
  model: ModelConfig;
  /** Globs expanded, sorted by displayPath, each file once. */
  inputs: { hours: ResolvedInput[]; benefits: ResolvedInput[]; staff: ResolvedInput[]; costs: ResolvedInput[] };
  /** Absolute path of the ledger (default menerva-ledger.jsonl beside the config); a symbolic link is followed to its target. */
  ledger: string;
  /** Absolute output folder (default "out" beside the config). */
  output: string;
  /** Absolute path of the cost-price yaml named by `staff_cost:`, if any. */
  staffCost?: string;
  /** The `invoicing:` block (seller, buyers, numbering, accounts); absent: no documents are made. */
  invoicing?: InvoicingConfig;
  /** Where `staff_cost:` is written in the config (for messages about the cost-price file). */
  staffCostSource?: SourceRef;
  /** Hex sha256 of the config file's bytes. */
  sha256: string;
  /** The parsed config as plain JSON, numbers as exact decimal strings. */
  canonical: Record<string, unknown>;
  /**
   * Files read or written that lie outside the config's folder (inputs, the
   * cost-price file, the ledger), relative to that folder, sorted: allowed,
   * and named in every close summary and by validate (README "Paths").
   */
  outside: string[];
};

/** `path` relative to `dir` with "/" separators, when it lies outside `dir`; undefined when inside. */
export function outsidePath(dir: string, path: string): string | undefined {
  const rel = relative(dir, path);
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? toPosix(rel) : undefined;
}

const toPosix = (p: string): string => p.split(sep).join("/");

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** How deep `**` searches below a glob's fixed folder. */
const MAX_GLOB_DEPTH = 8;

// The glob library loads only for a config whose inputs have glob characters
// (loadGlobs): most configs name their files, and start-up stays quick.
let globs: typeof import("tinyglobby") | undefined;
/** Characters without which no pattern is a glob (picomatch: wildcards, classes, braces, extglobs, negation). */
const GLOB_CHARS = /[*?[\]{}()!+@]/;
const loadGlobs = async (patterns: readonly string[]): Promise<void> => {
  if (globs === undefined && patterns.some((p) => GLOB_CHARS.test(p))) globs = await import("tinyglobby");
};
/** tinyglobby's isDynamicPattern, asked only of a pattern that may be one (loadGlobs has then loaded it). */
const isDynamicPattern = (s: string): boolean => GLOB_CHARS.test(s) && globs!.isDynamicPattern(s);

/** The folder a glob starts from: its segments before the first one with a wildcard. */
function globBase(pattern: string, dir: string): string {
  const segments = pattern.split("/");
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (isDynamicPattern(s)) break;
    fixed.push(s);
  }
  // An absolute pattern starts with an empty segment: its base is then "/".
  return resolve(dir, fixed.length === 0 ? "." : fixed.join("/") || "/");
}

/**
 * Why a glob is refused: `**` may search the config's folder and below, but
 * not from outside it (a glob from / down would walk the whole disk: a run must never hang).
 */
function globProblem(pattern: string, dir: string): Text | undefined {
  if (!pattern.includes("**") || !isDynamicPattern(pattern)) return undefined;
  return outsidePath(dir, globBase(pattern, dir)) === undefined ? undefined : t("glob-outside");
}

/** Files one input entry names; a literal name that exists is taken as is, even with glob characters in it. */
async function expand(entry: InputEntry, dir: string): Promise<string[]> {
  const literal = resolve(dir, entry.spec.pattern);
  if (await isFile(literal)) return [literal];
  if (!isDynamicPattern(entry.spec.pattern) || globProblem(entry.spec.pattern, dir) !== undefined) return [];
  const found = await globs!.glob(entry.spec.pattern, { cwd: dir, absolute: true, onlyFiles: true, expandDirectories: false, deep: MAX_GLOB_DEPTH });
  // Only regular files (a link to one counts): a link to /dev/zero or a FIFO must never be read.
  const regular = await Promise.all(found.map(async (f) => ((await isFile(f)) ? resolve(f) : undefined)));
  return regular.filter((f): f is string => f !== undefined);
}

/** Expand every input glob: files per kind, or a problem for each glob that matches nothing. */
async function resolveInputs(
  entries: Readonly<Record<InputKind, readonly InputEntry[]>>,
  dir: string,
): Promise<{ inputs: LoadedConfig["inputs"]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const owner = new Map<string, { kind: InputKind; subject: string }>();
  const inputs: LoadedConfig["inputs"] = { hours: [], benefits: [], staff: [], costs: [] };
  await loadGlobs(INPUT_KINDS.flatMap((kind) => entries[kind].map((e) => e.spec.pattern)));
  for (const kind of INPUT_KINDS) {
    for (const entry of entries[kind]) {
      const files = await expand(entry, dir);
      const bad = files.length === 0 ? globProblem(entry.spec.pattern, dir) : undefined;
      if (bad !== undefined) {
        issues.push(error("glob-outside", {}, { source: entry.source, subject: entry.subject, found: entry.spec.pattern, hint: t("glob-outside.hint") }));
      } else if (files.length === 0) {
        issues.push(
          error("no-input-file", { pattern: JSON.stringify(entry.spec.pattern) }, {
            source: entry.source,
            subject: entry.subject,
            hint: t("relative-to-config", { dir }),
          }),
        );
      }
      for (const path of files) {
        const displayPath = toPosix(relative(dir, path));
        if (entry.spec.sheet !== undefined && !isWorkbookPath(path)) {
          issues.push(error("sheet-not-xlsx", { file: displayPath }, { source: entry.source, subject: entry.subject, hint: t("sheet-not-xlsx.hint") }));
        }
        const first = owner.get(path);
        if (first === undefined) {
          owner.set(path, { kind, subject: entry.subject });
          inputs[kind].push({ path, displayPath, spec: entry.spec });
        } else if (first.kind !== kind) {
          issues.push(
            error("input-in-two-lists", { file: displayPath, other: first.subject }, {
              source: entry.source,
              subject: entry.subject,
              hint: t("input-in-two-lists.hint"),
            }),
          );
        }
      }
    }
    inputs[kind].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  }
  return { inputs, issues };
}

/**
 * Read, validate and resolve menerva.yaml. Writes nothing. With
 * `{ inputs: false }` the exports and the cost-price file are not looked
 * for (`inputs` comes back empty): for a command that reads the ledger, not
 * the exports — `ledger undo --credit` credits documents from their ledger
 * record, and must work after the period's exports have been moved away.
 */
export async function loadConfig(path: string, opts: { readonly inputs?: boolean } = {}): Promise<Result<LoadedConfig>> {
  const withInputs = opts.inputs ?? true;
  const abs = resolve(path);
  const dir = dirname(abs);
  const read = await readSmallFile(abs);
  if (!read.ok) {
    const message = read.code === "ENOENT" ? t("config-unreadable.not-found") : read.code === "EISDIR" ? t("config-unreadable.folder") : read.message;
    return fail([{ ...error("config-unreadable", {}, { source: { file: path }, hint: t("config-unreadable.hint", { path: abs }) }), message }]);
  }
  const bytes = read.bytes;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const text = utf8Text(bytes);
  if (text === undefined) {
    return fail([error("config-not-utf8", {}, { source: { file: path, line: firstBadUtf8Line(bytes) }, hint: t("config-not-utf8.hint") })]);
  }

  const parsed = parseConfigText(text, path);
  if (!parsed.ok) return parsed;
  const { model, raw } = parsed.value;

  const { inputs, issues } = withInputs ? await resolveInputs(raw.inputs, dir) : { inputs: { hours: [], benefits: [], staff: [], costs: [] }, issues: [] as Issue[] };
  let staffCost: string | undefined;
  if (raw.staffCost) {
    staffCost = resolve(dir, raw.staffCost.path);
    if (withInputs && !(await isFile(staffCost))) {
      issues.push(
        error("no-staff-cost-file", { path: JSON.stringify(raw.staffCost.path) }, {
          source: raw.staffCost.source,
          subject: "staff_cost",
          hint: t("relative-to-config", { dir }),
        }),
      );
    }
  }
  const ledger = await resolveLedgerTarget(isAbsolute(raw.ledger) ? raw.ledger : resolve(dir, raw.ledger));
  if (!ledger.ok) issues.push({ ...error("bad-ledger-path", {}, { source: raw.ledgerSource, subject: "ledger", found: raw.ledger, hint: ledger.hint }), message: ledger.problem });
  if (issues.length > 0 || !ledger.ok) return fail(issues);
  const all = [...inputs.hours, ...inputs.benefits, ...inputs.staff, ...inputs.costs].map((i) => i.path);
  const outside = [...new Set([...all, ...(staffCost ? [staffCost] : []), ledger.path].map((p) => outsidePath(dir, p)).filter((p): p is string => p !== undefined))].sort();

  return ok(
    {
      file: path,
      dir,
      model,
      inputs,
      ledger: ledger.path,
      output: isAbsolute(raw.output) ? raw.output : resolve(dir, raw.output),
      ...(staffCost !== undefined ? { staffCost, ...(raw.staffCost ? { staffCostSource: raw.staffCost.source } : {}) } : {}),
      ...(raw.invoicing !== undefined ? { invoicing: raw.invoicing } : {}),
      sha256,
      canonical: raw.canonical,
      outside,
    },
    parsed.warnings,
  );
}
