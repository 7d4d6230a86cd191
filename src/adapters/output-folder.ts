// The outputs of a close switch as one set. Every file is first written
// complete to a temp file beside its target and fsynced; then the new
// manifest `SHA256SUMS` (`sha256sum -c` format) is written as a temp file too:
// it is the journal of the switch. Then the files are renamed into place,
// files of the previous set that this set does not have are removed, and the
// manifest is renamed last. A kill at any point leaves either
//   - temp files without a journal: the old set untouched (the temps are
//     removed by the next run), or
//   - a complete journal: the next run finishes the switch from it (every
//     file still in a temp is renamed, then the manifest);
// and until then `checkOutputSet` (ledger verify --outputs) reports the folder
// as interrupted, and a manifest that does not match the files as changed.
// A set may hold files one folder down (`invoices/MEN2025-0001.xml`, issue
// 12): the manifest names them by that relative path, as `sha256sum -c`
// reads it, and their temp files sit beside them in that folder.
import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import { t, type Text } from "../domain/issues.js";

export const MANIFEST = "SHA256SUMS";

export type OutputFile = { readonly path: string; readonly data: string | Uint8Array };

/** File operations the switch uses; a test replaces `rename` to stop the switch half-way, as a kill would. */
export type SwitchOps = { rename: (from: string, to: string) => Promise<void> };
const REAL: SwitchOps = { rename };

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
const TEMP = /^\.(.+)\.(\d+-[0-9a-z]+)\.tmp$/;
const tempName = (name: string, tag: string): string => `.${name}.${tag}.tmp`;
/** A name in a set: a file, or a file in one folder below (`invoices/X.xml`); no `.`/`..` parts. */
const SET_NAME = /^[^/\\]+(\/[^/\\]+)?$/;
const isSetName = (name: string): boolean => SET_NAME.test(name) && name !== MANIFEST && !name.split("/").some((p) => p === "." || p === "..");
/** Where a set file's temp goes: beside it, in its own folder. */
const tempPath = (dir: string, name: string, tag: string): string => join(dir, dirname(name), tempName(basename(name), tag));
/** The folders of a set below `dir` (from its names). */
const subfolders = (names: Iterable<string>): Set<string> => new Set([...names].filter((n) => n.includes("/")).map((n) => n.slice(0, n.indexOf("/"))));

async function writeSynced(path: string, data: string | Uint8Array): Promise<void> {
  const fh = await open(path, "w");
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } catch {
    // some file systems refuse fsync on directories; renames are still atomic
  } finally {
    await fh.close();
  }
}

/** `sha256sum` lines, sorted by name: one line per file of the set. */
export function manifestText(entries: ReadonlyMap<string, string>): string {
  return [...entries.keys()].sort().map((name) => `${entries.get(name)}  ${name}\n`).join("");
}

/** A manifest's entries (name → sha256); lines that are not `HASH  NAME` are skipped. */
export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (m && isSetName(m[2]!)) out.set(m[2]!, m[1]!);
  }
  return out;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

async function fileHash(path: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(path));
  } catch {
    return undefined;
  }
}

/** Rename the set's files into place, drop the previous set's others, then the manifest (the commit). */
async function finish(dir: string, tag: string, entries: ReadonlyMap<string, string>, ops: SwitchOps): Promise<void> {
  for (const [name, hash] of entries) {
    const tmp = tempPath(dir, name, tag);
    if ((await fileHash(tmp)) === hash) await ops.rename(tmp, join(dir, name));
  }
  const previous = parseManifest((await readText(join(dir, MANIFEST))) ?? "");
  const dropped = [...previous.keys()].filter((name) => !entries.has(name) && name !== MANIFEST);
  for (const name of dropped) await rm(join(dir, name), { force: true });
  // a folder of the previous set that this set does not use is removed when it is left empty
  for (const sub of subfolders(dropped)) if (!subfolders(entries.keys()).has(sub)) await rmdir(join(dir, sub)).catch(() => undefined);
  for (const sub of subfolders(entries.keys())) await syncDir(join(dir, sub));
  await ops.rename(join(dir, tempName(MANIFEST, tag)), join(dir, MANIFEST));
  await syncDir(dir);
}

/**
 * Finish or discard a switch a killed run left in `dir`: a complete journal
 * whose files are all there (in temps or already in place) is finished; any
 * other temp file is removed. Safe while one writer owns the folder (a close
 * holds the ledger lock). Returns true when a switch was finished.
 */
export async function repairOutputSet(dir: string, ops: SwitchOps = REAL, owned = true): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return false;
  }
  // A folder found by scanning is only touched when it is an output set (another
  // command, e.g. costprice --out, may be writing its own temp files there).
  if (!owned && !names.some((n) => n === MANIFEST || TEMP.exec(n)?.[1] === MANIFEST)) return false;
  const temps = names.map((n) => TEMP.exec(n)).filter((m): m is RegExpExecArray => m !== null);
  let finished = false;
  for (const m of temps.filter((t) => t[1] === MANIFEST)) {
    const tag = m[2]!;
    const entries = parseManifest((await readText(join(dir, m[0]))) ?? "");
    let complete = entries.size > 0;
    for (const [name, hash] of entries) {
      if ((await fileHash(tempPath(dir, name, tag))) !== hash && (await fileHash(join(dir, name))) !== hash) complete = false;
    }
    if (complete) {
      await finish(dir, tag, entries, ops);
      finished = true;
    }
  }
  // Temp files left in the folder and in its subfolders (the sets' `invoices/`).
  const left: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isFile() && TEMP.test(e.name)) left.push(join(dir, e.name));
    else if (e.isDirectory()) for (const n of await readdir(join(dir, e.name)).catch(() => [] as string[])) if (TEMP.test(n)) left.push(join(dir, e.name, n));
  }
  await Promise.all(left.map((p) => rm(p, { force: true })));
  return finished;
}

/**
 * Write `files` (all inside `dir`) as one set, with its manifest. The folder
 * is created only now, when there is something to write.
 */
export async function writeOutputSet(dir: string, files: readonly OutputFile[], ops: SwitchOps = REAL): Promise<void> {
  const names = files.map((f) => relative(dir, f.path).split(sep).join("/"));
  names.forEach((n, i) => {
    if (!isSetName(n)) throw new Error(`writeOutputSet: ${files[i]!.path} is not a file of ${dir}`);
  });
  await repairOutputSet(dir, ops);
  await mkdir(dir, { recursive: true });
  for (const sub of subfolders(names)) await mkdir(join(dir, sub), { recursive: true });
  const tag = `${process.pid}-${Date.now().toString(36)}`; // unique temp names only; never part of the output
  const entries = new Map<string, string>();
  try {
    for (const [i, f] of files.entries()) {
      await writeSynced(tempPath(dir, names[i]!, tag), f.data);
      entries.set(names[i]!, sha256(f.data));
    }
    await writeSynced(join(dir, tempName(MANIFEST, tag)), manifestText(entries));
  } catch (err) {
    // Nothing renamed yet: the previous set is untouched.
    await Promise.all([...names.map((n) => tempPath(dir, n, tag)), join(dir, tempName(MANIFEST, tag))].map((p) => rm(p, { force: true })));
    throw err;
  }
  // From here on a failure (or a kill) leaves the journal for the next run to finish.
  await finish(dir, tag, entries, ops);
}

export type OutputSetCheck =
  | { readonly status: "ok"; readonly files: number }
  | { readonly status: "missing" | "no-manifest" | "interrupted" | "changed"; readonly problems: readonly Text[] };

/** Does `dir` hold one complete set as its manifest lists it? */
export async function checkOutputSet(dir: string): Promise<OutputSetCheck> {
  try {
    if (!(await stat(dir)).isDirectory()) return { status: "missing", problems: [t("outputs.not-a-folder")] };
  } catch {
    return { status: "missing", problems: [t("outputs.no-folder")] };
  }
  const names = await readdir(dir);
  if (names.some((n) => TEMP.exec(n)?.[1] === MANIFEST)) {
    return { status: "interrupted", problems: [t("outputs.interrupted")] };
  }
  const text = await readText(join(dir, MANIFEST));
  if (text === undefined) return { status: "no-manifest", problems: [t("outputs.no-manifest", { manifest: MANIFEST })] };
  const entries = parseManifest(text);
  const problems: Text[] = [];
  for (const [name, hash] of [...entries].sort()) {
    const now = await fileHash(join(dir, name));
    if (now === undefined) problems.push(t("outputs.file-missing", { name }));
    else if (now !== hash) problems.push(t("outputs.file-changed", { name, manifest: MANIFEST }));
  }
  return problems.length > 0 ? { status: "changed", problems } : { status: "ok", files: entries.size };
}

/** Repair every output set directly under `root` (the config's output folder) and `extra`; the folders whose switch was finished. */
export async function repairOutputSets(root: string, extra?: string): Promise<string[]> {
  const dirs = new Set<string>(extra ? [extra] : []);
  try {
    for (const e of await readdir(root, { withFileTypes: true })) if (e.isDirectory()) dirs.add(join(root, e.name));
  } catch {
    // no output folder yet
  }
  const done: string[] = [];
  for (const d of [...dirs].sort()) if (await repairOutputSet(d, REAL, d === extra)) done.push(d);
  return done;
}
