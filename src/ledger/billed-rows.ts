// The rows a close billed, as the ledger keeps them (issue 11): everything a
// later reversal needs (NEC partner, date, candidate, quantity, the rate or
// benefit type and share it was billed at) and each row's identity, in a
// compact columnar form inside the canonical JSON record:
//   partners / candidates / prices — tables of distinct values;
//   groups — [partner, date, price, row count]: rows sharing them, in order;
//   fp     — each row's 128-bit fingerprint as 22 base64url characters, concatenated;
//   occ    — [row, occurrence] for the rare rows repeated inside one export;
//   qty    — exact quantities, space-separated, in row order;
//   cand   — candidate indexes in base 36, space-separated, in row order.
// About 31 bytes per row against 37 for the bare id list it replaces (npm run bench).

/** One billed row going into a record. `id` is "<32 hex>#<occurrence>". */
export type BilledRowIn = {
  readonly id: string;
  readonly kind: "hours" | "benefits";
  readonly necPartner: string;
  readonly date: string;
  readonly candidate: string;
  /** Exact decimal text ("7.6", "-1000.5"). */
  readonly quantity: string;
  /** Hours: the rate; benefits: the share (exact decimal text). */
  readonly price: string;
  /** Benefits: the benefit type. */
  readonly type?: string;
};

/** A price: ["h", rate] for hours, ["b", type, share] for benefits. */
export type PriceEntry = ["h", string] | ["b", string, string];

export type BilledColumns = {
  partners: string[];
  candidates: string[];
  prices: PriceEntry[];
  groups: [number, string, number, number][];
  fp: string;
  occ: [number, number][];
  qty: string;
  cand: string;
};

/** Row ids of reversed rows (same fp / occ encoding). */
export type RowIdColumns = { fp: string; occ: [number, number][] };

const FP_CHARS = 22;

/** Number of rows in a column set (billed or reversed). */
export const rowCount = (c: RowIdColumns): number => c.fp.length / FP_CHARS;

const B64URL = Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", "latin1");

/**
 * The fingerprints of `ids` ("<32 hex>#n"), each as 22 base64url characters,
 * concatenated: written straight into one buffer, without a string per row
 * (the same characters Buffer's base64url gives for each 16 bytes).
 */
function fingerprintColumn(ids: readonly string[]): string {
  const out = Buffer.allocUnsafe(ids.length * FP_CHARS);
  const raw = Buffer.allocUnsafe(16);
  let o = 0;
  for (const id of ids) {
    raw.write(id, 0, 16, "hex");
    for (let i = 0; i < 15; i += 3) {
      const n = (raw[i]! << 16) | (raw[i + 1]! << 8) | raw[i + 2]!;
      out[o++] = B64URL[(n >> 18) & 63]!;
      out[o++] = B64URL[(n >> 12) & 63]!;
      out[o++] = B64URL[(n >> 6) & 63]!;
      out[o++] = B64URL[n & 63]!;
    }
    out[o++] = B64URL[raw[15]! >> 2]!;
    out[o++] = B64URL[(raw[15]! & 3) << 4]!;
  }
  return out.toString("latin1");
}

const occurrenceOf = (id: string): number => Number(id.slice(id.indexOf("#") + 1));

/** "<32 hex>#n" → [22 base64url chars, n]. */
function splitId(id: string): [string, number] {
  const hash = id.indexOf("#");
  return [Buffer.from(id.slice(0, hash), "hex").toString("base64url"), Number(id.slice(hash + 1))];
}

const joinId = (b64: string, occ: number): string => `${Buffer.from(b64, "base64url").toString("hex")}#${occ}`;

/** Encode ids alone (reversed rows), keeping their order. */
export function encodeIds(ids: Iterable<string>): RowIdColumns {
  let fp = "";
  const occ: [number, number][] = [];
  let i = 0;
  for (const id of ids) {
    const [b, n] = splitId(id);
    fp += b;
    if (n !== 0) occ.push([i, n]);
    i++;
  }
  return { fp, occ };
}

export function decodeIds(c: RowIdColumns): string[] {
  const n = c.fp.length / FP_CHARS;
  const occ = new Map(c.occ);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = joinId(c.fp.slice(i * FP_CHARS, (i + 1) * FP_CHARS), occ.get(i) ?? 0);
  return out;
}

/** Index of a value in a table of distinct values, adding it when new. */
class Table<K> {
  readonly values: K[] = [];
  private readonly index = new Map<string, number>();
  of(key: string, value: K): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(key, i);
    }
    return i;
  }
}

/**
 * Encode billed rows. Rows are grouped by (partner, date, price) in the order
 * the groups first appear, and keep their input order inside a group: one
 * pass, no sort, no per-row key strings (this runs over every billed row of a close).
 */
export function encodeBilled(rows: Iterable<BilledRowIn>): BilledColumns {
  const partners = new Table<string>();
  const candidates = new Table<string>();
  const prices = new Table<PriceEntry>();
  // A group keeps its rows' columns as they will be written (id, quantity, candidate index), not the
  // row objects: the caller's rows can be dropped as they are read; the id and quantity strings are the caller's.
  type Group = { key: [number, string, number]; ids: string[]; qty: string[]; cand: number[] };
  const groups: Group[] = [];
  // partner → price → date → group
  const index = new Map<number, Map<number, Map<string, Group>>>();
  for (const r of rows) {
    const p = partners.of(r.necPartner, r.necPartner);
    const price = r.kind === "hours" ? prices.of(`h\u0000${r.price}`, ["h", r.price]) : prices.of(`b\u0000${r.type ?? ""}\u0000${r.price}`, ["b", r.type ?? "", r.price]);
    let byPrice = index.get(p);
    if (!byPrice) index.set(p, (byPrice = new Map()));
    let byDate = byPrice.get(price);
    if (!byDate) byPrice.set(price, (byDate = new Map()));
    let g = byDate.get(r.date);
    if (!g) {
      byDate.set(r.date, (g = { key: [p, r.date, price], ids: [], qty: [], cand: [] }));
      groups.push(g);
    }
    g.ids.push(r.id);
    g.qty.push(r.quantity);
    g.cand.push(candidates.of(r.candidate, r.candidate));
  }
  const occ: [number, number][] = [];
  const outGroups: [number, string, number, number][] = [];
  let i = 0;
  for (const g of groups) {
    outGroups.push([...g.key, g.ids.length]);
    for (const id of g.ids) {
      if (!id.endsWith("#0")) occ.push([i, occurrenceOf(id)]);
      i++;
    }
  }
  return {
    partners: partners.values,
    candidates: candidates.values,
    prices: prices.values,
    groups: outGroups,
    fp: fingerprintColumn(groups.flatMap((g) => g.ids)),
    occ,
    qty: groups.map((g) => g.qty.join(" ")).filter((q) => q !== "").join(" "),
    cand: groups.map((g) => g.cand.map((c) => c.toString(36)).join(" ")).join(" "),
  };
}

/** A billed row read back from a record. */
export type BilledRowOut = {
  readonly id: string;
  readonly kind: "hours" | "benefits";
  readonly necPartner: string;
  readonly date: string;
  readonly candidate: string;
  readonly quantity: string;
  readonly price: string;
  readonly type?: string;
};

/** Random access to a record's billed rows (decoded lazily, row by row). */
export class BilledTable {
  readonly length: number;
  private readonly groupOf: Uint32Array;
  private readonly qty: string[];
  private readonly cand: string[];
  private readonly occ: Map<number, number>;

  constructor(private readonly c: BilledColumns) {
    this.length = c.fp.length / FP_CHARS;
    this.groupOf = new Uint32Array(this.length);
    let i = 0;
    c.groups.forEach((g, gi) => {
      this.groupOf.fill(gi, i, i + g[3]);
      i += g[3];
    });
    this.qty = this.length === 0 ? [] : c.qty.split(" ");
    this.cand = this.length === 0 ? [] : c.cand.split(" ");
    this.occ = new Map(c.occ);
  }

  id(i: number): string {
    return joinId(this.c.fp.slice(i * FP_CHARS, (i + 1) * FP_CHARS), this.occ.get(i) ?? 0);
  }

  row(i: number): BilledRowOut {
    const [p, date, price] = this.c.groups[this.groupOf[i]!]!;
    const pr = this.c.prices[price]!;
    return {
      id: this.id(i),
      kind: pr[0] === "h" ? "hours" : "benefits",
      necPartner: this.c.partners[p]!,
      date,
      candidate: this.c.candidates[parseInt(this.cand[i]!, 36)]!,
      quantity: this.qty[i]!,
      price: pr[0] === "h" ? pr[1] : pr[2],
      ...(pr[0] === "b" ? { type: pr[1] } : {}),
    };
  }

  /** Every id, in row order. */
  ids(): string[] {
    const out: string[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.id(i);
    return out;
  }
}

export const EMPTY_BILLED: BilledColumns = { partners: [], candidates: [], prices: [], groups: [], fp: "", occ: [], qty: "", cand: "" };
