/** JobTable and HoldTable: the collector's jobs by router job slot and the capacity they hold, in recycled slots. */
import { describe, expect, it } from "vitest";
import { HoldTable, NO_HOLD } from "../../src/metrics/hold-table.ts";
import { JobTable } from "../../src/metrics/job-table.ts";
import { MeasurementWindow } from "../../src/metrics/time-weighted-level.ts";
import { WorkerTally } from "../../src/metrics/worker-tally.ts";

describe("JobTable", () => {
  it("adds, replaces and deletes by the router's job slot, a fresh record each time", () => {
    const table = new JobTable();
    table.add(3, 1, true, 0, 0);
    table.add(0, 2, false, 0, -1);
    expect(table.has(3)).toBe(true);
    expect(table.has(0)).toBe(true);
    expect(table.has(1)).toBe(false);
    expect(table.has(1_000)).toBe(false);
    expect(table.size).toBe(2);
    table.queued[3] = 1;
    table.assignmentHold[3] = 7;
    table.add(3, 3, true, 0, 0);
    expect(table.arrivalSeconds[3]).toBe(3);
    expect(table.queued[3]).toBe(0);
    expect(table.assignmentHold[3]).toBe(NO_HOLD);
    expect(table.waitStartSeconds(3)).toBe(3);
    table.firstEnqueueSeconds[3] = 4;
    expect(table.waitStartSeconds(3)).toBe(4);
    expect(table.size).toBe(2);
    table.delete(3);
    table.delete(3);
    expect(table.has(3)).toBe(false);
    expect(table.size).toBe(1);
    expect([...table.slots()]).toEqual([0]);
  });

  it("grows to any slot the router gives and keeps what it holds", () => {
    const table = new JobTable();
    table.add(5, 5, true, 0, 0);
    table.add(100_000, 7, true, 0, 0);
    expect(table.arrivalSeconds[5]).toBe(5);
    expect(table.arrivalSeconds[100_000]).toBe(7);
    expect([...table.slots()]).toEqual([5, 100_000]);
    for (let n = 0; n < 100_000; n++) {
      table.add(n % 50, n, true, 0, 0);
      if (n % 50 === 49) for (let slot = 0; slot < 50; slot++) table.delete(slot);
    }
    expect(table.size).toBe(1);
  });
});

describe("HoldTable", () => {
  const worker = new WorkerTally("agent-1", "agent", new MeasurementWindow(0, 100, 10));

  it("unlinks an offer from the middle, the head or the tail of a job's list", () => {
    const holds = new HoldTable();
    let newest = NO_HOLD;
    const slots = [1, 2, 3, 4].map((offer) => {
      const slot = holds.add(offer, worker, 0, 1);
      holds.next[slot] = newest;
      newest = slot;
      return slot;
    });
    const listed = (head: number) => {
      const offers: number[] = [];
      for (let slot = head; slot !== NO_HOLD; slot = holds.next[slot] as number)
        offers.push(holds.offer[slot] as number);
      return offers;
    };
    expect(listed(newest)).toEqual([4, 3, 2, 1]);
    newest = holds.unlink(newest, 2);
    expect(holds.taken).toBe(slots[1]);
    expect(listed(newest)).toEqual([4, 3, 1]);
    newest = holds.unlink(newest, 4);
    expect(holds.taken).toBe(slots[3]);
    expect(listed(newest)).toEqual([3, 1]);
    newest = holds.unlink(newest, 1);
    expect(listed(newest)).toEqual([3]);
    newest = holds.unlink(newest, 99);
    expect(holds.taken).toBe(NO_HOLD);
    expect(listed(newest)).toEqual([3]);
  });

  it("reuses released slots and grows past its first columns", () => {
    const holds = new HoldTable();
    const first = Array.from({ length: 200 }, (_, n) => holds.add(n + 1, worker, n, 2));
    expect(new Set(first).size).toBe(200);
    expect(holds.queueIndex[first[199] as number]).toBe(199);
    holds.release(first[5] as number);
    expect(holds.add(1_000, worker, -1, 1)).toBe(first[5]);
    expect(holds.offer[first[5] as number]).toBe(1_000);
    expect(holds.queueIndex[first[5] as number]).toBe(-1);
  });
});
