/**
 * `ccsim schema`: prints the JSON Schema of the scenario format on stdout, exactly as committed
 * in `scenarios/ccsim.schema.json` (`npm run schema:write` regenerates that file with it).
 */
import type { CommandModule } from "yargs";
import { formatScenarioJsonSchema } from "../../scenario/index.ts";
import { printRaw } from "../output.ts";
import { COMMAND_SUMMARIES } from "./summaries.ts";

/** The `schema` command. */
export const schemaCommand: CommandModule<object, object> = {
  ...COMMAND_SUMMARIES.schema,
  builder: (cli) => cli.example("$0 schema > scenarios/ccsim.schema.json", "write the schema file"),
  handler: () => {
    printRaw(formatScenarioJsonSchema());
  },
};
