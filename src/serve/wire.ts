/**
 * The service's wire format (REST API 2023-11-01) for what the router holds: its snapshots as
 * the JSON the service answers (times as ISO-8601 from the server's time origin, absent values
 * left out, as the service leaves them out), and request bodies read into router specs. Property
 * names in requests match case-insensitively, as the service's do; read-only fields sent back
 * (id, status, timestamps, assignments, offers…) are ignored; labels and tags are merged as JSON
 * merge-patch (`null` removes a key), arrays replace.
 */
import type { JobView, QueueStatistics, WorkerView } from "../router/index.ts";
import type {
  ChannelSpec,
  ClassificationPolicySpec,
  DistributionModeSpec,
  DistributionPolicySpec,
  JobSpec,
  Labels,
  LabelValue,
  QueueSpec,
  WorkerSelector,
  WorkerSelectorSpec,
  WorkerSpec,
} from "../router/types.ts";
import { readClassificationPolicy } from "../scenario/index.ts";
import {
  DISTRIBUTION_MODE_KINDS,
  LABEL_OPERATORS,
  type LabelOperator,
} from "../vocabulary/index.ts";

/** A JSON object as parsed. */
export type JsonObject = { readonly [key: string]: unknown };

/** A request body the service refuses (400), with the field it is about. */
export class WireError extends Error {
  override readonly name = "WireError";
  constructor(
    message: string,
    readonly target: string,
  ) {
    super(message);
  }
}

/** Turns simulated seconds into the service's timestamps. */
export interface TimeFormat {
  /** Milliseconds since the Unix epoch at simulated time 0. */
  readonly originMs: number;
}

/** Simulated seconds as an ISO-8601 UTC timestamp. */
export function isoTime(time: TimeFormat, seconds: number): string {
  return new Date(time.originMs + seconds * 1000).toISOString();
}

/** An ISO-8601 timestamp as simulated seconds, or null when it is not one. */
export function secondsOfIso(time: TimeFormat, text: string): number | null {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : (ms - time.originMs) / 1000;
}

function withoutNulls(entries: Record<string, unknown>): JsonObject {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result;
}

function selectorJson(time: TimeFormat, selector: WorkerSelector): JsonObject {
  return withoutNulls({
    key: selector.key,
    labelOperator: selector.labelOperator,
    value: selector.value,
    expiresAfterSeconds: selector.expiresAfterSeconds,
    expedite: selector.expedite,
    status: selector.status,
    expiresAt: selector.expiresAtSeconds === null ? null : isoTime(time, selector.expiresAtSeconds),
  });
}

/** GET /routing/jobs/{id}. */
export function jobJson(time: TimeFormat, job: JobView): JsonObject {
  const at = (seconds: number | null) => (seconds === null ? null : isoTime(time, seconds));
  const assignment = job.assignment;
  return withoutNulls({
    id: job.id,
    channelReference: job.channelReference,
    status: job.status,
    enqueuedAt: at(job.enqueuedAtSeconds),
    channelId: job.channelId,
    queueId: job.queueId,
    classificationPolicyId: job.classificationPolicyId,
    priority: job.priority,
    dispositionCode: job.dispositionCode,
    requestedWorkerSelectors: job.requestedWorkerSelectors.map((s) => selectorJson(time, s)),
    attachedWorkerSelectors: job.attachedWorkerSelectors.map((s) => selectorJson(time, s)),
    labels: job.labels,
    assignments:
      assignment === null
        ? {}
        : {
            [assignment.assignmentId]: withoutNulls({
              assignmentId: assignment.assignmentId,
              workerId: assignment.workerId,
              assignedAt: at(assignment.assignedAtSeconds),
              completedAt: at(assignment.completedAtSeconds),
              closedAt: at(assignment.closedAtSeconds),
            }),
          },
    tags: job.tags,
    notes: job.notes.map((note) => ({ message: note.message, addedAt: at(note.addedAtSeconds) })),
    matchingMode: { kind: "queueAndMatch" },
  });
}

/** GET /routing/workers/{id}. */
export function workerJson(time: TimeFormat, worker: WorkerView): JsonObject {
  return {
    id: worker.id,
    state: worker.state,
    queues: worker.queues,
    capacity: worker.capacity,
    labels: worker.labels,
    tags: worker.tags,
    channels: worker.channels.map((channel) =>
      withoutNulls({
        channelId: channel.channelId,
        capacityCostPerJob: channel.capacityCostPerJob,
        maxNumberOfJobs: channel.maxNumberOfJobs,
      }),
    ),
    offers: worker.offers.map((offer) => ({
      offerId: offer.offerId,
      jobId: offer.jobId,
      capacityCost: offer.capacityCost,
      offeredAt: isoTime(time, offer.offeredAtSeconds),
      expiresAt: isoTime(time, offer.expiresAtSeconds),
    })),
    assignedJobs: worker.assignedJobs.map((assigned) => ({
      assignmentId: assigned.assignmentId,
      jobId: assigned.jobId,
      capacityCost: assigned.capacityCost,
      assignedAt: isoTime(time, assigned.assignedAtSeconds),
    })),
    loadRatio: worker.loadRatio,
    availableForOffers: worker.availableForOffers,
  };
}

/** GET /routing/queues/{id}/statistics (no wait estimates yet: docs/serve.md). */
export function queueStatisticsJson(statistics: QueueStatistics): JsonObject {
  return {
    queueId: statistics.queueId,
    length: statistics.length,
    longestJobWaitTimeMinutes: statistics.longestJobWaitTimeMinutes,
  };
}

// --- Requests ----------------------------------------------------------------------------------

/**
 * `body`'s own properties renamed to the canonical spelling of `names` when they match one
 * case-insensitively (the service's matching); others keep their spelling and are ignored.
 */
export function canonicalProperties(body: JsonObject, names: readonly string[]): JsonObject {
  const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    result[byLowerCase.get(key.toLowerCase()) ?? key] = value;
  }
  return result;
}

/** The body of a request as an object (an absent body is an empty one). */
export function bodyObject(body: unknown): JsonObject {
  if (body === undefined) return {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new WireError("the request body must be a JSON object", "body");
  }
  return body as JsonObject;
}

function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new WireError(`${field} must be a string`, field);
  return value;
}

function optionalNumber(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new WireError(`${field} must be a finite number`, field);
  }
  return value;
}

function optionalBoolean(body: JsonObject, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw new WireError(`${field} must be true or false`, field);
  return value;
}

function isLabelValue(value: unknown): value is LabelValue {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/**
 * Labels (or tags) after a merge-patch of `current` with `patch`: keys set to `null` go, others
 * are set; undefined when the patch does not name the field.
 */
export function mergedLabels(current: Labels, patch: unknown, field: string): Labels | undefined {
  if (patch === undefined) return undefined;
  if (patch === null) return {};
  if (typeof patch !== "object" || Array.isArray(patch)) {
    throw new WireError(`${field} must be an object of strings, numbers and booleans`, field);
  }
  const merged: Record<string, LabelValue> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isLabelValue(value)) merged[key] = value;
    else throw new WireError(`${field}.${key} must be a string, a number or a boolean`, field);
  }
  return merged;
}

function selectorSpecs(value: unknown, field: string): WorkerSelectorSpec[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) return [];
  if (!Array.isArray(value)) throw new WireError(`${field} must be an array`, field);
  return value.map((item, index) => {
    const where = `${field}[${index}]`;
    if (typeof item !== "object" || item === null) {
      throw new WireError(`${where} must be an object`, where);
    }
    const selector = canonicalProperties(item as JsonObject, SELECTOR_FIELDS);
    const key = optionalString(selector, "key");
    if (key === undefined) throw new WireError(`${where}.key is required`, `${where}.key`);
    const operator = optionalString(selector, "labelOperator") ?? "equal";
    const labelOperator = LABEL_OPERATORS.find(
      (known) => known.toLowerCase() === operator.toLowerCase(),
    );
    if (labelOperator === undefined) {
      throw new WireError(
        `${where}.labelOperator must be one of ${LABEL_OPERATORS.join(", ")} (got ${operator})`,
        `${where}.labelOperator`,
      );
    }
    const labelValue = selector.value;
    if (!isLabelValue(labelValue)) {
      throw new WireError(
        `${where}.value must be a string, a number or a boolean`,
        `${where}.value`,
      );
    }
    const expiresAfterSeconds = optionalNumber(selector, "expiresAfterSeconds");
    const expedite = optionalBoolean(selector, "expedite");
    return {
      key,
      labelOperator: labelOperator as LabelOperator,
      value: labelValue,
      ...(expiresAfterSeconds === undefined ? {} : { expiresAfterSeconds }),
      ...(expedite === undefined ? {} : { expedite }),
    };
  });
}

const SELECTOR_FIELDS = ["key", "labelOperator", "value", "expiresAfterSeconds", "expedite"];

const JOB_FIELDS = [
  "channelReference",
  "channelId",
  "classificationPolicyId",
  "queueId",
  "priority",
  "requestedWorkerSelectors",
  "labels",
  "tags",
  "matchingMode",
  "notes",
  "dispositionCode",
];

/**
 * PATCH /routing/jobs/{id} read into an upsert: `current` is the job when it exists (its
 * labels and tags are what the patch merges into).
 */
export function jobSpecOf(id: string, rawBody: unknown, current: JobView | undefined): JobSpec {
  const body = canonicalProperties(bodyObject(rawBody), JOB_FIELDS);
  const matchingMode = body.matchingMode;
  if (matchingMode !== undefined && matchingMode !== null) {
    const kind = (matchingMode as JsonObject).kind;
    if (typeof kind !== "string" || kind.toLowerCase().replaceAll("-", "") !== "queueandmatch") {
      throw new WireError(
        "ccsim serve supports only matchingMode queueAndMatch so far (docs/serve.md)",
        "matchingMode",
      );
    }
  }
  if (body.notes !== undefined && body.notes !== null) {
    throw new WireError("notes on a job upsert are not supported yet (docs/serve.md)", "notes");
  }
  const fields: Record<string, unknown> = {
    channelReference: optionalString(body, "channelReference"),
    channelId: optionalString(body, "channelId"),
    classificationPolicyId: optionalString(body, "classificationPolicyId"),
    queueId: optionalString(body, "queueId"),
    priority: optionalNumber(body, "priority"),
    labels: mergedLabels(current?.labels ?? {}, body.labels, "labels"),
    tags: mergedLabels(current?.tags ?? {}, body.tags, "tags"),
    requestedWorkerSelectors: selectorSpecs(
      body.requestedWorkerSelectors,
      "requestedWorkerSelectors",
    ),
  };
  const spec: Record<string, unknown> = { id };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) spec[key] = value;
  return spec as unknown as JobSpec;
}

const WORKER_FIELDS = [
  "capacity",
  "queues",
  "channels",
  "labels",
  "tags",
  "availableForOffers",
  "maxConcurrentOffers",
];

function channelSpecs(value: unknown): ChannelSpec[] {
  if (!Array.isArray(value)) throw new WireError("channels must be an array", "channels");
  return value.map((item, index) => {
    const where = `channels[${index}]`;
    if (typeof item !== "object" || item === null) {
      throw new WireError(`${where} must be an object`, where);
    }
    const channel = canonicalProperties(item as JsonObject, [
      "channelId",
      "capacityCostPerJob",
      "maxNumberOfJobs",
    ]);
    const channelId = optionalString(channel, "channelId");
    const cost = optionalNumber(channel, "capacityCostPerJob");
    if (channelId === undefined) {
      throw new WireError(`${where}.channelId is required`, `${where}.channelId`);
    }
    if (cost === undefined) {
      throw new WireError(`${where}.capacityCostPerJob is required`, `${where}.capacityCostPerJob`);
    }
    const maxNumberOfJobs = optionalNumber(channel, "maxNumberOfJobs");
    return {
      channelId,
      capacityCostPerJob: cost,
      ...(maxNumberOfJobs === undefined ? {} : { maxNumberOfJobs }),
    };
  });
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new WireError(`${field} must be an array of ids`, field);
  }
  return value as string[];
}

/**
 * PATCH /routing/workers/{id} read into an upsert. A new worker needs its capacity, queues and
 * channels; an existing one may so far change only `availableForOffers` (the router's limit,
 * docs/serve.md): other fields equal to the worker's current values are accepted as no change.
 */
export function workerSpecOf(
  id: string,
  rawBody: unknown,
  current: WorkerView | undefined,
): WorkerSpec {
  const body = canonicalProperties(bodyObject(rawBody), WORKER_FIELDS);
  const availableForOffers = optionalBoolean(body, "availableForOffers");
  if (current !== undefined) {
    const unchanged = (field: string, now: unknown) =>
      body[field] === undefined || JSON.stringify(body[field]) === JSON.stringify(now);
    const changed = [
      unchanged("capacity", current.capacity) ? null : "capacity",
      unchanged("queues", current.queues) ? null : "queues",
      body.channels === undefined ||
      JSON.stringify(channelSpecs(body.channels)) ===
        JSON.stringify(
          channelSpecs(current.channels.map((channel) => withoutNulls({ ...channel }))),
        )
        ? null
        : "channels",
      body.labels === undefined ? null : "labels",
      body.tags === undefined ? null : "tags",
    ].filter((field): field is string => field !== null);
    if (changed.length > 0) {
      throw new WireError(
        `changing ${changed.join(", ")} of an existing worker is not supported yet (only availableForOffers; docs/serve.md)`,
        changed[0] as string,
      );
    }
    return { id, availableForOffers } as WorkerSpec;
  }
  const capacity = optionalNumber(body, "capacity");
  if (capacity === undefined) throw new WireError("capacity is required", "capacity");
  const labels = mergedLabels({}, body.labels, "labels");
  const tags = mergedLabels({}, body.tags, "tags");
  return {
    id,
    capacity,
    queues: body.queues === undefined ? [] : stringList(body.queues, "queues"),
    channels: body.channels === undefined ? [] : channelSpecs(body.channels),
    ...(labels === undefined ? {} : { labels }),
    ...(tags === undefined ? {} : { tags }),
    ...(availableForOffers === undefined ? {} : { availableForOffers }),
  };
}

/** The note and disposition code of cancel, complete and close bodies. */
export function noteOptions(rawBody: unknown): { note?: string; dispositionCode?: string } {
  const body = canonicalProperties(bodyObject(rawBody), ["note", "dispositionCode", "closeAt"]);
  const note = optionalString(body, "note");
  const dispositionCode = optionalString(body, "dispositionCode");
  return {
    ...(note === undefined ? {} : { note }),
    ...(dispositionCode === undefined ? {} : { dispositionCode }),
  };
}

/** `closeAt` of a close body, in simulated seconds. */
export function closeAtSeconds(time: TimeFormat, rawBody: unknown): number | undefined {
  const body = canonicalProperties(bodyObject(rawBody), ["closeAt"]);
  const closeAt = optionalString(body, "closeAt");
  if (closeAt === undefined) return undefined;
  const seconds = secondsOfIso(time, closeAt);
  if (seconds === null) throw new WireError("closeAt must be an ISO-8601 time", "closeAt");
  return seconds;
}

// --- Administration resources ------------------------------------------------------------------

/** A kind as the API spells it in any of its versions (`longestIdle`, `longest-idle`). */
function kindKey(kind: string): string {
  return kind.toLowerCase().replaceAll("-", "");
}

function modeOf(value: unknown): DistributionModeSpec {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new WireError("mode must be an object with a kind", "mode");
  }
  const mode = canonicalProperties(value as JsonObject, [
    "kind",
    "minConcurrentOffers",
    "maxConcurrentOffers",
    "bypassSelectors",
    "scoringRule",
    "scoringRuleOptions",
  ]);
  const kindText = optionalString(mode, "kind");
  const kind = DISTRIBUTION_MODE_KINDS.find((known) => kindKey(known) === kindKey(kindText ?? ""));
  if (kind === undefined) {
    throw new WireError(
      `mode.kind must be one of ${DISTRIBUTION_MODE_KINDS.join(", ")} (got ${kindText ?? "none"})`,
      "mode.kind",
    );
  }
  const minConcurrentOffers = optionalNumber(mode, "minConcurrentOffers");
  const maxConcurrentOffers = optionalNumber(mode, "maxConcurrentOffers");
  const bypassSelectors = optionalBoolean(mode, "bypassSelectors");
  if (mode.scoringRule !== undefined || mode.scoringRuleOptions !== undefined) {
    throw new WireError(
      "a scoring rule over the API is not supported yet: preload best-worker policies from a scenario (docs/serve.md)",
      "mode.scoringRule",
    );
  }
  return {
    kind,
    ...(minConcurrentOffers === undefined ? {} : { minConcurrentOffers }),
    ...(maxConcurrentOffers === undefined ? {} : { maxConcurrentOffers }),
    ...(bypassSelectors === undefined ? {} : { bypassSelectors }),
  };
}

/** PATCH /routing/distributionPolicies/{id} read into a new policy's spec. */
export function distributionPolicySpecOf(id: string, rawBody: unknown): DistributionPolicySpec {
  const body = canonicalProperties(bodyObject(rawBody), [
    "name",
    "offerExpiresAfterSeconds",
    "mode",
  ]);
  const name = optionalString(body, "name");
  const offerExpiresAfterSeconds = optionalNumber(body, "offerExpiresAfterSeconds");
  if (offerExpiresAfterSeconds === undefined) {
    throw new WireError("offerExpiresAfterSeconds is required", "offerExpiresAfterSeconds");
  }
  if (body.mode === undefined || body.mode === null)
    throw new WireError("mode is required", "mode");
  return {
    id,
    ...(name === undefined ? {} : { name }),
    offerExpiresAfterSeconds,
    mode: modeOf(body.mode),
  };
}

/** PATCH /routing/queues/{id} read into a new queue's spec. */
export function queueSpecOf(id: string, rawBody: unknown): QueueSpec {
  const body = canonicalProperties(bodyObject(rawBody), [
    "name",
    "distributionPolicyId",
    "exceptionPolicyId",
    "labels",
  ]);
  const name = optionalString(body, "name");
  const distributionPolicyId = optionalString(body, "distributionPolicyId");
  if (distributionPolicyId === undefined) {
    throw new WireError("distributionPolicyId is required", "distributionPolicyId");
  }
  const exceptionPolicyId = optionalString(body, "exceptionPolicyId");
  const labels = mergedLabels({}, body.labels, "labels");
  return {
    id,
    ...(name === undefined ? {} : { name }),
    distributionPolicyId,
    ...(exceptionPolicyId === undefined ? {} : { exceptionPolicyId }),
    ...(labels === undefined ? {} : { labels }),
  };
}

/**
 * `value` with every `kind` spelled in camelCase, at any depth: the API's kinds were kebab-case
 * in its previews and some clients still send them (`pass-through` for `passThrough`).
 */
export function camelCaseKinds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKinds);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    result[key] =
      key === "kind" && typeof inner === "string"
        ? inner.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
        : camelCaseKinds(inner);
  }
  return result;
}

const CLASSIFICATION_POLICY_FIELDS = [
  "name",
  "fallbackQueueId",
  "queueSelectorAttachments",
  "prioritizationRule",
  "workerSelectorAttachments",
];

/**
 * PATCH /routing/classificationPolicies/{id} read into a new policy's spec, by the scenario's own
 * schema (src/scenario/resources.ts): every problem of the body in one 400, the first one's path
 * as its target. Read-only fields (id, etag) are dropped; unknown ones are refused, as a
 * scenario's are, since a misspelt attachment would otherwise route silently.
 */
export function classificationPolicySpecOf(id: string, rawBody: unknown): ClassificationPolicySpec {
  const {
    id: _id,
    etag: _etag,
    ...body
  } = canonicalProperties(bodyObject(rawBody), [...CLASSIFICATION_POLICY_FIELDS, "id", "etag"]);
  const withoutNulls = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
  const reading = readClassificationPolicy(id, camelCaseKinds(withoutNulls) as JsonObject);
  if (!reading.ok) {
    const [first] = reading.problems;
    throw new WireError(
      reading.problems.map((problem) => `${problem.path}: ${problem.message}`).join("; "),
      first?.path ?? "body",
    );
  }
  return reading.spec;
}

/** A router attachment as the API spells it: `queueSelector(s)` or `workerSelector(s)`. */
function attachmentJson(attachment: JsonObject, noun: "queue" | "worker"): JsonObject {
  const { selector, selectors, allocations, ...rest } = attachment as {
    selector?: unknown;
    selectors?: unknown;
    allocations?: readonly { weight: number; selectors: unknown }[];
  } & Record<string, unknown>;
  return {
    ...rest,
    ...(selector === undefined ? {} : { [`${noun}Selector`]: selector }),
    ...(selectors === undefined ? {} : { [`${noun}Selectors`]: selectors }),
    ...(allocations === undefined
      ? {}
      : {
          allocations: allocations.map((allocation) => ({
            weight: allocation.weight,
            [`${noun}Selectors`]: allocation.selectors,
          })),
        }),
  };
}

/** GET /routing/classificationPolicies/{id}: the router's spec in the API's field names. */
export function classificationPolicyJson(spec: ClassificationPolicySpec): JsonObject {
  return {
    ...spec,
    queueSelectorAttachments: (spec.queueSelectorAttachments ?? []).map((attachment) =>
      attachmentJson(attachment as unknown as JsonObject, "queue"),
    ),
    workerSelectorAttachments: (spec.workerSelectorAttachments ?? []).map((attachment) =>
      attachmentJson(attachment as unknown as JsonObject, "worker"),
    ),
  };
}
