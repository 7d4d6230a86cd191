// The cost price as users rely on it: a hand-computed partner, the cap rule,
// the occupancy effect, indexation and the planned staff cost.
import { describe, expect, it } from "vitest";
import { buildUp, monthlyNetStaffCost, occupancyEffect, plannedStaffCost } from "../../src/domain/costprice/index.js";
import { fmtMoney } from "../../src/domain/money.js";
import { costprice, oneLine } from "./helpers.js";

// BLM as in fixtures/costprice.yaml, written out so the arithmetic below is self-contained.
const BLM = `
partners:
  - name: BLM
    productive_hours_per_fte: { contract: 1976, leave: 228, training: 38, absence: 260 }
    staff:
      - role: jobcoach
        fte: 0.5
        yearly_cost: 60000
        indexation: 2%
        subsidies:
          - { kind: startsubsidie, rate: 50% }
    supervision: { role: teamcoördinator, ratio: 8, yearly_cost: 70000, indexation: 2% }
    consumables: { fixed: 600 }
    equipment:
      - { item: laptop, purchase: 1200, lifetime_years: 3 }
      - { item: smartphone, purchase: 400, lifetime_years: 2 }
    operating: { fixed: 1500, per_fte: 2400 }
    trajectory: { candidates_per_fte: 35 }
`;

describe("hand-computed cost price (BLM)", () => {
  const b = buildUp(costprice(BLM).partners[0]!);
  const m = (x: { toFixed(n: number): string }) => x.toFixed(2);

  it("builds each component as source S2 lists them", () => {
    // staff:       0.5 FTE × 60,000                       = 30,000.00 gross
    //              startsubsidie 50% × 30,000             = 15,000.00 → net 15,000.00
    // supervision: 0.5 / 8 = 0.0625 FTE × 70,000          =  4,375.00
    // consumables: 600 fixed                              =    600.00
    // equipment:   1,200 / 3 + 400 / 2 = 400 + 200        =    600.00
    // operating:   1,500 + 2,400 × 0.5                    =  2,700.00
    expect(b.components.map((c) => [c.key, m(c.gross), m(c.subsidies), m(c.net)])).toEqual([
      ["staff", "30000.00", "15000.00", "15000.00"],
      ["supervision", "4375.00", "0.00", "4375.00"],
      ["consumables", "600.00", "0.00", "600.00"],
      ["equipment", "600.00", "0.00", "600.00"],
      ["operating", "2700.00", "0.00", "2700.00"],
    ]);
    // gross 30,000 + 4,375 + 600 + 600 + 2,700 = 38,275.00; net 38,275 − 15,000 = 23,275.00
    expect([m(b.gross), m(b.subsidies), m(b.net)]).toEqual(["38275.00", "15000.00", "23275.00"]);
  });

  it("divides by the productive hours after leave, training and absence", () => {
    // 1,976 − 228 − 38 − 260 = 1,450 h per FTE; × 0.5 FTE = 725 h a year
    expect(b.productiveHours.toFixed()).toBe("725");
    // 38,275 / 725 = 52.7931… → 52.79; 23,275 / 725 = 32.1034… → 32.10
    expect([m(b.perHour!.gross), m(b.perHour!.net)]).toEqual(["52.79", "32.10"]);
  });

  it("gives the cost per coached candidate", () => {
    // 0.5 FTE × 35 candidates = 17.5 a year; 23,275 / 17.5 = 1,330.00; 38,275 / 17.5 = 2,187.1428… → 2,187.14
    expect(b.candidatesPerYear!.toFixed()).toBe("17.5");
    expect([m(b.perCandidate!.gross), m(b.perCandidate!.net)]).toEqual(["2187.14", "1330.00"]);
  });

  it("indexes wages yearly and spreads the yearly net staff cost over the months", () => {
    const c = costprice(BLM);
    // year 0: (30,000 − 15,000) + 4,375 = 19,375 a year → 1,614.5833… a month
    expect(monthlyNetStaffCost(c, "BLM", 0).toFixed(4)).toBe("1614.5833");
    // year 1: (30,600 − 15,300) + 4,462.50 = 19,762.50 → 1,646.875 a month
    expect(monthlyNetStaffCost(c, "BLM", 1).toFixed()).toBe("1646.875");
    // 18 months: 12 × 1,614.58333… + 6 × 1,646.875 = 19,375 + 9,881.25 = 29,256.25
    expect(plannedStaffCost(c, "BLM", 18).toFixed()).toBe("29256.25");
    expect(plannedStaffCost(c, "BLM", 0).toFixed()).toBe("0");
    expect(() => plannedStaffCost(c, "Nobody", 3)).toThrow(/no partner/);
  });
});

describe("subsidy cap (source S4: 50% of the cost, at most €10,000)", () => {
  const subsidy = (cost: string) => {
    const sub = `          - { kind: advies, rate: 50%, cap: 10000 }`;
    const b = buildUp(costprice(oneLine({ cost, subsidies: sub })).partners[0]!);
    return fmtMoney(b.subsidies);
  };
  it("below the cap pays the rate", () => expect(subsidy("19999.98")).toBe("9999.99"));
  it("at the cap pays exactly the cap", () => expect(subsidy("20000")).toBe("10000.00"));
  it("above the cap pays the cap", () => expect(subsidy("30000")).toBe("10000.00"));
  it("without a cap pays the rate in full", () => {
    const b = buildUp(costprice(oneLine({ cost: "30000", subsidies: "          - { kind: x, rate: 0.5 }" })).partners[0]!);
    expect(fmtMoney(b.subsidies)).toBe("15000.00");
  });
  it("an amount per FTE is capped too", () => {
    // 12,000 a FTE × 0.5 FTE = 6,000, capped at 5,000
    const b = buildUp(costprice(oneLine({ fte: "0.5", subsidies: "          - { kind: premie, amount: 12000, cap: 5000 }" })).partners[0]!);
    expect(fmtMoney(b.subsidies)).toBe("5000.00");
  });
  it("rounds a half cent away from zero", () => {
    // 50% of 0.01 × 1 FTE = 0.005 → 0.01
    const b = buildUp(costprice(oneLine({ cost: "0.01", subsidies: "          - { kind: x, rate: 0.5 }" })).partners[0]!);
    expect(fmtMoney(b.subsidies)).toBe("0.01");
  });
});

describe("occupancy below 100%", () => {
  const yaml = oneLine({
    fte: "1",
    occupancy: "80%",
    subsidies: "          - { kind: loonpremie, rate: 40% }",
    extra: "    operating: { fixed: 10000 }",
  });
  const effect = occupancyEffect(costprice(yaml).partners[0]!);

  it("loses the subsidy on the empty part of the allotted jobs", () => {
    // full: 40% × 60,000 = 24,000; at 80%: 40% × 48,000 = 19,200 → lost 4,800
    expect(fmtMoney(effect.full.subsidies)).toBe("24000.00");
    expect(fmtMoney(effect.actual.subsidies)).toBe("19200.00");
    expect(fmtMoney(effect.lostSubsidy)).toBe("4800.00");
  });

  it("raises the cost per productive hour because fixed costs stay", () => {
    // full: net 60,000 − 24,000 + 10,000 = 46,000 over 1,450 h = 31.7241… → 31.72
    // 80%:  net 48,000 − 19,200 + 10,000 = 38,800 over 1,160 h = 33.4482… → 33.45
    expect(fmtMoney(effect.full.perHour!.net)).toBe("31.72");
    expect(fmtMoney(effect.actual.perHour!.net)).toBe("33.45");
    expect(fmtMoney(effect.perHourIncrease!)).toBe("1.73");
  });

  it("shows no effect at full occupancy", () => {
    const e = occupancyEffect(costprice(oneLine({ subsidies: "          - { kind: x, rate: 40% }" })).partners[0]!);
    expect(fmtMoney(e.lostSubsidy)).toBe("0.00");
    expect(fmtMoney(e.perHourIncrease!)).toBe("0.00");
  });
});
