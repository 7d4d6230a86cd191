// A small close computed by hand (arithmetic in the comments), plus the
// classification and policy rules of SPEC §3.
import { describe, expect, it } from "vitest";
import { closePeriod, type CloseInput } from "../../src/domain/close.js";
import type { BenefitRow, HourRow, ModelConfig, StaffRow } from "../../src/domain/model.js";
import { dec, fmtMoney } from "../../src/domain/money.js";
import { parsePeriod } from "../../src/domain/period.js";
import { issueMessage } from "../../src/i18n/render.js";

const config: ModelConfig = {
  project: "TEST",
  language: "nl",
  start: "2025-01-01",
  sePartners: ["A", "B", "C"],
  necPartners: ["N1", "N2"],
  hourlyFees: [
    { from: "2025-01-01", rate: dec("2.50") },
    { from: "2025-02-15", rate: dec("2.75") },
    { from: "2025-03-01", rate: dec("3.10"), necPartner: "N2" },
  ],
  benefitShare: dec("0.70"),
  benefitTypes: ["RSZ", "maatwerk"],
  vatRate: dec("0.21"),
  profit: "retain",
  shortfall: "partner",
  effortTolerance: dec("0.10"),
  openingReserve: dec("100.00"),
  otherCosts: [],
};

let line = 1;
const src = () => ({ file: "t.csv", line: ++line });
const h = (date: string, nec: string, hours: string, cand = "K1"): HourRow => ({ kind: "hours", date, necPartner: nec, candidate: cand, hours: dec(hours), source: src() });
const b = (date: string, nec: string, type: string, amount: string): BenefitRow => ({ kind: "benefits", date, necPartner: nec, candidate: "K1", type, amount: dec(amount), source: src() });
const s = (period: string, partner: string, fte: string, cost?: string, subsidy?: string): StaffRow => ({
  kind: "staff", period, partner, role: "coach", fte: dec(fte), ...(cost ? { cost: dec(cost) } : {}), ...(subsidy ? { subsidy: dec(subsidy) } : {}), source: src(),
});

function input(over: Partial<CloseInput> = {}): CloseInput {
  return {
    config,
    period: parsePeriod("2025-Q1")!,
    hours: [
      h("2025-01-10", "N1", "10.25"), // 2.50
      h("2025-02-20", "N1", "7.5"), //   2.75
      h("2025-03-05", "N2", "8"), //     N2 override 3.10
      h("2025-02-01", "N2", "-1.5"), //  2.50, a correction
      h("2025-04-01", "N1", "9"), //     deferred
      h("2024-12-31", "N1", "4"), //     before start
    ],
    benefits: [b("2025-03-31", "N1", "RSZ", "1000.00"), b("2025-03-31", "N1", "maatwerk", "333.33"), b("2025-01-31", "N2", "RSZ", "790.00")],
    staff: [s("2025-Q1", "A", "0.5", "2000.00", "1000.00"), s("2025-Q1", "B", "0.5", "1000.00"), s("2025-Q1", "C", "0.5", "9000.00"), s("2025-Q1", "N1", "0.2")],
    otherCosts: [{ date: "2025-02-10", description: "IT", amount: dec("50.00") }, { date: "2025-05-01", description: "later", amount: dec("999.00") }],
    openingReserve: dec("100.00"),
    ...over,
  };
}

describe("closePeriod, computed by hand", () => {
  const r = closePeriod(input());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const c = r.value;

  it("prices each hour at the rate of its own date, one line per rate", () => {
    const n1 = c.invoices.find((i) => i.necPartner === "N1")!;
    // N1: 10.25 h × 2.50 = 25.625 → 25.63; 7.5 h × 2.75 = 20.625 → 20.63 (half away from zero)
    expect(n1.lines.filter((l) => l.kind === "hours").map((l) => fmtMoney(l.amount))).toEqual(["25.63", "20.63"]);
    // benefits: 0.70 × (1000.00 + 333.33) = 933.331 → 933.33
    expect(fmtMoney(n1.benefitFee)).toBe("933.33");
    // subtotal 25.63 + 20.63 + 933.33 = 979.59; VAT 21% = 205.7139 → 205.71; total 1185.30
    expect([n1.subtotal, n1.vat, n1.total].map(fmtMoney)).toEqual(["979.59", "205.71", "1185.30"]);
  });

  it("applies the partner override and prices corrections at their own date", () => {
    const n2 = c.invoices.find((i) => i.necPartner === "N2")!;
    // -1.5 h × 2.50 = -3.75; 8 h × 3.10 = 24.80; benefits 0.70 × 790 = 553.00
    expect(n2.lines.map((l) => fmtMoney(l.amount))).toEqual(["-3.75", "24.80", "553.00"]);
    // subtotal 574.05, VAT 120.5505 → 120.55
    expect([n2.subtotal, n2.vat].map(fmtMoney)).toEqual(["574.05", "120.55"]);
  });

  it("splits revenue equally with leftover cents in config order", () => {
    // R = 979.59 + 574.05 = 1553.64; / 3 = 517.88 exactly
    expect(fmtMoney(c.revenue)).toBe("1553.64");
    expect(c.settlement.shares.map(fmtMoney)).toEqual(["517.88", "517.88", "517.88"]);
  });

  it("settles under retain/partner", () => {
    // A: cost 2000 − 1000 = 1000 > 517.88 → covered 517.88, uncovered 482.12
    // B: cost 1000 → covered 517.88, uncovered 482.12
    // C: cost 9000 → covered 517.88, uncovered 8482.12
    const p = c.settlement.partners.map((x) => [x.sePartner, fmtMoney(x.covered), fmtMoney(x.retained), fmtMoney(x.uncovered)]);
    expect(p).toEqual([
      ["A", "517.88", "0.00", "482.12"],
      ["B", "517.88", "0.00", "482.12"],
      ["C", "517.88", "0.00", "8482.12"],
    ]);
    // reserve 100.00 + 0 − 50.00 (IT in Q1; the May cost is not in P) = 50.00
    expect(fmtMoney(c.settlement.reserve.closing)).toBe("50.00");
  });

  it("counts every row once", () => {
    expect(c.rows.hours).toEqual({ included: 4, adjustment: 0, deferred: 1, before_start: 1, already_closed: 0, duplicate: 0 });
    expect(c.checks.every((k) => k.ok)).toBe(true);
  });
});

describe("policies", () => {
  it("retains the surplus and keeps covered + retained = share", () => {
    const r = closePeriod(input({ staff: [s("2025-Q1", "A", "0.5", "100.00"), s("2025-Q1", "B", "0.5", "600.00"), s("2025-Q1", "C", "0.5", "0.00")] }));
    if (!r.ok) throw new Error();
    const [a, bb, cc] = r.value.settlement.partners;
    expect([a!.covered, a!.retained, a!.uncovered].map(fmtMoney)).toEqual(["100.00", "417.88", "0.00"]);
    expect([bb!.covered, bb!.retained, bb!.uncovered].map(fmtMoney)).toEqual(["517.88", "0.00", "82.12"]);
    expect([cc!.covered, cc!.retained].map(fmtMoney)).toEqual(["0.00", "517.88"]);
    // 100 + 417.88 + 517.88 − 50 = 985.76
    expect(fmtMoney(r.value.settlement.reserve.closing)).toBe("985.76");
  });

  it("reserve-first pays uncovered cost pro rata and never below zero", () => {
    const cfg = { ...config, shortfall: "reserve-first" as const };
    const r = closePeriod(input({ config: cfg }));
    if (!r.ok) throw new Error();
    // available = 100 + 0 − 50 = 50.00; uncovered 482.12 / 482.12 / 8482.12 → pro rata of 50.00
    const pay = r.value.settlement.partners.map((p) => fmtMoney(p.reservePayment));
    expect(pay.reduce((x, y) => x + Number(y) * 100, 0)).toBe(5000);
    expect(fmtMoney(r.value.settlement.reserve.closing)).toBe("0.00");
  });

  it("distribute pays the surplus out instead of retaining it", () => {
    const cfg = { ...config, profit: "distribute" as const };
    const r = closePeriod(input({ config: cfg, staff: [s("2025-Q1", "A", "0.5", "100.00")] }));
    if (!r.ok) throw new Error();
    const a = r.value.settlement.partners[0]!;
    expect([a.retained, a.distributed].map(fmtMoney)).toEqual(["0.00", "417.88"]);
  });

  it("a late row is an adjustment labelled with its own period", () => {
    const r = closePeriod(input({ period: parsePeriod("2025-03")! }));
    if (!r.ok) throw new Error();
    const adj = r.value.hours.filter((x) => x.status === "adjustment").map((x) => x.ownPeriod);
    expect(adj).toEqual(["2025-01", "2025-02", "2025-02"]);
  });

  it("prorates a quarter staff row in a monthly close", () => {
    const r = closePeriod(input({ period: parsePeriod("2025-03")! }));
    if (!r.ok) throw new Error();
    // C: 9000.00 / 3 = 3000.00; A: (2000 − 1000) / 3 = 333.333… → 333.33
    expect(r.value.staff.map((x) => fmtMoney(x.netCost))).toEqual(["333.33", "333.33", "3000.00"]);
  });

  it("refuses a billed date with no fee", () => {
    const r = closePeriod(input({ config: { ...config, hourlyFees: [{ from: "2025-02-01", rate: dec("2.50") }] } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(issueMessage(r.issues[0]!)).toBe("no hourly fee applies to N1 on 2025-01-10");
  });

  it("the effort-weighted share splits this period's own revenue by FTE × active days, like the equal split it is compared with (QA 1 #11)", () => {
    // February (28 days); C leaves on 14 February. FTE: A 1.0, B 0.5, C 0.5 → weights 28, 14, 7.
    const cfg = { ...config, partnerSpans: { C: { until: "2025-02-14" } } };
    const r = closePeriod(input({ config: cfg, period: parsePeriod("2025-02")!, hours: [h("2025-02-10", "N1", "98")], benefits: [], staff: [s("2025-02", "A", "1.0", "100.00"), s("2025-02", "B", "0.5", "100.00"), s("2025-02", "C", "0.5", "100.00")] }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const own = r.value.settlement.ownRevenue; // 98 h × 2.50 = 245.00
    expect(fmtMoney(own)).toBe("245.00");
    // the equal split by active days: 28, 28, 14 of 70 → 98.00, 98.00, 49.00
    expect(r.value.settlement.partners.map((p) => fmtMoney(p.own.share))).toEqual(["98.00", "98.00", "49.00"]);
    // by effort: 28, 14, 7 of 49 → 140.00, 70.00, 35.00; the same revenue base (Σ = 245.00)
    expect(r.value.effort.weightedShares!.map(fmtMoney)).toEqual(["140.00", "70.00", "35.00"]);
  });
});
