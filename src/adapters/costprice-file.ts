// Reads a cost-price YAML file into exact domain values. Numbers are taken
// from their YAML source text (never through a JS float); every problem is
// reported at once as `file.yaml:LINE:COL: path.to.key: problem`. The YAML
// goes through yaml-safe.ts like every other YAML file menerva reads.
import type { ZodError } from "../schema/zod.js";
import type { CostPrice } from "../domain/costprice/types.js";
import { capIssues, error, fail, ok, t, type Issue, type Result } from "../domain/issues.js";
import { readYaml, type YamlSource } from "../schema/config-yaml.js";
import { COSTPRICE_KEYS, CostPriceSchema } from "../schema/costprice.js";
import { isPlainMap } from "../schema/yaml-safe.js";
import { zodText } from "../schema/zod-text.js";
import { readSmallFile, utf8Text } from "./read-small-file.js";

function zodIssues(err: ZodError, src: YamlSource, file: string): Issue[] {
  const out: Issue[] = [];
  for (const zi of err.issues) {
    const keys = zi.code === "unrecognized_keys" ? zi.keys : [undefined];
    const base = zi.path.filter((s): s is string | number => typeof s !== "symbol");
    for (const key of keys) {
      const path = key === undefined ? base : [...base, key];
      const found = key === undefined ? src.textAt(base) : undefined;
      const message = key !== undefined ? t("unknown-key") : zodText(zi);
      out.push({
        severity: "error",
        code: zi.code === "custom" ? "invalid-value" : zi.code.replace(/_/g, "-"),
        message,
        source: src.locate(base, key),
        subject: path.length ? path.map(String).join(".") : "(file)",
        ...(found !== undefined && message.key !== "costprice.missing" ? { found } : {}),
        ...(key !== undefined ? { hint: t("costprice.unknown-key.hint") } : {}),
      });
    }
  }
  return capIssues(out, file);
}

/** Parse cost-price YAML text; `file` is the name used in messages (as the user typed it). */
export function parseCostPriceText(text: string, file: string): Result<CostPrice> {
  const yaml = readYaml(text.replace(/^\uFEFF/, ""), file, { number: (source) => source });
  if (!yaml.ok) return fail(yaml.issues);
  const src = yaml.value;
  // A YAML file that is not a cost-price file (another program's settings,
  // /etc/passwd read as YAML): say so once, without quoting its keys or values.
  if (!isPlainMap(src.data) || !Object.keys(src.data).some((k) => COSTPRICE_KEYS.includes(k))) {
    return fail([
      error(isPlainMap(src.data) ? "not-a-costprice-file" : "not-a-costprice-file.not-a-map", {}, {
        source: { file, line: 1 },
        hint: t("not-a-costprice-file.hint"),
      }),
    ]);
  }
  const parsed = CostPriceSchema.safeParse(src.data);
  return parsed.success ? ok(parsed.data) : fail(zodIssues(parsed.error, src, file));
}

/** Read and parse a cost-price file; an unreadable file is an issue too. */
export async function readCostPriceFile(path: string): Promise<Result<CostPrice>> {
  const read = await readSmallFile(path);
  if (!read.ok) return fail([{ ...error("unreadable", {}, { source: { file: path } }), message: read.message }]);
  const text = utf8Text(read.bytes);
  if (text === undefined) return fail([error("not-utf8.costprice", {}, { source: { file: path }, hint: t("not-utf8.costprice.hint") })]);
  return parseCostPriceText(text, path);
}
