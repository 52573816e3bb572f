import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatScenarioJsonSchema, scenarioJsonSchema } from "../../src/scenario/index.ts";

describe("JSON Schema", () => {
  it("equals the committed scenarios/ccsim.schema.json (run `npm run schema:write`)", () => {
    expect(readFileSync("scenarios/ccsim.schema.json", "utf8")).toBe(formatScenarioJsonSchema());
  });

  it("describes the input side: required fields, strict objects, durations as strings", () => {
    const schema = scenarioJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, unknown>;
      $defs: Record<string, { anyOf?: { type: string; pattern?: string }[] }>;
    };
    expect(schema.required.sort()).toEqual(
      ["arrivals", "distributionPolicies", "horizon", "queues", "workers"].sort(),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain("$schema");
    const duration = schema.$defs.Duration?.anyOf?.map((option) => option.type);
    expect(duration).toEqual(["number", "string"]);
  });

  it("is declared by the quickstart for editor completion", () => {
    const firstLine = readFileSync("scenarios/quickstart.yaml", "utf8").split("\n")[0];
    expect(firstLine).toBe("# yaml-language-server: $schema=./ccsim.schema.json");
  });
});
