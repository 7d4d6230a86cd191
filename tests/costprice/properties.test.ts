// Invariants of the cost build-up for any valid partner: reported lines add
// up to the totals, net = gross − subsidies, a subsidy never exceeds its cap
// or its rate, and under-occupancy never gains subsidy or hours.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { buildUp, occupancyEffect } from "../../src/domain/costprice/index.js";
import type { PartnerCost } from "../../src/domain/costprice/types.js";
import { D, type Dec, sum } from "../../src/domain/money.js";

const dec = (max: number, dp: number) => fc.integer({ min: 0, max: max * 10 ** dp }).map((i) => new D(i).div(10 ** dp));
const positive = (max: number, dp: number) => fc.integer({ min: 1, max: max * 10 ** dp }).map((i) => new D(i).div(10 ** dp));

const subsidy = fc.record({
  kind: fc.constant("s"),
  rate: fc.option(dec(1, 2), { nil: undefined }),
  amount: fc.option(dec(20000, 2), { nil: undefined }),
  cap: fc.option(dec(30000, 2), { nil: undefined }),
}).map((s) => (s.rate !== undefined ? { kind: s.kind, rate: s.rate, ...(s.cap ? { cap: s.cap } : {}) } : { kind: s.kind, amount: s.amount ?? new D(100), ...(s.cap ? { cap: s.cap } : {}) }));

const partner: fc.Arbitrary<PartnerCost> = fc.record({
  name: fc.constant("P"),
  productiveHoursPerFte: positive(2000, 1),
  staff: fc.array(
    fc.record({
      role: fc.constant("r"),
      fte: positive(3, 2),
      occupancy: positive(1, 2),
      yearlyCost: dec(90000, 2),
      indexation: dec(0.05, 3),
      subsidies: fc.array(subsidy, { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  consumables: fc.record({ fixed: dec(5000, 2), perFte: dec(1000, 2) }),
  equipment: fc.array(fc.record({ item: fc.constant("e"), purchase: dec(5000, 2), lifetimeYears: positive(10, 0), residual: fc.constant(new D(0)) }), { maxLength: 3 }),
  operating: fc.record({ fixed: dec(5000, 2), perFte: dec(3000, 2) }),
}).chain((p) =>
  fc.option(fc.record({ role: fc.constant("sup"), ratio: positive(20, 1), yearlyCost: dec(90000, 2), indexation: fc.constant(new D(0)), subsidies: fc.array(subsidy, { maxLength: 2 }) }), { nil: undefined })
    .map((s) => (s ? { ...p, supervision: s } : p)),
);

const cents = (x: Dec) => x.decimalPlaces() <= 2;

test.prop([partner, fc.integer({ min: 0, max: 3 })], { seed: 11, numRuns: 300 })("lines add up to the totals, in cents", (p, year) => {
  const b = buildUp(p, year);
  expect(sum(b.components.map((c) => c.gross)).equals(b.gross)).toBe(true);
  expect(sum(b.components.map((c) => c.net)).equals(b.net)).toBe(true);
  expect(b.gross.minus(b.subsidies).equals(b.net)).toBe(true);
  for (const c of b.components) expect(c.gross.minus(c.subsidies).equals(c.net)).toBe(true);
  const lines = [...b.staff, ...(b.supervision ? [b.supervision] : [])];
  expect(sum(lines.map((l) => l.net)).equals(b.components[0]!.net.plus(b.components[1]!.net))).toBe(true);
  for (const x of [b.gross, b.subsidies, b.net, ...lines.flatMap((l) => [l.gross, ...l.subsidies.map((s) => s.amount)])]) expect(cents(x)).toBe(true);
});

test.prop([partner], { seed: 12, numRuns: 300 })("no subsidy exceeds its cap or its rate of the wage cost", (p) => {
  const b = buildUp(p);
  p.staff.forEach((line, i) => {
    line.subsidies.forEach((s, j) => {
      const got = b.staff[i]!.subsidies[j]!.amount;
      if (s.cap) expect(got.lessThanOrEqualTo(s.cap)).toBe(true);
      if (s.rate) expect(got.lessThanOrEqualTo(s.rate.times(b.staff[i]!.gross).plus("0.005"))).toBe(true);
    });
  });
});

test.prop([partner], { seed: 13, numRuns: 300 })("under-occupancy never gains subsidy or hours", (p) => {
  const e = occupancyEffect(p);
  expect(e.lostSubsidy.greaterThanOrEqualTo(0)).toBe(true);
  expect(e.actual.productiveHours.lessThanOrEqualTo(e.full.productiveHours)).toBe(true);
});
