// From one CSV record (an array of cell texts) to a typed input row, or to
// issues that say which cell is wrong and why. Pure. Every problem of a row is
// reported, not just the first; implausible but readable values are warnings
// and the row is kept unchanged.
import { error, t, warning, type Issue, type Text } from "../domain/issues.js";
import type { BenefitRow, HourRow, RowSource, StaffRow } from "../domain/model.js";
import { dec, type Dec } from "../domain/money.js";
import { nearestName, parseDate, parseStaffPeriod } from "./csv-row-cells.js";
import { COLUMNS, indexOf, inKeptQuotes, labelOf, missingColumn, type HeaderMap, type InputKind } from "./csv-row-headers.js";
import type { DecimalMarkState } from "./csv-row-number.js";
import { nameKey, namesByKey, nameProblem } from "./partner-names.js";
import { AMOUNT, FTE_PER_ROW, HOURS_PER_ROW, magnitudeProblem, MAX_TEXT_CHARS, PRECISION_HINT, precisionProblem, textProblem, type NumberLimit } from "./limits.js";

/** Another project cost from a costs export (charged to the reserve). */
export type CostRow = {
  readonly kind: "costs";
  readonly date: string;
  readonly description: string;
  readonly amount: Dec;
  readonly source: RowSource;
};

export type RowOf<K extends InputKind> = K extends "hours"
  ? HourRow
  : K extends "benefits"
    ? BenefitRow
    : K extends "staff"
      ? StaffRow
      : CostRow;

/** What rows are checked against: the configured names. */
export type RowContext = {
  readonly sePartners: readonly string[];
  readonly necPartners: readonly string[];
  readonly benefitTypes: readonly string[];
};

/** Reads the records of one file of one kind; holds per-file caches. */
export type RowReader<R> = {
  /** Indices of the numeric columns, for the decimal-mark pre-scan. */
  readonly numericColumns: readonly number[];
  /** The row, or undefined when it has errors (pushed to `issues`, as are warnings). */
  read(fields: readonly string[], line: number, marks: DecimalMarkState, issues: Issue[]): R | undefined;
};

type Col = { readonly idx: number; readonly label: string };

type Match = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly hint: Text; readonly message?: Text; readonly code?: string };

/** Whose names a matcher knows: the words of its messages. */
type NameKind = "nec" | "se" | "partner" | "benefit-type";

/**
 * Match against configured names by nameKey (case, Unicode form and spaces do
 * not matter; the configured spelling is returned), with a cached "did you
 * mean" hint for near misses, a note when the name belongs to the other side
 * of the partnership, and a refusal of names mixing scripts (look-alikes).
 */
class NameMatcher {
  private readonly cache = new Map<string, Match>();
  private readonly byKey: Map<string, string>;
  constructor(
    private readonly names: readonly string[],
    private readonly kind: NameKind,
    /** Names of the other side of the partnership, and the hint for a name found there. */
    private readonly others: readonly { names: readonly string[]; hint: (name: string) => Text }[] = [],
  ) {
    this.byKey = namesByKey(names);
  }

  match(raw: string): Match {
    let m = this.cache.get(raw);
    if (m === undefined) {
      m = this.compute(raw.trim());
      if (this.cache.size < 10_000) this.cache.set(raw, m);
    }
    return m;
  }

  private compute(s: string): Match {
    if (this.names.includes(s)) return { ok: true, value: s };
    const key = nameKey(s);
    const hit = this.byKey.get(key);
    if (hit !== undefined) return { ok: true, value: hit };
    const bad = nameProblem(s);
    if (bad) return { ok: false, code: "bad-name", message: t("bad-name", { kind: this.kind, problem: bad.problem }), hint: bad.hint };
    for (const o of this.others) {
      if (o.names.some((n) => nameKey(n) === key)) return { ok: false, hint: o.hint(s) };
    }
    const near = nearestName(s, this.names);
    if (near !== undefined) return { ok: false, hint: t("did-you-mean", { name: `"${near}"` }) };
    return { ok: false, hint: t("name.known", { kind: this.kind, names: this.names.join(", ") }) };
  }
}

/** Cell access and issue reporting for one file. */
class Cells {
  constructor(
    readonly map: HeaderMap,
    readonly kind: InputKind,
    readonly file: string,
    /** For a workbook input: the sheet, so issues name the cell (Sheet!B12). */
    readonly sheet?: string,
  ) {}

  col(key: string): Col {
    const spec = COLUMNS[this.kind].find((s) => s.key === key)!;
    return { idx: indexOf(this.map, key), label: labelOf(this.map, spec) };
  }

  /** Where a row is: file and line, and the sheet of a workbook input (file.xlsx:Sheet:12). */
  rowSource(line: number): RowSource {
    return this.sheet === undefined ? { file: this.file, line } : { file: this.file, line, sheet: this.sheet };
  }

  static text(f: readonly string[], c: Col): string {
    return c.idx < 0 ? "" : (f[c.idx] ?? "");
  }

  issue(
    issues: Issue[],
    severity: "error" | "warning",
    code: string,
    message: Text,
    line: number,
    c: Col,
    found?: string,
    hint?: Text,
  ): void {
    const help = found !== undefined && this.quotesKept(found) ? t("quotes-kept.hint") : hint;
    issues.push({
      severity,
      code,
      message,
      source: this.sheet === undefined ? { file: this.file, line } : { file: this.file, line, sheet: this.sheet, ...(c.idx >= 0 ? { column: c.idx + 1 } : {}) },
      subject: t("subject.column", { name: c.label }),
      ...(found !== undefined ? { found } : {}),
      ...(help !== undefined ? { hint: help } : {}),
    });
  }

  /**
   * Whether a CSV cell holds the quotes meant to surround it: a space between
   * a quote and its delimiter (`"11/03/2025" ;`) makes the quotes part of the
   * text, and then that, not the date or number inside, is what to fix.
   */
  private quotesKept(found: string): boolean {
    if (this.sheet !== undefined) return false;
    const s = found.trim();
    return inKeptQuotes(s) && s !== found;
  }

  /** A required text cell, trimmed; undefined (and a "missing value" issue) when empty. */
  required(f: readonly string[], c: Col, line: number, issues: Issue[]): string | undefined {
    const s = Cells.text(f, c).trim();
    if (s === "") {
      this.issue(issues, "error", "missing-value", t("missing-value"), line, c);
      return undefined;
    }
    return s;
  }

  /**
   * A candidate id: required, and on one line. A line break or tab in it
   * comes from a quote that opened in the cell and closed lines later (or
   * an id typed across lines): it would split the candidate's rows and
   * print across lines in every table.
   */
  candidate(f: readonly string[], c: Col, line: number, issues: Issue[]): string | undefined {
    const s = this.required(f, c, line, issues);
    if (s === undefined) return s;
    if (/[\r\n\t]/.test(s)) {
      this.issue(issues, "error", "candidate-not-one-line", t("candidate-not-one-line"), line, c, s, t("candidate-not-one-line.hint"));
      return undefined;
    }
    // `"KND-9" ;`: the quotes stayed in the cell (a space outside them), and "KND-9" with quotes would be another candidate
    if (inKeptQuotes(s)) {
      this.issue(issues, "error", "candidate-quoted", t("candidate-quoted"), line, c, Cells.text(f, c), this.sheet === undefined ? t("quotes-kept.hint") : undefined);
      return undefined;
    }
    return s;
  }

  /** An optional text cell, trimmed; undefined when empty or absent. */
  static optional(f: readonly string[], c: Col): string | undefined {
    const s = Cells.text(f, c).trim();
    return s === "" ? undefined : s;
  }

  date(f: readonly string[], c: Col, line: number, issues: Issue[], cache: Map<string, string | undefined>): string | undefined {
    const raw = Cells.text(f, c);
    if (raw.trim() === "") return this.required(f, c, line, issues);
    let d = cache.get(raw);
    if (d === undefined && !cache.has(raw)) {
      d = parseDate(raw);
      if (cache.size < 10_000) cache.set(raw, d);
    }
    if (d === undefined) {
      this.issue(issues, "error", "not-a-date", t("not-a-date"), line, c, raw, t("not-a-date.hint"));
    }
    return d;
  }

  /** A number within `limit` (README "Limits"); undefined (and an issue) when it is not one. */
  number(f: readonly string[], c: Col, line: number, marks: DecimalMarkState, issues: Issue[], limit: NumberLimit, required = true): Dec | undefined {
    const raw = Cells.text(f, c);
    if (raw.trim() === "") {
      if (required) this.issue(issues, "error", "missing-value", t("missing-value"), line, c);
      return undefined;
    }
    const r = marks.read(raw, line, c.idx);
    if (!r.ok) {
      this.issue(issues, "error", r.code, r.message, line, c, raw, r.hint);
      return undefined;
    }
    const digits = precisionProblem(r.value);
    if (digits !== undefined) {
      this.issue(issues, "error", "number-too-precise", digits, line, c, raw, PRECISION_HINT);
      return undefined;
    }
    const big = magnitudeProblem(r.value, limit);
    if (big === undefined) return r.value;
    this.issue(issues, "error", "number-too-large", big, line, c, raw, t("number-too-large.hint"));
    return undefined;
  }

  /** An amount in euro: a number with at most two decimals (cents), below 10^12. */
  money(f: readonly string[], c: Col, line: number, marks: DecimalMarkState, issues: Issue[]): Dec | undefined {
    const a = this.number(f, c, line, marks, issues, AMOUNT);
    if (a === undefined || a.decimalPlaces() <= 2) return a;
    this.issue(issues, "error", "more-than-cents", t("more-than-cents"), line, c, Cells.text(f, c), t("more-than-cents.hint"));
    return undefined;
  }

  name(f: readonly string[], c: Col, line: number, issues: Issue[], m: NameMatcher, code: "unknown-nec-partner" | "unknown-se-partner" | "unknown-partner" | "unknown-benefit-type", required = true): string | undefined {
    const raw = Cells.text(f, c);
    if (raw.trim() === "") return required ? this.required(f, c, line, issues) : undefined;
    const r = m.match(raw);
    if (r.ok) return r.value;
    this.issue(issues, "error", r.code ?? code, r.message ?? t(`unknown-name.${code}`), line, c, raw, r.hint);
    return undefined;
  }
}

/** The hint for a name of the other side: an SE partner in an agency's column, or the reverse. */
const IS_SE = (name: string): Text => t("name.is-se-not-nec", { name });
const IS_NEC = (name: string): Text => t("name.is-nec-not-se", { name });

function hoursReader(cells: Cells, ctx: RowContext): RowReader<HourRow> {
  const [date, nec, cand, hours, se, client, ref] = ["date", "nec_partner", "candidate_id", "hours", "se_partner", "client", "reference"].map(
    (k) => cells.col(k),
  ) as [Col, Col, Col, Col, Col, Col, Col];
  const necM = new NameMatcher(ctx.necPartners, "nec", [{ names: ctx.sePartners, hint: IS_SE }]);
  const seM = new NameMatcher(ctx.sePartners, "se", [{ names: ctx.necPartners, hint: IS_NEC }]);
  const dates = new Map<string, string | undefined>();
  // Built once: a Decimal per comparison would cost more than the row itself.
  const TWENTY_FOUR = dec("24");
  return {
    numericColumns: [hours.idx],
    read(f, line, marks, issues) {
      const before = issues.length;
      const d = cells.date(f, date, line, issues, dates);
      const n = cells.name(f, nec, line, issues, necM, "unknown-nec-partner");
      const c = cells.candidate(f, cand, line, issues);
      const h = cells.number(f, hours, line, marks, issues, HOURS_PER_ROW);
      const s = cells.name(f, se, line, issues, seM, "unknown-se-partner", false);
      if (issues.length !== before || d === undefined || n === undefined || c === undefined || h === undefined) return undefined;
      if (h.greaterThan(TWENTY_FOUR)) {
        cells.issue(issues, "warning", "over-24-hours", t("over-24-hours"), line, hours, Cells.text(f, hours));
      }
      const cl = Cells.optional(f, client);
      const rf = Cells.optional(f, ref);
      return {
        kind: "hours",
        date: d,
        necPartner: n,
        candidate: c,
        hours: h,
        ...(s !== undefined ? { sePartner: s } : {}),
        ...(cl !== undefined ? { client: cl } : {}),
        ...(rf !== undefined ? { reference: rf } : {}),
        source: cells.rowSource(line),
      };
    },
  };
}

function benefitsReader(cells: Cells, ctx: RowContext): RowReader<BenefitRow> {
  const [date, nec, cand, type, amount, rel, ref] = ["date", "nec_partner", "candidate_id", "type", "amount", "relates_to", "reference"].map((k) =>
    cells.col(k),
  ) as [Col, Col, Col, Col, Col, Col, Col];
  const necM = new NameMatcher(ctx.necPartners, "nec", [{ names: ctx.sePartners, hint: IS_SE }]);
  const typeM = new NameMatcher(ctx.benefitTypes, "benefit-type");
  const dates = new Map<string, string | undefined>();
  return {
    numericColumns: [amount.idx],
    read(f, line, marks, issues) {
      const before = issues.length;
      const d = cells.date(f, date, line, issues, dates);
      const n = cells.name(f, nec, line, issues, necM, "unknown-nec-partner");
      const c = cells.candidate(f, cand, line, issues);
      const bt = cells.name(f, type, line, issues, typeM, "unknown-benefit-type");
      const a = cells.money(f, amount, line, marks, issues);
      if (issues.length !== before || d === undefined || n === undefined || c === undefined || bt === undefined || a === undefined) return undefined;
      if (a.isNegative()) {
        cells.issue(issues, "warning", "negative-benefit", t("negative-benefit"), line, amount, Cells.text(f, amount));
      }
      const r = Cells.optional(f, rel);
      const rf = Cells.optional(f, ref);
      return {
        kind: "benefits",
        date: d,
        necPartner: n,
        candidate: c,
        type: bt,
        amount: a,
        ...(r !== undefined ? { relatesTo: r } : {}),
        ...(rf !== undefined ? { reference: rf } : {}),
        source: cells.rowSource(line),
      };
    },
  };
}

function staffReader(cells: Cells, ctx: RowContext, headerLine: number): RowReader<StaffRow> {
  const [period, partner, role, person, fte, cost, subsidy] = ["period", "partner", "role", "person", "fte", "cost", "subsidy"].map((k) =>
    cells.col(k),
  ) as [Col, Col, Col, Col, Col, Col, Col];
  const all = [...ctx.sePartners, ...ctx.necPartners];
  const partnerM = new NameMatcher(all, "partner");
  const isSe = new Set(ctx.sePartners);
  const FTE_LIMIT = dec("1.5");
  let costColumnReported = false;
  const file = cells.file;
  return {
    numericColumns: [fte.idx, cost.idx, subsidy.idx].filter((i) => i >= 0),
    read(f, line, marks, issues) {
      const before = issues.length;
      const praw = Cells.text(f, period);
      let p: string | undefined;
      if (praw.trim() === "") cells.required(f, period, line, issues);
      else if ((p = parseStaffPeriod(praw)) === undefined) {
        cells.issue(issues, "error", "not-a-period", t("not-a-period"), line, period, praw, t("not-a-period.hint"));
      }
      const who = cells.name(f, partner, line, issues, partnerM, "unknown-partner");
      const r = Cells.optional(f, role) ?? Cells.optional(f, person);
      if (r === undefined) cells.required(f, role.idx >= 0 ? role : person, line, issues);
      const v = cells.number(f, fte, line, marks, issues, FTE_PER_ROW);
      if (v !== undefined && v.isNegative()) {
        cells.issue(issues, "error", "negative-fte", t("negative-fte"), line, fte, Cells.text(f, fte));
      }
      const se = who !== undefined && isSe.has(who);
      let k: Dec | undefined;
      if (cost.idx < 0) {
        if (se && !costColumnReported) {
          costColumnReported = true;
          const spec = COLUMNS.staff.find((s) => s.key === "cost")!;
          const { found: _none, ...missing } = missingColumn(cells.map, spec, [], file, headerLine);
          issues.push({ ...missing, hint: t("staff-cost-column.hint", { line }) });
        }
      } else {
        k = cells.number(f, cost, line, marks, issues, AMOUNT, se);
      }
      const s = subsidy.idx < 0 ? undefined : cells.number(f, subsidy, line, marks, issues, AMOUNT, false);
      if (issues.length !== before || p === undefined || who === undefined || r === undefined || v === undefined) return undefined;
      if (v.greaterThan(FTE_LIMIT)) {
        cells.issue(issues, "warning", "fte-over-limit", t("fte-over-limit"), line, fte, Cells.text(f, fte));
      }
      if (!se && k !== undefined) {
        cells.issue(issues, "warning", "nec-cost-ignored", t("nec-cost-ignored"), line, cost, Cells.text(f, cost));
      }
      if (k !== undefined && s !== undefined && s.greaterThan(k)) {
        cells.issue(issues, "warning", "subsidy-over-cost", t("subsidy-over-cost"), line, subsidy, Cells.text(f, subsidy));
      }
      return {
        kind: "staff",
        period: p,
        partner: who,
        role: r,
        fte: v,
        ...(k !== undefined ? { cost: k } : {}),
        ...(s !== undefined ? { subsidy: s } : {}),
        source: cells.rowSource(line),
      };
    },
  };
}

function costsReader(cells: Cells): RowReader<CostRow> {
  const [date, desc, amount] = ["date", "description", "amount"].map((k) => cells.col(k)) as [Col, Col, Col];
  const dates = new Map<string, string | undefined>();
  return {
    numericColumns: [amount.idx],
    read(f, line, marks, issues) {
      const before = issues.length;
      const d = cells.date(f, date, line, issues, dates);
      const t = cells.required(f, desc, line, issues);
      const a = cells.money(f, amount, line, marks, issues);
      if (issues.length !== before || d === undefined || t === undefined || a === undefined) return undefined;
      return { kind: "costs", date: d, description: t, amount: a, source: cells.rowSource(line) };
    },
  };
}

/**
 * Every cell the reader uses is checked for length first: a row with a cell
 * past MAX_TEXT_CHARS is one error at that cell, and none of its cells is
 * parsed (a megabyte cell must cost microseconds, not a date or name search).
 */
function withCellLengths<R>(reader: RowReader<R>, cells: Cells, kind: InputKind): RowReader<R> {
  const used = COLUMNS[kind].map((s) => cells.col(s.key)).filter((c) => c.idx >= 0);
  return {
    numericColumns: reader.numericColumns,
    read(f, line, marks, issues) {
      let bad = false;
      for (const c of used) {
        const raw = f[c.idx];
        if (raw === undefined || raw.length <= MAX_TEXT_CHARS) continue;
        cells.issue(issues, "error", "cell-too-long", textProblem(raw)!, line, c, raw, t("cell-too-long.hint"));
        bad = true;
      }
      return bad ? undefined : reader.read(f, line, marks, issues);
    },
  };
}

/**
 * A CSV row with cells past its header's, not empty, has text no column
 * reads: a delimiter in an unquoted text (a warning: the row is read), or a
 * quote that does not close, whose cell ran on into the next line and took
 * that line's cells along (an error: the swallowed line would be lost
 * without a word), or, in a file without quotes whose first line ends in
 * CRLF, a line ending in a line feed alone, read on into the next the same
 * way (an error too, worded for what it is). Blank cells past the header (`a;b;c;`) are common and
 * harmless. Not for a workbook, whose cells hold line breaks of their own.
 */
function withRowWidth<R>(reader: RowReader<R>, cells: Cells, width: number, mixedLineEnds: boolean): RowReader<R> {
  return {
    numericColumns: reader.numericColumns,
    read(f, line, marks, issues) {
      if (f.length <= width) return reader.read(f, line, marks, issues);
      let past = "";
      for (let i = width; i < f.length && past === ""; i++) past = f[i]!.trim();
      if (past === "") return reader.read(f, line, marks, issues);
      const breaks = f.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      const source = cells.rowSource(line);
      if (breaks > 0) {
        // shown: the cell that ran on (where the quote opened), else the first cell past the header
        const found = f.find((c) => /[\r\n]/.test(c)) ?? past;
        // a line feed alone in a file of CRLF lines: no quote at all, the line simply did not end as the first one did
        const code = mixedLineEnds && /(?:^|[^\r])\n/.test(found) ? "row-mixed-line-ends" : "row-swallowed-line";
        issues.push(error(code, { lines: breaks + 1, cells: f.length, width }, { source, found, hint: t(`${code}.hint`) }));
        return undefined;
      }
      issues.push(warning("row-extra-cells", { cells: f.length, width }, { source, found: past, hint: t("row-extra-cells.hint") }));
      return reader.read(f, line, marks, issues);
    },
  };
}

/**
 * A reader for one file whose header has been resolved (all required columns
 * present); `mixedLineEnds`: the CSV file's first line ends in CRLF and a
 * later one in a line feed alone (scan.ts).
 */
export function rowReader<K extends InputKind>(kind: K, map: HeaderMap, ctx: RowContext, file: string, headerLine: number, sheet?: string, mixedLineEnds = false): RowReader<RowOf<K>> {
  const cells = new Cells(map, kind, file, sheet);
  const inner =
    kind === "hours"
      ? hoursReader(cells, ctx)
      : kind === "benefits"
        ? benefitsReader(cells, ctx)
        : kind === "staff"
          ? staffReader(cells, ctx, headerLine)
          : costsReader(cells);
  const checked = withCellLengths(inner as RowReader<unknown>, cells, kind);
  const r = sheet === undefined ? withRowWidth(checked, cells, map.width, mixedLineEnds) : checked;
  return r as unknown as RowReader<RowOf<K>>;
}
