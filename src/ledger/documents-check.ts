// `ledger verify`'s check of the numbered documents (issue 12): one gapless
// series per calendar year, in date order, no number used twice, across the
// ledger and the documents of undone closes in the archive; and every close
// that ran with an `invoicing:` block has one current document per invoice
// whose figures are the invoice's.
import { error, type Issue } from "../domain/issues.js";
import { seriesIssues } from "../domain/invoicing/numbering.js";
import type { IssuedDocumentJson } from "./issued-json.js";
import { displayPath, type LedgerState } from "./ledger-file.js";

export type SeriesSummary = { readonly documents: number; readonly years: readonly { year: string; first: string; last: string; count: number }[] };

export function checkDocuments(state: LedgerState, pending: readonly IssuedDocumentJson[]): { issues: Issue[]; summary: SeriesSummary } {
  const file = displayPath(state.path);
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const all: { number: string; issueDate: string }[] = [];
  for (const r of state.records) {
    const at = { source: { file, line: r.seq }, subject: `record ${r.seq} (${r.period})` };
    for (const d of r.issued ?? []) {
      const before = seen.get(d.number);
      if (before !== undefined) issues.push(error("document-twice", { number: d.number, record: before }, { ...at, found: d.number }));
      else {
        seen.set(d.number, r.seq);
        all.push({ number: d.number, issueDate: d.issue_date });
      }
    }
    if (!r.invoicing) continue;
    // The close's invoices and its current documents must be the same figures.
    const invoices = Array.isArray(r.totals.invoices) ? (r.totals.invoices as { nec_partner?: unknown; subtotal?: unknown; vat?: unknown; total?: unknown }[]) : [];
    const current = (r.issued ?? []).filter((d) => d.reverses === undefined && d.reversed_by === undefined);
    for (const inv of invoices) {
      const doc = current.filter((d) => d.nec_partner === inv.nec_partner);
      if (doc.length !== 1) {
        issues.push(error("invoice-without-document", { partner: String(inv.nec_partner), count: doc.length }, at));
        continue;
      }
      const b = doc[0]!.billing;
      if (b.subtotal !== inv.subtotal || b.vat !== inv.vat || b.total !== inv.total) {
        issues.push(error("document-figures", { number: doc[0]!.number, partner: String(inv.nec_partner), document: b.total, invoice: String(inv.total) }, at));
      }
    }
    for (const d of current) {
      if (!invoices.some((i) => i.nec_partner === d.nec_partner)) issues.push(error("document-without-invoice", { number: d.number }, at));
    }
  }
  for (const d of pending) if (!seen.has(d.number)) all.push({ number: d.number, issueDate: d.issue_date });
  issues.push(...seriesIssues(all).map((i) => ({ ...i, source: { file } })));
  const years = new Map<string, { number: string; issueDate: string }[]>();
  for (const d of all) years.set(d.issueDate.slice(0, 4), [...(years.get(d.issueDate.slice(0, 4)) ?? []), d]);
  return {
    issues,
    summary: {
      documents: all.length,
      years: [...years]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([year, ds]) => {
          const sorted = ds.map((d) => d.number).sort((a, b) => Number(a.slice(a.lastIndexOf("-") + 1)) - Number(b.slice(b.lastIndexOf("-") + 1)));
          return { year, first: sorted[0]!, last: sorted[sorted.length - 1]!, count: ds.length };
        }),
    },
  };
}
