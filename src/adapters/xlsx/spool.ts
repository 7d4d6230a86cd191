// The bytes of a zip being written, whose size is known only at its end, as
// one buffer without holding them twice: chunks are kept in memory up to
// IN_MEMORY_BYTES, beyond that they go to a temp file as they come and are
// read back once, into one buffer of the exact size (Buffer.concat of the
// chunks would hold both: ~2 × 47 MB for a statement of 1,000,000 rows).
// The temp folder is removed by bytes() and by dispose().
// Usage: const sp = new Spool(); zip.ondata = (_, d) => sp.push(d); …; const out = sp.bytes();
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const IN_MEMORY_BYTES = 8 << 20;

export class Spool {
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private size = 0;
  private dir: string | undefined;
  private fd: number | undefined;

  push(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.fd === undefined) {
      this.held.push(chunk);
      this.heldBytes += chunk.length;
      if (this.heldBytes <= IN_MEMORY_BYTES) return;
      this.dir = mkdtempSync(join(tmpdir(), "menerva-zip-"));
      this.fd = openSync(join(this.dir, "spool"), "w+");
      for (const c of this.held) writeSync(this.fd, c);
      this.held = [];
      return;
    }
    writeSync(this.fd, chunk);
  }

  /** Every byte pushed, in order, in one buffer; the spool is spent. */
  bytes(): Uint8Array {
    try {
      if (this.fd === undefined) return Buffer.concat(this.held, this.size);
      const out = Buffer.allocUnsafe(this.size);
      for (let at = 0; at < this.size; ) {
        const n = readSync(this.fd, out, at, this.size - at, at);
        if (n <= 0) throw new Error("spool: the temp file is shorter than what was written");
        at += n;
      }
      return out;
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    this.held = [];
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
