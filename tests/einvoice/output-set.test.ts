// A close's output set holds its e-invoices one folder down (`invoices/`,
// issue 12): the manifest names them by their relative path, a kill between
// any two renames is finished by the next run, temp files left in `invoices/`
// go, a set without documents drops the previous set's and their folder, and
// nothing outside the folder can be named.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputSet, repairOutputSet, writeOutputSet, type SwitchOps } from "../../src/adapters/output-folder.js";
import { tempDir } from "../ledger/helpers.js";
import { render } from "../../src/i18n/render.js";

const killAfter = (n: number): SwitchOps => {
  let done = 0;
  return {
    rename: async (from, to) => {
      if (done++ >= n) throw new Error("killed");
      const { rename } = await import("node:fs/promises");
      await rename(from, to);
    },
  };
};

const files = (dir: string, v: string) => [
  { path: join(dir, "summary.json"), data: `{"v":"${v}"}\n` },
  { path: join(dir, "journal.csv"), data: `document\n${v}\n` },
  { path: join(dir, "invoices", "MEN2025-0001.xml"), data: `<Invoice>${v}</Invoice>\n` },
  { path: join(dir, "invoices", "MEN2025-0001.pdf"), data: new TextEncoder().encode(`%PDF ${v}`) },
];

describe("an output set with invoices/", () => {
  it("lists the documents by relative path, as sha256sum -c reads them", async () => {
    const dir = join(await tempDir(), "2025-Q1");
    await writeOutputSet(dir, files(dir, "a"));
    const manifest = await readFile(join(dir, "SHA256SUMS"), "utf8");
    expect(manifest.split("\n").filter((l) => l).map((l) => l.slice(66))).toEqual(["invoices/MEN2025-0001.pdf", "invoices/MEN2025-0001.xml", "journal.csv", "summary.json"]);
    expect(await checkOutputSet(dir)).toEqual({ status: "ok", files: 4 });
    await writeFile(join(dir, "invoices", "MEN2025-0001.xml"), "<Invoice>edited</Invoice>\n");
    const check = await checkOutputSet(dir);
    expect(check.status).toBe("changed");
    expect("problems" in check ? check.problems.map((p) => render(p, "en")) : []).toEqual(["invoices/MEN2025-0001.xml: does not match SHA256SUMS (changed, or left from another close)"]);
  });

  it("a kill between any two renames is detected, then finished by the next run", async () => {
    for (let k = 0; k <= 4; k++) {
      const dir = join(await tempDir(), "2025-Q1");
      await writeOutputSet(dir, files(dir, "old"));
      await expect(writeOutputSet(dir, files(dir, "new"), killAfter(k))).rejects.toThrow("killed");
      expect((await checkOutputSet(dir)).status, `kill after ${k}`).toBe("interrupted");
      expect(await repairOutputSet(dir)).toBe(true);
      expect(await checkOutputSet(dir)).toEqual({ status: "ok", files: 4 });
      expect(await readFile(join(dir, "invoices", "MEN2025-0001.xml"), "utf8")).toBe("<Invoice>new</Invoice>\n");
      expect((await readdir(join(dir, "invoices"))).sort()).toEqual(["MEN2025-0001.pdf", "MEN2025-0001.xml"]);
    }
  });

  it("temp files of a killed write in invoices/ are removed; a set without documents drops the old ones and their folder", async () => {
    const dir = join(await tempDir(), "2025-Q1");
    await writeOutputSet(dir, files(dir, "old"));
    await writeFile(join(dir, "invoices", ".MEN2025-0001.xml.123-abc.tmp"), "half");
    expect(await repairOutputSet(dir)).toBe(false);
    expect(await readdir(join(dir, "invoices"))).not.toContain(".MEN2025-0001.xml.123-abc.tmp");
    await writeOutputSet(dir, files(dir, "new").slice(0, 2));
    expect((await readdir(dir)).sort()).toEqual(["SHA256SUMS", "journal.csv", "summary.json"]);
    expect(await checkOutputSet(dir)).toEqual({ status: "ok", files: 2 });
  });

  it("a folder the user put files in is kept when the set leaves it", async () => {
    const dir = join(await tempDir(), "2025-Q1");
    await writeOutputSet(dir, files(dir, "old"));
    await writeFile(join(dir, "invoices", "notes.txt"), "mine");
    await writeOutputSet(dir, files(dir, "new").slice(0, 2));
    expect(await readdir(join(dir, "invoices"))).toEqual(["notes.txt"]);
  });

  it("refuses a file outside the folder or more than one level down", async () => {
    const dir = join(await tempDir(), "2025-Q1");
    await mkdir(dir, { recursive: true });
    await expect(writeOutputSet(dir, [{ path: join(dir, "..", "x.csv"), data: "" }])).rejects.toThrow("is not a file of");
    await expect(writeOutputSet(dir, [{ path: join(dir, "a", "b", "x.csv"), data: "" }])).rejects.toThrow("is not a file of");
    await expect(writeOutputSet(dir, [{ path: join(dir, "SHA256SUMS"), data: "" }])).rejects.toThrow("is not a file of");
  });
});
