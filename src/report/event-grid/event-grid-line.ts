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

const JOB_ID_FIRST = asciiFragment('{"jobId":');
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
function jobAndChannel(
  out: JsonBytes,
  event: { jobId: string; channelReference: string | null; channelId: string },
): void {
  out.stringField(JOB_ID_FIRST, event.jobId);
  if (event.channelReference === null) {
    out.stringField(NULL_CHANNEL_REFERENCE_CHANNEL_ID, event.channelId);
  } else {
    out.stringField(CHANNEL_REFERENCE, event.channelReference);
    out.stringField(CHANNEL_ID, event.channelId);
  }
}

function jobBase(out: JsonBytes, event: JobEventBase): void {
  jobAndChannel(out, event);
  out.nullableStringField(QUEUE_ID, event.queueId);
  labels(out, LABELS, event.labels);
  labels(out, TAGS, event.tags);
}

function offerBase(out: JsonBytes, event: OfferEventBase): void {
  jobAndChannel(out, event);
  out.stringField(WORKER_ID, event.workerId);
  out.stringField(QUEUE_ID, event.queueId);
  out.stringField(OFFER_ID, event.offerId);
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

/** `,"unavailableForMatching":…,"scheduledOn":`. */
function availability(out: JsonBytes, unavailableForMatching: boolean): void {
  out.raw(unavailableForMatching ? UNAVAILABLE_SCHEDULED_ON : AVAILABLE_SCHEDULED_ON);
}

/** The `data` object of an event. */
export function writeEventData(out: JsonBytes, event: RouterEvent, clock: TimestampWriter): void {
  switch (event.type) {
    case "RouterJobReceived": {
      jobBase(out, event);
      const status = JOB_STATUS_FIELDS.get(event.jobStatus);
      if (status === undefined) out.stringField(JOB_STATUS, pascalStatus(event.jobStatus));
      else out.raw(status);
      if (event.classificationPolicyId === null) {
        out.raw(NULL_CLASSIFICATION_POLICY_ID_PRIORITY);
      } else {
        out.stringField(CLASSIFICATION_POLICY_ID, event.classificationPolicyId);
        out.raw(PRIORITY);
      }
      out.nullableNumber(event.priority);
      selectors(out, REQUESTED_SELECTORS, event.requestedWorkerSelectors, clock);
      availability(out, event.unavailableForMatching);
      optionalTime(out, clock, event.scheduledAtSeconds);
      break;
    }
    case "RouterJobClassified":
      jobBase(out, event);
      json(out, "queueDetails", event.queueDetails);
      out.stringField(CLASSIFICATION_POLICY_ID, event.classificationPolicyId);
      out.numberField(PRIORITY, event.priority);
      selectors(out, ATTACHED_SELECTORS, event.attachedWorkerSelectors, clock);
      break;
    case "RouterJobClassificationFailed":
      jobBase(out, event);
      out.stringField(CLASSIFICATION_POLICY_ID, event.classificationPolicyId);
      json(out, "errors", event.errors);
      break;
    case "RouterJobQueued":
      jobBase(out, event);
      out.numberField(PRIORITY, event.priority);
      selectors(out, REQUESTED_SELECTORS, event.requestedWorkerSelectors, clock);
      selectors(out, ATTACHED_SELECTORS, event.attachedWorkerSelectors, clock);
      break;
    case "RouterJobUnassigned":
    case "RouterJobCompleted":
      jobBase(out, event);
      out.stringField(ASSIGNMENT_ID, event.assignmentId);
      out.stringField(WORKER_ID, event.workerId);
      break;
    case "RouterJobClosed":
      jobBase(out, event);
      out.stringField(ASSIGNMENT_ID, event.assignmentId);
      out.stringField(WORKER_ID, event.workerId);
      out.nullableStringField(DISPOSITION_CODE, event.dispositionCode);
      break;
    case "RouterJobCancelled":
      jobBase(out, event);
      out.nullableStringField(NOTE, event.note);
      out.stringField(DISPOSITION_CODE, event.dispositionCode);
      break;
    case "RouterJobExceptionTriggered":
      jobBase(out, event);
      out.stringField(RULE_KEY, event.ruleKey);
      out.stringField(EXCEPTION_RULE_ID, event.exceptionRuleId);
      break;
    case "RouterJobWorkerSelectorsExpired":
      jobBase(out, event);
      selectors(out, EXPIRED_REQUESTED_SELECTORS, event.expiredRequestedWorkerSelectors, clock);
      selectors(out, EXPIRED_ATTACHED_SELECTORS, event.expiredAttachedWorkerSelectors, clock);
      break;
    case "RouterJobWaitingForActivation":
      jobBase(out, event);
      out.numberField(PRIORITY, event.priority);
      selectors(out, EXPIRED_REQUESTED_SELECTORS, event.expiredRequestedWorkerSelectors, clock);
      selectors(out, EXPIRED_ATTACHED_SELECTORS, event.expiredAttachedWorkerSelectors, clock);
      availability(out, event.unavailableForMatching);
      optionalTime(out, clock, event.scheduledAtSeconds);
      break;
    case "RouterWorkerOfferIssued":
      offerBase(out, event);
      out.numberField(JOB_PRIORITY, event.jobPriority);
      offerLabels(out, event);
      out.raw(OFFERED_ON);
      optionalTime(out, clock, event.offeredAtSeconds);
      out.raw(EXPIRES_ON);
      optionalTime(out, clock, event.expiresAtSeconds);
      break;
    case "RouterWorkerOfferAccepted":
      offerBase(out, event);
      out.stringField(ASSIGNMENT_ID, event.assignmentId);
      out.numberField(JOB_PRIORITY, event.jobPriority);
      offerLabels(out, event);
      break;
    case "RouterWorkerOfferDeclined":
    case "RouterWorkerOfferRevoked":
    case "RouterWorkerOfferExpired":
      offerBase(out, event);
      break;
    case "RouterWorkerRegistered":
      out.stringField(WORKER_ID_FIRST, event.workerId);
      json(out, "queueAssignments", event.queueAssignments);
      json(out, "channelConfigurations", event.channelConfigurations);
      out.numberField(TOTAL_CAPACITY, event.totalCapacity);
      labels(out, LABELS, event.labels);
      labels(out, TAGS, event.tags);
      break;
    case "RouterWorkerDeregistered":
      out.stringField(WORKER_ID_FIRST, event.workerId);
      break;
  }
  out.closeObject();
}
