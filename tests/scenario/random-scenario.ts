// Random scenarios for property tests: every shape of the file (constant,
// list and growth inflow, fee schedules, benefit tiers, subsidies with caps
// and windows, investments, running and variable costs, funders with rates,
// amounts, windows, caps and own contributions, cost-price staff cost), short
// enough (3-30 months) to run many.
import fc from "fast-check";
import { D } from "../../src/domain/money.js";
import type { Scenario } from "../../src/domain/scenario/types.js";

const money = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => new D(c).div(100));
const frac = (dp: number) => fc.integer({ min: 0, max: 10 ** dp }).map((c) => new D(c).div(10 ** dp));
/** Random scenarios of `min`..`max` months. */
export const scenariosOf = (min: number, max: number): fc.Arbitrary<Scenario> => fc.integer({ min, max }).chain((n) =>
  fc
    .record({
      inflow: fc.oneof(
        fc.integer({ min: 0, max: 30 }).map((v) => ({ kind: "constant" as const, perMonth: new D(v) })),
        fc.array(fc.integer({ min: 0, max: 400 }).map((v) => new D(v).div(10)), { minLength: 1, maxLength: 6 }).map((values) => ({ kind: "list" as const, values })),
        fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: -30, max: 50 })).map(([st, g]) => ({ kind: "growth" as const, start: new D(st), monthlyGrowth: new D(g).div(1000) })),
      ),
      ready: frac(2),
      rate: frac(3),
      k: fc.integer({ min: 0, max: 4 }),
      drop: frac(3).map((x) => x.div(4)),
      hpw: fc.integer({ min: 0, max: 400 }).map((h) => new D(h).div(10)),
      fees: fc.array(money(4), { minLength: 1, maxLength: 3 }),
      share: frac(2),
      tiers: fc.array(fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), money(400)), { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
      partners: fc.integer({ min: 1, max: 4 }),
      cost: money(80000),
      idx: frac(3).map((x) => x.div(10)),
      costPrice: fc.option(fc.array(fc.array(fc.tuple(money(5000), money(2000)), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }), { nil: undefined }),
      subsidies: fc.array(fc.record({ kind: fc.constantFrom("staff", "inv", "fixed"), rate: frac(2), amount: money(3000), from: fc.integer({ min: 1, max: 5 }), months: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), cap: fc.option(money(20000), { nil: undefined }) }), { maxLength: 3 }),
      invest: fc.array(fc.tuple(fc.constantFrom("IT", "advies"), fc.integer({ min: 1, max: 6 }), money(20000)), { maxLength: 3 }),
      running: fc.array(fc.tuple(fc.constantFrom("host", "huur"), money(800), fc.integer({ min: 1, max: 4 }), fc.option(fc.integer({ min: 4, max: 30 }), { nil: undefined })), { maxLength: 2 }),
      variable: fc.array(fc.tuple(fc.constantFrom("intake", "nazorg"), fc.boolean(), money(150)), { maxLength: 2 }),
      funding: fc.option(
        fc.array(
          fc.record({ own: fc.boolean(), of: fc.subarray(["staff_cost", "IT", "advies", "host", "huur", "intake", "nazorg"], { minLength: 1 }), rate: fc.option(frac(2), { nil: undefined }), amount: money(3000), from: fc.integer({ min: 1, max: 4 }), months: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }), cap: fc.option(money(30000), { nil: undefined }), capPerMonth: fc.option(money(4000), { nil: undefined }) }),
          { minLength: 1, maxLength: 4 },
        ),
        { nil: undefined },
      ),
      opening: money(50000),
    })
    .map((r): Scenario => {
      const sePartners = ["A", "B", "C", "D"].slice(0, r.partners);
      const investments = r.invest.map(([name, month, amount]) => ({ name, month, amount }));
      const subsidies = r.subsidies.flatMap((x, i) => {
        const basis =
          x.kind === "staff" ? { kind: "staff-cost" as const, rate: x.rate } : x.kind === "inv" && investments.length > 0 ? { kind: "investment" as const, investment: investments[0]!.name, rate: x.rate } : { kind: "fixed" as const, perMonth: x.amount };
        return [{ name: `S${i}`, basis, fromMonth: x.from, ...(x.months !== undefined ? { months: x.months } : {}), ...(x.cap !== undefined ? { cap: x.cap } : {}) }];
      });
      const cp = r.costPrice
        ? { file: "cp.yaml", grossByYear: r.costPrice.map((y) => y.slice(0, r.partners).map(([g]) => g)), subsidyByYear: r.costPrice.map((y) => y.slice(0, r.partners).map(([g, sub]) => D.min(g, sub))) }
        : undefined;
      const variableCosts = r.variable.map(([name, perCandidate, amount]) => ({ name, per: perCandidate ? ("candidate" as const) : ("worker" as const), amount, fromMonth: 1 }));
      const runningCosts = r.running.map(([name, perMonth, fromMonth, toMonth]) => ({ name, perMonth, fromMonth, ...(toMonth !== undefined ? { toMonth } : {}) }));
      const known = new Set(["staff_cost", ...investments.map((x) => x.name), ...runningCosts.map((x) => x.name), ...variableCosts.map((x) => x.name)]);
      const funding = r.funding?.map((f, i) => ({
        name: `F${i}`,
        own: f.own,
        lines: f.of.filter((x) => known.has(x)),
        basis: f.rate !== undefined ? { kind: "rate" as const, rate: f.rate } : { kind: "amount" as const, perMonth: f.amount },
        fromMonth: f.from,
        ...(f.months !== undefined ? { months: f.months } : {}),
        ...(f.cap !== undefined ? { cap: f.cap } : {}),
        ...(f.capPerMonth !== undefined ? { capPerMonth: f.capPerMonth } : {}),
      }));
      return {
        name: "random",
        start: "2025-01",
        months: n,
        sePartners,
        necPartners: [],
        inflow: r.inflow,
        readyShare: r.ready,
        placementRate: r.rate,
        monthsToPlacement: r.k,
        monthlyDropout: r.drop,
        hoursPerWeek: r.hpw,
        fee: r.fees.map((value, i) => ({ fromMonth: 1 + 5 * i, value })),
        benefitShare: r.share,
        benefits: r.tiers.map((ts, bi) => {
          let from = 1;
          return { type: `B${bi}`, tiers: ts.map(([len, amount]) => ({ fromMonth: from, toMonth: (from += len) - 1, amount })) };
        }),
        seStaff: { ftePerPartner: new D("0.5"), yearlyCostPerFte: r.cost, indexation: r.idx, ...(cp ? { costPrice: cp } : {}) },
        subsidies: funding ? [] : subsidies,
        investments,
        runningCosts,
        ...(variableCosts.length > 0 ? { variableCosts } : {}),
        ...(funding ? { funding } : {}),
        openingReserve: r.opening,
      };
    }),
);

export const scenarioArb: fc.Arbitrary<Scenario> = scenariosOf(3, 30);
