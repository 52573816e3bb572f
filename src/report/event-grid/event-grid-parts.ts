/**
 * Kept pieces of lines: text that many lines repeat, written once by the general writers
 * (event-grid-line.ts, event-grid-subject.ts) into a scratch buffer, kept as bytes, and copied
 * into each line that needs it (event-grid-usual-line.ts). A job event's line differs from
 * another's of the same type mostly by its ids and times: what follows the job id (the channel,
 * queue, labels, tags, priority, status, selectors…) is shared by all the jobs that have the
 * same values (jobs without labels share one frozen empty object), so pieces are kept by those
 * values, not per job: for received and queued events, the text after the job id in the subject
 * and in the data to the line's end; for assignment events, the text up to the assignment id;
 * for offers, the channel fields, the queue field and the job's labels. A worker's subject, id
 * field and labels are kept per worker.
 *
 * Each kind of piece keeps the last few sets of values it was asked for (a linear search by
 * identity, cheap against writing the text again); a set not among them is written afresh and
 * replaces the oldest. Identity stands for content only for objects that cannot change: a piece
 * is kept only when its labels, tags and selectors are frozen (the router freezes every one it
 * hands out); an event with unfrozen ones takes the general path, and so does one whose piece
 * would be longer than MAX_PIECE_BYTES.
 */
import type {
  JobEventBase,
  RouterJobClosed,
  RouterJobCompleted,
  RouterJobQueued,
  RouterJobReceived,
  RouterJobUnassigned,
} from "../../router/events/events.ts";
import type { Labels, WorkerSelector } from "../../router/types.ts";
import { EVENT_TIME, LINE_END } from "./event-grid-envelope.ts";
import {
  type TimestampWriter,
  writeAssignmentIdField,
  writeDispositionCode,
  writeJobAndChannel,
  writeJobBase,
  writeJobLabels,
  writeQueuedRest,
  writeQueueIdField,
  writeReceivedRest,
  writeWorkerIdField,
  writeWorkerLabels,
} from "./event-grid-line.ts";
import { ASSIGNMENT_TAIL, jobSubject, QUEUE_TAIL, workerSubject } from "./event-grid-subject.ts";
import { type Fragment, JsonBytes } from "./json-bytes.ts";

/** A longer piece is not kept (its events take the general path). */
export const MAX_PIECE_BYTES = 2048;
/** How many sets of values each kind of piece keeps. */
const KEPT = 8;
/** `{"jobId":""`'s length less its closing quote: what a piece written for an empty job id drops. */
const EMPTY_JOB_ID_PREFIX = '{"jobId":"'.length;
/** `"job/`: what a job subject written for an empty job id drops at the start. */
const JOB_SUBJECT_PREFIX = '"job/'.length;

/** An offer's channel fields after the job id's text: `","channelReference":…,"channelId":…`. */
export class ChannelPiece {
  constructor(
    readonly channelReference: string | null,
    readonly channelId: string,
    readonly fields: Fragment,
  ) {}
}

/**
 * A received event's text after the job id, in its subject (to the event time's opening quote)
 * and in its data (to the line's end), for the values they show.
 */
export class ReceivedTail {
  constructor(
    readonly channelReference: string | null,
    readonly channelId: string,
    readonly queueId: string | null,
    readonly labels: Labels,
    readonly tags: Labels,
    readonly jobStatus: RouterJobReceived["jobStatus"],
    readonly classificationPolicyId: string | null,
    readonly priority: number | null,
    readonly selectors: RouterJobReceived["requestedWorkerSelectors"],
    readonly unavailableForMatching: boolean,
    readonly scheduledAtSeconds: number | null,
    readonly subject: Fragment,
    readonly data: Fragment,
  ) {}
}

/** A queued event's text after the job id, as `ReceivedTail`'s. */
export class QueuedTail {
  constructor(
    readonly channelReference: string | null,
    readonly channelId: string,
    readonly queueId: string | null,
    readonly labels: Labels,
    readonly tags: Labels,
    readonly priority: number,
    readonly requested: RouterJobQueued["requestedWorkerSelectors"],
    readonly attached: RouterJobQueued["attachedWorkerSelectors"],
    readonly subject: Fragment,
    readonly data: Fragment,
  ) {}
}

/**
 * An assignment event's (unassigned, completed, closed) text between the job id and the
 * assignment id: `/channel/{id}/assignment/` in the subject, the data's channel, queue, labels
 * and tags and `,"assignmentId":"`.
 */
export class AssignmentTail {
  constructor(
    readonly channelReference: string | null,
    readonly channelId: string,
    readonly queueId: string | null,
    readonly labels: Labels,
    readonly tags: Labels,
    readonly subject: Fragment,
    readonly data: Fragment,
  ) {}
}

/** An offer's `,"queueId":…`. */
export class QueuePiece {
  constructor(
    readonly queueId: string,
    readonly field: Fragment,
  ) {}
}

/** An offer's `,"jobLabels":…,"jobTags":…`. */
export class JobLabelsPiece {
  constructor(
    readonly labels: Labels,
    readonly tags: Labels,
    readonly fields: Fragment,
  ) {}
}

/** A worker's pieces. */
export class WorkerPieces {
  /** `,"workerLabels":…,"workerTags":…` of `labels` and `tags`; null until asked for. */
  labelFields: Fragment | null = null;
  labels: Labels | null = null;
  tags: Labels | null = null;

  constructor(
    /** `"worker/{id}` (the subject without its closing quote). */
    readonly subject: Fragment,
    /** `,"workerId":…`. */
    readonly idField: Fragment,
  ) {}
}

/** Keeps the pieces; each method gives a kept piece, or writes it, or says null (too long). */
export class LinePieces {
  private readonly channels: ChannelPiece[] = [];
  private readonly receivedTails: ReceivedTail[] = [];
  private readonly queuedTails: QueuedTail[] = [];
  private readonly assignmentTails: AssignmentTail[] = [];
  private readonly queues: QueuePiece[] = [];
  private readonly jobLabelSets: JobLabelsPiece[] = [];
  private readonly workers = new Map<string, WorkerPieces>();
  /** Which entry of each list the next new one replaces, once the list is full. */
  private channelsNext = 0;
  private receivedTailsNext = 0;
  private queuedTailsNext = 0;
  private assignmentTailsNext = 0;
  private queuesNext = 0;
  private jobLabelSetsNext = 0;
  /** Where pieces are written before they are kept. */
  private readonly scratch = new JsonBytes(MAX_PIECE_BYTES);
  /** A closed event's data end when it has no disposition code, to the line's end. */
  readonly closedWithoutDisposition: Fragment;

  constructor(private readonly clock: TimestampWriter) {
    writeDispositionCode(this.scratch, null);
    this.scratch.closeObject();
    this.scratch.raw(LINE_END);
    this.closedWithoutDisposition = this.take(0, 0) as Fragment;
  }

  channel(channelReference: string | null, channelId: string): ChannelPiece | null {
    const kept = this.channels;
    for (let i = 0; i < kept.length; i++) {
      const piece = kept[i] as ChannelPiece;
      if (piece.channelId === channelId && piece.channelReference === channelReference) {
        return piece;
      }
    }
    writeJobAndChannel(this.scratch, "", channelReference, channelId);
    const fields = this.take(EMPTY_JOB_ID_PREFIX, 0);
    if (fields === null) return null;
    const piece = new ChannelPiece(channelReference, channelId, fields);
    this.channelsNext = replace(kept, this.channelsNext, piece);
    return piece;
  }

  received(event: RouterJobReceived): ReceivedTail | null {
    const { channelReference, channelId, queueId, labels, tags, jobStatus } = event;
    const { classificationPolicyId, priority, requestedWorkerSelectors } = event;
    const { unavailableForMatching, scheduledAtSeconds } = event;
    const kept = this.receivedTails;
    for (let i = 0; i < kept.length; i++) {
      const tail = kept[i] as ReceivedTail;
      if (
        tail.labels === labels &&
        tail.tags === tags &&
        tail.queueId === queueId &&
        tail.channelId === channelId &&
        tail.channelReference === channelReference &&
        tail.jobStatus === jobStatus &&
        tail.classificationPolicyId === classificationPolicyId &&
        tail.priority === priority &&
        tail.selectors === requestedWorkerSelectors &&
        tail.unavailableForMatching === unavailableForMatching &&
        tail.scheduledAtSeconds === scheduledAtSeconds
      ) {
        return tail;
      }
    }
    if (!(fixed(labels) && fixed(tags) && fixedSelectors(requestedWorkerSelectors))) return null;
    const scratch = this.scratch;
    jobSubject(scratch, { jobId: "", channelId }, null, null);
    scratch.raw(EVENT_TIME);
    const subject = this.take(JOB_SUBJECT_PREFIX, 0);
    writeJobBase(scratch, jobBaseOf(event));
    writeReceivedRest(
      scratch,
      jobStatus,
      classificationPolicyId,
      priority,
      requestedWorkerSelectors,
      unavailableForMatching,
      scheduledAtSeconds,
      this.clock,
    );
    scratch.closeObject();
    scratch.raw(LINE_END);
    const data = this.take(EMPTY_JOB_ID_PREFIX, 0);
    if (subject === null || data === null) return null;
    const tail = new ReceivedTail(
      channelReference,
      channelId,
      queueId,
      labels,
      tags,
      jobStatus,
      classificationPolicyId,
      priority,
      requestedWorkerSelectors,
      unavailableForMatching,
      scheduledAtSeconds,
      subject,
      data,
    );
    this.receivedTailsNext = replace(kept, this.receivedTailsNext, tail);
    return tail;
  }

  queued(event: RouterJobQueued): QueuedTail | null {
    const { channelReference, channelId, queueId, labels, tags, priority } = event;
    const { requestedWorkerSelectors, attachedWorkerSelectors } = event;
    const kept = this.queuedTails;
    for (let i = 0; i < kept.length; i++) {
      const tail = kept[i] as QueuedTail;
      if (
        tail.labels === labels &&
        tail.tags === tags &&
        tail.queueId === queueId &&
        tail.channelId === channelId &&
        tail.channelReference === channelReference &&
        tail.priority === priority &&
        tail.requested === requestedWorkerSelectors &&
        tail.attached === attachedWorkerSelectors
      ) {
        return tail;
      }
    }
    const unchanging =
      fixed(labels) &&
      fixed(tags) &&
      fixedSelectors(requestedWorkerSelectors) &&
      fixedSelectors(attachedWorkerSelectors);
    if (!unchanging) return null;
    const scratch = this.scratch;
    jobSubject(scratch, { jobId: "", channelId }, QUEUE_TAIL, queueId);
    scratch.raw(EVENT_TIME);
    const subject = this.take(JOB_SUBJECT_PREFIX, 0);
    writeJobBase(scratch, jobBaseOf(event));
    writeQueuedRest(
      scratch,
      priority,
      requestedWorkerSelectors,
      attachedWorkerSelectors,
      this.clock,
    );
    scratch.closeObject();
    scratch.raw(LINE_END);
    const data = this.take(EMPTY_JOB_ID_PREFIX, 0);
    if (subject === null || data === null) return null;
    const tail = new QueuedTail(
      channelReference,
      channelId,
      queueId,
      labels,
      tags,
      priority,
      requestedWorkerSelectors,
      attachedWorkerSelectors,
      subject,
      data,
    );
    this.queuedTailsNext = replace(kept, this.queuedTailsNext, tail);
    return tail;
  }

  assignment(
    event: RouterJobUnassigned | RouterJobCompleted | RouterJobClosed,
  ): AssignmentTail | null {
    const { channelReference, channelId, queueId, labels, tags } = event;
    const kept = this.assignmentTails;
    for (let i = 0; i < kept.length; i++) {
      const tail = kept[i] as AssignmentTail;
      if (
        tail.labels === labels &&
        tail.tags === tags &&
        tail.queueId === queueId &&
        tail.channelId === channelId &&
        tail.channelReference === channelReference
      ) {
        return tail;
      }
    }
    if (!(fixed(labels) && fixed(tags))) return null;
    const scratch = this.scratch;
    jobSubject(scratch, { jobId: "", channelId }, ASSIGNMENT_TAIL, "");
    const subject = this.take(JOB_SUBJECT_PREFIX, 1);
    writeJobBase(scratch, jobBaseOf(event));
    writeAssignmentIdField(scratch, "");
    const data = this.take(EMPTY_JOB_ID_PREFIX, 1);
    if (subject === null || data === null) return null;
    const tail = new AssignmentTail(
      channelReference,
      channelId,
      queueId,
      labels,
      tags,
      subject,
      data,
    );
    this.assignmentTailsNext = replace(kept, this.assignmentTailsNext, tail);
    return tail;
  }

  queue(queueId: string): QueuePiece | null {
    const kept = this.queues;
    for (let i = 0; i < kept.length; i++) {
      const piece = kept[i] as QueuePiece;
      if (piece.queueId === queueId) return piece;
    }
    writeQueueIdField(this.scratch, queueId);
    const field = this.take(0, 0);
    if (field === null) return null;
    const piece = new QueuePiece(queueId, field);
    this.queuesNext = replace(kept, this.queuesNext, piece);
    return piece;
  }

  jobLabels(labels: Labels, tags: Labels): JobLabelsPiece | null {
    const kept = this.jobLabelSets;
    for (let i = 0; i < kept.length; i++) {
      const piece = kept[i] as JobLabelsPiece;
      if (piece.labels === labels && piece.tags === tags) return piece;
    }
    if (!(fixed(labels) && fixed(tags))) return null;
    writeJobLabels(this.scratch, labels, tags);
    const fields = this.take(0, 0);
    if (fields === null) return null;
    const piece = new JobLabelsPiece(labels, tags, fields);
    this.jobLabelSetsNext = replace(kept, this.jobLabelSetsNext, piece);
    return piece;
  }

  worker(workerId: string): WorkerPieces | null {
    const kept = this.workers.get(workerId);
    if (kept !== undefined) return kept;
    workerSubject(this.scratch, workerId, null);
    const subject = this.take(0, 1);
    writeWorkerIdField(this.scratch, workerId);
    const idField = this.take(0, 0);
    if (subject === null || idField === null) return null;
    const pieces = new WorkerPieces(subject, idField);
    this.workers.set(workerId, pieces);
    return pieces;
  }

  /** The worker's labels fields for these labels; null when too long to keep. */
  workerLabels(pieces: WorkerPieces, labels: Labels, tags: Labels): Fragment | null {
    if (pieces.labelFields !== null && pieces.labels === labels && pieces.tags === tags) {
      return pieces.labelFields;
    }
    if (!(fixed(labels) && fixed(tags))) return null;
    writeWorkerLabels(this.scratch, labels, tags);
    const fields = this.take(0, 0);
    if (fields === null) return null;
    pieces.labelFields = fields;
    pieces.labels = labels;
    pieces.tags = tags;
    return fields;
  }

  /** The scratch's text less `dropFirst` and `dropLast` bytes, as a piece; null if too long. */
  private take(dropFirst: number, dropLast: number): Fragment | null {
    const scratch = this.scratch;
    const length = scratch.length;
    scratch.length = 0;
    if (length > MAX_PIECE_BYTES) return null;
    return scratch.fragmentOf(dropFirst, length - dropLast);
  }
}

/** Puts `entry` into `list` (appended until it holds KEPT, then over `next`); the next `next`. */
function replace<T>(list: T[], next: number, entry: T): number {
  if (list.length < KEPT) {
    list.push(entry);
    return next;
  }
  list[next] = entry;
  return (next + 1) % KEPT;
}

/** The job event fields of `event`, with an empty job id (what a tail is written from). */
function jobBaseOf(event: JobEventBase): JobEventBase {
  return {
    timeSeconds: event.timeSeconds,
    jobId: "",
    channelReference: event.channelReference,
    channelId: event.channelId,
    queueId: event.queueId,
    labels: event.labels,
    tags: event.tags,
  };
}

/**
 * True when `labels` cannot change (frozen, as the router's are): only then can a piece written
 * from it stand for it later. Asked only when a piece is written, not when it is found.
 */
function fixed(labels: Labels): boolean {
  return Object.isFrozen(labels);
}

/** True when the selector list and every selector in it are frozen (as the router's are). */
function fixedSelectors(list: readonly WorkerSelector[]): boolean {
  if (!Object.isFrozen(list)) return false;
  for (const selector of list) if (!Object.isFrozen(selector)) return false;
  return true;
}
