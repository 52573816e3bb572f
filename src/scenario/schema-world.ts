/**
 * Zod schemas for the simulated people around the router: workers (with channels, shifts and
 * behaviour) and arrival streams (job template plus arrival process). Defaults follow the
 * scenario contract; durations come out in seconds.
 */
import * as z from "zod";
import { ruleWithValue } from "./messages.ts";
import {
  distributionSchema,
  durationSchema,
  labelsSchema,
  workerSelectorSchema,
} from "./schema-primitives.ts";
import { idSchema, prioritySchema } from "./schema-router.ts";

const probability = z
  .number()
  .min(0, { error: ruleWithValue("a probability must be between 0 and 1") })
  .max(1, { error: ruleWithValue("a probability must be between 0 and 1") });

const positiveInteger = z
  .number()
  .int({ error: ruleWithValue("must be a whole number") })
  .min(1, { error: ruleWithValue("must be a positive whole number") });

const channelSchema = z.strictObject({
  channelId: idSchema,
  capacityCostPerJob: positiveInteger,
  maxNumberOfJobs: positiveInteger.optional(),
});

const shiftSchema = z.strictObject({ start: durationSchema, end: durationSchema });

const workerBehaviorSchema = z.strictObject({
  responseTime: distributionSchema.prefault(0),
  acceptProbability: probability.default(1),
  noResponseProbability: probability.default(0),
  declineRetryAfter: durationSchema.optional(),
  handleTimeFactor: z.number().positive().default(1),
  wrapUpTime: distributionSchema.prefault(0),
  unassignProbability: probability.default(0),
  unassignAfter: distributionSchema.prefault(0),
  unassignSuspendMatching: z.boolean().default(false),
  reRegisterAfter: distributionSchema.prefault(0),
});

const nonNegativeInteger = z
  .number()
  .int({ error: ruleWithValue("must be a whole number") })
  .min(0, { error: ruleWithValue("cannot be negative") });

export const workerSchema = z.strictObject({
  id: idSchema,
  // Optional rather than defaulted: with `staffing` the group's size is the vector's maximum,
  // and the rules must tell an absent count from a written one. Normalising fills it (1).
  count: positiveInteger
    .optional()
    .describe("how many identical workers (default 1; with staffing, max(staffing))"),
  capacity: positiveInteger,
  queues: z.array(idSchema),
  channels: z.array(channelSchema),
  labels: labelsSchema.default({}),
  tags: labelsSchema.default({}),
  availableForOffers: z.boolean().default(true),
  shifts: z.array(shiftSchema).optional(),
  staffing: z
    .array(nonNegativeInteger)
    .min(1, { error: "needs one count per report interval" })
    .optional()
    .describe(
      "how many of the group are on duty in each report interval (intervalLength): in interval k the first staffing[k] workers",
    ),
  behavior: workerBehaviorSchema.prefault({}),
});

const ratePerHour = z.number().min(0, { error: ruleWithValue("a rate cannot be negative") });

const arrivalProcessSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("poisson"), ratePerHour }),
  z.strictObject({
    kind: z.literal("piecewisePoisson"),
    intervalLength: durationSchema,
    ratesPerHour: z.array(ratePerHour).min(1, { error: "needs at least one rate" }),
  }),
  z.strictObject({ kind: z.literal("renewal"), interarrival: distributionSchema }),
  z.strictObject({ kind: z.literal("scripted"), at: z.array(durationSchema) }),
  z.strictObject({
    kind: z.literal("trace"),
    file: z.string().min(1),
    timeColumn: z.string().min(1).default("time"),
  }),
]);

export const arrivalSchema = z.strictObject({
  id: idSchema,
  channelId: idSchema,
  queueId: idSchema.optional(),
  classificationPolicyId: idSchema.optional(),
  priority: prioritySchema.default(1),
  labels: labelsSchema.default({}),
  tags: labelsSchema.default({}),
  requestedWorkerSelectors: z.array(workerSelectorSchema).default([]),
  arrival: arrivalProcessSchema,
  handleTime: distributionSchema,
  patience: distributionSchema.optional(),
});
