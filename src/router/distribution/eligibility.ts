/**
 * The eligibility rule of §3.1. `isPairEligible` holds the job-specific checks (selectors,
 * decline exclusions, no second offer); the worker index already guarantees the rest for the
 * workers it lists (rules 1 to 5: active, in the queue, on the channel, with room).
 */

import { areActiveSelectorsSatisfied } from "../classification/selectors.ts";
import type { JobRecord, WorkerRecord } from "../entities.ts";
import type { WorkerSelector } from "../types.ts";

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
  return job.hasOpenOfferTo(worker);
}

/** Rule 6 of §3.1: the worker's labels satisfy the job's active selectors. */
export function selectorsAdmit(job: JobRecord, worker: WorkerRecord): boolean {
  return selectorListsAdmit(job.requestedWorkerSelectors, job.attachedWorkerSelectors, worker);
}

/** Rule 6 of §3.1 on a job's two selector lists. */
export function selectorListsAdmit(
  requested: readonly WorkerSelector[],
  attached: readonly WorkerSelector[],
  worker: WorkerRecord,
): boolean {
  return (
    areActiveSelectorsSatisfied(requested, worker.labels) &&
    areActiveSelectorsSatisfied(attached, worker.labels)
  );
}

/** Rule 7 of §3.1: no decline exclusion and no open offer of this worker for the job. */
export function isOfferable(job: JobRecord, worker: WorkerRecord): boolean {
  return !isExcluded(job, worker) && !holdsOfferFor(job, worker);
}

/** Rules 6 and 7 of §3.1: selectors (unless bypassed), exclusions, no second offer. */
export function isPairEligible(
  job: JobRecord,
  worker: WorkerRecord,
  bypassSelectors: boolean,
): boolean {
  if (!bypassSelectors && !selectorsAdmit(job, worker)) return false;
  return isOfferable(job, worker);
}
