// The close lock: `<ledger>.lock`, created atomically with its content, so
// two closes cannot write the ledger at once. A lock left by a process that
// no longer runs (killed, crashed) is detected and taken over with a warning.
import { randomUUID } from "node:crypto";
import { link, readdir, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { error, fail, ok, warning, type Result } from "../domain/issues.js";
import { readSmallFile } from "../adapters/read-small-file.js";
import { displayPath } from "./ledger-file.js";

type LockInfo = { pid: number; host: string; started: string; token: string };

export type Lock = { release(): Promise<void> };

export const lockPathFor = (ledgerPath: string): string => `${ledgerPath}.lock`;

/** True unless the process is known to be gone (ESRCH). EPERM means it exists but is not ours. */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

async function readInfo(path: string): Promise<LockInfo | undefined> {
  try {
    // A small regular file only: something else at the lock's name must not hang a close.
    const read = await readSmallFile(path, 4096);
    if (!read.ok) return undefined;
    const v = JSON.parse(read.bytes.toString("utf8")) as Partial<LockInfo>;
    return typeof v.pid === "number" && typeof v.host === "string" ? (v as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Create the lock by hard-linking a fully written temp file to the lock name:
 * link() fails with EEXIST if the lock exists, and a reader never sees a
 * half-written lock file. Returns false when someone else holds it.
 */
async function tryCreate(lockPath: string, info: LockInfo): Promise<boolean> {
  const tmp = `${lockPath}.${info.token}.tmp`;
  await writeFile(tmp, `${JSON.stringify(info)}\n`);
  try {
    await link(tmp, lockPath);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/**
 * Remove temp files a killed writer left beside the ledger (`.<ledger>.*.tmp`,
 * `<ledger>.lock.stale.*`). Safe only while holding the lock: no one else writes them.
 */
async function removeLeftovers(ledgerPath: string, lockPath: string): Promise<void> {
  const dir = dirname(ledgerPath);
  const name = basename(ledgerPath);
  const lockName = basename(lockPath);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((n) => (n.startsWith(`.${name}.`) && n.endsWith(".tmp")) || n.startsWith(`${lockName}.stale.`));
  await Promise.all(stale.map((n) => unlink(join(dir, n)).catch(() => undefined)));
}

/**
 * Take the ledger's lock. Fails fast (no waiting) when a live process holds
 * it; the caller exits 3. The started time is for people reading the lock
 * file only and never reaches an output.
 */
export async function acquireLock(ledgerPath: string): Promise<Result<Lock>> {
  const lockPath = lockPathFor(ledgerPath);
  const shown = displayPath(lockPath);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomUUID() };
  const release = async (): Promise<void> => {
    // remove the lock only if it is still ours
    if ((await readInfo(lockPath))?.token === info.token) await unlink(lockPath).catch(() => undefined);
  };
  const held = (holder: LockInfo | undefined) =>
    fail<Lock>([
      error("ledger-locked", `another menerva close is running (pid ${holder?.pid ?? "unknown"}${holder && holder.host !== info.host ? ` on ${holder.host}` : ""}, lock file ${shown})`, {
        hint: `wait for it to finish; if no close is running, delete ${shown} and run again`,
      }),
    ]);

  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(lockPath, info)) {
      await removeLeftovers(ledgerPath, lockPath);
      return ok({ release });
    }
    const holder = await readInfo(lockPath);
    // Unreadable content, another host or a live pid: we cannot prove the lock is stale.
    if (!holder || holder.host !== info.host || pidAlive(holder.pid)) {
      if (holder === undefined && attempt === 0) continue; // it may have been released just now
      return held(holder);
    }
    // Stale: move it aside under a unique name (only one taker's rename succeeds), then check
    // that what we moved is the dead lock and not a fresh one another taker just created.
    const aside = `${lockPath}.stale.${info.token}`;
    try {
      await rename(lockPath, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw e;
    }
    const moved = await readInfo(aside);
    if (moved && moved.token !== holder.token) {
      // we moved a live lock: put it back (link fails only if yet another lock appeared)
      await link(aside, lockPath).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
      return held(moved);
    }
    await unlink(aside).catch(() => undefined);
    if (await tryCreate(lockPath, info)) {
      await removeLeftovers(ledgerPath, lockPath);
      return ok({ release }, [
        warning("stale-lock", `took over a stale lock left by pid ${holder.pid} (started ${holder.started}), which is no longer running`, {
          source: { file: shown },
          hint: "a previous close was interrupted; the ledger is written atomically, so it is either as before or as after that close",
        }),
      ]);
    }
  }
  return held(await readInfo(lockPath));
}
