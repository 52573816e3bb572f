/**
 * `ccsim schema`: prints the JSON Schema of the scenario format on stdout, exactly as committed
 * in `scenarios/ccsim.schema.json` (`npm run schema:write` regenerates that file with it).
 */
import type { CommandModule } from "yargs";
import { formatScenarioJsonSchema } from "../../scenario/index.ts";
import { printRaw } from "../output.ts";

/** The `schema` command. */
export const schemaCommand: CommandModule<object, object> = {
  command: "schema",
  describe: "print the JSON Schema of the scenario format (for editor completion via $schema)",
  builder: (cli) => cli.example("$0 schema > scenarios/ccsim.schema.json", "write the schema file"),
  handler: () => {
    printRaw(formatScenarioJsonSchema());
  },
};
