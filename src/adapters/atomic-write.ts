// Atomic file output: every file is written to a temp file beside its target,
// fsynced, then renamed into place, so a failed or killed run never leaves a
// half-written file. A batch is all-or-nothing up to the final renames.
import { mkdir, open, readdir, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export type OutputFile = { readonly path: string; readonly data: string | Uint8Array };
/** A file whose bytes may also come from a writer that streams them into the temp file (a ledger larger than memory should hold). */
export type StreamedFile = { readonly path: string; readonly data: string | Uint8Array | ((fh: FileHandle) => Promise<void>) };

async function writeTemp(target: string, data: StreamedFile["data"], tag: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${tag}.tmp`);
  const fh = await open(tmp, "w");
  try {
    if (typeof data === "function") await data(fh);
    else await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return tmp;
}

/** fsync a directory so a rename inside it survives a crash. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } catch {
    // some file systems refuse fsync on directories; the rename is still atomic
  } finally {
    await fh.close();
  }
}

/**
 * Remove temp files an earlier, killed write of these same targets left behind.
 * Safe while one writer owns an output folder at a time (a close holds the ledger lock).
 */
async function removeStaleTemps(files: readonly StreamedFile[]): Promise<void> {
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    const names = byDir.get(dirname(f.path)) ?? new Set<string>();
    names.add(basename(f.path));
    byDir.set(dirname(f.path), names);
  }
  for (const [dir, names] of byDir) {
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch {
      continue; // the folder does not exist yet
    }
    const stale = entries.filter((e) => e.startsWith(".") && e.endsWith(".tmp") && [...names].some((n) => e.startsWith(`.${n}.`)));
    await Promise.all(stale.map((e) => rm(join(dir, e), { force: true })));
  }
}

/**
 * Write all files or none: every temp file is complete and synced before the
 * first rename. On failure before the renames, temp files are removed and no
 * target is touched.
 */
export async function writeFilesAtomically(files: readonly StreamedFile[]): Promise<void> {
  const tag = `${process.pid}-${Date.now().toString(36)}`; // unique name only; never part of the output
  const temps: { tmp: string; target: string }[] = [];
  await removeStaleTemps(files);
  try {
    for (const f of files) temps.push({ tmp: await writeTemp(f.path, f.data, tag), target: f.path });
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true })));
    throw err;
  }
  for (const t of temps) await rename(t.tmp, t.target);
  for (const dir of new Set(temps.map((t) => dirname(t.target)))) await syncDir(dir);
}

export const writeFileAtomically = (path: string, data: StreamedFile["data"]): Promise<void> =>
  writeFilesAtomically([{ path, data }]);
