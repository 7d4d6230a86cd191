// Reading a settings file (config, scenario, cost price) safely: only a
// regular file is read (a FIFO, /dev/zero or a socket named as a settings file
// must not hang or exhaust memory), and never more than a cap. Opened
// non-blocking, so even opening a FIFO cannot wait for a writer.
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { YAML_LIMITS } from "../schema/yaml-safe.js";

export type SmallFile = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly code: string; readonly message: string };

/** Why a path could not be read, in a user's words. */
export function unreadableMessage(code: string | undefined): string {
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return "file not found";
    case "EISDIR":
      return "is a folder, not a file";
    case "EACCES":
    case "EPERM":
      return "cannot read the file (permission denied)";
    case "not-regular":
      return "is not a regular file (a device, pipe or socket)";
    default:
      return `cannot read the file (${code ?? "unknown error"})`;
  }
}

/** The bytes of a regular file of at most `maxBytes` (default: the YAML cap in bytes, 4 per character). */
export async function readSmallFile(path: string, maxBytes: number = YAML_LIMITS.chars * 4): Promise<SmallFile> {
  let fh;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, code: code ?? "unknown", message: unreadableMessage(code) };
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) return { ok: false, code: "EISDIR", message: unreadableMessage("EISDIR") };
    if (!st.isFile()) return { ok: false, code: "not-regular", message: unreadableMessage("not-regular") };
    if (st.size > maxBytes) return { ok: false, code: "too-large", message: `file too large (${st.size} bytes, at most ${maxBytes})` };
    // /proc files report size 0: read in chunks, never past the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { ok: false, code: "too-large", message: `file too large (more than ${maxBytes} bytes)` };
      chunks.push(buf.subarray(0, bytesRead));
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, code: code ?? "unknown", message: unreadableMessage(code) };
  } finally {
    await fh.close();
  }
}

/** UTF-8 text of bytes (BOM removed), or undefined when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Byte offset of the first sequence that is not UTF-8, or -1 when all of `bytes` is UTF-8. */
export function firstBadUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (need === 0 || i + need > bytes.length || utf8Text(bytes.subarray(i, i + need)) === undefined) return i;
    i += need;
  }
  return -1;
}

/** Newlines before `offset`, plus one: the 1-based line of that byte. */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** 1-based line of the first byte sequence that is not UTF-8 (for `file:line` in the message). */
export function firstBadUtf8Line(bytes: Uint8Array): number {
  const at = firstBadUtf8Offset(bytes);
  return lineOfOffset(bytes, at < 0 ? bytes.length : at);
}
