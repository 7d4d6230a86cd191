// Partners joining and leaving (issue 11). Pure.
// A partner entry `{name, from, until}` takes part from its first to its last
// day; plain names always take part. A period's revenue is split over the SE
// partners active in it, weighted by their active days (equal when all are
// active the whole period); rows of a partner are valid while it takes part.
import { error, t, type Issue, type Text } from "./issues.js";
import type { BenefitRow, HourRow, ModelConfig, PartnerSpan } from "./model.js";
import { daysBetween, type Period } from "./period.js";

/** A partner with its weight in a period: the days it was active in it. */
export type Weighted = { readonly name: string; readonly days: number };

const OPEN: PartnerSpan = {};

export function spanOf(config: Pick<ModelConfig, "partnerSpans">, partner: string): PartnerSpan {
  return config.partnerSpans?.[partner] ?? OPEN;
}

/** Days of [from, to] on which the partner takes part. */
export function activeDays(span: PartnerSpan, from: string, to: string): number {
  const a = span.from !== undefined && span.from > from ? span.from : from;
  const b = span.until !== undefined && span.until < to ? span.until : to;
  return daysBetween(a, b);
}

export const isActiveOn = (span: PartnerSpan, date: string): boolean =>
  (span.from === undefined || date >= span.from) && (span.until === undefined || date <= span.until);

/** SE partners active in P with their active days, config order; partners with no day in P are left out. */
export function seWeights(config: Pick<ModelConfig, "sePartners" | "partnerSpans">, p: Period): Weighted[] {
  return config.sePartners.map((name) => ({ name, days: activeDays(spanOf(config, name), p.from, p.to) })).filter((w) => w.days > 0);
}

/** NEC partners active on at least one day of P, config order. */
export function activeNec(config: Pick<ModelConfig, "necPartners" | "partnerSpans">, p: Period): string[] {
  return config.necPartners.filter((name) => activeDays(spanOf(config, name), p.from, p.to) > 0);
}

const describeSpan = (s: PartnerSpan): Text => t("partner-span", { from: s.from ?? "", until: s.until ?? "" });

/** A row dated outside its NEC partner's span: an input error at the row. */
export function notActiveIssue(r: Pick<HourRow | BenefitRow, "necPartner" | "date" | "source">, s: PartnerSpan): Issue {
  return error("partner-not-active", { partner: r.necPartner, date: r.date }, {
    source: r.source,
    subject: t("subject.column", { name: "date" }),
    found: r.date,
    hint: t("partner-not-active.hint", { partner: r.necPartner, span: describeSpan(s) }),
  });
}

/**
 * Hours and benefit rows dated outside their NEC partner's span are input
 * errors (file:line): an agency that left bills no new hours, one that has not
 * joined none yet (late rows dated while it took part stay valid). Staff rows
 * are not refused: a commitment of a partner in a period it does not take
 * part in is simply not charged there (the close warns about it).
 */
export function membershipIssues(
  config: Pick<ModelConfig, "partnerSpans" | "sePartners" | "necPartners">,
  rows: { readonly hours: readonly HourRow[]; readonly benefits: readonly BenefitRow[] },
): Issue[] {
  const spans = config.partnerSpans;
  if (!spans || Object.keys(spans).length === 0) return [];
  const out: Issue[] = [];
  for (const r of [...rows.hours, ...rows.benefits]) {
    const s = spans[r.necPartner];
    if (s && !isActiveOn(s, r.date)) out.push(notActiveIssue(r, s));
  }
  return out;
}
