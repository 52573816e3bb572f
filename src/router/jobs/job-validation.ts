/**
 * Checks of client-supplied job fields, with the service's validation messages (§7, §8 n).
 * Pure; returns an error message or null.
 */
import { isLabelOperator, LABEL_OPERATORS } from "../../vocabulary/index.ts";
import { isLabelValue } from "../labels.ts";
import type { JobSpec, Labels, WorkerSelectorSpec } from "../types.ts";

const NO_SELECTOR_SPECS: readonly WorkerSelectorSpec[] = [];
const MIN_PRIORITY = -100;
const MAX_PRIORITY = 100;

function labelsError(labels: Labels | undefined, field: string): string | null {
  if (labels === undefined) return null;
  // for…in with an own-property check: Object.entries would allocate per job.
  for (const key in labels) {
    if (Object.hasOwn(labels, key) && !isLabelValue(labels[key])) {
      return `${field}.${key} must be a string, a finite number or a boolean`;
    }
  }
  return null;
}

function selectorError(selector: WorkerSelectorSpec, index: number, field: string): string | null {
  // The location is formatted only for a message: building it for every valid selector cost
  // a string (and a number conversion) per job of a stream with selectors.
  if (typeof selector.key !== "string" || selector.key === "") {
    return `${field}[${index}].key is required`;
  }
  if (!isLabelOperator(selector.labelOperator)) {
    return `${field}[${index}].labelOperator must be one of ${LABEL_OPERATORS.join(", ")}`;
  }
  if (!isLabelValue(selector.value)) return `${field}[${index}].value must be a primitive`;
  const expiresAfterSeconds = selector.expiresAfterSeconds;
  if (expiresAfterSeconds !== undefined && !(expiresAfterSeconds > 0)) {
    return `${field}[${index}].expiresAfterSeconds must be > 0`;
  }
  return null;
}

/** The first problem of a job create or update's fields (the id aside), or null. */
export function jobSpecError(spec: Omit<JobSpec, "id">): string | null {
  const priority = spec.priority;
  if (
    priority !== undefined &&
    !(Number.isInteger(priority) && priority >= MIN_PRIORITY && priority <= MAX_PRIORITY)
  ) {
    return `priority must be an integer in ${MIN_PRIORITY}..${MAX_PRIORITY}, got ${priority}`;
  }
  if (spec.channelId !== undefined && spec.channelId === "") return "channelId must not be empty";
  return (
    selectorsError(
      spec.requestedWorkerSelectors ?? NO_SELECTOR_SPECS,
      "requestedWorkerSelectors",
    ) ??
    labelsError(spec.labels, "labels") ??
    labelsError(spec.tags, "tags")
  );
}

/** The first problem of a worker selector list, named after `field`, or null. */
export function selectorsError(
  selectors: readonly WorkerSelectorSpec[],
  field: string,
): string | null {
  for (let i = 0; i < selectors.length; i++) {
    const error = selectorError(selectors[i] as WorkerSelectorSpec, i, field);
    if (error !== null) return error;
  }
  return null;
}

/**
 * upsertJob's checks that neither the id nor the router's jobs affect, in its order: the spec's
 * fields, then the queue and the classification policy it names. The first problem, or null.
 */
export function jobRequestError(
  spec: Omit<JobSpec, "id">,
  queues: ReadonlyMap<string, unknown>,
  classificationPolicies: ReadonlyMap<string, unknown>,
): string | null {
  const error = jobSpecError(spec);
  if (error !== null) return error;
  if (spec.queueId !== undefined && !queues.has(spec.queueId)) {
    return `queue ${spec.queueId} does not exist`;
  }
  const policyId = spec.classificationPolicyId;
  if (policyId !== undefined && !classificationPolicies.has(policyId)) {
    return `classification policy ${policyId} does not exist`;
  }
  return null;
}

/** The refusal of a new job without an id. */
export const ID_REQUIRED = "id is required";

/**
 * What a new job needs besides its id, checked after it (in createJob's order): a channel, and
 * a queue or a classification policy. The first problem, or null.
 */
export function newJobError(spec: Omit<JobSpec, "id">): string | null {
  if (spec.channelId === undefined) return "channelId is required";
  if (spec.queueId === undefined && spec.classificationPolicyId === undefined) {
    return "queueId or classificationPolicyId is required";
  }
  return null;
}
