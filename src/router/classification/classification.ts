/**
 * Classification (§1.3, §2.1): from a job's labels, the queue, priority and attached worker
 * selectors. Queue selectors of all attachments are ANDed against each queue's labels (with the
 * implicit `Id`); of several matching queues the first in configuration order wins (§9 b).
 * No selectors, or no match: the job's current queue, else `fallbackQueueId`, else failure.
 * Priority: `prioritizationRule` (an integer in −100..100, else failure) or the job's own.
 * Pure apart from the random draws of weighted allocations. O(queues × queue selectors + rules).
 */

import { RuleEvaluationError } from "../../powerfx/errors.ts";
import { RouterConfigError } from "../configuration/config-error.ts";
import type { QueueRecord } from "../entities.ts";
import type { ClassificationPolicySpec, Labels } from "../types.ts";
import {
  type CompiledAttachment,
  compileAttachment,
  type ProducedSelector,
  type RandomSource,
} from "./attachments.ts";
import { type CompiledRule, compileRule } from "./rules/router-rule.ts";
import { describe, type RuleContext } from "./rules/values.ts";
import { isSelectorSatisfied } from "./selectors.ts";

/** A classification policy, compiled. */
export interface ClassificationPolicyRecord {
  readonly id: string;
  readonly name: string;
  readonly fallbackQueue: QueueRecord | null;
  readonly queueAttachments: readonly CompiledAttachment[];
  readonly prioritizationRule: CompiledRule | null;
  readonly workerAttachments: readonly CompiledAttachment[];
  /** Whether classifying may draw from the random source. */
  readonly usesRandom: boolean;
}

/** What classification decided, or why it failed (the event's `errors[]` entry). */
export type ClassificationOutcome =
  | {
      readonly ok: true;
      readonly queue: QueueRecord;
      readonly priority: number;
      readonly workerSelectors: readonly ProducedSelector[];
    }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Compiles a classification policy against the configured queues. */
export function buildClassificationPolicy(
  spec: ClassificationPolicySpec,
  queueById: ReadonlyMap<string, QueueRecord>,
): ClassificationPolicyRecord {
  const where = `classification policy ${spec.id}`;
  let fallbackQueue: QueueRecord | null = null;
  if (spec.fallbackQueueId !== undefined) {
    fallbackQueue = queueById.get(spec.fallbackQueueId) ?? null;
    if (fallbackQueue === null) {
      throw new RouterConfigError(`${where}: unknown fallback queue ${spec.fallbackQueueId}`);
    }
  }
  const queueSpecs = spec.queueSelectorAttachments ?? [];
  const workerSpecs = spec.workerSelectorAttachments ?? [];
  const rule = spec.prioritizationRule;
  return {
    id: spec.id,
    name: spec.name ?? spec.id,
    fallbackQueue,
    queueAttachments: queueSpecs.map((attachment, index) =>
      compileAttachment(attachment, `${where} queueSelectorAttachments[${index}]`, false),
    ),
    prioritizationRule:
      rule === undefined ? null : compileRule(rule, `${where} prioritizationRule`),
    workerAttachments: workerSpecs.map((attachment, index) =>
      compileAttachment(attachment, `${where} workerSelectorAttachments[${index}]`, true),
    ),
    usesRandom: [...queueSpecs, ...workerSpecs].some(
      (attachment) => attachment.kind === "weightedAllocation",
    ),
  };
}

/**
 * The policy's fallback queue while it is live (`queues`): a queue deleted since (the service
 * lets a fallback queue go) is no fallback. Read only when no selector chose a queue.
 */
function liveFallback(
  policy: ClassificationPolicyRecord,
  queues: readonly QueueRecord[],
): QueueRecord | null {
  const fallback = policy.fallbackQueue;
  return fallback !== null && queues.includes(fallback) ? fallback : null;
}

/**
 * Classifies a job with the given labels. `currentQueue` is the job's `queueId` (null when it
 * has none) and `currentPriority` its priority before classification.
 */
export function classify(
  policy: ClassificationPolicyRecord,
  labels: Labels,
  currentQueue: QueueRecord | null,
  currentPriority: number,
  queues: readonly QueueRecord[],
  random: RandomSource,
): ClassificationOutcome {
  const context: RuleContext = { jobLabels: labels, workerLabels: null };
  try {
    const queueSelectors: ProducedSelector[] = [];
    for (const attachment of policy.queueAttachments) attachment(context, random, queueSelectors);
    const queue =
      chooseQueue(queueSelectors, queues) ?? currentQueue ?? liveFallback(policy, queues);
    if (queue === null) {
      return {
        ok: false,
        code: "NoQueueMatched",
        message: `no queue satisfies the queue selectors of ${policy.id}, and it has no fallback queue`,
      };
    }
    const priority = prioritize(policy, context, currentPriority);
    if (typeof priority === "string")
      return { ok: false, code: "InvalidPriority", message: priority };
    const workerSelectors: ProducedSelector[] = [];
    for (const attachment of policy.workerAttachments) attachment(context, random, workerSelectors);
    return { ok: true, queue, priority, workerSelectors };
  } catch (error) {
    if (error instanceof RuleEvaluationError) {
      return { ok: false, code: "RuleEvaluationFailed", message: error.message };
    }
    throw error;
  }
}

/** The first queue, in configuration order, whose labels satisfy every selector; null if none. */
function chooseQueue(
  selectors: readonly ProducedSelector[],
  queues: readonly QueueRecord[],
): QueueRecord | null {
  if (selectors.length === 0) return null;
  for (const queue of queues) {
    const labels = queue.details.labels;
    if (selectors.every((selector) => isSelectorSatisfied(selector, labels))) return queue;
  }
  return null;
}

/** The job's new priority, or the reason the rule's result is not one. */
function prioritize(
  policy: ClassificationPolicyRecord,
  context: RuleContext,
  currentPriority: number,
): number | string {
  const rule = policy.prioritizationRule;
  if (rule === null) return currentPriority;
  const value = rule(context);
  if (typeof value === "number" && Number.isInteger(value) && value >= -100 && value <= 100) {
    return value;
  }
  return `prioritizationRule of ${policy.id} returned ${describe(value)}, not an integer in -100..100`;
}
