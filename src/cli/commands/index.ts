// All commands, registered in one place. Each module adds one command (or group).
import type { Command } from "commander";
import { registerClose } from "./close.js";
import { registerLedger } from "./ledger.js";
import { registerCostprice } from "./costprice.js";
import { registerScenario } from "./scenario.js";
import { registerReport } from "./report.js";

export function registerCommands(program: Command): void {
  registerClose(program);
  registerLedger(program);
  registerReport(program);
  registerScenario(program);
  registerCostprice(program);
}
