// English words of every message menerva prints: problems, warnings, hints,
// status lines. Keyed by issue code ("no-fee") or code and variant
// ("bad-option.percent"); the parameters are declared here and the Dutch
// catalog (messages.nl.ts) must take the same ones. Rendered by render.ts.
import type { B, L, N, O, ParamsOf, S } from "./catalog.js";
import { helpEn } from "./help.en.js";
import { localEuro, localNumber } from "./numbers.js";

const eur = (x: string): string => localEuro(x, "en");
const num = (x: string): string => localNumber(x, "en");
const rows = (n: number): string => (n === 1 ? "1 row" : `${n} rows`);
const whoName = (kind: string): string => ({ nec: "NEC partner", se: "SE partner", partner: "partner" })[kind] ?? "benefit type";
const rowsAddedRemoved = (added: number, removed: number): string =>
  added > 0 && removed > 0 ? `${rows(added)} added, ${removed} removed` : added > 0 ? `${rows(added)} added` : `${rows(removed)} removed`;

export const en = {
  ...helpEn,
  // How an issue is printed (render.ts).
  "issue.warning": () => "warning",
  "issue.hint": () => "hint",
  "issue.got": ({ found }: S<"found">) => `got ${found}`,
  "more-issues": ({ count }: N<"count">) => `${count} more problems in this file not shown`,

  // Generic pieces.
  "subject.column": ({ name }: S<"name">) => `column '${name}'`,
  lines: ({ count, lines }: N<"count"> & S<"lines">) => `line${count === 1 ? "" : "s"} ${lines}`,

  // The close (src/domain).
  "no-fee": ({ partner, date }: S<"partner" | "date">) => `no hourly fee applies to ${partner} on ${date}`,
  "no-fee.hint": ({ date }: S<"date">) => `add a fees.hourly entry with from on or before ${date} in the config`,
  "no-se-partner": ({ period }: S<"period">) => `no SE partner takes part in ${period}: its revenue cannot be split`,
  "no-se-partner.hint": () => "check from/until of se_partners in the config",
  "effort-spread": ({ percent, tolerance }: S<"percent" | "tolerance">) =>
    `committed FTE differs by ${percent}% between SE partners (tolerance ${tolerance}%); the equal split assumes equal effort — see the effort-weighted split beside it`,
  "staff-from-plan": ({ partner, period }: S<"partner" | "period">) =>
    `no staff rows for SE partner ${partner} in ${period}: its planned staff cost from the cost-price file is used`,
  "staff-vs-plan": ({ partner, cost, planned, percent }: S<"partner" | "cost" | "planned" | "percent">) =>
    `staff cost of ${partner} (${eur(cost)}) differs from its planned cost (${eur(planned)}) by more than ${percent}%`,
  "no-staff": ({ partner, period }: S<"partner" | "period">) => `no staff commitment for SE partner ${partner} in ${period}`,
  "staff-prorated": ({ partner, staffPeriod, period, share }: S<"partner" | "staffPeriod" | "period" | "share">) =>
    `staff row for ${partner} (${staffPeriod}) only partly overlaps ${period}: prorated ${share}`,
  "staff-partner-inactive": ({ partner, staffPeriod, period }: S<"partner" | "staffPeriod" | "period">) =>
    `staff row for ${partner} (${staffPeriod}) overlaps ${period}, in which ${partner} does not take part: not charged in this period`,
  "no-billed-rows": ({ partner, period }: S<"partner" | "period">) => `nothing to invoice to ${partner} in ${period}`,
  "credit-note": ({ partner }: S<"partner">) => `the invoice to ${partner} has a negative subtotal: it is a credit note`,
  "before-start": ({ count, dates, start }: N<"count"> & S<"dates" | "start">) =>
    `${count === 1 ? "row" : `${count} rows`} dated ${dates}, before the project start ${start}: not used`,
  "reserve-negative": ({ reason }: S<"reason">) => reason,
  "reserve-shortfall": ({ closing, opening, retained, into, otherCosts, payments, distribute, shortfall }: S<"closing" | "opening" | "retained" | "into" | "otherCosts" | "payments" | "shortfall"> & B<"distribute">) =>
    `the reserve closes at ${eur(closing)}: opening ${eur(opening)} + retained ${eur(retained)} = ${eur(into)} does not cover ` +
    `other costs ${eur(otherCosts)}${payments === "" ? "" : ` and reserve payments ${eur(payments)}`}` +
    `${distribute ? " (profit: distribute keeps no surplus in the reserve)" : ""}; ` +
    `the shortfall of ${eur(shortfall)} is a funding need the partners must cover (e.g. a contribution booked as a negative other cost)`,
  "partner-not-active": ({ partner, date }: S<"partner" | "date">) => `${partner} does not take part on ${date}`,
  "partner-not-active.hint": ({ partner, span }: S<"partner" | "span">) =>
    `${partner} takes part ${span} (nec_partners in the config); correct the row's date or partner, or the partner's from/until`,
  "partner-span": ({ from, until }: S<"from" | "until">) => (from && until ? `from ${from} until ${until}` : from ? `from ${from}` : `until ${until}`),

  // Invoice numbers and buyers (src/domain/invoicing).
  "bad-document-number": () => "unreadable document number or date in the ledger",
  "number-year-mismatch": ({ number, date, year }: S<"number" | "date" | "year">) => `document ${number} is dated ${date}, outside its year ${year}`,
  "series-broken.twice": ({ number }: S<"number">) => `number ${number} is used twice`,
  "series-broken": ({ number, year, next }: S<"number" | "year" | "next">) => `a gap before ${number}: the ${year} series should go on at ${next}`,
  "series-out-of-order": ({ number, date, previous, previousDate }: S<"number" | "date" | "previous" | "previousDate">) =>
    `${number} is dated ${date}, before ${previous} (${previousDate})`,
  "issue-date-before-last": ({ date, lastDate, last, year }: S<"date" | "lastDate" | "last" | "year">) =>
    `issue date ${date} is before ${lastDate}, the date of ${last}, the last document of ${year}`,
  "issue-date-before-last.hint": ({ lastDate }: S<"lastDate">) => `numbers follow the dates: issue on ${lastDate} or later`,
  "series-full": ({ year, max }: S<"year" | "max">) => `the ${year} series is full (${max} documents)`,
  "no-buyer": ({ partner }: S<"partner">) => `no buyer entry for NEC partner "${partner}"`,
  "no-buyer.hint": ({ partner }: S<"partner">) =>
    `add \`${partner}: {name: …, enterprise_number: "…", address: {street: …, postcode: "…", city: …, country: BE}}\` under invoicing.buyers`,

  // Monte Carlo distributions (src/domain/scenario).
  "distribution.negative-mean": ({ mean }: S<"mean">) => `the mean comes out negative (${mean})`,
  "distribution.max-below-min": ({ max, min }: S<"max" | "min">) => `max (${max}) is below min (${min})`,
  "distribution.high-below-low": ({ high, low }: S<"high" | "low">) => `high (${high}) is below low (${low})`,
  "distribution.mode-outside": ({ low, mode, high, modeFromScenario }: S<"low" | "mode" | "high"> & B<"modeFromScenario">) =>
    `needs low ≤ mode ≤ high, got ${low} ≤ ${mode} ≤ ${high}${modeFromScenario ? " (the mode is the scenario's value)" : ""}`,
  "bad-distribution": ({ key, problem, afterSet }: S<"key" | "problem"> & B<"afterSet">) => `${key}: ${problem}${afterSet ? " (after --set)" : ""}`,

  // A close and its ledger (src/app/close-run.ts, src/ledger/diff.ts).
  "outputs-repaired": () => "finished writing the outputs of an interrupted close",
  "reopen-not-last": ({ period, last }: S<"period" | "last">) =>
    `${period} is not the last closed period${last ? ` (that is ${last})` : ""}: only the last close can be reopened`,
  "reclose-changed": ({ period, changes }: S<"period"> & L<"changes">) => `${period} is already closed, with other inputs:\n  ${changes.join("\n  ")}`,
  "reclose-changed.hint": ({ period, undo }: S<"period" | "undo">) =>
    `a closed period is never changed: the next close corrects it (late rows, withdrawn rows, late costs become labelled corrections); to redo the last close instead, run \`menerva close ${period} --reopen\` or \`${undo}\``,
  "close-issued-documents": ({ period, numbers }: S<"period" | "numbers">) =>
    `${period} issued numbered documents (${numbers}): undoing it would erase documents that were sent`,
  "close-issued-documents.hint": ({ period }: S<"period">) =>
    `an issued document is never withdrawn, only reversed: \`menerva ledger undo ${period} --credit\` issues a credit note for each and then undoes the close; to correct only what changed, run \`menerva close ${period} --reopen\``,
  "diff.config-changed": ({ keys }: S<"keys">) => (keys ? `config changed: ${keys}` : "config changed"),
  "diff.file-rows": ({ file, added, removed }: S<"file"> & N<"added" | "removed">) => `${file}: ${rowsAddedRemoved(added, removed)}`,
  "diff.rows": ({ added, removed, changedFiles }: N<"added" | "removed"> & S<"changedFiles">) =>
    `${rowsAddedRemoved(added, removed)}${changedFiles ? ` (changed files: ${changedFiles})` : ""}`,
  "diff.no-longer-input": ({ file }: S<"file">) => `${file}: no longer an input`,
  "diff.new-input": ({ file }: S<"file">) => `${file}: new input`,

  // The CLI's own lines (src/cli).
  "footer.problems-found": ({ count }: N<"count">) => `${count === 1 ? "1 problem" : `${count} problems`} found; nothing was written.`,
  "footer.ledger-not-verified": () => "the ledger does not verify; nothing was changed.",
  "footer.nothing-changed": () => "nothing was changed.",
  "internal-error": ({ message }: S<"message">) => `menerva: internal error: ${message}`,
  "internal-error.report": ({ debug }: B<"debug">) => `This is a bug in menerva; please report it with the command you ran${debug ? "" : " (add --debug for details)"}.`,
  "close.status.unchanged": ({ period, where, skipped, notClosedSet }: S<"period" | "where" | "skipped"> & B<"notClosedSet">) =>
    `${period} is already closed with these rows and this config; the exports changed only outside the period (the next close corrects what changed in closed periods). The closed statement in ${where} is left as it was; nothing was written${skipped ? ` (${skipped} not applied)` : ""}.` +
    `${notClosedSet ? ` Its folder is not its closed set (missing or changed files): \`menerva ledger repair-outputs ${period}\` rewrites it without changing the books.` : ""}`,
  "close.status.dry-run": ({ period, reopen, where, formats, issue, append, hash }: S<"period" | "where" | "formats" | "issue" | "hash"> & B<"reopen" | "append">) =>
    `Dry run: nothing was written. \`menerva close ${period}${reopen ? " --reopen" : ""}\` would write ${where} (${formats})${issue ? `, issue ${issue}` : ""} and ${append ? `append ledger record ${hash}` : "leave the ledger unchanged (already closed with the same inputs)"}.`,
  "close.check-failed": ({ name, detail }: S<"name" | "detail">) => `check ${name} NOT OK: ${detail}`,
  "validate.ok": ({ files, rows, warnings }: N<"files" | "rows" | "warnings">) => `OK: ${files} files, ${rows} rows read, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`,
  "outside-config-folder": ({ paths }: S<"paths">) => `Outside the config's folder: ${paths}`,

  // Output sets (src/adapters/output-folder.ts, src/app/verify-outputs.ts).
  "outputs.not-a-folder": () => "not a folder",
  "outputs.no-folder": () => "no output folder",
  "outputs.interrupted": () => "a write of the outputs was interrupted; the next close finishes it",
  "outputs.no-manifest": ({ manifest }: S<"manifest">) => `no ${manifest} (written by an older menerva?)`,
  "outputs.file-missing": ({ name }: S<"name">) => `${name}: missing`,
  "outputs.file-changed": ({ name, manifest }: S<"name" | "manifest">) => `${name}: does not match ${manifest} (changed, or left from another close)`,
  "outputs.other-close": ({ named, hash, period }: S<"named" | "hash" | "period">) =>
    `summary.json names ledger record ${named}, the ledger's record is ${hash}: these are the outputs of another close of ${period}`,
  "outputs.problem": ({ period, folder, problem }: S<"period" | "folder" | "problem">) => `${period}: ${folder}: ${problem}`,
  "outputs.all-ok": ({ ok, total, manifest }: N<"ok" | "total"> & S<"manifest">) => `outputs: ${ok} of ${total} closed periods have a complete set matching ${manifest}`,
  "outputs.some-bad": ({ bad, total }: N<"bad" | "total">) =>
    `outputs: ${bad} of ${total} closed periods have outputs that are not their closed set; \`menerva ledger repair-outputs\` rewrites them from the ledger and the exports without changing the books`,

  // Ledger views (src/ledger/ledger-report.ts, src/cli/commands/ledger.ts).
  "ledger.list.empty": ({ file }: S<"file">) => `${file}: no closed periods yet`,
  "ledger.list.head": ({ file, count }: S<"file"> & N<"count">) => `${file}: ${count} ${count === 1 ? "closed period" : "closed periods"}, chain verified`,
  "ledger.period": () => "period",
  "ledger.from": () => "from",
  "ledger.to": () => "to",
  "ledger.rows": () => "rows",
  "ledger.corrections": () => "corrections",
  "ledger.revenue": () => "revenue",
  "ledger.opening": () => "opening reserve",
  "ledger.closing": () => "closing reserve",
  "ledger.hash": () => "hash",
  "ledger.prev-hash": () => "prev_hash",
  "ledger.policy": () => "policy",
  "ledger.config-hash": () => "config sha256",
  "ledger.inputs": () => "inputs",
  "ledger.kind": () => "kind",
  "ledger.file": () => "file",
  "ledger.count": () => "count",
  "ledger.totals": () => "totals",
  "ledger.item": () => "item",
  "ledger.amount": () => "amount",
  "ledger.outputs": () => "outputs",

  "period-not-closed": () => "is not a closed period in the ledger",
  "period-not-closed.hint": ({ closed }: S<"closed">) => `closed periods: ${closed}`,
  "period-not-closed.hint-none": () => "no period has been closed yet; run `menerva close PERIOD`",
  "ledger.undone": ({ period, seq, hash, archive, last, next }: S<"period" | "hash" | "archive" | "last" | "next"> & N<"seq">) =>
    `Undone: ${period} (record ${seq}, ${hash}), archived in ${archive}. ` +
    `${last ? `The ledger now ends with ${last}; the next close is the period starting ${next}.` : "The ledger is empty; the next close starts at the project start."} ` +
    `The statement files of ${period} were left in place; the next close of that period overwrites them.`,
  "ledger.verified": ({ file, count, hash }: S<"file" | "hash"> & N<"count">) =>
    `${file}: ${count} ${count === 1 ? "record" : "records"}, chain verified${hash ? ` (last hash ${hash})` : ""}`,
  "ledger.inputs.same": ({ count }: N<"count">) => `all ${count} input files are as the last close read them`,
  "ledger.inputs.changed": ({ changed, count, files }: N<"changed" | "count"> & S<"files">) =>
    `${changed} of ${count} input files changed since the last close that read them (${files}); row by row:`,
  "ledger.inputs.changed-status": () => "changed",
  "ledger.inputs.vanished": () => "vanished",
  "ledger.inputs.missing": () => "missing, no cumulative export restates it: not reversed",
  "ledger.inputs.row": ({ period, kind, what, quantity, status, newVersion, billedIn }: S<"period" | "kind" | "what" | "quantity" | "status" | "newVersion" | "billedIn">) =>
    `  ${period} ${kind} ${what} ${quantity}: ${status}${newVersion ? ` → ${newVersion}` : ""}${billedIn ? ` (billed in ${billedIn})` : ""}`,
  "ledger.inputs.late": ({ count, sources }: N<"count"> & S<"sources">) => `  ${count} late ${count === 1 ? "row" : "rows"} dated in closed periods, not billed yet: ${sources}`,
  "ledger.inputs.all-closed-rows-same": ({ late }: B<"late">) =>
    `every closed row is in the exports as it was closed${late ? "; the next close bills the late rows as corrections" : ""}`,
  "ledger.inputs.rows-changed": ({ restated, missing }: N<"restated" | "missing">) => {
    const rows = (n: number) => `${n} closed ${n === 1 ? "row" : "rows"}`;
    const parts = [
      ...(restated > 0 ? [`${rows(restated)} changed or vanished: the next close reverses ${restated === 1 ? "it" : "them"} as billed and bills the new versions as corrections`] : []),
      ...(missing > 0 ? [`${rows(missing)} missing that no cumulative export restates: the next close leaves ${missing === 1 ? "it" : "them"} billed and warns`] : []),
    ];
    return `${parts.join("; ")} (exit 3)`;
  },

  "output-folder.file": ({ path }: S<"path">) => `cannot write the outputs there: ${path} is a file, not a folder`,
  "output-folder.not-writable": ({ path }: S<"path">) => `cannot write the outputs there: no permission to write in ${path}`,
  "output-folder.hint": () => "name a folder you may write in (it is created when missing)",
  "bad-format": ({ formats, allowed }: S<"formats" | "allowed">) => `unknown format ${formats}; allowed: ${allowed}`,
  "report.written": ({ where, formats }: S<"where" | "formats">) => `Output written to ${where} (${formats}); the ledger was only read.`,

  written: ({ files }: S<"files">) => `Written: ${files}`,
  "montecarlo.progress": () => "Monte Carlo {bar} {value}/{total} runs",

  // Identifiers of the invoicing block (src/domain/invoicing/identifiers.ts).
  "id.not-enterprise-number": () => "not an enterprise number",
  "id.not-enterprise-number.hint": () => "write 10 digits, e.g. 0437.519.686",
  "id.enterprise-number-digits": () => "an enterprise number has 10 digits",
  "id.enterprise-number-leading-zero": ({ number }: S<"number">) => `add the leading 0: ${number}`,
  "id.enterprise-number-format": () => "write it as 0437.519.686",
  "id.enterprise-number-start": () => "an enterprise number starts with 0 or 1",
  "id.check-digits": () => "check digits do not match",
  "id.check-digits.hint": ({ start, want }: S<"start" | "want">) => `after ${start} the check digits would be ${want}: check the number for a typo`,
  "id.not-vat-id": () => "not a Belgian VAT id",
  "id.not-vat-id.hint": () => "write BE followed by the 10 digits of the enterprise number, e.g. BE0437519686",
  "id.not-iban": () => "not an IBAN",
  "id.not-iban.hint": () => "write the account as BE71 0961 2345 6769: country, two check digits, account",
  "id.iban-length": ({ country, length, got }: S<"country" | "length" | "got">) => `a ${country} IBAN has ${length} characters, this one ${got}`,
  "id.iban-country": ({ country }: S<"country">) => `unknown country "${country}" in the IBAN`,
  "id.iban-check": () => "check digits do not match (ISO 13616 mod 97)",
  "id.iban-check.hint": () => "check the account number for a typo",
  "id.not-bic": () => "not a BIC",
  "id.not-bic.hint": () => "8 or 11 characters: bank (4 letters), country (2 letters), location (2), optional branch (3), e.g. GKCCBEBB",
  "id.bic-country": ({ country }: S<"country">) => `unknown country "${country}" in the BIC`,
  "id.not-country": () => "not a country code",
  "id.not-country.hint": () => "write the two-letter ISO code, e.g. BE",
  "id.unknown-country": ({ code }: S<"code">) => `unknown country code "${code}"`,
  "id.unknown-country.hint": () => "write the two-letter ISO 3166 code, e.g. BE, NL, FR",
  "id.postcode-4": ({ country }: S<"country">) => `a ${country === "BE" ? "Belgian" : "Luxembourg"} postcode has 4 digits`,
  "id.postcode-4.hint": () => 'write it in quotes, e.g. postcode: "3600"',
  "id.postcode-nl": () => "a Dutch postcode is 4 digits and 2 letters",
  "id.postcode-nl.hint": () => "e.g. 1012 AB",
  "id.not-postcode": () => "not a postcode",

  // Values of menerva.yaml (src/schema/config-values.ts, config-shape.ts).
  "value.nothing": () => "nothing",
  "value.a-list": () => "a list",
  "value.a-map": () => "a map",
  "value.true-false": () => "true/false",
  "value.text": () => "text",
  "not-a-number": () => "not a number",
  "value.expected-number": ({ got }: S<"got">) => `expected a number, got ${got}`,
  "value.use-decimal-point": ({ fixed }: S<"fixed">) => `use a decimal point in menerva.yaml: ${fixed}`,
  "value.write-fraction": ({ text, fraction }: S<"text" | "fraction">) => `write a fraction: ${text} is ${fraction}`,
  "value.not-plain-decimal": () => "not a plain decimal number",
  "value.not-plain-decimal.hint": () => "write digits with a decimal point, e.g. 1800.00",
  "value.between-0-and-1": () => "must be between 0 and 1",
  "value.amount-thousands": ({ thousands, cents }: S<"thousands" | "cents">) => `menerva.yaml uses a decimal point: write ${thousands} for thousands, or ${cents}`,
  "value.round-to-cents": () => "round the amount to cents",
  "value.more-than-cents": () => "more than two decimals for an amount in euros",
  "value.not-negative": () => "must not be negative",
  "value.expected-text": ({ got }: S<"got">) => `expected text, got ${got}`,
  "value.not-empty": () => "must not be empty",
  "value.date-as-iso": ({ date }: S<"date">) => `write the date as YYYY-MM-DD: ${date}`,
  "value.date-as-iso-example": () => "write the date as YYYY-MM-DD, e.g. 2025-01-15",
  "value.not-a-date": () => "not a valid date",
  "value.expected-boolean": ({ got }: S<"got">) => `expected true or false, got ${got}`,
  "value.expected-boolean.hint": () => "write true or false",
  "value.not-a-period": () => "not a valid period",
  "value.start-period.hint": () => "write a month (2025-01), a quarter (2025-Q1) or a date (2025-01-01)",
  "did-you-mean": ({ name }: S<"name">) => `did you mean ${name}?`,
  "value.one-of": ({ values }: S<"values">) => `must be one of ${values}`,

  // The invoicing block of menerva.yaml (src/schema/config-invoicing.ts).
  "invoicing.not-account": () => "not an account number",
  "invoicing.not-account.hint": () => 'write the digits of the account, e.g. "700000"',
  "invoicing.payment-days": () => "must be a whole number of days",
  "invoicing.payment-days.hint": () => "e.g. payment_days: 30",
  "invoicing.payment-days-max": () => "must be at most 365 days",
  "invoicing.prefix": () => "may hold only letters, digits and - / _ . (at most 20)",
  "invoicing.prefix.hint": () => 'e.g. prefix: "MEN"',
  "missing.invoicing.seller": () => 'add the legal entity that invoices: `seller: {name: …, enterprise_number: "0437.519.686", iban: BE71 0961 2345 6769, address: {…}}`',
  "missing.invoicing.buyers": () => "add one entry per NEC partner, keyed by its name in nec_partners: `buyers: {Q-Jobs: {name: Q-Jobs NV, enterprise_number: …, address: {…}}}`",
  "missing.invoicing.seller.iban": () => "add the account the buyers pay into, e.g. `iban: BE71 0961 2345 6769`",
  "missing.invoicing.seller.enterprise_number": () => 'add the KBO/BCE number, e.g. `enterprise_number: "0437.519.686"`',
  "missing.invoicing.seller.address": () => 'add `address: {street: Kolderbosstraat 1, postcode: "3600", city: Genk, country: BE}`',
  "vat-mismatch": ({ number }: S<"number">) => `VAT id does not match the enterprise number ${number}`,
  "vat-mismatch.hint": ({ vat }: S<"vat">) => `write vat: ${vat}, or leave vat out`,
  "unknown-partner.buyer": ({ name }: S<"name">) => `unknown NEC partner "${name}"`,
  "suggest.buyers-keyed": () => "buyers are keyed by the names in nec_partners",
  "suggest.list": ({ what, names }: S<"what" | "names">) => `${what}: ${names}`,

  // Limits (src/schema/limits.ts).
  "limit.an-amount": () => "an amount",
  "limit.hours-per-row": () => "hours on one row",
  "limit.fte-per-row": () => "FTE on one row",
  "limit.hours-a-year": () => "hours a year",
  "limit.this-value": () => "this value",
  "limit.candidates-a-month": () => "candidates a month",
  "limit.below": ({ what, max }: S<"what" | "max">) => `too large: ${what} must be below ${num(max)} (in absolute value)`,
  "limit.at-most": ({ what, max }: S<"what" | "max">) => `too large: at most ${num(max)} ${what}`,
  "limit.number-too-long": ({ length, max }: N<"length" | "max">) => `too long for a number (${length} characters, at most ${max})`,
  "limit.text-too-long": ({ length, max }: N<"length" | "max">) => `text too long (${length} characters, at most ${max})`,
  "value.empty-map": () => "must not be an empty map",
  "value.benefit-share.hint": () => "write one number (0.70) or a map per benefit type ({RSZ: 0.70, maatwerk: 0.50})",
  "value.decimal.hint": () => 'write "," (quoted) or comma for a decimal comma, "." or point for a decimal point',
  "value.one-character": () => "must be one character",
  "value.delimiter.hint": () => 'write ";" or "," (quoted), or a name: comma, semicolon, tab, pipe',

  // menerva.yaml as a whole (src/schema/config.ts, config-checks.ts, config-issues.ts).
  "not-a-map.empty": () => "the file is empty",
  "not-a-map": () => "expected a map of settings (key: value)",
  "not-a-config": () => "not a menerva config: none of its keys is a menerva setting",
  "see-example-config": () => "see fixtures/menerva.yaml for an example",

  // Partner names (src/schema/partner-names.ts).
  script: ({ name }: S<"name">) => name,
  "name.invisible": ({ codePoint }: S<"codePoint">) => `holds an invisible character (${codePoint})`,
  "name.invisible.hint": () => "retype the name; an invisible character makes it look like another name",
  "name.mixed-scripts": ({ main, odd, char, position, codePoint }: S<"main" | "odd" | "char" | "codePoint"> & N<"position">) =>
    `mixes ${main} and ${odd} letters ("${char}" at position ${position} is ${odd}, ${codePoint})`,
  "name.mixed-scripts.hint": ({ main }: S<"main">) => `retype the name in ${main} letters only: a look-alike letter makes it a different partner`,
  "bad-partner-name": ({ name, problem }: S<"name" | "problem">) => `partner ${name} ${problem}`,
  duplicate: ({ name, sameAs }: S<"name" | "sameAs">) => `duplicate partner ${name}${sameAs ? ` (names are compared ignoring case: same as ${sameAs})` : ""}`,
  "already-listed": ({ at }: S<"at">) => `already listed as ${at}`,
  "both-se-and-nec": ({ name }: S<"name">) => `${name} is listed as both an SE and an NEC partner`,
  "both-se-and-nec.hint": () => "a partner is either SE (se_partners) or NEC (nec_partners)",
  "until-before-from": ({ until, from }: S<"until" | "from">) => `until (${until}) is before from (${from})`,
  "until-before-from.hint": () => "a partner's until is its last day in the partnership, on or after from",
  "fee-partner-is-se": ({ name, nec }: S<"name" | "nec">) => `${name} is an SE partner; hourly fees are invoiced to NEC partners: ${nec}`,
  "suggest.nec-partners-are": () => "NEC partners are",
  "unknown-partner": ({ name }: S<"name">) => `unknown NEC partner ${name}`,
  "duplicate-fee": ({ from, first }: S<"from" | "first">) => `same 'from' (${from}) and partner as ${first}`,
  "duplicate-fee.hint": () => "keep one rate per date and partner: remove one entry or change its 'from'",
  "duplicate.benefit-type": ({ name }: S<"name">) => `duplicate benefit type "${name}"`,
  "unknown-benefit-type.add": ({ types }: S<"types">) => `add it to fees.benefit_types (now: ${types})`,
  "unknown-benefit-type": ({ name }: S<"name">) => `unknown benefit type "${name}"`,
  "missing-benefit-share": ({ type }: S<"type">) => `no share for benefit type "${type}"`,
  "missing-benefit-share.hint": ({ type }: S<"type">) => `add \`${type}: 0.70\` to the map, or give one number for all types`,
  "missing.start": () => "add the project's first period, e.g. `start: 2025-01`",
  "missing.se_partners": () => "add the SE partners in order, e.g. `se_partners: [BLM, Arbeidskansen]`",
  "missing.nec_partners": () => "add the NEC partners, e.g. `nec_partners: [Q-Jobs, Flexer]`",
  "missing.fees": () => "add `fees:` with at least `hourly: [{from: 2025-01-01, rate: 2.50}]`",
  "missing.fees.hourly": () => "add `hourly: [{from: 2025-01-01, rate: 2.50}]` under fees",
  "missing.fees.hourly.from": () => "add the first day the rate applies, e.g. `from: 2025-01-01`",
  "missing.fees.hourly.rate": () => "add the fee per hour, e.g. `rate: 2.50`",
  "missing.inputs": () => "add `inputs:` with hours, benefits and staff globs",
  "missing.inputs.hours": () => "add the hours exports, e.g. `hours: [exports/uren-*.csv]`",
  "missing.inputs.benefits": () => "add the benefits exports, e.g. `benefits: [exports/voordelen-*.csv]`",
  "missing.inputs.staff": () => "add the staff export, e.g. `staff: [exports/personeel.csv]`",
  "comma-split": ({ written }: S<"written">) => `a comma inside {...} starts a new key; use a decimal point in menerva.yaml: ${written}`,
  "unknown-key": () => "unknown key",
  "suggest.allowed-keys": () => "allowed keys",
  "missing-key": () => "missing required key",
  "bad-value": () => "bad value",
  "bad-type.list": ({ nothing }: B<"nothing">) => `expected a list${nothing ? ", got nothing" : ""}`,
  "bad-type.map": ({ nothing }: B<"nothing">) => `expected a map of keys and values${nothing ? ", got nothing" : ""}`,
  "bad-type.text": ({ nothing }: B<"nothing">) => `expected text${nothing ? ", got nothing" : ""}`,
  "bad-type": ({ expected, nothing }: S<"expected"> & B<"nothing">) => `expected ${expected}${nothing ? ", got nothing" : ""}`,
  "bad-type.list.hint": ({ found }: S<"found">) => `write a list in brackets: [${found}]`,
  "empty-list": () => "must not be empty",

  // YAML files (src/schema/yaml-safe.ts): config, scenario and cost price.
  "yaml.too-deep": () => "nested too deeply",
  "yaml.too-deep.hint": ({ depth }: N<"depth">) => `at most ${depth} levels of lists and maps`,
  "yaml.too-large": ({ length, max }: N<"length" | "max">) => `file too large for a settings file (${length} characters, at most ${max})`,
  "yaml.syntax": ({ detail, code }: S<"detail" | "code">) => `invalid YAML: ${detail}${code === "" ? "" : ""}`,
  "yaml.syntax.hint": ({ code }: S<"code">) =>
    ({
      DUPLICATE_KEY: "each key may appear only once in a map",
      TAB_AS_INDENT: "indent with spaces, not tabs",
      BAD_SCALAR_START: 'put the value in quotes, e.g. decimal: ","',
      MISSING_CHAR: "close the quote or bracket that was opened",
      BLOCK_AS_IMPLICIT_KEY: 'put a line break after the colon, or quote a value that contains ": "',
    })[code] ?? "check indentation, colons and brackets around this place",
  "yaml.alias": ({ name }: S<"name">) => `alias *${name} names no anchor defined before it`,
  "yaml.alias.hint": () => "define the value with &name before using *name",
  "yaml.alias-loop": ({ name }: S<"name">) => `alias *${name} is inside the value it names (a loop)`,
  "yaml.alias-loop.hint": () => "an alias may only name a value defined before and outside it",
  "yaml.alias-bomb": ({ max }: N<"max">) => `aliases expand to more than ${max} values`,
  "yaml.alias-bomb.hint": () => "write the values out, or use fewer aliases",
  "yaml.complex-key": () => "a key must be plain text",
  "yaml.complex-key.hint": () => "write key: value",
  "yaml.duplicate-key": ({ key }: S<"key">) => `duplicate key ${key}`,

  // CSV and xlsx exports: headers and cells (src/schema/csv-row-*.ts, rows.ts).
  "subject.column-or": ({ name, alt }: S<"name" | "alt">) => `column '${name}'${alt ? ` or '${alt}'` : ""}`,
  "duplicate-column": () => "duplicate column",
  "duplicate-column.hint": ({ column, label, key }: N<"column"> & S<"label" | "key">) => `column ${column} ('${label}') already holds ${key}; remove one of them`,
  "no-header": ({ kind }: S<"kind">) => `no known column name in the first row: not ${kind === "hours" ? "an" : "a"} ${kind} export, or its header row is missing`,
  "no-header.hint": ({ names, dutch }: S<"names" | "dutch">) => `the first row names the columns, e.g. ${names} (or in Dutch: ${dutch})`,
  "missing-column": () => "missing column",
  "missing-column.hint": ({ name, other, alt }: S<"name" | "other" | "alt">) =>
    `add a column '${name}' (or '${other}')${alt ? ` or '${alt}'` : ""}; columns are found by name, in any order`,
  "decimal.hint": () => 'add decimal: "," or decimal: "." for this input in menerva.yaml',
  "decimal.comma": () => "a decimal comma",
  "decimal.point": () => "a decimal point",
  "decimal.override": ({ mark }: S<"mark">) => `this input is read with decimal: "${mark}" (menerva.yaml)`,
  "mixed-decimal-marks": () => "mixed decimal marks",
  "mixed-decimal-marks.hint": ({ line, raw, mark, cell }: N<"line"> & S<"raw" | "mark" | "cell">) =>
    `line ${line} has "${raw}" with ${mark}, this cell uses ${cell}; add decimal: "," or decimal: "." for this input in menerva.yaml`,
  "ambiguous-decimal-mark": () => "ambiguous decimal mark",
  "bad-name": ({ kind, problem }: S<"kind" | "problem">) => `${whoName(kind)} name ${problem}`,
  "name.is-se-not-nec": ({ name }: S<"name">) => `"${name}" is an SE partner, not an NEC partner`,
  "name.is-nec-not-se": ({ name }: S<"name">) => `"${name}" is an NEC partner, not an SE partner`,
  "name.known": ({ kind, names }: S<"kind" | "names">) =>
    `${kind === "benefit-type" ? "allowed types (benefit_types in menerva.yaml)" : `known ${whoName(kind)}s (menerva.yaml)`}: ${names || "(none)"}`,
  "unknown-name.unknown-nec-partner": () => "unknown NEC partner",
  "unknown-name.unknown-se-partner": () => "unknown SE partner",
  "unknown-name.unknown-partner": () => "unknown partner",
  "unknown-name.unknown-benefit-type": () => "unknown benefit type",
  "missing-value": () => "missing value",
  "candidate-not-one-line": () => "a candidate id holds a line break or a tab",
  "candidate-not-one-line.hint": () => "an id is one line: a quote in this cell that closes only lines later, or an id typed across lines?",
  "quotes-kept.hint": () => "the quotes are part of the cell: a space between a quote and the separator next to it keeps them in; remove that space",
  "not-a-date": () => "not a date",
  "not-a-date.hint": () => "write 2025-03-31 or 31/03/2025",
  "number-too-large.hint": () => "check the cell: a number this large is not a real value",
  "more-than-cents": () => "an amount in euro has at most two decimals",
  "more-than-cents.hint": () => "round the amount to cents in the export",
  "over-24-hours": () => "more than 24 hours on one row",
  "negative-benefit": () => "negative benefit (a correction?)",
  "not-a-period": () => "not a period",
  "not-a-period.hint": () => "write a month (2025-03) or a quarter (2025-Q1)",
  "negative-fte": () => "negative FTE",
  "staff-cost-column.hint": ({ line }: N<"line">) => `SE partners' rows need a cost; first one is on line ${line}`,
  "fte-over-limit": () => "more than 1.5 FTE on one row",
  "nec-cost-ignored": () => "cost on an NEC partner's row is not part of the settlement",
  "subsidy-over-cost": () => "subsidy exceeds cost",
  "cell-too-long.hint": () => "this cannot be a value of an export; check the file",
  "row-swallowed-line": ({ lines, cells, width }: N<"lines" | "cells" | "width">) =>
    `this row runs over ${lines} lines and has ${cells} cells, the header ${width}: a quote that does not close swallowed the next line`,
  "row-swallowed-line.hint": () => "close the quote or remove it: otherwise the swallowed line is not read",
  "row-mixed-line-ends": ({ lines, cells, width }: N<"lines" | "cells" | "width">) =>
    `this row runs over ${lines} lines and has ${cells} cells, the header ${width}: the file's first line ends in CR LF, these in LF alone (added by another program?), so each ran on into the next`,
  "row-mixed-line-ends.hint": () => "save the file again with one kind of line end (e.g. as CSV from Excel, or with 'CRLF' in your editor): otherwise these lines are not read",
  "row-extra-cells": ({ cells, width }: N<"cells" | "width">) => `this row has ${cells} cells, the header ${width}: the cells past the header are not read`,
  "row-extra-cells.hint": () => "a delimiter in a text without quotes? Put that text in quotes",

  // Scenario files (src/schema/scenario*.ts).
  "scenario.required": () => "required",
  "scenario.plain-decimal": () => "expected a plain decimal number such as 1.50 (no exponent, no thousands separator)",
  "scenario.greater-than": ({ min }: S<"min">) => `must be greater than ${min}`,
  "scenario.at-least": ({ min }: S<"min">) => `must be at least ${min}`,
  "scenario.at-most": ({ max }: S<"max">) => `must be at most ${max}`,
  "scenario.cents": () => "an amount has at most 2 decimals (cents)",
  "scenario.whole-number": () => "expected a whole number",
  "scenario.mc-number": () => "expected a plain number such as 0.5, or a percentage of the scenario's value such as -20%",
  "scenario.mc-number-or-percent": () => "expected a plain number such as 0.5, or a percentage of the scenario's value such as -20% or +20%",
  "scenario.relative-range": () => "a relative change must lie within ±1000%",
  "scenario.at-least-percent": ({ min }: S<"min">) => `must be at least ${min}%`,
  "scenario.expected-text": () => "expected text",
  "scenario.dist-keys": ({ dist, keys, key }: S<"dist" | "keys" | "key">) => `${dist} takes ${keys}, not ${key}`,
  "scenario.required-for": ({ dist }: S<"dist">) => `required for ${dist}`,
  "scenario.low-high-or-min-max": () => "give low and high (or min and max), not both",
  "scenario.unknown-key": ({ key }: S<"key">) => `unknown key "${key}"`,
  "scenario.expected-one-of": ({ values }: L<"values">) => `expected ${values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}` : values.join("")}`,
  "scenario.start-month": () => 'expected a month "YYYY-MM" (quote it: "2025-01")',
  "scenario.growth-too-large": ({ grows, month, max }: S<"grows" | "max"> & N<"month">) => `grows to ${grows} candidates in month ${month}; at most ${max} a month`,
  "scenario.first-rate-month-1": () => "the first rate must start in month 1",
  "scenario.months-increase": () => "months must increase",
  "scenario.at-least-from": () => "must be at least from",
  "scenario.overlaps-before": ({ from, to }: N<"from" | "to">) => `overlaps the line before (months ${from}-${to})`,
  "scenario.shares-sum": ({ total }: S<"total">) => `shares must add up to 1 (they add up to ${total})`,
  "scenario.bad-name": ({ problem, hint }: S<"problem" | "hint">) => `${problem}; ${hint}`,
  "scenario.twice": ({ name }: S<"name">) => `"${name}" appears twice`,
  "scenario.subsidy-amount-or-rate": () => "give either amount (per month) or rate with of, not both",
  "scenario.subsidy-give": () => "give amount (per month), or rate and of (staff_cost or an investment's name)",
  "scenario.subsidy-of": ({ of }: S<"of">) => `"${of}" is neither staff_cost nor the name of an investment`,
  "scenario.at-least-from-month": () => "must be at least from_month",
  "scenario.variable-cost-per": () => "give per_candidate (per entering candidate) or per_worker_month (per active worker a month), one of the two",
  "scenario.subsidies-or-funding": () => "give subsidies or funding, not both (funding replaces subsidies: write subsidies: [] when you extend a file that has them)",
  "scenario.reserved-name": ({ name }: S<"name">) => `"${name}" is reserved for a kind of cost line in funding; choose another name`,
  "scenario.name-in-two-kinds": ({ name, other }: S<"name" | "other">) => `"${name}" is also the name of a line in ${other}; funding needs distinct cost line names`,
  "scenario.not-a-cost-line": ({ name, kinds }: S<"name" | "kinds">) => `"${name}" is not a cost line (use ${kinds} or the name of an investment, running cost or variable cost)`,
  "scenario.funding-rate-or-amount": () => "give rate (a share of each line) or amount (per month), one of the two",
  "scenario.costprice-unreadable": () => "the cost-price file could not be read",
  "scenario.costprice-partners": ({ missing, known }: S<"missing" | "known">) => `se_partners ${missing} not in the cost-price file (it has ${known})`,
  "scenario.required-or-costprice": () => "required (or give costprice: FILE)",
  "scenario.invalid-value": () => "invalid value",
  "scenario.a-map-of-keys": () => "a map of keys",
  "scenario.expected-got": ({ expected, got }: S<"expected" | "got">) => `expected ${expected}, got ${got}`,

  // Cost-price files (src/schema/costprice.ts, src/adapters/costprice-file.ts).
  "costprice.missing": () => "missing",
  "costprice.expected-number": () => "expected a number",
  "costprice.not-a-number": () => "not a plain number (write 1234.56: a decimal point, no thousands separators)",
  "costprice.not-a-number-or-percent": () => "not a plain number (write 1234.56: a decimal point, no thousands separators) or a percentage like 50%",
  "costprice.more-than": ({ min }: S<"min">) => `must be more than ${min}`,
  "costprice.at-least": ({ min }: S<"min">) => `must be at least ${min}`,
  "costprice.at-most": ({ max, percent }: S<"max"> & B<"percent">) => `must be at most ${max}${percent ? " (100%)" : ""}`,
  "costprice.expected-text": () => "expected text",
  "costprice.not-empty": () => "must not be empty",
  "costprice.expected-list": () => "expected a list",
  "costprice.rate-or-amount": () => "give either rate (share of the wage cost) or amount (a year per FTE), not both or neither",
  "costprice.residual": () => "residual value is more than the purchase price",
  "costprice.no-productive-hours": () => "leave, training and absence leave no productive hours",
  "costprice.hours-shape": () => "expected a number of hours, or contract/leave/training/absence hours",
  "costprice.trajectory-shape": () => "expected candidates_per_fte or hours_per_candidate",
  "costprice.one-staff-line": () => "needs at least one staff line",
  "costprice.whole-number": () => "must be a whole number",
  "costprice.one-partner": () => "needs at least one partner",
  "costprice.bad-name": ({ problem }: S<"problem">) => `partner name ${problem}`,
  "costprice.twice": ({ name }: S<"name">) => `partner "${name}" appears twice`,
  "costprice.expected-map": () => "expected a map with partners:",
  "costprice.unknown-key.hint": () => "check the spelling; see fixtures/costprice.yaml for the keys",
  "not-a-costprice-file": () => "not a cost-price file: it has none of the keys partners, revenue or project",
  "not-a-costprice-file.not-a-map": () => "not a cost-price file: expected a map with partners:",
  "not-a-costprice-file.hint": () => "name the cost-price file (see fixtures/costprice.yaml)",
  unreadable: () => "cannot read the file",
  "not-utf8.costprice": () => "not UTF-8 text",
  "not-utf8.costprice.hint": () => "save the cost-price file as UTF-8",

  // Reading files (src/adapters).
  "file.not-found": () => "file not found",
  "file.is-folder": () => "is a folder, not a file",
  "file.permission": () => "cannot read the file (permission denied)",
  "file.not-regular": () => "is not a regular file (a device, pipe or socket)",
  "file.cannot-read": ({ code }: S<"code">) => `cannot read the file (${code})`,
  "file.too-large": ({ size, max }: N<"size" | "max">) => `file too large (${size > 0 ? `${size} bytes, at most ${max}` : `more than ${max} bytes`})`,

  // The config on disk (src/adapters/config-file.ts, src/ledger/ledger-path.ts).
  "glob-outside": () => "** may only search the config's folder and the folders below it",
  "glob-outside.hint": () => "name the folder of the exports without **, e.g. ../exports/*.csv",
  "no-input-file": ({ pattern }: S<"pattern">) => `no file matches ${pattern}`,
  "relative-to-config": ({ dir }: S<"dir">) => `paths are relative to the config's folder ${dir}`,
  "sheet-not-xlsx": ({ file }: S<"file">) => `sheet: only an .xlsx input has sheets, not "${file}"`,
  "sheet-not-xlsx.hint": () => "remove sheet: for CSV inputs",
  "input-in-two-lists": ({ file, other }: S<"file" | "other">) => `"${file}" is also matched by ${other}`,
  "input-in-two-lists.hint": () => "an export is read as one kind only (hours, benefits, staff or costs); make the globs narrower",
  "config-unreadable": () => "cannot read the config file",
  "config-unreadable.not-found": () => "config file not found",
  "config-unreadable.folder": () => "is a folder, not a config file",
  "config-unreadable.hint": ({ path }: S<"path">) => `looked for ${path}; pass --config PATH to name another file`,
  "config-not-utf8": () => "the config file is not UTF-8 text",
  "config-not-utf8.hint": () => "save menerva.yaml as UTF-8",
  "no-staff-cost-file": ({ path }: S<"path">) => `file not found ${path}`,
  "bad-ledger-path": () => "not a usable ledger path",
  "ledger-path.not-dir": () => "a part of the ledger's path is a file, not a folder",
  "ledger-path.not-dir.hint": () => "name a ledger file inside a folder",
  "ledger-path.cannot-inspect": ({ code }: S<"code">) => `cannot inspect the ledger (${code})`,
  "ledger-path.cannot-inspect.hint": () => "check the path and its permissions",
  "ledger-path.folder": () => "is a folder, not a ledger file",
  "ledger-path.folder.hint": () => "name a file, e.g. ledger: menerva-ledger.jsonl (or out/menerva-ledger.jsonl)",
  "ledger-path.not-regular.hint": () => "name a ledger file, e.g. ledger: menerva-ledger.jsonl",
  "ledger-path.link-loop": () => "too many symbolic links",
  "ledger-path.link-loop.hint": () => "point the ledger at a file, not at a loop of links",
  "config-missing": () => "config file not found",
  "config-missing.hint": () => "run in the folder with menerva.yaml, or pass --config PATH or --ledger PATH",
  "config-ledger": () => "must be a file path",

  // Scenario files on disk (src/adapters/scenario-file.ts).
  "file-unreadable": () => "cannot read the file",
  "not-a-map.scenario": () => "a scenario file is a map of keys (inflow: 8, ...)",
  "extends-cycle": ({ chain }: S<"chain">) => `extends goes round in a circle: ${chain}`,
  "bad-extends": () => "extends: expected the path of another scenario file",
  "with-file": ({ message, file }: S<"message" | "file">) => `${message}: ${file}`,
  "montecarlo-inherited": ({ value, from, file, key }: S<"value" | "from" | "file" | "key">) =>
    `${value} is absolute and comes from ${from}, but ${file} sets ${key} itself: Monte Carlo would ignore that value`,
  "montecarlo-inherited.hint": ({ param, from, key, file }: S<"param" | "from" | "key" | "file">) =>
    `leave ${param} out (then it is the scenario's value) or write it relative to it (e.g. ${param}: -20%) in ${from}, or give montecarlo.${key} in ${file}`,
  "costprice-has-problems": ({ file }: S<"file">) => `the cost-price file ${file} has problems (listed above)`,
  "scenario-invalid": () => "not a valid scenario value",

  // Reading exports (src/adapters/csv, src/adapters/xlsx-input).
  "csv.quote-not-closed": () => "a quote opened on this line is never closed",
  "csv.after-closing-quote": () => "unexpected text after a closing quote",
  "csv.fields": () => "wrong number of fields",
  "csv.record-too-long": ({ mb }: N<"mb">) => `a row longer than ${mb} MB: a quote that is never closed, or not a CSV file`,
  "csv.cannot-read-line": ({ detail }: S<"detail">) => `cannot read this line as CSV (${detail})`,
  "csv.is-directory": () => "is a directory, not a file",
  "csv.permission": () => "cannot read file (permission denied)",
  "csv.cannot-read": ({ detail }: S<"detail">) => `cannot read file (${detail})`,
  "more-issues.errors": ({ count }: N<"count">) => `${count} more errors in this file not shown`,
  "more-issues.warnings": ({ count }: N<"count">) => `${count} more warnings in this file not shown`,
  "opening-reserve-negative": () => "the opening reserve is negative: the project starts in deficit",
  "opening-reserve-negative.hint": () => "check the sign of opening_reserve; a deficit taken over is allowed, and every close reports the reserve it leaves",
  "utf16-file": () => "UTF-16 text is not supported",
  "utf16-file.hint": () => "save the export as CSV UTF-8 (or CSV with ; or , separators)",
  "not-text": () => "not a text file (it holds NUL bytes)",
  "not-text.zip": () => "this is a zip file, probably an Excel workbook: give it the extension .xlsx and menerva reads its first sheet",
  "not-text.ole": () => "this is an old Excel workbook (.xls) or one protected with a password: save it as Excel Workbook (.xlsx) without a password, or export it as CSV",
  "not-text.hint": () => "export the data as CSV (UTF-8, or CSV with ; or , separators)",
  "not-utf8": () => "not valid UTF-8",
  "bom-not-win1252": () => "the file starts with a UTF-8 byte order mark (BOM), but menerva.yaml sets it to encoding: windows-1252",
  "bom-not-win1252.hint": () => "remove encoding: windows-1252 from this input in menerva.yaml (the BOM says UTF-8), or save the file as CSV (separated by ; or ,) instead of CSV UTF-8",
  "not-utf8.override": () => "the file is set to encoding: utf-8 in menerva.yaml; remove that to read it as Windows-1252",
  "not-utf8.bom": () => "the file starts with a UTF-8 BOM but holds other bytes (Windows-1252?); save it again as CSV UTF-8",
  "csv-syntax": () => "not valid CSV",
  "csv-syntax.hint": () => 'a quote inside a quoted cell is written twice (""); rows after this line were not read',
  "no-data-rows": () => "a header and no rows: nothing read from this file",
  "no-data-rows.hint": () => "a cut-off or empty export? Export it again; remove the file from the inputs if it is meant to be empty",
  "candidate-quoted": () => "the candidate id keeps its quotes: it would be another candidate than the same id without them",
  "empty-file": () => "empty file (no header row)",
  "empty-file.sheet": () => "empty sheet (no header row)",
  "formula-without-value": ({ count }: N<"count">) => `${count} formula ${count === 1 ? "cell has" : "cells have"} no saved result; read as empty`,
  "formula-without-value.hint": () => "menerva never evaluates formulas: open the workbook in Excel or LibreOffice and save it, so every formula has its value",
  "xlsx.as-csv": () => "export the data as CSV: CSV files have no size limit",
  "not-xlsx": () => "not an .xlsx workbook",
  "not-xlsx.ole": () => "not an .xlsx workbook (an old .xls file, or one protected with a password)",
  "not-xlsx.hint": () => "save it as Excel Workbook (.xlsx) without a password, or as CSV",
  "xlsx-too-large": ({ mb }: N<"mb">) => `the workbook unpacks to more than ${mb} MB`,
  "not-xlsx.zip": () => "damaged workbook (the zip cannot be read)",
  "not-xlsx.sheets": () => "damaged workbook (its sheets cannot be read)",
  "not-xlsx.damaged.hint": () => "save it again from Excel, or export it as CSV",
  "xlsx-no-sheet": () => "the workbook has no sheet",
  "xlsx-no-sheet.named": ({ name }: S<"name">) => `no sheet named ${name}`,
  "xlsx-no-sheet.hint": ({ names }: S<"names">) => `the workbook's sheets are ${names}`,

  // Periods and the order of closes (src/domain/period.ts, src/app/close*.ts).
  "period.no-such-day": ({ date }: S<"date">) => `${date} is not a day of the calendar; write a range as 2025-01-01..2025-03-31`,
  "period.backwards": ({ from, to }: S<"from" | "to">) => `the range ends (${to}) before it starts (${from}); write the first day first: ${to}..${from}`,
  "period.no-such-month": ({ month }: S<"month">) => `there is no month ${month}; write a month as 2025-03`,
  "period.hint": () => "write a month (2025-03), a quarter (2025-Q1), a year (2025) or a range (2025-01-01..2025-03-31)",
  "bad-period": () => "not a period",
  "period.or": ({ period, other }: S<"period" | "other">) => `${period} (or ${other})`,
  "period-not-next": ({ period, how, gap, last }: S<"period" | "how" | "gap" | "last">) =>
    `${period} ${how === "before" ? "comes before" : how === "overlaps" ? "overlaps" : `leaves a gap (${gap}) after`} the last closed period ${last}`,
  "period-not-next.hint": ({ next, close, redo, undo }: S<"next" | "close" | "redo" | "undo">) =>
    `closes follow each other without gaps or overlaps: the next period starts on ${next}, close ${close}; rows dated in closed periods are picked up there as corrections${redo ? ` (to redo ${redo}, run \`menerva close ${redo} --reopen\`, or \`${undo}\`)` : ""}`,
  "period-not-first": ({ period, start }: S<"period" | "start">) => `${period} is not the project's first period: no period is closed yet and the project starts on ${start}`,
  "period-not-first.hint": ({ close }: S<"close">) => `the first close starts at the project's start: close ${close} (or change start in the config)`,
  "period-after-inputs": ({ period, from, latest }: S<"period" | "from" | "latest">) => `${period} starts on ${from}, after the latest date in the inputs (${latest || "no rows at all"})`,
  "period-after-inputs.hint": () => "check the period (a typo?) and that this period's exports are in place; to close a period that truly has no rows yet, add --allow-empty",
  "duplicate-row": ({ count }: N<"count">) => `${count} identical rows; each is counted as a separate row`,
  "duplicate-row.hint": () => "if the export repeats a row by mistake, remove the extra copy and run again",
  "costprice-partner-missing": ({ partner }: S<"partner">) => `SE partner ${partner} is not in the cost-price file`,
  "costprice-partner-missing.hint": ({ partners }: S<"partners">) => `the cost-price file has ${partners}`,

  // The ledger file, its head and its lock (src/ledger).
  "ledger-empty.undo": () => "the ledger has no closed period to undo",
  "ledger-empty": () => "the ledger has no closed period to reopen",
  "undo-not-last": ({ period, last }: S<"period" | "last">) => `${period} is not the last closed period (that is ${last}): only the last close can be undone`,
  "undo-not-last.hint": () => "undo walks back one close at a time, the last one first",
  "ledger-head-unreadable": () => "the ledger's head file is damaged",
  "ledger-head-unreadable.hint": () => "restore the ledger and its .head file together from a backup; the head holds the number of records and the last record's hash",
  "ledger-shorter-than-head.hint": () =>
    "records were removed from the end of the ledger; restore it from a backup (with its .head file). Closing again now would bill the removed periods a second time.",
  "ledger-no-head": ({ head }: S<"head">) => `no head file beside the ledger (${head}): a deleted last record could not be noticed`,
  "ledger-no-head.hint": () => "the next close writes it; if this ledger was copied, copy its .head file with it",
  "ledger-shorter-than-head": ({ records, count, lastPeriod, missing }: N<"records" | "count" | "missing"> & S<"lastPeriod">) =>
    `the ledger has ${records} ${records === 1 ? "record" : "records"} but its head says ${count}${lastPeriod ? ` (the last one closing ${lastPeriod})` : ""}: ${missing === 1 ? "the last record was" : `the last ${missing} records were`} removed`,
  "ledger-documents-lost": ({ counted, held, archive }: N<"counted" | "held"> & S<"archive">) =>
    `the ledger's head counts ${counted} issued document numbers, but the ledger and its archive (${archive}) hold ${held}: the archive, or records in it, went missing`,
  "ledger-documents-lost.hint": ({ archive }: S<"archive">) =>
    `restore ${archive} from a backup (with the ledger and its .head file); a close now could issue numbers that were already sent`,
  "ledger-head-mismatch": ({ count, period }: N<"count"> & S<"period">) =>
    `record ${count} (${period}) is not the record the ledger's head names: a record was replaced or the ledger was restored without its head`,
  "ledger-head-mismatch.hint": () => "restore the ledger and its .head file together from a backup",
  "ledger-locked": ({ pid, host, lock }: S<"pid" | "host" | "lock">) => `another menerva close is running (pid ${pid}${host ? ` on ${host}` : ""}, lock file ${lock})`,
  "ledger-locked.hint": ({ lock }: S<"lock">) => `wait for it to finish; if no close is running, delete ${lock} and run again`,
  "stale-lock": ({ pid, started }: S<"pid" | "started">) => `took over a stale lock left by pid ${pid} (started ${started}), which is no longer running`,
  "stale-lock.hint": () => "a previous close was interrupted; the ledger is written atomically, so it is either as before or as after that close",
  "ledger.tamper.hint": () => "the ledger was changed outside menerva; restore it from a backup (closed periods must not be edited), then run `menerva ledger verify`",
  "ledger-no-line-end": () => "the last record has no line end",
  "ledger-blank-line": () => "blank line inside the ledger",
  "ledger-bad-json.last": () => "truncated or not valid JSON",
  "ledger-bad-json": () => "not valid JSON",
  "ledger-old-format": () => "was written by an earlier menerva, before corrections of closed periods: it keeps row ids but not what a reversal needs",
  "ledger-old-format.hint": () => "move the ledger aside and close its periods again from the same exports with this version (the closes reproduce the same figures)",
  "ledger-bad-record": ({ path, detail }: S<"path" | "detail">) => `not a ledger record: ${path}: ${detail}`,
  "ledger-not-canonical": () => "is not in canonical form (edited by hand?)",
  "ledger-hash-mismatch": () => "hash does not match its content",
  "ledger-seq": ({ line, seq }: N<"line" | "seq">) => `is on line ${line} but numbered ${seq}: a record was deleted, inserted or moved`,
  "ledger-chain": ({ previous }: S<"previous">) => `does not follow ${previous || "the start of the ledger"}: prev_hash does not match; a record was changed, deleted or reordered`,
  "ledger-order": ({ period, previous }: S<"period" | "previous">) => `period ${period} does not come after ${previous}`,

  // Options of the scenario commands (src/app/scenario).
  "driver.staff-cost-from-costprice": ({ file }: S<"file">) => `the staff cost comes from the cost-price file ${file}: change it there`,
  "option.fraction-at-most-1": () => "must be at most 1 (a fraction: 0.5 = 50%)",
  "bad-option": () => "not a valid option value",
  "bad-option.key-value": () => "expected key=value",
  "bad-option.key-value.hint": ({ keys }: S<"keys">) => `e.g. --set placement_rate=0.55; keys: ${keys}`,
  "bad-option.amount": () => "expected an amount such as 50000 or 50000.00",
  "unknown-driver.set": ({ key }: S<"key">) => `"${key}" is not a value --set can change`,
  "use-one-of": ({ names }: S<"names">) => `use one of ${names}`,
  "bad-option.decimal": () => "expected a plain decimal number such as 0.55 or 8",
  "bad-option.value": ({ key, problem }: S<"key" | "problem">) => `${key}: ${problem}`,
  "bad-range": () => "expected driver=from:to:step",
  "bad-range.hint": () => "e.g. --x inflow=4:16:1 --y placement_rate=0.3:0.7:0.05",
  "unknown-driver": () => "not a driver that can be set to a value",
  "bad-range.numbers": () => "from, to and step must be plain decimal numbers",
  "bad-range.step": () => "step must be positive and to at least from",
  "bad-range.bounds": ({ max }: S<"max">) => `values must lie between 0 and ${max}`,
  "bad-range.whole": () => "this driver takes whole numbers",
  "bad-range.too-many": ({ count }: S<"count">) => `${count} values is too many (at most 200 per axis)`,
  "bad-option.min-above-max": ({ min, max }: S<"min" | "max">) => `--max (${max}) is below --min (${min}): the search needs min ≤ max`,
  "bad-option.decimal-min": ({ min }: S<"min">) => `expected a decimal number of at least ${min}`,
  "bad-option.plain-decimal": () => "expected a plain decimal number",
  "bad-option.whole": ({ min, max }: S<"min" | "max">) => `expected a whole number from ${min} to ${max}`,
  "bad-option.solve-for": () => "can solve for inflow, placement-rate, fee or opening-reserve",
  "bad-option.below-100": () => "must be below 100",
  "bad-option.same-drivers": () => "--x and --y need two different drivers",
  "bad-option.cells": () => "at most 10,000 cells",
  "kind.hours": () => "hours",
  "kind.benefits": () => "benefits",
  "kind.staff": () => "staff",
  "kind.cost": () => "costs",

  // E-invoices through the ledger (src/cli/commands/ledger.ts).
  "document.credit-note": () => "credit note",
  "document.invoice": () => "invoice",
  "ledger.credited.doc": ({ number, kind, partner, reverses, amount, reference }: S<"number" | "kind" | "partner" | "reverses" | "amount" | "reference">) =>
    `${number} ${kind} to ${partner} reverses ${reverses}: ${eur(amount)}, ${reference}`,
  "ledger.credited.written": ({ count, out, archive }: N<"count"> & S<"out" | "archive">) =>
    `${count} ${count === 1 ? "document" : "documents"} written to ${out}/ (invoices/, journal.csv, summary.json). ` +
    `The undone close and its documents stay in ${archive}; their numbers are never issued again and the next close carries them back into the ledger.`,
  "ledger.documents.ok": ({ count, years }: N<"count"> & S<"years">) => `documents: ${count}, series without gaps (${years})`,
  "ledger.documents.problems": ({ count }: N<"count">) => `documents: ${count} ${count === 1 ? "problem" : "problems"} in the numbered series (see above; exit 3)`,
  "ledger.documents": () => "documents",
  "ledger.documents.invoice-date": ({ date }: S<"date">) => `invoice date ${date}`,
  "ledger.doc.number": () => "number",
  "ledger.doc.date": () => "date",
  "ledger.doc.due": () => "due",
  "ledger.doc.reference": () => "reference",
  "ledger.doc.total": () => "total",
  "ledger.doc.kept": () => "kept",
  "ledger.doc.reverses": ({ number }: S<"number">) => `reverses ${number}`,
  "ledger.doc.reversed-by": ({ number }: S<"number">) => `reversed by ${number}`,

  // E-invoices of a close (src/app/close-documents.ts, src/domain/invoicing, src/ledger).
  "document-renders-differently": ({ number }: S<"number">) =>
    `document ${number} renders to other bytes than when it was issued (menerva or its PDF library changed); the ledger keeps the hash of the issued one`,
  "document-renders-differently.hint": () => "the figures are the ledger's; keep the copy that was sent as the original",
  "invoice-date-without-invoicing": () => "--invoice-date needs an invoicing: block in the config",
  "invoice-date-without-invoicing.hint": () => "add the invoicing: block (README, E-invoices), or leave out --invoice-date",
  "documents-need-invoicing": ({ numbers }: S<"numbers">) => `the ledger holds issued documents this close must keep (${numbers}), but the config has no invoicing: block`,
  "documents-need-invoicing.hint": () => "issued documents are never dropped: put the invoicing: block back in the config and run the close again",
  "reclose-invoice-date": ({ period, date }: S<"period" | "date">) => `${period} was closed with invoice date ${date}; its documents are issued and keep their dates`,
  "reclose-invoice-date.hint": ({ period }: S<"period">) =>
    `leave out --invoice-date to reproduce the close; a reopen (\`menerva close ${period} --reopen --invoice-date …\`) dates only the documents it issues`,
  "invoice-date-moved": ({ date, movedFrom, after }: S<"date" | "movedFrom" | "after">) =>
    `the documents are dated ${date}, not ${movedFrom} (the day after the period): ${after} already carries ${date}, and numbers follow dates`,
  "invoice-date-moved.hint": () => "give --invoice-date to choose another date on or after it",
  "reclose-documents-changed": ({ period, numbers }: S<"period" | "numbers">) =>
    `${period} is closed and its documents are issued; this close would change ${numbers || "them"}`,
  "reclose-documents-changed.hint": ({ period }: S<"period">) =>
    `to correct issued documents, run \`menerva close ${period} --reopen\` (the last close only): it credits the documents that change and issues new ones`,
  "invoice-date-in-period": ({ date, end }: S<"date" | "end">) => `invoice date ${date} is before the end of the period (${end})`,
  "invoice-date-in-period.hint": ({ end, dayAfter }: S<"end" | "dayAfter">) =>
    `documents for a period are issued once it is over: ${end} or later (default: the day after, ${dayAfter})`,
  "archive-damaged": () => "an archived close whose documents were credited is damaged: its numbers cannot be read",
  "archive-damaged.hint": () => "restore the archive beside the ledger from a backup; the numbers it holds must never be issued again",
  "document-twice": ({ number, record }: S<"number"> & N<"record">) => `document ${number} is also in record ${record}: a number is used once`,
  "invoice-without-document": ({ partner, count }: S<"partner"> & N<"count">) =>
    `the invoice of ${partner} has ${count === 0 ? "no current document" : `${count} current documents`}`,
  "document-figures": ({ number, partner, document, invoice }: S<"number" | "partner" | "document" | "invoice">) =>
    `document ${number} does not carry the invoice of ${partner} (${document} ≠ ${invoice})`,
  "document-without-invoice": ({ number }: S<"number">) => `document ${number} stands for no invoice of this close`,

  // Closes after QA report 1 and 2 (main: withdrawn rows, recorded presentation, repair-outputs, lagging head, fee changes, limits).
  "close.status.written": ({ reopened, where, formats, issued, ledger }: S<"reopened" | "where" | "formats" | "issued" | "ledger">) =>
    `${reopened ? `Reopened ${reopened}. ` : ""}Output written to ${where} (${formats})${issued ? `; issued ${issued}` : ""}; ${ledger}.`,
  "close.ledger.appended": () => "ledger record appended",
  "close.ledger.reproduced": () => "already closed with the same inputs: outputs reproduced (the same bytes), ledger unchanged",
  "close.ledger.reproduced-into-empty": ({ count }: N<"count">) =>
    `already closed with the same inputs: outputs reproduced (${count} files written to a folder that held none of them), ledger unchanged`,
  "close.ledger.rewritten": ({ why, parts }: S<"why"> & L<"parts">) => `already closed with the same inputs, ledger unchanged;${why}: ${parts.join(", ")}`,
  "close.why.options": ({ options }: L<"options">) => ` written with ${options.join(", ")}`,
  "close.why.option": ({ option, now, closed }: S<"option" | "now" | "closed">) => `--${option} ${now} (closed with ${closed})`,
  "close.why.as-closed": ({ recorded, formats, csvStyle, lang }: B<"recorded"> & S<"formats" | "csvStyle" | "lang">) =>
    ` written ${recorded ? "as closed" : "as asked (the record keeps no options)"} (--formats ${formats} --csv-style ${csvStyle} --lang ${lang}) over a set written otherwise`,
  "close.why.not-closed-set": () => " the folder was not the closed set (missing or changed files)",
  "close.part.changed": ({ count, names }: N<"count"> & S<"names">) => `${count} ${count === 1 ? "file" : "files"} rewritten with other bytes (${names})`,
  "close.part.added": ({ count, names }: N<"count"> & S<"names">) => `${count} added (${names})`,
  "close.part.removed": ({ count, names }: N<"count"> & S<"names">) => `${count} removed (${names})`,
  "close.part.same": ({ count }: N<"count">) => `${count} the same`,
  "validate.close.appended": ({ period }: S<"period">) => `${period}: a new close (it would append a ledger record).`,
  "validate.close.reproduced": ({ period }: S<"period">) => `${period}: already closed with these inputs (a close reproduces it).`,
  "validate.close.unchanged": ({ period }: S<"period">) => `${period}: already closed with these rows and this config (the exports changed only outside the period).`,
  "period-past-inputs": ({ period, from, to, latest, month }: S<"period" | "from" | "to" | "latest" | "month">) =>
    `${period} (${from}..${to}) reaches past the inputs: their latest date is ${latest}, before its last month (${month})`,
  "period-past-inputs.hint": ({ fit }: S<"fit">) =>
    `a period must hold input data in its last month; the period that fits the inputs is ${fit} (\`menerva close ${fit}\`); check the period for a typo and that its exports are in place, or add --allow-empty to close months without activity`,
  "ledger-head-renewed": () => "renewed the ledger's head, which lagged behind the ledger (an interrupted close)",
  "ledger-head-lags": ({ count, period, records }: N<"count" | "records"> & S<"period">) =>
    `the ledger's head names record ${count}${period ? ` (${period})` : ""}, but the ledger holds ${records} records: a close (or an undo) was interrupted between writing the ledger and its head`,
  "ledger-head-lags.reopen": ({ period }: S<"period">) =>
    `the ledger's head names the record of ${period} that a --reopen replaced (it is in the archive): the reopen was interrupted between writing the ledger and its head`,
  "ledger-head-lags.hint": ({ period, behind }: S<"period"> & B<"behind">) =>
    `the records verify and nothing is lost; the next close renews the head (\`menerva close ${period}\` reproduces the last close and renews it)${behind ? "; if an undo was interrupted, run `menerva ledger undo` again instead" : ""}`,
  "ledger-changed": () => "the ledger changed while it was being written",
  "undo-interrupted": ({ period, notes }: S<"period" | "notes">) =>
    `an undo --credit of ${period} was interrupted: its credit notes (${notes}) are issued, but the ledger still holds the close`,
  "undo-interrupted.hint": ({ period }: S<"period">) =>
    `run \`menerva ledger undo ${period} --credit\` to finish it (no credit note is issued again); a close now would book those credit notes against a period that is still closed`,
  "undo-finished": ({ period, notes }: S<"period" | "notes">) => `finished an interrupted undo of ${period}: its credit notes (${notes}) were issued by it and are not issued again`,

  // Withdrawn rows (src/app/withdrawn-rows.ts).
  "subject.partner-kind": ({ partner, kind }: S<"partner" | "kind">) => `${partner} ${kind}`,
  "closed-rows-not-restated": ({ count, kind, partner, dates, periods }: N<"count"> & S<"kind" | "partner" | "dates" | "periods">) =>
    `${count} closed ${kind === "hours" ? "hours" : "benefit"} ${count === 1 ? "row" : "rows"} of ${partner} dated ${dates} (${periods}) ${count === 1 ? "is" : "are"} in no export any more, and no cumulative export restates ${count === 1 ? "its date" : "their dates"}: ${count === 1 ? "it stays" : "they stay"} billed, not reversed`,
  "closed-rows-not-restated.hint": ({ partner, count, from }: S<"partner" | "from"> & N<"count">) =>
    `a cumulative export restates its kind from its first date on, for the NEC partners it holds (or held) rows of; if ${partner} withdrew ${count === 1 ? "this row" : "these rows"}, put in an export of it that reaches back to ${from}; \`menerva ledger verify --inputs\` lists every such row`,
  "partner-rows-all-withdrawn": ({ count, kind, partner, periods }: N<"count"> & S<"kind" | "partner" | "periods">) => {
    const word = kind === "hours" ? "hours" : "benefit";
    return `no export holds a ${word} row of ${partner} any more: its ${count} closed ${word} ${count === 1 ? "row" : "rows"} (${periods}) ${count === 1 ? "is" : "are"} withdrawn and reversed in this close`;
  },
  "partner-rows-all-withdrawn.hint": ({ partner }: S<"partner">) =>
    `if ${partner}'s export is missing (not copied, renamed), put it back and run the close again (\`--dry-run\` shows a close without writing it)`,

  // Fees changed for closed periods (src/app/fee-changes.ts).
  "fee-change.none": () => "none",
  "fee-change.hours": ({ who, days, now, closed, periods }: L<"who" | "periods"> & S<"days" | "now" | "closed">) =>
    `the hourly fee of ${who.join(" and ")} for ${days} is ${num(now)} in the config, ${num(closed)} when ${periods.join(", ")} ${periods.length === 1 ? "was" : "were"} closed: closed rows keep ${num(closed)}, late rows of ${periods.join(", ")} are billed at ${num(now)}`,
  "fee-change.benefits": ({ who, now, closed, periods }: L<"who" | "periods"> & S<"now" | "closed">) =>
    `the benefit share for ${who.join(" and ")} is ${num(now)} in the config, ${num(closed)} when ${periods.join(", ")} ${periods.length === 1 ? "was" : "were"} closed: closed rows keep ${num(closed)}, late ${who.join(" and ")} rows of ${periods.join(", ")} are billed at ${num(now)}`,
  "fee-differs-from-close": ({ change, late }: S<"change"> & N<"late">) => `${change}${late > 0 ? ` (${late} late ${late === 1 ? "row" : "rows"} in this close)` : ""}`,
  "fee-differs-from-close.hint-hours": ({ last }: S<"last">) =>
    `a fee change does not re-price closed rows; if the new fee should apply only from now on, give it a from after ${last}`,
  "fee-differs-from-close.hint-benefits": () =>
    "a benefit share has no date: a changed share applies to late rows of every closed period; if it should not, keep the old share until those periods have no late rows",
  "ledger.inputs.fees": ({ change }: S<"change">) => `  fees: ${change}`,

  // Figures a spreadsheet could not reproduce (src/app/close-figures.ts).
  "figure-too-large": ({ value, max }: S<"value" | "max">) => `${value} is past the money limit (every figure of a close is below ${num(max)} in absolute value)`,
  "figure-too-large.hint": ({ from }: S<"from">) =>
    `${from}; a figure this large cannot be a real amount, and a spreadsheet could not reproduce it to the cent: check the rates and the rows it is computed from`,
  "figure-rounds-ambiguously": ({ quantity, price, product, digits, amount }: S<"quantity" | "price" | "product" | "amount"> & N<"digits">) =>
    `${quantity} × ${price} = ${product} lies so near a half cent that a spreadsheet, which keeps ${digits} significant digits, may round it to another cent than ${amount}`,
  "figure-rounds-ambiguously.hint": ({ rows }: S<"rows">) => `round the hours or amounts of its rows (and the rate) to fewer digits${rows}`,
  "figure-rounds-ambiguously.vat": ({ subtotal, rate, amount }: S<"subtotal" | "rate" | "amount">) =>
    `VAT ${subtotal} × ${rate} lies so near a half cent that a spreadsheet may round it to another cent than ${amount}`,
  "figure-rounds-ambiguously.vat-hint": () => "check vat_rate in menerva.yaml (a rate with fewer digits)",
  "figure.rows": ({ sources, more }: S<"sources"> & N<"more">) => `; rows ${sources}${more > 0 ? ` and ${more} more` : ""}`,
  "figure.line.hours": ({ rate }: S<"rate">) => `hours at ${rate}`,
  "figure.line.benefits": ({ types, share }: S<"types" | "share">) => `benefits ${types} at ${share}`,
  "figure.line.correction": ({ period, what }: S<"period" | "what">) => `correction ${period}: ${what}`,
  "figure.line.correction-benefits": ({ price }: S<"price">) => `benefits at ${price}`,
  "figure.line-quantity": ({ partner, line }: S<"partner" | "line">) => `invoice to ${partner}, line "${line}": quantity`,
  "figure.line-amount": ({ partner, line }: S<"partner" | "line">) => `invoice to ${partner}, line "${line}": amount`,
  "figure.invoice-subtotal": ({ partner }: S<"partner">) => `invoice to ${partner}: subtotal`,
  "figure.invoice-vat": ({ partner }: S<"partner">) => `invoice to ${partner}: VAT`,
  "figure.invoice-total": ({ partner }: S<"partner">) => `invoice to ${partner}: total`,
  "figure.from.line": ({ quantity, unit, price, rows }: S<"quantity" | "unit" | "price" | "rows">) => `computed from ${quantity} ${unit} × ${price}${rows}`,
  "figure.from.lines": ({ count }: N<"count">) => `computed from its ${count} line${count === 1 ? "" : "s"}`,
  "figure.from.subtotal-vat": ({ subtotal, vat }: S<"subtotal" | "vat">) => `${subtotal} + VAT ${vat}`,
  "figure.revenue": () => "revenue",
  "figure.from.revenue": () => "Σ of the invoices' subtotals",
  "figure.partner-staff-cost": ({ partner }: S<"partner">) => `settlement of ${partner}: staff cost`,
  "figure.partner-share": ({ partner }: S<"partner">) => `settlement of ${partner}: share`,
  "figure.partner-uncovered": ({ partner }: S<"partner">) => `settlement of ${partner}: uncovered`,
  "figure.from.staff-cost": () => "its staff rows' cost minus subsidy",
  "figure.from.share": () => "its part of the revenue",
  "figure.from.uncovered": () => "its staff cost minus its share",
  "figure.reserve-retained": () => "reserve: retained",
  "figure.reserve-other-costs": () => "reserve: other costs",
  "figure.reserve-closing": () => "reserve: closing",
  "figure.from.retained": () => "Σ of the partners' retained surplus",
  "figure.from.other-costs": () => "Σ of this period's other costs and their corrections",
  "figure.from.closing": ({ opening, retained, otherCosts, payments }: S<"opening" | "retained" | "otherCosts" | "payments">) =>
    `opening ${opening} + retained ${retained} − other costs ${otherCosts} − paid from the reserve ${payments}`,
  "limit.too-precise": ({ digits, max }: N<"digits" | "max">) => `too many digits: ${digits} significant digits, a spreadsheet keeps ${max}`,
  "limit.too-precise.hint": ({ max }: N<"max">) => `round the value to at most ${max} significant digits (a spreadsheet would change the rest silently)`,

  // Partner names that differ only in punctuation or spacing (src/schema/config-checks.ts).
  "look-alike-partner": ({ name, like }: S<"name" | "like">) => `partner ${name} looks like ${like}: the names differ only in punctuation or spacing`,
  "look-alike-partner.hint": ({ at }: S<"at">) =>
    `list each partner once, spelled as in its exports (already listed as ${at}); partners that truly differ need names that differ in letters or digits`,
  "look-alike-partner.se": ({ name, like }: S<"name" | "like">) => `partner ${name} looks like SE partner ${like}: the names differ only in punctuation or spacing`,
  "look-alike-partner.se-hint": () =>
    "a partner is either SE (se_partners) or NEC (nec_partners); partners that truly differ need names that differ in letters or digits",

  // Output folders (src/app/verify-outputs.ts) and `ledger repair-outputs` (src/app/repair-outputs.ts).
  "outputs.undone": ({ period, record }: S<"period" | "record">) =>
    `the outputs of a close of ${period} that was undone or reopened (record ${record}, in the archive); left in place`,
  "outputs.not-in-ledger": ({ record }: S<"record">) =>
    `summary.json names ledger record ${record}, which neither the ledger nor its archive holds: a record was removed from the ledger (restore the ledger with its .head file from a backup), or a close was killed before its record was written (run it again)`,
  "outputs.orphans": ({ count }: N<"count">) => `outputs: ${count} ${count === 1 ? "folder holds" : "folders hold"} the outputs of a close the ledger does not hold (see above)`,
  "repair.complete": ({ period, at }: S<"period" | "at">) => `${period}: ${at} holds its closed set; nothing written`,
  "repair.absent": ({ period, at }: S<"period" | "at">) => `${period}: no folder ${at} (written elsewhere with --out?); \`menerva ledger repair-outputs ${period}\` writes it there`,
  "repair.rewritten": ({ period, at, count }: S<"period" | "at"> & N<"count">) =>
    `${period}: rewrote ${at} (${count} files) from its ledger record and the exports, which are as at its close: the same bytes as closed`,
  "repair.restored": ({ period, at, files }: S<"period" | "at" | "files">) => `${period}: restored ${files} in ${at} to the bytes SHA256SUMS lists`,
  "repair.rewritten-from-exports": ({ period, at, count, why }: S<"period" | "at" | "why"> & N<"count">) =>
    `${period}: rewrote ${at} (${count} files) from today's exports, as ${why}: the same billed rows, figures, ledger record and documents as closed; the row lists and the input hashes in summary.json are today's`,
  "repair.incomplete": ({ period, at, restored, left, why }: S<"period" | "at" | "restored" | "left" | "why">) =>
    `${period}: ${restored ? `restored ${restored} in ${at}; ` : ""}cannot rewrite ${left} of ${at} from the ledger record and today's exports${why ? ` (${why})` : ""}: ` +
    `put the exports back as they were at the close (\`menerva ledger show ${period}\` lists them with their SHA-256) and run \`menerva ledger repair-outputs ${period}\` again (exit 3)`,
  "repair.whole-set.other-close": () => "(the whole set: the folder holds another close's outputs)",
  "repair.whole-set.no-manifest": () => "(the whole set: no SHA256SUMS to restore against)",
  "repair.why.exports-changed": ({ period }: S<"period">) => `the exports changed outside ${period} since its close (its billed rows and the config did not)`,
  "repair.why.unreadable": ({ problems }: S<"problems">) => `the exports cannot be read: ${problems}`,
  "repair.none": () => "No closed period; nothing to repair.",
  "repair.ledger-unchanged": () => "The ledger was not changed.",
};

declare module "../domain/issues.js" {
  interface MessageParams extends ParamsOf<typeof en> {}
}
