// Where the ledger really is. A ledger named through a symbolic link is read
// and written at the link's target (the link stays a link: writing replaces
// the target file atomically, never the link); a folder, device, pipe or
// socket named as the ledger is refused before anything is read or written.
import { lstat, readlink } from "node:fs/promises";
import { dirname, resolve } from "node:path";

const MAX_LINKS = 40;

export type LedgerTarget = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly problem: string; readonly hint: string };

/** Follow symbolic links to the file the ledger is (which may not exist yet). */
export async function resolveLedgerTarget(path: string): Promise<LedgerTarget> {
  let p = resolve(path);
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    let st;
    try {
      st = await lstat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return { ok: true, path: p }; // a new ledger: created at the first close
      if (code === "ENOTDIR") return { ok: false, problem: "a part of the ledger's path is a file, not a folder", hint: "name a ledger file inside a folder" };
      return { ok: false, problem: `cannot inspect the ledger (${code ?? "error"})`, hint: "check the path and its permissions" };
    }
    if (st.isSymbolicLink()) {
      p = resolve(dirname(p), await readlink(p));
      continue;
    }
    if (st.isDirectory()) return { ok: false, problem: "is a folder, not a ledger file", hint: "name a file, e.g. ledger: menerva-ledger.jsonl (or out/menerva-ledger.jsonl)" };
    if (!st.isFile()) return { ok: false, problem: "is not a regular file (a device, pipe or socket)", hint: "name a ledger file, e.g. ledger: menerva-ledger.jsonl" };
    return { ok: true, path: p };
  }
  return { ok: false, problem: "too many symbolic links", hint: "point the ledger at a file, not at a loop of links" };
}
