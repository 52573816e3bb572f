/**
 * The JSON Schema of the scenario format, generated from the zod schema's input side (what a
 * user writes), for editor completion via `$schema`. Deterministic: the committed
 * `scenarios/ccsim.schema.json` must equal `formatScenarioJsonSchema()`.
 */
import * as z from "zod";
import { scenarioSchema } from "./schema.ts";

/** The JSON Schema (draft 2020-12) of a scenario file. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
  return {
    $schema: schema.$schema,
    title: "ccsim scenario (version 1)",
    description:
      "A contact-center scenario for ccsim: Azure Communication Services Job Router resources plus arrivals and worker behaviour.",
    ...schema,
  };
}

/** The JSON Schema as committed: two-space indentation and a trailing newline. */
export function formatScenarioJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
