// The effective-dated hourly fee schedule (SPEC §3.1). Pure.
// For a billed date and NEC partner: among the entries whose `from` is on or
// before the date, a partner entry beats a general one, and a later `from`
// wins within each group. So a partner override stays in force until a later
// entry for that same partner, even when a later general rate appears.
import type { HourlyFee } from "./model.js";

export type FeeLookup = (necPartner: string, date: string) => HourlyFee | undefined;

/** Build a fast lookup over the schedule (entries sorted once, newest first). */
export function feeSchedule(fees: readonly HourlyFee[]): FeeLookup {
  const newestFirst = [...fees].sort((a, b) => (a.from === b.from ? 0 : a.from < b.from ? 1 : -1));
  const general = newestFirst.filter((f) => f.necPartner === undefined);
  const byPartner = new Map<string, HourlyFee[]>();
  for (const f of newestFirst) {
    if (f.necPartner === undefined) continue;
    const list = byPartner.get(f.necPartner) ?? [];
    list.push(f);
    byPartner.set(f.necPartner, list);
  }
  return (necPartner, date) =>
    (byPartner.get(necPartner) ?? []).find((f) => f.from <= date) ?? general.find((f) => f.from <= date);
}
