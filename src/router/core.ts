/**
 * The router's state and the primitives everything else is built from: the live jobs (ended
 * jobs are forgotten, their integer slots recycled), changing a worker's load (keeping the
 * worker index in step, §8 g, l) and opening/closing offers (with their expiry timers).
 * Invariant: a worker's `usedCapacity` is the cost of its open offers plus its unclosed
 * assignments, and each channel's `jobCount` counts the same on that channel. Load changes and
 * offers are O(Q·C·(log n + memmove)) through the worker index; job slots are O(1).
 */

import { objectArray } from "../collections/object-array.ts";
import { SequenceTable } from "../collections/sequence-table.ts";
import { SlotIndex } from "../collections/slot-index.ts";
import type { Engine } from "../engine/engine.ts";
import { NO_TIMER } from "../engine/engine.ts";
import type { ClassificationPolicyRecord } from "./classification/classification.ts";
import { attachWorker, detachWorker } from "./distribution/worker-index.ts";
import {
  AssignmentRecord,
  type ChannelRecord,
  JobRecord,
  OFFER_ID_PREFIX,
  OfferRecord,
  type PolicyRecord,
  type QueueRecord,
  type WorkerRecord,
} from "./entities.ts";
import { RouterEmitter } from "./events/emitter.ts";
import type { ExceptionPolicyRecord } from "./exceptions/exception-policy.ts";
import { refreshWaiting } from "./jobs/queue-order.ts";
import type { OfferOutcomeCode } from "./offers/offer-log.ts";
import type { Labels, WorkerSelector } from "./types.ts";
import { type JobView, jobView } from "./views.ts";

/** Router state shared by the matcher, the operations and the invariant checks. */
export class RouterCore {
  readonly emitter = new RouterEmitter();
  /**
   * Whether matching takes the fast lane's exact shortcuts (distribution/fast-lane.ts) where
   * they apply; off only in the test that compares the two paths.
   */
  fastLane = true;
  /** Work counters, so tests can bound the cost of matching by counting instead of timing. */
  readonly work = { waitingJobsInspected: 0, workersScored: 0 };
  readonly policies = new Map<string, PolicyRecord>();
  readonly classificationPolicies = new Map<string, ClassificationPolicyRecord>();
  readonly exceptionPolicies = new Map<string, ExceptionPolicyRecord>();
  /** Every queue by its index (a handle), deleted ones included. */
  readonly queues: QueueRecord[] = objectArray();
  /** The queues that exist, in configuration order: what classification chooses among. */
  readonly liveQueues: QueueRecord[] = objectArray();
  readonly queueById = new Map<string, QueueRecord>();
  readonly workers: WorkerRecord[] = objectArray();
  readonly workerById = new Map<string, WorkerRecord>();
  /** Slots of the live jobs by id (a SlotIndex, not a Map: see collections/slot-index.ts). */
  private readonly jobSlotById = new SlotIndex<string>();
  /** Live jobs by slot (`job.index`); a free slot holds null. */
  private readonly jobSlots: (JobRecord | null)[] = objectArray();
  /**
   * The record of each slot ever used, live or not: a new job on a recycled slot reuses it
   * (`JobRecord.reset`), so the records of long-lived jobs are not reallocated per job.
   */
  private readonly jobRecords: JobRecord[] = objectArray();
  /** Records of offers of forgotten jobs, for reuse (`OfferRecord.reset`). */
  private readonly freeOffers: OfferRecord[] = objectArray();
  /** Records of ended assignments, for reuse (`AssignmentRecord.reset`). */
  private readonly freeAssignments: AssignmentRecord[] = objectArray();
  /** The hash of each live job's id in `jobSlotById`, by slot: forgetting does not rehash it. */
  private jobIdHashes = new Int32Array(64);
  /** Slots of forgotten jobs, reused last-freed first. */
  private readonly freeJobSlots: number[] = [];
  private nextJobCreationSequence = 0;
  /**
   * Every offer of a live job, by offer sequence, open or resolved (its `outcome` says which),
   * so a stale accept or decline still gets the service's answer; also on the job's offer
   * chain. Dropped with the job.
   */
  private readonly offersBySequence = new SequenceTable<OfferRecord>();
  /** Offers whose outcome is still `open`. */
  openOfferCount = 0;
  private nextOfferSequence = 1;
  /** `expiryLaneOf`'s last delay (NaN: none yet) and its lane. */
  private expiryLaneDelaySeconds = Number.NaN;
  private expiryLane = -1;
  private nextAssignmentSequence = 1;
  /**
   * Ended jobs' last snapshots by id, kept until deleted (the service keeps an ended job until
   * DELETE); null when the router forgets ended jobs at once, as a simulation does.
   */
  readonly endedJobs: Map<string, JobView> | null;

  constructor(
    readonly engine: Engine,
    /** Engine handler id of offer expiry (the router registers its timers first). */
    private readonly offerExpiryHandler: number,
    retainEndedJobs = false,
  ) {
    this.endedJobs = retainEndedJobs ? new Map() : null;
  }

  /** Simulated time in seconds. */
  get now(): number {
    return this.engine.now;
  }

  /**
   * The live jobs (queued, assigned, … and classification-failed), in creation order. O(n log n):
   * for invariant checks and tests.
   */
  get jobs(): IterableIterator<JobRecord> {
    const live: JobRecord[] = [];
    for (const job of this.jobSlots) if (job !== null) live.push(job);
    live.sort((left, right) => left.creationSequence - right.creationSequence);
    return live.values();
  }

  /** Number of live jobs. */
  get liveJobCount(): number {
    return this.jobSlotById.size;
  }

  /** Number of offers (open or resolved) of live jobs that the router remembers. */
  get rememberedOfferCount(): number {
    return this.offersBySequence.size;
  }

  /** The workers (deleted ones excluded) that serve `queue`. O(workers). */
  workersServing(queue: QueueRecord): WorkerRecord[] {
    return [...this.workerById.values()].filter((worker) => worker.queues.includes(queue));
  }

  /** The live job with this id, or undefined. */
  findJob(jobId: string): JobRecord | undefined {
    const slot = this.jobSlotById.get(jobId);
    return slot < 0 ? undefined : (this.jobSlots[slot] as JobRecord);
  }

  /** The offer with this sequence, open or resolved, while its job lives; else undefined. */
  findOffer(sequence: number): OfferRecord | undefined {
    return this.offersBySequence.get(sequence);
  }

  /** Job slots ever allocated: the most jobs that were live at once. */
  get jobSlotCount(): number {
    return this.jobSlots.length;
  }

  /** The open offers, in the order they were opened. O(n log n): for checks and tests. */
  openOffers(): OfferRecord[] {
    const open: OfferRecord[] = [];
    for (const job of this.jobSlots) if (job !== null) open.push(...job.openOfferList());
    return open.sort((left, right) => left.sequence - right.sequence);
  }

  /**
   * A new job (status `created`, no queue yet) on a free slot, a recycled one when a job has
   * been forgotten (with its record, reset), and its id indexed. No live job may have `id`
   * (the caller has looked it up with `findJob`).
   */
  newJob(
    id: string,
    channelReference: string | null,
    classificationPolicyId: string | null,
    channelId: string,
    priority: number,
    labels: Labels,
    tags: Labels,
    requestedWorkerSelectors: readonly WorkerSelector[],
  ): JobRecord {
    const slot =
      this.freeJobSlots.length > 0 ? (this.freeJobSlots.pop() as number) : this.jobSlots.length;
    const creationSequence = this.nextJobCreationSequence++;
    let job = this.jobRecords[slot];
    if (job === undefined) {
      job = new JobRecord(
        slot,
        id,
        creationSequence,
        channelReference,
        classificationPolicyId,
        channelId,
        priority,
        labels,
        tags,
        requestedWorkerSelectors,
      );
      this.jobRecords[slot] = job;
    } else {
      job.reset(
        id,
        creationSequence,
        channelReference,
        classificationPolicyId,
        channelId,
        priority,
        labels,
        tags,
        requestedWorkerSelectors,
      );
    }
    this.jobSlots[slot] = job;
    if (slot === this.jobIdHashes.length) {
      const grown = new Int32Array(slot * 2);
      grown.set(this.jobIdHashes);
      this.jobIdHashes = grown;
    }
    // The id is absent: the caller has just looked it up (findJob) and found no job.
    this.jobIdHashes[slot] = this.jobSlotById.insertAbsent(id, slot);
    return job;
  }

  /** The live job in a slot; timers carry the slot and only fire while their job lives. */
  jobAt(slot: number): JobRecord {
    return this.jobSlots[slot] as JobRecord;
  }

  /** The live job in a slot, or undefined for a free or never-used slot (a stale handle). */
  liveJobAt(slot: number): JobRecord | undefined {
    return Number.isInteger(slot) && slot >= 0 ? (this.jobSlots[slot] ?? undefined) : undefined;
  }

  /**
   * Whether the job created with `creationSequence` on this record is still live (records are
   * reused by later jobs on their slot, so the record alone does not say).
   */
  isLive(job: JobRecord, creationSequence: number): boolean {
    return this.jobSlots[job.index] === job && job.creationSequence === creationSequence;
  }

  /**
   * Forgets an ended (closed or cancelled) job: its id, its slot and its offers' outcomes. It
   * must hold no open offer, assignment or pending timer that carries its slot.
   */
  forgetJob(job: JobRecord): void {
    if (
      job.openOfferCount > 0 ||
      job.closeTimer !== NO_TIMER ||
      job.selectorExpiryTimer !== NO_TIMER ||
      job.exceptionTimers !== null
    ) {
      throw new Error(`router bug: job ${job.id} forgotten with open offers or pending timers`);
    }
    if (this.endedJobs !== null) this.endedJobs.set(job.id, jobView(job));
    const freeOffers = this.freeOffers;
    for (let offer = job.lastOffer; offer !== null; offer = offer.previousOfJob) {
      this.offersBySequence.delete(offer.sequence);
      freeOffers.push(offer);
    }
    job.lastOffer = null;
    this.jobSlotById.deleteHashed(job.id, this.jobIdHashes[job.index] as number);
    this.jobSlots[job.index] = null;
    this.freeJobSlots.push(job.index);
  }

  /** A new assignment (a fresh sequence, the number in its id) of the job to the worker. */
  newAssignment(job: JobRecord, worker: WorkerRecord, channel: ChannelRecord): AssignmentRecord {
    const sequence = this.nextAssignmentSequence++;
    const recycled = this.freeAssignments.pop();
    if (recycled === undefined) {
      return new AssignmentRecord(sequence, job, worker, channel, this.now);
    }
    recycled.reset(sequence, job, worker, channel, this.now);
    return recycled;
  }

  /**
   * Takes back the record of an ended assignment (closed with its job, or unassigned), once
   * nothing refers to it any more: it will be reused by a later assignment.
   */
  recycleAssignment(assignment: AssignmentRecord): void {
    this.freeAssignments.push(assignment);
  }

  /**
   * Adds `deltaJobs` (±1) jobs of `channel` to the worker's load. The worker leaves the index
   * while its order-defining fields change.
   */
  changeLoad(worker: WorkerRecord, channel: ChannelRecord, deltaJobs: number): void {
    detachWorker(worker);
    worker.usedCapacity += deltaJobs * channel.capacityCostPerJob;
    channel.jobCount += deltaJobs;
    worker.loadRatio = worker.usedCapacity / worker.capacity;
    if (deltaJobs < 0 && worker.usedCapacity === 0) worker.idleSinceSeconds = this.now;
    attachWorker(worker);
  }

  /** Opens an offer of the job to the worker, reserving its channel's cost. */
  openOffer(job: JobRecord, worker: WorkerRecord, channel: ChannelRecord): OfferRecord {
    const queue = job.queue as QueueRecord;
    const sequence = this.nextOfferSequence++;
    const now = this.now;
    const expiresAtSeconds = now + queue.policy.offerExpiresAfterSeconds;
    let offer = this.freeOffers.pop();
    if (offer === undefined) {
      offer = new OfferRecord(sequence, job, worker, channel, queue, now, expiresAtSeconds);
    } else {
      offer.reset(sequence, job, worker, channel, queue, now, expiresAtSeconds);
    }
    this.changeLoad(worker, channel, +1);
    job.addOpenOffer(offer);
    worker.openOffers.push(offer);
    offer.previousOfJob = job.lastOffer;
    job.lastOffer = offer;
    this.offersBySequence.set(sequence, offer);
    this.openOfferCount++;
    refreshWaiting(job);
    offer.expiryTimer = this.engine.scheduleInLane(this.expiryLaneOf(queue.policy), sequence);
    return offer;
  }

  /**
   * The engine's delay lane of offer expiries after the policy's `offerExpiresAfterSeconds`
   * (the same delay from the same clock: `expiresAtSeconds`): expiries are scheduled in time
   * order and most are cancelled within seconds, so a FIFO per delay spares the heap a push
   * and a removal per offer. The lane of the last delay asked for is kept.
   */
  private expiryLaneOf(policy: PolicyRecord): number {
    const delaySeconds = policy.offerExpiresAfterSeconds;
    if (delaySeconds !== this.expiryLaneDelaySeconds) {
      this.expiryLane = this.engine.delayLane(this.offerExpiryHandler, delaySeconds);
      this.expiryLaneDelaySeconds = delaySeconds;
    }
    return this.expiryLane;
  }

  /**
   * Resolves an open offer: drops it everywhere, cancels its timer and, unless `keepCapacity`
   * (an accept turns the reservation into the assignment), releases its cost.
   */
  closeOffer(offer: OfferRecord, outcome: OfferOutcomeCode, keepCapacity = false): void {
    offer.job.removeOpenOffer(offer);
    removeItem(offer.worker.openOffers, offer);
    offer.outcome = outcome;
    this.openOfferCount--;
    if (offer.expiryTimer !== NO_TIMER) this.engine.cancel(offer.expiryTimer);
    offer.expiryTimer = NO_TIMER;
    if (!keepCapacity) this.changeLoad(offer.worker, offer.channel, -1);
    refreshWaiting(offer.job);
  }

  /** The id of the offer with this sequence. */
  offerIdOf(sequence: number): string {
    return OFFER_ID_PREFIX + sequence;
  }

  /** The offer sequence encoded in an offer id, or −1. */
  offerSequenceOf(offerId: string): number {
    if (!offerId.startsWith(OFFER_ID_PREFIX)) return -1;
    const sequence = parseDigits(offerId, OFFER_ID_PREFIX.length);
    return Number.isSafeInteger(sequence) && sequence > 0 && sequence < this.nextOfferSequence
      ? sequence
      : -1;
  }
}

/**
 * The number written from `start` to the end of `text`, as `Number` reads it: plain digits are
 * read in place (no substring per call); anything else (signs, spaces, hex…) goes to `Number`.
 */
export function parseDigits(text: string, start: number): number {
  const length = text.length;
  if (length === start || length - start > 15) return Number(text.slice(start));
  let value = 0;
  for (let i = start; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(text.slice(start));
    value = value * 10 + digit;
  }
  return value;
}

/** Removes `item` from a small array of distinct items (often its only or last item). */
export function removeItem<T>(items: T[], item: T): void {
  const last = items.length - 1;
  if (last >= 0 && items[last] === item) {
    items.pop();
    return;
  }
  const position = items.indexOf(item);
  if (position < 0) return;
  // Shift down and pop: splice would allocate an array of the removed item.
  for (let next = position + 1; next <= last; next++) items[next - 1] = items[next] as T;
  items.pop();
}
