// Canonical JSON: one byte sequence per value, so hashes over it are
// reproducible (the ledger's hash chain and row fingerprints depend on it).
// Sorted keys, no whitespace, safe integers only (money is always a string).

/** Thrown for values that have no canonical form (floats, functions, Dates...): a bug in the caller. */
export class CanonicalJsonError extends Error {}

function encode(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "number":
      // Floats would make the text depend on binary rounding; money must be a string.
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(`${path || "value"}: ${value} is not a safe integer; write decimals as strings`);
      out.push(String(value === 0 ? 0 : value)); // -0 prints as 0
      return;
    case "object":
      break;
    default:
      throw new CanonicalJsonError(`${path || "value"}: ${typeof value} has no JSON form`);
  }
  if (Array.isArray(value)) {
    out.push("[");
    value.forEach((v, i) => {
      if (i > 0) out.push(",");
      if (v === undefined) throw new CanonicalJsonError(`${path}[${i}]: undefined in an array`);
      encode(v, `${path}[${i}]`, out);
    });
    out.push("]");
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`${path || "value"}: only plain objects are allowed (got ${proto?.constructor?.name ?? "object"})`);
  }
  // Default sort compares UTF-16 code units: locale-independent and stable.
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  out.push("{");
  keys.forEach((k, i) => {
    if (i > 0) out.push(",");
    out.push(JSON.stringify(k), ":");
    encode((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
  });
  out.push("}");
}

/**
 * The canonical JSON text of `value`. Invariant: equal data gives equal text,
 * whatever the key insertion order; `JSON.parse` of the text gives the data back
 * (minus keys whose value is undefined).
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  encode(value, "", out);
  return out.join("");
}
