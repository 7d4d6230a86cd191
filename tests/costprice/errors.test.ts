// Bad cost-price files: every problem at once, each at its YAML line and
// column with the key path and the text the user wrote; nothing is written.
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCostPriceText } from "../../src/adapters/costprice-file.js";
import { issueMessage } from "../../src/i18n/render.js";
import { problems, oneLine } from "./helpers.js";
import { runCli } from "./run-cli.js";

const BAD = join(import.meta.dirname, "bad-costprice.yaml");

describe("a file with many mistakes", () => {
  it("reports all of them, exactly, and writes nothing", async () => {
    const out = await mkdtemp(join(tmpdir(), "menerva-cp-bad-"));
    const r = await runCli(["costprice", BAD, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const f = BAD;
    const n = "not a plain number (write 1234.56: a decimal point, no thousands separators)";
    expect(r.stderr.split("\n")).toEqual([
      `${f}:3:21: revenue.inflow_per_month: ${n} (got "acht")`,
      `${f}:8:18: revenue.benefit_share: must be at most 1 (100%) (got "170%")`,
      `${f}:9:16: revenue.se_partners: must be a whole number (got "4.5")`,
      `${f}:15:14: partners.0.staff.0.fte: ${n} (got "0,5")`,
      `${f}:16:22: partners.0.staff.0.yearly_cost: ${n} (got "60.000,00")`,
      `${f}:20:18: partners.0.staff.0.subsidies.0.cap: must be at least 0 (got "-10000")`,
      `${f}:21:5: partners.0.supervison: unknown key`,
      `  hint: check the spelling; see fixtures/costprice.yaml for the keys`,
      `${f}:26:25: partners.0.equipment.0.lifetime_years: must be more than 0 (got "0")`,
      `${f}:27:11: partners.1.name: partner "BLM" appears twice (got "BLM")`,
      `9 problems found; nothing was written.`,
      ``,
    ]);
    expect(await readdir(out)).toEqual([]);
  });
});

describe("single problems", () => {
  it("points a missing key at its parent map", () => {
    expect(problems("partners:\n  - name: P\n    staff:\n      - role: x\n        fte: 1\n")).toEqual([
      "bad.yaml:2:5: partners.0.productive_hours_per_fte: missing",
      "bad.yaml:4:9: partners.0.staff.0.yearly_cost: missing",
    ]);
  });
  it("refuses a subsidy with both a rate and an amount", () => {
    expect(problems(oneLine({ subsidies: "          - { kind: x, rate: 50%, amount: 100 }" }))).toEqual([
      "bad.yaml:10:13: partners.0.staff.0.subsidies.0: give either rate (share of the wage cost) or amount (a year per FTE), not both or neither",
    ]);
  });
  it("refuses occupancy of 0 and above 100%", () => {
    expect(problems(oneLine({ occupancy: "0" }))).toEqual(['bad.yaml:7:20: partners.0.staff.0.occupancy: must be more than 0 (got "0")']);
    expect(problems(oneLine({ occupancy: "1.2" }))).toEqual(['bad.yaml:7:20: partners.0.staff.0.occupancy: must be at most 1 (100%) (got "1.2")']);
  });
  it("reports YAML syntax errors with their position", () => {
    expect(problems("partners:\n  - name: [unclosed\n")).toEqual([
      "bad.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n  hint: check indentation, colons and brackets around this place",
    ]);
  });
  it("reports a missing file", async () => {
    const r = await runCli(["costprice", "/nonexistent/costprice.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("/nonexistent/costprice.yaml: file not found\n1 problem found; nothing was written.\n");
  });
});

describe("numbers come from the YAML text, never a float", () => {
  it("keeps every digit of an amount", () => {
    const r = parseCostPriceText(oneLine({ cost: "60000.123456789" }), "x.yaml");
    expect(r.ok && r.value.partners[0]!.staff[0]!.yearlyCost.toFixed()).toBe("60000.123456789");
  });
  it("refuses a 16th significant digit (a spreadsheet would change it)", () => {
    const r = parseCostPriceText(oneLine({ cost: "60000.1234567890123" }), "x.yaml");
    expect(r.ok ? "accepted" : r.issues.map((i) => issueMessage(i, "en")).join()).toMatch(/too many digits: 18 significant digits, a spreadsheet keeps 15/);
  });
  it("reads percentages and decimals alike", () => {
    const r = parseCostPriceText(oneLine({ occupancy: "87.5%" }), "x.yaml");
    expect(r.ok && r.value.partners[0]!.staff[0]!.occupancy.toFixed()).toBe("0.875");
  });
});
