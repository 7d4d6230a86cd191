// Headless LibreOffice as an independent spreadsheet engine for tests:
// `recalculate` forces a full recalculation on load (not the cached values
// exceljs wrote) and returns every sheet as raw cell texts; `cachedValues`
// returns what the file itself claims. Each call uses its own throw-away
// profile (OOXMLRecalcMode 0 = always recalculate, or 1 = never; locale en-US
// so numbers come out as "1234.56", whatever the machine's locale).
// Tests that need it FAIL when soffice is missing: CI installs libreoffice-calc-nogui.
import { execFileSync, spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";

export const INSTALL_HINT = "LibreOffice (soffice) is required for this test: install libreoffice-calc-nogui (apt-get install -y libreoffice-calc-nogui)";

let found: boolean | undefined;

export function hasLibreOffice(): boolean {
  if (found === undefined) {
    try {
      execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
      found = true;
    } catch {
      found = false;
    }
  }
  return found;
}

/** Throw (so the test fails, never skips) when soffice is missing. */
export function requireLibreOffice(): void {
  if (!hasLibreOffice()) throw new Error(INSTALL_HINT);
}

function profileXcu(recalcMode: 0 | 1): string {
  const item = (path: string, name: string, value: string | number) =>
    `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    item("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode", recalcMode),
    item("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode", recalcMode),
    item("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", "en-US"),
    item("/org.openoffice.Setup/L10N", "ooLocale", "en-US"),
    `</oor:items>`,
  ].join("\n");
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } });
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

/**
 * Convert with a private profile. `target` is a --convert-to filter string.
 * Returns the output folder and the input's base name as LibreOffice used it.
 */
async function convert(xlsxPath: string, recalcMode: 0 | 1, target: string, work: string): Promise<string> {
  requireLibreOffice();
  const profile = join(work, "profile");
  await mkdir(join(profile, "user"), { recursive: true });
  await writeFile(join(profile, "user", "registrymodifications.xcu"), profileXcu(recalcMode));
  // Copy the input to a fixed name: LibreOffice derives the output names from it.
  const input = join(work, "book.xlsx");
  await copyFile(xlsxPath, input);
  const out = join(work, "out");
  await mkdir(out);
  const { code, stderr } = await run(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", target, input, "--outdir", out],
    180_000,
  );
  const files = await readdir(out);
  if (code !== 0 || files.length === 0) {
    throw new Error(`soffice failed (exit ${code}) converting ${xlsxPath}:\n${stderr}`);
  }
  return out;
}

// Token 9 false = raw values (not as shown), token 12 -1 = every sheet to its own file.
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

async function sheetsAsCsv(xlsxPath: string, recalcMode: 0 | 1): Promise<Map<string, string[][]>> {
  const work = await mkdtemp(join(tmpdir(), "menerva-lo-"));
  try {
    const out = await convert(xlsxPath, recalcMode, CSV_FILTER, work);
    const result = new Map<string, string[][]>();
    const prefix = "book-";
    for (const f of (await readdir(out)).sort()) {
      if (!f.startsWith(prefix) || !f.endsWith(".csv")) continue;
      const sheet = f.slice(prefix.length, -".csv".length);
      const text = await readFile(join(out, f), "utf8");
      result.set(sheet, parse(text, { relax_column_count: true, bom: true }) as string[][]);
    }
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Every sheet after a forced full recalculation: sheet name → rows of raw cell texts. */
export function recalculate(xlsxPath: string): Promise<Map<string, string[][]>> {
  return sheetsAsCsv(xlsxPath, 0);
}

/** Every sheet as the cached values in the file (no recalculation). */
export function cachedValues(xlsxPath: string): Promise<Map<string, string[][]>> {
  return sheetsAsCsv(xlsxPath, 1);
}

/**
 * Several workbooks in ONE soffice process (LibreOffice's start-up is the
 * expensive part): each recalculated (or as cached), in the order given.
 */
export async function manyLibreOffice(xlsxPaths: readonly string[], recalc = true): Promise<Map<string, string[][]>[]> {
  requireLibreOffice();
  if (xlsxPaths.length === 0) return [];
  const work = await mkdtemp(join(tmpdir(), "menerva-lo-"));
  try {
    const profile = join(work, "profile");
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), profileXcu(recalc ? 0 : 1));
    const inputs: string[] = [];
    for (const [i, p] of xlsxPaths.entries()) {
      const input = join(work, `b${i}.xlsx`);
      await copyFile(p, input);
      inputs.push(input);
    }
    const out = join(work, "out");
    await mkdir(out);
    const { code, stderr } = await run(
      "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", CSV_FILTER, ...inputs, "--outdir", out],
      120_000 + 60_000 * xlsxPaths.length,
    );
    const files = (await readdir(out)).sort();
    if (code !== 0 || files.length === 0) throw new Error(`soffice failed (exit ${code}) converting ${xlsxPaths.join(", ")}:\n${stderr}`);
    return await Promise.all(
      xlsxPaths.map(async (_, i) => {
        const prefix = `b${i}-`;
        const m = new Map<string, string[][]>();
        for (const f of files.filter((f) => f.startsWith(prefix) && f.endsWith(".csv")))
          m.set(f.slice(prefix.length, -".csv".length), parse(await readFile(join(out, f), "utf8"), { relax_column_count: true, bom: true }) as string[][]);
        if (m.size === 0) throw new Error(`soffice wrote nothing for ${xlsxPaths[i]}:\n${stderr}`);
        return m;
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Convert to PDF with a recalculating profile (to look at charts); returns the PDF bytes. */
export async function toPdf(xlsxPath: string): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), "menerva-lo-"));
  try {
    const out = await convert(xlsxPath, 0, "pdf", work);
    return new Uint8Array(await readFile(join(out, "book.pdf")));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Open and save again as .xlsx with LibreOffice (shows what it understood, e.g. charts). */
export async function resaveXlsx(xlsxPath: string): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), "menerva-lo-"));
  try {
    const out = await convert(xlsxPath, 0, "xlsx:Calc MS Excel 2007 XML", work);
    return new Uint8Array(await readFile(join(out, "book.xlsx")));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The cell at an A1 address in a CSV grid ("" when outside it). */
export function cellAt(rows: string[][], a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad cell address ${a1}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return rows[Number(m[2]) - 1]?.[col - 1] ?? "";
}
