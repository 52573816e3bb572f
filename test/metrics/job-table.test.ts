/** JobTable and HoldTable: the collector's jobs by id and the capacity they hold, in recycled slots. */
import { describe, expect, it } from "vitest";
import { HoldTable, NO_HOLD } from "../../src/metrics/hold-table.ts";
import { JobTable } from "../../src/metrics/job-table.ts";
import { MeasurementWindow } from "../../src/metrics/time-weighted-level.ts";
import { WorkerTally } from "../../src/metrics/worker-tally.ts";

describe("JobTable", () => {
  it("adds, replaces and deletes by id, a fresh record each time", () => {
    const table = new JobTable();
    const first = table.add("call-1", 1, true, 0, 0);
    const second = table.add("call-2", 2, false, 0, -1);
    expect(table.slotOf("call-1")).toBe(first);
    expect(table.slotOf("call-2")).toBe(second);
    expect(second).not.toBe(first);
    expect(table.size).toBe(2);
    table.queued[first] = 1;
    table.assignmentHold[first] = 7;
    expect(table.add("call-1", 3, true, 0, 0)).toBe(first);
    expect(table.arrivalSeconds[first]).toBe(3);
    expect(table.queued[first]).toBe(0);
    expect(table.assignmentHold[first]).toBe(NO_HOLD);
    expect(table.waitStartSeconds(first)).toBe(3);
    table.firstEnqueueSeconds[first] = 4;
    expect(table.waitStartSeconds(first)).toBe(4);
    expect(table.size).toBe(2);
    expect(table.delete("call-1")).toBe(first);
    expect(table.delete("call-1")).toBe(-1);
    expect(table.slotOf("call-1")).toBe(-1);
    expect([...table.slots()]).toEqual([second]);
  });

  it("holds only the jobs in the system while many pass through, reusing slots", () => {
    const table = new JobTable();
    for (let n = 0; n < 100_000; n++) {
      table.add(`call-${n}`, n, true, 0, 0);
      if (n >= 50) table.delete(`call-${n - 50}`);
    }
    expect(table.size).toBe(50);
    const slots = [...table.slots()];
    expect(Math.max(...slots)).toBeLessThan(51);
    const arrivals = slots
      .map((slot) => table.arrivalSeconds[slot] as number)
      .sort((a, b) => a - b);
    expect(arrivals).toEqual(Array.from({ length: 50 }, (_, i) => 99_950 + i));
  });
});

describe("HoldTable", () => {
  const worker = new WorkerTally("agent-1", "agent", new MeasurementWindow(0, 100, 10));

  it("unlinks an offer from the middle, the head or the tail of a job's list", () => {
    const holds = new HoldTable();
    let newest = NO_HOLD;
    const slots = ["o1", "o2", "o3", "o4"].map((offerId) => {
      const slot = holds.add(offerId, worker, 0, 1);
      holds.next[slot] = newest;
      newest = slot;
      return slot;
    });
    const listed = (head: number) => {
      const ids: string[] = [];
      for (let slot = head; slot !== NO_HOLD; slot = holds.next[slot] as number)
        ids.push(holds.offerId[slot] as string);
      return ids;
    };
    expect(listed(newest)).toEqual(["o4", "o3", "o2", "o1"]);
    newest = holds.unlink(newest, "o2");
    expect(holds.taken).toBe(slots[1]);
    expect(listed(newest)).toEqual(["o4", "o3", "o1"]);
    newest = holds.unlink(newest, "o4");
    expect(holds.taken).toBe(slots[3]);
    expect(listed(newest)).toEqual(["o3", "o1"]);
    newest = holds.unlink(newest, "o1");
    expect(listed(newest)).toEqual(["o3"]);
    newest = holds.unlink(newest, "absent");
    expect(holds.taken).toBe(NO_HOLD);
    expect(listed(newest)).toEqual(["o3"]);
  });

  it("reuses released slots and grows past its first columns", () => {
    const holds = new HoldTable();
    const first = Array.from({ length: 200 }, (_, n) => holds.add(`o${n}`, worker, n, 2));
    expect(new Set(first).size).toBe(200);
    expect(holds.queueIndex[first[199] as number]).toBe(199);
    holds.release(first[5] as number);
    expect(holds.add("again", worker, -1, 1)).toBe(first[5]);
    expect(holds.offerId[first[5] as number]).toBe("again");
    expect(holds.queueIndex[first[5] as number]).toBe(-1);
  });
});
