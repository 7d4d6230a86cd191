import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { classifyNumber, DecimalMarkState, type NumberShape } from "../../src/schema/csv-row-number.js";
import { render } from "../../src/i18n/render.js";

const show = (s: NumberShape): string => {
  switch (s.kind) {
    case "plain":
      return `plain ${s.value.toFixed()}`;
    case "marked":
      return `${s.mark} ${s.value.toFixed()}`;
    case "ambiguous":
      return `ambiguous ${s.asPoint.toFixed()} | ${s.asComma.toFixed()}`;
    case "invalid":
      return "invalid";
  }
};

describe("classifyNumber", () => {
  it.each([
    ["8", "plain 8"],
    ["-12", "plain -12"],
    ["  37 ", "plain 37"],
    ["1 234", "plain 1234"],
    ["1\u00a0234\u00a0567", "plain 1234567"],
    ["7.25", ". 7.25"],
    ["7,5", ", 7.5"],
    ["-7,5", ", -7.5"],
    ["1,234.50", ". 1234.5"],
    ["1.234,56", ", 1234.56"],
    ["1.234.567", ", 1234567"],
    ["1,234,567", ". 1234567"],
    ["1 234,5", ", 1234.5"],
    ["1 234.50", ". 1234.5"],
    ["1\u202f234,00", ", 1234"],
    ["0,500", ", 0.5"],
    ["1234,500", ", 1234.5"],
    ["1.000", "ambiguous 1 | 1000"],
    ["2,500", "ambiguous 2500 | 2.5"],
    ["-1.000", "ambiguous -1 | -1000"],
    ["€ 1.234,56", ", 1234.56"],
    ["12,50 €", ", 12.5"],
    ["7,5u", "invalid"],
    ["", "invalid"],
    ["abc", "invalid"],
    [",5", "invalid"],
    ["7,", "invalid"],
    ["1..5", "invalid"],
    ["12 34", "invalid"],
    ["1.23.4", "invalid"],
    ["1,234.5.6", "invalid"],
    ["--5", "invalid"],
    ["1e5", "invalid"],
  ])("%j -> %s", (raw, expected) => {
    expect(show(classifyNumber(raw))).toBe(expected);
  });

  // Any amount written the Belgian way or the English way reads back exactly.
  test.prop([fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }), fc.boolean(), fc.constantFrom(".", " ", "")])(
    "formatted cents read back exactly under their own mark",
    (cents, commaStyle, thousands) => {
      const neg = cents < 0n;
      const abs = neg ? -cents : cents;
      const int = (abs / 100n).toString();
      const frac = (abs % 100n).toString().padStart(2, "0");
      const sep = commaStyle ? (thousands === "." ? "." : thousands) : thousands === "." ? "," : thousands;
      const grouped = sep === "" ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
      const text = `${neg ? "-" : ""}${grouped}${commaStyle ? "," : "."}${frac}`;
      const s = classifyNumber(text);
      expect(s.kind).toBe("marked");
      if (s.kind === "marked") {
        expect(s.mark).toBe(commaStyle ? "," : ".");
        expect(s.value.times(100).toFixed()).toBe(cents.toString());
      }
    },
  );
});

describe("DecimalMarkState", () => {
  it("the first unambiguous cell decides; ambiguous cells then follow it", () => {
    const m = new DecimalMarkState();
    expect(m.read("8", 2)).toMatchObject({ ok: true });
    expect(m.mark).toBeUndefined();
    expect(m.read("7,5", 3)).toMatchObject({ ok: true });
    expect(m.mark).toBe(",");
    const r = m.read("1.000", 4);
    expect(r.ok && r.value.toFixed()).toBe("1000");
  });

  it("an ambiguous cell cannot be read before a decision", () => {
    const r = new DecimalMarkState().read("2,500", 2);
    expect(r).toMatchObject({ ok: false, code: "ambiguous-decimal-mark" });
    expect(!r.ok && render(r.message, "en")).toBe("ambiguous decimal mark");
  });

  it("conflicting evidence is an error at the later cell, naming the earlier one", () => {
    const m = new DecimalMarkState();
    m.read("7.25", 5);
    const r = m.read("7,5", 9);
    expect(r).toMatchObject({ ok: false, code: "mixed-decimal-marks" });
    expect(!r.ok && render(r.message, "en")).toBe("mixed decimal marks");
    expect(!r.ok && r.hint && render(r.hint, "en")).toContain('line 5 has "7.25"');
  });

  it("an override wins over what the cells suggest", () => {
    const m = new DecimalMarkState(",");
    const r = m.read("1.000", 2);
    expect(r.ok && r.value.toFixed()).toBe("1000");
    const bad = m.read("7.25", 3);
    expect(!bad.ok && render(bad.message, "en")).toBe("not a number");
    const p = new DecimalMarkState(".");
    const q = p.read("2,500", 2);
    expect(q.ok && q.value.toFixed()).toBe("2500");
  });
});
