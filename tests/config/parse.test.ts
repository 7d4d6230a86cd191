// parseConfigText: exact numbers, defaults, the shipped example, canonical form.
import { fc, test } from "@fast-check/vitest";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/i18n/render.js";
import { D, fmtDecimal } from "../../src/domain/money.js";
import { parseConfigText } from "../../src/schema/config.js";
import { MINIMAL } from "./minimal-config.js";


function parsed(text: string) {
  const r = parseConfigText(text, "menerva.yaml");
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}

describe("exact numbers", () => {
  it("keeps 2.65, 0.1 and 1800.00 exactly as written, never through a float", () => {
    const { model } = parsed(
      MINIMAL.replace("rate: 2.50", "rate: 2.65") +
        "effort_tolerance: 0.1\nother_costs: [{date: 2025-02-10, description: IT-platform, amount: 1800.00}]\n",
    );
    expect(model.hourlyFees[0]!.rate.toFixed()).toBe("2.65");
    expect(model.hourlyFees[0]!.rate.equals(new D("2.65"))).toBe(true);
    expect(model.effortTolerance.toFixed()).toBe("0.1");
    expect(model.otherCosts[0]!.amount.equals(new D("1800"))).toBe(true);
    // 0.1 + 0.2 is 0.3 exactly (as JS numbers it is 0.30000000000000004).
    expect(model.effortTolerance.plus(new D("0.2")).toFixed()).toBe("0.3");
  });

  it("keeps digits a double cannot hold exactly (15 significant digits at most, README Limits)", () => {
    const { model } = parsed(MINIMAL.replace("rate: 2.50", "rate: 2.12345678901234") + "opening_reserve: 999999999999.99\n");
    expect(model.hourlyFees[0]!.rate.toFixed()).toBe("2.12345678901234");
    expect(model.openingReserve.toFixed()).toBe("999999999999.99");
  });

  it("accepts a quoted plain decimal and a per-type benefit share map", () => {
    const { model } = parsed(
      MINIMAL.replace("rate: 2.50", 'rate: "2.50"').replace("fees:\n", "fees:\n  benefit_share: {RSZ: 0.70, maatwerk: 0.55}\n"),
    );
    expect(model.hourlyFees[0]!.rate.toFixed(2)).toBe("2.50");
    const share = model.benefitShare as Record<string, InstanceType<typeof D>>;
    expect(share.RSZ!.toFixed()).toBe("0.7");
    expect(share.maatwerk!.toFixed()).toBe("0.55");
  });

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: 6 })])(
    "any rate written with up to 6 decimals comes back with exactly that value",
    (units, dp) => {
      const digits = units.toString().padStart(dp + 1, "0");
      const text = dp === 0 ? digits : `${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
      const { model } = parsed(MINIMAL.replace("rate: 2.50", `rate: ${text}`));
      expect(fmtDecimal(model.hourlyFees[0]!.rate)).toBe(fmtDecimal(new D(text)));
    },
  );
});

describe("defaults", () => {
  it("fills every optional key with the documented default", () => {
    const { model, raw } = parsed(MINIMAL);
    expect(model.project).toBe("MENERVA");
    expect(model.language).toBe("nl");
    expect(model.vatRate.toFixed()).toBe("0.21");
    expect((model.benefitShare as InstanceType<typeof D>).toFixed()).toBe("0.7");
    expect(model.benefitTypes).toEqual(["RSZ", "maatwerk"]);
    expect(model.profit).toBe("retain");
    expect(model.shortfall).toBe("partner");
    expect(model.effortTolerance.toFixed()).toBe("0.1");
    expect(model.openingReserve.isZero()).toBe(true);
    expect(model.otherCosts).toEqual([]);
    expect(raw.ledger).toBe("menerva-ledger.jsonl");
    expect(raw.output).toBe("out");
    expect(raw.staffCost).toBeUndefined();
    expect(raw.inputs.costs).toEqual([]);
  });

  it("reads start as a month, a quarter or a date, as the first day", () => {
    for (const [written, first] of [["2025-01", "2025-01-01"], ["2025-Q2", "2025-04-01"], ["2025-03-15", "2025-03-15"]]) {
      expect(parsed(MINIMAL.replace("start: 2025-01", `start: ${written}`)).model.start).toBe(first);
    }
  });

  it("keeps dates as text (no Date objects, no time zones)", () => {
    const { model } = parsed(MINIMAL + "other_costs: [{date: 2025-02-10, description: x, amount: 1}]\n");
    expect(model.hourlyFees[0]!.from).toBe("2025-01-01");
    expect(model.otherCosts[0]!.date).toBe("2025-02-10");
  });
});

describe("the shipped example fixtures/menerva.yaml", () => {
  const { model, raw } = parsed(readFileSync(new URL("../../fixtures/menerva.yaml", import.meta.url), "utf8"));

  it("has the partners in config order and the fee schedule with its override", () => {
    expect(model.sePartners).toEqual(["BLM", "Arbeidskansen", "LIV aan het werk", "Alternatief"]);
    expect(model.necPartners).toEqual(["Q-Jobs", "Flexer", "Itzu Jobs"]);
    expect(model.start).toBe("2025-01-01");
    expect(model.hourlyFees.map((f) => [f.from, f.rate.toFixed(2), f.necPartner])).toEqual([
      ["2024-10-01", "2.50", undefined],
      ["2025-02-15", "2.75", undefined],
      ["2025-03-01", "3.10", "Flexer"],
    ]);
    expect(model.hourlyFees[2]!.source).toEqual({ file: "menerva.yaml", line: 24, column: 7 });
  });

  it("has the other costs of the quarter (IT platform plus three monthly licences)", () => {
    expect(model.otherCosts.map((o) => [o.date, o.amount.toFixed(2)])).toEqual([
      ["2025-01-15", "1800.00"],
      ["2025-01-31", "400.00"],
      ["2025-02-28", "400.00"],
      ["2025-03-31", "400.00"],
    ]);
  });

  it("lists the four input globs", () => {
    expect(raw.inputs.hours.map((i) => i.spec)).toEqual([{ pattern: "exports/uren-*.csv" }]);
    expect(raw.inputs.costs.map((i) => i.spec.pattern)).toEqual(["exports/kosten.csv"]);
  });
});

describe("inputs", () => {
  it("takes an item as a glob or as {path, decimal, encoding, delimiter}, and a single glob as a list", () => {
    const { raw } = parsed(
      MINIMAL.replace(
        "  staff: [exports/personeel.csv]\n",
        '  staff: exports/personeel.csv\n  costs:\n    - {path: "exports/kosten (1).csv", decimal: ",", encoding: cp1252, delimiter: semicolon}\n',
      ),
    );
    expect(raw.inputs.staff.map((i) => i.spec)).toEqual([{ pattern: "exports/personeel.csv" }]);
    expect(raw.inputs.costs[0]!.spec).toEqual({ pattern: "exports/kosten (1).csv", decimal: ",", encoding: "windows-1252", delimiter: ";" });
    expect(raw.inputs.costs[0]!.source).toEqual({ file: "menerva.yaml", line: 11, column: 14 });
  });
});

describe("canonical", () => {
  it("is plain JSON with exact number strings and defaults applied, the same for the same text", () => {
    const text = MINIMAL.replace("rate: 2.50", "rate: 2.65") + "opening_reserve: 1800.10\n";
    const a = parsed(text).raw.canonical;
    expect(JSON.stringify(a)).toBe(JSON.stringify(parsed(text).raw.canonical));
    expect(a).toMatchObject({
      start: "2025-01-01",
      fees: { hourly: [{ from: "2025-01-01", rate: "2.65" }], benefit_share: "0.7", benefit_types: ["RSZ", "maatwerk"] },
      vat_rate: "0.21",
      opening_reserve: "1800.1",
      settlement: { profit: "retain", shortfall: "partner" },
      inputs: { hours: ["exports/uren-*.csv"], costs: [] },
      ledger: "menerva-ledger.jsonl",
    });
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});

describe("a negative opening reserve (QA 3 #4)", () => {
  it("is allowed (a deficit taken over) but never silent: a warning at its line", () => {
    const r = parseConfigText(MINIMAL + "opening_reserve: -5.00\n", "menerva.yaml");
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
    expect(r.value.model.openingReserve.toFixed(2)).toBe("-5.00");
    expect(r.warnings.map((w) => w.code)).toEqual(["opening-reserve-negative"]);
    expect(formatIssue(r.warnings[0]!)).toMatch(/^menerva\.yaml:\d+:\d+: warning: opening_reserve: .*negative/);
  });

  it("a zero or positive one says nothing", () => {
    const r = parseConfigText(MINIMAL + "opening_reserve: 0\n", "menerva.yaml");
    expect(r.ok && r.warnings.length).toBe(0);
  });
});
