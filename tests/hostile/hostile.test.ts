// Issue 13: hostile inputs, run from the CLI as a user (or a CI job) would.
// Every case is refused with exit 2 (bad input) or 3 (ledger), never 1 (a
// bug) and never a hang (each run is killed after 30 s, which fails the test),
// leaves the scratch folder exactly as it was, prints no stack trace, quotes
// no more than a short excerpt of a bad value, and never prints the content
// of a foreign file.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, symlinkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { BIN, ROOT } from "../cli/helpers.js";

/** Every entry under `dir`: folders (empty ones too), files with their hash, other entries by type. */
function tree(dir: string, rel = "", out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) {
      out[`${rel}${name}/`] = "dir";
      tree(p, `${rel}${name}/`, out);
    } else out[`${rel}${name}`] = st.isFile() ? createHash("sha256").update(readFileSync(p)).digest("hex") : "special";
  }
  return out;
}

const SECRET = "s3cr3t-menerva-hostile-value";

type Case = {
  readonly name: string;
  /** Prepare the scratch folder (a copy of fixtures/ with its config writing to out/ inside it). */
  readonly setup: (dir: string) => void;
  readonly args: readonly string[];
  readonly exit: 2 | 3;
  /** Text the refusal must contain. */
  readonly says?: RegExp;
  /** Runs that must happen first (and succeed), e.g. closes before a tampering. */
  readonly before?: (dir: string) => void;
};

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "menerva-hostile-"));
  cpSync(join(ROOT, "fixtures/exports"), join(dir, "exports"), { recursive: true });
  cpSync(join(ROOT, "fixtures/costprice.yaml"), join(dir, "costprice.yaml"));
  cpSync(join(ROOT, "scenarios"), join(dir, "scenarios"), { recursive: true });
  writeFileSync(join(dir, "menerva.yaml"), readFileSync(join(ROOT, "fixtures/menerva.yaml"), "utf8").replaceAll("../out", "out"));
  return dir;
}

/** Run menerva with English messages (the example config asks for Dutch; these tests read the English words). */
function run(args: readonly string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args, "--lang", "en"], {
    cwd,
    encoding: "utf8",
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", MENERVA_TEST_SECRET: SECRET },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const edit = (dir: string, file: string, f: (text: string) => string): void => writeFileSync(join(dir, file), f(readFileSync(join(dir, file), "utf8")));
const config = (dir: string, f: (text: string) => string): void => edit(dir, "menerva.yaml", f);
const HOURS_HEADER = "date,nec_partner,candidate_id,hours\n";
const CLOSE = ["close", "2025-Q1", "-c", "menerva.yaml"];
const VALIDATE = ["validate", "2025-Q1", "-c", "menerva.yaml"];

/** A YAML alias bomb: each level names the one before nine times (9^9 values once expanded). */
const aliasBomb = (): string =>
  ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => {
    const [p, c] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
    return `${c}: &${c} [${Array(9).fill(`*${p}`).join(",")}]`;
  })].join("\n") + "\n";

const CASES: Case[] = [
  // 1. magnitudes
  { name: "an hours cell of 1 followed by 309 zeros (validate)", setup: (d) => writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}2025-01-06,Q-Jobs,K1,1${"0".repeat(309)}\n`), args: VALIDATE, exit: 2, says: /too long for a number/ },
  { name: "an hours cell of 1 followed by 309 zeros (close --formats json,csv)", setup: (d) => writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}2025-01-06,Q-Jobs,K1,1${"0".repeat(309)}\n`), args: [...CLOSE, "--formats", "json,csv"], exit: 2 },
  { name: "a 1 MB cell of digits", setup: (d) => writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}2025-01-06,Q-Jobs,K1,${"9".repeat(1 << 20)}\n`), args: CLOSE, exit: 2, says: /1048576 characters/ },
  { name: "a 1 MB text cell", setup: (d) => writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}2025-01-06,Q-Jobs,${"K".repeat(1 << 20)},1\n`), args: CLOSE, exit: 2, says: /text too long/ },
  { name: "hours past the per-row limit", setup: (d) => writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}2025-01-06,Q-Jobs,K1,10000.5\n`), args: VALIDATE, exit: 2, says: /at most 10,000 hours on one row/ },
  // QA 1 #6: what a spreadsheet cannot hold is refused, in validate and close alike
  { name: "hours with 20 significant digits (validate)", setup: (d) => writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}2025-01-06,Q-Jobs,K1,2.0019999999999999999\n`), args: VALIDATE, exit: 2, says: /uren-big\.csv:2: column 'hours': too many digits: 20 significant digits, a spreadsheet keeps 15/ },
  { name: "hours with 20 significant digits (close)", setup: (d) => writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}2025-01-06,Q-Jobs,K1,2.0019999999999999999\n`), args: CLOSE, exit: 2, says: /20 significant digits/ },
  { name: "a fee with 17 significant digits", setup: (d) => config(d, (t) => t.replace("rate: 2.50}", "rate: 2.5000000000000001}")), args: VALIDATE, exit: 2, says: /too many digits: 17 significant digits/ },
  { name: "a line past 10^12 from rows within the limits (validate)", setup: (d) => (config(d, (t) => t.replaceAll(/(\{from: [^,]+, )rate: \d+\.\d+/g, "$1rate: 999999999999.99")), writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}${["06", "07", "08"].map((x) => `2025-01-${x},Q-Jobs,K1,9999.99`).join("\n")}\n`)), args: VALIDATE, exit: 2, says: /invoice to Q-Jobs, line "hours at 999999999999\.99": amount: \d+(\.\d+)? is past the money limit[\s\S]*uren-big\.csv:2/ },
  { name: "a line past 10^12 from rows within the limits (close)", setup: (d) => (config(d, (t) => t.replaceAll(/(\{from: [^,]+, )rate: \d+\.\d+/g, "$1rate: 999999999999.99")), writeFileSync(join(d, "exports/uren-big.csv"), `${HOURS_HEADER}${["06", "07", "08"].map((x) => `2025-01-${x},Q-Jobs,K1,9999.99`).join("\n")}\n`)), args: CLOSE, exit: 2, says: /past the money limit/ },
  { name: "a benefit of 10^12 euro", setup: (d) => writeFileSync(join(d, "exports/voordelen-big.csv"), "date,nec_partner,candidate_id,type,amount\n2025-01-06,Q-Jobs,K1,RSZ,1000000000000.00\n"), args: VALIDATE, exit: 2, says: /below 1,000,000,000,000/ },
  { name: "a 400-digit other_costs amount", setup: (d) => config(d, (t) => t.replace("amount: 1800.00", `amount: ${"9".repeat(400)}.00`)), args: CLOSE, exit: 2, says: /too long for a number/ },
  { name: "an opening reserve of 10^15", setup: (d) => config(d, (t) => t.replace("opening_reserve: 0.00", "opening_reserve: 1000000000000000.00")), args: VALIDATE, exit: 2, says: /too large/ },
  { name: "scenario inflow growing by a billion a month", setup: (d) => writeFileSync(join(d, "scenarios/x.yaml"), "extends: base.yaml\ninflow: {start: 8, monthly_growth: 1000000000}\n"), args: ["scenario", "run", "scenarios/x.yaml", "--out", "o"], exit: 2 },
  { name: "scenario inflow compounding past the limit", setup: (d) => writeFileSync(join(d, "scenarios/x.yaml"), "extends: base.yaml\nmonths: 600\ninflow: {start: 8, monthly_growth: 0.5}\n"), args: ["scenario", "run", "scenarios/x.yaml"], exit: 2, says: /candidates in month 600/ },
  { name: "cost price yearly_cost of 1e310 written out", setup: (d) => edit(d, "costprice.yaml", (t) => t.replace("yearly_cost: 60000 ", `yearly_cost: 1${"0".repeat(310)} `)), args: ["costprice", "costprice.yaml", "--out", "o"], exit: 2 },
  { name: "cost price productive hours of 1e-300 written out", setup: (d) => edit(d, "costprice.yaml", (t) => t.replace("productive_hours_per_fte: 1450 ", `productive_hours_per_fte: 0.${"0".repeat(299)}1 `)), args: ["costprice", "costprice.yaml", "--out", "o"], exit: 2 },
  // what-if values from the command line have the limits of the file's own (QA 2 #1, #2)
  { name: "--set inflow past the file's limit", setup: () => undefined, args: ["scenario", "run", "scenarios/base.yaml", "--set", "inflow=99999999999"], exit: 2, says: /^--set: inflow: too large: at most 100,000 candidates a month \(got "inflow=99999999999"\)$/m },
  { name: "a grid range past the file's limit", setup: () => undefined, args: ["scenario", "grid", "scenarios/base.yaml", "--x", "inflow=0:300000:100000", "--y", "placement_rate=0.5:0.5:0.1"], exit: 2, says: /^--x: too large: at most 100,000 candidates a month/m },
  { name: "--opening-reserve of 10^12", setup: () => undefined, args: ["scenario", "run", "scenarios/base.yaml", "--opening-reserve", "1000000000000"], exit: 2, says: /--opening-reserve: too large: an amount must be below 1,000,000,000,000/ },
  { name: "solve with --max below --min", setup: () => undefined, args: ["scenario", "solve", "scenarios/base.yaml", "--min", "10", "--max", "5"], exit: 2, says: /--max: --max \(5\) is below --min \(10\): the search needs min ≤ max/ },
  // 2. cost-price files without partners
  { name: "a cost-price file without partners", setup: (d) => writeFileSync(join(d, "cp.yaml"), "project: x\n"), args: ["costprice", "cp.yaml"], exit: 2, says: /partners: missing/ },
  { name: "a cost-price file with a map as partners", setup: (d) => writeFileSync(join(d, "cp.yaml"), "partners: {a: 1}\n"), args: ["costprice", "cp.yaml"], exit: 2, says: /expected a list/ },
  { name: "staff_cost naming a cost-price file without partners", setup: (d) => (writeFileSync(join(d, "cp.yaml"), "partners: {a: 1}\n"), config(d, (t) => `${t}staff_cost: cp.yaml\n`)), args: CLOSE, exit: 2 },
  // 3. the ledger
  { name: "ledger: . (a folder)", setup: (d) => config(d, (t) => t.replace("ledger: out/menerva-ledger.jsonl", "ledger: .")), args: CLOSE, exit: 2, says: /^menerva\.yaml:\d+:9: ledger: is a folder, not a ledger file \(got "\."\)$/m },
  { name: "ledger: . (ledger verify)", setup: (d) => config(d, (t) => t.replace("ledger: out/menerva-ledger.jsonl", "ledger: .")), args: ["ledger", "verify", "-c", "menerva.yaml"], exit: 2, says: /^menerva\.yaml:\d+:9: ledger: is a folder, not a ledger file \(got "\."\)$/m },
  { name: "ledger: /dev/null", setup: (d) => config(d, (t) => t.replace("ledger: out/menerva-ledger.jsonl", "ledger: /dev/null")), args: CLOSE, exit: 2, says: /not a regular file/ },
  // 4. YAML aliases in every YAML file
  { name: "a self-referencing alias in the config", setup: (d) => config(d, (t) => `${t}x: &a [*a]\n`), args: VALIDATE, exit: 2, says: /loop/ },
  { name: "a self-referencing alias in a scenario", setup: (d) => writeFileSync(join(d, "scenarios/x.yaml"), "extends: base.yaml\nx: &a [*a]\n"), args: ["scenario", "run", "scenarios/x.yaml"], exit: 2, says: /loop/ },
  { name: "a self-referencing alias in a cost-price file", setup: (d) => writeFileSync(join(d, "cp.yaml"), "x: &a [*a]\n"), args: ["costprice", "cp.yaml"], exit: 2, says: /loop/ },
  { name: "an alias bomb in the config", setup: (d) => config(d, (t) => t + aliasBomb()), args: VALIDATE, exit: 2, says: /aliases expand to more than/ },
  { name: "an alias bomb in a scenario", setup: (d) => writeFileSync(join(d, "scenarios/x.yaml"), `extends: base.yaml\n${aliasBomb()}`), args: ["scenario", "run", "scenarios/x.yaml"], exit: 2, says: /aliases expand/ },
  { name: "an alias bomb through staff_cost", setup: (d) => (writeFileSync(join(d, "cp.yaml"), aliasBomb()), config(d, (t) => `${t}staff_cost: cp.yaml\n`)), args: VALIDATE, exit: 2, says: /aliases expand/ },
  { name: "20,000 aliases", setup: (d) => config(d, (t) => `${t}anchor: &v 1\nmany: [${Array(20_000).fill("*v").join(",")}]\n`), args: VALIDATE, exit: 2 },
  { name: "lists nested 100,000 deep", setup: (d) => writeFileSync(join(d, "cp.yaml"), `${"[".repeat(100_000)}${"]".repeat(100_000)}\n`), args: ["costprice", "cp.yaml"], exit: 2, says: /nested too deeply/ },
  // 5. unknown keys
  { name: "50,000 unknown keys", setup: (d) => config(d, (t) => t + Array.from({ length: 50_000 }, (_, i) => `k${i}: 1\n`).join("")), args: VALIDATE, exit: 2, says: /49800 more problems in this file not shown[\s\S]*\n50000 problems found; nothing was written\./ },
  // 6. prototypes
  { name: "benefit_share with a __proto__ key", setup: (d) => config(d, (t) => t.replace("benefit_share: 0.70", "benefit_share: {__proto__: 0.5, RSZ: 0.70, maatwerk: 0.70}")), args: CLOSE, exit: 2, says: /unknown benefit type "__proto__"/ },
  { name: "a __proto__ key at the top of the config", setup: (d) => config(d, (t) => `${t}__proto__: {vat_rate: 0}\n`), args: VALIDATE, exit: 2, says: /__proto__: unknown key/ },
  { name: "a __proto__ key in a scenario", setup: (d) => writeFileSync(join(d, "scenarios/x.yaml"), "extends: base.yaml\n__proto__: {months: 1}\n"), args: ["scenario", "run", "scenarios/x.yaml"], exit: 2, says: /unknown key "__proto__"/ },
  // 7. partner names
  { name: "partners blm and BLM", setup: (d) => config(d, (t) => t.replace("se_partners: [BLM,", "se_partners: [blm, BLM,")), args: VALIDATE, exit: 2, says: /duplicate partner "BLM" \(names are compared ignoring case/ },
  { name: "partners Q-Jobs, Q–Jobs and Q Jobs (look-alike punctuation and spacing)", setup: (d) => config(d, (t) => t.replace("nec_partners: [Q-Jobs,", 'nec_partners: [Q-Jobs, "Q\u2013Jobs", "Q Jobs",')), args: VALIDATE, exit: 2, says: /nec_partners\.1: partner "Q–Jobs" looks like "Q-Jobs": the names differ only in punctuation or spacing\n  hint: list each partner once[\s\S]*nec_partners\.2: partner "Q Jobs" looks like "Q-Jobs"[\s\S]*\n2 problems found/ },
  { name: "a partner with a Cyrillic letter in the config", setup: (d) => config(d, (t) => t.replace("nec_partners: [Q-Jobs, Flexer,", "nec_partners: [Q-Jobs, Flexer, Flex\u0435r,")), args: VALIDATE, exit: 2, says: /mixes Latin and Cyrillic/ },
  { name: "a partner with a Cyrillic letter in an export", setup: (d) => writeFileSync(join(d, "exports/uren-x.csv"), `${HOURS_HEADER}2025-01-06,Flex\u0435r,K1,1\n`), args: CLOSE, exit: 2, says: /mixes Latin and Cyrillic/ },
  // 8. a refused close leaves no folder
  { name: "a close refused for a missing fee", setup: (d) => config(d, (t) => t.replace("{from: 2024-10-01, rate: 2.50}", "{from: 2025-02-01, rate: 2.50}").replace("ledger: out/menerva-ledger.jsonl", "ledger: new/deeper/ledger.jsonl")), args: ["close", "2025-Q1", "-c", "menerva.yaml"], exit: 2, says: /no hourly fee applies/ },
  // 9. whole-file problems and foreign files
  { name: "hours: /proc/self/environ", setup: (d) => config(d, (t) => t.replace("hours: [exports/uren-*.csv]", "hours: [/proc/self/environ]")), args: CLOSE, exit: 2, says: /not a text file/ },
  { name: "staff_cost: /etc/passwd", setup: (d) => config(d, (t) => `${t}staff_cost: /etc/passwd\n`), args: CLOSE, exit: 2, says: /not a cost-price file/ },
  { name: "the config is /etc/passwd", setup: () => undefined, args: ["validate", "-c", "/etc/passwd"], exit: 2, says: /expected a map of settings|not a menerva config/ },
  { name: "/etc/passwd as an hours export", setup: (d) => config(d, (t) => t.replace("hours: [exports/uren-*.csv]", "hours: [../../../../../../etc/passwd]")), args: CLOSE, exit: 2, says: /no known column name/ },
  { name: "a glob searching the whole disk", setup: (d) => config(d, (t) => t.replace("hours: [exports/uren-*.csv]", 'hours: ["/**/*.csv"]')), args: VALIDATE, exit: 2, says: /\*\* may only search the config's folder/ },
  { name: "costprice /dev/zero", setup: () => undefined, args: ["costprice", "/dev/zero"], exit: 2, says: /not a regular file/ },
  { name: "a scenario extending /dev/zero", setup: (d) => writeFileSync(join(d, "scenarios/x.yaml"), "extends: /dev/zero\n"), args: ["scenario", "run", "scenarios/x.yaml"], exit: 2 },
  { name: "a config that is a FIFO", setup: (d) => void spawnSync("mkfifo", [join(d, "fifo.yaml")]), args: ["validate", "-c", "fifo.yaml"], exit: 2, says: /not a regular file/ },
  { name: "an old .xls workbook named .csv", setup: (d) => writeFileSync(join(d, "exports/uren-oud.csv"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])), args: CLOSE, exit: 2, says: /uren-oud\.csv:1: not a text file \(it holds NUL bytes\)\n  hint: this is an old Excel workbook \(\.xls\)/ },
  { name: "a binary file as an export", setup: (d) => writeFileSync(join(d, "exports/uren-bin.csv"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3])), args: CLOSE, exit: 2, says: /not a text file/ },
  { name: "an export whose quote never closes", setup: (d) => writeFileSync(join(d, "exports/uren-q.csv"), `${HOURS_HEADER}2025-01-06,Q-Jobs,"K1,1\n${"2025-01-06,Q-Jobs,K1,1\n".repeat(50_000)}`), args: CLOSE, exit: 2 },
  {
    name: "a zip bomb named .xlsx",
    setup: (d) => (writeFileSync(join(d, "exports/uren-bomb.xlsx"), zipBomb()), config(d, (t) => t.replace("hours: [exports/uren-*.csv]", "hours: [exports/uren-*.csv, exports/uren-*.xlsx]"))),
    args: CLOSE,
    exit: 2,
    says: /unpacks to more than/,
  },
  // 10. outputs that cannot go where they are told (a file on the way): said first, exit 2, not an internal error after the work
  { name: "close -o under a file", setup: () => undefined, args: [...CLOSE, "-o", "menerva.yaml/x"], exit: 2, says: /^--out: cannot write the outputs there: \S*menerva\.yaml is a file, not a folder \(got "menerva\.yaml\/x"\)\n  hint: name a folder you may write in/m },
  { name: "close with output: naming a file", setup: (d) => config(d, (t) => t.replace("output: out", "output: costprice.yaml")), args: CLOSE, exit: 2, says: /^output: cannot write the outputs there: \S*costprice\.yaml is a file, not a folder/m },
  { name: "report -o under a file", setup: () => undefined, before: (d) => closeMonths(d), args: ["report", "2025", "-c", "menerva.yaml", "-o", "menerva.yaml/x"], exit: 2, says: /--out: cannot write the outputs there: \S*menerva\.yaml is a file, not a folder/ },
  { name: "scenario run -o a file", setup: () => undefined, args: ["scenario", "run", "scenarios/base.yaml", "-o", "menerva.yaml"], exit: 2, says: /--out: cannot write the outputs there: \S*menerva\.yaml is a file, not a folder/ },
  { name: "costprice -o under a file", setup: () => undefined, args: ["costprice", "costprice.yaml", "-o", "menerva.yaml/y/z"], exit: 2, says: /--out: cannot write the outputs there: \S*menerva\.yaml is a file, not a folder \(got "menerva\.yaml\/y\/z"\)/ },
  { name: "ledger undo --credit -o under a file", setup: () => undefined, before: (d) => closeMonths(d), args: ["ledger", "undo", "--credit", "-c", "menerva.yaml", "-o", "menerva.yaml/x"], exit: 2, says: /--out: cannot write the outputs there/ },
  // 11. a ledger that lost its last record
  {
    name: "a ledger whose last record was deleted (ledger verify)",
    setup: (d) => deleteLastRecord(d),
    before: (d) => closeMonths(d),
    args: ["ledger", "verify", "-c", "menerva.yaml"],
    exit: 3,
    says: /the ledger has 1 record but its head says 2/,
  },
  { name: "a ledger whose last record was deleted (the next close)", setup: (d) => deleteLastRecord(d), before: (d) => closeMonths(d), args: ["close", "2025-03", "-c", "menerva.yaml"], exit: 3, says: /the last record was removed/ },
];

function closeMonths(d: string): void {
  for (const m of ["2025-01", "2025-02"]) expect(run(["close", m, "-c", "menerva.yaml"], d).code).toBe(0);
}
function deleteLastRecord(d: string): void {
  edit(d, "out/menerva-ledger.jsonl", (t) => `${t.split("\n")[0]}\n`);
}

/** A valid zip whose one entry inflates to 300 MB of spaces (made with the zip writer the project already uses). */
function zipBomb(): Uint8Array {
  return zipSync({ "[Content_Types].xml": new TextEncoder().encode("<x/>"), "xl/worksheets/sheet1.xml": new Uint8Array(300 * 1024 * 1024).fill(32) }, { level: 9 });
}

describe("hostile inputs are refused with exit 2 or 3, quickly, leaving nothing behind", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const dir = scratch();
      c.before?.(dir);
      c.setup(dir);
      const before = tree(dir);
      const r = run(c.args, dir);
      expect(r.signal, "killed: the run hung").toBeNull();
      expect(r.code, r.stderr.slice(0, 2000)).toBe(c.exit);
      expect(r.stderr).not.toMatch(/internal error|    at /);
      if (c.says) expect(r.stderr).toMatch(c.says);
      // short messages: a bad value is quoted with at most ~80 characters
      for (const line of r.stderr.split("\n")) expect(line.length).toBeLessThan(1200);
      // a foreign file's content never reaches the terminal
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.stdout + r.stderr).not.toMatch(/root:x:0:0|daemon:x:/);
      // nothing written, nothing left behind (no folder, no lock, no temp file)
      expect(tree(dir)).toEqual(before);
    }, 120_000);
  }
});

describe("special files matched by a glob", () => {
  it("a FIFO and a link to /dev/zero are skipped (never read, never a hang); a link to a real export is read", () => {
    const dir = scratch();
    spawnSync("mkfifo", [join(dir, "exports/uren-fifo.csv")]);
    symlinkSync("/dev/zero", join(dir, "exports/uren-zero.csv"));
    symlinkSync(join(dir, "exports/uren-qjobs.csv"), join(dir, "exports/uren-link.csv"));
    const r = run(["validate", "-c", "menerva.yaml"], dir);
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^OK: 9 files/); // the 8 exports and the link; not the FIFO, not /dev/zero
    expect(r.stderr).not.toContain("uren-fifo.csv");
    expect(r.stderr).not.toContain("uren-zero.csv");
  });
});

describe("what a refused close does not leave", () => {
  it("no ledger folder, no output folder", () => {
    const dir = scratch();
    config(dir, (t) => t.replace("start: 2024-10", "start: 2024").replace("ledger: out/menerva-ledger.jsonl", "ledger: new/deeper/ledger.jsonl"));
    mkdirSync(join(dir, "keep"));
    expect(run(["close", "2024-Q3", "-c", "menerva.yaml"], dir).code).toBe(2);
    expect(Object.keys(tree(dir)).filter((f) => f.startsWith("new/") || f.startsWith("out/"))).toEqual([]);
  });
});
