// Monthly closes over restating exports whose closed rows change (issue 11):
// an in-place edit is reversed at the billed rate and re-billed, a withdrawn
// row is reversed, late rows, a changed staff row and a late cost become
// labelled corrections of the closed period, settled where its money went;
// an SE partner and an agency leave. Every figure below was worked out by hand.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runClose } from "../../src/app/close-run.js";
import { closeSummary } from "../../src/report/close-summary.js";
import { latestTotals, scenarioDir, writeMonth } from "./scenario.js";
import { issueMessage } from "../../src/i18n/render.js";

type Summary = any; // the JSON contract, read as a user of it would

async function close(dir: string, period: string): Promise<Summary> {
  const run = await runClose({ configPath: join(dir, "menerva.yaml"), period, formats: ["json"] });
  if (!run.ok) throw new Error(run.issues.map((i) => issueMessage(i)).join("\n"));
  return closeSummary(run.report);
}

describe("three monthly closes over changing exports", () => {
  let dir: string;
  const s: Summary[] = [];
  beforeAll(async () => {
    dir = scenarioDir();
    for (const m of [1, 2, 3] as const) {
      writeMonth(dir, m);
      s.push(await close(dir, `2025-0${m}`));
    }
  });

  it("January bills the rows as they are", () => {
    expect(s[0].invoices.map((i: Summary) => [i.nec_partner, i.hours, i.subtotal])).toEqual([
      ["Q-Jobs", "20.6", "751.50"], // 20.6 h × 2.50 + 70% of 1000.00
      ["Flexer", "12", "30.00"],
    ]);
    expect(s[0].adjustments).toEqual([]);
  });

  it("February reverses the edited and withdrawn rows at their billed rate and bills the new versions, on correction lines labelled 2025-01", () => {
    const q = s[1].invoices.find((i: Summary) => i.nec_partner === "Q-Jobs");
    expect(q.lines).toEqual([
      { kind: "hours", rate: "2.50", hours: "8", amount: "20.00", first_date: "2025-02-03", last_date: "2025-02-03", rows: 1 },
      { kind: "hours", rate: "2.75", hours: "4", amount: "11.00", first_date: "2025-02-20", last_date: "2025-02-20", rows: 1 },
      { kind: "benefits", types: ["RSZ"], share: "0.70", benefits: "1000.00", by_type: { RSZ: "1000.00" }, amount: "700.00", rows: 1 },
      // −7.6 (reversed) + 6.6 (new version) + 3 (late row) = +2 h at 2.50
      { kind: "correction", of: "hours", period: "2025-01", rate: "2.50", hours: "2", amount: "5.00", rows_added: 2, rows_reversed: 1, first_date: "2025-01-06", last_date: "2025-01-25" },
      // −1000.00 + 900.00 at 70%
      { kind: "correction", of: "benefits", period: "2025-01", types: ["RSZ"], share: "0.70", benefits: "-100.00", amount: "-70.00", rows_added: 1, rows_reversed: 1, first_date: "2025-01-13", last_date: "2025-01-13" },
    ]);
    // invoice hours and benefits are net of corrections
    expect(q).toMatchObject({ hours: "14", hour_fee: "36.00", benefits: "900.00", benefit_fee: "630.00", corrections: "-65.00", subtotal: "666.00" });
    const f = s[1].invoices.find((i: Summary) => i.nec_partner === "Flexer");
    expect(f.lines.at(-1)).toMatchObject({ kind: "correction", period: "2025-01", rate: "2.50", hours: "-6", amount: "-15.00", rows_reversed: 1 });
    expect(f).toMatchObject({ hours: "0", subtotal: "0.00" });
  });

  it("lists every correction in `adjustments`: the old row from the ledger, the new row with file:line", () => {
    const a = s[1].adjustments;
    expect(a).toContainEqual({ period: "2025-01", action: "reverse", kind: "hours", nec_partner: "Q-Jobs", date: "2025-01-06", candidate_id: "K1", hours: "-7.6", rate: "2.50", billed_in: "2025-01", new_version: "exports/uren-qjobs.csv:2" });
    expect(a).toContainEqual({ period: "2025-01", action: "add", kind: "hours", nec_partner: "Q-Jobs", date: "2025-01-06", candidate_id: "K1", hours: "6.6", rate: "2.50", source: "exports/uren-qjobs.csv:2" });
    expect(a).toContainEqual({ period: "2025-01", action: "reverse", kind: "hours", nec_partner: "Flexer", date: "2025-01-09", candidate_id: "K3", hours: "-6", rate: "2.50", billed_in: "2025-01" });
    expect(a).toContainEqual({ period: "2025-01", action: "reverse", kind: "staff", se_partner: "BLM", staff_period: "2025-01", role: "coach", share_of_row: "1/1", amount: "-100.00" });
    expect(a).toContainEqual({ period: "2025-01", action: "add", kind: "staff", se_partner: "BLM", staff_period: "2025-01", role: "coach", share_of_row: "1/1", amount: "120.00", source: "exports/personeel.csv:2" });
    expect(a).toContainEqual({ period: "2025-01", action: "add", kind: "cost", date: "2025-01-28", description: "late invoice", amount: "40.00", source: "exports/kosten.csv:2" });
    expect(a).toHaveLength(9); // Q-Jobs hours 3, benefits 2, Flexer 1, staff 2, cost 1
  });

  it("settles January's corrections where January's money went (January's partners and positions)", () => {
    // revenue correction 5.00 − 70.00 − 15.00 = −80.00, split over January's three partners: −26.67, −26.67, −26.66
    expect(s[1].settlement_corrections).toEqual([
      // BLM: share 260.50 → 233.83, cost 100 → 120: covered +20, the surplus (retained) −46.67
      { period: "2025-01", se_partner: "BLM", share_before: "260.50", staff_cost_before: "100.00", share: "-26.67", staff_cost: "20.00", covered: "20.00", retained: "-46.67", distributed: "0.00", uncovered: "0.00" },
      { period: "2025-01", se_partner: "Arbeidskansen", share_before: "260.50", staff_cost_before: "100.00", share: "-26.67", staff_cost: "0.00", covered: "0.00", retained: "-26.67", distributed: "0.00", uncovered: "0.00" },
      // Alternatief shared January's revenue, so it shares January's correction
      { period: "2025-01", se_partner: "Alternatief", share_before: "260.50", staff_cost_before: "100.00", share: "-26.66", staff_cost: "0.00", covered: "0.00", retained: "-26.66", distributed: "0.00", uncovered: "0.00" },
    ]);
    // the late cost is charged to the reserve now
    expect(s[1].reserve).toMatchObject({ opening: "381.50", other_costs: "40.00", other_cost_corrections: [{ period: "2025-01", amount: "40.00" }] });
    expect(s[1].checks.every((c: Summary) => c.ok)).toBe(true);
  });

  it("splits February over the partners by active days: Alternatief left on 14 February", () => {
    // own revenue 746.00 (Q-Jobs 731.00, Flexer 15.00) over 28, 28, 14 days
    expect(s[1].own_revenue).toBe("746.00");
    expect(s[1].settlement.map((p: Summary) => [p.se_partner, p.active_days])).toEqual([["BLM", 28], ["Arbeidskansen", 28], ["Alternatief", 14]]);
    const own = s[1].settlement.map((p: Summary) => Number(p.share) * 100 - Number(p.corrections.share) * 100);
    expect(own.map((x: number) => Math.round(x))).toEqual([29840, 29840, 14920]);
  });

  it("March: a late row of the agency that left is still invoiced to it; the partner that left is settled no more", () => {
    const f = s[2].invoices.find((i: Summary) => i.nec_partner === "Flexer");
    expect(f.lines).toEqual([{ kind: "correction", of: "hours", period: "2025-02", rate: "2.75", hours: "2", amount: "5.50", rows_added: 1, rows_reversed: 0, first_date: "2025-02-20", last_date: "2025-02-20" }]);
    expect(s[2].warnings.map((w: Summary) => w.message).join("\n")).not.toContain("nothing to invoice to Flexer");
    // February's correction is split over February's partners with February's weights (28, 28, 14)
    expect(s[2].settlement_corrections.map((c: Summary) => [c.se_partner, c.share])).toEqual([["BLM", "2.20"], ["Arbeidskansen", "2.20"], ["Alternatief", "1.10"]]);
    expect(s[2].settlement.map((p: Summary) => [p.se_partner, p.active_days])).toEqual([["BLM", 31], ["Arbeidskansen", 31], ["Alternatief", 0]]);
  });

  it("adds up: Σ billed per agency over the closes = the latest exports' rows in the closed range", () => {
    const latest = latestTotals(3, "2025-03-31");
    for (const nec of ["Q-Jobs", "Flexer"]) {
      const inv = s.flatMap((x) => x.invoices.filter((i: Summary) => i.nec_partner === nec));
      const hours = inv.reduce((a: number, i: Summary) => a + Math.round(Number(i.hours) * 100), 0);
      const benefits = inv.reduce((a: number, i: Summary) => a + Math.round(Number(i.benefits) * 100), 0);
      expect({ nec, hours, benefits }).toEqual({ nec, hours: latest[nec]!.hours, benefits: latest[nec]?.benefits ?? 0 });
    }
  });

  it("keeps the reserve chained and the ledger verified, a record per close", () => {
    expect(s[1].reserve.opening).toBe(s[0].reserve.closing);
    expect(s[2].reserve.opening).toBe(s[1].reserve.closing);
    expect(readFileSync(join(dir, "out/ledger.jsonl"), "utf8").trim().split("\n")).toHaveLength(3);
  });
});

describe("the invoice model feeds the e-invoice documents (issue 12)", () => {
  it("a close's correction lines become document lines that name the period they correct, totals to the cent", async () => {
    const { buildDocument } = await import("../../src/domain/invoicing/document.js");
    const { toBillingInput } = await import("../../src/domain/invoice.js");
    const { INVOICING } = await import("../einvoice/fixtures.js");
    const dir = scenarioDir();
    writeMonth(dir, 1);
    await close(dir, "2025-01");
    writeMonth(dir, 2);
    const run = await runClose({ configPath: join(dir, "menerva.yaml"), period: "2025-02", formats: ["json"] });
    if (!run.ok) throw new Error("close");
    const r = run.report.result;
    const flexer = r.invoices.find((i) => i.necPartner === "Flexer")!;
    const qjobs = r.invoices.find((i) => i.necPartner === "Q-Jobs")!;
    const number = { text: "MEN2025-0001", year: 2025, sequence: 1, reference: "+++202/5000/00197+++", issueDate: "2025-03-01" };
    const doc = buildDocument(toBillingInput(qjobs, r.period), { invoicing: INVOICING, number, projectName: "MENERVA" });
    if (!doc.ok) throw new Error(JSON.stringify(doc.issues));
    expect(doc.value.lines.map((l) => [l.kind, l.corrects?.label ?? null, l.amount.toFixed(2)])).toEqual([
      ["hours", null, "20.00"],
      ["hours", null, "11.00"],
      ["benefits", null, "700.00"],
      ["hours", "2025-01", "5.00"],
      ["benefits", "2025-01", "-70.00"],
    ]);
    expect(doc.value.totals.payable.toFixed(2)).toBe(qjobs.total.toFixed(2));
    // a zero invoice (Flexer: its own row minus its reversed row) is still a valid document
    const zero = buildDocument(toBillingInput(flexer, r.period), { invoicing: INVOICING, number: { ...number, text: "MEN2025-0002", sequence: 2 }, projectName: "MENERVA" });
    expect(zero.ok && zero.value.kind).toBe("invoice");
  });
});
