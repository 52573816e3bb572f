/**
 * The whole scenario schema (contract version 1). Parsing with it validates the shape of a
 * document and yields durations in seconds with the contract's defaults applied; references
 * between resources are checked afterwards by the rules. Every object is strict.
 */
import * as z from "zod";
import { durationSchema } from "./schema-primitives.ts";
import {
  classificationPolicySchema,
  distributionPolicySchema,
  exceptionPolicySchema,
  queueSchema,
} from "./schema-router.ts";
import { arrivalSchema, workerSchema } from "./schema-world.ts";

/** What a share such as serviceLevelTarget must be, said the way planners write it. */
const SHARE_ERROR = "must be a share above 0 and at most 1 (0.8 for 80%)";

/** The fields of the top-level object, exposed so the loader can validate them one by one. */
export const scenarioShape = {
  $schema: z.string().optional().describe("JSON Schema reference, for editor completion"),
  name: z.string().min(1).optional().describe("defaults to the file name without extension"),
  description: z.string().optional(),
  seed: z.number().int().default(1).describe("master seed of every random stream"),
  replications: z.number().int().min(1).default(1),
  horizon: durationSchema.describe("arrivals are generated in [0, horizon)"),
  warmup: durationSchema.prefault(0).describe("jobs arriving before this are not measured"),
  drain: durationSchema
    .prefault("24h")
    .describe("after the horizon, run until every job ended or horizon + drain"),
  startTime: z.iso
    .datetime({ error: 'expected an ISO-8601 UTC time such as "2026-01-01T00:00:00Z"' })
    .default("2026-01-01T00:00:00Z"),
  serviceLevelThreshold: durationSchema.prefault(20),
  serviceLevelTarget: z
    .number()
    .gt(0, { error: SHARE_ERROR })
    .max(1, { error: SHARE_ERROR })
    .default(0.8)
    .describe("share of jobs to answer within serviceLevelThreshold (0 < target ≤ 1), for charts"),
  intervalLength: durationSchema.prefault("15m"),
  distributionPolicies: z.array(distributionPolicySchema),
  queues: z.array(queueSchema),
  classificationPolicies: z.array(classificationPolicySchema).default([]),
  exceptionPolicies: z.array(exceptionPolicySchema).default([]),
  workers: z.array(workerSchema),
  arrivals: z.array(arrivalSchema),
};

/** The strict schema of a whole scenario document. */
export const scenarioSchema = z.strictObject(scenarioShape);

/** A scenario after schema parsing: shapes checked, durations in seconds, defaults applied. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

/** The top-level keys whose value is a list of resources with ids. */
export const RESOURCE_LISTS = [
  "distributionPolicies",
  "queues",
  "classificationPolicies",
  "exceptionPolicies",
  "workers",
  "arrivals",
] as const;

export type ResourceListKey = (typeof RESOURCE_LISTS)[number];
