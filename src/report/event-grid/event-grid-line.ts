/**
 * The `data` object of each router event type in the Event Grid stream (output contract §5–6),
 * written field by field straight into bytes: the service's field names in the event's own
 * order (events.ts), simulated-seconds fields replaced by timestamp fields appended at the end.
 * With the subjects (event-grid-subject.ts) and the envelope (event-grid.ts) this is the only
 * spelling of the stream's shape: the envelope object (`serialize`) is the line parsed back.
 */
import type { JobEventBase, OfferEventBase, RouterEvent } from "../../router/events/events.ts";
import type { JobStatus, Labels, WorkerSelector } from "../../router/types.ts";
import { asciiFragment, type Fragment, type JsonBytes } from "./json-bytes.ts";

/** Writes the stream's timestamp of a simulated time (ISO, milliseconds, no quotes). */
export interface TimestampWriter {
  writeTimestamp(out: JsonBytes, timeSeconds: number): void;
}

/** Any data field name of an event (a misspelt one fails to compile). */
type EventFieldName = Exclude<
  RouterEvent extends infer E ? (E extends RouterEvent ? keyof E : never) : never,
  "type" | "timeSeconds"
>;

/** The timestamp fields that replace simulated-seconds fields in `data`. */
type TimestampFieldName = "scheduledOn" | "offeredOn" | "expiresOn";

/** `,"name":`, pre-encoded. */
function field(name: EventFieldName | TimestampFieldName): Fragment {
  return asciiFragment(`,"${name}":`);
}

const QUOTE = 0x22;
const NULL = asciiFragment("null");

/** How every job event's and offer's data starts: the job id's key. */
export const JOB_ID_KEY = '{"jobId":';
const JOB_ID_FIRST = asciiFragment(JOB_ID_KEY);
const WORKER_ID_FIRST = asciiFragment('{"workerId":');
const CHANNEL_REFERENCE = field("channelReference");
const CHANNEL_ID = field("channelId");
const QUEUE_ID = field("queueId");
const WORKER_ID = field("workerId");
const OFFER_ID = field("offerId");
const LABELS = labelsField("labels");
const TAGS = labelsField("tags");
const JOB_STATUS = field("jobStatus");
const CLASSIFICATION_POLICY_ID = field("classificationPolicyId");
const PRIORITY = field("priority");
const JOB_PRIORITY = field("jobPriority");
const REQUESTED_SELECTORS = selectorsField("requestedWorkerSelectors");
const ATTACHED_SELECTORS = selectorsField("attachedWorkerSelectors");
const EXPIRED_REQUESTED_SELECTORS = selectorsField("expiredRequestedWorkerSelectors");
const EXPIRED_ATTACHED_SELECTORS = selectorsField("expiredAttachedWorkerSelectors");
const OFFERED_ON = field("offeredOn");
const EXPIRES_ON = field("expiresOn");
const ASSIGNMENT_ID = field("assignmentId");
const DISPOSITION_CODE = field("dispositionCode");
const NOTE = field("note");
const RULE_KEY = field("ruleKey");
const EXCEPTION_RULE_ID = field("exceptionRuleId");
const WORKER_LABELS = labelsField("workerLabels");
const WORKER_TAGS = labelsField("workerTags");
const JOB_LABELS = labelsField("jobLabels");
const JOB_TAGS = labelsField("jobTags");
const TOTAL_CAPACITY = field("totalCapacity");

/**
 * Runs of constant text that the usual event writes as one fragment instead of several: a null
 * `channelReference` with the key after it, empty labels and selector lists, a null
 * `classificationPolicyId`, the `unavailableForMatching` flag with the key after it.
 */
const NULL_CHANNEL_REFERENCE_CHANNEL_ID = asciiFragment(',"channelReference":null,"channelId":');
const NULL_CLASSIFICATION_POLICY_ID_PRIORITY = asciiFragment(
  ',"classificationPolicyId":null,"priority":',
);
const AVAILABLE_SCHEDULED_ON = asciiFragment(',"unavailableForMatching":false,"scheduledOn":');
const UNAVAILABLE_SCHEDULED_ON = asciiFragment(',"unavailableForMatching":true,"scheduledOn":');

/** A field's key, and the key with its empty value (the usual case) as one fragment. */
interface FieldWithEmpty {
  readonly key: Fragment;
  readonly empty: Fragment;
}

/** Labels or tags: empty as `{}`. */
function labelsField(name: EventFieldName): FieldWithEmpty {
  return { key: field(name), empty: asciiFragment(`,"${name}":{}`) };
}

/** A selector list: empty as `[]`. */
function selectorsField(name: EventFieldName): FieldWithEmpty {
  return { key: field(name), empty: asciiFragment(`,"${name}":[]`) };
}

/** The service's selector shape (`ttlSeconds`, `state`, `expirationTime`). */
const SELECTOR_KEY_FIRST = asciiFragment('{"key":');
const SELECTOR_OPERATOR = asciiFragment(',"labelOperator":');
const SELECTOR_EXPIRATION_TIME = asciiFragment(',"expirationTime":');

/** `jobStatus` as events spell it: `queued` → `Queued`. */
const PASCAL_STATUS: Readonly<Record<JobStatus, string>> = {
  created: "Created",
  pendingClassification: "PendingClassification",
  queued: "Queued",
  assigned: "Assigned",
  completed: "Completed",
  closed: "Closed",
  cancelled: "Cancelled",
  classificationFailed: "ClassificationFailed",
  pendingSchedule: "PendingSchedule",
  scheduled: "Scheduled",
  scheduleFailed: "ScheduleFailed",
  waitingForActivation: "WaitingForActivation",
};

/** `,"jobStatus":"Queued"` and the like, encoded once. */
const JOB_STATUS_FIELDS = new Map(
  Object.entries(PASCAL_STATUS).map(([status, pascal]) => [
    status,
    asciiFragment(`,"jobStatus":${JSON.stringify(pascal)}`),
  ]),
);

/** `queued` → `Queued`, as `jobStatus` is spelled in events. */
export function pascalStatus(status: JobStatus): string {
  return PASCAL_STATUS[status] ?? status.charAt(0).toUpperCase() + status.slice(1);
}

/** A quoted timestamp, or null. */
function optionalTime(out: JsonBytes, clock: TimestampWriter, timeSeconds: number | null): void {
  if (timeSeconds === null) {
    out.raw(NULL);
    return;
  }
  out.byte(QUOTE);
  clock.writeTimestamp(out, timeSeconds);
  out.byte(QUOTE);
}

/** True when `fields` has no own enumerable key: it writes `{}`. */
function isEmptyRecord(fields: Labels): boolean {
  for (const key in fields) if (Object.hasOwn(fields, key)) return false;
  return true;
}

function labels(out: JsonBytes, field: FieldWithEmpty, value: Labels): void {
  if (isEmptyRecord(value)) out.raw(field.empty);
  else out.objectField(field.key, value);
}

function selectors(
  out: JsonBytes,
  field: FieldWithEmpty,
  list: readonly WorkerSelector[],
  clock: TimestampWriter,
): void {
  if (list.length === 0) {
    out.raw(field.empty);
    return;
  }
  out.raw(field.key);
  out.openArray();
  for (let i = 0; i < list.length; i++) {
    const selector = list[i] as WorkerSelector;
    if (i > 0) out.comma();
    out.stringField(SELECTOR_KEY_FIRST, selector.key);
    out.stringField(SELECTOR_OPERATOR, selector.labelOperator);
    out.member("value", selector.value, false);
    out.member("ttlSeconds", selector.expiresAfterSeconds, false);
    out.member("state", selector.status, false);
    out.raw(SELECTOR_EXPIRATION_TIME);
    optionalTime(out, clock, selector.expiresAtSeconds);
    out.closeObject();
  }
  out.closeArray();
}

/** A member of nested records (queue details, errors, configurations), written generically. */
function json(out: JsonBytes, name: EventFieldName, value: unknown): void {
  out.member(name, value, false);
}

/** `{"jobId":…,"channelReference":…,"channelId":…`. */
export function writeJobAndChannel(
  out: JsonBytes,
  jobId: string,
  channelReference: string | null,
  channelId: string,
): void {
  out.stringField(JOB_ID_FIRST, jobId);
  if (channelReference === null) {
    out.stringField(NULL_CHANNEL_REFERENCE_CHANNEL_ID, channelId);
  } else {
    out.stringField(CHANNEL_REFERENCE, channelReference);
    out.stringField(CHANNEL_ID, channelId);
  }
}

/** The fields every job event's data starts with, up to its tags. */
export function writeJobBase(out: JsonBytes, event: JobEventBase): void {
  writeJobAndChannel(out, event.jobId, event.channelReference, event.channelId);
  out.nullableStringField(QUEUE_ID, event.queueId);
  labels(out, LABELS, event.labels);
  labels(out, TAGS, event.tags);
}

/** `,"workerId":…`, as offer and assignment events write it. */
export function writeWorkerIdField(out: JsonBytes, workerId: string): void {
  out.stringField(WORKER_ID, workerId);
}

/** `,"queueId":…` of an offer. */
export function writeQueueIdField(out: JsonBytes, queueId: string): void {
  out.stringField(QUEUE_ID, queueId);
}

function offerBase(out: JsonBytes, event: OfferEventBase): void {
  writeJobAndChannel(out, event.jobId, event.channelReference, event.channelId);
  writeWorkerIdField(out, event.workerId);
  writeQueueIdField(out, event.queueId);
  writeOfferIdField(out, event.offerId);
}

/** `,"offerId":…`. */
export function writeOfferIdField(out: JsonBytes, offerId: string): void {
  out.stringField(OFFER_ID, offerId);
}

/** An offer's `workerLabels` and `workerTags`. */
export function writeWorkerLabels(out: JsonBytes, workerLabels: Labels, workerTags: Labels): void {
  labels(out, WORKER_LABELS, workerLabels);
  labels(out, WORKER_TAGS, workerTags);
}

/** An offer's `jobLabels` and `jobTags`. */
export function writeJobLabels(out: JsonBytes, jobLabels: Labels, jobTags: Labels): void {
  labels(out, JOB_LABELS, jobLabels);
  labels(out, JOB_TAGS, jobTags);
}

/** Offer issued: the data after the offer id, without the labels: `,"jobPriority":…`. */
export function writeJobPriority(out: JsonBytes, jobPriority: number): void {
  out.numberField(JOB_PRIORITY, jobPriority);
}

/** Offer accepted: the data between the offer id and the labels. */
export function writeAcceptedAssignment(
  out: JsonBytes,
  assignmentId: string,
  jobPriority: number,
): void {
  out.stringField(ASSIGNMENT_ID, assignmentId);
  out.numberField(JOB_PRIORITY, jobPriority);
}

/** Offer issued: the data after the labels, closing brace included. */
export function writeOfferTimes(
  out: JsonBytes,
  offeredAtSeconds: number,
  expiresAtSeconds: number,
  clock: TimestampWriter,
): void {
  out.raw(OFFERED_ON);
  optionalTime(out, clock, offeredAtSeconds);
  out.raw(EXPIRES_ON);
  optionalTime(out, clock, expiresAtSeconds);
  out.closeObject();
}

/** `,"unavailableForMatching":…,"scheduledOn":`. */
function availability(out: JsonBytes, unavailableForMatching: boolean): void {
  out.raw(unavailableForMatching ? UNAVAILABLE_SCHEDULED_ON : AVAILABLE_SCHEDULED_ON);
}

/** Any job event (data starting with `writeJobBase`). */
export type JobEvent = Extract<RouterEvent, JobEventBase>;

/** The `data` object of an event. */
export function writeEventData(out: JsonBytes, event: RouterEvent, clock: TimestampWriter): void {
  switch (event.type) {
    case "RouterWorkerOfferIssued":
      offerBase(out, event);
      writeJobPriority(out, event.jobPriority);
      writeWorkerLabels(out, event.workerLabels, event.workerTags);
      writeJobLabels(out, event.jobLabels, event.jobTags);
      writeOfferTimes(out, event.offeredAtSeconds, event.expiresAtSeconds, clock);
      break;
    case "RouterWorkerOfferAccepted":
      offerBase(out, event);
      writeAcceptedAssignment(out, event.assignmentId, event.jobPriority);
      writeWorkerLabels(out, event.workerLabels, event.workerTags);
      writeJobLabels(out, event.jobLabels, event.jobTags);
      out.closeObject();
      break;
    case "RouterWorkerOfferDeclined":
    case "RouterWorkerOfferRevoked":
    case "RouterWorkerOfferExpired":
      offerBase(out, event);
      out.closeObject();
      break;
    case "RouterWorkerRegistered":
      out.stringField(WORKER_ID_FIRST, event.workerId);
      json(out, "queueAssignments", event.queueAssignments);
      json(out, "channelConfigurations", event.channelConfigurations);
      out.numberField(TOTAL_CAPACITY, event.totalCapacity);
      labels(out, LABELS, event.labels);
      labels(out, TAGS, event.tags);
      out.closeObject();
      break;
    case "RouterWorkerDeregistered":
      out.stringField(WORKER_ID_FIRST, event.workerId);
      out.closeObject();
      break;
    default:
      writeJobBase(out, event);
      writeJobDataRest(out, event, clock);
      break;
  }
}

/** A job event's data after `writeJobBase`, closing brace included. */
export function writeJobDataRest(out: JsonBytes, event: JobEvent, clock: TimestampWriter): void {
  switch (event.type) {
    case "RouterJobReceived":
      writeReceivedRest(
        out,
        event.jobStatus,
        event.classificationPolicyId,
        event.priority,
        event.requestedWorkerSelectors,
        event.unavailableForMatching,
        event.scheduledAtSeconds,
        clock,
      );
      break;
    case "RouterJobClassified":
      json(out, "queueDetails", event.queueDetails);
      out.stringField(CLASSIFICATION_POLICY_ID, event.classificationPolicyId);
      out.numberField(PRIORITY, event.priority);
      selectors(out, ATTACHED_SELECTORS, event.attachedWorkerSelectors, clock);
      break;
    case "RouterJobClassificationFailed":
      out.stringField(CLASSIFICATION_POLICY_ID, event.classificationPolicyId);
      json(out, "errors", event.errors);
      break;
    case "RouterJobQueued":
      writeQueuedRest(
        out,
        event.priority,
        event.requestedWorkerSelectors,
        event.attachedWorkerSelectors,
        clock,
      );
      break;
    case "RouterJobUnassigned":
    case "RouterJobCompleted":
      writeAssignmentFields(out, event.assignmentId, event.workerId);
      break;
    case "RouterJobClosed":
      writeAssignmentFields(out, event.assignmentId, event.workerId);
      writeDispositionCode(out, event.dispositionCode);
      break;
    case "RouterJobCancelled":
      out.nullableStringField(NOTE, event.note);
      out.stringField(DISPOSITION_CODE, event.dispositionCode);
      break;
    case "RouterJobExceptionTriggered":
      out.stringField(RULE_KEY, event.ruleKey);
      out.stringField(EXCEPTION_RULE_ID, event.exceptionRuleId);
      break;
    case "RouterJobWorkerSelectorsExpired":
      selectors(out, EXPIRED_REQUESTED_SELECTORS, event.expiredRequestedWorkerSelectors, clock);
      selectors(out, EXPIRED_ATTACHED_SELECTORS, event.expiredAttachedWorkerSelectors, clock);
      break;
    case "RouterJobWaitingForActivation":
      out.numberField(PRIORITY, event.priority);
      selectors(out, EXPIRED_REQUESTED_SELECTORS, event.expiredRequestedWorkerSelectors, clock);
      selectors(out, EXPIRED_ATTACHED_SELECTORS, event.expiredAttachedWorkerSelectors, clock);
      availability(out, event.unavailableForMatching);
      optionalTime(out, clock, event.scheduledAtSeconds);
      break;
  }
  out.closeObject();
}

/*
 * The rests of the usual job events, from their values: the usual-line writer reads each event
 * type's fields in a function of its own (one object shape per read), and passes them here.
 */

/** Received: the data after the base. */
export function writeReceivedRest(
  out: JsonBytes,
  jobStatus: JobStatus,
  classificationPolicyId: string | null,
  priority: number | null,
  requestedWorkerSelectors: readonly WorkerSelector[],
  unavailableForMatching: boolean,
  scheduledAtSeconds: number | null,
  clock: TimestampWriter,
): void {
  const status = JOB_STATUS_FIELDS.get(jobStatus);
  if (status === undefined) out.stringField(JOB_STATUS, pascalStatus(jobStatus));
  else out.raw(status);
  if (classificationPolicyId === null) {
    out.raw(NULL_CLASSIFICATION_POLICY_ID_PRIORITY);
  } else {
    out.stringField(CLASSIFICATION_POLICY_ID, classificationPolicyId);
    out.raw(PRIORITY);
  }
  out.nullableNumber(priority);
  selectors(out, REQUESTED_SELECTORS, requestedWorkerSelectors, clock);
  availability(out, unavailableForMatching);
  optionalTime(out, clock, scheduledAtSeconds);
}

/** Queued: the data after the base. */
export function writeQueuedRest(
  out: JsonBytes,
  priority: number,
  requestedWorkerSelectors: readonly WorkerSelector[],
  attachedWorkerSelectors: readonly WorkerSelector[],
  clock: TimestampWriter,
): void {
  out.numberField(PRIORITY, priority);
  selectors(out, REQUESTED_SELECTORS, requestedWorkerSelectors, clock);
  selectors(out, ATTACHED_SELECTORS, attachedWorkerSelectors, clock);
}

/** Unassigned, completed and closed: `,"assignmentId":…,"workerId":…`. */
export function writeAssignmentFields(
  out: JsonBytes,
  assignmentId: string,
  workerId: string,
): void {
  writeAssignmentIdField(out, assignmentId);
  out.stringField(WORKER_ID, workerId);
}

/** `,"assignmentId":…`. */
export function writeAssignmentIdField(out: JsonBytes, assignmentId: string): void {
  out.stringField(ASSIGNMENT_ID, assignmentId);
}

/** Closed: `,"dispositionCode":…`. */
export function writeDispositionCode(out: JsonBytes, dispositionCode: string | null): void {
  out.nullableStringField(DISPOSITION_CODE, dispositionCode);
}
