// Building scenario workbooks for tests the way the commands do, and editing
// one input cell of a workbook (a constant, not a formula) as a director would.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { loadScenarioFile } from "../../src/adapters/scenario-file.js";
import { sheetParts } from "../../src/adapters/xlsx/charts.js";
import type { Scenario } from "../../src/domain/scenario/types.js";
import { issueMessage } from "../../src/i18n/render.js";

export async function loadScenario(file: string): Promise<Scenario> {
  const l = await loadScenarioFile(file);
  if (!l.ok) throw new Error(`${file} does not load: ${l.issues.map((i) => issueMessage(i)).join("; ")}`);
  return l.value.scenario;
}

/** The text of a shared or inline string cell, or the value text of a number cell. */
function cellText(xml: string, shared: string[], addr: string): string | undefined {
  const m = new RegExp(`<c r="${addr}"([^>]*)>(.*?)</c>`).exec(xml);
  if (!m) return undefined;
  const v = /<v>([^<]*)<\/v>/.exec(m[2]!)?.[1];
  if (/t="s"/.test(m[1]!) && v !== undefined) return shared[Number(v)];
  return /<t[^>]*>([^<]*)<\/t>/.exec(m[2]!)?.[1] ?? v;
}

function sharedStrings(files: Record<string, Uint8Array>): string[] {
  const xml = files["xl/sharedStrings.xml"] ? strFromU8(files["xl/sharedStrings.xml"]!) : "";
  return [...xml.matchAll(/<si>(.*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(""));
}

/** Where `text` sits in a sheet: the first cell (in row order) whose string equals it. */
export function findCell(bytes: Uint8Array, sheet: string, text: string): string {
  const files = unzipSync(bytes);
  const part = new Map(sheetParts(new Map(Object.entries(files)))).get(sheet);
  if (!part) throw new Error(`no sheet ${sheet}`);
  const xml = strFromU8(files[part]!);
  const shared = sharedStrings(files);
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"/g)) if (cellText(xml, shared, m[1]!) === text) return m[1]!;
  throw new Error(`"${text}" is not on sheet ${sheet}`);
}

/** Set a constant (non-formula) cell of a sheet to a number, leaving every cached value as it was. */
export function setInput(bytes: Uint8Array, sheet: string, addr: string, value: string): Uint8Array {
  const files = unzipSync(bytes);
  const part = new Map(sheetParts(new Map(Object.entries(files)))).get(sheet)!;
  const xml = strFromU8(files[part]!);
  const re = new RegExp(`(<c r="${addr}"[^>]*>)(<v>[^<]*</v>)(</c>)`);
  if (!re.test(xml)) throw new Error(`${sheet}!${addr} is not a constant number cell`);
  files[part] = strToU8(xml.replace(re, `$1<v>${value}</v>$3`));
  return zipSync(files);
}

/** The column letter `n` columns right of `addr`'s column, same row. */
export function offset(addr: string, n: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  col += n;
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${m[2]}`;
}
