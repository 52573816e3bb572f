/**
 * Remembered answers to rule 6 of §3.1 (the worker's labels satisfy the job's active
 * selectors), per worker, for jobs that share their selectors. The answer depends only on the
 * job's active selectors and the worker's labels; a worker's labels are fixed at its first
 * upsert, which gives it an index of its own (never reused; an upsert changing labels is
 * refused), and a job's selector lists are frozen (an expiry, a reclassification or an update
 * gives the job new lists). So one answer per
 * (selectors, worker index) stays true, and jobs that share their lists share the answers:
 *
 * - a waiting group (one selector profile) remembers them for the freed workers' search
 *   (fast-lane.ts `fastHeadFor`, matching.ts `firstJobFor`);
 * - `SelectorAdmissions` remembers them by the identity of a job's two selector lists, for
 *   job-side matching, which tests every listed worker in the mode's order until enough are
 *   eligible: a job that no idle worker may take (skewed skills) tests them all.
 *
 * Both are taken only with `RouterCore.fastLane` on; the general path tests afresh, so the
 * differential tests (test/router/fast-lane.test.ts) catch a wrong memo.
 */
import type { JobRecord, WorkerRecord } from "../entities.ts";
import type { WorkerSelector } from "../types.ts";
import { selectorsAdmit } from "./eligibility.ts";

/** Remembered answers by worker index: 0 not known yet, else `ADMITTED` or `REFUSED`. */
export interface AdmissionMemo {
  admission: Uint8Array;
}

const ADMISSION_UNKNOWN = 0;
const ADMITTED = 1;
const REFUSED = 2;

/**
 * Whether the selectors of `job` admit the worker, remembered in `memo`, which belongs to
 * `job`'s active selectors (every job it is used with has the same ones).
 */
export function admitsRemembered(
  memo: AdmissionMemo,
  job: JobRecord,
  worker: WorkerRecord,
): boolean {
  const index = worker.index;
  let admission = memo.admission;
  if (index >= admission.length) {
    const grown = new Uint8Array(Math.max(2 * admission.length, index + 1));
    grown.set(admission);
    admission = grown;
    memo.admission = grown;
  }
  const known = admission[index] as number;
  if (known !== ADMISSION_UNKNOWN) return known === ADMITTED;
  const admits = selectorsAdmit(job, worker);
  admission[index] = admits ? ADMITTED : REFUSED;
  return admits;
}

/** The memo of one requested list, with the attached list it was made for. */
class ListAdmissions implements AdmissionMemo {
  admission = new Uint8Array(64);
  constructor(readonly attached: readonly WorkerSelector[]) {}
}

/** Selector lists remembered with their answers, before starting afresh. */
const MAX_REMEMBERED_LISTS = 256;

/** Answers by the identity of a job's selector lists (shared by an arrival stream's jobs). */
export class SelectorAdmissions {
  private readonly byRequested = new Map<readonly WorkerSelector[], ListAdmissions>();

  /** The memo of the job's current selector lists. */
  of(job: JobRecord): AdmissionMemo {
    const requested = job.requestedWorkerSelectors;
    const attached = job.attachedWorkerSelectors;
    const known = this.byRequested.get(requested);
    if (known !== undefined && known.attached === attached) return known;
    // Clients whose lists are built per job would grow the map without end.
    if (this.byRequested.size >= MAX_REMEMBERED_LISTS) this.byRequested.clear();
    const made = new ListAdmissions(attached);
    this.byRequested.set(requested, made);
    return made;
  }
}
