/**
 * Turns plain resource specs into router records, checking what the router relies on
 * (references resolve, numbers in range). Configuration mistakes are programming errors of the
 * caller (the scenario layer validates user input first), so they throw `RouterConfigError`.
 */

import { mapToObjectArray } from "../../collections/object-array.ts";
import { DISTRIBUTION_MODE_TRAITS, isDistributionModeKind } from "../../vocabulary/index.ts";
import { type CompiledRule, compileRule } from "../classification/rules/router-rule.ts";
import { type DistributionMode, distributionModes } from "../distribution/modes/index.ts";
import {
  type ChannelConfiguration,
  ChannelRecord,
  PolicyRecord,
  type QueueDetails,
  QueueRecord,
  WorkerRecord,
} from "../entities.ts";
import { compareJobsInQueueOrder } from "../jobs/queue-order.ts";
import type { DistributionPolicySpec, Labels, QueueSpec, WorkerSpec } from "../types.ts";
import { RouterConfigError } from "./config-error.ts";

export { RouterConfigError };

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

/** Resolves a distribution policy, compiling a powerFx scoring rule. */
export function buildPolicy(spec: DistributionPolicySpec): PolicyRecord {
  const where = `distribution policy ${spec.id}`;
  if (!(spec.offerExpiresAfterSeconds > 0)) {
    throw new RouterConfigError(`${where}: offerExpiresAfterSeconds must be > 0`);
  }
  // Checked: JavaScript callers can pass any string, and `toString` is no mode.
  if (!isDistributionModeKind(spec.mode.kind)) {
    throw new RouterConfigError(`${where}: unknown mode ${spec.mode.kind}`);
  }
  const mode: DistributionMode = distributionModes[spec.mode.kind];
  const minimum = spec.mode.minConcurrentOffers ?? 1;
  const maximum = spec.mode.maxConcurrentOffers ?? 1;
  if (!isPositiveInteger(minimum) || !isPositiveInteger(maximum) || maximum < minimum) {
    throw new RouterConfigError(
      `${where}: need integers 1 ≤ minConcurrentOffers (${minimum}) ≤ maxConcurrentOffers (${maximum})`,
    );
  }
  return new PolicyRecord(
    spec.id,
    spec.name ?? spec.id,
    spec.offerExpiresAfterSeconds,
    mode,
    minimum,
    maximum,
    spec.mode.bypassSelectors ?? false,
    staticScore(spec, where),
    expressionScore(spec, where),
  );
}

function staticScore(spec: DistributionPolicySpec, where: string): number | null {
  const rule = spec.mode.scoringRule;
  if (rule === undefined) return null;
  if (!DISTRIBUTION_MODE_TRAITS[spec.mode.kind].scored) {
    throw new RouterConfigError(
      `${where}: scoringRule applies only to a mode that scores workers, not ${spec.mode.kind}`,
    );
  }
  if (rule.kind === "static" && typeof rule.value === "number") return rule.value;
  if (rule.kind === "expression") return null;
  throw new RouterConfigError(
    `${where}: scoringRule of kind ${rule.kind} is not supported (a static number or a powerFx expression; omit the rule for the default scoring)`,
  );
}

/** A powerFx scoring rule, reading `job.X` and `worker.X`; null for other rules. */
function expressionScore(spec: DistributionPolicySpec, where: string): CompiledRule | null {
  const rule = spec.mode.scoringRule;
  if (rule?.kind !== "expression") return null;
  return compileRule(rule, `${where} scoringRule`, true);
}

/** Resolves a queue and adds its implicit `Id` label. */
export function buildQueue(
  spec: QueueSpec,
  index: number,
  policies: ReadonlyMap<string, PolicyRecord>,
  exceptionPolicyIds: ReadonlySet<string>,
): QueueRecord {
  const policy = policies.get(spec.distributionPolicyId);
  if (policy === undefined) {
    throw new RouterConfigError(
      `queue ${spec.id}: unknown distribution policy ${spec.distributionPolicyId}`,
    );
  }
  const exceptionPolicyId = spec.exceptionPolicyId ?? null;
  if (exceptionPolicyId !== null && !exceptionPolicyIds.has(exceptionPolicyId)) {
    throw new RouterConfigError(`queue ${spec.id}: unknown exception policy ${exceptionPolicyId}`);
  }
  const details: QueueDetails = Object.freeze({
    id: spec.id,
    name: spec.name ?? spec.id,
    labels: withId(spec.labels, spec.id),
  });
  return new QueueRecord(index, details, policy, exceptionPolicyId, compareJobsInQueueOrder);
}

/** Labels plus the implicit `Id` label, frozen. */
function withId(labels: Labels | undefined, id: string): Labels {
  return Object.freeze({ ...labels, Id: id });
}

/** Resolves a worker (created `inactive`; the router registers it when asked). */
export function buildWorker(
  spec: WorkerSpec,
  index: number,
  queues: ReadonlyMap<string, QueueRecord>,
): WorkerRecord {
  const where = `worker ${spec.id}`;
  if (!isPositiveInteger(spec.capacity)) {
    throw new RouterConfigError(`${where}: capacity must be a positive integer`);
  }
  if (new Set(spec.queues).size !== spec.queues.length) {
    throw new RouterConfigError(`${where}: a queue is listed twice`);
  }
  const workerQueues = mapToObjectArray(spec.queues, (queueId) => {
    const queue = queues.get(queueId);
    if (queue === undefined) throw new RouterConfigError(`${where}: unknown queue ${queueId}`);
    return queue;
  });
  const channelIds = new Set<string>();
  const channels = mapToObjectArray(spec.channels, (channel) => {
    if (channelIds.has(channel.channelId)) {
      throw new RouterConfigError(`${where}: channel ${channel.channelId} listed twice`);
    }
    channelIds.add(channel.channelId);
    const maximum = channel.maxNumberOfJobs;
    if (!(Number.isInteger(channel.capacityCostPerJob) && channel.capacityCostPerJob >= 0)) {
      throw new RouterConfigError(`${where}: capacityCostPerJob must be an integer ≥ 0`);
    }
    if (maximum !== undefined && !isPositiveInteger(maximum)) {
      throw new RouterConfigError(`${where}: maxNumberOfJobs must be a positive integer`);
    }
    return new ChannelRecord(channel.channelId, channel.capacityCostPerJob, maximum ?? Infinity);
  });
  const channelConfigurations: ChannelConfiguration[] = mapToObjectArray(channels, (channel) =>
    Object.freeze({
      channelId: channel.channelId,
      capacityCostPerJob: channel.capacityCostPerJob,
      maxNumberOfJobs: channel.maxNumberOfJobs === Infinity ? null : channel.maxNumberOfJobs,
    }),
  );
  return new WorkerRecord(
    index,
    spec.id,
    spec.capacity,
    Object.freeze(workerQueues),
    Object.freeze(channels),
    withId(spec.labels, spec.id),
    Object.freeze({ ...spec.tags }),
    Object.freeze(mapToObjectArray(workerQueues, (queue) => queue.details)),
    Object.freeze(channelConfigurations),
  );
}
