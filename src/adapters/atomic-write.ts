// Atomic file output: every file is written to a temp file beside its target,
// fsynced, then renamed into place, so a failed or killed run never leaves a
// half-written file. A batch is all-or-nothing up to the final renames.
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export type OutputFile = { readonly path: string; readonly data: string | Uint8Array };

async function writeTemp(target: string, data: string | Uint8Array, tag: string): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${tag}.tmp`);
  const fh = await open(tmp, "w");
  try {
    await fh.writeFile(data);
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
 * Write all files or none: every temp file is complete and synced before the
 * first rename. On failure before the renames, temp files are removed and no
 * target is touched.
 */
export async function writeFilesAtomically(files: readonly OutputFile[]): Promise<void> {
  const tag = `${process.pid}-${Date.now().toString(36)}`; // unique name only; never part of the output
  const temps: { tmp: string; target: string }[] = [];
  try {
    for (const f of files) temps.push({ tmp: await writeTemp(f.path, f.data, tag), target: f.path });
  } catch (err) {
    await Promise.all(temps.map((t) => rm(t.tmp, { force: true })));
    throw err;
  }
  for (const t of temps) await rename(t.tmp, t.target);
  for (const dir of new Set(temps.map((t) => dirname(t.target)))) await syncDir(dir);
}

export const writeFileAtomically = (path: string, data: string | Uint8Array): Promise<void> =>
  writeFilesAtomically([{ path, data }]);
