// Property tests: whatever names and numbers a valid config holds come back
// exactly, in order; every unknown key is its own issue.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { fmtDecimal, D } from "../../src/domain/money.js";
import { parseConfigText } from "../../src/schema/config.js";
import { lookAlikeKey } from "../../src/schema/partner-names.js";
import { MINIMAL } from "./minimal-config.js";

/** Partner-like names: letters (with Flemish accents), digits, spaces and dashes; trimmed, non-empty. */
const name = fc
  .stringMatching(/^[A-Za-zéëèïüöÉ][A-Za-z0-9éëèïüöÉ \-.'&]{0,20}$/)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
/** Decimal text as a person writes it, with up to `maxDp` decimals (trailing zeros kept). */
const decimalText = (maxDp: number) =>
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.integer({ min: 0, max: maxDp }), fc.boolean()).map(([units, dp, neg]) => {
    const digits = units.toString().padStart(dp + 1, "0");
    return `${neg ? "-" : ""}${dp === 0 ? digits : `${digits.slice(0, -dp)}.${digits.slice(-dp)}`}`;
  });

describe("config properties", () => {
  // Names are one partner when equal ignoring case and spaces (nameKey), and look-alikes when they differ only in
  // punctuation or spacing (lookAlikeKey, refused): the lists are unique by that key.
  test.prop([fc.uniqueArray(name, { minLength: 1, maxLength: 8, selector: lookAlikeKey }), fc.uniqueArray(name, { minLength: 1, maxLength: 5, selector: lookAlikeKey })])(
    "partner names written as quoted strings come back exactly and in config order",
    (se, necRaw) => {
      const nec = necRaw.filter((n) => !se.some((s) => lookAlikeKey(s) === lookAlikeKey(n)));
      fc.pre(nec.length > 0);
      const list = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
      const text = MINIMAL.replace(/se_partners: .*\n/, `se_partners: ${list(se)}\n`).replace(/nec_partners: .*\n/, `nec_partners: ${list(nec)}\n`);
      const r = parseConfigText(text, "menerva.yaml");
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.model.sePartners).toEqual(se);
      expect(r.value.model.necPartners).toEqual(nec);
    },
  );

  test.prop([decimalText(2), fc.array(decimalText(2), { minLength: 1, maxLength: 5 })])(
    "amounts in euros (up to two decimals, any sign) and the opening reserve are exact, and their canonical strings equal the written values",
    (reserve, amounts) => {
      const costs = amounts.map((a, i) => `  - {date: 2025-01-${String(i + 1).padStart(2, "0")}, description: c${i}, amount: ${a}}`).join("\n");
      const r = parseConfigText(`${MINIMAL}opening_reserve: ${reserve}\nother_costs:\n${costs}\n`, "menerva.yaml");
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.model.openingReserve.equals(new D(reserve))).toBe(true);
      expect(r.value.model.otherCosts.map((o) => fmtDecimal(o.amount))).toEqual(amounts.map((a) => fmtDecimal(new D(a))));
      expect(r.value.raw.canonical.opening_reserve).toBe(fmtDecimal(new D(reserve)));
    },
  );

  test.prop([fc.uniqueArray(fc.stringMatching(/^x_[a-z]{1,8}$/), { minLength: 1, maxLength: 10 })])(
    "every unknown key is reported on its own line, none lost",
    (keys) => {
      const r = parseConfigText(MINIMAL + keys.map((k) => `${k}: 1\n`).join(""), "menerva.yaml");
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues.map((i) => i.subject).sort()).toEqual([...keys].sort());
    },
  );
});
