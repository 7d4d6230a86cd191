// Document numbers: gapless per calendar year of the issue date across closes,
// shared by invoices and credit notes, in date order; the issued series is
// checked before it is continued.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { addDays, dayAfter, daysBetween, dueDate } from "../../src/domain/invoicing/dates.js";
import { assignNumbers, fileStemOf, formatDocumentNumber, parseDocumentNumber, seriesIssues, type IssuedDocument } from "../../src/domain/invoicing/numbering.js";
import { referenceFor } from "../../src/domain/invoicing/payment-reference.js";
import { issueMessage } from "../../src/i18n/render.js";

const numbersOf = (prefix: string, issued: IssuedDocument[], dates: string[]) => {
  const r = assignNumbers(prefix, issued, dates);
  if (!r.ok) throw new Error(r.issues.map((i) => issueMessage(i)).join("; "));
  return r.value;
};

describe("numbering", () => {
  it("starts at 1 per year, four digits at least, with the prefix", () => {
    const n = numbersOf("MEN", [], ["2025-04-01", "2025-04-01", "2025-04-01"]);
    expect(n.map((x) => x.text)).toEqual(["MEN2025-0001", "MEN2025-0002", "MEN2025-0003"]);
    expect(n[0]).toEqual({ text: "MEN2025-0001", year: 2025, sequence: 1, reference: referenceFor(2025, 1), issueDate: "2025-04-01" });
    expect(numbersOf("", [], ["2025-04-01"])[0]!.text).toBe("2025-0001");
  });

  it("continues the issued series, and starts again in a new year", () => {
    const issued = [
      { number: "MEN2025-0001", issueDate: "2025-02-01" },
      { number: "MEN2025-0002", issueDate: "2025-02-01" },
      { number: "MEN2025-0003", issueDate: "2025-03-01" },
    ];
    expect(numbersOf("MEN", issued, ["2025-04-01", "2026-01-01", "2026-01-01"]).map((x) => x.text)).toEqual(["MEN2025-0004", "MEN2026-0001", "MEN2026-0002"]);
  });

  it("refuses an issue date before the last document of its year, numbering nothing", () => {
    const r = assignNumbers("MEN", [{ number: "MEN2025-0001", issueDate: "2025-04-01" }], ["2025-05-01", "2025-03-31"]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(["issue-date-before-last"]);
  });

  it("refuses to continue a broken series: a gap, a double, a number outside its year", () => {
    const gap = assignNumbers("MEN", [{ number: "MEN2025-0001", issueDate: "2025-04-01" }, { number: "MEN2025-0003", issueDate: "2025-04-01" }], ["2025-05-01"]);
    expect(gap.ok ? [] : gap.issues.map((i) => issueMessage(i))).toEqual(["a gap before MEN2025-0003: the 2025 series should go on at 2"]);
    const twice = seriesIssues([{ number: "MEN2025-0001", issueDate: "2025-04-01" }, { number: "MEN2025-0001", issueDate: "2025-04-01" }]);
    expect(twice.map((i) => issueMessage(i))).toEqual(["number MEN2025-0001 is used twice"]);
    const year = seriesIssues([{ number: "MEN2025-0001", issueDate: "2026-01-01" }]);
    expect(year.map((i) => i.code)).toEqual(["number-year-mismatch"]);
    const order = seriesIssues([{ number: "MEN2025-0001", issueDate: "2025-05-01" }, { number: "MEN2025-0002", issueDate: "2025-04-01" }]);
    expect(order.map((i) => i.code)).toEqual(["series-out-of-order"]);
  });

  it("reads numbers back, whatever the prefix holds", () => {
    expect(parseDocumentNumber("MEN2025-0007")).toEqual({ prefix: "MEN", year: 2025, sequence: 7 });
    expect(parseDocumentNumber("MEN12025-0001")).toEqual({ prefix: "MEN1", year: 2025, sequence: 1 });
    expect(parseDocumentNumber("A/2024-2025-10000")).toEqual({ prefix: "A/2024-", year: 2025, sequence: 10000 });
    expect(parseDocumentNumber("MEN2025-7")).toBeUndefined();
    expect(formatDocumentNumber("F/", 2025, 12345)).toBe("F/2025-12345");
    expect(fileStemOf("F/2025-0001")).toBe("F-2025-0001");
  });

  // Closes one after another, each numbering a few documents (invoices and
  // credit notes alike) at a date on or after the previous close's.
  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 15 })])(
    "over any sequence of closes the numbers of each year are exactly 1..n, in date order, each reference unique",
    (closes) => {
      const issued: IssuedDocument[] = [];
      let date = "2025-11-01";
      for (const [gap, count] of closes) {
        date = addDays(date, gap);
        const r = assignNumbers("MEN", issued, Array.from({ length: count }, () => date));
        expect(r.ok).toBe(true);
        if (r.ok) issued.push(...r.value.map((n) => ({ number: n.text, issueDate: n.issueDate })));
      }
      expect(seriesIssues(issued)).toEqual([]);
      const byYear = new Map<number, number[]>();
      for (const d of issued) {
        const p = parseDocumentNumber(d.number)!;
        expect(String(p.year)).toBe(d.issueDate.slice(0, 4));
        byYear.set(p.year, [...(byYear.get(p.year) ?? []), p.sequence]);
      }
      for (const seqs of byYear.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const refs = issued.map((d) => parseDocumentNumber(d.number)!).map((p) => referenceFor(p.year, p.sequence));
      expect(new Set(refs).size).toBe(refs.length);
    },
  );
});

describe("dates", () => {
  it("issue date defaults to the day after the period; due date = issue + payment days", () => {
    expect(dayAfter("2025-03-31")).toBe("2025-04-01");
    expect(dayAfter("2025-12-31")).toBe("2026-01-01");
    expect(dueDate("2025-04-01", 30)).toBe("2025-05-01");
    expect(dueDate("2025-01-31", 30)).toBe("2025-03-02");
    expect(dueDate("2024-01-31", 30)).toBe("2024-03-01");
    expect(dueDate("2025-12-15", 30)).toBe("2026-01-14");
    expect(dueDate("2025-04-01", 0)).toBe("2025-04-01");
  });
  it("counts leap years right", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });
  test.prop([fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: -1000, max: 1000 })])("adding and taking away days returns the same date, and each date is a real one", (offset, days) => {
    const d = addDays("1900-01-01", offset);
    expect(addDays(addDays(d, days), -days)).toBe(d);
    expect(daysBetween(d, addDays(d, days))).toBe(days);
    expect(addDays(d, 1) > d).toBe(true);
  });
});
