/**
 * The router's state and the two primitives everything else is built from: changing a
 * worker's load (keeping the worker index in step, §8 g, l) and opening/closing offers (with
 * their expiry timers). Invariant: a worker's `usedCapacity` is the cost of its open offers
 * plus its unclosed assignments, and each channel's `jobCount` counts the same on that channel.
 * Both primitives are O(Q·C·(log n + memmove)) through the worker index.
 */
import type { Engine } from "../engine/engine.ts";
import { NO_TIMER } from "../engine/engine.ts";
import type { ClassificationPolicyRecord } from "./classification.ts";
import { RouterEmitter } from "./emitter.ts";
import {
  type ChannelRecord,
  type JobRecord,
  OfferRecord,
  type PolicyRecord,
  type QueueRecord,
  type WorkerRecord,
} from "./entities.ts";
import type { ExceptionPolicyRecord } from "./exception-policy.ts";
import { OfferLog, OfferOutcome, type OfferOutcomeCode } from "./offer-log.ts";
import { refreshWaiting } from "./queue-order.ts";
import { attachWorker, detachWorker } from "./worker-index.ts";

/** The prefix of offer ids; the rest is the offer sequence number. */
const OFFER_ID_PREFIX = "offer-";

/** Router state shared by the matcher, the operations and the invariant checks. */
export class RouterCore {
  readonly emitter = new RouterEmitter();
  readonly policies = new Map<string, PolicyRecord>();
  readonly classificationPolicies = new Map<string, ClassificationPolicyRecord>();
  readonly exceptionPolicies = new Map<string, ExceptionPolicyRecord>();
  readonly queues: QueueRecord[] = [];
  readonly queueById = new Map<string, QueueRecord>();
  readonly workers: WorkerRecord[] = [];
  readonly workerById = new Map<string, WorkerRecord>();
  readonly jobs: JobRecord[] = [];
  readonly jobById = new Map<string, JobRecord>();
  /** Open offers by sequence number. */
  readonly openOffers = new Map<number, OfferRecord>();
  readonly offerLog = new OfferLog();
  private nextOfferSequence = 1;
  private nextAssignmentSequence = 1;
  /** Engine handler id of offer expiry; set by the router once handlers are registered. */
  offerExpiryHandler = -1;

  constructor(readonly engine: Engine) {}

  /** Simulated time in seconds. */
  get now(): number {
    return this.engine.now;
  }

  /** A fresh assignment id. */
  newAssignmentId(): string {
    return `assignment-${this.nextAssignmentSequence++}`;
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
    const offer = new OfferRecord(
      sequence,
      OFFER_ID_PREFIX + sequence,
      job,
      worker,
      channel,
      queue,
      now,
      now + queue.policy.offerExpiresAfterSeconds,
    );
    this.changeLoad(worker, channel, +1);
    job.openOffers.push(offer);
    worker.openOffers.push(offer);
    this.openOffers.set(sequence, offer);
    this.offerLog.record(sequence, worker.index, OfferOutcome.open);
    refreshWaiting(job);
    offer.expiryTimer = this.engine.schedule(
      offer.expiresAtSeconds,
      this.offerExpiryHandler,
      sequence,
    );
    return offer;
  }

  /**
   * Resolves an open offer: drops it everywhere, cancels its timer and, unless `keepCapacity`
   * (an accept turns the reservation into the assignment), releases its cost.
   */
  closeOffer(offer: OfferRecord, outcome: OfferOutcomeCode, keepCapacity = false): void {
    removeItem(offer.job.openOffers, offer);
    removeItem(offer.worker.openOffers, offer);
    this.openOffers.delete(offer.sequence);
    this.offerLog.record(offer.sequence, offer.worker.index, outcome);
    if (offer.expiryTimer !== NO_TIMER) this.engine.cancel(offer.expiryTimer);
    offer.expiryTimer = NO_TIMER;
    if (!keepCapacity) this.changeLoad(offer.worker, offer.channel, -1);
    refreshWaiting(offer.job);
  }

  /** The offer sequence encoded in an offer id, or −1. */
  offerSequenceOf(offerId: string): number {
    if (!offerId.startsWith(OFFER_ID_PREFIX)) return -1;
    const sequence = Number(offerId.slice(OFFER_ID_PREFIX.length));
    return Number.isSafeInteger(sequence) && sequence > 0 && sequence < this.nextOfferSequence
      ? sequence
      : -1;
  }
}

/** Removes one occurrence of `item` from a small array. */
export function removeItem<T>(items: T[], item: T): void {
  const position = items.indexOf(item);
  if (position >= 0) items.splice(position, 1);
}
