// Where the ledger is: `--ledger PATH`, or the `ledger:` key of the config
// (relative to the config's folder; default menerva-ledger.jsonl). Only that
// key is read, so `ledger list` works even while other config keys have errors.
import { dirname, resolve } from "node:path";
import { error, fail, ok, t, type Result, type SourceRef } from "../domain/issues.js";
import { readYaml } from "../schema/config-yaml.js";
import { readSmallFile, utf8Text } from "../adapters/read-small-file.js";
import { resolveLedgerTarget } from "./ledger-target.js";

export const DEFAULT_LEDGER = "menerva-ledger.jsonl";

/** The ledger's path, symbolic links followed (ledger-target.ts); a folder or device is refused. */
export async function resolveLedgerPath(opts: { config?: string; ledger?: string }): Promise<Result<string>> {
  const found = await namedLedgerPath(opts);
  if (!found.ok) return found;
  const { path, named } = found.value;
  const target = await resolveLedgerTarget(path);
  // Said where the ledger was named, as `close` says it: the config's ledger: line, or --ledger.
  if (!target.ok) return fail([{ ...error("bad-ledger-path", {}, { ...named, hint: target.hint }), message: target.problem }]);
  return ok(target.path);
}

type Named = { readonly path: string; readonly named: { readonly source?: SourceRef; readonly subject: string; readonly found: string } };

async function namedLedgerPath(opts: { config?: string; ledger?: string }): Promise<Result<Named>> {
  if (opts.ledger) return ok({ path: resolve(opts.ledger), named: { subject: "--ledger", found: opts.ledger } });
  const configPath = resolve(opts.config ?? "menerva.yaml");
  const file = opts.config ?? "menerva.yaml";
  const read = await readSmallFile(configPath);
  const text = read.ok ? utf8Text(read.bytes) : undefined;
  if (!read.ok || text === undefined) {
    const missing = !read.ok && read.code === "ENOENT";
    return fail([
      {
        ...error(missing ? "config-missing" : "config-unreadable", {}, { source: { file }, hint: t("config-missing.hint") }),
        message: missing ? t("config-unreadable.not-found") : read.ok ? t("config-not-utf8") : read.message,
      },
    ]);
  }
  const yaml = readYaml(text.replace(/^\uFEFF/, ""), file);
  if (!yaml.ok) return fail(yaml.issues);
  const data = yaml.value.data as Record<string, unknown> | null;
  const value = data && typeof data === "object" ? data.ledger : undefined;
  if (value !== undefined && (typeof value !== "string" || value.trim() === "")) {
    return fail([error("config-ledger", {}, { source: yaml.value.locate(["ledger"]), subject: "ledger" })]);
  }
  const written = typeof value === "string" ? value.trim() : DEFAULT_LEDGER;
  const source = typeof value === "string" ? yaml.value.locate(["ledger"]) : { file };
  return ok({ path: resolve(dirname(configPath), written), named: { source, subject: "ledger", found: written } });
}
