// The common row of an export without the row reader and without a Decimal
// (issue 15): cells the row reader already accepted in this chunk, plain
// numbers and strict dates (plain-cells.ts) read straight to the values the
// row encoder takes (row-encoder.ts); anything else goes to the row reader,
// which decides and words the problems (schema/rows.ts).
import type { BenefitRow, HourRow } from "../domain/model.js";
import { D } from "../domain/money.js";
import { dayNumber, isoOfDay } from "../domain/period.js";
import { COLUMNS, indexOf, type HeaderMap } from "../schema/csv-row-headers.js";
import type { DecimalMarkState } from "../schema/csv-row-number.js";
import { MAX_TEXT_CHARS } from "../schema/limits.js";
import type { ChunkTask } from "./parse-chunk.js";
import { plainQuantity, strictDayCached } from "./plain-cells.js";
import { quantityOf, type Quantity, type rowEncoder, type RowValues } from "./row-encoder.js";

export type FastPath = {
  /** Encode the record when every cell is one the row reader already accepted (or a plain number); false: use the row reader. */
  read(fields: readonly string[], line: number): boolean;
  /** Remember the cells of a row the row reader accepted without any remark. */
  learn(fields: readonly string[], row: HourRow | BenefitRow): void;
};

const LEARNED = 10_000;

/**
 * The common row without the row reader (schema/rows.ts) and without a
 * Decimal: each cell is a text the row reader already accepted in this file
 * (a date, a partner, a benefit type) or a plain number in the file's mark
 * (`7.25`, `1234,5`: digits, at most one decimal mark, no sign, no thousands
 * separator, within the limits and without a warning), so it reads to the
 * same value. Anything else — a sign, a separator, a cell seen for the first
 * time, a warning to give — goes through the row reader.
 */
export function fastPath(task: ChunkTask, map: HeaderMap, marks: DecimalMarkState, enc: ReturnType<typeof rowEncoder>): FastPath {
  const hours = task.kind === "hours";
  const col = (k: string): number => indexOf(map, k);
  const used = COLUMNS[task.kind].map((c) => col(c.key)).filter((i) => i >= 0);
  const date = col("date");
  const nec = col("nec_partner");
  const cand = col("candidate_id");
  const num = col(hours ? "hours" : "amount");
  const extra = col(hours ? "se_partner" : "relates_to");
  const client = hours ? col("client") : -1;
  const ref = col("reference");
  const type = hours ? -1 : col("type");
  const width = map.width;
  const text = (f: readonly string[], i: number): string => (i < 0 ? "" : (f[i] ?? ""));
  const optional = (f: readonly string[], i: number): string | undefined => {
    const t = text(f, i).trim();
    return t === "" ? undefined : t;
  };
  const dates = new Map<string, { iso: string; day: number; piece: string }>();
  const necs = new Map<string, number>();
  const ses = new Map<string, string>();
  const types = new Map<string, number>();
  const necIndex = new Map(task.names.necPartners.map((n, i) => [n, i]));
  const typeIndex = new Map(task.names.benefitTypes.map((t, i) => [t, i]));
  const necNames = task.names.necPartners;
  const typeNames = task.names.benefitTypes;
  // facts per day number, in an array from the first day seen (widened as needed)
  let factsFrom = 0;
  let facts: ({ iso: string; day: number; piece: string } | undefined)[] = [];
  const dayFacts = (day: number): { iso: string; day: number; piece: string } => {
    if (facts.length === 0) factsFrom = day - 512;
    if (day < factsFrom) {
      facts = [...new Array<undefined>(factsFrom - day + 512), ...facts];
      factsFrom = day - 512;
    }
    let x = facts[day - factsFrom];
    if (x === undefined) {
      const iso = isoOfDay(day);
      x = facts[day - factsFrom] = { iso, day, piece: JSON.stringify(iso) };
    }
    return x;
  };
  // A plain number in the file's mark: digits, marks, thousands separators (plainQuantity).
  // The few distinct values of hours are kept; amounts, mostly distinct, are read each time.
  const known = new Map<string, Quantity>();
  const quantity = (raw: string): Quantity | undefined => {
    if (!hours) return readQuantity(raw);
    const k = known.get(raw);
    if (k !== undefined) return k;
    const q = readQuantity(raw);
    if (q !== undefined && known.size < 1024) known.set(raw, q);
    return q;
  };
  const readQuantity = (raw: string): Quantity | undefined => plainQuantity(raw, marks.mark!, hours);
  const v: RowValues = { line: 0, date: "", day: -1, datePiece: "", nec: 0, candidate: "", qty: quantityOf(new D(0)), type: 0, extra: undefined, client: undefined, reference: undefined };
  return {
    read(f, line) {
      if (marks.mark === undefined) return false;
      // cells past the header's, not blank: the row rules say what they are (rows.ts withRowWidth)
      if (f.length > width) for (let i = width; i < f.length; i++) if (f[i]!.trim() !== "") return false;
      for (const i of used) {
        const c = f[i];
        if (c !== undefined && c.length > MAX_TEXT_CHARS) return false;
      }
      const rawDate = text(f, date);
      // a strict date by its digits (no string hash), each calendar day checked once; other forms as learned
      const day = strictDayCached(rawDate);
      const d = day >= 0 ? dayFacts(day) : dates.get(rawDate);
      if (d === undefined) return false;
      const rawNec = text(f, nec);
      let n = -1;
      for (let k = 0; k < necNames.length; k++) if (necNames[k] === rawNec) n = k;
      if (n < 0) n = necs.get(rawNec) ?? -1;
      if (n < 0) return false;
      const c = text(f, cand).trim();
      // an empty id, one not on one line or one with a quote: the row rules say what is wrong (rows.ts)
      if (c === "" || c.includes("\n") || c.includes("\r") || c.includes("\t") || c.includes('"')) return false;
      const q = quantity(text(f, num));
      if (q === undefined) return false;
      let x: string | undefined;
      let t = 0;
      if (hours) {
        const raw = text(f, extra);
        if (raw.trim() !== "") {
          x = ses.get(raw);
          if (x === undefined) return false;
        }
      } else {
        const rawType = text(f, type);
        let tt = -1;
        for (let k = 0; k < typeNames.length; k++) if (typeNames[k] === rawType) tt = k;
        if (tt < 0) tt = types.get(rawType) ?? -1;
        if (tt < 0) return false;
        t = tt;
        x = optional(f, extra);
      }
      v.line = line;
      v.date = d.iso;
      v.day = d.day;
      v.datePiece = d.piece;
      v.nec = n;
      v.candidate = c;
      v.qty = q;
      v.type = t;
      v.extra = x;
      v.client = hours ? optional(f, client) : undefined;
      v.reference = optional(f, ref);
      enc.emitValues(v);
      return true;
    },
    learn(f, row) {
      if (dates.size < LEARNED) dates.set(text(f, date), { iso: row.date, day: dayNumber(row.date), piece: JSON.stringify(row.date.trim()) });
      if (necs.size < LEARNED) necs.set(text(f, nec), necIndex.get(row.necPartner)!);
      if (hours) {
        const se = (row as HourRow).sePartner;
        if (se !== undefined && ses.size < LEARNED) ses.set(text(f, extra), se);
      } else if (types.size < LEARNED) types.set(text(f, type), typeIndex.get((row as BenefitRow).type)!);
    },
  };
}
