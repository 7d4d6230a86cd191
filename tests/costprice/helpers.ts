// Test helpers: cost-price files from inline YAML.
import { parseCostPriceText } from "../../src/adapters/costprice-file.js";
import type { CostPrice } from "../../src/domain/costprice/types.js";
import { formatIssue } from "../../src/i18n/render.js";

/** Parse inline YAML that must be valid; fails the test with the issues otherwise. */
export function costprice(yaml: string): CostPrice {
  const r = parseCostPriceText(yaml, "test.yaml");
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
  return r.value;
}

/** The formatted issues of inline YAML that must be invalid. */
export function problems(yaml: string, file = "bad.yaml"): string[] {
  const r = parseCostPriceText(yaml, file);
  if (r.ok) throw new Error("expected problems, the file was accepted");
  return r.issues.map(formatIssue);
}

/** One partner with one staff line and the given subsidy YAML (indented list items). */
export function oneLine(opts: { fte?: string; occupancy?: string; cost?: string; subsidies?: string; extra?: string }): string {
  return `partners:
  - name: P
    productive_hours_per_fte: 1450
    staff:
      - role: jobcoach
        fte: ${opts.fte ?? "1"}
        occupancy: ${opts.occupancy ?? "1"}
        yearly_cost: ${opts.cost ?? "60000"}
        subsidies:
${opts.subsidies ?? "          []"}
${opts.extra ?? ""}`;
}
