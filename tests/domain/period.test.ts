// Periods as SPEC §3 writes them, and the exact staff proration by months.
import { describe, expect, it } from "vitest";
import { parsePeriod, periodHint, periodLabelOf } from "../../src/domain/period.js";
import { render } from "../../src/i18n/render.js";
import { staffShare } from "../../src/domain/staff.js";

describe("parsePeriod", () => {
  it("reads a month, a quarter, a year and a range", () => {
    expect(parsePeriod("2025-03")).toEqual({ label: "2025-03", kind: "month", from: "2025-03-01", to: "2025-03-31" });
    expect(parsePeriod("2025-Q1")).toEqual({ label: "2025-Q1", kind: "quarter", from: "2025-01-01", to: "2025-03-31" });
    expect(parsePeriod("2024")).toEqual({ label: "2024", kind: "year", from: "2024-01-01", to: "2024-12-31" });
    expect(parsePeriod("2025-01-15..2025-02-28")).toMatchObject({ kind: "range", from: "2025-01-15", to: "2025-02-28" });
    expect(parsePeriod("2024-02")!.to).toBe("2024-02-29"); // leap year
  });
  it("refuses what is not a period", () => {
    for (const bad of ["2025-13", "2025-Q5", "2025-02-30..2025-03-01", "2025-03-31..2025-03-01", "March"]) expect(parsePeriod(bad)).toBeUndefined();
  });
  it("labels a late row with the period of the same kind as the close", () => {
    expect(periodLabelOf("2024-11-14", "quarter")).toBe("2024-Q4");
    expect(periodLabelOf("2024-11-14", "month")).toBe("2024-11");
    expect(periodLabelOf("2024-11-14", "year")).toBe("2024");
  });
});

describe("staffShare", () => {
  const f = (row: string, p: string) => {
    const s = staffShare(row, parsePeriod(p)!);
    return s.num.div(s.den).toFixed();
  };
  it("counts a quarter row 1/3 in a monthly close and a month row whole in its quarter", () => {
    expect(f("2025-Q1", "2025-02")).toBe("0.3333333333333333333333333333333333333333");
    expect(f("2025-02", "2025-Q1")).toBe("1");
    expect(f("2025-04", "2025-Q1")).toBe("0");
  });
  it("counts a partial month by its days", () => {
    // 2025-01-15..2025-01-31 is 17 of January's 31 days
    expect(staffShare("2025-01", parsePeriod("2025-01-15..2025-02-28")!)).toMatchObject({ den: 31 });
    expect(f("2025-01", "2025-01-15..2025-02-28")).toBe(f("2025-01", "2025-01-15..2025-01-31"));
  });
});

describe("staffShare over ranges that cut months", () => {
  const share = (row: string, p: string) => {
    const s = staffShare(row, parsePeriod(p)!);
    return s.num.div(s.den).toDecimalPlaces(4).toFixed();
  };
  it("weighs each month of a quarter row by its days in the range", () => {
    // (16/31 + 1 + 1) / 3 = 0.8387
    expect(share("2025-Q1", "2025-01-16..2025-03-31")).toBe("0.8387");
    // (16/31 + 14/28) / 3 = 0.3387
    expect(share("2025-Q1", "2025-01-16..2025-02-14")).toBe("0.3387");
  });
});

describe("the hint for a period that is not one says what is wrong with it", () => {
  const hint = (text: string) => {
    expect(parsePeriod(text), text).toBeUndefined();
    return render(periodHint(text), "en");
  };
  it("a day that is not in the calendar, a range written backwards, month 13", () => {
    expect(hint("2025-02-30..2025-03-31")).toBe("2025-02-30 is not a day of the calendar; write a range as 2025-01-01..2025-03-31");
    expect(hint("2025-03-31..2025-01-01")).toBe("the range ends (2025-01-01) before it starts (2025-03-31); write the first day first: 2025-01-01..2025-03-31");
    expect(hint("2025-13")).toBe("there is no month 13; write a month as 2025-03");
    expect(hint("2025-04-31")).toBe("2025-04-31 is not a day of the calendar; write a range as 2025-01-01..2025-03-31");
  });
  it("anything else gets the forms a period takes", () => {
    expect(hint("fixtures")).toBe("write a month (2025-03), a quarter (2025-Q1), a year (2025) or a range (2025-01-01..2025-03-31)");
    expect(hint("2025-Q9")).toBe("write a month (2025-03), a quarter (2025-Q1), a year (2025) or a range (2025-01-01..2025-03-31)");
  });
});
