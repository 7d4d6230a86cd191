// Test helper: run `menerva costprice …` through commander in-process, with
// only the costprice command registered, capturing stdout, stderr and the exit code.
import { Command, CommanderError } from "commander";
import { registerCostprice } from "../../src/cli/commands/costprice.js";
import { UserError } from "../../src/cli/errors.js";

export type CliRun = { code: number; stdout: string; stderr: string };

export async function runCli(args: string[]): Promise<CliRun> {
  const program = new Command("menerva").exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerCostprice(program);
  let stdout = "";
  let stderr = "";
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(["node", "menerva", ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (e instanceof UserError) {
      stderr += e.render();
      return { code: e.exitCode, stdout, stderr };
    }
    if (e instanceof CommanderError) return { code: 2, stdout, stderr: e.message };
    throw e;
  } finally {
    process.stdout.write = write;
  }
}

// Run directly (npx tsx tests/costprice/run-cli.ts costprice FILE …) for a manual look.
if (process.argv[1]?.endsWith("run-cli.ts")) {
  const r = await runCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
