/**
 * The Event Grid line of each router event type (output contract §5–6), written field by field
 * straight into bytes: the subject per type, then the `data` object with the service's field
 * names in the event's own order (events.ts), simulated-seconds fields replaced by timestamp
 * fields appended at the end. This is the only spelling of the stream's shape: the envelope
 * object (`EventGridSerializer.serialize`) is this line parsed back.
 */
import type { JobEventBase, OfferEventBase, RouterEvent } from "./events.ts";
import { asciiBytes, isPlainJsonText, type JsonBytes } from "./json-bytes.ts";
import type { JobStatus, Labels, WorkerSelector } from "./types.ts";

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
function field(name: EventFieldName | TimestampFieldName): Uint8Array {
  return asciiBytes(`,"${name}":`);
}

const QUOTE = 0x22;
const NULL = asciiBytes("null");
const WORKER_SUBJECT = asciiBytes('"worker/');
const JOB_PART = asciiBytes("/job/");
const JOB_SUBJECT = asciiBytes('"job/');
const CHANNEL_PART = asciiBytes("/channel/");

const JOB_ID_FIRST = asciiBytes('{"jobId":');
const WORKER_ID_FIRST = asciiBytes('{"workerId":');
const CHANNEL_REFERENCE = field("channelReference");
const CHANNEL_ID = field("channelId");
const QUEUE_ID = field("queueId");
const WORKER_ID = field("workerId");
const OFFER_ID = field("offerId");
const LABELS = field("labels");
const TAGS = field("tags");
const JOB_STATUS = field("jobStatus");
const CLASSIFICATION_POLICY_ID = field("classificationPolicyId");
const PRIORITY = field("priority");
const JOB_PRIORITY = field("jobPriority");
const REQUESTED_SELECTORS = field("requestedWorkerSelectors");
const ATTACHED_SELECTORS = field("attachedWorkerSelectors");
const EXPIRED_REQUESTED_SELECTORS = field("expiredRequestedWorkerSelectors");
const EXPIRED_ATTACHED_SELECTORS = field("expiredAttachedWorkerSelectors");
const UNAVAILABLE_FOR_MATCHING = field("unavailableForMatching");
const SCHEDULED_ON = field("scheduledOn");
const OFFERED_ON = field("offeredOn");
const EXPIRES_ON = field("expiresOn");
const ASSIGNMENT_ID = field("assignmentId");
const DISPOSITION_CODE = field("dispositionCode");
const NOTE = field("note");
const RULE_KEY = field("ruleKey");
const EXCEPTION_RULE_ID = field("exceptionRuleId");
const WORKER_LABELS = field("workerLabels");
const WORKER_TAGS = field("workerTags");
const JOB_LABELS = field("jobLabels");
const JOB_TAGS = field("jobTags");
const TOTAL_CAPACITY = field("totalCapacity");

/** The service's selector shape (`ttlSeconds`, `state`, `expirationTime`). */
const SELECTOR_KEY_FIRST = asciiBytes('{"key":');
const SELECTOR_OPERATOR = asciiBytes(',"labelOperator":');
const SELECTOR_EXPIRATION_TIME = asciiBytes(',"expirationTime":');

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

function labels(out: JsonBytes, key: Uint8Array, value: Labels): void {
  out.raw(key);
  out.object(value);
}

function selectors(
  out: JsonBytes,
  key: Uint8Array,
  list: readonly WorkerSelector[],
  clock: TimestampWriter,
): void {
  out.raw(key);
  out.openArray();
  for (let i = 0; i < list.length; i++) {
    const selector = list[i] as WorkerSelector;
    if (i > 0) out.comma();
    out.raw(SELECTOR_KEY_FIRST);
    out.string(selector.key);
    out.raw(SELECTOR_OPERATOR);
    out.string(selector.labelOperator);
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

/** The subject of an event (§6 table), as a JSON string. */
export function writeSubject(out: JsonBytes, event: RouterEvent): void {
  switch (event.type) {
    case "RouterWorkerRegistered":
    case "RouterWorkerDeregistered":
      workerSubject(out, event.workerId, null);
      break;
    case "RouterWorkerOfferIssued":
    case "RouterWorkerOfferAccepted":
    case "RouterWorkerOfferDeclined":
    case "RouterWorkerOfferRevoked":
    case "RouterWorkerOfferExpired":
      workerSubject(out, event.workerId, event.jobId);
      break;
    case "RouterJobClassified":
    case "RouterJobQueued":
    case "RouterJobWorkerSelectorsExpired":
      jobSubject(out, event, "/queue/", event.queueId);
      break;
    case "RouterJobClassificationFailed":
      jobSubject(out, event, "/classificationpolicy/", event.classificationPolicyId);
      break;
    case "RouterJobUnassigned":
    case "RouterJobCompleted":
    case "RouterJobClosed":
      jobSubject(out, event, "/assignment/", event.assignmentId);
      break;
    case "RouterJobCancelled":
      jobSubject(out, event, "/disposition/", event.dispositionCode);
      break;
    case "RouterJobExceptionTriggered":
      jobSubject(out, event, "/exceptionrule/", event.ruleKey);
      break;
    default:
      jobSubject(out, event, "", "");
      break;
  }
}

/** `worker/{id}`, or `worker/{id}/job/{id}` (a subject is always plain text in practice). */
function workerSubject(out: JsonBytes, workerId: string, jobId: string | null): void {
  if (!isPlainJsonText(workerId) || (jobId !== null && !isPlainJsonText(jobId))) {
    out.string(jobId === null ? `worker/${workerId}` : `worker/${workerId}/job/${jobId}`);
    return;
  }
  out.raw(WORKER_SUBJECT);
  out.ascii(workerId);
  if (jobId !== null) {
    out.raw(JOB_PART);
    out.ascii(jobId);
  }
  out.byte(QUOTE);
}

/**
 * `job/{id}/channel/{channel}` and a tail (`/queue/` and an id; a null id reads "null", as a
 * template writes it). Parts are copied as they are when all are plain, else the whole text is
 * quoted once (quoting parts one by one could split a surrogate pair).
 */
function jobSubject(out: JsonBytes, event: JobEventBase, tail: string, id: string | null): void {
  const { jobId, channelId } = event;
  if (!isPlainJsonText(jobId) || !isPlainJsonText(channelId) || !isPlainJsonText(`${id}`)) {
    out.string(`job/${jobId}/channel/${channelId}${tail === "" ? "" : `${tail}${id}`}`);
    return;
  }
  out.raw(JOB_SUBJECT);
  out.ascii(jobId);
  out.raw(CHANNEL_PART);
  out.ascii(channelId);
  if (tail !== "") {
    out.ascii(tail);
    out.ascii(`${id}`);
  }
  out.byte(QUOTE);
}

function jobBase(out: JsonBytes, event: JobEventBase): void {
  out.raw(JOB_ID_FIRST);
  out.string(event.jobId);
  out.raw(CHANNEL_REFERENCE);
  out.nullableString(event.channelReference);
  out.raw(CHANNEL_ID);
  out.string(event.channelId);
  out.raw(QUEUE_ID);
  out.nullableString(event.queueId);
  labels(out, LABELS, event.labels);
  labels(out, TAGS, event.tags);
}

function offerBase(out: JsonBytes, event: OfferEventBase): void {
  out.raw(JOB_ID_FIRST);
  out.string(event.jobId);
  out.raw(CHANNEL_REFERENCE);
  out.nullableString(event.channelReference);
  out.raw(CHANNEL_ID);
  out.string(event.channelId);
  out.raw(WORKER_ID);
  out.string(event.workerId);
  out.raw(QUEUE_ID);
  out.string(event.queueId);
  out.raw(OFFER_ID);
  out.string(event.offerId);
}

function offerLabels(
  out: JsonBytes,
  event: { workerLabels: Labels; workerTags: Labels; jobLabels: Labels; jobTags: Labels },
): void {
  labels(out, WORKER_LABELS, event.workerLabels);
  labels(out, WORKER_TAGS, event.workerTags);
  labels(out, JOB_LABELS, event.jobLabels);
  labels(out, JOB_TAGS, event.jobTags);
}

/** The `data` object of an event. */
export function writeEventData(out: JsonBytes, event: RouterEvent, clock: TimestampWriter): void {
  switch (event.type) {
    case "RouterJobReceived":
      jobBase(out, event);
      out.raw(JOB_STATUS);
      out.string(pascalStatus(event.jobStatus));
      out.raw(CLASSIFICATION_POLICY_ID);
      out.nullableString(event.classificationPolicyId);
      out.raw(PRIORITY);
      out.nullableNumber(event.priority);
      selectors(out, REQUESTED_SELECTORS, event.requestedWorkerSelectors, clock);
      out.raw(UNAVAILABLE_FOR_MATCHING);
      out.boolean(event.unavailableForMatching);
      out.raw(SCHEDULED_ON);
      optionalTime(out, clock, event.scheduledAtSeconds);
      break;
    case "RouterJobClassified":
      jobBase(out, event);
      json(out, "queueDetails", event.queueDetails);
      out.raw(CLASSIFICATION_POLICY_ID);
      out.string(event.classificationPolicyId);
      out.raw(PRIORITY);
      out.number(event.priority);
      selectors(out, ATTACHED_SELECTORS, event.attachedWorkerSelectors, clock);
      break;
    case "RouterJobClassificationFailed":
      jobBase(out, event);
      out.raw(CLASSIFICATION_POLICY_ID);
      out.string(event.classificationPolicyId);
      json(out, "errors", event.errors);
      break;
    case "RouterJobQueued":
      jobBase(out, event);
      out.raw(PRIORITY);
      out.number(event.priority);
      selectors(out, REQUESTED_SELECTORS, event.requestedWorkerSelectors, clock);
      selectors(out, ATTACHED_SELECTORS, event.attachedWorkerSelectors, clock);
      break;
    case "RouterJobUnassigned":
    case "RouterJobCompleted":
      jobBase(out, event);
      out.raw(ASSIGNMENT_ID);
      out.string(event.assignmentId);
      out.raw(WORKER_ID);
      out.string(event.workerId);
      break;
    case "RouterJobClosed":
      jobBase(out, event);
      out.raw(ASSIGNMENT_ID);
      out.string(event.assignmentId);
      out.raw(WORKER_ID);
      out.string(event.workerId);
      out.raw(DISPOSITION_CODE);
      out.nullableString(event.dispositionCode);
      break;
    case "RouterJobCancelled":
      jobBase(out, event);
      out.raw(NOTE);
      out.nullableString(event.note);
      out.raw(DISPOSITION_CODE);
      out.string(event.dispositionCode);
      break;
    case "RouterJobExceptionTriggered":
      jobBase(out, event);
      out.raw(RULE_KEY);
      out.string(event.ruleKey);
      out.raw(EXCEPTION_RULE_ID);
      out.string(event.exceptionRuleId);
      break;
    case "RouterJobWorkerSelectorsExpired":
      jobBase(out, event);
      selectors(out, EXPIRED_REQUESTED_SELECTORS, event.expiredRequestedWorkerSelectors, clock);
      selectors(out, EXPIRED_ATTACHED_SELECTORS, event.expiredAttachedWorkerSelectors, clock);
      break;
    case "RouterJobWaitingForActivation":
      jobBase(out, event);
      out.raw(PRIORITY);
      out.number(event.priority);
      selectors(out, EXPIRED_REQUESTED_SELECTORS, event.expiredRequestedWorkerSelectors, clock);
      selectors(out, EXPIRED_ATTACHED_SELECTORS, event.expiredAttachedWorkerSelectors, clock);
      out.raw(UNAVAILABLE_FOR_MATCHING);
      out.boolean(event.unavailableForMatching);
      out.raw(SCHEDULED_ON);
      optionalTime(out, clock, event.scheduledAtSeconds);
      break;
    case "RouterWorkerOfferIssued":
      offerBase(out, event);
      out.raw(JOB_PRIORITY);
      out.number(event.jobPriority);
      offerLabels(out, event);
      out.raw(OFFERED_ON);
      optionalTime(out, clock, event.offeredAtSeconds);
      out.raw(EXPIRES_ON);
      optionalTime(out, clock, event.expiresAtSeconds);
      break;
    case "RouterWorkerOfferAccepted":
      offerBase(out, event);
      out.raw(ASSIGNMENT_ID);
      out.string(event.assignmentId);
      out.raw(JOB_PRIORITY);
      out.number(event.jobPriority);
      offerLabels(out, event);
      break;
    case "RouterWorkerOfferDeclined":
    case "RouterWorkerOfferRevoked":
    case "RouterWorkerOfferExpired":
      offerBase(out, event);
      break;
    case "RouterWorkerRegistered":
      out.raw(WORKER_ID_FIRST);
      out.string(event.workerId);
      json(out, "queueAssignments", event.queueAssignments);
      json(out, "channelConfigurations", event.channelConfigurations);
      out.raw(TOTAL_CAPACITY);
      out.number(event.totalCapacity);
      labels(out, LABELS, event.labels);
      labels(out, TAGS, event.tags);
      break;
    case "RouterWorkerDeregistered":
      out.raw(WORKER_ID_FIRST);
      out.string(event.workerId);
      break;
  }
  out.closeObject();
}
