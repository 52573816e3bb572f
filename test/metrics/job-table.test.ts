/** JobTable: the collector's jobs by id, in recycled slots. */
import { describe, expect, it } from "vitest";
import { JobState } from "../../src/metrics/job-state.ts";
import { JobTable } from "../../src/metrics/job-table.ts";

const state = (arrivalSeconds: number) => new JobState(arrivalSeconds, true, 0, null);

describe("JobTable", () => {
  it("gets, replaces and deletes by id", () => {
    const table = new JobTable();
    const first = state(1);
    const second = state(2);
    table.set("call-1", first);
    table.set("call-2", second);
    expect(table.get("call-1")).toBe(first);
    expect(table.size).toBe(2);
    const replacement = state(3);
    table.set("call-1", replacement);
    expect(table.get("call-1")).toBe(replacement);
    expect(table.size).toBe(2);
    expect(table.delete("call-1")).toBe(true);
    expect(table.delete("call-1")).toBe(false);
    expect(table.get("call-1")).toBeUndefined();
    expect([...table.values()]).toEqual([second]);
  });

  it("holds only the jobs in the system while many pass through", () => {
    const table = new JobTable();
    for (let n = 0; n < 100_000; n++) {
      table.set(`call-${n}`, state(n));
      if (n >= 50) table.delete(`call-${n - 50}`);
    }
    expect(table.size).toBe(50);
    const arrivals = [...table.values()].map((job) => job.arrivalSeconds).sort((a, b) => a - b);
    expect(arrivals).toEqual(Array.from({ length: 50 }, (_, i) => 99_950 + i));
  });
});
