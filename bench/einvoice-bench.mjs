// E-invoice validation figures (issue 12): how long the official rules (CEN
// EN 16931 + Peppol BIS 3.0, tests/einvoice/rules/) take over N documents
// the way the tests run them — one Saxon-HE process per stylesheet over a
// whole folder, the two side by side — beside the baseline of one document
// per process (what a naive test per document would cost), and beside the
// fixed cost of one process over a single document. Also the time to build
// the N documents (model, PDF, UBL). Needs java and Saxon-HE (.ci/run installs them).
// Run: npm run bench, or node bench/einvoice-bench.mjs after npm run build
// (EINVOICE_BENCH_DOCS=20 to change N).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderInvoicePdf } from "../dist/adapters/pdf/invoice-pdf.js";
import { renderUbl } from "../dist/adapters/ubl/ubl-document.js";
import { buildDocument } from "../dist/domain/invoicing/document.js";
import { assignNumbers } from "../dist/domain/invoicing/numbering.js";
import { dec, MODEL_ROUNDING, roundMoney } from "../dist/domain/money.js";
import { fmt, table } from "./measure.mjs";

const N = Number(process.env.EINVOICE_BENCH_DOCS ?? 20);
const JAR = process.env.SAXON_JAR ?? "/usr/share/java/Saxon-HE.jar";
const RULES = join("tests", "einvoice", "rules");
const SHEETS = ["EN16931-UBL-validation.xslt", "PEPPOL-EN16931-UBL.xsl"];

if (!existsSync(JAR)) {
  console.log(`\ne-invoice validation: skipped (no Saxon-HE at ${JAR})`);
} else {
  const party = (name, en) => ({ name, enterpriseNumber: en, vatId: `BE${en}`, address: { street: "Straat 1", postcode: "3600", city: "Genk", country: "BE" } });
  const invoicing = {
    seller: { ...party("BLM Genk vzw", "0437519686"), iban: "BE71096123456769", bic: "GKCCBEBB" },
    buyers: { "Q-Jobs": party("Q-Jobs NV", "0466123404"), Flexer: party("Flexer BV", "0999999922") },
    paymentDays: 30,
    prefix: "MEN",
    accounts: { receivable: "400000", revenue: { hours: "700000", benefits: "700000" }, vat: "451000" },
  };
  const line = (h, r, corrects) => ({ kind: "hours", hours: dec(h), rate: dec(r), amount: roundMoney(dec(h).times(dec(r)), MODEL_ROUNDING), ...(corrects ? { corrects } : {}) });
  const benefit = (a) => ({ kind: "benefits", types: ["RSZ", "maatwerk"], share: dec("0.70"), benefits: dec(a), amount: roundMoney(dec("0.70").times(dec(a)), MODEL_ROUNDING) });

  const t0 = process.hrtime.bigint();
  const numbers = assignNumbers("MEN", [], Array.from({ length: N }, () => "2025-04-01"));
  const dir = mkdtempSync(join(tmpdir(), "menerva-einvoice-bench-"));
  const all = join(dir, "all");
  mkdirSync(all);
  for (let i = 0; i < N; i++) {
    const lines = [line(`${100 + i}.${String(i * 37 % 10000).padStart(4, "0")}`, "2.50"), line(`${20 + i}.5`, "2.75"), benefit(`${1000 + i * 13}.00`), line(`-${i % 5}.6`, "2.50", "2024-Q4")];
    const subtotal = lines.reduce((s, l) => s.plus(l.amount), dec(0));
    const vat = roundMoney(subtotal.times(dec("0.21")), MODEL_ROUNDING);
    const input = { necPartner: i % 2 ? "Flexer" : "Q-Jobs", period: { label: "2025-Q1", from: "2025-01-01", to: "2025-03-31" }, lines, subtotal, vatRate: dec("0.21"), vat, total: subtotal.plus(vat) };
    const doc = buildDocument(input, { invoicing, number: numbers.value[i], projectName: "MENERVA" }).value;
    const pdf = await renderInvoicePdf(doc, "nl");
    const xml = renderUbl(doc, { language: "nl", pdf });
    mkdirSync(join(dir, `one-${i}`));
    writeFileSync(join(all, `${i}.xml`), xml);
    writeFileSync(join(dir, `one-${i}`, "doc.xml"), xml);
  }
  const build = Number(process.hrtime.bigint() - t0) / 1e9;

  const saxon = (input, out, sheet) =>
    new Promise((resolve, reject) => {
      mkdirSync(out, { recursive: true });
      const p = spawn("java", ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", JAR, "net.sf.saxon.Transform", `-s:${input}`, `-xsl:${join(RULES, sheet)}`, `-o:${out}`], { stdio: "ignore" });
      p.on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`saxon ${sheet} exit ${c}`))));
    });
  const timed = async (f) => {
    const s = process.hrtime.bigint();
    await f();
    return Number(process.hrtime.bigint() - s) / 1e9;
  };
  /** Both stylesheets over one folder, side by side (the test helper's way). */
  const pair = (input, out) => Promise.all(SHEETS.map((s, k) => saxon(input, join(out, String(k)), s)));

  // The better of two runs each: the first JVM start of a run also warms the disk cache.
  const best = async (f) => Math.min(await timed(f), await timed(f));
  const one = await best(() => pair(join(dir, "one-0"), join(dir, "out-one")));
  const batch = await best(() => pair(all, join(dir, "out-all")));
  const perDoc = await timed(async () => {
    for (let i = 0; i < N; i++) await pair(join(dir, `one-${i}`), join(dir, `out-doc-${i}`));
  });
  rmSync(dir, { recursive: true, force: true });

  table(`e-invoice validation, CEN + Peppol rules, ${N} documents of 4 lines with an embedded PDF (2 Saxon processes side by side)`, [
    ["figure", "wall s", "s per document", "ratio to one process per document"],
    [`one process per document (baseline, ${N} × 2 runs)`, fmt(perDoc), fmt(perDoc / N, 3), "1.00"],
    [`one process per stylesheet over all ${N} (the tests' way)`, fmt(batch), fmt(batch / N, 3), fmt(batch / perDoc)],
    ["fixed cost: one process per stylesheet over 1 document", fmt(one), fmt(one, 3), fmt(one / perDoc)],
    [`building the ${N} documents (model, PDF, UBL) in Node`, fmt(build), fmt(build / N, 3), fmt(build / perDoc)],
  ]);
}
