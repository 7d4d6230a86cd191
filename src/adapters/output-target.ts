// Can a run write its outputs under a folder? Asked before the work, so a
// folder that cannot be made — a file on the way (`-o menerva.yaml/x`), no
// permission — is a clear error (exit 2) with nothing written, not an
// internal error after the run (mkdir's ENOTDIR).
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { error, t, type Issue } from "../domain/issues.js";

/**
 * The problem with writing under `dir` (created when missing), or undefined;
 * `subject` names where it was given (`--out`, `output`), `found` how.
 */
export async function outputFolderProblem(dir: string, subject: string, found: string = dir): Promise<Issue | undefined> {
  // from the folder up to the first path that exists: that one must be a folder we may write in
  for (let d = resolve(dir); ; d = dirname(d)) {
    let folder: boolean;
    try {
      folder = (await stat(d)).isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // missing, or below a file (ENOTDIR): the walk reaches what is there
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(d) !== d) continue;
      return error("output-folder.not-writable", { path: d }, { subject, found, hint: t("output-folder.hint") });
    }
    if (!folder) return error("output-folder.file", { path: d }, { subject, found, hint: t("output-folder.hint") });
    try {
      await access(d, constants.W_OK | constants.X_OK);
    } catch {
      return error("output-folder.not-writable", { path: d }, { subject, found, hint: t("output-folder.hint") });
    }
    return undefined;
  }
}
