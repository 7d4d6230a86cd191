// Every config problem, with its exact text and line:column, all at once.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/domain/issues.js";
import { parseConfigText } from "../../src/schema/config.js";
import { MINIMAL } from "./minimal-config.js";

/** All problems of one parse, printed as the CLI prints them. */
function problems(text: string, file = "menerva.yaml"): string {
  const r = parseConfigText(text, file);
  if (r.ok) throw new Error("expected problems, the config was accepted");
  return r.issues.map(formatIssue).join("\n");
}
const broken = (name: string) => problems(readFileSync(new URL(`../../fixtures/broken/${name}`, import.meta.url), "utf8"), name);

describe("fixtures/broken", () => {
  it("unknown-key.yaml: unknown keys point at the key, with the key meant; the missing one at its map", () => {
    expect(broken("unknown-key.yaml")).toBe(
      [
        "unknown-key.yaml:7:3: fees.hourly_rate: unknown key",
        '  hint: did you mean "hourly"?',
        "unknown-key.yaml:8:1: vat: unknown key",
        '  hint: did you mean "vat_rate"?',
        "unknown-key.yaml:10:3: inputs.benefits: missing required key",
        "  hint: add the benefits exports, e.g. `benefits: [exports/voordelen-*.csv]`",
        "unknown-key.yaml:11:3: inputs.benefit: unknown key",
        '  hint: did you mean "benefits"?',
      ].join("\n"),
    );
  });

  it("bad-rate.yaml: decimal commas, text and a negative rate", () => {
    expect(broken("bad-rate.yaml")).toBe(
      [
        'bad-rate.yaml:8:13: fees.hourly.0.rate: not a number (got "2,50")',
        "  hint: use a decimal point in menerva.yaml: 2.50",
        'bad-rate.yaml:10:13: fees.hourly.1.rate: not a number (got "2.75 EUR")',
        'bad-rate.yaml:12:13: fees.hourly.2.rate: must not be negative (got "-3.10")',
        'bad-rate.yaml:15:58: other_costs.0.amount: not a number (got "1.800,00")',
        "  hint: use a decimal point in menerva.yaml: 1800.00",
      ].join("\n"),
    );
  });

  it("unknown-partner.yaml: a near miss gets 'did you mean', an SE partner is named as such", () => {
    expect(broken("unknown-partner.yaml")).toBe(
      [
        'unknown-partner.yaml:9:51: fees.hourly.2.nec_partner: unknown NEC partner "Flexr"',
        '  hint: did you mean "Flexer"?',
        'unknown-partner.yaml:10:51: fees.hourly.3.nec_partner: unknown NEC partner "BLM"',
        '  hint: "BLM" is an SE partner; hourly fees are invoiced to NEC partners: Q-Jobs, Flexer, Itzu Jobs',
      ].join("\n"),
    );
  });

  it("float-looking.yaml: a comma inside braces, percentages, thousands separators, exponents", () => {
    expect(broken("float-looking.yaml")).toBe(
      [
        "float-looking.yaml:7:34: fees.hourly.0.75: unknown key",
        "  hint: a comma inside {...} starts a new key; use a decimal point in menerva.yaml: rate: 2.75",
        'float-looking.yaml:8:18: fees.benefit_share: not a number (got "70%")',
        "  hint: write a fraction: 70% is 0.70",
        'float-looking.yaml:9:11: vat_rate: must be between 0 and 1 (got "21")',
        "  hint: write a fraction: 21% is 0.21",
        'float-looking.yaml:10:18: opening_reserve: not a number (got "1.800,00")',
        "  hint: use a decimal point in menerva.yaml: 1800.00",
        'float-looking.yaml:11:19: effort_tolerance: not a plain decimal number (got "1e-1")',
        "  hint: write digits with a decimal point, e.g. 1800.00",
      ].join("\n"),
    );
  });

  it("missing-key.yaml: each missing key points at the map it belongs in", () => {
    expect(broken("missing-key.yaml")).toBe(
      [
        "missing-key.yaml:2:1: start: missing required key",
        "  hint: add the project's first period, e.g. `start: 2025-01`",
        "missing-key.yaml:2:1: nec_partners: missing required key",
        "  hint: add the NEC partners, e.g. `nec_partners: [Q-Jobs, Flexer]`",
        "missing-key.yaml:5:3: fees.hourly: missing required key",
        "  hint: add `hourly: [{from: 2025-01-01, rate: 2.50}]` under fees",
        "missing-key.yaml:7:3: inputs.staff: missing required key",
        "  hint: add the staff export, e.g. `staff: [exports/personeel.csv]`",
      ].join("\n"),
    );
  });

  it("syntax.yaml: a YAML syntax error at its line and column", () => {
    expect(broken("syntax.yaml")).toBe(
      [
        "syntax.yaml:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
        "  hint: check indentation, colons and brackets around this place",
      ].join("\n"),
    );
  });
});

describe("partners and fees", () => {
  it("reports a duplicate partner, a partner on both sides and a bad language together", () => {
    const text = MINIMAL.replace("Alternatief]", "Alternatief, BLM, Flexer]").replace("se_partners", "language: fr\nse_partners");
    expect(problems(text)).toBe(
      [
        'menerva.yaml:2:11: language: must be one of nl, en (got "fr")',
        'menerva.yaml:3:66: se_partners.4: duplicate partner "BLM"',
        "  hint: already listed as se_partners.0",
        'menerva.yaml:4:24: nec_partners.1: "Flexer" is listed as both an SE and an NEC partner',
        "  hint: a partner is either SE (se_partners) or NEC (nec_partners)",
      ].join("\n"),
    );
  });

  it("rejects two fee entries with the same from date and partner (a month counts as its first day)", () => {
    const text = MINIMAL.replace(
      "hourly: [{from: 2025-01-01, rate: 2.50}]",
      "hourly: [{from: 2025-01-01, rate: 2.50}, {from: 2025-01, rate: 2.60}, {from: 01/03/2025, rate: 2.7}]",
    );
    expect(problems(text)).toBe(
      [
        "menerva.yaml:5:44: fees.hourly.1: same 'from' (2025-01-01) and partner as fees.hourly.0",
        "  hint: keep one rate per date and partner: remove one entry or change its 'from'",
        'menerva.yaml:5:80: fees.hourly.2.from: not a valid date (got "01/03/2025")',
        "  hint: write the date as YYYY-MM-DD: 2025-03-01",
      ].join("\n"),
    );
  });

  it("allows the same from date for a general and a partner entry", () => {
    const text = MINIMAL.replace(
      "hourly: [{from: 2025-01-01, rate: 2.50}]",
      "hourly: [{from: 2025-01-01, rate: 2.50}, {from: 2025-01-01, rate: 3.10, nec_partner: Flexer}]",
    );
    expect(parseConfigText(text, "menerva.yaml").ok).toBe(true);
  });

  it("checks benefit share keys against benefit_types, and benefit types for duplicates", () => {
    const text = MINIMAL.replace(
      "fees:\n",
      "fees:\n  benefit_types: [RSZ, maatwerk, RSZ]\n  benefit_share: {RSZ: 0.7, maatwerk: 1.5, opleiding: 0.3, RZS: 0.1}\n",
    );
    expect(problems(text)).toBe(
      [
        'menerva.yaml:5:34: fees.benefit_types.2: duplicate benefit type "RSZ"',
        "  hint: already listed as fees.benefit_types.0",
        'menerva.yaml:6:39: fees.benefit_share.maatwerk: must be between 0 and 1 (got "1.5")',
        'menerva.yaml:6:44: fees.benefit_share.opleiding: unknown benefit type "opleiding"',
        "  hint: add it to fees.benefit_types (now: RSZ, maatwerk)",
        'menerva.yaml:6:60: fees.benefit_share.RZS: unknown benefit type "RZS"',
        '  hint: did you mean "RSZ"?',
      ].join("\n"),
    );
  });

  it("wants a share for every benefit type when shares are given per type", () => {
    const text = MINIMAL.replace("fees:\n", "fees:\n  benefit_share: {RSZ: 0.70}\n");
    expect(problems(text)).toBe(
      [
        'menerva.yaml:5:18: fees.benefit_share: no share for benefit type "maatwerk"',
        "  hint: add `maatwerk: 0.70` to the map, or give one number for all types",
      ].join("\n"),
    );
  });
});

describe("values", () => {
  it("reports periods, choices, dates and a missing key in a list item, all at once", () => {
    const text =
      MINIMAL.replace("start: 2025-01", "start: 2025-13") +
      "settlement: {profit: keep, shortfall: reserve_first}\nother_costs: [{date: 2025-02-30, amount: 5}]\n";
    expect(problems(text)).toBe(
      [
        'menerva.yaml:1:8: start: not a valid period (got "2025-13")',
        "  hint: write a month (2025-01), a quarter (2025-Q1) or a date (2025-01-01)",
        'menerva.yaml:10:22: settlement.profit: must be one of retain, distribute (got "keep")',
        "menerva.yaml:11:15: other_costs.0.description: missing required key",
        'menerva.yaml:11:22: other_costs.0.date: not a valid date (got "2025-02-30")',
        "  hint: write the date as YYYY-MM-DD, e.g. 2025-01-15",
      ].join("\n"),
    );
  });

  it("reports empty lists, empty values, bad input overrides and a list written as text", () => {
    const text = MINIMAL.replace("se_partners: [BLM, Arbeidskansen, LIV aan het werk, Alternatief]", "se_partners: []")
      .replace("nec_partners: [Q-Jobs, Flexer, Itzu Jobs]", "nec_partners: Q-Jobs, Flexer")
      .replace("staff: [exports/personeel.csv]", "staff:")
      .replace("hours: [exports/uren-*.csv]", "hours: exports/a.csv\n  costs: [{path: x.csv, delimiter: ';;', decimal: komma}]");
    expect(problems(text)).toBe(
      [
        "menerva.yaml:2:14: se_partners: must not be empty",
        "  hint: add the SE partners in order, e.g. `se_partners: [BLM, Arbeidskansen]`",
        'menerva.yaml:3:15: nec_partners: expected a list (got "Q-Jobs, Flexer")',
        "  hint: write a list in brackets: [Q-Jobs, Flexer]",
        'menerva.yaml:8:36: inputs.costs.0.delimiter: must be one character (got ";;")',
        '  hint: write ";" or "," (quoted), or a name: comma, semicolon, tab, pipe',
        'menerva.yaml:8:51: inputs.costs.0.decimal: must be one of ",", "." (got "komma")',
        '  hint: write "," (quoted) or comma for a decimal comma, "." or point for a decimal point',
        "menerva.yaml:10:9: inputs.staff: expected a list, got nothing",
      ].join("\n"),
    );
  });
});

describe("YAML itself", () => {
  it("reports a duplicate key at the second occurrence", () => {
    expect(problems(MINIMAL + "start: 2025-02\n")).toBe(
      ["menerva.yaml:10:1: duplicate key \"start\"", "  hint: each key may appear only once in a map"].join("\n"),
    );
  });

  it("reports tabs used as indentation at their line", () => {
    expect(problems(MINIMAL.replace("fees:\n", "fees:\n\tbad: 1\n")).split("\n")[0]).toBe(
      "menerva.yaml:5:1: invalid YAML: Tabs are not allowed as indentation",
    );
  });

  it("suggests quotes for a value that YAML cannot start with", () => {
    expect(problems(MINIMAL + "  costs:\n    - path: x.csv\n      decimal: ,\n")).toBe(
      [
        "menerva.yaml:12:16: invalid YAML: Plain value cannot start with flow indicator character ,",
        '  hint: put the value in quotes, e.g. decimal: ","',
      ].join("\n"),
    );
  });

  it("refuses an empty file and a file that is not a map of settings", () => {
    expect(problems("")).toBe("menerva.yaml:1:1: the file is empty\n  hint: see fixtures/menerva.yaml for an example");
    expect(problems("- a\n- b\n")).toBe(
      "menerva.yaml:1:1: expected a map of settings (key: value)\n  hint: see fixtures/menerva.yaml for an example",
    );
  });
});

describe("all problems at once", () => {
  it("reports one issue per unknown key however many there are, sorted by line", () => {
    const extra = ["colour", "owner", "budget", "notes"];
    const r = parseConfigText(MINIMAL + extra.map((k) => `${k}: x\n`).join(""), "menerva.yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.subject)).toEqual(extra);
    expect(r.issues.map((i) => i.source?.line)).toEqual([10, 11, 12, 13]);
    expect(r.issues.every((i) => i.severity === "error" && i.code === "unknown-key")).toBe(true);
  });
});

describe("money amounts", () => {
  it("refuses more than two decimals, and names the thousands reading of 1.800", () => {
    const text = MINIMAL + "opening_reserve: 1.800\nother_costs: [{date: 2025-02-10, description: x, amount: 12.3456}]\n";
    expect(problems(text)).toBe(
      [
        'menerva.yaml:10:18: opening_reserve: more than two decimals for an amount in euros (got "1.800")',
        "  hint: menerva.yaml uses a decimal point: write 1800.00 for thousands, or 1.80",
        'menerva.yaml:11:58: other_costs.0.amount: more than two decimals for an amount in euros (got "12.3456")',
        "  hint: round the amount to cents",
      ].join("\n"),
    );
  });
});
