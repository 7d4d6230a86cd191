// The model fixes of issue 14: own contributions are the partners' cash (not
// a subsidy, not revenue), subsidies on staff cost follow the staff cost they
// subsidise, a cost-price file's own subsidies show as subsidies, whole-number
// drivers move by one step, and solve computes the least opening reserve.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { D, dec, sum } from "../../src/domain/money.js";
import { keyFigures, leastOpeningReserve } from "../../src/domain/scenario/figures.js";
import { project } from "../../src/domain/scenario/project.js";
import { sensitivity } from "../../src/domain/scenario/sensitivity.js";
import { scenarioSolve } from "../../src/app/scenario/analyses.js";
import { localEuro, localNumber } from "../../src/i18n/numbers.js";
import { loadScenario } from "./workbooks.js";
import { tiny } from "./make.js";

const m = (x: { toFixed(n: number): string }) => x.toFixed(2);

describe("own contributions (funding-mix)", () => {
  it("are cash from the partners beside the subsidies: they raise the result, not the partners' subsidies or balances", async () => {
    const s = await loadScenario("scenarios/funding-mix.yaml");
    const p = project(s);
    const own = s.funding!.findIndex((f) => f.own);
    for (const r of p.rows) {
      expect(m(r.ownContributions)).toBe(m(r.funderPayments[own]!));
      expect(m(r.subsidies)).toBe(m(sum(r.funderPayments.filter((_, i) => i !== own))));
      expect(m(r.result)).toBe(m(r.revenue.minus(r.costs).plus(r.subsidies).plus(r.ownContributions)));
    }
    const k = keyFigures(p);
    expect(m(k.resultWithoutSubsidiesAndOwn)).toBe(m(k.totalResult.minus(k.totalSubsidies).minus(k.totalOwnContributions)));
    expect(k.totalOwnContributions.greaterThan(0)).toBe(true);
    // BLM's own quarter of its staff cost is shown as its contribution and not added to its subsidy (it was, by €39,030.36).
    const blm = p.sePartners!.find((x) => x.name === "BLM")!;
    expect(m(blm.ownOnStaff)).toBe("39030.36");
    const esf = sum(p.rows.map((r) => r.funding!.byFunder[0]![0]!));
    expect(m(sum(p.sePartners!.map((x) => x.staffSubsidy)))).toBe(m(esf));
    expect(m(blm.balance)).toBe(m(blm.share.minus(blm.staffCost).plus(blm.staffSubsidy).minus(blm.ownOther)));
  });
});

describe("subsidies follow the cost they subsidise (costprice-funding)", () => {
  it("each partner keeps its own cost-price subsidies; what is shared is shared in proportion to staff cost", async () => {
    const s = await loadScenario("scenarios/costprice-funding.yaml");
    const p = project(s);
    const cp = s.seStaff.costPrice!;
    // The cost-price file's subsidies are subsidies of the projection (225,657 over 60 months were hidden in a net staff cost).
    expect(sum(p.rows.map((r) => r.costPriceSubsidy)).greaterThan(200000)).toBe(true);
    expect(m(sum(p.rows.map((r) => r.costPriceSubsidy)))).toBe(m(sum(cp.subsidyByYear.map((y) => sum(y).times(12)))));
    // Partners' subsidies differ with their costs (they were an equal 27,870 each).
    const subs = p.sePartners!.map((x) => m(x.staffSubsidy));
    expect(new Set(subs).size).toBe(4);
    p.sePartners!.forEach((x, i) => expect(m(x.staffSubsidy)).toBe(m(sum(cp.subsidyByYear.map((y) => y[i]!.times(12))))));
    // Own contributions on staff cost in proportion to each partner's staff cost, to within a cent a month.
    const totalCost = sum(p.sePartners!.map((x) => x.staffCost));
    const totalOwn = sum(p.sePartners!.map((x) => x.ownOnStaff));
    for (const x of p.sePartners!) expect(x.ownOnStaff.minus(totalOwn.times(x.staffCost).div(totalCost)).abs().lessThanOrEqualTo("0.60")).toBe(true);
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 1, max: 1000 })], { numRuns: 50 })(
    "a staff-cost subsidy is shared in proportion to the partners' staff costs, in cents that add up",
    (costCents, ratePermille) => {
      const partners = costCents.map((_, i) => `P${i}`);
      const grossByYear = [costCents.map((c) => new D(c).div(100))];
      const s = tiny({
        months: 2,
        sePartners: partners,
        seStaff: { ftePerPartner: dec(0), yearlyCostPerFte: dec(0), indexation: dec(0), costPrice: { file: "x.yaml", grossByYear, subsidyByYear: [partners.map(() => dec(0))] } },
        subsidies: [{ name: "start", basis: { kind: "staff-cost", rate: new D(ratePermille).div(1000) }, fromMonth: 1 }],
      });
      const p = project(s);
      const total = sum(p.rows.map((r) => r.subsidiesByItem[0]!));
      expect(m(sum(p.sePartners!.map((x) => x.staffSubsidy)))).toBe(m(total));
      const W = sum(grossByYear[0]!);
      p.sePartners!.forEach((x, i) => expect(x.staffSubsidy.minus(total.times(grossByYear[0]![i]!).div(W)).abs().lessThan("0.02")).toBe(true));
    },
  );
});

describe("sensitivity of a whole-number driver", () => {
  it("moves months to placement by one month down and up, whatever the percentage", async () => {
    const s = await loadScenario("scenarios/base.yaml");
    for (const pct of ["0.1", "0.25"]) {
      const row = sensitivity(s, dec(pct)).rows.find((r) => r.driver === "months_to_placement")!;
      expect([row.lowChange, row.highChange]).toEqual([
        { kind: "step", by: -1 },
        { kind: "step", by: 1 },
      ]);
      expect([row.lowValue!.toFixed(), row.highValue!.toFixed()]).toEqual(["1", "3"]);
      expect(m(row.low.endReserve)).toBe(m(keyFigures(project({ ...s, monthsToPlacement: 1 }, { detail: false })).endReserve));
    }
    const other = sensitivity(s, dec("0.1")).rows.find((r) => r.driver === "placement_rate")!;
    expect([other.lowValue!.toFixed(), other.highValue!.toFixed()]).toEqual(["0.45", "0.55"]);
  });

  it("is labelled −1 / +1 maand in the table and the JSON", async () => {
    const { scenarioSensitivity } = await import("../../src/app/scenario/analyses.js");
    const r = await scenarioSensitivity("scenarios/base.yaml", { lang: "nl", json: false, percent: "10" });
    if (!r.ok) throw new Error("sensitivity failed");
    expect(r.stdout).toMatch(/months_to_placement\s+maanden tot plaatsing\s+−1 \/ \+1 maand\s+1\s+3/);
    expect(r.stdout).toMatch(/placement_rate\s+slaagpercentage plaatsing\s+−10% \/ \+10%/);
    const j = await scenarioSensitivity("scenarios/base.yaml", { lang: "en", json: true, percent: "10" });
    if (!j.ok) throw new Error("sensitivity failed");
    expect(JSON.parse(j.stdout).drivers.find((d: { driver: string }) => d.driver === "months_to_placement").change).toBe("-1 / +1 month");
  });
});

describe("solve when nothing is feasible", () => {
  it("reports the least opening reserve at the scenario's inflow, computed: with it the reserve never goes below zero, a cent less it does", async () => {
    for (const [file, opening] of [["scenarios/base.yaml", "0"], ["scenarios/no-subsidy.yaml", "50000"]] as const) {
      const r = await scenarioSolve(file, { lang: "en", json: true, for: "inflow", ...(opening ? { overrides: { openingReserve: opening } } : {}) });
      if (!r.ok) throw new Error("solve failed");
      const j = JSON.parse(r.stdout);
      expect(j.status).toBe("not-feasible");
      expect(j.leastOpeningReserve.inflow).toBe("8");
      const s = await loadScenario(file);
      const amount = dec(j.leastOpeningReserve.amount);
      expect(m(amount)).toBe(m(leastOpeningReserve(project(s, { detail: false })).amount));
      expect(keyFigures(project({ ...s, openingReserve: amount }, { detail: false })).feasible).toBe(true);
      expect(keyFigures(project({ ...s, openingReserve: amount.minus("0.01") }, { detail: false })).feasible).toBe(false);
    }
  });

  it("at a stated --inflow: no-subsidy at 1,000 a month needs 50,800.00 (not the 800.00 the old hint added to a 50,000 reserve)", async () => {
    const r = await scenarioSolve("scenarios/no-subsidy.yaml", { lang: "en", json: false, for: "inflow", inflow: "1000", overrides: { openingReserve: "50000" } });
    if (!r.ok) throw new Error("solve failed");
    expect(r.stdout).toContain("At an inflow of 1000 a month the opening reserve must be at least €50,800.00"); // on screen in the language's style
    expect(r.stdout).toContain("try --opening-reserve 50800.00");
  });

  it("the table under the hint is for the hint's inflow and says so; its funding need is the hint's amount less the opening reserve; the JSON holds both (QA 1 #7)", async () => {
    const value = (text: string, label: string) => new RegExp(`^${label}\\s+(\\S+)$`, "m").exec(text)?.[1];
    for (const [file, opening, least, need] of [["scenarios/base.yaml", "0", "44217.43", "44217.43"], ["scenarios/no-subsidy.yaml", "50000", "92405.90", "42405.90"]] as const) {
      const text = await scenarioSolve(file, { lang: "en", json: false, for: "inflow", overrides: { openingReserve: opening } });
      const json = await scenarioSolve(file, { lang: "en", json: true, for: "inflow", overrides: { openingReserve: opening } });
      if (!text.ok || !json.ok) throw new Error("solve failed");
      const j = JSON.parse(json.stdout);
      expect(j.leastOpeningReserve.amount).toBe(least);
      // The table is the scenario at its own inflow (8 a month), said above it and in its first row.
      expect(text.stdout).toContain("Key figures at the scenario's inflow (8 a month):");
      expect(value(text.stdout, "candidate inflow/month")).toBe("8");
      // on screen in the language's number style
      expect(value(text.stdout, "funding need")).toBe(localNumber(need, "en"));
      expect(j.leastOpeningReserve.keyFigures.fundingNeed).toBe(need);
      // The hint says how its amount and the table's funding need relate.
      if (opening !== "0") expect(text.stdout).toContain(`; the opening reserve is now ${localEuro(Number(opening).toFixed(2), "en")}: ${localEuro(need, "en")} more): try --opening-reserve ${least}.`);
      // The upper bound is named with its own figures, the ones the JSON keeps as atUpperBound.
      expect(text.stdout).toContain(`even at 1,000 a month the reserve falls to ${localEuro(j.atUpperBound.lowestReserve, "en")} (month ${j.atUpperBound.lowestReserveMonth})`);
      expect(value(text.stdout, "end reserve")).toBe(localNumber(j.leastOpeningReserve.keyFigures.endReserve, "en"));
    }
  });

  it("without a hint (a target end reserve), the table is the upper bound's and says so", async () => {
    const r = await scenarioSolve("scenarios/base.yaml", { lang: "nl", json: false, for: "inflow", max: "3", targetEndReserve: "1000000", overrides: { openingReserve: "0" } });
    if (!r.ok) throw new Error("solve failed");
    expect(r.stdout).toMatch(/^niet haalbaar binnen \[0, 3\]/);
    expect(r.stdout).toContain("Kengetallen bij de bovengrens (3):");
    expect(/^instroom kandidaten\/maand\s+3$/m.test(r.stdout)).toBe(true);
  });

  it("--for opening-reserve answers directly", async () => {
    const r = await scenarioSolve("scenarios/base.yaml", { lang: "en", json: true, for: "opening-reserve" });
    if (!r.ok) throw new Error("solve failed");
    expect(JSON.parse(r.stdout)).toMatchObject({ for: "opening_reserve", status: "found", value: "44217.43", keyFigures: { feasible: true, lowestReserve: "0.00" } });
  });
});
