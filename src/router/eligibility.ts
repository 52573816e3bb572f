/**
 * The eligibility rule of §3.1. `isPairEligible` holds the job-specific checks (selectors,
 * decline exclusions, no second offer); the worker index already guarantees the rest for the
 * workers it lists. `isWorkerEligible` is the whole rule, for worker-side matching and checks.
 */
import type { JobRecord, WorkerRecord } from "./entities.ts";
import { areActiveSelectorsSatisfied } from "./selectors.ts";
import { fitsChannel } from "./worker-index.ts";

/**
 * Whether a decline exclusion keeps this worker from this job (§8 c). A `retryOfferAt`
 * exclusion is lifted by its retry timer, not by the clock, so that several retries due at one
 * instant each end together with the matching they request.
 */
export function isExcluded(job: JobRecord, worker: WorkerRecord): boolean {
  if (job.exclusions === null) return false;
  const exclusion = job.exclusions.get(worker.index);
  return exclusion !== undefined && exclusion.registrationCount === worker.registrationCount;
}

/** Whether the worker already holds an open offer for the job. */
export function holdsOfferFor(job: JobRecord, worker: WorkerRecord): boolean {
  for (const offer of job.openOffers) if (offer.worker === worker) return true;
  return false;
}

/** Rules 6 and 7 of §3.1: selectors (unless bypassed), exclusions, no second offer. */
export function isPairEligible(
  job: JobRecord,
  worker: WorkerRecord,
  bypassSelectors: boolean,
): boolean {
  if (
    !bypassSelectors &&
    !(
      areActiveSelectorsSatisfied(job.requestedWorkerSelectors, worker.labels) &&
      areActiveSelectorsSatisfied(job.attachedWorkerSelectors, worker.labels)
    )
  ) {
    return false;
  }
  return !isExcluded(job, worker) && !holdsOfferFor(job, worker);
}

/** The whole of §3.1 for a queued job. */
export function isWorkerEligible(job: JobRecord, worker: WorkerRecord): boolean {
  const queue = job.queue;
  if (job.status !== "queued" || queue === null || !worker.queues.includes(queue)) return false;
  const channel = worker.channel(job.channelId);
  if (channel === undefined || !fitsChannel(worker, channel)) return false;
  return isPairEligible(job, worker, queue.policy.bypassSelectors);
}
