/**
 * Builds the router's resources from its config, in dependency order: distribution policies,
 * queues, classification policies (they name queues), exception policies (they name queues and
 * classification policies), then each queue's exception policy record. Duplicate ids and
 * unresolved references throw `RouterConfigError`. Workers are added by the router afterwards.
 */
import { buildClassificationPolicy } from "../classification/classification.ts";
import type { RouterCore } from "../core.ts";
import type { QueueRecord } from "../entities.ts";
import { buildExceptionPolicy } from "../exceptions/exception-policy.ts";
import type {
  ClassificationPolicySpec,
  DistributionPolicySpec,
  ExceptionPolicySpec,
  QueueSpec,
  RouterConfig,
} from "../types.ts";
import { buildPolicy, buildQueue, RouterConfigError } from "./config.ts";

/** Fills `core` with every resource of `config` except workers. */
export function configureResources(core: RouterCore, config: RouterConfig): void {
  for (const spec of config.distributionPolicies) addDistributionPolicy(core, spec);
  const exceptionPolicyIds = new Set((config.exceptionPolicies ?? []).map((spec) => spec.id));
  for (const spec of config.queues) addQueue(core, spec, exceptionPolicyIds);
  configureClassification(core, config);
  configureExceptions(core, config);
}

/** Adds a distribution policy; a duplicate id or an invalid spec throws RouterConfigError. */
export function addDistributionPolicy(core: RouterCore, spec: DistributionPolicySpec): void {
  if (core.policies.has(spec.id)) throw new RouterConfigError(`duplicate policy ${spec.id}`);
  core.policies.set(spec.id, buildPolicy(spec));
}

/**
 * Adds a queue on a known distribution policy (and exception policy, among
 * `exceptionPolicyIds`); a duplicate id or a dangling reference throws RouterConfigError. The
 * queue's exception policy record is attached by the caller once exception policies exist.
 */
export function addQueue(
  core: RouterCore,
  spec: QueueSpec,
  exceptionPolicyIds: ReadonlySet<string>,
): QueueRecord {
  if (core.queueById.has(spec.id)) throw new RouterConfigError(`duplicate queue ${spec.id}`);
  const queue = buildQueue(spec, core.queues.length, core.policies, exceptionPolicyIds);
  core.queues.push(queue);
  core.liveQueues.push(queue);
  core.queueById.set(queue.id, queue);
  return queue;
}

function configureClassification(core: RouterCore, config: RouterConfig): void {
  for (const spec of config.classificationPolicies ?? []) {
    addClassificationPolicy(core, spec, config.random !== undefined);
  }
}

/**
 * Adds a classification policy naming existing queues; a duplicate id, an unresolved queue or a
 * weighted allocation without the config's random source (`hasRandom`) throws RouterConfigError.
 */
export function addClassificationPolicy(
  core: RouterCore,
  spec: ClassificationPolicySpec,
  hasRandom: boolean,
): void {
  if (core.classificationPolicies.has(spec.id)) {
    throw new RouterConfigError(`duplicate classification policy ${spec.id}`);
  }
  const policy = buildClassificationPolicy(spec, core.queueById);
  if (policy.usesRandom && !hasRandom) {
    throw new RouterConfigError(
      `classification policy ${spec.id}: a weightedAllocation needs the config's random source`,
    );
  }
  core.classificationPolicies.set(spec.id, policy);
}

/**
 * Adds an exception policy naming existing queues and classification policies; a duplicate id
 * or an unresolved reference throws RouterConfigError. Queues are attached to it by the caller.
 */
export function addExceptionPolicy(core: RouterCore, spec: ExceptionPolicySpec): void {
  if (core.exceptionPolicies.has(spec.id)) {
    throw new RouterConfigError(`duplicate exception policy ${spec.id}`);
  }
  const references = {
    queueById: core.queueById,
    classificationPolicies: core.classificationPolicies,
  };
  core.exceptionPolicies.set(spec.id, buildExceptionPolicy(spec, references));
}

function configureExceptions(core: RouterCore, config: RouterConfig): void {
  for (const spec of config.exceptionPolicies ?? []) addExceptionPolicy(core, spec);
  for (const queue of core.queues) attachExceptionPolicy(core, queue);
}

/** Resolves a queue's exception policy record from its id, once the policy exists. */
export function attachExceptionPolicy(core: RouterCore, queue: QueueRecord): void {
  const id = queue.exceptionPolicyId;
  queue.exceptionPolicy = id === null ? null : (core.exceptionPolicies.get(id) ?? null);
}

/**
 * The exception-timer argument stride: the most rules of any exception policy (at least 1, and
 * at least `exceptionRulesPerPolicy` when the config leaves room for policies added later).
 */
export function ruleStride(config: RouterConfig): number {
  let most = Math.max(1, config.exceptionRulesPerPolicy ?? 1);
  for (const policy of config.exceptionPolicies ?? []) {
    most = Math.max(most, policy.exceptionRules.length);
  }
  return most;
}
