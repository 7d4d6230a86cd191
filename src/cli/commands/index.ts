// All commands, registered in one place. Each module adds one command (or group).
import type { Command } from "commander";
import type { Lang } from "../../i18n/lang.js";
import { registerClose } from "./close.js";
import { registerLedger } from "./ledger.js";
import { registerCostprice } from "./costprice.js";
import { registerScenario } from "./scenario.js";
import { registerReport } from "./report.js";

/** Every command, with its help in `lang`. */
export function registerCommands(program: Command, lang: Lang = "en"): void {
  registerClose(program, lang);
  registerLedger(program, lang);
  registerReport(program, lang);
  registerScenario(program, lang);
  registerCostprice(program, lang);
}
