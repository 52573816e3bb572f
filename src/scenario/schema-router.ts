/**
 * Zod schemas for the Job Router resources of a scenario: distribution policies, queues,
 * classification policies and exception policies, with the 2023-11-01 API's field names and
 * enum values (mode kinds and scoring parameters from `vocabulary/`). Cross-references (ids)
 * are checked later by the rules, not here.
 */
import * as z from "zod";
import { DISTRIBUTION_MODE_KINDS, SCORING_PARAMETERS } from "../vocabulary/index.ts";
import { ruleWithValue } from "./messages.ts";
import {
  labelOperatorSchema,
  labelsSchema,
  queueSelectorSchema,
  routerRuleSchema,
  secondsSchema,
  workerSelectorSchema,
} from "./schema-primitives.ts";

/** A resource id: non-empty. */
export const idSchema = z.string().min(1, { error: "an id cannot be empty" });

/** Job priority as the service accepts it. */
export const prioritySchema = z
  .number()
  .int({ error: ruleWithValue("priority must be a whole number") })
  .min(-100, { error: ruleWithValue("priority must be between -100 and 100") })
  .max(100, { error: ruleWithValue("priority must be between -100 and 100") });

const concurrentOffers = z.number().int().min(1);

const scoringRuleOptionsSchema = z.strictObject({
  batchSize: z.number().int().min(1).default(20),
  scoringParameters: z.array(z.enum(SCORING_PARAMETERS)).default([...SCORING_PARAMETERS]),
  isBatchScoringEnabled: z.boolean().default(false),
  descendingOrder: z.boolean().default(true),
});

/** The options a policy gets when it sets none: the schema's defaults, written once above. */
export const DEFAULT_SCORING_RULE_OPTIONS = Object.freeze(scoringRuleOptionsSchema.parse({}));

const modeSchema = z.strictObject({
  kind: z.enum(DISTRIBUTION_MODE_KINDS),
  minConcurrentOffers: concurrentOffers.default(1),
  maxConcurrentOffers: concurrentOffers.default(1),
  bypassSelectors: z.boolean().default(false),
  scoringRule: routerRuleSchema.optional(),
  scoringRuleOptions: scoringRuleOptionsSchema.optional(),
});

export const distributionPolicySchema = z.strictObject({
  id: idSchema,
  name: z.string().optional(),
  offerExpiresAfterSeconds: z
    .number()
    .positive({ error: ruleWithValue("must be greater than 0 seconds") }),
  mode: modeSchema,
});

export const queueSchema = z.strictObject({
  id: idSchema,
  name: z.string().optional(),
  distributionPolicyId: idSchema,
  exceptionPolicyId: idSchema.optional(),
  labels: labelsSchema.default({}),
});

const weight = z.number().positive().max(1, { error: "a weight is a fraction of 1" });

const passThroughBase = {
  kind: z.literal("passThrough"),
  key: z.string().min(1),
  labelOperator: labelOperatorSchema,
};
const queueSelectors = z.array(queueSelectorSchema);
const workerSelectors = z.array(workerSelectorSchema);

const queueSelectorAttachmentSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("static"), queueSelector: queueSelectorSchema }),
  z.strictObject({
    kind: z.literal("conditional"),
    condition: routerRuleSchema,
    queueSelectors,
  }),
  z.strictObject(passThroughBase),
  z.strictObject({ kind: z.literal("ruleEngine"), rule: routerRuleSchema }),
  z.strictObject({
    kind: z.literal("weightedAllocation"),
    allocations: z.array(z.strictObject({ weight, queueSelectors })).min(1),
  }),
]);

const workerSelectorAttachmentSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("static"), workerSelector: workerSelectorSchema }),
  z.strictObject({
    kind: z.literal("conditional"),
    condition: routerRuleSchema,
    workerSelectors,
  }),
  z.strictObject({ ...passThroughBase, expiresAfterSeconds: secondsSchema.optional() }),
  z.strictObject({ kind: z.literal("ruleEngine"), rule: routerRuleSchema }),
  z.strictObject({
    kind: z.literal("weightedAllocation"),
    allocations: z.array(z.strictObject({ weight, workerSelectors })).min(1),
  }),
]);

export const classificationPolicySchema = z.strictObject({
  id: idSchema,
  name: z.string().optional(),
  fallbackQueueId: idSchema.optional(),
  queueSelectorAttachments: z.array(queueSelectorAttachmentSchema).default([]),
  prioritizationRule: routerRuleSchema.optional(),
  workerSelectorAttachments: z.array(workerSelectorAttachmentSchema).default([]),
});

const triggerSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("queueLength"), threshold: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal("waitTime"), thresholdSeconds: secondsSchema }),
]);

const actionSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("cancel"),
    id: idSchema.optional(),
    note: z.string().optional(),
    dispositionCode: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("manualReclassify"),
    id: idSchema.optional(),
    queueId: idSchema.optional(),
    priority: prioritySchema.optional(),
    workerSelectors: z.array(workerSelectorSchema).optional(),
  }),
  z.strictObject({
    kind: z.literal("reclassify"),
    id: idSchema.optional(),
    classificationPolicyId: idSchema.optional(),
    labelsToUpsert: labelsSchema.optional(),
  }),
]);

export const exceptionPolicySchema = z.strictObject({
  id: idSchema,
  name: z.string().optional(),
  exceptionRules: z.array(
    z.strictObject({ id: idSchema, trigger: triggerSchema, actions: z.array(actionSchema).min(1) }),
  ),
});
