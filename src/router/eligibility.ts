/**
 * The eligibility rule of §3.1. `isPairEligible` holds the job-specific checks (selectors,
 * decline exclusions, no second offer); the worker index already guarantees the rest for the
 * workers it lists (rules 1 to 5: active, in the queue, on the channel, with room).
 */
import type { JobRecord, WorkerRecord } from "./entities.ts";
import { areActiveSelectorsSatisfied } from "./selectors.ts";

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
function holdsOfferFor(job: JobRecord, worker: WorkerRecord): boolean {
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
