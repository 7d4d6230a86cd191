// Where an export with quoted cells can be cut into chunks of whole records
// (issue 15). A line feed inside a quoted cell does not end a record, so the
// cuts of scan.ts (just after any line feed) are only safe for a file without
// quotes. This follows the quotes through the file, piece by piece, and cuts
// after a line feed outside them — but only while every quote is where
// RFC 4180 puts one: opening a cell (at a line's start or after the
// delimiter), doubled inside a quoted cell, or closing it (before the
// delimiter, a line end or the file's end). csv-parse reads such a file the
// same wherever it is cut at a record's end. A quote anywhere else (`12" pipe`,
// which csv-parse's relax_quotes reads as text) or a quoted cell left open at
// the end makes the file irregular: no cuts, it is read whole as before.
// It also tells whether any quoted cell holds a line break: when none does,
// every line is a record, and the chunks can be read a line at a time.
// Quote, delimiter and line feed are ASCII bytes in UTF-8 and Windows-1252
// alike, so the bytes are followed without decoding them.

const LF = 10;
const CR = 13;
const QUOTE = 34;
const BOM = [0xef, 0xbb, 0xbf];

export class QuotedCuts {
  readonly #delimiter: number;
  readonly #cutEvery: number;
  #cuts: number[] = [];
  /** Bytes fed before the current piece. */
  #offset = 0;
  #nextCut: number;
  #inQuote = false;
  /** A quote inside a quoted cell ended the last piece: the next byte says whether it was doubled or closing. */
  #quotePending = false;
  /** The byte before the current piece (a line feed at the file's start: a cell opens there). */
  #prev = LF;
  #irregularAt = -1;
  /** Bytes of a UTF-8 byte order mark read at the file's start (-1: past it, or none). */
  #bomSeen = 0;
  /** A quoted cell holds a line feed. */
  #multiline = false;
  /** In the current piece: the first line feed at or after where the last search began (n: none). */
  #lfAt = -1;

  /**
   * `delimiter` a single ASCII character; cuts about `cutEvery` bytes apart.
   * `encoding`: a UTF-8 byte order mark is the file's start only in UTF-8
   * (a Windows-1252 file reads its bytes as text, `ï»¿`, as csv-parse does).
   */
  constructor(delimiter: string, cutEvery: number, encoding: "utf-8" | "windows-1252" = "utf-8") {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) throw new Error(`QuotedCuts: a one-byte delimiter, got ${JSON.stringify(delimiter)}`);
    this.#delimiter = delimiter.charCodeAt(0);
    this.#cutEvery = cutEvery;
    this.#nextCut = cutEvery;
    if (encoding !== "utf-8") this.#bomSeen = -1;
  }

  /** Follow the next bytes of the file (the first piece may start with a UTF-8 byte order mark). */
  feed(buf: Uint8Array): void {
    if (this.#irregularAt >= 0) return;
    const n = buf.length;
    let i = 0;
    // a byte order mark (in however many pieces it comes) is not a cell's text: #prev, a line feed, stays
    // the byte before the first cell; bytes before `start` are the mark's
    while (this.#bomSeen >= 0 && this.#bomSeen < 3 && i < n) {
      if (buf[i] !== BOM[this.#bomSeen]) {
        if (this.#bomSeen > 0) this.#prev = BOM[this.#bomSeen - 1]!; // a mark begun, not finished: text
        this.#bomSeen = -1;
        break;
      }
      this.#bomSeen++;
      i++;
    }
    if (this.#bomSeen === 3) this.#bomSeen = -1;
    if (i === n) {
      this.#offset += n;
      return;
    }
    const start = i;
    this.#lfAt = -1;
    if (this.#quotePending && n > 0) {
      this.#quotePending = false;
      if (buf[0] === QUOTE) i = 1; // doubled: still inside the cell
      else if (!this.#closes(buf[0]!)) return this.#irregular(this.#offset - 1);
      else this.#inQuote = false;
    }
    while (i < n) {
      if (this.#inQuote) {
        const q = indexOf(buf, QUOTE, i);
        this.#noteBreak(buf, i, q < 0 ? n : q);
        if (q < 0) break;
        if (q + 1 === n) {
          this.#quotePending = true;
          break;
        }
        const next = buf[q + 1]!;
        if (next === QUOTE) {
          i = q + 2; // a doubled quote
          continue;
        }
        if (!this.#closes(next)) return this.#irregular(this.#offset + q);
        this.#inQuote = false;
        i = q + 1;
        continue;
      }
      // outside a quoted cell: up to the next quote every line feed ends a record
      const q = indexOf(buf, QUOTE, i);
      const upTo = q < 0 ? n : q;
      this.#cutBetween(buf, i, upTo);
      if (q < 0) break;
      const before = q > start ? buf[q - 1]! : this.#prev;
      if (before !== LF && before !== this.#delimiter) return this.#irregular(this.#offset + q);
      this.#inQuote = true;
      i = q + 1;
    }
    if (n > 0) this.#prev = buf[n - 1]!;
    this.#offset += n;
  }

  /**
   * The file is read: the offsets just after a record-ending line feed, about
   * `cutEvery` apart (none past the end), and whether every line is a
   * record (no quoted cell holds a line feed); undefined when the quotes are not
   * all where RFC 4180 puts them.
   */
  end(): { readonly cuts: readonly number[]; readonly linesAreRecords: boolean } | undefined {
    if (this.#quotePending) {
      this.#quotePending = false;
      this.#inQuote = false; // closed by the file's end
    }
    if (this.#inQuote) this.#irregularAt = this.#offset;
    if (this.#irregularAt >= 0) return undefined;
    return { cuts: this.#cuts.filter((c) => c < this.#offset), linesAreRecords: !this.#multiline };
  }

  /** Offset of the first quote out of place (or the end, for a cell left open); -1 while regular. */
  get irregularAt(): number {
    return this.#irregularAt;
  }

  #closes(b: number): boolean {
    return b === this.#delimiter || b === LF || b === CR;
  }

  #irregular(at: number): void {
    this.#irregularAt = at;
  }

  /** Whether buf[from, to), inside a quoted cell, holds a line feed (searched once per line, not per cell). */
  #noteBreak(buf: Uint8Array, from: number, to: number): void {
    if (this.#multiline) return;
    if (this.#lfAt < from) {
      const lf = buf.indexOf(LF, from);
      this.#lfAt = lf < 0 ? buf.length : lf;
    }
    if (this.#lfAt < to) this.#multiline = true;
  }

  /** Cuts after the line feeds of buf[from, to), none of them in a quoted cell. */
  #cutBetween(buf: Uint8Array, from: number, to: number): void {
    while (this.#nextCut < this.#offset + to) {
      const lf = indexOf(buf, LF, Math.max(from, this.#nextCut - this.#offset), to);
      if (lf < 0) return;
      const cut = this.#offset + lf + 1;
      this.#cuts.push(cut);
      this.#nextCut = cut + this.#cutEvery;
    }
  }
}

/** buf.indexOf for a Uint8Array, bounded by `to` (a Buffer's own when it is one). */
function indexOf(buf: Uint8Array, byte: number, from: number, to: number = buf.length): number {
  const at = buf.indexOf(byte, from);
  return at >= to ? -1 : at;
}
