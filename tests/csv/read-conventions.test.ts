// Each export convention the reader must accept (SPEC §4): encodings,
// delimiters, decimal marks, dates, line endings, header names and order.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cp1252, read } from "./helpers.js";

const fmt = (rows: any[], key: string): string[] => rows.map((r) => r[key].toFixed());

describe("encoding", () => {
  it("reads plain UTF-8 and hashes the raw bytes", async () => {
    const text = "date,nec_partner,candidate_id,hours,client\n2025-01-06,Q-Jobs,KND-0001,7.6,Brasserie Hélène\n";
    const r = await read("hours", text);
    expect(r.issues).toEqual([]);
    expect(r.meta).toEqual({
      file: "exports/hours.csv",
      sha256: createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex"),
      encoding: "utf-8",
      delimiter: ",",
      decimalMark: ".",
      rowsRead: 1,
    });
    expect(r.rows[0].client).toBe("Brasserie Hélène");
  });

  it("reads Windows-1252 so that é, ë and € survive", async () => {
    const text = "datum;uitzendpartner;kandidaat;uren;klant\n03/03/2025;Flexer;KND-0009;7,6;Brasserie Hélène — Noël € 5\n";
    const bytes = cp1252(text);
    expect(bytes.includes(0x80)).toBe(true); // € is one byte, 0x80, in cp1252
    const r = await read("hours", bytes);
    expect(r.issues).toEqual([]);
    expect(r.meta.encoding).toBe("windows-1252");
    expect(r.meta.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(r.rows[0].client).toBe("Brasserie Hélène — Noël € 5");
  });

  it("strips a UTF-8 BOM so the first header is found", async () => {
    const r = await read("hours", "\ufeffdate,nec_partner,candidate_id,hours\r\n2025-01-06,Q-Jobs,KND-0001,8\r\n");
    expect(r.issues).toEqual([]);
    expect(r.meta.encoding).toBe("utf-8-bom");
    expect(r.rows[0].date).toBe("2025-01-06");
  });

  it("honours an encoding override, and refuses invalid UTF-8 when told it is UTF-8", async () => {
    const bytes = cp1252("date,nec_partner,candidate_id,hours,client\n2025-01-06,Q-Jobs,KND-1,8,Geërts\n");
    const forced = await read("hours", bytes, { encoding: "windows-1252" });
    expect(forced.rows[0].client).toBe("Geërts");
    const wrong = await read("hours", bytes, { encoding: "utf-8" });
    expect(wrong.rows).toEqual([]);
    expect(wrong.text[0]).toBe(
      "exports/hours.csv:2: not valid UTF-8\n  hint: the file is set to encoding: utf-8 in menerva.yaml; remove that to read it as Windows-1252",
    );
  });

  it("detects UTF-8 when a multi-byte character straddles the 1 MiB read chunk", async () => {
    const head = "date,nec_partner,candidate_id,hours,client\n";
    const row = "2025-01-06,Q-Jobs,KND-0001,8,Geërts\n";
    const rowBytes = Buffer.byteLength(row);
    const n = Math.floor(((1 << 20) - 500) / rowBytes);
    let body = row.repeat(n);
    // One row whose 'ë' (2 bytes) starts on the last byte of the first 1 MiB chunk.
    const lead = "2025-01-06,Q-Jobs,KND-0001,8,";
    const used = Buffer.byteLength(head) + Buffer.byteLength(body) + Buffer.byteLength(lead);
    body += `${lead}${"x".repeat((1 << 20) - 1 - used)}ë\n` + row.repeat(10);
    expect(Buffer.from(head + body).subarray((1 << 20) - 1, (1 << 20) + 1)).toEqual(Buffer.from("ë"));
    const r = await read("hours", head + body);
    expect(r.meta.encoding).toBe("utf-8");
    expect(r.issues).toEqual([]);
    expect(r.rows).toHaveLength(n + 11);
    expect(r.rows[n].client.endsWith("xë")).toBe(true);
  });
});

describe("delimiter", () => {
  it.each([
    [",", "date,nec_partner,candidate_id,hours\n2025-01-06,Q-Jobs,KND-1,7.5\n"],
    [";", "date;nec_partner;candidate_id;hours\n2025-01-06;Q-Jobs;KND-1;7,5\n"],
    ["\t", "date\tnec_partner\tcandidate_id\thours\n2025-01-06\tQ-Jobs\tKND-1\t7,5\n"],
  ])("sniffs %j from the header", async (d, text) => {
    const r = await read("hours", text);
    expect(r.issues).toEqual([]);
    expect(r.meta.delimiter).toBe(d);
    expect(fmt(r.rows, "hours")).toEqual(["7.5"]);
  });

  it("ignores delimiters inside quoted header text", async () => {
    const r = await read("hours", '"datum, dag";uitzendpartner;kandidaat;uren\n06/01/2025;Q-Jobs;KND-1;"7,5"\n', undefined, "q.csv");
    // `"datum, dag"` is not a known header, so only the delimiter matters here.
    expect(r.meta.delimiter).toBe(";");
  });

  it("keeps a delimiter inside a quoted cell as text", async () => {
    const r = await read("hours", 'date,nec_partner,candidate_id,hours,client\n2025-01-06,Q-Jobs,KND-1,"7,5","Janssens, Bakkerij"\n');
    expect(r.issues).toEqual([]);
    expect(r.rows[0].client).toBe("Janssens, Bakkerij");
    expect(fmt(r.rows, "hours")).toEqual(["7.5"]);
  });

  it("honours a delimiter override", async () => {
    const r = await read("hours", "date|nec_partner|candidate_id|hours\n2025-01-06|Q-Jobs|KND-1|8\n", { delimiter: "|" });
    expect(r.issues).toEqual([]);
    expect(r.meta.delimiter).toBe("|");
  });
});

describe("decimal mark", () => {
  it("reads decimal comma with `.` and space thousands", async () => {
    const r = await read(
      "benefits",
      "datum;uitzendpartner;kandidaat;soort;bedrag\n" +
        "13/01/2025;Flexer;KND-1;RSZ;1.234,56\n" +
        "14/01/2025;Flexer;KND-1;RSZ;1 234,56\n" +
        "15/01/2025;Flexer;KND-1;RSZ;1\u00a0000,10\n" +
        "16/01/2025;Flexer;KND-1;RSZ;790\n",
    );
    expect(r.issues).toEqual([]);
    expect(r.meta.decimalMark).toBe(",");
    expect(fmt(r.rows, "amount")).toEqual(["1234.56", "1234.56", "1000.1", "790"]);
  });

  it("reads decimal point with `,` thousands", async () => {
    const r = await read("benefits", 'date,nec_partner,candidate_id,type,amount\n2025-01-13,Itzu Jobs,KND-1,RSZ,"1,234.50"\n2025-01-14,Itzu Jobs,KND-1,RSZ,790.00\n');
    expect(r.issues).toEqual([]);
    expect(r.meta.decimalMark).toBe(".");
    expect(fmt(r.rows, "amount")).toEqual(["1234.5", "790"]);
  });

  it("a file of integers decides nothing and needs nothing", async () => {
    const r = await read("hours", "date,nec_partner,candidate_id,hours\n2025-01-06,Q-Jobs,KND-1,8\n2025-01-07,Q-Jobs,KND-1,-4\n");
    expect(r.issues).toEqual([]);
    expect(r.meta.decimalMark).toBe("none");
    expect(fmt(r.rows, "hours")).toEqual(["8", "-4"]);
  });

  it("resolves an ambiguous cell seen before the deciding one, keeping file order", async () => {
    const r = await read(
      "benefits",
      "datum;uitzendpartner;kandidaat;soort;bedrag\n13/01/2025;Flexer;KND-1;RSZ;1.000\n14/01/2025;Flexer;KND-2;RSZ;8\n15/01/2025;Flexer;KND-3;maatwerk;2.820,00\n16/01/2025;Flexer;KND-4;RSZ;2.500\n",
    );
    expect(r.issues).toEqual([]);
    expect(r.meta.decimalMark).toBe(",");
    expect(r.rows.map((x: any) => x.source.line)).toEqual([2, 3, 4, 5]);
    expect(fmt(r.rows, "amount")).toEqual(["1000", "8", "2820", "2500"]);
  });

  it("decides from any numeric column of the file (staff: fte, cost, subsidy)", async () => {
    const r = await read("staff", "period;partner;role;fte;cost;subsidy\n2025-01;BLM;coach;1;2.500;1.250\n2025-02;BLM;coach;0,5;2.500;1.250\n");
    expect(r.issues).toEqual([]);
    expect(r.meta.decimalMark).toBe(",");
    expect(fmt(r.rows, "cost")).toEqual(["2500", "2500"]);
  });

  it("an undecided file with an ambiguous value is an error at each such cell", async () => {
    const r = await read("benefits", "datum;uitzendpartner;kandidaat;soort;bedrag\n13/01/2025;Flexer;KND-1;RSZ;1.000\n14/01/2025;Flexer;KND-2;RSZ;800\n15/01/2025;Flexer;KND-3;RSZ;2.500\n", undefined, "amb.csv");
    expect(r.text).toEqual([
      'exports/amb.csv:2: column \'bedrag\': ambiguous decimal mark (got "1.000")\n  hint: add decimal: "," or decimal: "." for this input in menerva.yaml',
      'exports/amb.csv:4: column \'bedrag\': ambiguous decimal mark (got "2.500")\n  hint: add decimal: "," or decimal: "." for this input in menerva.yaml',
    ]);
    expect(r.meta.decimalMark).toBe("none");
    expect(r.rows.map((x: any) => x.source.line)).toEqual([3]);
  });

  it("an override settles an ambiguous file", async () => {
    const text = "datum;uitzendpartner;kandidaat;soort;bedrag\n13/01/2025;Flexer;KND-1;RSZ;1.000\n";
    const comma = await read("benefits", text, { decimal: "," });
    expect(comma.issues).toEqual([]);
    expect(comma.meta.decimalMark).toBe(",");
    expect(fmt(comma.rows, "amount")).toEqual(["1000"]);
    const point = await read("benefits", text, { decimal: "." });
    expect(fmt(point.rows, "amount")).toEqual(["1"]);
  });

  it("conflicting marks in one file are an error at the later cell", async () => {
    const r = await read("hours", "date;nec_partner;candidate_id;hours\n2025-01-06;Q-Jobs;KND-1;7.25\n2025-01-07;Q-Jobs;KND-1;7,5\n", undefined, "mix.csv");
    expect(r.text).toEqual([
      'exports/mix.csv:3: column \'hours\': mixed decimal marks (got "7,5")\n  hint: line 2 has "7.25" with a decimal point, this cell uses a decimal comma; add decimal: "," or decimal: "." for this input in menerva.yaml',
    ]);
  });
});

describe("dates, line endings, headers", () => {
  it("reads ISO and day-first dates, also mixed in one file", async () => {
    const r = await read(
      "hours",
      "date,nec_partner,candidate_id,hours\n2025-03-31,Q-Jobs,K,1\n31/03/2025,Q-Jobs,K,1\n1/3/2025,Q-Jobs,K,1\n28-02-2025,Q-Jobs,K,1\n",
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x: any) => x.date)).toEqual(["2025-03-31", "2025-03-31", "2025-03-01", "2025-02-28"]);
  });

  it("gives the same rows and lines for CRLF and LF", async () => {
    const lines = ["date,nec_partner,candidate_id,hours", "2025-01-06,Q-Jobs,K1,7.5", "", "2025-01-07,Q-Jobs,K2,8"];
    const lf = await read("hours", lines.join("\n") + "\n", undefined, "lf.csv");
    const crlf = await read("hours", lines.join("\r\n") + "\r\n", undefined, "crlf.csv");
    const strip = (rows: any[]) => rows.map((x) => ({ ...x, hours: x.hours.toFixed(), source: x.source.line }));
    expect(strip(crlf.rows)).toEqual(strip(lf.rows));
    expect(lf.rows.map((x: any) => x.source.line)).toEqual([2, 4]);
    expect(lf.meta.rowsRead).toBe(2);
  });

  it("accepts Dutch aliases and variants in any order, ignoring extra columns", async () => {
    const r = await read(
      "hours",
      "Opmerking;Kandidaat-ID;UREN;Toeleider;Datum;Uitzendpartner;Klant;Referentie\nbegin;KND-7;7,6;BLM;06/01/2025;Itzu Jobs;Wasserij;R-1\n",
    );
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ candidate: "KND-7", sePartner: "BLM", date: "2025-01-06", necPartner: "Itzu Jobs", client: "Wasserij", reference: "R-1" });
    expect(r.rows[0].hours.toFixed()).toBe("7.6");
  });

  it("accepts English variants with spaces and units", async () => {
    const r = await read("benefits", "Candidate ID,NEC Partner,Date,Type,Amount (EUR),Relates to\nKND-1,Q-Jobs,2025-01-13,RSZ,1000.00,2024-Q4\n");
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ candidate: "KND-1", relatesTo: "2024-Q4", type: "RSZ" });
  });

  it("counts physical lines through multi-line quoted cells and blank lines", async () => {
    const text = [
      "date,nec_partner,candidate_id,hours,client",
      "2025-01-06,Q-Jobs,K1,8,A",
      '2025-01-07,Q-Jobs,K1,8x,"Bakkerij',
      'Janssens"',
      "",
      "2025-01-08,Q-Jobs,K1,9y,B",
      '2025-01-09,Q-Jobs,K1,8,"x\r\ny\r\nz"',
      "2025-01-10,Flexr,K1,8,C",
    ].join("\n");
    const r = await read("hours", text, undefined, "ml.csv");
    expect(r.text).toEqual([
      'exports/ml.csv:3: column \'hours\': not a number (got "8x")',
      'exports/ml.csv:6: column \'hours\': not a number (got "9y")',
      'exports/ml.csv:10: column \'nec_partner\': unknown NEC partner (got "Flexr")\n  hint: did you mean "Flexer"?',
    ]);
    expect(r.rows.map((x: any) => [x.source.line, x.client])).toEqual([
      [2, "A"],
      [7, "x\r\ny\r\nz"],
    ]);
  });

  it("finds the header after leading blank lines and reports its line", async () => {
    const r = await read("hours", "\n\ndate,nec_partner,candidate_id\n2025-01-06,Q-Jobs,K1\n", undefined, "late.csv");
    expect(r.text[0]).toMatch(/^exports\/late\.csv:3: column 'hours': missing column/);
  });

  it("maps a benefit type case-insensitively to its configured spelling", async () => {
    const r = await read("benefits", "date,nec_partner,candidate_id,type,amount\n2025-01-13,Q-Jobs,K1,Maatwerk,1200.00\n2025-01-13,Q-Jobs,K1,rsz,10.00\n");
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x: any) => x.type)).toEqual(["maatwerk", "RSZ"]);
  });

  it("normalises staff periods and keeps NEC rows without cost", async () => {
    const r = await read(
      "staff",
      "periode;partner;persoon;vte;kost;subsidie\n03/2025;BLM;An;0,5;2.500,00;1.250,00\nQ1 2025;LIV aan het werk;Bart;0,5;7.560,00;\nK1 2025;Flexer;Cis;0,2;;\n",
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x: any) => [x.period, x.partner, x.role, x.fte.toFixed(), x.cost?.toFixed(), x.subsidy?.toFixed()])).toEqual([
      ["2025-03", "BLM", "An", "0.5", "2500", "1250"],
      ["2025-Q1", "LIV aan het werk", "Bart", "0.5", "7560", undefined],
      ["2025-Q1", "Flexer", "Cis", "0.2", undefined, undefined],
    ]);
  });

  it("reads other project costs", async () => {
    const r = await read("costs", "datum;omschrijving;bedrag\n05/03/2025;Marketing: flyers;450,00\n");
    expect(r.issues).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ kind: "costs", date: "2025-03-05", description: "Marketing: flyers", source: { file: "exports/costs.csv", line: 2 } });
    expect(r.rows[0].amount.toFixed(2)).toBe("450.00");
  });
});
