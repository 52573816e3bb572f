/**
 * The command registry: every CLI command, in help order, with its summary (summaries.ts) and
 * how to load its module. Only the command that runs is loaded (app.ts), so a command's start
 * does not pay for compiling the others. A new command is one module in this folder, its summary
 * and one entry here.
 */
import type { CommandModule } from "yargs";
import { COMMAND_SUMMARIES, type CommandSummary } from "./summaries.ts";

/** A registered command; argument types are private to each command module. */
// biome-ignore lint/suspicious/noExplicitAny: yargs command modules differ in their argument types.
export type RegisteredCommand = CommandModule<object, any>;

/** A command: its name, its summary, and its module, loaded on demand. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: CommandSummary;
  readonly load: () => Promise<RegisteredCommand>;
}

/** A command by its name (its summary comes from summaries.ts) and its module's loader. */
function entry(
  name: keyof typeof COMMAND_SUMMARIES,
  load: () => Promise<RegisteredCommand>,
): CommandEntry {
  return { name, summary: COMMAND_SUMMARIES[name], load };
}

/** All commands of the CLI. */
export const commands: readonly CommandEntry[] = [
  entry("run", async () => (await import("./run.ts")).runCommand),
  entry("compare", async () => (await import("./compare.ts")).compareCommand),
  entry("check", async () => (await import("./check.ts")).checkCommand),
  entry("staff", async () => (await import("./staff.ts")).staffCommand),
  entry("sweep", async () => (await import("./sweep.ts")).sweepCommand),
  entry("erlang", async () => (await import("./erlang.ts")).erlangCommand),
  entry("merge", async () => (await import("./merge.ts")).mergeCommand),
  entry("serve", async () => (await import("./serve.ts")).serveCommand),
  entry("validate", async () => (await import("./validate.ts")).validateCommand),
  entry("schema", async () => (await import("./schema.ts")).schemaCommand),
];
