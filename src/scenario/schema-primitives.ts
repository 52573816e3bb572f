/**
 * Zod schemas for the building blocks of the scenario format: durations, distributions, labels,
 * selectors and RouterRules. Input side = what a user writes; output side = normalised values
 * (durations in seconds, bare durations as constant distributions). Objects are strict.
 * Distribution kinds, their parameters and the label operators come from `vocabulary/`.
 */
import * as z from "zod";
import {
  DISTRIBUTION_KINDS,
  DISTRIBUTION_PARAMETERS,
  type DistributionKind,
  type DistributionParameterDomain,
  LABEL_OPERATORS,
} from "../vocabulary/index.ts";
import { DURATION_PATTERN, DURATION_SYNTAX, parseDurationSeconds } from "./duration.ts";
import { ruleWithValue } from "./messages.ts";
import type { DistributionSpec, RouterRuleSpec } from "./types.ts";

const durationString = z.string().regex(new RegExp(DURATION_PATTERN), {
  error: (issue) =>
    typeof issue.input === "string" && issue.input.trim().startsWith("-")
      ? `a duration cannot be negative, got ${JSON.stringify(issue.input)}`
      : `${JSON.stringify(issue.input)} is not a duration: expected ${DURATION_SYNTAX}`,
});

const durationNumber = z.number().min(0, { error: ruleWithValue("a duration cannot be negative") });

/** A duration (seconds or `<number><unit>`), output in seconds. */
export const durationSchema = z
  .union([durationNumber, durationString], { error: `expected a duration: ${DURATION_SYNTAX}` })
  .transform((value) => parseDurationSeconds(value) ?? Number.NaN)
  .meta({ id: "Duration", description: `A duration: ${DURATION_SYNTAX}` });

/** A plain number of seconds, as in the service's `...Seconds` fields. */
export const secondsSchema = z
  .number()
  .min(0, { error: ruleWithValue("seconds cannot be negative") });

const positiveDuration = durationSchema.refine((seconds) => seconds > 0, {
  error: (issue) => `must be longer than 0 seconds, got ${String(issue.input)}`,
});

const nonNegativeNumber = z.number().min(0);
const positiveNumber = z.number().positive();

/** The schema of each parameter domain of the vocabulary; a domain without one does not compile. */
const parameterSchemas: Readonly<Record<DistributionParameterDomain, z.ZodType>> = {
  duration: durationSchema,
  positiveDuration,
  positiveNumber,
  positiveInteger: z.number().int().min(1),
  durationList: z.array(durationSchema).min(1, { error: "needs at least one value" }),
};

/** `{kind, ...parameters}` of one distribution kind, parameters in the vocabulary's order. */
function distributionKindSchema(kind: DistributionKind) {
  const parameters: Readonly<Record<string, DistributionParameterDomain>> =
    DISTRIBUTION_PARAMETERS[kind];
  const shape: Record<string, z.ZodType> = { kind: z.literal(kind) };
  for (const [name, domain] of Object.entries(parameters)) shape[name] = parameterSchemas[domain];
  return z.strictObject(shape);
}

/** One object schema per kind of `DISTRIBUTION_PARAMETERS`, in its order. */
const distributionObject = z.discriminatedUnion(
  "kind",
  DISTRIBUTION_KINDS.map(distributionKindSchema) as [
    ReturnType<typeof distributionKindSchema>,
    ...ReturnType<typeof distributionKindSchema>[],
  ],
);

/** Cross-parameter checks that a single field schema cannot express. */
function checkDistribution(spec: DistributionSpec, context: z.RefinementCtx): void {
  if (spec.kind === "uniform" && spec.min > spec.max) {
    context.addIssue({ code: "custom", path: ["min"], message: "min must not exceed max" });
  }
  if (spec.kind === "triangular" && !(spec.min <= spec.mode && spec.mode <= spec.max)) {
    context.addIssue({ code: "custom", path: ["mode"], message: "needs min ≤ mode ≤ max" });
  }
}

/** A distribution: a bare duration (constant) or `{kind, ...}`; times output in seconds. */
export const distributionSchema = z
  .union([durationSchema, distributionObject], {
    error: `expected a duration (${DURATION_SYNTAX}) or a distribution object with a kind`,
  })
  .transform(
    (value): DistributionSpec =>
      typeof value === "number" ? { kind: "constant", value } : (value as DistributionSpec),
  )
  .superRefine(checkDistribution)
  .meta({
    id: "Distribution",
    description: "A bare duration (constant) or a distribution object with a kind",
  });

export { nonNegativeNumber, positiveNumber };

/** A label or tag value. */
const labelValueSchema = z.union([z.string(), z.number(), z.boolean()], {
  error: "a label value must be a string, a number or a boolean",
});

/** Labels or tags: a map of primitives. */
export const labelsSchema = z
  .record(z.string(), labelValueSchema)
  .meta({ id: "Labels", description: "A map of primitive values" });

/** A label operator, one of the vocabulary's `LABEL_OPERATORS`. */
export const labelOperatorSchema = z.enum(LABEL_OPERATORS);

export const queueSelectorSchema = z
  .strictObject({
    key: z.string().min(1),
    labelOperator: labelOperatorSchema,
    value: labelValueSchema,
  })
  .meta({ id: "QueueSelector" });

export const workerSelectorSchema = z
  .strictObject({
    key: z.string().min(1),
    labelOperator: labelOperatorSchema,
    value: labelValueSchema,
    expiresAfterSeconds: secondsSchema.optional(),
    expedite: z.boolean().default(false),
  })
  .meta({ id: "WorkerSelector" });

/** Any value (the `value` of a static rule); YAML and JSON only produce JSON-like data. */
const jsonValueSchema = z.unknown().describe("the rule's result: any value");

/** RouterRule kinds that can run inside the simulator. */
export const routerRuleSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("static"), value: jsonValueSchema.optional() }),
    z.strictObject({ kind: z.literal("directMap") }),
    z.strictObject({
      kind: z.literal("expression"),
      language: z.literal("powerFx").default("powerFx"),
      expression: z.string().min(1),
    }),
  ])
  .transform(
    (rule): RouterRuleSpec =>
      rule.kind === "static" ? { kind: "static", value: rule.value ?? null } : rule,
  )
  .meta({ id: "RouterRule", description: "A RouterRule: static, directMap or expression" });

/** Why `function` and `webhook` rules are rejected, keyed by the rejected kind. */
export const OFFLINE_RULE_REJECTIONS: Readonly<Record<string, string>> = {
  function:
    "a `function` rule calls an Azure Function over the internet and cannot run in a simulation",
  webhook: "a `webhook` rule calls a web service over the internet and cannot run in a simulation",
};
