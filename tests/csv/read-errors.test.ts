// Every problem message of the CSV reader, as the user sees it (formatIssue),
// warnings that keep their row, and all problems of a file at once.
import { describe, expect, it } from "vitest";
import { forEachInputRow } from "../../src/adapters/csv/read-input.js";
import { UserError } from "../../src/cli/errors.js";
import { CTX, cp1252, put, read } from "./helpers.js";
import { issueMessage } from "../../src/i18n/render.js";

const HOURS_NL = "datum;uitzendpartner;kandidaat;uren;toeleider\n";

describe("error messages (exact text)", () => {
  it("not a number", async () => {
    const r = await read("hours", HOURS_NL + "03/03/2025;Flexer;KND-1;7,6;\n04/03/2025;Flexer;KND-1;7,5u;\n", undefined, "uren-q2.csv");
    expect(r.text).toEqual(['exports/uren-q2.csv:3: column \'uren\': not a number (got "7,5u")']);
    expect(r.rows).toHaveLength(1);
  });

  it("not a date", async () => {
    const r = await read("hours", HOURS_NL + "31/02/2025;Flexer;KND-1;7,6;\n", undefined, "d.csv");
    expect(r.text).toEqual(['exports/d.csv:2: column \'datum\': not a date (got "31/02/2025")\n  hint: write 2025-03-31 or 31/03/2025']);
  });

  it("quotes kept in a cell by a space outside them: the hint says so, not how to write a date or a number", async () => {
    const r = await read("hours", HOURS_NL + '"03/03/2025" ;Flexer;KND-1;7,6;\n03/03/2025;Flexer;KND-1; "7,5";\n03/03/2025; "Flexer";KND-1;7,5;\n', undefined, "q.csv");
    const hint = "\n  hint: the quotes are part of the cell: a space between a quote and the separator next to it keeps them in; remove that space";
    expect(r.text).toEqual([
      `exports/q.csv:2: column 'datum': not a date (got "\\"03/03/2025\\" ")${hint}`,
      `exports/q.csv:3: column 'uren': not a number (got " \\"7,5\\"")${hint}`,
      `exports/q.csv:4: column 'uitzendpartner': unknown NEC partner (got " \\"Flexer\\"")${hint}`,
    ]);
    // quoted as CSV means (no space outside): read, no problem
    expect((await read("hours", HOURS_NL + '"03/03/2025";"Flexer";KND-1;"7,5";\n', undefined, "q2.csv")).text).toEqual([]);
  });

  it("a column name whose quotes stay in (a space outside them): the missing column's hint says to remove the space", async () => {
    const r = await read("hours", '"datum" ;uitzendpartner;kandidaat;uren;toeleider\n03/03/2025;Flexer;KND-1;7,6;\n', undefined, "qh.csv");
    expect(r.text).toEqual([
      "exports/qh.csv:1: column 'datum': missing column (got \"\\\"datum\\\", uitzendpartner, kandidaat, uren, toeleider\")\n  hint: the quotes are part of the cell: a space between a quote and the separator next to it keeps them in; remove that space",
    ]);
  });

  it("missing value", async () => {
    const r = await read("hours", HOURS_NL + "03/03/2025;Flexer; ;7,6;\n", undefined, "m.csv");
    expect(r.text).toEqual(["exports/m.csv:2: column 'kandidaat': missing value"]);
  });

  it("missing value in a short row", async () => {
    const r = await read("hours", HOURS_NL + "03/03/2025;Flexer;KND-1\n", undefined, "short.csv");
    expect(r.text).toEqual(["exports/short.csv:2: column 'uren': missing value"]);
  });

  it("unknown NEC partner, with a did-you-mean hint", async () => {
    const r = await read("hours", HOURS_NL + "03/03/2025;Flexr;KND-1;7,6;\n", undefined, "n.csv");
    expect(r.text).toEqual(['exports/n.csv:2: column \'uitzendpartner\': unknown NEC partner (got "Flexr")\n  hint: did you mean "Flexer"?']);
  });

  it("unknown NEC partner that is an SE partner", async () => {
    const r = await read("hours", HOURS_NL + "03/03/2025;BLM;KND-1;7,6;\n", undefined, "n2.csv");
    expect(r.text).toEqual(['exports/n2.csv:2: column \'uitzendpartner\': unknown NEC partner (got "BLM")\n  hint: "BLM" is an SE partner, not an NEC partner']);
  });

  it("unknown NEC partner far from any name lists the known ones", async () => {
    const r = await read("hours", HOURS_NL + "03/03/2025;Randstad;KND-1;7,6;\n", undefined, "n3.csv");
    expect(r.text).toEqual([
      'exports/n3.csv:2: column \'uitzendpartner\': unknown NEC partner (got "Randstad")\n  hint: known NEC partners (menerva.yaml): Q-Jobs, Flexer, Itzu Jobs',
    ]);
  });

  it("names match ignoring case, Unicode form and spaces (as the configured spelling); look-alike letters are refused", async () => {
    const r = await read(
      "hours",
      HOURS_NL + "03/03/2025;  Flexer ;KND-1;7,6; BLM\n04/03/2025;flexer;KND-1;7,6;blm\n05/03/2025;FLEXER;KND-1;7,6;LIV\u00a0aan het  werk\n06/03/2025;Flex\u0435r;KND-1;7,6;\n",
      undefined,
      "trim.csv",
    );
    expect(r.rows.map((x) => [x.necPartner, x.sePartner])).toEqual([
      ["Flexer", "BLM"],
      ["Flexer", "BLM"],
      ["Flexer", "LIV aan het werk"],
    ]);
    expect(r.text).toEqual([
      'exports/trim.csv:5: column \'uitzendpartner\': NEC partner name mixes Latin and Cyrillic letters ("е" at position 5 is Cyrillic, U+0435) (got "Flexеr")\n  hint: retype the name in Latin letters only: a look-alike letter makes it a different partner',
    ]);
  });

  it("unknown SE partner", async () => {
    const r = await read("hours", HOURS_NL + "03/03/2025;Flexer;KND-1;7,6;Arbeidskansn\n", undefined, "s.csv");
    expect(r.text).toEqual(['exports/s.csv:2: column \'toeleider\': unknown SE partner (got "Arbeidskansn")\n  hint: did you mean "Arbeidskansen"?']);
  });

  it("unknown partner (staff)", async () => {
    const r = await read("staff", "periode;partner;rol;vte;kost\n2025-01;BLMM;coach;0,5;2.500,00\n", undefined, "p.csv");
    expect(r.text).toEqual(['exports/p.csv:2: column \'partner\': unknown partner (got "BLMM")\n  hint: did you mean "BLM"?']);
  });

  it("unknown benefit type", async () => {
    const r = await read("benefits", "date,nec_partner,candidate_id,type,amount\n2025-01-13,Q-Jobs,K1,loonsubsidie,10.00\n", undefined, "t.csv");
    expect(r.text).toEqual([
      'exports/t.csv:2: column \'type\': unknown benefit type (got "loonsubsidie")\n  hint: allowed types (benefit_types in menerva.yaml): RSZ, maatwerk',
    ]);
  });

  it("ambiguous decimal mark", async () => {
    const r = await read("hours", HOURS_NL + "03/03/2025;Flexer;KND-1;1.000;\n", undefined, "a.csv");
    expect(r.text).toEqual([
      'exports/a.csv:2: column \'uren\': ambiguous decimal mark (got "1.000")\n  hint: add decimal: "," or decimal: "." for this input in menerva.yaml',
    ]);
  });

  it("not a period", async () => {
    const r = await read("staff", "periode;partner;rol;vte;kost\nQ5 2025;BLM;coach;0,5;2.500,00\n", undefined, "per.csv");
    expect(r.text).toEqual(['exports/per.csv:2: column \'periode\': not a period (got "Q5 2025")\n  hint: write a month (2025-03) or a quarter (2025-Q1)']);
  });

  it("an SE partner's staff row without cost", async () => {
    const r = await read("staff", "periode;partner;rol;vte;kost\n2025-01;Alternatief;coach;1,0;\n2025-01;Flexer;jobhunter;0,2;\n", undefined, "c.csv");
    expect(r.text).toEqual(["exports/c.csv:2: column 'kost': missing value"]);
    expect(r.rows.map((x: any) => x.partner)).toEqual(["Flexer"]);
  });

  it("a staff file without a cost column but with SE rows", async () => {
    const r = await read("staff", "period,partner,role,fte\n2025-01,BLM,coach,0.5\n2025-02,BLM,coach,0.5\n2025-01,Flexer,jobhunter,0.2\n", undefined, "nc.csv");
    expect(r.text).toEqual([
      "exports/nc.csv:1: column 'cost': missing column\n  hint: SE partners' rows need a cost; first one is on line 2",
    ]);
  });

  it("missing column: one issue at the header line naming it and listing the headers found", async () => {
    const rows = "03/03/2025;Flexer;KND-1\n".repeat(5);
    const r = await read("hours", "datum;uitzendpartner;kandidaat;klant\n" + rows, undefined, "mc.csv");
    expect(r.text).toEqual([
      "exports/mc.csv:1: column 'uren': missing column (got \"datum, uitzendpartner, kandidaat, klant\")\n  hint: add a column 'uren' (or 'hours'); columns are found by name, in any order",
    ]);
    expect(r.rows).toEqual([]);
  });

  it("missing role and person columns in a staff file", async () => {
    const r = await read("staff", "period,partner,fte,cost\n2025-01,BLM,0.5,100\n", undefined, "mr.csv");
    expect(r.text).toEqual([
      "exports/mr.csv:1: column 'role' or 'person': missing column (got \"period, partner, fte, cost\")\n  hint: add a column 'role' (or 'rol') or 'person'; columns are found by name, in any order",
    ]);
  });

  it("a column given twice under two names", async () => {
    const r = await read("hours", "date,datum,nec_partner,candidate_id,hours\n2025-01-06,06/01/2025,Q-Jobs,K1,8\n", undefined, "dup.csv");
    expect(r.text).toEqual(["exports/dup.csv:1: column 'datum': duplicate column\n  hint: column 1 ('date') already holds date; remove one of them"]);
  });

  it("an unclosed quote is reported where the broken record starts", async () => {
    const r = await read("hours", 'date,nec_partner,candidate_id,hours,client\n2025-01-06,Q-Jobs,K1,8,A\n2025-01-07,Q-Jobs,K1,8,"Bakkerij\n2025-01-08,Q-Jobs,K1,8,B\n', undefined, "uq.csv");
    expect(r.text).toEqual([
      'exports/uq.csv:3: a quote opened on this line is never closed\n  hint: a quote inside a quoted cell is written twice (""); rows after this line were not read',
    ]);
    expect(r.rows).toHaveLength(1);
  });

  it("a stray quote inside an unquoted cell is kept as text", async () => {
    const r = await read("hours", 'date,nec_partner,candidate_id,hours,client\n2025-01-06,Q-Jobs,K1,8,Scherm 5" breed\n');
    expect(r.issues).toEqual([]);
    expect(r.rows[0].client).toBe('Scherm 5" breed');
  });

  it("a missing file and an empty file", async () => {
    const r = await read("hours", "", undefined, "empty.csv");
    expect(r.text).toEqual(["exports/empty.csv:1: empty file (no header row)"]);
    const { readHoursFile } = await import("../../src/adapters/csv/read-input.js");
    const gone = await readHoursFile("/nonexistent/uren.csv", "exports/uren.csv", CTX);
    expect(gone.issues.map((i) => `${i.source?.file}: ${issueMessage(i)}`)).toEqual(["exports/uren.csv: file not found"]);
    expect(gone.meta.sha256).toBe("");
  });
});

describe("files that cannot be read as text", () => {
  it("UTF-16 (Excel 'Unicode text') is refused with a hint", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("date\tnec_partner\n", "utf16le")]);
    const r = await read("hours", bytes, undefined, "u16.csv");
    expect(r.text).toEqual(["exports/u16.csv:1: UTF-16 text is not supported\n  hint: save the export as CSV UTF-8 (or CSV with ; or , separators)"]);
  });

  it("a UTF-8 BOM followed by Windows-1252 bytes", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1252("date,nec_partner,candidate_id,hours,client\n2025-01-06,Q-Jobs,K1,8,Geërts\n")]);
    const r = await read("hours", bytes, undefined, "bom1252.csv");
    expect(r.text).toEqual([
      "exports/bom1252.csv:2: not valid UTF-8\n  hint: the file starts with a UTF-8 BOM but holds other bytes (Windows-1252?); save it again as CSV UTF-8",
    ]);
  });
});

describe("an encoding in menerva.yaml that the file contradicts", () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const HOURS = "date,nec_partner,candidate_id,hours,client\n2025-01-06,Q-Jobs,K1,8,Geërts\n";

  it("a UTF-8 BOM in a file set to windows-1252 is refused at line 1, not read as a column named \"ï»¿date\"", async () => {
    const r = await read("hours", Buffer.concat([BOM, Buffer.from(HOURS, "utf8")]), { encoding: "windows-1252" }, "bomset.csv");
    expect(r.text).toEqual([
      "exports/bomset.csv:1: the file starts with a UTF-8 byte order mark (BOM), but menerva.yaml sets it to encoding: windows-1252\n" +
        "  hint: remove encoding: windows-1252 from this input in menerva.yaml (the BOM says UTF-8), or save the file as CSV (separated by ; or ,) instead of CSV UTF-8",
    ]);
    expect(r.rows).toHaveLength(0);
  });

  it("the same bytes without the setting, and the file without its BOM with it, read as their text", async () => {
    const detected = await read("hours", Buffer.concat([BOM, Buffer.from(HOURS, "utf8")]), undefined, "bomauto.csv");
    const set = await read("hours", cp1252(HOURS), { encoding: "windows-1252" }, "set1252.csv");
    for (const r of [detected, set]) {
      expect(r.text).toEqual([]);
      expect(r.rows.map((x: { client?: string }) => x.client)).toEqual(["Geërts"]);
    }
  });
});

describe("many problems", () => {
  it("shows the first 1000 errors of a file and counts the rest", async () => {
    const r = await read("hours", "date,nec_partner,candidate_id,hours\n" + "2025-01-06,Q-Jobs,K1,x\n".repeat(1005), undefined, "many.csv");
    expect(r.issues).toHaveLength(1001);
    expect(r.text[999]).toBe('exports/many.csv:1001: column \'hours\': not a number (got "x")');
    expect(r.text[1000]).toBe("exports/many.csv: 5 more errors in this file not shown");
    // the count under the list is the real one: 1005, not the 1001 lines shown (QA 1 #13)
    const shown = new UserError(r.issues).render().trimEnd().split("\n");
    expect(shown.at(-1)).toBe("1005 problems found; nothing was written.");
    // as the refusal prints them (sorted by place): the line that counts the rest closes the file's list, never opens it
    expect(shown[0]).toBe('exports/many.csv:2: column \'hours\': not a number (got "x")');
    expect(shown.at(-2)).toBe("exports/many.csv: 5 more errors in this file not shown");
  });
});

describe("warnings keep their row unchanged", () => {
  it("more than 24 hours on one row", async () => {
    const r = await read("hours", HOURS_NL + "31/01/2025;Itzu Jobs;KND-16;38;\n", undefined, "w.csv");
    expect(r.text).toEqual(['exports/w.csv:2: warning: column \'uren\': more than 24 hours on one row (got "38")']);
    expect(r.issues[0]!.severity).toBe("warning");
    expect(r.rows.map((x: any) => x.hours.toFixed())).toEqual(["38"]);
  });

  it("a negative benefit", async () => {
    const r = await read("benefits", "datum;uitzendpartner;kandidaat;soort;bedrag\n20/02/2025;Flexer;K;RSZ;-210,00\n", undefined, "nb.csv");
    expect(r.text).toEqual(['exports/nb.csv:2: warning: column \'bedrag\': negative benefit (a correction?) (got "-210,00")']);
    expect(r.rows[0].amount.toFixed(2)).toBe("-210.00");
  });

  it("fte above 1.5 and subsidy above cost", async () => {
    const r = await read("staff", "periode;partner;rol;vte;kost;subsidie\n2025-01;BLM;coach;2;1.000,00;1.500,00\n", undefined, "sw.csv");
    expect(r.text).toEqual([
      "exports/sw.csv:2: warning: column 'vte': more than 1.5 FTE on one row (got \"2\")",
      "exports/sw.csv:2: warning: column 'subsidie': subsidy exceeds cost (got \"1.500,00\")",
    ]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].subsidy.toFixed()).toBe("1500");
  });

  it("negative hours (a correction) are not a warning", async () => {
    const r = await read("hours", HOURS_NL + "07/02/2025;Q-Jobs;KND-3;-3,25;\n");
    expect(r.issues).toEqual([]);
    expect(r.rows[0].hours.toFixed()).toBe("-3.25");
  });
});

describe("all problems at once", () => {
  it("reports every bad cell of every row, in line order, and keeps the good rows", async () => {
    const r = await read(
      "hours",
      HOURS_NL +
        "03/03/2025;Flexer;KND-1;7,6;BLM\n" +
        "32/03/2025;Flexr;;7,5u;BLX\n" +
        "05/03/2025;Flexer;KND-2;30;\n" +
        "06/03/2025;Flexer;KND-2;x;\n",
      undefined,
      "all.csv",
    );
    expect(r.text).toEqual([
      'exports/all.csv:3: column \'datum\': not a date (got "32/03/2025")\n  hint: write 2025-03-31 or 31/03/2025',
      'exports/all.csv:3: column \'uitzendpartner\': unknown NEC partner (got "Flexr")\n  hint: did you mean "Flexer"?',
      "exports/all.csv:3: column 'kandidaat': missing value",
      'exports/all.csv:3: column \'uren\': not a number (got "7,5u")',
      'exports/all.csv:3: column \'toeleider\': unknown SE partner (got "BLX")\n  hint: did you mean "BLM"?',
      'exports/all.csv:4: warning: column \'uren\': more than 24 hours on one row (got "30")',
      'exports/all.csv:5: column \'uren\': not a number (got "x")',
    ]);
    expect(r.rows.map((x: any) => x.source.line)).toEqual([2, 4]);
    expect(r.meta.rowsRead).toBe(4);
  });
});

describe("forEachInputRow", () => {
  it("streams rows to a callback with the same meta and issues", async () => {
    const path = put("stream.csv", "date,nec_partner,candidate_id,hours\n2025-01-06,Q-Jobs,K1,7.5\n2025-01-07,Q-Jobs,K1,bad\n2025-01-08,Q-Jobs,K2,8\n");
    const seen: string[] = [];
    const { meta, issues } = await forEachInputRow("hours", path, "exports/stream.csv", CTX, (row) => seen.push(`${row.source.line}:${row.hours.toFixed()}`));
    expect(seen).toEqual(["2:7.5", "4:8"]);
    expect(meta.rowsRead).toBe(3);
    expect(issues.map((i) => i.source?.line)).toEqual([3]);
  });
});
