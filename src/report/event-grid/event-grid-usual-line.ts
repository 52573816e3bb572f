/**
 * The usual lines, copied together from kept pieces: a job's received, queued, unassigned,
 * completed and closed events and every offer event. Between the constant text of the envelope
 * and of the event type (encoded once, up to the subject's job id), such a line is the job id
 * (twice: subject and data), the event's own ids and times, and pieces that many other lines
 * share (event-grid-parts.ts): for a received or queued event, all of the text after the job id
 * in the subject and in the data; for an assignment event, the text up to the assignment id and
 * the worker's id field; for an offer, the worker's subject, id field and labels, the channel
 * fields, the queue field and the job's labels. What the event itself holds (ids, numbers,
 * times) is written by the general writer's own functions. An event whose job id, or
 * assignment id, would need escaping, any other event type, and an event with a piece that is
 * not kept take the general path (event-grid-subject.ts, event-grid-line.ts).
 *
 * Each event type has a method of its own that reads the event's fields (the events of one type
 * share one object shape, so these reads stay monomorphic, where a function reading every type's
 * fields pays a megamorphic lookup for each) and hands their values to the shared writers.
 *
 * A subject is one JSON string made of pieces: it reads the same as the whole escaped at once,
 * because every piece joins the next at an ASCII character (`/`, the closing quote), where no
 * escape (a surrogate pair in particular) can straddle the join.
 */
import type {
  RouterEvent,
  RouterJobClosed,
  RouterJobCompleted,
  RouterJobQueued,
  RouterJobReceived,
  RouterJobUnassigned,
  RouterWorkerOfferAccepted,
  RouterWorkerOfferDeclined,
  RouterWorkerOfferExpired,
  RouterWorkerOfferIssued,
  RouterWorkerOfferRevoked,
} from "../../router/events/events.ts";
import {
  DATA_TEXT,
  EVENT_TYPE_PARTS,
  eventTypeText,
  LINE_END,
  SUBJECT_END,
} from "./event-grid-envelope.ts";
import {
  JOB_ID_KEY,
  type TimestampWriter,
  writeAcceptedAssignment,
  writeDispositionCode,
  writeJobPriority,
  writeOfferIdField,
  writeOfferTimes,
} from "./event-grid-line.ts";
import {
  type AssignmentTail,
  type ChannelPiece,
  LinePieces,
  type WorkerPieces,
} from "./event-grid-parts.ts";
import { JOB_PART } from "./event-grid-subject.ts";
import { asciiFragment, type Fragment, isPlainText, type JsonBytes } from "./json-bytes.ts";

type UsualJobEvent =
  | RouterJobReceived
  | RouterJobQueued
  | RouterJobUnassigned
  | RouterJobCompleted
  | RouterJobClosed;

const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;

/** A job event type's text up to its subject's job id: `…"subject":"job/`. */
function jobHead(type: UsualJobEvent["type"]): Fragment {
  return asciiFragment(`${eventTypeText(type)}"job/`);
}

const RECEIVED = jobHead("RouterJobReceived");
const QUEUED = jobHead("RouterJobQueued");
const UNASSIGNED = jobHead("RouterJobUnassigned");
const COMPLETED = jobHead("RouterJobCompleted");
const CLOSED = jobHead("RouterJobClosed");
const ISSUED = EVENT_TYPE_PARTS.RouterWorkerOfferIssued;
const ACCEPTED = EVENT_TYPE_PARTS.RouterWorkerOfferAccepted;
const DECLINED = EVENT_TYPE_PARTS.RouterWorkerOfferDeclined;
const REVOKED = EVENT_TYPE_PARTS.RouterWorkerOfferRevoked;
const EXPIRED = EVENT_TYPE_PARTS.RouterWorkerOfferExpired;
/** From the event time's end to the job id's text: `","data":{"jobId":"`. */
const DATA_JOB_ID = asciiFragment(`${DATA_TEXT}${JOB_ID_KEY}"`);

/** Writes the usual events' lines from kept pieces. */
export class UsualLines {
  private readonly pieces: LinePieces;

  /** `clock` writes the times inside kept pieces (a scheduled time, selector expiries). */
  constructor(clock: TimestampWriter) {
    this.pieces = new LinePieces(clock);
  }

  /**
   * Writes the rest of `event`'s line after its id (from `","eventType":` to the newline) and
   * says true, if it is a usual event; otherwise writes nothing and says false.
   */
  write(out: JsonBytes, event: RouterEvent, clock: TimestampWriter): boolean {
    switch (event.type) {
      case "RouterJobReceived":
        return this.received(out, event, clock);
      case "RouterJobQueued":
        return this.queued(out, event, clock);
      case "RouterJobUnassigned":
      case "RouterJobCompleted":
        return this.assignmentEnded(out, event, clock);
      case "RouterJobClosed":
        return this.closed(out, event, clock);
      case "RouterWorkerOfferIssued":
        return this.offerIssued(out, event, clock);
      case "RouterWorkerOfferAccepted":
        return this.offerAccepted(out, event, clock);
      case "RouterWorkerOfferDeclined":
      case "RouterWorkerOfferRevoked":
      case "RouterWorkerOfferExpired":
        return this.offerEnded(out, event, clock);
      default:
        return false;
    }
  }

  private received(out: JsonBytes, event: RouterJobReceived, clock: TimestampWriter): boolean {
    const jobId = event.jobId;
    if (!isPlainText(jobId)) return false;
    const tail = this.pieces.received(event);
    if (tail === null) return false;
    this.jobLine(out, RECEIVED, jobId, tail.subject, event.timeSeconds, clock);
    out.raw(tail.data);
    return true;
  }

  private queued(out: JsonBytes, event: RouterJobQueued, clock: TimestampWriter): boolean {
    const jobId = event.jobId;
    if (!isPlainText(jobId)) return false;
    const tail = this.pieces.queued(event);
    if (tail === null) return false;
    this.jobLine(out, QUEUED, jobId, tail.subject, event.timeSeconds, clock);
    out.raw(tail.data);
    return true;
  }

  private assignmentEnded(
    out: JsonBytes,
    event: RouterJobUnassigned | RouterJobCompleted,
    clock: TimestampWriter,
  ): boolean {
    const { jobId, assignmentId } = event;
    if (!isPlainText(jobId) || !isPlainText(assignmentId)) return false;
    const tail = this.pieces.assignment(event);
    const worker = this.pieces.worker(event.workerId);
    if (tail === null || worker === null) return false;
    const head = event.type === "RouterJobCompleted" ? COMPLETED : UNASSIGNED;
    this.assignmentLine(out, head, jobId, assignmentId, tail, worker, event.timeSeconds, clock);
    this.end(out);
    return true;
  }

  private closed(out: JsonBytes, event: RouterJobClosed, clock: TimestampWriter): boolean {
    const { jobId, assignmentId, dispositionCode } = event;
    if (!isPlainText(jobId) || !isPlainText(assignmentId)) return false;
    const tail = this.pieces.assignment(event);
    const worker = this.pieces.worker(event.workerId);
    if (tail === null || worker === null) return false;
    this.assignmentLine(out, CLOSED, jobId, assignmentId, tail, worker, event.timeSeconds, clock);
    if (dispositionCode === null) {
      out.raw(this.pieces.closedWithoutDisposition);
    } else {
      writeDispositionCode(out, dispositionCode);
      this.end(out);
    }
    return true;
  }

  private offerIssued(
    out: JsonBytes,
    event: RouterWorkerOfferIssued,
    clock: TimestampWriter,
  ): boolean {
    const { jobId, workerId } = event;
    if (!isPlainText(jobId)) return false;
    const pieces = this.pieces;
    const channel = pieces.channel(event.channelReference, event.channelId);
    const queue = pieces.queue(event.queueId);
    const worker = pieces.worker(workerId);
    const jobLabels = pieces.jobLabels(event.jobLabels, event.jobTags);
    if (channel === null || queue === null || worker === null || jobLabels === null) return false;
    const workerLabels = pieces.workerLabels(worker, event.workerLabels, event.workerTags);
    if (workerLabels === null) return false;
    this.offerHead(out, ISSUED, jobId, channel, worker, event.timeSeconds, clock);
    out.raw(queue.field);
    writeOfferIdField(out, event.offerId);
    writeJobPriority(out, event.jobPriority);
    out.raw(workerLabels);
    out.raw(jobLabels.fields);
    writeOfferTimes(out, event.offeredAtSeconds, event.expiresAtSeconds, clock);
    out.raw(LINE_END);
    return true;
  }

  private offerAccepted(
    out: JsonBytes,
    event: RouterWorkerOfferAccepted,
    clock: TimestampWriter,
  ): boolean {
    const { jobId, workerId } = event;
    if (!isPlainText(jobId)) return false;
    const pieces = this.pieces;
    const channel = pieces.channel(event.channelReference, event.channelId);
    const queue = pieces.queue(event.queueId);
    const worker = pieces.worker(workerId);
    const jobLabels = pieces.jobLabels(event.jobLabels, event.jobTags);
    if (channel === null || queue === null || worker === null || jobLabels === null) return false;
    const workerLabels = pieces.workerLabels(worker, event.workerLabels, event.workerTags);
    if (workerLabels === null) return false;
    this.offerHead(out, ACCEPTED, jobId, channel, worker, event.timeSeconds, clock);
    out.raw(queue.field);
    writeOfferIdField(out, event.offerId);
    writeAcceptedAssignment(out, event.assignmentId, event.jobPriority);
    out.raw(workerLabels);
    out.raw(jobLabels.fields);
    this.end(out);
    return true;
  }

  private offerEnded(
    out: JsonBytes,
    event: RouterWorkerOfferDeclined | RouterWorkerOfferRevoked | RouterWorkerOfferExpired,
    clock: TimestampWriter,
  ): boolean {
    const { jobId, workerId } = event;
    if (!isPlainText(jobId)) return false;
    const pieces = this.pieces;
    const channel = pieces.channel(event.channelReference, event.channelId);
    const queue = pieces.queue(event.queueId);
    const worker = pieces.worker(workerId);
    if (channel === null || queue === null || worker === null) return false;
    const head =
      event.type === "RouterWorkerOfferDeclined"
        ? DECLINED
        : event.type === "RouterWorkerOfferRevoked"
          ? REVOKED
          : EXPIRED;
    this.offerHead(out, head, jobId, channel, worker, event.timeSeconds, clock);
    out.raw(queue.field);
    writeOfferIdField(out, event.offerId);
    this.end(out);
    return true;
  }

  /**
   * A job event's line from its type to the job id in its data: the subject (`subject`: the
   * text after the job id, to the event time's opening quote), the time, the data's start.
   */
  private jobLine(
    out: JsonBytes,
    head: Fragment,
    jobId: string,
    subject: Fragment,
    timeSeconds: number,
    clock: TimestampWriter,
  ): void {
    out.raw(head);
    out.ascii(jobId);
    out.raw(subject);
    clock.writeTimestamp(out, timeSeconds);
    out.raw(DATA_JOB_ID);
    out.ascii(jobId);
  }

  /** An assignment event's line from its type to its worker id field (ids plain). */
  private assignmentLine(
    out: JsonBytes,
    head: Fragment,
    jobId: string,
    assignmentId: string,
    tail: AssignmentTail,
    worker: WorkerPieces,
    timeSeconds: number,
    clock: TimestampWriter,
  ): void {
    out.raw(head);
    out.ascii(jobId);
    out.raw(tail.subject);
    out.ascii(assignmentId);
    out.raw(SUBJECT_END);
    clock.writeTimestamp(out, timeSeconds);
    out.raw(DATA_JOB_ID);
    out.ascii(jobId);
    out.raw(tail.data);
    out.ascii(assignmentId);
    out.byte(QUOTE);
    out.raw(worker.idField);
  }

  /** An offer event's text from its type to the worker id field (`jobId` plain). */
  private offerHead(
    out: JsonBytes,
    typeHead: Fragment,
    jobId: string,
    channel: ChannelPiece,
    worker: WorkerPieces,
    timeSeconds: number,
    clock: TimestampWriter,
  ): void {
    out.raw(typeHead);
    out.raw(worker.subject);
    out.raw(JOB_PART);
    out.ascii(jobId);
    out.raw(SUBJECT_END);
    clock.writeTimestamp(out, timeSeconds);
    out.raw(DATA_JOB_ID);
    out.ascii(jobId);
    out.raw(channel.fields);
    out.raw(worker.idField);
  }

  /** The data's closing brace and the envelope's end. */
  private end(out: JsonBytes): void {
    out.byte(CLOSE_BRACE);
    out.raw(LINE_END);
  }
}
