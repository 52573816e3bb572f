/**
 * Exception policies (§1.4), resolved at configuration: rules with their trigger and actions,
 * queue and classification-policy references checked and replaced by the records. Plain data;
 * the runtime behaviour is in exceptions.ts.
 */
import type { ClassificationPolicyRecord } from "../classification/classification.ts";
import { RouterConfigError } from "../configuration/config-error.ts";
import type { QueueRecord } from "../entities.ts";
import { selectorsError } from "../jobs/job-validation.ts";
import type {
  ExceptionActionSpec,
  ExceptionPolicySpec,
  ExceptionTriggerSpec,
  Labels,
  WorkerSelectorSpec,
} from "../types.ts";

/** A resolved action. */
export type ExceptionActionRecord =
  | { readonly kind: "cancel"; readonly note: string | null; readonly dispositionCode: string }
  | {
      readonly kind: "manualReclassify";
      /** Null keeps the job's queue. */
      readonly queue: QueueRecord | null;
      /** Null keeps the job's priority. */
      readonly priority: number | null;
      readonly workerSelectors: readonly WorkerSelectorSpec[];
    }
  | {
      readonly kind: "reclassify";
      /** Null: the job's own classification policy. */
      readonly policy: ClassificationPolicyRecord | null;
      readonly labelsToUpsert: Labels;
    };

/** A resolved rule; `index` is its place in the policy (the wait-time timer slot). */
export interface ExceptionRuleRecord {
  readonly id: string;
  readonly index: number;
  readonly trigger: ExceptionTriggerSpec;
  readonly actions: readonly ExceptionActionRecord[];
}

/** A resolved exception policy. */
export interface ExceptionPolicyRecord {
  readonly id: string;
  readonly name: string;
  readonly rules: readonly ExceptionRuleRecord[];
  readonly hasWaitTimeRules: boolean;
}

/** References an exception policy may hold. */
export interface ExceptionReferences {
  readonly queueById: ReadonlyMap<string, QueueRecord>;
  readonly classificationPolicies: ReadonlyMap<string, ClassificationPolicyRecord>;
}

/** Resolves an exception policy. */
export function buildExceptionPolicy(
  spec: ExceptionPolicySpec,
  references: ExceptionReferences,
): ExceptionPolicyRecord {
  const where = `exception policy ${spec.id}`;
  const ids = new Set<string>();
  const rules = spec.exceptionRules.map((rule, index): ExceptionRuleRecord => {
    const ruleWhere = `${where} rule ${rule.id}`;
    if (ids.has(rule.id)) throw new RouterConfigError(`${where}: rule ${rule.id} listed twice`);
    ids.add(rule.id);
    checkTrigger(rule.trigger, ruleWhere);
    if (rule.actions.length === 0) throw new RouterConfigError(`${ruleWhere}: no actions`);
    return {
      id: rule.id,
      index,
      trigger: rule.trigger,
      actions: rule.actions.map((action) => resolveAction(action, references, ruleWhere)),
    };
  });
  return {
    id: spec.id,
    name: spec.name ?? spec.id,
    rules,
    hasWaitTimeRules: rules.some((rule) => rule.trigger.kind === "waitTime"),
  };
}

function checkTrigger(trigger: ExceptionTriggerSpec, where: string): void {
  if (trigger.kind === "queueLength") {
    if (!(Number.isInteger(trigger.threshold) && trigger.threshold >= 0)) {
      throw new RouterConfigError(`${where}: queueLength threshold must be an integer ≥ 0`);
    }
  } else if (trigger.kind === "waitTime") {
    if (!(trigger.thresholdSeconds >= 0 && Number.isFinite(trigger.thresholdSeconds))) {
      throw new RouterConfigError(`${where}: waitTime thresholdSeconds must be ≥ 0`);
    }
  } else {
    throw new RouterConfigError(`${where}: unknown trigger ${(trigger as { kind: string }).kind}`);
  }
}

function resolveAction(
  action: ExceptionActionSpec,
  references: ExceptionReferences,
  where: string,
): ExceptionActionRecord {
  switch (action.kind) {
    case "cancel":
      return {
        kind: "cancel",
        note: action.note ?? null,
        dispositionCode: action.dispositionCode ?? "Cancelled",
      };
    case "manualReclassify": {
      const priority = action.priority ?? null;
      const workerSelectors = action.workerSelectors ?? [];
      const selectorProblem = selectorsError(workerSelectors, "workerSelectors");
      if (selectorProblem !== null) throw new RouterConfigError(`${where}: ${selectorProblem}`);
      if (priority !== null && !(Number.isInteger(priority) && Math.abs(priority) <= 100)) {
        throw new RouterConfigError(`${where}: priority must be an integer in -100..100`);
      }
      return {
        kind: "manualReclassify",
        queue:
          action.queueId === undefined
            ? null
            : lookup(references.queueById, action.queueId, "queue", where),
        priority,
        workerSelectors,
      };
    }
    case "reclassify":
      return {
        kind: "reclassify",
        policy:
          action.classificationPolicyId === undefined
            ? null
            : lookup(
                references.classificationPolicies,
                action.classificationPolicyId,
                "classification policy",
                where,
              ),
        labelsToUpsert: Object.freeze({ ...action.labelsToUpsert }),
      };
    default:
      throw new RouterConfigError(`${where}: unknown action ${(action as { kind: string }).kind}`);
  }
}

function lookup<T>(map: ReadonlyMap<string, T>, id: string, what: string, where: string): T {
  const found = map.get(id);
  if (found === undefined) throw new RouterConfigError(`${where}: unknown ${what} ${id}`);
  return found;
}
