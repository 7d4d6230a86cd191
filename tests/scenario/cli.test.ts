// End to end through the built CLI (bin/menerva.js → dist/): exit codes, stdout
// holding only JSON with --json, errors on stderr, files written with --out.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

const menerva = (...args: string[]) => spawnSync("node", ["bin/menerva.js", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

beforeAll(() => {
  // `npm test` builds first (pretest); compiling again here would rewrite dist/ under the other files' runs
  if (!existsSync("dist/cli/commands/scenario.js")) throw new Error("dist/ missing: run npm run build (npm test does)");
});

describe("menerva scenario (CLI)", () => {
  it("run --json prints only JSON with amounts as 2-decimal strings", () => {
    const r = menerva("scenario", "run", "scenarios/base.yaml", "--opening-reserve", "0", "--json");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout);
    expect(j.keyFigures).toMatchObject({ breakEvenMonth: 7, paybackMonth: 17, lowestReserve: "-44217.43", lowestReserveMonth: 6, fundingNeed: "44217.43", feasible: false });
    expect(j.monthly).toHaveLength(60);
    expect(j.monthly[2]).toMatchObject({ period: "2025-03", placements: "2.8", fees: "546.00", revenue: "1428.00", reserve: "-39772.00" });
    expect(j.necPartners.every((n: { winWin: boolean }) => n.winWin)).toBe(true);
  });

  it("a bad file exits 2 with every problem as file:line:col on stderr and nothing on stdout", () => {
    const r = menerva("scenario", "run", "tests/scenario/files/bad.yaml");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('tests/scenario/files/bad.yaml:3:17: placement_rate: must be at most 1 (got "1.5")');
    expect(r.stderr).toContain("6 problems found; nothing was written.");
  });

  it("solve finds the least inflow with starting capital, and when nothing is feasible computes the opening reserve needed", () => {
    const ok = menerva("scenario", "solve", "scenarios/base.yaml", "--opening-reserve", "50000", "--json");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ status: "found", value: "6", for: "inflow" });
    const no = menerva("scenario", "solve", "scenarios/base.yaml", "--opening-reserve", "0", "--lang", "en");
    expect(no.status).toBe(0);
    expect(no.stdout).toMatch(/^not feasible within \[0, 1,000\]/);
    // amounts on screen in the language's style; the option to type stays machine form
    expect(no.stdout).toContain("At the scenario's inflow (8 a month) the opening reserve must be at least €44,217.43 (lowest point in month 6, 2025-06): try --opening-reserve 44217.43.");
    const nl = menerva("scenario", "solve", "scenarios/base.yaml", "--opening-reserve", "0", "--lang", "nl");
    expect(nl.stdout).toMatch(/^niet haalbaar binnen \[0, 1\.000\]/);
    expect(nl.stdout).toContain("is een beginreserve van minstens € 44.217,43 nodig (laagste punt in maand 6, 2025-06): probeer --opening-reserve 44217.43.");
  });

  it("montecarlo: same seed same bytes, no progress bar off a TTY", () => {
    const a = menerva("scenario", "montecarlo", "scenarios/base.yaml", "--runs", "500", "--seed", "3", "--json");
    const b = menerva("scenario", "montecarlo", "scenarios/base.yaml", "--runs", "500", "--seed", "3", "--json");
    expect(a.status).toBe(0);
    expect(a.stderr).toBe("");
    expect(a.stdout).toBe(b.stdout);
  });

  it("grid, sensitivity and compare run; --out writes CSV, JSON and the workbook", async () => {
    const out = await mkdtemp(join(tmpdir(), "menerva-scn-cli-"));
    const g = menerva("scenario", "grid", "scenarios/base.yaml", "--x", "inflow=6:10:2", "--y", "placement_rate=0.4:0.6:0.1", "--out", out);
    expect(g.status).toBe(0);
    const s = menerva("scenario", "sensitivity", "scenarios/base.yaml", "--percent", "20", "--json");
    expect(JSON.parse(s.stdout).drivers[0].driver).toBe("inflow");
    const c = menerva("scenario", "compare", "scenarios/base.yaml", "scenarios/no-subsidy.yaml", "--json");
    expect(JSON.parse(c.stdout).scenarios.map((x: { name: string }) => x.name)).toEqual(["base", "no-subsidy"]);
    const r = menerva("scenario", "run", "scenarios/base.yaml", "--out", out);
    expect(r.status).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      "scenario-base-figures.csv",
      "scenario-base-grid.csv",
      "scenario-base-grid.json",
      "scenario-base-grid.xlsx",
      "scenario-base-nec-partners.csv",
      "scenario-base-projection.csv",
      "scenario-base-se-partners.csv",
      "scenario-base.json",
      "scenario-base.xlsx",
    ]);
    // the run's workbook names the command that made it, as it was typed (`run` takes no --percent)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "scenario-base.xlsx"));
    const notes = wb.worksheets.flatMap((ws) => [1, 2].map((row) => String(ws.getRow(row).getCell(1).value ?? ""))).filter((v) => /menerva scenario/.test(v));
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n).toMatch(/made by: menerva scenario run base\.yaml;/);
  });

  it("montecarlo writes files of its own, each named for the run kind (never overwriting run's)", async () => {
    const out = await mkdtemp(join(tmpdir(), "menerva-scn-mc-"));
    const m = menerva("scenario", "montecarlo", "scenarios/base.yaml", "--runs", "200", "--seed", "1", "--out", out);
    expect(m.status, m.stderr).toBe(0);
    const names = (await readdir(out)).sort();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^scenario-base-montecarlo[.-]/);
  });

  it("grid money is the Decimal projection's (what scenario run gives) at every cell", async () => {
    const { loadScenarioFile } = await import("../../src/adapters/scenario-file.js");
    const { setDriver } = await import("../../src/domain/scenario/drivers.js");
    const { keyFigures } = await import("../../src/domain/scenario/figures.js");
    const { project } = await import("../../src/domain/scenario/project.js");
    const { dec } = await import("../../src/domain/money.js");
    const cli = menerva("scenario", "grid", "scenarios/funding-mix.yaml", "--x", "inflow=1:20:1", "--y", "monthly_dropout=0.02:0.2:0.02", "--json");
    expect(cli.status).toBe(0);
    const l = await loadScenarioFile("scenarios/funding-mix.yaml");
    if (!l.ok) throw new Error("funding-mix does not load");
    const cells = JSON.parse(cli.stdout).cells as { x: string; y: string; endReserve: string; lowestReserve: string; fundingNeed: string; feasible: boolean; breakEvenMonth: number | null }[];
    expect(cells).toHaveLength(200);
    for (const c of cells) {
      const k = keyFigures(project(setDriver(setDriver(l.value.scenario, "monthly_dropout", dec(c.y)), "inflow", dec(c.x)), { detail: false }));
      expect(c, `${c.x} × ${c.y}`).toEqual({ ...c, endReserve: k.endReserve.toFixed(2), lowestReserve: k.lowestReserve.toFixed(2), fundingNeed: k.fundingNeed.toFixed(2), feasible: k.feasible, breakEvenMonth: k.breakEvenMonth ?? null });
    }
  }, 60_000);

  it("every subcommand takes --set key=value and --opening-reserve, and says so in its JSON", () => {
    const over = ["--set", "placement_rate=0.6", "--set", "months-to-placement=3", "--opening-reserve", "50000", "--json"];
    const runs = {
      run: ["run", "scenarios/base.yaml"],
      solve: ["solve", "scenarios/base.yaml"],
      sensitivity: ["sensitivity", "scenarios/base.yaml"],
      grid: ["grid", "scenarios/base.yaml", "--x", "inflow=6:8:2", "--y", "ready_share=0.6:0.7:0.1"],
      montecarlo: ["montecarlo", "scenarios/base.yaml", "--runs", "50"],
      compare: ["compare", "scenarios/base.yaml", "scenarios/optimistic.yaml"],
    };
    for (const [name, args] of Object.entries(runs)) {
      const r = menerva("scenario", ...args, ...over);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).overrides, name).toEqual({ placement_rate: "0.6", months_to_placement: "3", opening_reserve: "50000" });
    }
    // The overrides change the answer: run with them equals a file that says the same.
    const j = JSON.parse(menerva("scenario", "run", "scenarios/base.yaml", ...over).stdout);
    expect(j.monthly[0].reserve).toBe("19600.00");
    expect(j.monthly[3].placements).toBe("3.36");
  });

  it("a bad --set is an input error with every problem at once", () => {
    const r = menerva("scenario", "montecarlo", "scenarios/base.yaml", "--set", "placement_rate=1.5", "--set", "colour=blue", "--set", "fee=1.555", "--opening-reserve", "x");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('--set: placement_rate: must be at most 1 (a fraction: 0.5 = 50%) (got "placement_rate=1.5")');
    expect(r.stderr).toContain('--set: "colour" is not a value --set can change (got "colour=blue")');
    expect(r.stderr).toContain('--set: fee: an amount has at most 2 decimals (cents) (got "fee=1.555")');
    expect(r.stderr).toContain('--opening-reserve: expected an amount such as 50000 or 50000.00 (got "x")');
    expect(r.stderr).toContain("4 problems found; nothing was written.");
    const cp = menerva("scenario", "run", "scenarios/costprice-funding.yaml", "--set", "staff_cost=70000");
    expect(cp.status).toBe(2);
    expect(cp.stderr).toContain("staff_cost: the staff cost comes from the cost-price file");
  });

  it("the grid's text shows every amount with the language's separators, below zero too (with its *)", () => {
    const g = menerva("scenario", "grid", "scenarios/base.yaml", "--x", "inflow=2:10:4", "--y", "placement_rate=0.3:0.5:0.2", "--lang", "nl");
    expect(g.status).toBe(0);
    expect(g.stdout).toMatch(/^0,3 +-418\.921,07 \* +-190\.993,44 \* +36\.934,01$/m);
    const en = menerva("scenario", "grid", "scenarios/base.yaml", "--x", "inflow=2:10:4", "--y", "placement_rate=0.3:0.5:0.2", "--lang", "en");
    expect(en.stdout).toMatch(/^0\.3 +-418,921\.07 \* +-190,993\.44 \* +36,934\.01$/m);
  });

  it("rejects a bad grid range with a hint", () => {
    const r = menerva("scenario", "grid", "scenarios/base.yaml", "--x", "inflow=4:16", "--y", "colour=1:2:1");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--x: expected driver=from:to:step (got "inflow=4:16")');
    expect(r.stderr).toContain('--y: not a driver that can be set to a value (got "colour")');
  });
});
