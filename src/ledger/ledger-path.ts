// Where the ledger is: `--ledger PATH`, or the `ledger:` key of the config
// (relative to the config's folder; default menerva-ledger.jsonl). Only that
// key is read, so `ledger list` works even while other config keys have errors.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { error, fail, ok, type Result } from "../domain/issues.js";
import { readYaml } from "../schema/config-yaml.js";

export const DEFAULT_LEDGER = "menerva-ledger.jsonl";

export async function resolveLedgerPath(opts: { config?: string; ledger?: string }): Promise<Result<string>> {
  if (opts.ledger) return ok(resolve(opts.ledger));
  const configPath = resolve(opts.config ?? "menerva.yaml");
  const file = opts.config ?? "menerva.yaml";
  let text: string;
  try {
    text = await readFile(configPath, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    return fail([
      error("config-missing", "config file not found", {
        source: { file },
        hint: "run in the folder with menerva.yaml, or pass --config PATH or --ledger PATH",
      }),
    ]);
  }
  const yaml = readYaml(text, file);
  if (!yaml.ok) return fail(yaml.issues);
  const data = yaml.value.data as Record<string, unknown> | null;
  const value = data && typeof data === "object" ? data.ledger : undefined;
  if (value !== undefined && (typeof value !== "string" || value.trim() === "")) {
    return fail([error("config-ledger", "must be a file path", { source: yaml.value.locate(["ledger"]), subject: "ledger" })]);
  }
  return ok(resolve(dirname(configPath), typeof value === "string" ? value.trim() : DEFAULT_LEDGER));
}
