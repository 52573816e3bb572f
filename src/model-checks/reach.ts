/**
 * Where an arrival stream's jobs can go, decided statically and never too narrowly: the queues
 * they can be in (through classification and exception actions) and the worker selectors they
 * certainly carry. Whatever depends on labels or rules is widened ("any queue", fewer
 * selectors), so a check built on this may miss a dead stream but never invents one.
 */
import { isSelectorSatisfied } from "../router/classification/selectors.ts";
import type {
  ArrivalSpec,
  ClassificationPolicySpec,
  QueueSelectorAttachmentSpec,
  QueueSelectorSpec,
  QueueSpec,
  Scenario,
  WorkerSelectorSpec,
} from "../scenario/index.ts";

/** The queues a job can be in: a known set, or any queue (when rules decide). */
export type QueueReach =
  | { readonly kind: "some"; readonly queueIds: ReadonlySet<string> }
  | {
      readonly kind: "any";
    };

/** What a classification can decide for a job, over every label value and random draw. */
interface ClassificationReach {
  readonly queues: QueueReach;
  /** True when every possible outcome fails (no queue matches and no fallback). */
  readonly alwaysFails: boolean;
}

const ANY: QueueReach = { kind: "any" };

/** Whether a queue is among those a job can be in. */
export function reaches(reach: QueueReach, queueId: string): boolean {
  return reach.kind === "any" || reach.queueIds.has(queueId);
}

/** Beyond this many selector combinations the analysis gives up and answers "any queue". */
const MAXIMUM_COMBINATIONS = 256;

/** Each attachment's possible selector lists; undefined when a rule or a job label decides. */
function alternativesOf(
  attachment: QueueSelectorAttachmentSpec,
): QueueSelectorSpec[][] | undefined {
  switch (attachment.kind) {
    case "static":
      return [[attachment.selector]];
    case "conditional":
      return [[], attachment.selectors];
    case "weightedAllocation":
      return attachment.allocations.map((allocation) => allocation.selectors);
    default:
      return undefined;
  }
}

/** Every combination of the attachments' alternatives, or undefined when too many or unknown. */
function selectorCombinations(
  attachments: readonly QueueSelectorAttachmentSpec[],
): QueueSelectorSpec[][] | undefined {
  let combinations: QueueSelectorSpec[][] = [[]];
  for (const attachment of attachments) {
    const alternatives = alternativesOf(attachment);
    if (alternatives === undefined) return undefined;
    if (combinations.length * alternatives.length > MAXIMUM_COMBINATIONS) return undefined;
    combinations = combinations.flatMap((combination) =>
      alternatives.map((alternative) => [...combination, ...alternative]),
    );
  }
  return combinations;
}

/** The first queue whose labels (with the implicit `Id`) satisfy every selector, as the router picks. */
function chooseQueue(
  selectors: readonly QueueSelectorSpec[],
  queues: readonly QueueSpec[],
): string | undefined {
  if (selectors.length === 0) return undefined;
  const match = queues.find((queue) => {
    const labels = { ...queue.labels, Id: queue.id };
    return selectors.every((selector) => isSelectorSatisfied(selector, labels));
  });
  return match?.id;
}

/** The queues classification with `policy` can choose for a job currently in `currentQueueId`. */
export function classificationReach(
  policy: ClassificationPolicySpec,
  currentQueueId: string | undefined,
  queues: readonly QueueSpec[],
): ClassificationReach {
  const combinations = selectorCombinations(policy.queueSelectorAttachments);
  if (combinations === undefined) return { queues: ANY, alwaysFails: false };
  const queueIds = new Set<string>();
  for (const selectors of combinations) {
    const chosen = chooseQueue(selectors, queues) ?? currentQueueId ?? policy.fallbackQueueId;
    if (chosen !== undefined) queueIds.add(chosen);
  }
  return { queues: { kind: "some", queueIds }, alwaysFails: queueIds.size === 0 };
}

/** The queues a stream's jobs can be in, from arrival through every exception action. */
export function queueReachOf(arrival: ArrivalSpec, scenario: Scenario): QueueReach {
  const policies = new Map(scenario.classificationPolicies.map((policy) => [policy.id, policy]));
  const ownPolicy =
    arrival.classificationPolicyId === undefined
      ? undefined
      : policies.get(arrival.classificationPolicyId);
  const start: QueueReach =
    ownPolicy === undefined
      ? { kind: "some", queueIds: new Set(arrival.queueId === undefined ? [] : [arrival.queueId]) }
      : classificationReach(ownPolicy, arrival.queueId, scenario.queues).queues;
  if (start.kind === "any") return ANY;
  const reached = new Set(start.queueIds);
  const pending = [...reached];
  for (let queueId = pending.pop(); queueId !== undefined; queueId = pending.pop()) {
    const next = exceptionTargets(queueId, ownPolicy, scenario, policies);
    if (next.kind === "any") return ANY;
    for (const target of next.queueIds) {
      if (reached.has(target)) continue;
      reached.add(target);
      pending.push(target);
    }
  }
  return { kind: "some", queueIds: reached };
}

/** The queues the exception policy of `queueId` can move a job to. */
function exceptionTargets(
  queueId: string,
  ownPolicy: ClassificationPolicySpec | undefined,
  scenario: Scenario,
  policies: ReadonlyMap<string, ClassificationPolicySpec>,
): QueueReach {
  const exceptionPolicyId = scenario.queues.find(
    (queue) => queue.id === queueId,
  )?.exceptionPolicyId;
  const exceptionPolicy = scenario.exceptionPolicies.find(
    (policy) => policy.id === exceptionPolicyId,
  );
  const targets = new Set<string>();
  for (const rule of exceptionPolicy?.exceptionRules ?? []) {
    for (const action of rule.actions) {
      if (action.kind === "manualReclassify" && action.queueId !== undefined) {
        targets.add(action.queueId);
      }
      if (action.kind !== "reclassify") continue;
      const policy =
        action.classificationPolicyId === undefined
          ? ownPolicy
          : policies.get(action.classificationPolicyId);
      if (policy === undefined) continue; // no policy: the job stays in its queue
      const reach = classificationReach(policy, queueId, scenario.queues).queues;
      if (reach.kind === "any") return ANY;
      for (const target of reach.queueIds) targets.add(target);
    }
  }
  return { kind: "some", queueIds: targets };
}

/** Whether an exception policy reachable from these queues may reclassify a job. */
function mayReclassify(reach: QueueReach, scenario: Scenario): boolean {
  return scenario.queues.some(
    (queue) =>
      (reach.kind === "any" || reach.queueIds.has(queue.id)) &&
      scenario.exceptionPolicies.some(
        (policy) =>
          policy.id === queue.exceptionPolicyId &&
          policy.exceptionRules.some((rule) =>
            rule.actions.some((action) => action.kind === "reclassify"),
          ),
      ),
  );
}

/** A worker selector every job of the stream carries for good, with where it was written. */
export interface CertainSelector {
  readonly selector: WorkerSelectorSpec;
  /** Document path of the selector (a map with key, labelOperator, value). */
  readonly path: readonly (string | number)[];
}

/**
 * Selectors that never expire and never go away: the stream's requested ones, plus the static
 * attachments of its classification policy unless an exception may reclassify the job (which
 * replaces attached selectors). Expiring selectors stop restricting once expired, so they are left out.
 */
export function certainSelectorsOf(
  arrival: ArrivalSpec,
  arrivalIndex: number,
  reach: QueueReach,
  scenario: Scenario,
): CertainSelector[] {
  const certain: CertainSelector[] = [];
  arrival.requestedWorkerSelectors.forEach((selector, index) => {
    if (selector.expiresAfterSeconds === undefined) {
      certain.push({
        selector,
        path: ["arrivals", arrivalIndex, "requestedWorkerSelectors", index],
      });
    }
  });
  const policyIndex = scenario.classificationPolicies.findIndex(
    (policy) => policy.id === arrival.classificationPolicyId,
  );
  const policy = scenario.classificationPolicies[policyIndex];
  if (policy === undefined || mayReclassify(reach, scenario)) return certain;
  policy.workerSelectorAttachments.forEach((attachment, index) => {
    if (attachment.kind === "static" && attachment.selector.expiresAfterSeconds === undefined) {
      const path = ["classificationPolicies", policyIndex, "workerSelectorAttachments", index];
      certain.push({ selector: attachment.selector, path: [...path, "workerSelector"] });
    }
  });
  return certain;
}
