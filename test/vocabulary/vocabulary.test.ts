/**
 * One vocabulary: the scenario schema, the router and the samplers derive label operators,
 * distribution mode kinds and distribution specs from `src/vocabulary/`. The type assertions
 * are checked by `tsc --noEmit` (which covers test/); the run-time ones catch a schema or
 * registry that lists names of its own.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import { createDistribution, type DistributionSpec as RandomSpec } from "../../src/random/index.ts";
import { operatorHolds } from "../../src/router/classification/selectors.ts";
import { distributionModes } from "../../src/router/distribution/modes/index.ts";
import type {
  DistributionModeKind as RouterModeKind,
  LabelOperator as RouterOperator,
} from "../../src/router/types.ts";
import { scenarioJsonSchema } from "../../src/scenario/json-schema.ts";
import { distributionSchema, labelOperatorSchema } from "../../src/scenario/schema-primitives.ts";
import {
  DEFAULT_SCORING_RULE_OPTIONS,
  distributionPolicySchema,
} from "../../src/scenario/schema-router.ts";
import type {
  DistributionModeKind as ScenarioModeKind,
  LabelOperator as ScenarioOperator,
  DistributionSpec as ScenarioSpec,
} from "../../src/scenario/types.ts";
import {
  DISTRIBUTION_KINDS,
  DISTRIBUTION_MODE_KINDS,
  DISTRIBUTION_PARAMETERS,
  type DistributionKind,
  type DistributionModeKind,
  type DistributionParameterDomain,
  type DistributionSpec,
  isDistributionModeKind,
  isLabelOperator,
  LABEL_OPERATORS,
  type LabelOperator,
  SCORING_PARAMETERS,
} from "../../src/vocabulary/index.ts";

/** A valid scenario value for each parameter domain (durations as numbers of seconds). */
const SAMPLE_VALUE: Record<DistributionParameterDomain, unknown> = {
  duration: 30,
  positiveDuration: 30,
  positiveNumber: 1.5,
  positiveInteger: 2,
  durationList: [10, 20, 30],
};

/** A scenario distribution object of the given kind, every parameter at its sample value. */
function sampleDistribution(kind: DistributionKind): Record<string, unknown> {
  const parameters: Record<string, DistributionParameterDomain> = DISTRIBUTION_PARAMETERS[kind];
  const spec: Record<string, unknown> = { kind };
  for (const [name, domain] of Object.entries(parameters)) spec[name] = SAMPLE_VALUE[domain];
  return spec;
}

describe("distribution mode kinds", () => {
  it("are the same type in the vocabulary, the scenario and the router", () => {
    expectTypeOf<ScenarioModeKind>().toEqualTypeOf<DistributionModeKind>();
    expectTypeOf<RouterModeKind>().toEqualTypeOf<DistributionModeKind>();
    expectTypeOf<keyof typeof distributionModes>().toEqualTypeOf<DistributionModeKind>();
    expectTypeOf<
      z.output<typeof distributionPolicySchema>["mode"]["kind"]
    >().toEqualTypeOf<DistributionModeKind>();
  });

  it("each has exactly one strategy in the router, registered under its own kind", () => {
    expect(Object.keys(distributionModes)).toEqual([...DISTRIBUTION_MODE_KINDS]);
    for (const kind of DISTRIBUTION_MODE_KINDS) {
      expect(distributionModes[kind].kind).toBe(kind);
      expect(typeof distributionModes[kind].choose).toBe("function");
    }
  });

  it("are exactly the schema's mode.kind enum, in the same order", () => {
    expect(distributionPolicySchema.shape.mode.shape.kind.options).toEqual([
      ...DISTRIBUTION_MODE_KINDS,
    ]);
  });

  it("scoring parameters are exactly the schema's enum and its default", () => {
    const options = distributionPolicySchema.shape.mode.shape.scoringRuleOptions.unwrap();
    expect(options.shape.scoringParameters.unwrap().element.options).toEqual([
      ...SCORING_PARAMETERS,
    ]);
    expect(DEFAULT_SCORING_RULE_OPTIONS.scoringParameters).toEqual([...SCORING_PARAMETERS]);
  });

  it("are recognised by name and nothing else is", () => {
    for (const kind of DISTRIBUTION_MODE_KINDS) expect(isDistributionModeKind(kind)).toBe(true);
    for (const other of ["toString", "longest-idle", "", 1, null]) {
      expect(isDistributionModeKind(other)).toBe(false);
    }
  });
});

describe("label operators", () => {
  it("are the same type in the vocabulary, the scenario, the router and the schema", () => {
    expectTypeOf<ScenarioOperator>().toEqualTypeOf<LabelOperator>();
    expectTypeOf<RouterOperator>().toEqualTypeOf<LabelOperator>();
    expectTypeOf<z.output<typeof labelOperatorSchema>>().toEqualTypeOf<LabelOperator>();
  });

  it("are exactly the schema's enum, in the same order", () => {
    expect(labelOperatorSchema.options).toEqual([...LABEL_OPERATORS]);
  });

  it("each gets an answer from the router's selector check", () => {
    for (const operator of LABEL_OPERATORS) {
      expect(typeof operatorHolds(operator, 2, 1)).toBe("boolean");
      expect(isLabelOperator(operator)).toBe(true);
    }
    expect(isLabelOperator("toString")).toBe(false);
    expect(isLabelOperator("Equal")).toBe(false);
  });
});

describe("distribution specs", () => {
  it("are the same type in the vocabulary, the scenario and random/", () => {
    expectTypeOf<ScenarioSpec>().toEqualTypeOf<DistributionSpec>();
    expectTypeOf<RandomSpec>().toEqualTypeOf<DistributionSpec>();
  });

  it("every kind is accepted by the schema and built by the sampler factory", () => {
    for (const kind of DISTRIBUTION_KINDS) {
      const parsed = distributionSchema.safeParse(sampleDistribution(kind));
      expect(parsed.success, `${kind}: ${parsed.error?.message}`).toBe(true);
      const spec = parsed.data as DistributionSpec;
      expect(spec.kind).toBe(kind);
      expect(Number.isFinite(createDistribution(spec).mean)).toBe(true);
    }
  });

  it("every kind rejects a missing parameter", () => {
    for (const kind of DISTRIBUTION_KINDS) {
      for (const name of Object.keys(DISTRIBUTION_PARAMETERS[kind])) {
        const { [name]: _dropped, ...withoutParameter } = sampleDistribution(kind);
        expect(distributionSchema.safeParse(withoutParameter).success, `${kind}.${name}`).toBe(
          false,
        );
      }
    }
  });

  it("are exactly the JSON Schema's distribution kinds, in the same order", () => {
    const definitions = scenarioJsonSchema().$defs as Record<string, { anyOf?: unknown[] }>;
    const kinds = JSON.stringify(definitions.Distribution).match(
      /"kind":\{"type":"string","const":"(\w+)"\}/g,
    );
    expect(kinds?.map((text) => /const":"(\w+)"/.exec(text)?.[1])).toEqual([...DISTRIBUTION_KINDS]);
  });
});
