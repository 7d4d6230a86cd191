import { describe, expect, it } from "vitest";
import { changedKeys, diffInputs as diffTexts, type CloseInputs } from "../../src/ledger/diff.js";
import { render } from "../../src/i18n/render.js";

/** The lines as an English reader sees them. */
const diffInputs = (...a: Parameters<typeof diffTexts>): string[] => diffTexts(...a).map((t) => render(t, "en"));
import { sealRecord } from "../../src/ledger/record.js";
import { monthBody } from "./helpers.js";

const old = sealRecord(monthBody(3, [`${"a".repeat(32)}#0`, `${"b".repeat(32)}#0`, `${"c".repeat(32)}#0`]), undefined);
const same: CloseInputs = { config_sha256: old.config_sha256, configCanonical: old.config, inputs: old.inputs, billed: [`${"c".repeat(32)}#0`, `${"a".repeat(32)}#0`, `${"b".repeat(32)}#0`] };

describe("diffInputs", () => {
  it("is empty for the same rows and config, in any order", () => {
    expect(diffInputs(old, same)).toEqual([]);
  });

  it("is empty when an input file grew only outside the period (cumulative export)", () => {
    expect(diffInputs(old, { ...same, inputs: [{ ...old.inputs[0]!, sha256: "2".repeat(64), rows: 99 }] })).toEqual([]);
  });

  it("names rows added and removed per file", () => {
    const inputs = [{ ...old.inputs[0]!, sha256: "2".repeat(64) }];
    const lines = diffInputs(old, { ...same, inputs, billed: [`${"a".repeat(32)}#0`, `${"b".repeat(32)}#0`, `${"d".repeat(32)}#0`, `${"e".repeat(32)}#0`, `${"e".repeat(32)}#1`], perFile: { "exports/uren.csv": [`${"a".repeat(32)}#0`, `${"b".repeat(32)}#0`, `${"d".repeat(32)}#0`, `${"e".repeat(32)}#0`, `${"e".repeat(32)}#1`] } });
    expect(lines).toEqual(["exports/uren.csv: 3 rows added, 1 removed"]);
  });

  it("without per-file ids, and with several changed files, says so", () => {
    const inputs = [
      { ...old.inputs[0]!, sha256: "2".repeat(64) },
      { kind: "benefits", file: "exports/voordelen.csv", sha256: "3".repeat(64), rows: 4 },
    ];
    const base = { ...old, inputs: [...old.inputs, { kind: "benefits", file: "exports/voordelen.csv", sha256: "4".repeat(64), rows: 4 }] };
    // the removed rows are hours rows: the one changed hours file held them; the added row has no file
    expect(diffInputs(base, { ...same, inputs, billed: [`${"a".repeat(32)}#0`, `${"f".repeat(32)}#0`] })).toEqual([
      "exports/uren.csv: 2 rows removed",
      "1 row added",
    ]);
    // two changed files of the kind, neither known to hold the partner: listed with all changed files
    const two = { ...base, inputs: [...old.inputs, { kind: "hours", file: "exports/uren-2.csv", sha256: "4".repeat(64), rows: 4 }] };
    const twoNow = [inputs[0]!, { kind: "hours", file: "exports/uren-2.csv", sha256: "3".repeat(64), rows: 4 }];
    expect(diffInputs(two, { ...same, inputs: twoNow, billed: [`${"a".repeat(32)}#0`, `${"f".repeat(32)}#0`] })).toEqual([
      "1 row added, 2 removed (changed files: exports/uren.csv, exports/uren-2.csv)",
    ]);
  });

  it("says the rows an edit or a deletion took away under the file that held them, named relative to the config", () => {
    // Q-Jobs' rows were read from uren-qjobs.csv at the close; uren-flexer.csv changed too (Flexer only)
    const base = {
      ...old,
      inputs: [
        { kind: "hours", file: "../exports/uren-qjobs.csv", sha256: "1".repeat(64), rows: 3, nec_partners: ["Q-Jobs"] },
        { kind: "hours", file: "../exports/uren-flexer.csv", sha256: "2".repeat(64), rows: 1, nec_partners: ["Flexer"] },
      ],
    };
    const inputs = [
      { kind: "hours", file: "../exports/uren-qjobs.csv", sha256: "3".repeat(64), rows: 3 },
      { kind: "hours", file: "../exports/uren-flexer.csv", sha256: "4".repeat(64), rows: 2 },
    ];
    // row b edited (b gone, d new), row c deleted
    const billed = [`${"a".repeat(32)}#0`, `${"d".repeat(32)}#0`];
    const lines = diffInputs(base, { ...same, inputs, billed, perFile: { "../exports/uren-qjobs.csv": billed } }, (f) => f.replace(/^\.\.\//, ""));
    expect(lines).toEqual(["exports/uren-qjobs.csv: 1 row added, 2 removed"]);
  });

  it("names the config keys that changed", () => {
    const config = { fees: { hourly: [{ from: "2025-01-01", rate: "2.70" }] }, vat_rate: "0.21", settlement: { profit: "split" } };
    expect(diffInputs(old, { ...same, config_sha256: "d".repeat(64), configCanonical: config })).toEqual([
      "config changed: fees.hourly.0.rate, settlement",
    ]);
  });

  it("says only 'config changed' when the old record kept no config", () => {
    const { config: _c, ...noConfig } = monthBody(3, [`${"a".repeat(32)}#0`, `${"b".repeat(32)}#0`, `${"c".repeat(32)}#0`]);
    expect(diffInputs(sealRecord(noConfig, undefined), { ...same, config_sha256: "d".repeat(64) })).toEqual(["config changed"]);
  });

  it("names inputs that appeared or disappeared", () => {
    const inputs = [{ kind: "hours", file: "exports/uren-2.csv", sha256: "5".repeat(64), rows: 3 }];
    const lines = diffInputs(old, { ...same, inputs, billed: [`${"a".repeat(32)}#0`, `${"b".repeat(32)}#0`], perFile: { "exports/uren-2.csv": [`${"a".repeat(32)}#0`, `${"b".repeat(32)}#0`] } });
    expect(lines).toEqual(["exports/uren.csv: 1 row removed", "exports/uren.csv: no longer an input", "exports/uren-2.csv: new input"]);
  });
});

describe("changedKeys", () => {
  it("lists leaf paths, array items by index, and whole arrays whose length changed", () => {
    expect(changedKeys({ a: 1, b: { c: [1, 2] }, d: [1] }, { a: 1, b: { c: [1, 3] }, d: [1, 2], e: "x" })).toEqual(["b.c.1", "d", "e"]);
  });
});
