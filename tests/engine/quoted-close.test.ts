// A quoted export cut into chunks (issue 15: quoted-cuts.ts) closes as the
// in-memory engine closes it — the same problems at the same lines — when a
// quoted cell holds a line break before the line that decides the decimal
// mark: every line number the close prints counts physical lines.
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

/** Hours with a remark column; the remark of the first row spans two lines. `bad`: a line with the other decimal mark. */
function hours(bad: boolean): string {
  const lines = ['"datum";"uitzendpartner";"kandidaat";"uren";"opmerking"', '"02/01/2025";"Q-Jobs";"K1";"8";"twee\nregels"', '"03/01/2025";"Flexer";"K2";"7,5";"beslist de komma"'];
  for (let i = 0; i < 400; i++) lines.push(`"${String(4 + (i % 20)).padStart(2, "0")}/01/2025";"${i % 2 ? "Flexer" : "Q-Jobs"}";"K${i}";"${1 + (i % 7)},25";"rij ""${i}"""`);
  if (bad) lines.push('"28/01/2025";"Q-Jobs";"K9";"7.25";"punt"');
  return `${lines.join("\n")}\n`;
}

async function close(dir: string, opts: Partial<CloseRunOptions>) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const r = await runClose({ configPath: "menerva.yaml", period: "2025-01", formats: ["json"], ...opts });
    return r.ok ? { ok: true, ledger: r.ledger, hours: r.report.result.totals } : { ok: false, issues: r.issues.map((i) => `${i.source?.file}:${i.source?.line} ${i.code} ${i.hint ? render(i.hint, "en") : ""}`) };
  } finally {
    process.chdir(cwd);
  }
}

for (const bad of [false, true]) {
  test(`a quoted export with a two-line cell, cut into chunks: the in-memory close's outcome${bad ? " and problems, at the same lines" : ""}`, async () => {
    const results = [];
    for (const engine of ["memory", "streaming"] as const) {
      const dir = join(root, `${engine}-${bad}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "menerva.yaml"), CONFIG);
      writeFileSync(join(dir, "uren.csv"), hours(bad));
      writeFileSync(join(dir, "voordelen.csv"), '"datum";"uitzendpartner";"kandidaat";"soort";"bedrag"\n"05/01/2025";"Q-Jobs";"K1";"RSZ";"1.250,00"\n');
      writeFileSync(join(dir, "personeel.csv"), "period,partner,role,fte,cost\n2025-01,A,coach,0.5,3000.00\n2025-01,B,coach,0.5,3000.00\n");
      // chunks of about 2 kB: the export (16 kB) in several, the first holding the two-line cell and the deciding line
      results.push(await close(dir, engine === "memory" ? { engine } : { engine, threads: 0, tuning: { chunkBytes: 2048 } }));
    }
    const [memory, streaming] = results;
    expect(streaming).toEqual(memory);
    if (bad) {
      // the decimal comma was decided at line 4 (the two-line cell is lines 2 and 3); the point is on line 405
      expect(memory!.issues).toEqual([expect.stringMatching(/^uren\.csv:405 mixed-decimal-marks .*\b4\b.*7,5/)]);
    } else expect(memory!.ok).toBe(true);
  });
}
