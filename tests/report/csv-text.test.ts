// Every CSV menerva writes: formula-like text neutralised, numbers kept as
// numbers, and the excel-be style for people (issue 13, items 10 and 16).
import { fc, test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralise, toCsv } from "../../src/report/csv-text.js";

describe("formula-like text", () => {
  it("gets a leading apostrophe; numbers and plain text do not", () => {
    expect(["=HYPERLINK(\"http://x\",\"klik\")", "+32 475 12 34 56", "-foo", "@SUM(A1)", " =1+1", "\t=1", "＝1+1", "-12.50", "8", "0.21", "Bakkerij Janssens", "KND-0001", ""].map(neutralise)).toEqual([
      "'=HYPERLINK(\"http://x\",\"klik\")",
      "'+32 475 12 34 56",
      "'-foo",
      "'@SUM(A1)",
      "' =1+1",
      "'\t=1",
      "'＝1+1",
      "-12.50",
      "8",
      "0.21",
      "Bakkerij Janssens",
      "KND-0001",
      "",
    ]);
  });

  test.prop([fc.string({ maxLength: 30 })])("no written cell starts a formula unless it is a plain number, and nothing else changes", (s) => {
    const [[cell]] = parse(toCsv([["h"], [s]]), { from_line: 2, relax_column_count: true }) as string[][];
    const out = cell ?? "";
    if (/^-?\d+(\.\d+)?$/.test(s)) expect(out).toBe(s);
    else expect(/^[\s]*[=+\-@＝＋－＠]|^[\t\r]/.test(out)).toBe(false);
    expect(out === s || out === `'${s}`).toBe(true);
  });
});

describe("csv styles", () => {
  const rows = [["partner", "candidate_id", "amount"], ["BLM", "12.5", "-1234.50"], ["=cmd", "K1", "7"]];

  it("plain: comma, decimal point, LF, no BOM", () => {
    expect(toCsv(rows)).toBe("partner,candidate_id,amount\nBLM,12.5,-1234.50\n'=cmd,K1,7\n");
  });

  it("excel-be: semicolon, decimal comma (not in text columns), CRLF and a UTF-8 BOM", () => {
    expect(toCsv(rows, "excel-be", new Set([1]))).toBe("\ufeffpartner;candidate_id;amount\r\nBLM;12.5;-1234,50\r\n'=cmd;K1;7\r\n");
  });
});
