/**
 * The router's internal records, addressed by integer index (timers carry an index as their
 * numeric argument; a job's index is a slot, recycled once the job has ended and is
 * forgotten). Each class initialises every field in its constructor so that V8 keeps one shape
 * per record kind. Labels, tags and selector arrays are replaced, never mutated, so events may
 * share them (and are frozen: loop over them by index, since V8 does not optimise for…of over
 * frozen arrays).
 */

import { ChunkedSortedList } from "../collections/chunked-sorted-list.ts";
import { objectArray } from "../collections/object-array.ts";
import type { SortedList } from "../collections/sorted-list.ts";
import type { CompiledRule } from "./classification/rules/router-rule.ts";
import { NO_SELECTORS } from "./classification/selectors.ts";
import type { DistributionMode } from "./distribution/modes/index.ts";
import type { RankingBook } from "./distribution/worker-ranking.ts";
import type { ExceptionPolicyRecord, ExceptionRuleRecord } from "./exceptions/exception-policy.ts";
import type { WaitingGroup, WaitingJobs } from "./jobs/waiting-jobs.ts";
import { OfferOutcome, type OfferOutcomeCode } from "./offers/offer-log.ts";
import type { JobNote, JobStatus, Labels, WorkerSelector, WorkerState } from "./types.ts";

/** `{id, name, labels}` of a queue, as events carry it. */
export interface QueueDetails {
  readonly id: string;
  readonly name: string;
  readonly labels: Labels;
}

/** A worker channel as events carry it. */
export interface ChannelConfiguration {
  readonly channelId: string;
  readonly capacityCostPerJob: number;
  readonly maxNumberOfJobs: number | null;
}

/** A distribution policy, resolved. */
export class PolicyRecord {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly offerExpiresAfterSeconds: number,
    readonly mode: DistributionMode,
    readonly minConcurrentOffers: number,
    readonly maxConcurrentOffers: number,
    readonly bypassSelectors: boolean,
    /** Score of a `static` scoring rule; null → `scoringRule` or default scoring. */
    readonly staticScore: number | null,
    /** A powerFx scoring rule (job and worker labels); null → static or default scoring. */
    readonly scoringRule: CompiledRule | null,
  ) {}
}

/** A queue with its queued jobs and its index of workers that can take a job now. */
export class QueueRecord {
  /** Every queued job, in queue order (§8 a). */
  readonly jobs: ChunkedSortedList<JobRecord>;
  /** Queued jobs below `minConcurrentOffers` open offers, per channel, by selector profile. */
  readonly waitingByChannel = new Map<string, WaitingJobs>();
  /** Active workers whose capacity fits one more job of the channel, in the mode's order. */
  readonly workersByChannel = new Map<string, SortedList<WorkerRecord>>();
  /** Best worker: rankings of the worker list per channel, by job score profile. */
  readonly rankingsByChannel = new Map<string, RankingBook>();
  /** Round robin: id of the last worker offered a job from this queue (§8 h). */
  roundRobinLastWorkerId: string | null = null;
  /** Resolved from `exceptionPolicyId` once exception policies are built. */
  exceptionPolicy: ExceptionPolicyRecord | null = null;

  constructor(
    readonly index: number,
    public details: QueueDetails,
    public policy: PolicyRecord,
    public exceptionPolicyId: string | null,
    compareJobs: (left: JobRecord, right: JobRecord) => number,
  ) {
    this.jobs = new ChunkedSortedList(compareJobs);
  }

  get id(): string {
    return this.details.id;
  }
}

/** One channel of a worker, with its live job count (open offers + unclosed assignments). */
export class ChannelRecord {
  jobCount = 0;
  /** Whether the worker sits in this channel's worker lists of its queues. */
  indexed = false;
  /**
   * This channel's worker list of each of the worker's queues (in `WorkerRecord.queues`
   * order), resolved at the first attach: a load change then reaches its lists without a map
   * lookup each (worker-index.ts).
   */
  workerLists: readonly SortedList<WorkerRecord>[] | null = null;
  /**
   * For a worker in one queue: that queue's waiting jobs of this channel, resolved by the fast
   * lane when they first exist (a queue keeps them for good), so a freed worker finds them
   * without a map lookup (fast-lane.ts).
   */
  waitingJobs: WaitingJobs | null = null;
  /**
   * For a worker in one queue: that queue's worker list of this channel, resolved at the first
   * attach (`workerLists` without the array).
   */
  onlyList: SortedList<WorkerRecord> | null = null;

  constructor(
    readonly channelId: string,
    public capacityCostPerJob: number,
    /** Infinity when the channel has no `maxNumberOfJobs`. */
    public maxNumberOfJobs: number,
  ) {}
}

/**
 * A decline exclusion (§8 c): in force while the worker's registration is the same, until the
 * retry timer at `untilSeconds` (Infinity: none) lifts it.
 */
export interface DeclineExclusion {
  readonly registrationCount: number;
  readonly untilSeconds: number;
}

/** A worker. `usedCapacity` counts open offers and unclosed assignments (§8 l). */
export class WorkerRecord {
  state: WorkerState = "inactive";
  usedCapacity = 0;
  loadRatio = 0;
  /**
   * When the load last became 0, or the registration time if it has not since (§8 g). Stored
   * NaN first, 0 in the constructor, so that it is a double from the start (a change from small
   * integer to double changes the class's map; docs/router-performance.md).
   */
  idleSinceSeconds = Number.NaN;
  /** Incremented at each registration; decline exclusions of older registrations lapse. */
  registrationCount = 0;
  readonly openOffers: OfferRecord[] = [];
  readonly assignments: AssignmentRecord[] = [];
  /**
   * A worker of one queue and one channel (the common case): that channel and that queue, read
   * here by each load change and each freed worker's matching instead of from the two arrays,
   * which are a cold object each on a large staff (worker-index.ts, fast-lane.ts). Else null.
   */
  onlyChannel: ChannelRecord | null = null;
  onlyQueue: QueueRecord | null = null;

  // Its configuration changes only through configuration/worker-change.ts, which takes the
  // worker out of the index first.
  constructor(
    readonly index: number,
    readonly id: string,
    public capacity: number,
    public queues: readonly QueueRecord[],
    public channels: readonly ChannelRecord[],
    public labels: Labels,
    public tags: Labels,
    public queueAssignments: readonly QueueDetails[],
    public channelConfigurations: readonly ChannelConfiguration[],
  ) {
    this.idleSinceSeconds = 0;
    if (channels.length === 1 && queues.length === 1) {
      this.onlyChannel = channels[0] as ChannelRecord;
      this.onlyQueue = queues[0] as QueueRecord;
    }
  }

  /** The channel with this id, or undefined. */
  channel(channelId: string): ChannelRecord | undefined {
    const only = this.onlyChannel;
    // One channel (and queue): no read of the channel array, a cold object on a large staff.
    if (only !== null) return only.channelId === channelId ? only : undefined;
    const channels = this.channels;
    for (let i = 0; i < channels.length; i++) {
      const channel = channels[i] as ChannelRecord;
      if (channel.channelId === channelId) return channel;
    }
    return undefined;
  }
}

/**
 * A job's matching mode when a client chose one (jobs/matching-modes.ts): its kind, its schedule
 * and when the schedule came. A job queued again keeps when it was scheduled.
 */
export interface JobMatching {
  kind: "queueAndMatch" | "suspend" | "scheduleAndSuspend";
  /** `scheduleAndSuspend`'s time; NaN otherwise. */
  scheduleAtSeconds: number;
  /** When the schedule was reached; NaN until then. */
  scheduledAtSeconds: number;
  /** The pending schedule timer; 0 when none. */
  timer: number;
  /** Held since it was received, so not classified yet (it is when activated). */
  unclassified: boolean;
}

/**
 * A job. `queue` is null only for jobs that never had one (classification failed). A queue
 * entry (§8 f) owns `exceptionTimers` and `firedExceptionRules`; they are empty outside one.
 */
export class JobRecord {
  status: JobStatus = "created";
  queue: QueueRecord | null = null;
  channelId: string;
  priority: number;
  labels: Labels;
  tags: Labels;
  requestedWorkerSelectors: readonly WorkerSelector[];
  attachedWorkerSelectors: readonly WorkerSelector[];
  /** An active expedite selector puts the job at the front of its queue (§8 a). */
  expedited = false;
  /** First enqueue; kept across unassign re-queues. NaN until queued. */
  enqueuedAtSeconds = Number.NaN;
  /** Latest enqueue into the current queue (wait-time exception clock, §8 f). */
  latestEnqueueAtSeconds = Number.NaN;
  /** Number of open offers. */
  openOfferCount = 0;
  /** The earliest open offer; null when none (the usual job has at most one at a time). */
  firstOpenOffer: OfferRecord | null = null;
  /** The waiting group (of its queue and channel) the job is in; null when not waiting. */
  waitingGroup: WaitingGroup | null = null;
  exclusions: Map<number, DeclineExclusion> | null = null;
  assignment: AssignmentRecord | null = null;
  unassignmentCount = 0;
  dispositionCode: string | null = null;
  /** Notes in the order they were added; null until the first (most jobs have none). */
  notes: JobNote[] | null = null;
  /** Pending timer of a close with a future `closeAt`; 0 when none. */
  closeTimer = 0;
  /** The matching mode a client chose, when other than the default (§5); null for most jobs. */
  matching: JobMatching | null = null;
  classificationPolicyId: string | null;
  /** Number of queue entries so far; identifies the current one. */
  queueEntrySequence = 0;
  /** Pending wait-time trigger timers of the current queue entry, by rule index; 0 = none. */
  exceptionTimers: number[] | null = null;
  /** Exception rules that fired during the current queue entry. */
  firedExceptionRules: ExceptionRuleRecord[] | null = null;
  /** Timer of the earliest pending selector expiry; 0 when none. */
  selectorExpiryTimer = 0;
  /** Best worker: the job's score profile and what it was computed from (worker-ranking.ts). */
  scoreProfileCache: {
    readonly key: string;
    readonly policy: PolicyRecord;
    readonly labels: Labels;
    readonly requested: readonly WorkerSelector[];
    readonly attached: readonly WorkerSelector[];
  } | null = null;
  /** The latest offer of the job, open or resolved; older ones follow `previousOfJob`. */
  lastOffer: OfferRecord | null = null;

  /** Order of creation, never reused: the last tie-break of queue order. */
  creationSequence: number;
  id: string;
  channelReference: string | null;

  constructor(
    /**
     * Slot in the router's live jobs. The record belongs to its slot: a later job that takes
     * the slot once this one is forgotten reuses the record (`reset`), so a record is only
     * this job's while `creationSequence` is unchanged.
     */
    readonly index: number,
    id: string,
    creationSequence: number,
    channelReference: string | null,
    classificationPolicyId: string | null,
    channelId: string,
    priority: number,
    labels: Labels,
    tags: Labels,
    requestedWorkerSelectors: readonly WorkerSelector[],
  ) {
    this.creationSequence = creationSequence;
    this.id = id;
    this.channelReference = channelReference;
    this.classificationPolicyId = classificationPolicyId;
    this.channelId = channelId;
    this.priority = priority;
    this.labels = labels;
    this.tags = tags;
    this.requestedWorkerSelectors = requestedWorkerSelectors;
    this.attachedWorkerSelectors = NO_SELECTORS;
  }

  /**
   * Open offers after `firstOpenOffer`, in the order they were made. Made the first time a job
   * on this slot holds two open offers at once, then kept with the slot (empty between jobs):
   * a job with one offer at a time (the usual job) reads and allocates no array. A per-record
   * `openOffers` array was one more object per record to allocate, promote and read back cold
   * after a long wait (docs/router-performance.md).
   */
  private laterOpenOffers: OfferRecord[] | null = null;

  /** Adds an open offer after the others. */
  addOpenOffer(offer: OfferRecord): void {
    if (this.firstOpenOffer === null) {
      this.firstOpenOffer = offer;
    } else {
      let later = this.laterOpenOffers;
      if (later === null) {
        later = objectArray();
        this.laterOpenOffers = later;
      }
      later.push(offer);
    }
    this.openOfferCount++;
  }

  /** Removes an open offer (if it is one), keeping the others in order. */
  removeOpenOffer(offer: OfferRecord): void {
    const later = this.laterOpenOffers;
    if (this.firstOpenOffer === offer) {
      this.firstOpenOffer =
        later !== null && later.length > 0 ? (later.shift() as OfferRecord) : null;
      this.openOfferCount--;
      return;
    }
    if (later === null) return;
    const position = later.indexOf(offer);
    if (position < 0) return;
    // Shift down and pop: splice would allocate an array of the removed item.
    const last = later.length - 1;
    for (let next = position + 1; next <= last; next++)
      later[next - 1] = later[next] as OfferRecord;
    later.pop();
    this.openOfferCount--;
  }

  /** Whether the worker holds one of the job's open offers. */
  hasOpenOfferTo(worker: WorkerRecord): boolean {
    const first = this.firstOpenOffer;
    if (first === null) return false;
    if (first.worker === worker) return true;
    const later = this.laterOpenOffers;
    if (later === null) return false;
    for (let i = 0; i < later.length; i++)
      if ((later[i] as OfferRecord).worker === worker) return true;
    return false;
  }

  /** The open offers in the order they were made (a new array: for checks and tests). */
  openOfferList(): OfferRecord[] {
    const first = this.firstOpenOffer;
    if (first === null) return [];
    return this.laterOpenOffers === null ? [first] : [first, ...this.laterOpenOffers];
  }

  /**
   * Makes this (forgotten) record a new job on the same slot: every field as the constructor
   * and the field initialisers leave them, so the record keeps its shape.
   */
  reset(
    id: string,
    creationSequence: number,
    channelReference: string | null,
    classificationPolicyId: string | null,
    channelId: string,
    priority: number,
    labels: Labels,
    tags: Labels,
    requestedWorkerSelectors: readonly WorkerSelector[],
  ): void {
    this.status = "created";
    this.queue = null;
    this.expedited = false;
    this.enqueuedAtSeconds = Number.NaN;
    this.latestEnqueueAtSeconds = Number.NaN;
    this.openOfferCount = 0;
    this.firstOpenOffer = null;
    this.waitingGroup = null;
    this.exclusions = null;
    this.assignment = null;
    this.unassignmentCount = 0;
    this.dispositionCode = null;
    this.notes = null;
    this.closeTimer = 0;
    this.matching = null;
    this.queueEntrySequence = 0;
    this.exceptionTimers = null;
    this.firedExceptionRules = null;
    this.selectorExpiryTimer = 0;
    this.scoreProfileCache = null;
    this.lastOffer = null;
    this.creationSequence = creationSequence;
    this.id = id;
    this.channelReference = channelReference;
    this.classificationPolicyId = classificationPolicyId;
    this.channelId = channelId;
    this.priority = priority;
    this.labels = labels;
    this.tags = tags;
    this.requestedWorkerSelectors = requestedWorkerSelectors;
    this.attachedWorkerSelectors = NO_SELECTORS;
  }
}

/**
 * An offer. Open, it is among its job's open offers and in its worker's `openOffers`;
 * resolved, only the router's offer table (for stale accepts and declines) and its job's offer
 * chain keep it. The router recycles the record once its job is forgotten (`reset`): a record
 * is this offer only while `sequence` is the one asked for.
 */
export class OfferRecord {
  /**
   * The expiry timer. Timer ids outgrow small integers, so the field is stored NaN first and 0
   * in the constructor, a double from the start: a change from small integer to double would
   * change the class's map (docs/router-performance.md).
   */
  expiryTimer = Number.NaN;
  outcome: OfferOutcomeCode = OfferOutcome.open;
  /** The job's previous offer, or null. */
  previousOfJob: OfferRecord | null = null;

  constructor(
    /** The number in its id; handles carry it, the id is formatted only when asked for. */
    public sequence: number,
    public job: JobRecord,
    public worker: WorkerRecord,
    public channel: ChannelRecord,
    public queue: QueueRecord,
    public offeredAtSeconds: number,
    public expiresAtSeconds: number,
  ) {
    this.expiryTimer = 0;
  }

  /** Makes this recycled record a new open offer: every field, as the constructor does. */
  reset(
    sequence: number,
    job: JobRecord,
    worker: WorkerRecord,
    channel: ChannelRecord,
    queue: QueueRecord,
    offeredAtSeconds: number,
    expiresAtSeconds: number,
  ): void {
    this.expiryTimer = 0;
    this.outcome = OfferOutcome.open;
    this.previousOfJob = null;
    this.sequence = sequence;
    this.job = job;
    this.worker = worker;
    this.channel = channel;
    this.queue = queue;
    this.offeredAtSeconds = offeredAtSeconds;
    this.expiresAtSeconds = expiresAtSeconds;
  }

  get offerId(): string {
    return OFFER_ID_PREFIX + this.sequence;
  }

  get capacityCost(): number {
    return this.channel.capacityCostPerJob;
  }
}

/** The prefix of offer ids; the rest is the offer sequence number. */
export const OFFER_ID_PREFIX = "offer-";

/** The prefix of assignment ids; the rest is the assignment sequence number. */
export const ASSIGNMENT_ID_PREFIX = "assignment-";

/**
 * An assignment: holds its worker's capacity until the job is closed or unassigned. The router
 * recycles the record once the assignment has ended (`reset`).
 */
export class AssignmentRecord {
  completedAtSeconds = Number.NaN;
  closedAtSeconds = Number.NaN;

  constructor(
    /** The number in its id; handles carry it, the id is formatted only when asked for. */
    public sequence: number,
    public job: JobRecord,
    public worker: WorkerRecord,
    public channel: ChannelRecord,
    public assignedAtSeconds: number,
  ) {}

  /** Makes this recycled record a new assignment: every field, as the constructor does. */
  reset(
    sequence: number,
    job: JobRecord,
    worker: WorkerRecord,
    channel: ChannelRecord,
    assignedAtSeconds: number,
  ): void {
    this.completedAtSeconds = Number.NaN;
    this.closedAtSeconds = Number.NaN;
    this.sequence = sequence;
    this.job = job;
    this.worker = worker;
    this.channel = channel;
    this.assignedAtSeconds = assignedAtSeconds;
  }

  get assignmentId(): string {
    return ASSIGNMENT_ID_PREFIX + this.sequence;
  }
}
