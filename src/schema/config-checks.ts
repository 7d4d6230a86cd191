// Rules of menerva.yaml that compare keys with each other: partner lists,
// partners named in fee entries, duplicate fees, benefit shares per type.
// Runs on the plain data even when the shape has problems, so a user sees all at once.
import { error, quote, t, type Issue, type Text } from "../domain/issues.js";
import { lookAlikeKey, nameKey, namesByKey, nameProblem } from "./partner-names.js";
import { isIsoDate, parsePeriod } from "../domain/period.js";
import { closest, suggestion } from "./config-suggest.js";
import { textCheck } from "./config-values.js";
import type { PathSegment, YamlSource } from "./config-yaml.js";
import { isPlainMap } from "./yaml-safe.js";

const DEFAULT_BENEFIT_TYPES = ["RSZ", "maatwerk"];

const isRecord = isPlainMap;

/** Valid names of a list, each with its index; invalid items are reported by the shape. */
function names(list: unknown): { name: string; index: number }[] {
  if (!Array.isArray(list)) return [];
  const out: { name: string; index: number }[] = [];
  list.forEach((v, index) => {
    // a partner may be written as {name, from, until}
    const r = textCheck(isRecord(v) && "name" in v ? v.name : v);
    if ("value" in r) out.push({ name: r.value, index });
  });
  return out;
}

export function crossChecks(src: YamlSource): Issue[] {
  const out: Issue[] = [];
  /** An issue about the node at `path`; `onKey` points at the key itself (map keys named as values). */
  const at = (path: readonly PathSegment[], issue: Issue, onKey = false) =>
    out.push({
      ...issue,
      source: onKey ? src.locate(path.slice(0, -1), String(path[path.length - 1])) : src.locate(path),
      subject: path.join("."),
    });
  const data = isRecord(src.data) ? src.data : {};

  /** Duplicates compare by nameKey (case, Unicode form, spaces); partner names must be one script. */
  const duplicates = (key: string) => {
    const seen = new Map<string, { index: number; name: string }>();
    const looks = new Map<string, { index: number; name: string }>();
    for (const { name, index } of names(data[key])) {
      const bad = nameProblem(name);
      if (bad) at([key, index], error("bad-partner-name", { name: quote(name), problem: bad.problem }, { hint: bad.hint }));
      const first = seen.get(nameKey(name));
      const look = lookAlikeKey(name);
      const like = look === "" ? undefined : looks.get(look);
      if (first !== undefined) {
        at([key, index], error("duplicate", { name: quote(name), sameAs: first.name === name ? "" : quote(first.name) }, { hint: t("already-listed", { at: `${key}.${first.index}` }) }));
      } else if (like !== undefined) {
        // Q-Jobs, Q–Jobs, Q Jobs: one agency typed twice, not two agencies
        at([key, index], error("look-alike-partner", { name: quote(name), like: quote(like.name) }, { hint: t("look-alike-partner.hint", { at: `${key}.${like.index}` }) }));
      } else {
        seen.set(nameKey(name), { index, name });
        if (look !== "") looks.set(look, { index, name });
      }
    }
  };
  duplicates("se_partners");
  duplicates("nec_partners");

  const se = names(data.se_partners).map((n) => n.name);
  const nec = names(data.nec_partners).map((n) => n.name);
  const seKeys = namesByKey(se);
  const necKeys = namesByKey(nec);
  const seLooks = new Map(se.map((n) => [lookAlikeKey(n), n] as const).filter(([k]) => k !== ""));
  for (const { name, index } of names(data.nec_partners)) {
    const like = seLooks.get(lookAlikeKey(name));
    if (seKeys.has(nameKey(name))) at(["nec_partners", index], error("both-se-and-nec", { name: quote(name) }, { hint: t("both-se-and-nec.hint") }));
    else if (like !== undefined) at(["nec_partners", index], error("look-alike-partner.se", { name: quote(name), like: quote(like) }, { hint: t("look-alike-partner.se-hint") }));
  }

  // A partner's span: from on or before until.
  for (const key of ["se_partners", "nec_partners"]) {
    const list = data[key];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      if (!isRecord(entry)) return;
      const from = textCheck(entry.from);
      const until = textCheck(entry.until);
      if (!("value" in from) || !("value" in until)) return;
      const f = isIsoDate(from.value) ? from.value : parsePeriod(from.value)?.from;
      const u = isIsoDate(until.value) ? until.value : parsePeriod(until.value)?.to;
      if (f !== undefined && u !== undefined && u < f) at([key, i, "until"], error("until-before-from", { until: u, from: f }, { hint: t("until-before-from.hint") }));
    });
  }

  const fees = isRecord(data.fees) ? data.fees : {};
  // Fee entries: partner must be an NEC partner; one entry per (from, partner).
  if (Array.isArray(fees.hourly)) {
    const seen = new Map<string, number>();
    fees.hourly.forEach((entry, i) => {
      if (!isRecord(entry)) return;
      let partner = "";
      if (entry.nec_partner !== undefined) {
        const r = textCheck(entry.nec_partner);
        if (!("value" in r)) return;
        partner = necKeys.get(nameKey(r.value)) ?? r.value;
        const bad = nameProblem(r.value);
        if (bad) at(["fees", "hourly", i, "nec_partner"], error("bad-partner-name", { name: quote(r.value), problem: bad.problem }, { hint: bad.hint }));
        else if (nec.length > 0 && !necKeys.has(nameKey(partner))) {
          const hint = seKeys.has(nameKey(partner)) ? t("fee-partner-is-se", { name: quote(partner), nec: nec.join(", ") }) : suggestion(partner, nec, t("suggest.nec-partners-are"));
          at(["fees", "hourly", i, "nec_partner"], error("unknown-partner", { name: quote(partner) }, { hint }));
        }
      }
      const f = textCheck(entry.from);
      if (!("value" in f)) return;
      const from = isIsoDate(f.value) ? f.value : /^\d{4}-\d{2}$/.test(f.value) ? parsePeriod(f.value)?.from : undefined;
      if (from === undefined) return;
      const key = `${from}|${partner}`;
      const first = seen.get(key);
      if (first !== undefined) {
        at(["fees", "hourly", i], error("duplicate-fee", { from, first: `fees.hourly.${first}` }, { hint: t("duplicate-fee.hint") }));
      } else seen.set(key, i);
    });
  }

  // Benefit types: unique; a share map names exactly the listed types.
  const typesGiven = fees.benefit_types !== undefined;
  if (typesGiven) {
    const seen = new Map<string, number>();
    for (const { name, index } of names(fees.benefit_types)) {
      const first = seen.get(name);
      if (first !== undefined) at(["fees", "benefit_types", index], error("duplicate.benefit-type", { name }, { hint: t("already-listed", { at: `fees.benefit_types.${first}` }) }));
      else seen.set(name, index);
    }
  }
  const types = typesGiven ? names(fees.benefit_types).map((n) => n.name) : DEFAULT_BENEFIT_TYPES;
  if (isRecord(fees.benefit_share) && (!typesGiven || Array.isArray(fees.benefit_types))) {
    const keys = Object.keys(fees.benefit_share);
    for (const k of keys) {
      if (!types.includes(k)) {
        const near = closest(k, types);
        const hint = near ? t("did-you-mean", { name: `"${near}"` }) : t("unknown-benefit-type.add", { types: [...new Set(types)].join(", ") });
        at(["fees", "benefit_share", k], error("unknown-benefit-type", { name: k }, { hint }), true);
      }
    }
    for (const bt of types) {
      if (!keys.includes(bt) && keys.length > 0) {
        at(["fees", "benefit_share"], error("missing-benefit-share", { type: bt }, { hint: t("missing-benefit-share.hint", { type: bt }) }));
      }
    }
  }
  return out;
}
