/**
 * The `subject` of each router event in the Event Grid stream (output contract §6 table), written
 * straight into bytes: ids are copied as they are while all are plain text, otherwise the whole
 * subject goes through `JSON.stringify`.
 */
import type { RouterEvent } from "../../router/events/events.ts";
import { asciiFragment, type Fragment, type JsonBytes } from "./json-bytes.ts";

const QUOTE = 0x22;
const WORKER_SUBJECT = asciiFragment('"worker/');
/** `/job/`, between a worker's and a job's id. */
export const JOB_PART = asciiFragment("/job/");
const JOB_SUBJECT = asciiFragment('"job/');
const CHANNEL_PART = asciiFragment("/channel/");

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
      jobSubject(out, event, QUEUE_TAIL, event.queueId);
      break;
    case "RouterJobClassificationFailed":
      jobSubject(out, event, CLASSIFICATION_POLICY_TAIL, event.classificationPolicyId);
      break;
    case "RouterJobUnassigned":
    case "RouterJobCompleted":
    case "RouterJobClosed":
      jobSubject(out, event, ASSIGNMENT_TAIL, event.assignmentId);
      break;
    case "RouterJobCancelled":
      jobSubject(out, event, DISPOSITION_TAIL, event.dispositionCode);
      break;
    case "RouterJobExceptionTriggered":
      jobSubject(out, event, EXCEPTION_RULE_TAIL, event.ruleKey);
      break;
    default:
      jobSubject(out, event, null, null);
      break;
  }
}

/** `worker/{id}`, or `worker/{id}/job/{id}`. */
export function workerSubject(out: JsonBytes, workerId: string, jobId: string | null): void {
  out.room(WORKER_SUBJECT.length + workerId.length + JOB_PART.length + (jobId?.length ?? 0) + 1);
  const start = out.length;
  out.raw(WORKER_SUBJECT);
  let plain = out.plainText(workerId);
  if (plain && jobId !== null) {
    out.raw(JOB_PART);
    plain = out.plainText(jobId);
  }
  if (plain) {
    out.byte(QUOTE);
    return;
  }
  out.length = start;
  out.string(jobId === null ? `worker/${workerId}` : `worker/${workerId}/job/${jobId}`);
}

/** A subject's tail after the channel: `/queue/`, `/assignment/`… and an id. */
export interface SubjectTail {
  readonly text: string;
  readonly bytes: Fragment;
}

function subjectTail(text: string): SubjectTail {
  return { text, bytes: asciiFragment(text) };
}

export const QUEUE_TAIL = subjectTail("/queue/");
const CLASSIFICATION_POLICY_TAIL = subjectTail("/classificationpolicy/");
export const ASSIGNMENT_TAIL = subjectTail("/assignment/");
const DISPOSITION_TAIL = subjectTail("/disposition/");
const EXCEPTION_RULE_TAIL = subjectTail("/exceptionrule/");

/**
 * `job/{id}/channel/{channel}` and a tail (a null id reads "null", as a template writes it).
 * Parts are copied as they are while all are plain; otherwise what was copied is taken back and
 * the whole text goes through `JSON.stringify`.
 */
export function jobSubject(
  out: JsonBytes,
  event: { readonly jobId: string; readonly channelId: string },
  tail: SubjectTail | null,
  id: string | null,
): void {
  const { jobId, channelId } = event;
  const idText = `${id}`;
  const tailLength = tail === null ? 0 : tail.bytes.length + idText.length;
  out.room(
    JOB_SUBJECT.length + jobId.length + CHANNEL_PART.length + channelId.length + tailLength + 1,
  );
  const start = out.length;
  out.raw(JOB_SUBJECT);
  let plain = out.plainText(jobId);
  if (plain) {
    out.raw(CHANNEL_PART);
    plain = out.plainText(channelId);
  }
  if (plain && tail !== null) {
    out.raw(tail.bytes);
    plain = out.plainText(idText);
  }
  if (plain) {
    out.byte(QUOTE);
    return;
  }
  out.length = start;
  out.string(`job/${jobId}/channel/${channelId}${tail === null ? "" : `${tail.text}${idText}`}`);
}
