// One language at a time, chosen as README "Language" says: the help in the
// environment's language (or --lang), a close in its config's language, the
// example close read as a Flemish controller reads it, in Dutch and in
// English, with no line mixing the two; and what a re-close in another
// language does to the closed statement (issue 13, items 15 and 17).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { menerva, scratchFixtures, treeHashes } from "../cli/helpers.js";

const NL = { LANG: "nl_BE.UTF-8" };
/** Words only an English line has, and words only a Dutch line has (whole words). */
const ENGLISH = /\b(warning|hint|got|column|rows?|included|deferred|Invoices|Revenue|Checks|Settlement|hours|benefits|problems? found|written|ledger record)\b/;
const DUTCH = /\b(waarschuwing|tip|gelezen|kolom|rijen|opgenomen|uitgesteld|Facturen|Omzet|Controles|Afrekening|uren|voordelen|gevonden|geschreven|grootboekrecord)\b/;
const CLOSE = ["close", "2025-Q1", "--config", "fixtures/menerva.yaml"];

describe("the help", () => {
  it("is Dutch under a Dutch LANG, English otherwise, and --lang decides over both", () => {
    const d = scratchFixtures();
    const nl = menerva(["--help"], d, NL);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toMatch(/^Gebruik: menerva \[opties\] \[opdracht\]\n/);
    expect(nl.stdout).toContain("Opdrachten:");
    expect(nl.stdout).toContain("sluit een periode af: facturen per");
    expect(nl.stdout).toContain("toon de hulp bij deze opdracht");
    expect(nl.stdout).not.toMatch(/Usage|Options|Commands|display help|close a period/);
    const en = menerva(["--help"], d, { LANG: "en_US.UTF-8" });
    expect(en.stdout).toMatch(/^Usage: menerva \[options\] \[command\]\n/);
    expect(en.stdout).toContain("close a period: invoices per NEC partner");
    expect(en.stdout).not.toMatch(/Gebruik|Opdrachten|sluit een periode/);
    expect(menerva(["--help", "--lang", "nl"], d, { LANG: "en_US.UTF-8" }).stdout).toBe(nl.stdout);
    expect(menerva(["--help"], d, { LANG: "en_US.UTF-8", LC_ALL: "nl_BE.UTF-8" }).stdout).toBe(nl.stdout); // LC_ALL first
  });

  it("of a command names its options, defaults and choices in Dutch", () => {
    const r = menerva(["close", "--help"], scratchFixtures(), NL);
    expect(r.stdout).toMatch(/^Gebruik: menerva close \[opties\] <periode>\n/);
    expect(r.stdout).toContain("Argumenten:");
    expect(r.stdout).toContain("-c, --config <bestand>  configuratiebestand (standaard: \"menerva.yaml\")");
    expect(r.stdout).toMatch(/\(keuzes:\s+"plain", "excel-be", standaard: "plain"\)/);
    expect(r.stdout).not.toMatch(/Usage|Options|default:|choices:/);
  });

  it("and commander's own usage errors are Dutch too, still exit 2", () => {
    const d = scratchFixtures();
    const missing = menerva(["close"], d, NL);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("fout: verplicht argument 'periode' ontbreekt");
    expect(missing.stderr).toContain("(menerva --help toont hoe het werkt)");
    const typo = menerva(["clos"], d, NL);
    expect(typo.stderr).toContain("fout: onbekende opdracht 'clos'\n(Bedoelde u close?)");
    expect(menerva(["close", "2025-Q1", "--lang", "fr"], d, NL).stderr).toContain("Mogelijke keuzes: nl, en.");
  });
});

describe("problems", () => {
  it("are Dutch with their hint and footer when the config says nl (whatever LANG says)", () => {
    const d = scratchFixtures();
    const r = menerva(["close", "2025-Q5", "--config", "fixtures/menerva.yaml"], d, { LANG: "en_US.UTF-8" });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'PERIOD: geen periode (gelezen: "2025-Q5")\n' +
        "  tip: schrijf een maand (2025-03), een kwartaal (2025-Q1), een jaar (2025) of een bereik (2025-01-01..2025-03-31)\n" +
        "1 probleem gevonden; er werd niets geschreven.\n",
    );
    const en = menerva(["close", "2025-Q5", "--config", "fixtures/menerva.yaml", "--lang", "en"], d, NL);
    expect(en.stderr).toBe(
      'PERIOD: not a period (got "2025-Q5")\n' +
        "  hint: write a month (2025-03), a quarter (2025-Q1), a year (2025) or a range (2025-01-01..2025-03-31)\n" +
        "1 problem found; nothing was written.\n",
    );
  });

  it("of a config that cannot be read follow the environment", () => {
    const d = scratchFixtures();
    const nl = menerva(["validate", "--config", "nope.yaml"], d, NL);
    expect(nl.code).toBe(2);
    expect(nl.stderr).toMatch(/^nope\.yaml: configuratiebestand niet gevonden\n  tip: gezocht naar .*nope\.yaml; geef met --config PAD een ander bestand op\n1 probleem gevonden; er werd niets geschreven\.\n$/);
    expect(menerva(["validate", "--config", "nope.yaml"], d).stderr).toMatch(/^nope\.yaml: config file not found\n/);
  });

  it("in a config that states no language are Dutch, like its statements", () => {
    const d = scratchFixtures();
    const cfg = readFileSync(join(d, "fixtures/menerva.yaml"), "utf8").replace(/^language: nl\n/m, "").replace("vat_rate: 0.21", "vat_rate: 21%");
    writeFileSync(join(d, "fixtures/x.yaml"), cfg);
    const r = menerva(["validate", "--config", "fixtures/x.yaml"], d, { LANG: "en_US.UTF-8" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fixtures\/x\.yaml:\d+:11: vat_rate: geen getal \(gelezen: "21%"\)\n  tip: schrijf een breuk: 21% is 0\.21\n/);
  });
});

describe("the example close, as a Flemish controller reads it", () => {
  const d = scratchFixtures();
  const nl = menerva(CLOSE, d, { LANG: "en_US.UTF-8" }); // the config says nl
  const en = menerva([...CLOSE, "--dry-run", "--lang", "en"], d, NL);

  it("in Dutch: Dutch words, € 1.234,56 amounts, no English line", () => {
    expect(nl.code, nl.stderr).toBe(0);
    expect(nl.stdout).toContain("MENERVA — Afsluiting 2025-Q1 (2025-01-01 .. 2025-03-31)");
    expect(nl.stdout).toMatch(/Q-Jobs +1\.881,6 uren +4\.989,05 +voordelen +11\.235,00 +subtotaal +16\.224,05 +btw +3\.407,05 +totaal +19\.631,10/);
    expect(nl.stdout).toContain("  Omzet: € 41.677,17");
    expect(nl.stdout).toContain("Reserve: begin € 0,00 + ingehouden € 20.007,88 − andere kosten € 3.725,00 = eind € 16.282,88");
    expect(nl.stdout).toContain("  uren       opgenomen 744, correctie 0, uitgesteld 31, vóór de start 21, al afgesloten 0, dubbel 0");
    expect(nl.stdout).toContain("Controles: alle controles OK");
    expect(nl.stdout).toContain("  exports/uren-itzu.csv:57: kolom 'Hours': meer dan 24 uren op één rij (gelezen: \"38\")");
    expect(nl.stdout).toContain("  exports/voordelen-qjobs.csv:2: rij gedateerd 2024-12-18, vóór de projectstart 2025-01-01: niet gebruikt (gelezen: \"regel 2\")");
    expect(nl.stdout).toMatch(/MEN2025-0001 +factuur +Q-Jobs +2025-04-01 +vervalt 2025-05-01 +\+\+\+202\/5000\/00165\+\+\+ +19\.631,10 +nieuw/);
    expect(nl.stderr).toBe("Uitvoer geschreven naar out/2025-Q1/ (json, csv, xlsx, invoices, journal.csv); MEN2025-0001, MEN2025-0002, MEN2025-0003 uitgereikt; grootboekrecord toegevoegd.\n");
    for (const line of `${nl.stdout}${nl.stderr}`.split("\n")) expect(line).not.toMatch(ENGLISH);
  });

  it("in English: English words, €1,234.56 amounts, no Dutch line", () => {
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain("MENERVA — Close 2025-Q1 (2025-01-01 .. 2025-03-31)");
    expect(en.stdout).toMatch(/Q-Jobs +1,881\.6 hours +4,989\.05 +benefits +11,235\.00 +subtotal +16,224\.05 +VAT +3,407\.05 +total +19,631\.10/);
    expect(en.stdout).toContain("  Revenue: €41,677.17");
    expect(en.stdout).toContain("Reserve: opening €0.00 + retained €20,007.88 − other costs €3,725.00 = closing €16,282.88");
    expect(en.stdout).toContain("  exports/uren-itzu.csv:57: column 'Hours': more than 24 hours on one row (got \"38\")");
    expect(en.stdout).toMatch(/MEN2025-0001 +invoice +Q-Jobs +2025-04-01 +due 2025-05-01 +\+\+\+202\/5000\/00165\+\+\+ +19,631\.10/);
    expect(en.stderr).toMatch(/^Dry run: nothing was written\. `menerva close 2025-Q1` would write out\/2025-Q1\/ \(json, csv, xlsx, invoices, journal\.csv\) and leave the ledger unchanged/);
    // file names (exports/uren-itzu.csv) and the exports' own headers ('bedrag') are as the partners wrote them
    for (const line of `${en.stdout}${en.stderr}`.split("\n").map((l) => l.replace(/'[^']*'|\S+\/\S+/g, ""))) expect(line).not.toMatch(DUTCH);
  });

  it("validate lists the warnings in the config's language", () => {
    const v = menerva(["validate", "2025-Q1", "--config", "fixtures/menerva.yaml"], d);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe("OK: 8 bestanden, 848 rijen gelezen, 7 waarschuwingen.\n2025-Q1: al afgesloten met deze invoer (een afsluiting maakt ze opnieuw).\nBuiten de map van de config: ../out/menerva-ledger.jsonl\n");
    expect(v.stderr).toContain("exports/uren-itzu.csv:57: waarschuwing: kolom 'Hours': meer dan 24 uren op één rij (gelezen: \"38\")");
  });
});

describe("a re-close in another language (issue 13, item 17)", () => {
  it("says exactly what it did: the statement rewritten in that language, same figures, ledger unchanged; reproduced when nothing differs", () => {
    const d = scratchFixtures();
    expect(menerva(CLOSE, d).code).toBe(0);
    const dutch = treeHashes(join(d, "out/2025-Q1"));
    const ledger = readFileSync(join(d, "out/menerva-ledger.jsonl"), "utf8");

    const en = menerva([...CLOSE, "--lang", "en"], d);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toBe(
      "Output written to out/2025-Q1/ (json, csv, xlsx, invoices, journal.csv); already closed with the same inputs, ledger unchanged; written with --lang en (closed with nl): " +
        "2 files rewritten with other bytes (journal.csv, menerva-2025-Q1.xlsx), 16 the same.\n",
    );
    expect(en.stderr).not.toContain("reproduced");
    const english = treeHashes(join(d, "out/2025-Q1"));
    expect(english["menerva-2025-Q1.xlsx"]).not.toBe(dutch["menerva-2025-Q1.xlsx"]);
    expect(english["summary.json"]).toBe(dutch["summary.json"]); // JSON is machine format: the same in both languages
    // the issued e-invoices are never changed: they keep the language they were issued in
    for (const f of Object.keys(dutch).filter((n) => n.startsWith("invoices/"))) expect(english[f]).toBe(dutch[f]);
    expect(readFileSync(join(d, "out/menerva-ledger.jsonl"), "utf8")).toBe(ledger);

    const again = menerva([...CLOSE, "--lang", "en"], d);
    expect(again.stderr).toContain("already closed with the same inputs: outputs reproduced (the same bytes), ledger unchanged.");
    const back = menerva(CLOSE, d);
    // without --lang: as the period was closed (Dutch), in Dutch
    expect(back.stderr).toContain("geschreven zoals afgesloten (--formats json,csv,xlsx --csv-style plain --lang nl) over een set die anders geschreven was: 2 bestanden herschreven met andere bytes (journal.csv, menerva-2025-Q1.xlsx)");
    expect(treeHashes(join(d, "out/2025-Q1"))).toEqual(dutch);
    expect(menerva(CLOSE, d).stderr).toContain("al afgesloten met dezelfde invoer: uitvoer byte voor byte opnieuw gemaakt, grootboek ongewijzigd.");
  });
});
