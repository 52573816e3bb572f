/**
 * Worker selector expiry (§1.7, §3.7). Each live job with an active selector that has an
 * `expiresAtSeconds` holds one engine timer, at its earliest such expiry. When it fires, every
 * selector due by then becomes `expired` (lists are replaced, never mutated), the job loses an
 * expedite that no active selector still gives it (returning to its place in the queue),
 * RouterJobWorkerSelectorsExpired carries the newly expired lists, and a queued job is matched
 * again. Expiry runs in any live status (an assigned job's selectors expire too, which matters
 * after an unassign); ended jobs (closed, cancelled, classification failed) hold no timer.
 * Arm and fire: O(selectors of the job + log n) for the queue reinsertion.
 */
import { NO_TIMER } from "../../engine/engine.ts";
import { hasActiveExpedite, NO_SELECTORS } from "../classification/selectors.ts";
import type { RouterCore } from "../core.ts";
import type { Matcher } from "../distribution/matching.ts";
import type { JobRecord, QueueRecord } from "../entities.ts";
import type { JobStatus, WorkerSelector } from "../types.ts";
import { addQueuedJob, leaveWaiting, refreshWaiting, removeQueuedJob } from "./queue-order.ts";

/**
 * Whether a job's status is ended for selector expiry: closed, cancelled or classification
 * failed. Compared one by one (interned strings: pointer comparisons), not a Set lookup that
 * hashes the status, since every arm asks.
 */
export function isEnded(status: JobStatus): boolean {
  return status === "closed" || status === "cancelled" || status === "classificationFailed";
}

/** The earliest `expiresAtSeconds` of an active selector in either list; Infinity when none. */
export function earliestExpiry(job: JobRecord): number {
  return Math.min(
    earliestIn(job.requestedWorkerSelectors),
    earliestIn(job.attachedWorkerSelectors),
  );
}

function earliestIn(selectors: readonly WorkerSelector[]): number {
  let earliest = Number.POSITIVE_INFINITY;
  // Indexed: selector lists are frozen, and for…of over a frozen array allocates per step.
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i] as WorkerSelector;
    const expiresAt = selector.expiresAtSeconds;
    if (selector.status === "active" && expiresAt !== null && expiresAt < earliest) {
      earliest = expiresAt;
    }
  }
  return earliest;
}

/** Whether an active selector of either list expedites the job. */
export function isExpedited(job: JobRecord): boolean {
  return (
    hasActiveExpedite(job.requestedWorkerSelectors) ||
    hasActiveExpedite(job.attachedWorkerSelectors)
  );
}

/** The selector-expiry timers. */
export class SelectorExpiry {
  constructor(
    private readonly core: RouterCore,
    private readonly matcher: Matcher,
    /** Engine handler id of the selector-expiry timers. */
    private readonly handler: number,
  ) {}

  /** (Re)schedules the job's timer for its earliest pending expiry, if it has one. */
  arm(job: JobRecord): void {
    this.disarm(job);
    // Most jobs have no selector at all: nothing can expire.
    if (job.requestedWorkerSelectors.length === 0 && job.attachedWorkerSelectors.length === 0) {
      return;
    }
    if (isEnded(job.status)) return;
    const earliest = earliestExpiry(job);
    if (earliest === Number.POSITIVE_INFINITY) return;
    const engine = this.core.engine;
    job.selectorExpiryTimer = engine.schedule(
      Math.max(earliest, engine.now),
      this.handler,
      job.index,
    );
  }

  /** Cancels the job's timer. */
  disarm(job: JobRecord): void {
    if (job.selectorExpiryTimer === NO_TIMER) return;
    this.core.engine.cancel(job.selectorExpiryTimer);
    job.selectorExpiryTimer = NO_TIMER;
  }

  /** Timer: expires every selector of the job that is due. */
  fire(jobIndex: number): void {
    const core = this.core;
    const job = core.jobAt(jobIndex);
    job.selectorExpiryTimer = NO_TIMER;
    const now = core.now;
    const requested = expireDue(job.requestedWorkerSelectors, now);
    const attached = expireDue(job.attachedWorkerSelectors, now);
    const expiredCount = requested.expired.length + attached.expired.length;
    const expedited = hasActiveExpedite(requested.list) || hasActiveExpedite(attached.list);
    // The queue order depends on `expedited`: leave the lists while it changes.
    const queue = job.status === "queued" ? (job.queue as QueueRecord) : null;
    const reorder = queue !== null && expedited !== job.expedited;
    // The waiting group depends on the active selectors: leave it while they change.
    const regroup = queue !== null && !reorder && expiredCount > 0;
    if (reorder) removeQueuedJob(job, queue);
    if (regroup) leaveWaiting(job);
    job.requestedWorkerSelectors = requested.list;
    job.attachedWorkerSelectors = attached.list;
    job.expedited = expedited;
    if (reorder) addQueuedJob(job, queue);
    if (regroup) refreshWaiting(job);
    if (expiredCount > 0 && core.emitter.active) {
      core.emitter.jobWorkerSelectorsExpired(now, job.index, requested.expired, attached.expired);
    }
    if (expiredCount > 0 && queue !== null) this.matcher.requestJob(job);
    this.arm(job);
  }
}

/** The list with due selectors expired, and the newly expired ones (as they are now). */
function expireDue(
  selectors: readonly WorkerSelector[],
  nowSeconds: number,
): { list: readonly WorkerSelector[]; expired: readonly WorkerSelector[] } {
  let expired: WorkerSelector[] | null = null;
  const list = selectors.map((selector) => {
    const expiresAt = selector.expiresAtSeconds;
    if (selector.status !== "active" || expiresAt === null || expiresAt > nowSeconds)
      return selector;
    const flipped: WorkerSelector = Object.freeze({ ...selector, status: "expired" as const });
    expired ??= [];
    expired.push(flipped);
    return flipped;
  });
  if (expired === null) return { list: selectors, expired: NO_SELECTORS };
  return { list: Object.freeze(list), expired: Object.freeze(expired) };
}
