/**
 * `ccsim validate <files..>`: checks scenario files without simulating. Prints `<file>: ok` on
 * stdout per valid file and every problem of every file on stderr (one line each); exits 2 if
 * any file is invalid or unreadable. Files are checked in the order given.
 */
import type { Argv, CommandModule } from "yargs";
import { formatIssue, UsageError } from "../../errors.ts";
import { checkScenarioText, readScenarioFile } from "../../scenario/index.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine, printLine } from "../output.ts";

interface ValidateArguments {
  files: string[];
}

/** Checks one file; returns whether it is valid, after printing its outcome. */
async function validateFile(file: string): Promise<boolean> {
  let text: string;
  try {
    text = await readScenarioFile(file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printErrorLine(error.message);
    return false;
  }
  const check = checkScenarioText(text, file);
  if (check.ok) {
    printLine(`${file}: ok`);
    return true;
  }
  for (const issue of check.issues) printErrorLine(formatIssue(issue));
  return false;
}

async function handler(args: ValidateArguments): Promise<void> {
  let allValid = true;
  for (const file of args.files) {
    allValid = (await validateFile(file)) && allValid;
  }
  if (!allValid) throw new ExitWithCode(2);
}

/** The `validate` command. */
export const validateCommand: CommandModule<object, ValidateArguments> = {
  command: "validate <files..>",
  describe: "check scenario files without simulating; print every problem",
  builder: (cli: Argv) =>
    cli
      .positional("files", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "scenario files (YAML or JSON)",
      })
      .example("$0 validate scenarios/quickstart.yaml", "check one scenario")
      .example(
        "$0 validate scenarios/*.yaml",
        "check several; all problems are listed",
      ) as Argv<ValidateArguments>,
  handler,
};
