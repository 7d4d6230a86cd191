// Folders are created only when a run writes: a refused run takes back the
// folders it made (only those, and only while still empty), so a failed close
// leaves nothing behind.
import { mkdir, rmdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";

export type MadeDirs = { undo(): Promise<void> };

/** Create `dir` and its missing parents; `undo` removes what was created here, deepest first, if empty. */
export async function makeDirs(dir: string): Promise<MadeDirs> {
  const target = resolve(dir);
  const first = await mkdir(target, { recursive: true });
  return {
    async undo() {
      if (first === undefined) return;
      const top = resolve(first);
      for (let d = target; ; d = dirname(d)) {
        try {
          await rmdir(d);
        } catch {
          return; // not empty (another run uses it) or gone: leave it
        }
        if (d === top || dirname(d) === d) return;
      }
    },
  };
}
