/**
 * Builds the yargs parser: global options, the registered commands, strict parsing (an unknown
 * command or option is a UsageError) and no process.exit of its own, so main's single catch
 * decides every exit code. No help text is rendered unless asked for (help-cache.ts).
 */
import yargs, { type Argv } from "yargs";
import { UsageError } from "../errors.ts";
import { nearest } from "../scenario/suggest.ts";
import { commands } from "./commands/index.ts";
import { skipHelpCache } from "./help-cache.ts";
import { packageVersion } from "./version.ts";

/** Yargs would call an unknown command an "unknown argument"; say what it is, with a remedy. */
function assertKnownCommand(argv: readonly string[]): void {
  const first = argv[0];
  if (first === undefined || first.startsWith("-")) return;
  const names = commands.map((command) => command.name);
  if (names.includes(first)) return;
  const suggestion = nearest(first, names);
  const remedy =
    suggestion === undefined ? `commands: ${names.join(", ")}` : `did you mean "${suggestion}"?`;
  throw new UsageError(`unknown command "${first}" (${remedy})`);
}

/**
 * The options yargs knows at the moment it fails, the running command's included: yargs has
 * `getOptions` but its types leave it out (test/cli/cli.test.ts fails if it goes).
 */
interface OptionsOfYargs {
  getOptions(): { readonly key: Readonly<Record<string, unknown>> };
}

/**
 * Yargs's "Unknown argument(s): a, b" in ccsim's words, or undefined for another message: each
 * unknown option with the nearest option of the command ("did you mean --replications?"), and
 * a word that is no option as an unexpected argument. `known` are the command's option names.
 */
export function unknownArgumentsMessage(
  message: string,
  argv: readonly string[],
  known: readonly string[],
): string | undefined {
  const listed = /^Unknown arguments?: (.+)$/.exec(message)?.[1];
  if (listed === undefined) return undefined;
  const candidates = known.filter((name) => name.length > 1);
  const problems = listed.split(", ").map((name) => {
    const written = argv.find(
      (argument) =>
        argument === `--${name}` || argument.startsWith(`--${name}=`) || argument === `-${name}`,
    );
    if (written === undefined) return `unexpected argument "${name}"`;
    const option = `${written.startsWith("--") ? "--" : "-"}${name}`;
    const suggestion = nearest(name, candidates);
    return suggestion === undefined
      ? `unknown option ${option}`
      : `unknown option ${option} (did you mean --${suggestion}?)`;
  });
  return problems.join("; ");
}

/**
 * The CLI for the given arguments (without `node` and the script path). The modules of the
 * commands named in `argv` are loaded (normally the one that runs); the others are registered
 * by their summaries alone, enough for yargs to list them in the help.
 */
export async function buildCli(argv: readonly string[]): Promise<Argv> {
  assertKnownCommand(argv);
  let cli = yargs([...argv])
    .scriptName("ccsim")
    .locale("en")
    .usage(
      "$0 <command> [options]\n\nSimulate an Azure Communication Services Job Router contact center.",
    )
    .version(packageVersion())
    .help()
    .alias("h", "help")
    .alias("v", "version")
    .strict()
    .demandCommand(1, "name a command")
    .recommendCommands()
    .exitProcess(false)
    .showHelpOnFail(false)
    .wrap(100)
    .epilogue("Exit codes: 0 ok, 1 check failed, 2 invalid input or usage, 3 internal error.")
    .fail((message, error) => {
      if (error !== undefined && error !== null) throw error;
      const known = Object.keys((cli as unknown as OptionsOfYargs).getOptions().key);
      throw new UsageError(unknownArgumentsMessage(message, argv, known) ?? message);
    });
  const named = new Set(argv);
  for (const command of commands) {
    const { summary } = command;
    cli = named.has(command.name)
      ? cli.command(await command.load())
      : cli.command(summary.command, summary.describe);
  }
  skipHelpCache(cli);
  return cli;
}
