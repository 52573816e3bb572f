/**
 * The jobs of one (queue, channel) that want offers, grouped by selector profile: the active
 * selectors (requested and attached) they ask workers to satisfy. Jobs of one profile admit
 * exactly the same workers (up to decline exclusions and open offers, checked per job), so a
 * freed worker tests each profile once and skips the whole group when it cannot satisfy it,
 * instead of scanning a backlog of jobs it cannot take. Each group keeps queue order in a
 * chunked list. Only non-empty groups are listed (`groups`), so the listed count is bounded by
 * the waiting jobs; a group that empties is kept aside (up to `MAX_EMPTY_GROUPS`) for its
 * profile's next job, since in a center that keeps up every job waits alone for a moment and
 * rebuilding its group each time cost more than the job's matching. A job's group is found by
 * its selector lists' identity (lists are shared by the jobs of an arrival stream,
 * selectors.ts) before the profile's text is built.
 */
import { ChunkedSortedList } from "../../collections/chunked-sorted-list.ts";
import { objectArray } from "../../collections/object-array.ts";
import type { JobRecord } from "../entities.ts";
import type { WorkerSelector } from "../types.ts";

/** Empty groups kept per (queue, channel) for their profile's next job. */
const MAX_EMPTY_GROUPS = 16;
/** Selector lists remembered with their group per (queue, channel), before starting afresh. */
const MAX_REMEMBERED_LISTS = 256;

/** Waiting jobs of one profile, in queue order. */
export class WaitingGroup {
  readonly jobs: ChunkedSortedList<JobRecord>;
  /** Its index in its `WaitingJobs.groups` while it has jobs, else −1. */
  listedAt = -1;
  /** Its index among the empty groups kept aside while it has none, else −1. */
  keptAt = -1;
  /**
   * Whether the group's selectors admit each worker, by worker index (0 not known yet), as
   * the freed workers' search remembers it (distribution/admission.ts).
   */
  admission = new Uint8Array(64);

  constructor(
    /** The waiting jobs of the (queue, channel) the group belongs to. */
    readonly owner: WaitingJobs,
    readonly profile: string,
    compareJobs: (left: JobRecord, right: JobRecord) => number,
  ) {
    this.jobs = new ChunkedSortedList(compareJobs);
  }
}

/** The group of the jobs whose requested list is a remembered one, with their attached list. */
interface RememberedList {
  readonly attached: readonly WorkerSelector[];
  readonly group: WaitingGroup;
}

/** Every selector profile's waiting jobs of one (queue, channel). */
export class WaitingJobs {
  /** Non-empty groups, in no particular order. */
  readonly groups: WaitingGroup[] = objectArray();
  /** Every group, listed or kept aside, by profile. */
  private readonly byProfile = new Map<string, WaitingGroup>();
  /** Empty groups kept aside, oldest first (roughly: eviction swaps the last one in). */
  private readonly kept: WaitingGroup[] = objectArray();
  /** A group by the requested selector list of its latest job (and that job's attached list). */
  private readonly byRequestedList = new Map<readonly WorkerSelector[], RememberedList>();
  private count = 0;
  /** Groups built so far (a work counter for tests: one per profile while it is kept). */
  groupsBuilt = 0;

  constructor(private readonly compareJobs: (left: JobRecord, right: JobRecord) => number) {}

  /** Number of waiting jobs in all groups. */
  get length(): number {
    return this.count;
  }

  /** Adds a job under its current profile (`bypassSelectors`: one profile for all). */
  add(job: JobRecord, bypassSelectors: boolean): void {
    const group = bypassSelectors ? this.groupOf("") : this.groupFor(job);
    if (group.listedAt < 0) this.list(group);
    group.jobs.insert(job);
    job.waitingGroup = group;
    this.count++;
  }

  /** Removes a job from the group it was added to. */
  remove(job: JobRecord): void {
    const group = job.waitingGroup;
    if (group === null || !group.jobs.remove(job)) return;
    job.waitingGroup = null;
    this.count--;
    if (group.jobs.length === 0) this.unlist(group);
  }

  /** Every waiting job (for checks; allocates). */
  toArray(): JobRecord[] {
    return this.groups.flatMap((group) => group.jobs.toArray());
  }

  /** The group of the job's profile, through its selector lists' identity when remembered. */
  private groupFor(job: JobRecord): WaitingGroup {
    const requested = job.requestedWorkerSelectors;
    const attached = job.attachedWorkerSelectors;
    const remembered = this.byRequestedList.get(requested);
    if (remembered !== undefined && remembered.attached === attached) return remembered.group;
    const group = this.groupOf(selectorProfile(job));
    if (this.byRequestedList.size >= MAX_REMEMBERED_LISTS) this.byRequestedList.clear();
    this.byRequestedList.set(requested, { attached, group });
    return group;
  }

  /** The group of a profile, created when there is none. */
  private groupOf(profile: string): WaitingGroup {
    let group = this.byProfile.get(profile);
    if (group === undefined) {
      group = new WaitingGroup(this, profile, this.compareJobs);
      this.groupsBuilt++;
      this.byProfile.set(profile, group);
    }
    return group;
  }

  /** Lists a group that is getting its first job (taking it from the kept ones if there). */
  private list(group: WaitingGroup): void {
    if (group.keptAt >= 0) {
      const kept = this.kept;
      const last = kept.pop() as WaitingGroup;
      if (last !== group) {
        kept[group.keptAt] = last;
        last.keptAt = group.keptAt;
      }
      group.keptAt = -1;
    }
    group.listedAt = this.groups.length;
    this.groups.push(group);
  }

  /** Unlists a group that has lost its last job and keeps it aside (dropping the oldest kept). */
  private unlist(group: WaitingGroup): void {
    const groups = this.groups;
    // Swap-remove, as the group list has no order.
    const last = groups.pop() as WaitingGroup;
    if (last !== group) {
      groups[group.listedAt] = last;
      last.listedAt = group.listedAt;
    }
    group.listedAt = -1;
    const kept = this.kept;
    if (kept.length >= MAX_EMPTY_GROUPS) {
      const oldest = kept[0] as WaitingGroup;
      const newest = kept.pop() as WaitingGroup;
      if (newest !== oldest) {
        kept[0] = newest;
        newest.keptAt = 0;
      }
      oldest.keptAt = -1;
      this.byProfile.delete(oldest.profile);
      // Remembered lists may lead to the dropped group.
      this.byRequestedList.clear();
    }
    group.keptAt = kept.length;
    kept.push(group);
  }
}

/**
 * A key equal for two jobs exactly when their active selectors are the same list (key,
 * operator, typed value), so equal keys admit the same workers. Lengths prefix the free text,
 * so no two lists share a key. Jobs without active selectors share the empty key.
 */
export function selectorProfile(job: JobRecord): string {
  const requested = job.requestedWorkerSelectors;
  const attached = job.attachedWorkerSelectors;
  if (requested.length === 0 && attached.length === 0) return "";
  return selectorListProfile(requested) + selectorListProfile(attached);
}

/** The profile of one selector list's active selectors, in order ("" when none). */
export function selectorListProfile(selectors: readonly WorkerSelector[]): string {
  let key = "";
  for (let i = 0; i < selectors.length; i++) {
    const selector = selectors[i] as WorkerSelector;
    if (selector.status !== "active") continue;
    const value = String(selector.value);
    key += `${selector.key.length}:${selector.key}${selector.labelOperator}:${typeof selector.value}:${value.length}:${value};`;
  }
  return key;
}
