// Small scenarios for tests, built in code (the YAML path is tested in files.test.ts).
import { dec, type Dec } from "../../src/domain/money.js";
import type { Scenario } from "../../src/domain/scenario/types.js";

/** The hand-checked 3-month scenario of projection.test.ts. */
export function tiny(over: Partial<Scenario> = {}): Scenario {
  return {
    name: "tiny",
    start: "2025-01",
    months: 3,
    sePartners: ["A", "B"],
    necPartners: [{ name: "N", share: dec("1"), marginPerHour: dec("4.00"), cellCostPerMonth: dec("100.00") }],
    inflow: { kind: "constant", perMonth: dec("10") },
    readyShare: dec("0.5"),
    placementRate: dec("0.4"),
    monthsToPlacement: 1,
    monthlyDropout: dec("0.1"),
    hoursPerWeek: dec("30"),
    fee: [{ fromMonth: 1, value: dec("2.00") }],
    benefitShare: dec("0.7"),
    benefits: [{ type: "RSZ", tiers: [{ fromMonth: 1, toMonth: 2, amount: dec("100.00") }] }],
    seStaff: { ftePerPartner: dec("0.5"), yearlyCostPerFte: dec("24000.00"), indexation: dec("0") },
    subsidies: [{ name: "start", basis: { kind: "staff-cost", rate: dec("0.5") }, fromMonth: 1, months: 3, cap: dec("1500.00") }],
    investments: [{ name: "IT", month: 1, amount: dec("1000.00") }],
    runningCosts: [{ name: "hosting", perMonth: dec("50.00"), fromMonth: 1 }],
    openingReserve: dec("500.00"),
    ...over,
  };
}

export const money = (x: Dec): string => x.toFixed(2);
