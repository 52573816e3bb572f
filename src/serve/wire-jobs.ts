/**
 * Jobs on the wire: a job's snapshot as GET answers it (times as ISO-8601, absent values left
 * out) and PATCH bodies read into an upsert (labels and tags merged, selectors replaced;
 * read-only fields such as status, timestamps and assignments ignored), and the note,
 * disposition code and `closeAt` of cancel, complete and close.
 */
import { isLabelValue, type JobView } from "../router/index.ts";
import type {
  JobNote,
  JobSpec,
  MatchingModeSpec,
  WorkerSelector,
  WorkerSelectorSpec,
} from "../router/types.ts";
import { LABEL_OPERATORS, type LabelOperator } from "../vocabulary/index.ts";
import {
  bodyObject,
  canonicalProperties,
  isoTime,
  type JsonObject,
  mergedLabels,
  optionalBoolean,
  optionalNumber,
  optionalString,
  sameLabels,
  secondsOfIso,
  type TimeFormat,
  WireError,
  withoutNulls,
} from "./wire.ts";
import { routerKind } from "./wire-kinds.ts";

/**
 * A job's worker selector as the service answers it. `expiresAt` is answered for attached
 * selectors only: the service's recordings show it on a classification policy's expiring
 * selector and never on a requested one (whose `status` still turns `expired`).
 */
function selectorJson(
  time: TimeFormat,
  selector: WorkerSelector,
  side: "requested" | "attached",
): JsonObject {
  return withoutNulls({
    key: selector.key,
    labelOperator: selector.labelOperator,
    value: selector.value,
    expiresAfterSeconds: selector.expiresAfterSeconds,
    expedite: selector.expedite,
    status: selector.status,
    expiresAt:
      side === "requested" || selector.expiresAtSeconds === null
        ? null
        : isoTime(time, selector.expiresAtSeconds),
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
    requestedWorkerSelectors: job.requestedWorkerSelectors.map((selector) =>
      selectorJson(time, selector, "requested"),
    ),
    attachedWorkerSelectors: job.attachedWorkerSelectors.map((selector) =>
      selectorJson(time, selector, "attached"),
    ),
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
    scheduledAt: at(job.scheduledAtSeconds),
    matchingMode: matchingModeJson(time, job.matchingMode),
  });
}

function matchingModeJson(time: TimeFormat, mode: MatchingModeSpec): JsonObject {
  return mode.kind === "scheduleAndSuspend"
    ? { kind: mode.kind, scheduleAt: isoTime(time, mode.scheduleAtSeconds) }
    : { kind: mode.kind };
}

/**
 * A request's `matchingMode`: its kind in any spelling; `scheduleAndSuspend` needs its
 * `scheduleAt`. Undefined when not sent; `null` is the default, `queueAndMatch`.
 */
function matchingModeOf(value: unknown, time: TimeFormat): MatchingModeSpec | undefined {
  if (value === undefined) return undefined;
  if (value === null) return { kind: "queueAndMatch" };
  const mode = canonicalProperties(bodyObject(value), ["kind", "scheduleAt"]);
  const kindText = optionalString(mode, "kind");
  const kind = kindText === undefined ? undefined : routerKind(kindText);
  if (kind === "queueAndMatch" || kind === "suspend") return { kind };
  if (kind !== "scheduleAndSuspend") {
    throw new WireError(
      `matchingMode.kind must be queueAndMatch, suspend or scheduleAndSuspend (got ${kindText ?? "none"})`,
      "matchingMode.kind",
    );
  }
  const scheduleAt = optionalString(mode, "scheduleAt");
  const scheduleAtSeconds = scheduleAt === undefined ? null : secondsOfIso(time, scheduleAt);
  if (scheduleAtSeconds === null) {
    throw new WireError(
      `matchingMode.scheduleAt must be a date and time (got ${scheduleAt ?? "none"})`,
      "matchingMode.scheduleAt",
    );
  }
  return { kind, scheduleAtSeconds };
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
 * labels and tags are what the patch merges into); `time` reads notes' times.
 */
export function jobSpecOf(
  id: string,
  rawBody: unknown,
  current: JobView | undefined,
  time: TimeFormat & { readonly nowSeconds: number },
): JobSpec {
  const body = canonicalProperties(bodyObject(rawBody), JOB_FIELDS);
  const requestedMode = matchingModeOf(body.matchingMode, time);
  // The mode a job holds, sent back as read, is no change.
  const matchingMode =
    requestedMode !== undefined &&
    current !== undefined &&
    JSON.stringify(requestedMode) === JSON.stringify(current.matchingMode)
      ? undefined
      : requestedMode;
  const notes = notesOf(body.notes, current, time);
  const labels = mergedLabels(current?.labels ?? {}, body.labels, "labels");
  const tags = mergedLabels(current?.tags ?? {}, body.tags, "tags");
  const requested = selectorSpecs(body.requestedWorkerSelectors, "requestedWorkerSelectors");
  // What a client sends back as it read it is no change: leaving it out keeps the router from
  // taking it for one (new labels or selectors revoke the job's offers and match it again).
  const fields: Record<string, unknown> = {
    channelReference: optionalString(body, "channelReference"),
    channelId: optionalString(body, "channelId"),
    classificationPolicyId: optionalString(body, "classificationPolicyId"),
    queueId: optionalString(body, "queueId"),
    priority: optionalNumber(body, "priority"),
    labels: current !== undefined && sameLabels(labels, current.labels) ? undefined : labels,
    tags: current !== undefined && sameLabels(tags, current.tags) ? undefined : tags,
    requestedWorkerSelectors:
      current !== undefined && sameSelectors(requested, current.requestedWorkerSelectors)
        ? undefined
        : requested,
    notes,
    matchingMode,
    dispositionCode:
      current !== undefined && optionalString(body, "dispositionCode") === current.dispositionCode
        ? undefined
        : optionalString(body, "dispositionCode"),
  };
  const spec: Record<string, unknown> = { id };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) spec[key] = value;
  return spec as unknown as JobSpec;
}

/** Whether `sent` (undefined: not sent) are the job's requested selectors as it holds them. */
function sameSelectors(
  sent: readonly WorkerSelectorSpec[] | undefined,
  held: readonly WorkerSelector[],
): boolean {
  if (sent === undefined) return true;
  return (
    sent.length === held.length &&
    sent.every((selector, index) => {
      const other = held[index] as WorkerSelector;
      return (
        selector.key === other.key &&
        selector.labelOperator === other.labelOperator &&
        selector.value === other.value &&
        (selector.expiresAfterSeconds ?? null) === other.expiresAfterSeconds &&
        (selector.expedite ?? false) === other.expedite
      );
    })
  );
}

/**
 * A job's notes from an upsert: the list replaces the job's (arrays replace in a merge-patch);
 * a note without `addedAt` is added now. Undefined when not sent or sent back unchanged.
 */
function notesOf(
  value: unknown,
  current: JobView | undefined,
  time: TimeFormat & { readonly nowSeconds: number },
): JobNote[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) return current === undefined || current.notes.length === 0 ? undefined : [];
  if (!Array.isArray(value)) throw new WireError("notes must be an array", "notes");
  const notes = value.map((item, index): JobNote => {
    const where = `notes[${index}]`;
    const note = canonicalProperties(bodyObject(item), ["message", "addedAt"]);
    const message = optionalString(note, "message");
    if (message === undefined) throw new WireError(`${where}.message is required`, where);
    const addedAtText = optionalString(note, "addedAt");
    const addedAtSeconds =
      addedAtText === undefined ? time.nowSeconds : secondsOfIso(time, addedAtText);
    if (addedAtSeconds === null) {
      throw new WireError(`${where}.addedAt must be a date and time (got ${addedAtText})`, where);
    }
    return { message, addedAtSeconds };
  });
  const same =
    current !== undefined &&
    notes.length === current.notes.length &&
    notes.every(
      (note, index) =>
        note.message === current.notes[index]?.message &&
        Math.abs(note.addedAtSeconds - (current.notes[index]?.addedAtSeconds ?? Number.NaN)) < 1e-3,
    );
  return same ? undefined : notes;
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

/** A time field of a body (`closeAt`, `retryOfferAt`), in simulated seconds, when given. */
function timeField(time: TimeFormat, rawBody: unknown, field: string): number | undefined {
  const body = canonicalProperties(bodyObject(rawBody), [field]);
  const text = optionalString(body, field);
  if (text === undefined) return undefined;
  const seconds = secondsOfIso(time, text);
  if (seconds === null) throw new WireError(`${field} must be an ISO-8601 time`, field);
  return seconds;
}

/** `closeAt` of a close body, in simulated seconds. */
export function closeAtSeconds(time: TimeFormat, rawBody: unknown): number | undefined {
  return timeField(time, rawBody, "closeAt");
}

/** `retryOfferAt` of a decline body, in simulated seconds. */
export function retryOfferAtSeconds(time: TimeFormat, rawBody: unknown): number | undefined {
  return timeField(time, rawBody, "retryOfferAt");
}
