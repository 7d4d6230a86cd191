// Gnumeric (ssconvert) as a second independent spreadsheet engine for tests,
// beside LibreOffice (libreoffice.ts): `recalculateGnumeric` opens a workbook,
// recalculates every formula (`--recalc`) and returns every sheet as raw cell
// texts; `cachedGnumeric` returns the values the file itself claims. Gnumeric
// evaluates some formulas differently from LibreOffice (it does not apply ABS()
// element-wise inside SUMPRODUCT, for one), so a workbook that recalculates to
// its cached values in both engines uses portable formulas.
// ssconvert starts in ~50 ms, so each file gets its own process; many files
// run two at a time (`manyGnumeric`). Tests that need it FAIL when ssconvert
// is missing: CI installs gnumeric.
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

export const GNUMERIC_HINT = "Gnumeric (ssconvert) is required for this test: install gnumeric (apt-get install -y gnumeric)";

let found: boolean | undefined;

export function hasGnumeric(): boolean {
  if (found === undefined) {
    try {
      execFileSync("ssconvert", ["--version"], { stdio: "ignore", timeout: 60_000 });
      found = true;
    } catch {
      found = false;
    }
  }
  return found;
}

/** Throw (so the test fails, never skips) when ssconvert is missing. */
export function requireGnumeric(): void {
  if (!hasGnumeric()) throw new Error(GNUMERIC_HINT);
}

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // No display and a neutral locale: raw values come out as "1234.56".
    const child = spawn("ssconvert", args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8", DISPLAY: "" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Every sheet of a workbook as CSV rows, recalculated or as cached. */
async function sheets(xlsxPath: string, recalc: boolean): Promise<Map<string, string[][]>> {
  requireGnumeric();
  const work = await mkdtemp(join(tmpdir(), "menerva-gnm-"));
  try {
    // %n = sheet index, %s = sheet name: "3_Kengetallen.csv". Sheet names cannot hold "/".
    const { code, stderr } = await run(["-S", ...(recalc ? ["--recalc"] : []), "-T", "Gnumeric_stf:stf_csv", xlsxPath, join(work, "%n_%s.csv")], 120_000);
    const files = (await readdir(work)).filter((f) => f.endsWith(".csv"));
    if (code !== 0 || files.length === 0) throw new Error(`ssconvert failed (exit ${code}) on ${xlsxPath}:\n${stderr}`);
    const byIndex = files.map((f) => ({ f, i: Number(f.slice(0, f.indexOf("_"))), name: f.slice(f.indexOf("_") + 1, -".csv".length) })).sort((a, b) => a.i - b.i);
    const out = new Map<string, string[][]>();
    for (const { f, name } of byIndex) out.set(name, parse(await readFile(join(work, f), "utf8"), { relax_column_count: true, bom: true }) as string[][]);
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every sheet after Gnumeric recalculated every formula: sheet name → rows of raw cell texts. */
export function recalculateGnumeric(xlsxPath: string): Promise<Map<string, string[][]>> {
  return sheets(xlsxPath, true);
}

/** Every sheet as the cached values in the file, as Gnumeric reads them. */
export function cachedGnumeric(xlsxPath: string): Promise<Map<string, string[][]>> {
  return sheets(xlsxPath, false);
}

/** Recalculate many workbooks, two processes at a time; results in the order given. */
export async function manyGnumeric(paths: readonly string[], recalc = true): Promise<Map<string, string[][]>[]> {
  const out: Map<string, string[][]>[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      out[i] = await sheets(paths[i]!, recalc);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}
