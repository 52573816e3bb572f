/**
 * `ccsim validate <files..>`: checks scenario files without simulating, trace files included
 * (read whole). Prints `<file>: ok` (with the count of warnings, if any) on stdout per valid
 * file and every problem and warning of
 * every file on stderr (one line each); exits 2 if any file is invalid or unreadable, or has
 * warnings under `--strict`. Files are checked in the order given.
 */
import type { Argv, CommandModule } from "yargs";
import { UsageError } from "../../errors.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine, printLine } from "../output.ts";
import { checkScenarioFile, STRICT_OPTION } from "../scenario-check.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

interface ValidateArguments {
  files: string[];
  strict: boolean;
}

/** Checks one file; returns whether it is valid, after printing its outcome. */
async function validateFile(file: string, strict: boolean): Promise<boolean> {
  let warnings: number;
  try {
    const checked = await checkScenarioFile(file, strict);
    if (checked === undefined) return false;
    warnings = checked.warnings.length;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printErrorLine(error.message);
    return false;
  }
  // "ok" alone would read as "nothing to see" next to warnings printed on stderr.
  const note =
    warnings === 0 ? "" : warnings === 1 ? ", with 1 warning" : `, with ${warnings} warnings`;
  printLine(`${file}: ok${note}`);
  return true;
}

async function handler(args: ValidateArguments): Promise<void> {
  let allValid = true;
  for (const file of args.files) {
    allValid = (await validateFile(file, args.strict)) && allValid;
  }
  if (!allValid) throw new ExitWithCode(2);
}

/** The `validate` command. */
export const validateCommand: CommandModule<object, ValidateArguments> = {
  ...COMMAND_SUMMARIES.validate,
  builder: (cli: Argv) =>
    cli
      .positional("files", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "scenario files (YAML or JSON)",
      })
      .option("strict", STRICT_OPTION)
      .example("$0 validate scenarios/quickstart.yaml", "check one scenario")
      .example("$0 validate scenarios/*.yaml", "check several; all problems are listed")
      .example(
        "$0 validate --strict scenarios/*.yaml",
        "in CI: fail on warnings too",
      ) as unknown as Argv<ValidateArguments>,
  handler,
};
