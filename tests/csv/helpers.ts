// Shared by the CSV reader tests: write an export to a temp file and read it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import {
  readBenefitsFile,
  readCostsFile,
  readHoursFile,
  readStaffFile,
  type InputFileResult,
  type InputKind,
  type InputOverrides,
  type ReadContext,
} from "../../src/adapters/csv/read-input.js";
import { formatIssue } from "../../src/i18n/render.js";

export const dir = mkdtempSync(join(tmpdir(), "menerva-csv-"));

export const CTX: ReadContext = {
  sePartners: ["BLM", "Arbeidskansen", "LIV aan het werk", "Alternatief"],
  necPartners: ["Q-Jobs", "Flexer", "Itzu Jobs"],
  benefitTypes: ["RSZ", "maatwerk"],
};

/** Write `content` (text as UTF-8, or raw bytes) to a temp file named `name`; returns its path. */
export function put(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Text as Windows-1252 bytes. */
export const cp1252 = (s: string): Buffer => iconv.encode(s, "win1252");

const READERS = { hours: readHoursFile, benefits: readBenefitsFile, staff: readStaffFile, costs: readCostsFile } as const;

/** Read `content` as an export of `kind`; issues come back formatted as the CLI prints them. */
export async function read(
  kind: InputKind,
  content: string | Uint8Array,
  overrides?: InputOverrides,
  name = `${kind}.csv`,
): Promise<InputFileResult<any> & { text: string[] }> {
  const path = put(name, content);
  const r = await (READERS[kind] as (p: string, d: string, c: ReadContext) => Promise<InputFileResult<any>>)(path, `exports/${name}`, {
    ...CTX,
    ...(overrides ? { overrides } : {}),
  });
  return { ...r, text: r.issues.map(formatIssue) };
}
