// loadConfig: the file on disk, glob expansion relative to the config's folder,
// default paths, hashing, and problems that need the disk (no matching file).
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/adapters/config-file.js";
import { formatIssue, type Issue } from "../../src/domain/issues.js";
import { MINIMAL } from "./minimal-config.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "menerva-config-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Write files under the temp dir ("a/b.csv" -> content). */
function files(map: Record<string, string>): void {
  for (const [name, content] of Object.entries(map)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}
const EXPORTS = {
  "exports/uren-q1.csv": "h",
  "exports/uren-flexer.csv": "h",
  "exports/voordelen.csv": "b",
  "exports/voordelen-itzu.csv": "b",
  "exports/personeel.csv": "s",
};
const text = (issues: readonly Issue[]) => issues.map(formatIssue).join("\n");

describe("loadConfig", () => {
  it("expands globs relative to the config's folder, sorted, with display paths", async () => {
    files({ ...EXPORTS, "menerva.yaml": MINIMAL });
    const r = await loadConfig(join(dir, "menerva.yaml"));
    if (!r.ok) throw new Error(text(r.issues));
    const c = r.value;
    expect(c.dir).toBe(dir);
    expect(c.inputs.hours.map((i) => i.displayPath)).toEqual(["exports/uren-flexer.csv", "exports/uren-q1.csv"]);
    expect(c.inputs.hours.map((i) => i.path)).toEqual([join(dir, "exports/uren-flexer.csv"), join(dir, "exports/uren-q1.csv")]);
    expect(c.inputs.benefits.map((i) => i.displayPath)).toEqual(["exports/voordelen-itzu.csv", "exports/voordelen.csv"]);
    expect(c.inputs.staff.map((i) => i.spec)).toEqual([{ pattern: "exports/personeel.csv" }]);
    expect(c.inputs.costs).toEqual([]);
  });

  it("resolves ledger and output beside the config by default, and as written otherwise", async () => {
    files({ ...EXPORTS, "menerva.yaml": MINIMAL, "cfg/other.yaml": MINIMAL.replace(/exports\//g, "../exports/") + "ledger: books/ledger.jsonl\noutput: /tmp/menerva-out\n" });
    const a = await loadConfig(join(dir, "menerva.yaml"));
    const b = await loadConfig(join(dir, "cfg/other.yaml"));
    if (!a.ok || !b.ok) throw new Error("expected both configs to load");
    expect(a.value.ledger).toBe(join(dir, "menerva-ledger.jsonl"));
    expect(a.value.output).toBe(join(dir, "out"));
    expect(b.value.ledger).toBe(join(dir, "cfg/books/ledger.jsonl"));
    expect(b.value.output).toBe("/tmp/menerva-out");
    expect(b.value.inputs.staff.map((i) => i.displayPath)).toEqual(["../exports/personeel.csv"]);
  });

  it("keeps the path as given for messages, and hashes the exact bytes", async () => {
    files({ ...EXPORTS, "menerva.yaml": MINIMAL });
    const given = relative(process.cwd(), join(dir, "menerva.yaml"));
    const r = await loadConfig(given);
    if (!r.ok) throw new Error(text(r.issues));
    expect(r.value.file).toBe(given);
    expect(r.value.sha256).toBe(createHash("sha256").update(MINIMAL).digest("hex"));
    expect(r.value.model.hourlyFees[0]!.source?.file).toBe(given);
  });

  it("lists each file once per kind even when two globs match it, and keeps the first entry's overrides", async () => {
    files({ ...EXPORTS, "menerva.yaml": MINIMAL.replace("hours: [exports/uren-*.csv]", 'hours: [{path: exports/uren-flexer.csv, decimal: ","}, "exports/uren-*.csv"]') });
    const r = await loadConfig(join(dir, "menerva.yaml"));
    if (!r.ok) throw new Error(text(r.issues));
    expect(r.value.inputs.hours.map((i) => [i.displayPath, i.spec.decimal])).toEqual([
      ["exports/uren-flexer.csv", ","],
      ["exports/uren-q1.csv", undefined],
    ]);
  });

  it("takes a literal file name with glob characters in it", async () => {
    files({ ...EXPORTS, "exports/kosten (2025).csv": "c", "menerva.yaml": MINIMAL + '  costs: ["exports/kosten (2025).csv"]\n' });
    const r = await loadConfig(join(dir, "menerva.yaml"));
    if (!r.ok) throw new Error(text(r.issues));
    expect(r.value.inputs.costs.map((i) => i.displayPath)).toEqual(["exports/kosten (2025).csv"]);
  });

  it("reports every glob that matches nothing, at the glob, with the folder in the hint", async () => {
    files({ "exports/personeel.csv": "s", "menerva.yaml": MINIMAL + "  costs: [exports/kosten.csv]\n" });
    const r = await loadConfig(join(dir, "menerva.yaml"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const file = join(dir, "menerva.yaml");
    expect(text(r.issues)).toBe(
      [
        `${file}:7:11: inputs.hours.0: no file matches "exports/uren-*.csv"`,
        `  hint: paths are relative to the config's folder ${dir}`,
        `${file}:8:14: inputs.benefits.0: no file matches "exports/voordelen*.csv"`,
        `  hint: paths are relative to the config's folder ${dir}`,
        `${file}:10:11: inputs.costs.0: no file matches "exports/kosten.csv"`,
        `  hint: paths are relative to the config's folder ${dir}`,
      ].join("\n"),
    );
  });

  it("refuses one file read as two kinds of input", async () => {
    files({ ...EXPORTS, "menerva.yaml": MINIMAL.replace("benefits: [exports/voordelen*.csv]", "benefits: [exports/*.csv]") });
    const r = await loadConfig(join(dir, "menerva.yaml"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Kinds are expanded in the order hours, benefits, staff, costs; the later claim is the problem.
    expect(r.issues.map((i) => `${i.subject}: ${i.message}`)).toEqual([
      'inputs.benefits.0: "exports/uren-flexer.csv" is also matched by inputs.hours.0',
      'inputs.benefits.0: "exports/uren-q1.csv" is also matched by inputs.hours.0',
      'inputs.staff.0: "exports/personeel.csv" is also matched by inputs.benefits.0',
    ]);
  });

  it("resolves staff_cost and reports it when the file is not there", async () => {
    files({ ...EXPORTS, "costprice.yaml": "x: 1\n", "menerva.yaml": MINIMAL + "staff_cost: costprice.yaml\n" });
    const r = await loadConfig(join(dir, "menerva.yaml"));
    if (!r.ok) throw new Error(text(r.issues));
    expect(r.value.staffCost).toBe(join(dir, "costprice.yaml"));
    files({ "menerva.yaml": MINIMAL + "staff_cost: kostprijs.yaml\n" });
    const missing = await loadConfig(join(dir, "menerva.yaml"));
    expect(missing.ok ? "" : text(missing.issues)).toBe(
      `${join(dir, "menerva.yaml")}:10:13: staff_cost: file not found "kostprijs.yaml"\n  hint: paths are relative to the config's folder ${dir}`,
    );
  });

  it("reports a missing config file with where it looked", async () => {
    const r = await loadConfig(join(dir, "nope.yaml"));
    expect(r.ok ? "" : text(r.issues)).toBe(
      `${join(dir, "nope.yaml")}: config file not found\n  hint: looked for ${join(dir, "nope.yaml")}; pass --config PATH to name another file`,
    );
  });

  it("refuses a config that is not UTF-8, and accepts a BOM", async () => {
    writeFileSync(join(dir, "latin.yaml"), Buffer.from("project: Caf\xe9\n", "latin1"));
    const r = await loadConfig(join(dir, "latin.yaml"));
    expect(r.ok ? "" : text(r.issues)).toBe(`${join(dir, "latin.yaml")}:1: the config file is not UTF-8 text\n  hint: save menerva.yaml as UTF-8`);
    files({ ...EXPORTS, "menerva.yaml": `\uFEFF${MINIMAL.replace("start:", "project: Café Ééntje\nstart:")}` });
    const bom = await loadConfig(join(dir, "menerva.yaml"));
    expect(bom.ok && bom.value.model.project).toBe("Café Ééntje");
  });

  it("returns schema problems before looking at the disk", async () => {
    files({ "menerva.yaml": MINIMAL.replace("rate: 2.50", "rate: 2,50") });
    const r = await loadConfig(join(dir, "menerva.yaml"));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(["unknown-key"]);
  });
});
