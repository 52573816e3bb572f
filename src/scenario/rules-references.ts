/**
 * Reference rules: every id a resource names (distribution policy, queue, classification
 * policy, exception policy, fallback queue, queue ids inside actions) resolves to a declared
 * resource. Unknown ids get a "did you mean" hint from the declared ids.
 */
import type { PathSegment } from "./document.ts";
import type { RuleInput, RuleIssue } from "./rule-input.ts";
import type { ResourceListKey } from "./schema.ts";
import { nearest } from "./suggest.ts";

const RESOURCE_NAMES: Readonly<Record<ResourceListKey, string>> = {
  distributionPolicies: "distribution policy",
  queues: "queue",
  classificationPolicies: "classification policy",
  exceptionPolicies: "exception policy",
  workers: "worker",
  arrivals: "arrival",
};

/** Checks one reference; returns an issue when `id` is not declared in `list`. */
function resolve(
  input: RuleInput,
  list: ResourceListKey,
  id: string | undefined,
  path: PathSegment[],
): RuleIssue[] {
  if (id === undefined) return [];
  const declared = input.declaredIds[list];
  if (declared.has(id)) return [];
  const suggestion = nearest(id, [...declared]);
  const name = RESOURCE_NAMES[list];
  const hint =
    suggestion !== undefined
      ? `did you mean "${suggestion}"?`
      : declared.size === 0
        ? `no ${name} is declared in ${list}`
        : `declared: ${[...declared].join(", ")}`;
  return [{ path, message: `unknown ${name} "${id}"`, hint }];
}

function queueReferences(input: RuleInput): RuleIssue[] {
  return input.queues.flatMap(({ index, value }) => [
    ...resolve(input, "distributionPolicies", value.distributionPolicyId, [
      "queues",
      index,
      "distributionPolicyId",
    ]),
    ...resolve(input, "exceptionPolicies", value.exceptionPolicyId, [
      "queues",
      index,
      "exceptionPolicyId",
    ]),
  ]);
}

function workerReferences(input: RuleInput): RuleIssue[] {
  return input.workers.flatMap(({ index, value }) =>
    value.queues.flatMap((queueId, queueIndex) =>
      resolve(input, "queues", queueId, ["workers", index, "queues", queueIndex]),
    ),
  );
}

function arrivalReferences(input: RuleInput): RuleIssue[] {
  return input.arrivals.flatMap(({ index, value }) => [
    ...resolve(input, "queues", value.queueId, ["arrivals", index, "queueId"]),
    ...resolve(input, "classificationPolicies", value.classificationPolicyId, [
      "arrivals",
      index,
      "classificationPolicyId",
    ]),
  ]);
}

function classificationReferences(input: RuleInput): RuleIssue[] {
  return input.classificationPolicies.flatMap(({ index, value }) =>
    resolve(input, "queues", value.fallbackQueueId, [
      "classificationPolicies",
      index,
      "fallbackQueueId",
    ]),
  );
}

function exceptionActionReferences(input: RuleInput): RuleIssue[] {
  return input.exceptionPolicies.flatMap(({ index, value }) =>
    value.exceptionRules.flatMap((rule, ruleIndex) =>
      rule.actions.flatMap((action, actionIndex) => {
        const path = [
          "exceptionPolicies",
          index,
          "exceptionRules",
          ruleIndex,
          "actions",
          actionIndex,
        ];
        if (action.kind === "manualReclassify") {
          return resolve(input, "queues", action.queueId, [...path, "queueId"]);
        }
        if (action.kind === "reclassify") {
          return resolve(input, "classificationPolicies", action.classificationPolicyId, [
            ...path,
            "classificationPolicyId",
          ]);
        }
        return [];
      }),
    ),
  );
}

/** All reference rules. */
export function referenceRules(input: RuleInput): RuleIssue[] {
  return [
    ...queueReferences(input),
    ...workerReferences(input),
    ...arrivalReferences(input),
    ...classificationReferences(input),
    ...exceptionActionReferences(input),
  ];
}
