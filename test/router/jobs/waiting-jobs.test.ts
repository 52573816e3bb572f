/**
 * Waiting groups are kept across the moments a profile has no waiting job (a center that keeps
 * up empties its groups job after job), found by selector-list identity, and bounded; client
 * selector lists without expiries are built once per client array while it is unchanged.
 */
import { describe, expect, it } from "vitest";
import { NO_SELECTORS, toWorkerSelectors } from "../../../src/router/classification/selectors.ts";
import { JobRecord } from "../../../src/router/entities.ts";
import { compareJobsInQueueOrder } from "../../../src/router/jobs/queue-order.ts";
import { WaitingJobs } from "../../../src/router/jobs/waiting-jobs.ts";
import { NO_LABELS } from "../../../src/router/labels.ts";
import type { WorkerSelectorSpec } from "../../../src/router/types.ts";

let sequence = 0;
function job(requested: readonly WorkerSelectorSpec[]): JobRecord {
  const record = new JobRecord(
    sequence,
    `job-${sequence}`,
    sequence,
    null,
    null,
    "voice",
    1,
    NO_LABELS,
    NO_LABELS,
    toWorkerSelectors(requested, 0),
  );
  record.enqueuedAtSeconds = sequence++;
  return record;
}

describe("toWorkerSelectors", () => {
  it("returns the list built before while the client's array is unchanged and has no expiry", () => {
    const specs: WorkerSelectorSpec[] = [{ key: "skill", labelOperator: "equal", value: "a" }];
    const first = toWorkerSelectors(specs, 0);
    expect(toWorkerSelectors(specs, 10)).toBe(first);
    specs[0] = { key: "skill", labelOperator: "equal", value: "b" };
    const changed = toWorkerSelectors(specs, 20);
    expect(changed).not.toBe(first);
    expect(changed[0]?.value).toBe("b");
    expect(first[0]?.value).toBe("a");
  });

  it("builds a list with an expiry afresh each time (its expiry counts from now)", () => {
    const specs: WorkerSelectorSpec[] = [
      { key: "skill", labelOperator: "equal", value: "a", expiresAfterSeconds: 5 },
    ];
    const first = toWorkerSelectors(specs, 0);
    const second = toWorkerSelectors(specs, 10);
    expect(second).not.toBe(first);
    expect(second[0]?.expiresAtSeconds).toBe(15);
    expect(toWorkerSelectors([], 0)).toBe(NO_SELECTORS);
  });
});

describe("WaitingJobs", () => {
  it("keeps a profile's group while it is empty and lists only groups with jobs", () => {
    const waiting = new WaitingJobs(compareJobsInQueueOrder);
    const skillA: WorkerSelectorSpec[] = [{ key: "skill", labelOperator: "equal", value: "a" }];
    const first = job(skillA);
    waiting.add(first, false);
    const group = first.waitingGroup;
    waiting.remove(first);
    expect(waiting.groups).toEqual([]);
    expect(waiting.length).toBe(0);
    const second = job(skillA);
    waiting.add(second, false);
    expect(second.waitingGroup).toBe(group);
    expect(waiting.groups).toEqual([group]);
    // A job with an equal list built from another array joins the same profile's group.
    const third = job([{ key: "skill", labelOperator: "equal", value: "a" }]);
    waiting.add(third, false);
    expect(third.waitingGroup).toBe(group);
    expect(group?.jobs.toArray()).toEqual([second, third]);
  });

  it("drops the oldest empty group beyond the bound, and lists stay consistent", () => {
    const waiting = new WaitingJobs(compareJobsInQueueOrder);
    const specs = Array.from({ length: 40 }, (_, index): WorkerSelectorSpec[] => [
      { key: "skill", labelOperator: "equal", value: `s${index}` },
    ]);
    const groups = specs.map((list) => {
      const record = job(list);
      waiting.add(record, false);
      const group = record.waitingGroup;
      waiting.remove(record);
      return group;
    });
    // The first profiles' groups were dropped; the latest ones are found again.
    const early = job(specs[0] as WorkerSelectorSpec[]);
    waiting.add(early, false);
    expect(early.waitingGroup).not.toBe(groups[0]);
    const late = job(specs[39] as WorkerSelectorSpec[]);
    waiting.add(late, false);
    expect(late.waitingGroup).toBe(groups[39]);
    expect(waiting.groups.length).toBe(2);
    expect(waiting.groups.every((group, index) => group.listedAt === index)).toBe(true);
    expect(waiting.toArray().sort(compareJobsInQueueOrder)).toEqual([early, late]);
  });
});
