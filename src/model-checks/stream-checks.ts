/**
 * Arrival streams no worker can ever serve: no worker has the stream's channel, none with that
 * channel serves a queue its jobs can reach, or none of those satisfies the selectors the jobs
 * always carry. Each warning sits on the field to change and names the nearest channel or label.
 */
import {
  type ArrivalSpec,
  nearest,
  type Scenario,
  type WorkerGroupSpec,
} from "../scenario/index.ts";
import {
  type CertainSelector,
  certainSelectorsOf,
  classificationReach,
  type QueueReach,
  queueReachOf,
  reaches,
} from "./reach.ts";
import { type ModelWarning, quotedList } from "./warning.ts";
import { labelKeysOf, labelValuesOf, someWorkerSatisfies } from "./worker-labels.ts";

function channelWarning(arrival: ArrivalSpec, index: number, scenario: Scenario): ModelWarning {
  const channels = [
    ...new Set(scenario.workers.flatMap((group) => group.channels.map((c) => c.channelId))),
  ].sort();
  const suggestion = nearest(arrival.channelId, channels);
  return {
    path: ["arrivals", index, "channelId"],
    message: `no worker handles channel "${arrival.channelId}", so no job of this stream can ever be assigned`,
    hint:
      suggestion === undefined
        ? `the workers' channels are ${quotedList(channels)}`
        : `did you mean "${suggestion}"?`,
  };
}

function queueWarning(
  arrival: ArrivalSpec,
  index: number,
  reach: QueueReach,
  withChannel: readonly WorkerGroupSpec[],
): ModelWarning {
  const channel = `channel "${arrival.channelId}"`;
  const served = [...new Set(withChannel.flatMap((group) => group.queues))].sort();
  const field = arrival.classificationPolicyId === undefined ? "queueId" : "classificationPolicyId";
  const servedNow = served.length === 0 ? "none" : quotedList(served);
  const hint = `list the queue in the queues of a worker with ${channel}; they serve ${servedNow}`;
  if (reach.kind === "any") {
    return {
      path: ["arrivals", index, field],
      message: `no worker with ${channel} serves any queue, so no job of this stream can ever be assigned`,
      hint,
    };
  }
  const queueIds = [...reach.queueIds].sort();
  const message =
    field === "queueId" && queueIds.length === 1
      ? `no worker with ${channel} serves queue "${arrival.queueId}", so no job of this stream can ever be assigned`
      : `these jobs can only be in queue ${quotedList(queueIds)}, and no worker with ${channel} serves any of them`;
  return { path: ["arrivals", index, field], message, hint };
}

/** Label values (already JSON) as a short list. */
function valueList(values: readonly string[]): string {
  return values.length > 8 ? `${values.slice(0, 8).join(", ")}, …` : values.join(", ");
}

/** Warnings for selectors no candidate worker can satisfy, each on the selector at fault. */
function selectorWarnings(
  arrival: ArrivalSpec,
  index: number,
  certain: readonly CertainSelector[],
  candidates: readonly WorkerGroupSpec[],
): ModelWarning[] {
  const keys = labelKeysOf(candidates);
  const prefix = certain.some((entry) => entry.path[0] !== "arrivals")
    ? `jobs of arrival stream "${arrival.id}": `
    : "";
  const warnings: ModelWarning[] = [];
  for (const { selector, path } of certain) {
    if (candidates.some((group) => someWorkerSatisfies(group, [selector]))) continue;
    const where = path[0] === "arrivals" ? "" : prefix;
    if (!keys.includes(selector.key)) {
      const suggestion = nearest(selector.key, keys);
      warnings.push({
        path: [...path, "key"],
        message: `${where}no worker that could take these jobs has a label "${selector.key}"`,
        hint:
          suggestion === undefined
            ? `their labels are ${quotedList(keys)}`
            : `did you mean "${suggestion}"?`,
      });
      continue;
    }
    const values = selector.key === "Id" ? [] : labelValuesOf(candidates, selector.key);
    warnings.push({
      path: [...path, "value"],
      message: `${where}no worker that could take these jobs has ${selector.key} ${selector.labelOperator} ${JSON.stringify(selector.value)}`,
      ...(values.length === 0
        ? {}
        : { hint: `their values of ${selector.key}: ${valueList(values)}` }),
    });
  }
  if (warnings.length > 0) return warnings;
  const first = certain[0] as CertainSelector;
  // The list holding the first selector: the stream's requested selectors, else the attachment.
  const path =
    first.path[0] === "arrivals" ? ["arrivals", index, "requestedWorkerSelectors"] : first.path;
  return [
    {
      path,
      message: `${prefix}no worker that could take these jobs satisfies all ${certain.length} of their selectors together`,
      hint: "each selector is met by some worker, but never all of them by the same one",
    },
  ];
}

function streamWarnings(arrival: ArrivalSpec, index: number, scenario: Scenario): ModelWarning[] {
  const policy = scenario.classificationPolicies.find(
    (candidate) => candidate.id === arrival.classificationPolicyId,
  );
  if (
    policy !== undefined &&
    classificationReach(policy, arrival.queueId, scenario.queues).alwaysFails
  ) {
    return [
      {
        path: ["arrivals", index, "classificationPolicyId"],
        message: `classification policy "${policy.id}" finds no queue for these jobs and has no fallbackQueueId, so every job fails classification`,
        hint: "set fallbackQueueId, or queue selectors that match a queue's labels (each queue has the label Id)",
      },
    ];
  }
  const withChannel = scenario.workers.filter((group) =>
    group.channels.some((channel) => channel.channelId === arrival.channelId),
  );
  if (withChannel.length === 0) return [channelWarning(arrival, index, scenario)];
  const reach = queueReachOf(arrival, scenario);
  const candidates = withChannel.filter((group) => group.queues.some((q) => reaches(reach, q)));
  if (candidates.length === 0) {
    return [queueWarning(arrival, index, reach, withChannel)];
  }
  const certain = certainSelectorsOf(arrival, index, reach, scenario);
  if (certain.length === 0) return [];
  const bypassing = new Set(
    scenario.distributionPolicies
      .filter((distribution) => distribution.mode.bypassSelectors)
      .map((distribution) => distribution.id),
  );
  const servedWithoutSelectors = candidates.some((group) =>
    group.queues.some((queueId) => {
      const queue = scenario.queues.find((candidate) => candidate.id === queueId);
      return (
        queue !== undefined && reaches(reach, queueId) && bypassing.has(queue.distributionPolicyId)
      );
    }),
  );
  const selectors = certain.map((entry) => entry.selector);
  if (servedWithoutSelectors || candidates.some((group) => someWorkerSatisfies(group, selectors))) {
    return [];
  }
  return selectorWarnings(arrival, index, certain, candidates);
}

/**
 * Warnings for every arrival stream no worker can serve. Silent when there are no workers at
 * all: the worker checks say that once.
 */
export function arrivalStreamWarnings(scenario: Scenario): ModelWarning[] {
  if (scenario.workers.length === 0) return [];
  return scenario.arrivals.flatMap((arrival, index) => streamWarnings(arrival, index, scenario));
}
