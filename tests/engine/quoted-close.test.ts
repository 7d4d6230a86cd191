// A quoted export cut into chunks (issue 15: quoted-cuts.ts) closes as the
// in-memory engine closes it — the same problems at the same lines — when a
// quoted cell holds a line break before the line that decides the decimal
// mark: every line number the close prints counts physical lines. And a row
// with cells past its header's is never read silently: a quote that does
// not close and swallows the next line is an error, a delimiter in an
// unquoted text a warning, blank cells past the header nothing (rows.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { runClose, type CloseRunOptions } from "../../src/app/close-run.js";
import { render } from "../../src/i18n/render.js";

const root = mkdtempSync(join(tmpdir(), "menerva-quoted-close-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CONFIG = `start: 2025-01
se_partners: [A, B]
nec_partners: [Q-Jobs, Flexer]
fees:
  hourly:
    - {from: 2025-01-01, rate: 2.50}
  benefit_share: 0.70
  benefit_types: [RSZ, maatwerk]
inputs:
  hours: [uren.csv]
  benefits: [voordelen.csv]
  staff: [personeel.csv]
ledger: ledger.jsonl
output: out
`;

/**
 * Hours with a remark column; the remark of the first row spans two lines.
 * `bad`: a last line with the other decimal mark; `row`: a line put in as line 300.
 */
function hours(bad: boolean, row?: string): string {
  const lines = ['"datum";"uitzendpartner";"kandidaat";"uren";"opmerking"', '"02/01/2025";"Q-Jobs";"K1";"8";"twee\nregels"', '"03/01/2025";"Flexer";"K2";"7,5";"beslist de komma"'];
  for (let i = 0; i < 400; i++) lines.push(`"${String(4 + (i % 20)).padStart(2, "0")}/01/2025";"${i % 2 ? "Flexer" : "Q-Jobs"}";"K${i}";"${1 + (i % 7)},25";"rij ""${i}"""`);
  if (row !== undefined) lines.splice(298, 0, row); // physical line 300: the two-line cell makes the header line 1 and its row lines 2–3
  if (bad) lines.push('"28/01/2025";"Q-Jobs";"K9";"7.25";"punt"');
  return `${lines.join("\n")}\n`;
}

const said = (i: { source?: { file?: string; line?: number }; code: string; found?: string; hint?: Parameters<typeof render>[0] }): string =>
  `${i.source?.file}:${i.source?.line} ${i.code} ${i.found ?? ""} ${i.hint ? render(i.hint, "en") : ""}`.trim();

async function close(dir: string, opts: Partial<CloseRunOptions>) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const r = await runClose({ configPath: "menerva.yaml", period: "2025-01", formats: ["json"], ...opts });
    return r.ok
      ? { ok: true, ledger: r.ledger, hours: r.report.result.totals, warnings: r.report.warnings.map(said) }
      : { ok: false, issues: r.issues.map(said) };
  } finally {
    process.chdir(cwd);
  }
}

/** The close of `hoursText` by both engines, the streaming one in chunks of about 2 kB. */
async function bothEngines(name: string, hoursText: string) {
  const results = [];
  for (const engine of ["memory", "streaming"] as const) {
    const dir = join(root, `${engine}-${name}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "menerva.yaml"), CONFIG);
    writeFileSync(join(dir, "uren.csv"), hoursText);
    writeFileSync(join(dir, "voordelen.csv"), '"datum";"uitzendpartner";"kandidaat";"soort";"bedrag"\n"05/01/2025";"Q-Jobs";"K1";"RSZ";"1.250,00"\n');
    writeFileSync(join(dir, "personeel.csv"), "period,partner,role,fte,cost\n2025-01,A,coach,0.5,3000.00\n2025-01,B,coach,0.5,3000.00\n");
    results.push(await close(dir, engine === "memory" ? { engine } : { engine, threads: 0, tuning: { chunkBytes: 2048 } }));
  }
  return results as [Awaited<ReturnType<typeof close>>, Awaited<ReturnType<typeof close>>];
}

for (const bad of [false, true]) {
  test(`a quoted export with a two-line cell, cut into chunks: the in-memory close's outcome${bad ? " and problems, at the same lines" : ""}`, async () => {
    const [memory, streaming] = await bothEngines(`mark-${bad}`, hours(bad));
    expect(streaming).toEqual(memory);
    if (bad) {
      // the decimal comma was decided at line 4 (the two-line cell is lines 2 and 3); the point is on line 405
      expect(memory.issues).toEqual([expect.stringMatching(/^uren\.csv:405 mixed-decimal-marks 7\.25 .*\b4\b.*7,5/)]);
    } else expect(memory.ok).toBe(true);
  });
}

test("a quote that does not close, swallowing the next line, is an error at its row: no row lost without a word", async () => {
  // line 300 opens a quote in its remark that no quote of its own closes: csv-parse runs the cell on into line 301
  const [memory, streaming] = await bothEngines("swallow", hours(false, '"10/01/2025";"Flexer";"K9";"6";"niet gesloten'));
  expect(streaming).toEqual(memory);
  expect(memory.ok).toBe(false);
  expect(memory.issues).toEqual([expect.stringMatching(/^uren\.csv:300 row-swallowed-line "niet gesloten\n.* close the quote or remove it/s)]);
});

test("a delimiter in an unquoted remark is a warning and the row is read; blank cells past the header are nothing", async () => {
  const plain = await bothEngines("plain", hours(false));
  const [memory, streaming] = await bothEngines("extra", hours(false, '"10/01/2025";"Flexer";"K9";"6";prijs; korting'));
  expect(streaming).toEqual(memory);
  expect(memory.ok).toBe(true);
  expect(memory.warnings).toContain("uren.csv:300 row-extra-cells korting a delimiter in a text without quotes? Put that text in quotes");
  expect(memory.warnings).toHaveLength(plain[0].warnings!.length + 1);
  // every line ending in a delimiter: an empty sixth cell on every row, no warning
  const [m2, s2] = await bothEngines("blank", hours(false).replaceAll("\n", ";\n"));
  expect(s2).toEqual(m2);
  expect(m2.warnings).toEqual(plain[0].warnings);
});

/** Unquoted hours with CR LF line ends, as Excel saves them; `added` put in as lines 300 and on. */
function plainHoursCrlf(added: string): string {
  const lines = ["datum;uitzendpartner;kandidaat;uren;opmerking"];
  for (let i = 0; i < 400; i++) lines.push(`${String(4 + (i % 20)).padStart(2, "0")}/01/2025;${i % 2 ? "Flexer" : "Q-Jobs"};K${i};${1 + (i % 7)},25;rij ${i}`);
  const text = `${lines.join("\r\n")}\r\n`;
  const at = text.split("\r\n", 299).join("\r\n").length + 2;
  return text.slice(0, at) + added + text.slice(at);
}

test("lines ending in LF alone added to a file of CR LF lines: an error that says so, not a quote that is not there", async () => {
  // an export saved by Excel (CR LF) with two rows typed in by another program (LF): csv-parse, taking CR LF from
  // the first line, reads line 300 on into 301 and 302
  const [memory, streaming] = await bothEngines("mixed-ends", plainHoursCrlf("10/01/2025;Flexer;K9;6;toegevoegd\n11/01/2025;Flexer;K9;6;ook\n"));
  expect(streaming).toEqual(memory);
  expect(memory.ok).toBe(false);
  expect(memory.issues).toEqual([expect.stringMatching(/^uren\.csv:300 row-mixed-line-ends toegevoegd\n11\/01\/2025 save the file again with one kind of line end/s)]);
  const plain = await bothEngines("crlf", plainHoursCrlf(""));
  expect(plain[0].ok).toBe(true);
});

test("in an Excel export (CR LF rows, a line break in a quoted cell as LF alone) a quote that does not close is still that", async () => {
  // Excel writes a line break typed in a cell as LF alone, inside quotes: such a file mixes its line ends rightly
  const text = hours(false, '"10/01/2025";"Flexer";"K9";"6";"ook twee\nregels, niet gesloten').replaceAll("\n", "\r\n").replaceAll("twee\r\nregels", "twee\nregels");
  const [memory, streaming] = await bothEngines("swallow-excel", text);
  expect(streaming).toEqual(memory);
  expect(memory.issues).toEqual([expect.stringMatching(/^uren\.csv:\d+ row-swallowed-line .*niet gesloten.* close the quote or remove it/s)]);
  // and an unclosed quote in a file of CR LF lines throughout
  const [m2, s2] = await bothEngines("swallow-crlf", hours(false, '"10/01/2025";"Flexer";"K9";"6";"niet gesloten').replaceAll("\n", "\r\n"));
  expect(s2).toEqual(m2);
  expect(m2.issues).toEqual([expect.stringMatching(/^uren\.csv:300 row-swallowed-line "niet gesloten\r\n.* close the quote or remove it/s)]);
});

test("a candidate id across two lines (inside quotes) is an error at its row; a remark across two lines is not", async () => {
  const [memory, streaming] = await bothEngines("id-lines", hours(false, '"10/01/2025";"Flexer";"K9\nK10";"6";"id over twee regels"'));
  expect(streaming).toEqual(memory);
  expect(memory.ok).toBe(false);
  // the remark "twee\nregels" of the first row stays fine: only the id is refused
  expect(memory.issues).toEqual([expect.stringMatching(/^uren\.csv:300 candidate-not-one-line K9\nK10 an id is one line/)]);
});

test("an export with a header and no rows closes with a warning at its line 1, in both engines: a cut-off export is not taken in silence", async () => {
  const [memory, streaming] = await bothEngines("header-only", '"datum";"uitzendpartner";"kandidaat";"uren";"opmerking"\n');
  expect(streaming).toEqual(memory);
  expect(memory.ok).toBe(true);
  expect(memory.warnings).toContain("uren.csv:1 no-data-rows  a cut-off or empty export? Export it again; remove the file from the inputs if it is meant to be empty");
  // files with rows get no such warning
  expect(memory.warnings!.filter((w) => w.includes("no-data-rows"))).toHaveLength(1);
});

test("a candidate id whose quotes stay in the cell (a space after the closing quote) is an error at its row in both engines", async () => {
  // without it, "K9" with quotes would be a second candidate beside K9 in every table and count
  const [memory, streaming] = await bothEngines("id-quoted", plainHoursCrlf('10/01/2025;Flexer;"K9" ;6;spatie na het aanhalingsteken\r\n'));
  expect(streaming).toEqual(memory);
  expect(memory.ok).toBe(false);
  expect(memory.issues).toEqual([expect.stringMatching(/^uren\.csv:300 candidate-quoted "K9"  the quotes are part of the cell: a space between a quote and the separator next to it keeps them in; remove that space$/)]);
});
