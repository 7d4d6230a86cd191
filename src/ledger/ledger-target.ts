// Where the ledger really is. A ledger named through a symbolic link is read
// and written at the link's target (the link stays a link: writing replaces
// the target file atomically, never the link); a folder, device, pipe or
// socket named as the ledger is refused before anything is read or written.
import { t, type Text } from "../domain/issues.js";
import { lstat, readlink } from "node:fs/promises";
import { dirname, resolve } from "node:path";

const MAX_LINKS = 40;

export type LedgerTarget = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly problem: Text; readonly hint: Text };

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
      if (code === "ENOTDIR") return { ok: false, problem: t("ledger-path.not-dir"), hint: t("ledger-path.not-dir.hint") };
      return { ok: false, problem: t("ledger-path.cannot-inspect", { code: code ?? "error" }), hint: t("ledger-path.cannot-inspect.hint") };
    }
    if (st.isSymbolicLink()) {
      p = resolve(dirname(p), await readlink(p));
      continue;
    }
    if (st.isDirectory()) return { ok: false, problem: t("ledger-path.folder"), hint: t("ledger-path.folder.hint") };
    if (!st.isFile()) return { ok: false, problem: t("file.not-regular"), hint: t("ledger-path.not-regular.hint") };
    return { ok: true, path: p };
  }
  return { ok: false, problem: t("ledger-path.link-loop"), hint: t("ledger-path.link-loop.hint") };
}
