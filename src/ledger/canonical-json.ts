// Canonical JSON: one byte sequence per value, so hashes over it are
// reproducible (the ledger's hash chain and row fingerprints depend on it).
// Sorted keys, no whitespace, safe integers only (money is always a string).

/** Thrown for values that have no canonical form (floats, functions, Dates...): a bug in the caller. */
export class CanonicalJsonError extends Error {}

/** Prefix an error's location with the key it happened under (built only when something fails). */
function at(key: string, e: unknown): never {
  if (e instanceof CanonicalJsonError) throw new CanonicalJsonError(e.message.startsWith("value") ? `${key}${e.message.slice(5)}` : `${key}${e.message.startsWith("[") ? "" : "."}${e.message}`);
  throw e;
}

function encode(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      // Floats would make the text depend on binary rounding; money must be a string.
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(`value: ${value} is not a safe integer; write decimals as strings`);
      return value === 0 ? "0" : String(value); // -0 prints as 0
    case "object":
      break;
    default:
      throw new CanonicalJsonError(`value: ${typeof value} has no JSON form`);
  }
  if (Array.isArray(value)) {
    // Fast path for the ledger's long lists of row ids: JSON.stringify writes strings exactly as we do.
    if (value.every((v) => typeof v === "string")) return JSON.stringify(value);
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (value[i] === undefined) throw new CanonicalJsonError(`[${i}]: undefined in an array`);
      try {
        out += (i > 0 ? "," : "") + encode(value[i]);
      } catch (e) {
        at(`[${i}]`, e);
      }
    }
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`value: only plain objects are allowed (got ${proto?.constructor?.name ?? "object"})`);
  }
  const obj = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units: locale-independent and stable.
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    try {
      out += `${i > 0 ? "," : ""}${JSON.stringify(k)}:${encode(obj[k])}`;
    } catch (e) {
      at(k, e);
    }
  }
  return `${out}}`;
}

/**
 * The canonical JSON text of `value`. Invariant: equal data gives equal text,
 * whatever the key insertion order; `JSON.parse` of the text gives the data back
 * (minus keys whose value is undefined).
 */
export function canonicalJson(value: unknown): string {
  return encode(value);
}
