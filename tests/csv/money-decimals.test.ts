// Benefit and cost amounts are money: more than two decimals is an input
// error at file:line (exit 2), never an internal error later in the close.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { readBenefitsFile, readCostsFile } from "../../src/adapters/csv/read-input.js";
import { formatIssue } from "../../src/i18n/render.js";

const ctx = { sePartners: ["BLM"], necPartners: ["Q-Jobs"], benefitTypes: ["RSZ"] };

it("refuses a benefit amount with three decimals, with file and line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "menerva-cents-"));
  writeFileSync(join(dir, "b.csv"), "date,nec_partner,candidate_id,type,amount\n2025-01-31,Q-Jobs,K1,RSZ,1200.00\n2025-01-31,Q-Jobs,K2,RSZ,1200.005\n");
  const r = await readBenefitsFile(join(dir, "b.csv"), "b.csv", ctx);
  expect(r.issues.map((i) => formatIssue(i))).toEqual([
    'b.csv:3: column \'amount\': an amount in euro has at most two decimals (got "1200.005")\n  hint: round the amount to cents in the export',
  ]);
});

it("refuses a cost amount with three decimals", async () => {
  const dir = mkdtempSync(join(tmpdir(), "menerva-cents-"));
  writeFileSync(join(dir, "k.csv"), "datum;omschrijving;bedrag\n05/03/2025;flyers;1.450,125\n");
  const r = await readCostsFile(join(dir, "k.csv"), "k.csv", ctx);
  expect(r.issues.map((i) => i.code)).toEqual(["more-than-cents"]);
});
