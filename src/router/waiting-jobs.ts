/**
 * The jobs of one (queue, channel) that want offers, grouped by selector profile: the active
 * selectors (requested and attached) they ask workers to satisfy. Jobs of one profile admit
 * exactly the same workers (up to decline exclusions and open offers, checked per job), so a
 * freed worker tests each profile once and skips the whole group when it cannot satisfy it,
 * instead of scanning a backlog of jobs it cannot take. Each group keeps queue order in a
 * chunked list; empty groups are dropped, so the group count is bounded by the waiting jobs.
 */
import { ChunkedSortedList } from "./chunked-sorted-list.ts";
import type { JobRecord } from "./entities.ts";
import type { WorkerSelector } from "./types.ts";

/** Waiting jobs of one profile, in queue order. */
export class WaitingGroup {
  readonly jobs: ChunkedSortedList<JobRecord>;

  constructor(
    readonly profile: string,
    compareJobs: (left: JobRecord, right: JobRecord) => number,
  ) {
    this.jobs = new ChunkedSortedList(compareJobs);
  }
}

/** Every selector profile's waiting jobs of one (queue, channel). */
export class WaitingJobs {
  /** Non-empty groups, in no particular order. */
  readonly groups: WaitingGroup[] = [];
  private readonly byProfile = new Map<string, WaitingGroup>();
  private count = 0;
  /** The group of the latest add, while it is not empty. */
  private lastGroup: WaitingGroup | null = null;

  constructor(private readonly compareJobs: (left: JobRecord, right: JobRecord) => number) {}

  /** Number of waiting jobs in all groups. */
  get length(): number {
    return this.count;
  }

  /** Adds a job under its current profile (`bypassSelectors`: one profile for all). */
  add(job: JobRecord, bypassSelectors: boolean): void {
    const profile = bypassSelectors ? "" : selectorProfile(job);
    // Most centers have one profile: try the last group used before the map.
    let group =
      this.lastGroup !== null && this.lastGroup.profile === profile
        ? this.lastGroup
        : this.byProfile.get(profile);
    if (group === undefined) {
      group = new WaitingGroup(profile, this.compareJobs);
      this.byProfile.set(profile, group);
      this.groups.push(group);
    }
    group.jobs.insert(job);
    job.waitingGroup = group;
    this.lastGroup = group;
    this.count++;
  }

  /** Removes a job from the group it was added to. */
  remove(job: JobRecord): void {
    const group = job.waitingGroup;
    if (group === null || !group.jobs.remove(job)) return;
    job.waitingGroup = null;
    this.count--;
    if (group.jobs.length > 0) return;
    if (this.lastGroup === group) this.lastGroup = null;
    this.byProfile.delete(group.profile);
    const groups = this.groups;
    const index = groups.indexOf(group);
    groups[index] = groups[groups.length - 1] as WaitingGroup;
    groups.pop();
  }

  /** Every waiting job (for checks; allocates). */
  toArray(): JobRecord[] {
    return this.groups.flatMap((group) => group.jobs.toArray());
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
