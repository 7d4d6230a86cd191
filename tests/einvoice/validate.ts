// Runs the official EN 16931 (CEN) and Peppol BIS 3.0 validation stylesheets
// (tests/einvoice/rules/) over many UBL documents at once: the documents go
// into one folder and Saxon-HE transforms the whole folder per stylesheet
// (`-s:DIR -o:DIR`), compiling each stylesheet once; the two stylesheets run
// side by side. Every `failed-assert` is returned with its flag, rule id and
// text; a document passes when none is flagged "fatal".
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const RULES_DIR = join(import.meta.dirname, "rules");
export const STYLESHEETS = { cen: "EN16931-UBL-validation.xslt", peppol: "PEPPOL-EN16931-UBL.xsl" } as const;
export const SAXON_JAR = process.env.SAXON_JAR ?? "/usr/share/java/Saxon-HE.jar";

export type Assert = { readonly stylesheet: keyof typeof STYLESHEETS; readonly flag: string; readonly id: string; readonly text: string; readonly location: string };
export type Report = { readonly fatal: readonly Assert[]; readonly warnings: readonly Assert[] };

const decode = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Every failed-assert of one SVRL report. */
export function failedAsserts(svrl: string, stylesheet: keyof typeof STYLESHEETS): Assert[] {
  const out: Assert[] = [];
  for (const m of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)) {
    const attrs = Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)]));
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(m[2]!)?.[1] ?? "";
    out.push({ stylesheet, flag: attrs.flag ?? "", id: attrs.id ?? "", text: decode(text.trim()), location: attrs.location ?? "" });
  }
  return out;
}

async function transformFolder(input: string, output: string, stylesheet: string): Promise<void> {
  await mkdir(output, { recursive: true });
  try {
    await run("java", ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", SAXON_JAR, "net.sf.saxon.Transform", `-s:${input}`, `-xsl:${join(RULES_DIR, stylesheet)}`, `-o:${output}`], {
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`Saxon failed on ${stylesheet}: ${err.stderr ?? err.message}`);
  }
}

/** Is the validator installed (Java and Saxon-HE)? */
export const validatorAvailable = (): boolean => existsSync(SAXON_JAR);

/**
 * Validate documents (name -> UBL text) against both rule sets in two Saxon
 * runs; returns each document's fatal errors and warnings.
 */
export async function validateUbl(docs: ReadonlyMap<string, string>): Promise<Map<string, Report>> {
  if (!validatorAvailable()) throw new Error(`Saxon-HE not found at ${SAXON_JAR}: apt-get install default-jre-headless libsaxonhe-java (or set SAXON_JAR)`);
  const dir = await mkdtemp(join(tmpdir(), "menerva-einvoice-"));
  try {
    const input = join(dir, "in");
    await mkdir(input);
    const files = new Map<string, string>();
    let i = 0;
    for (const [name, xml] of docs) {
      const file = `${String(++i).padStart(4, "0")}.xml`;
      files.set(name, file);
      await writeFile(join(input, file), xml);
    }
    await Promise.all((Object.keys(STYLESHEETS) as (keyof typeof STYLESHEETS)[]).map((k) => transformFolder(input, join(dir, k), STYLESHEETS[k])));
    const out = new Map<string, Report>();
    for (const [name, file] of files) {
      const asserts: Assert[] = [];
      for (const k of Object.keys(STYLESHEETS) as (keyof typeof STYLESHEETS)[]) {
        asserts.push(...failedAsserts(await readFile(join(dir, k, file), "utf8"), k));
      }
      out.set(name, { fatal: asserts.filter((a) => a.flag === "fatal"), warnings: asserts.filter((a) => a.flag !== "fatal") });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** "BR-CO-16 (cen): [BR-CO-16]-Amount due … at /Invoice/…" per fatal error, for a failing test's message. */
export const describeFatal = (r: Report): string[] => r.fatal.map((a) => `${a.id} (${a.stylesheet}): ${a.text}`);
