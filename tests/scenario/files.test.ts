// Scenario files: extends with overrides, exact numbers from the YAML text, and
// bad files reported as file:line:col with every problem at once.
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/adapters/scenario-file.js";
import { formatIssue } from "../../src/i18n/render.js";

const F = "tests/scenario/files";

async function load(file: string) {
  const r = await loadScenarioFile(file);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}
async function problems(file: string): Promise<string[]> {
  const r = await loadScenarioFile(file);
  if (r.ok) throw new Error(`${file} loaded without problems`);
  return r.issues.map(formatIssue);
}

describe("shipped scenarios", () => {
  it.each(["base", "pessimistic", "optimistic", "no-subsidy"])("scenarios/%s.yaml loads", async (name) => {
    const s = (await load(`scenarios/${name}.yaml`)).scenario;
    expect(s.name).toBe(name);
    expect(s.sePartners).toEqual(["BLM", "Arbeidskansen", "LIV aan het werk", "Alternatief"]);
  });

  it("base carries its source comments as notes", async () => {
    const s = (await load("scenarios/base.yaml")).scenario;
    expect(s.notes?.["benefit_share"]).toContain("70% van de voordelen");
    expect(s.notes?.["inflow"]).toContain("140 voorgestelde kandidaten");
  });

  it.each(["base", "pessimistic", "optimistic", "no-subsidy", "funding-mix", "costprice-funding"])(
    "%s: its source notes cite documents by name, never files outside the project (they end up in the workbook)",
    async (name) => {
      const s = (await load(`scenarios/${name}.yaml`)).scenario;
      const notes = Object.values(s.notes ?? {});
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) expect(n).not.toMatch(/domain(\.md)?\s*§|\bseed \d{3}|shared\/|research\/|\.\.\/shared/);
    },
  );

  it("no-subsidy replaces the subsidy list (lists are replaced, not merged)", async () => {
    const s = (await load("scenarios/no-subsidy.yaml")).scenario;
    expect(s.subsidies).toEqual([]);
    expect(s.investments).toHaveLength(2);
  });
});

describe("extends", () => {
  it("overrides scalars, merges maps key by key and replaces lists", async () => {
    const { scenario: s, files } = await load(`${F}/child.yaml`);
    expect(files).toEqual([`${F}/child.yaml`, "scenarios/base.yaml"]);
    expect(s.name).toBe("child");
    expect(s.inflow).toMatchObject({ kind: "constant" });
    expect(s.inflow.kind === "constant" && s.inflow.perMonth.toFixed()).toBe("12");
    expect(s.seStaff.yearlyCostPerFte.toFixed()).toBe("66000");
    expect(s.seStaff.ftePerPartner.toFixed()).toBe("0.5"); // from base
    expect(s.seStaff.indexation.toFixed()).toBe("0.02"); // from base
    expect(s.investments.map((i) => [i.name, i.amount.toFixed(2)])).toEqual([["IT-platform", "25000.00"]]);
    expect(s.subsidies.map((x) => [x.name, x.months])).toEqual([["startsubsidie", 12]]);
    expect(s.placementRate.toFixed()).toBe("0.5"); // untouched
  });

  it("refuses a cycle", async () => {
    expect(await problems(`${F}/cycle-a.yaml`)).toEqual([`${F}/cycle-b.yaml:1:10: extends: extends goes round in a circle: cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml`]);
  });

  it("points at the extends line when the parent is missing", async () => {
    expect(await problems(`${F}/missing-parent.yaml`)).toEqual([`${F}/missing-parent.yaml:1:10: extends: file not found: ${F}/nowhere.yaml`]);
  });
});

describe("exact numbers", () => {
  it("reads numbers from their source text, never through a JS float", async () => {
    const s = (await load(`${F}/exact.yaml`)).scenario;
    expect(s.seStaff.yearlyCostPerFte.toFixed(2)).toBe("999999999999.99");
    expect(s.seStaff.indexation.toFixed()).toBe("0.0123456789012345");
    expect(s.fee.map((f) => [f.fromMonth, f.value.toFixed(2)])).toEqual([[1, "1.50"], [13, "1.75"]]);
    expect(s.inflow).toMatchObject({ kind: "growth" });
    expect(s.benefitShare.toFixed()).toBe("0.7");
  });
});

describe("bad files", () => {
  it("reports every problem with file:line:col, key path and the text found", async () => {
    expect(await problems(`${F}/bad.yaml`)).toEqual([
      `${F}/bad.yaml:9:56: nec_partners.1: unknown key "cell"`,
      `${F}/bad.yaml:2:9: inflow: expected a plain decimal number such as 1.50 (no exponent, no thousands separator) (got "1e3")`,
      `${F}/bad.yaml:3:17: placement_rate: must be at most 1 (got "1.5")`,
      `${F}/bad.yaml:4:22: months_to_placement: expected a whole number (got "two")`,
      `${F}/bad.yaml:5:15: fee_per_hour: an amount has at most 2 decimals (cents) (got "1.505")`,
      `${F}/bad.yaml:6:1: (top level): unknown key "colour"`,
    ]);
  });

  it("reports YAML syntax errors with their position", async () => {
    const p = await problems(`${F}/syntax.yaml`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(new RegExp(`^${F}/syntax.yaml:2:1: invalid YAML: `));
  });

  it("checks the meaning after the shape: NEC shares must add up to 1, an unknown investment, overlapping tiers", async () => {
    const { mkdtemp, writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "menerva-scn-"));
    const file = join(dir, "s.yaml");
    await writeFile(
      file,
      [
        `extends: ${join(process.cwd(), "scenarios/base.yaml")}`,
        "nec_partners:",
        "  - { name: Q-Jobs, share: 0.6, margin_per_hour: 4.00 }",
        "  - { name: Flexer, share: 0.3, margin_per_hour: 4.00 }",
        "subsidies:",
        "  - { name: x, rate: 0.5, of: marketing }",
        "benefits:",
        "  - type: RSZ",
        "    schedule:",
        "      - { from: 1, to: 12, amount: 150.00 }",
        "      - { from: 10, to: 20, amount: 100.00 }",
        "",
      ].join("\n"),
    );
    const p = (await loadScenarioFile(file)) as { ok: false; issues: Parameters<typeof formatIssue>[0][] };
    expect(p.ok).toBe(false);
    expect(p.issues.map(formatIssue)).toEqual([
      `${file}:11:17: benefits.0.schedule.1.from: overlaps the line before (months 1-12) (got "10")`,
      `${file}:3:3: nec_partners: shares must add up to 1 (they add up to 0.9)`,
      `${file}:6:31: subsidies.0.of: "marketing" is neither staff_cost nor the name of an investment (got "marketing")`,
    ]);
  });
});
