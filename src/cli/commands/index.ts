// All commands, registered in one place. Each module adds one command (or group).
import type { Command } from "commander";

export function registerCommands(program: Command): void {
  void program;
}
