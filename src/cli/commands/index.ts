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

/** All commands of the CLI. */
export const commands: readonly CommandEntry[] = [
  {
    name: "run",
    summary: COMMAND_SUMMARIES.run,
    load: async () => (await import("./run.ts")).runCommand,
  },
  {
    name: "compare",
    summary: COMMAND_SUMMARIES.compare,
    load: async () => (await import("./compare.ts")).compareCommand,
  },
  {
    name: "check",
    summary: COMMAND_SUMMARIES.check,
    load: async () => (await import("./check.ts")).checkCommand,
  },
  {
    name: "staff",
    summary: COMMAND_SUMMARIES.staff,
    load: async () => (await import("./staff.ts")).staffCommand,
  },
  {
    name: "sweep",
    summary: COMMAND_SUMMARIES.sweep,
    load: async () => (await import("./sweep.ts")).sweepCommand,
  },
  {
    name: "erlang",
    summary: COMMAND_SUMMARIES.erlang,
    load: async () => (await import("./erlang.ts")).erlangCommand,
  },
  {
    name: "merge",
    summary: COMMAND_SUMMARIES.merge,
    load: async () => (await import("./merge.ts")).mergeCommand,
  },
  {
    name: "validate",
    summary: COMMAND_SUMMARIES.validate,
    load: async () => (await import("./validate.ts")).validateCommand,
  },
  {
    name: "schema",
    summary: COMMAND_SUMMARIES.schema,
    load: async () => (await import("./schema.ts")).schemaCommand,
  },
];
