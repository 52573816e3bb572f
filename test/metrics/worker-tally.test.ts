/**
 * WorkerTally: while a worker's busy level has had exactly the changes of its capacity in use
 * (capacity 1, jobs of cost 1) it is not updated but copied; its busy seconds must be exactly
 * those of a level given every change, whatever the capacity, the costs and the order. Its
 * levels and counters live in a row of a table shared by all workers (WorkerTable): workers
 * updated in turn keep apart, and their utilization is exactly a TimeWeightedLevel's.
 */
import { describe, expect, it } from "vitest";
import { MeasurementWindow, TimeWeightedLevel } from "../../src/metrics/time-weighted-level.ts";
import { WorkerCounter, WorkerTable, WorkerTally } from "../../src/metrics/worker-tally.ts";
import type { ChannelConfiguration } from "../../src/router/entities.ts";

const window = new MeasurementWindow(20, 2_000, 100);

/** Busy seconds by the rule itself: busy (1) while the worker holds a job, on its own level. */
function referenceBusySeconds(changes: readonly [number, 1 | -1][], endSeconds: number): number {
  const busy = new TimeWeightedLevel(window, false);
  let held = 0;
  for (const [timeSeconds, sign] of changes) {
    held += sign;
    const busyNow = held > 0 ? 1 : 0;
    if (busyNow !== busy.level) busy.add(timeSeconds, busyNow - busy.level);
  }
  busy.advance(endSeconds);
  return busy.integral;
}

function scenario(seed: number, capacity: number, costs: readonly number[], maxOpen: number) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const tally = new WorkerTally("w", "g", window);
  const configurations: ChannelConfiguration[] = [
    { channelId: "c", capacityCostPerJob: 0, maxNumberOfJobs: null },
  ];
  tally.register(0, capacity, configurations, [], []);
  const open: number[] = [];
  const changes: [number, 1 | -1][] = [];
  let timeSeconds = 0;
  for (let n = 0; n < 400; n++) {
    timeSeconds += next() < 0.2 ? 0 : next() * 13.7;
    if (open.length > 0 && (open.length >= maxOpen || next() < 0.5)) {
      const cost = open.splice(Math.floor(next() * open.length), 1)[0] as number;
      tally.changeHeld(timeSeconds, cost, -1);
      changes.push([timeSeconds, -1]);
    } else {
      const cost = costs[Math.floor(next() * costs.length)] as number;
      open.push(cost);
      tally.changeHeld(timeSeconds, cost, 1);
      changes.push([timeSeconds, 1]);
    }
  }
  const endSeconds = timeSeconds + 5;
  return {
    busySeconds: tally.row(endSeconds).busySeconds,
    expected: referenceBusySeconds(changes, endSeconds),
  };
}

describe("WorkerTally busy seconds", () => {
  it.each([
    [1, [1], 1],
    [1, [1], 3],
    [1, [1, 0], 1],
    [1, [1, 0, 0, 0], 2],
    [2, [1], 2],
    [100, [20, 100, 1], 3],
    [1, [0.5, 1], 2],
  ] as const)(
    "equal a level given every change (capacity %s, costs %j, up to %s jobs)",
    (capacity, costs, maxOpen) => {
      for (let seed = 1; seed <= 100; seed++) {
        const { busySeconds, expected } = scenario(seed, capacity, costs, maxOpen);
        expect(
          Object.is(busySeconds, expected),
          `seed ${seed}: ${busySeconds} vs ${expected}`,
        ).toBe(true);
      }
    },
  );
});

/** Utilization by the rule itself: capacity in use over registered capacity, as levels. */
function referenceUtilization(
  changes: readonly [number, number][],
  capacity: number,
  endSeconds: number,
): number {
  const inUse = new TimeWeightedLevel(window, false);
  const registered = new TimeWeightedLevel(window, false);
  registered.add(0, capacity);
  for (const [timeSeconds, delta] of changes) inUse.add(timeSeconds, delta);
  inUse.advance(endSeconds);
  registered.advance(endSeconds);
  return inUse.integral / registered.integral;
}

describe("WorkerTally rows in a shared WorkerTable", () => {
  it("keep each worker's levels and counts apart, exactly as levels of their own", () => {
    for (let seed = 1; seed <= 50; seed++) {
      let state = seed;
      const next = () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state / 2 ** 32;
      };
      const table = new WorkerTable();
      // More workers than the table's first allocation, so that it grows mid-run.
      const workers = Array.from({ length: 70 }, (_, index) => {
        const capacity = 1 + (index % 3);
        const tally = new WorkerTally(`w${index}`, "g", window, table);
        tally.register(0, capacity, [], [], []);
        return {
          tally,
          capacity,
          open: [] as number[],
          changes: [] as [number, number][],
          jobs: 0,
        };
      });
      let timeSeconds = 0;
      for (let n = 0; n < 2_000; n++) {
        timeSeconds += next() < 0.3 ? 0 : next() * 3.1;
        const worker = workers[Math.floor(next() * workers.length)] as (typeof workers)[number];
        if (worker.open.length > 0 && (worker.open.length >= 3 || next() < 0.5)) {
          const cost = worker.open.pop() as number;
          worker.tally.changeHeld(timeSeconds, cost, -1);
          worker.changes.push([timeSeconds, -cost]);
          worker.tally.count(WorkerCounter.jobsHandled);
          worker.jobs++;
        } else {
          const cost = next() < 0.5 ? 1 : 0.5;
          worker.open.push(cost);
          worker.tally.changeHeld(timeSeconds, cost, 1);
          worker.changes.push([timeSeconds, cost]);
        }
      }
      const endSeconds = timeSeconds + 1;
      for (const worker of workers) {
        const row = worker.tally.row(endSeconds);
        const expected = referenceUtilization(worker.changes, worker.capacity, endSeconds);
        expect(Object.is(row.utilization, expected), `seed ${seed}, ${row.workerId}`).toBe(true);
        expect(row.jobsHandled).toBe(worker.jobs);
        expect(row.offersReceived).toBe(0);
      }
    }
  });
});
