/**
 * The command registry: every CLI command, in help order. A new command is one module in
 * this folder plus one entry here.
 */
import type { CommandModule } from "yargs";
import { checkCommand } from "./check.ts";
import { compareCommand } from "./compare.ts";
import { erlangCommand } from "./erlang.ts";
import { mergeCommand } from "./merge.ts";
import { runCommand } from "./run.ts";
import { schemaCommand } from "./schema.ts";
import { staffCommand } from "./staff.ts";
import { sweepCommand } from "./sweep.ts";
import { validateCommand } from "./validate.ts";

/** A registered command; argument types are private to each command module. */
// biome-ignore lint/suspicious/noExplicitAny: yargs command modules differ in their argument types.
export type RegisteredCommand = CommandModule<object, any>;

/** All commands of the CLI. */
export const commands: readonly RegisteredCommand[] = [
  runCommand,
  compareCommand,
  checkCommand,
  staffCommand,
  sweepCommand,
  erlangCommand,
  mergeCommand,
  validateCommand,
  schemaCommand,
];
