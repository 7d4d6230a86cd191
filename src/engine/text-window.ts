// Reading rows' side texts back from a row store's text file (row-store.ts):
// rows are read in order and their texts lie in order, so a window of the
// file read ahead serves many rows with one read.
import { readSync } from "node:fs";
import { readTexts, type RowTexts } from "./row-layout.js";

export class TextWindow {
  private window = Buffer.alloc(0);
  private windowAt = 0;

  /** `fd`: the text file (a function: the store reopens it after parking); `size`: its bytes written so far. */
  constructor(
    private readonly fd: () => number,
    private readonly size: () => number,
  ) {}

  /** The texts of the row whose texts start at byte `at`. */
  at(at: number): RowTexts {
    const size = this.size();
    // a row's texts take at most 4 × (2 + 4 × 1000) bytes (MAX_TEXT_CHARS)
    const most = Math.min(16_100, size - at);
    if (at < this.windowAt || at + most > this.windowAt + this.window.length) {
      const want = Math.min(Math.max(1 << 20, most), size - at);
      if (this.window.length < want) this.window = Buffer.allocUnsafe(Math.max(1 << 20, want));
      const got = readSync(this.fd(), this.window, 0, want, at);
      this.window = this.window.subarray(0, got);
      this.windowAt = at;
    }
    return readTexts(this.window, at - this.windowAt);
  }
}
