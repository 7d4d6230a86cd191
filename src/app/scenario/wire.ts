// Scenario values across a worker-thread boundary: Decimals travel as {$d: "text"}
// (structured clone would drop their prototype) and come back exact.
import { D } from "../../domain/money.js";

export function toWire(v: unknown): unknown {
  if (D.isDecimal(v)) return { $d: (v as InstanceType<typeof D>).toFixed() };
  if (Array.isArray(v)) return v.map(toWire);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]));
  return v;
}

export function fromWire<T>(v: unknown): T {
  if (Array.isArray(v)) return v.map((x) => fromWire(x)) as T;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o["$d"] === "string" && Object.keys(o).length === 1) return new D(o["$d"]) as T;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromWire(x)])) as T;
  }
  return v as T;
}
