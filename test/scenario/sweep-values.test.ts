/**
 * `ccsim sweep`'s --set values: lists (commas inside flow collections and quotes kept), integer
 * and decimal ranges with exact decimal steps, the grid of two fields, and every malformed text
 * as a one-line UsageError that quotes it.
 */
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import {
  MAX_SWEEP_POINTS,
  MAX_SWEEP_VALUES,
  parseSweepSet,
  sweepGridOf,
} from "../../src/scenario/sweep-values.ts";

const valuesOf = (text: string) => parseSweepSet(text).values;
const labelsOf = (text: string) => parseSweepSet(text).labels;

/** The UsageError message of `run`, failing the test when it throws anything else or nothing. */
function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a UsageError");
}

describe("a list of values", () => {
  it("parses each item as YAML, in the order given", () => {
    const set = parseSweepSet("arrivals[call].arrival.ratePerHour=2000, 2500,3000");
    expect(set.path).toEqual(["arrivals", { id: "call" }, "arrival", "ratePerHour"]);
    expect(set.name).toBe("arrivals[call].arrival.ratePerHour");
    expect(set.values).toEqual([2000, 2500, 3000]);
    expect(set.labels).toEqual(["2000", "2500", "3000"]);
    expect(valuesOf("horizon=1h,90m")).toEqual(["1h", "90m"]);
    expect(valuesOf("workers[0].count=3,4")).toEqual([3, 4]);
  });

  it("keeps commas inside brackets, braces and quotes within one value", () => {
    expect(valuesOf("workers[agent].queues=[a, b],[c]")).toEqual([["a", "b"], ["c"]]);
    expect(valuesOf("distributionPolicies[0].mode={kind: roundRobin},{kind: longestIdle}")).toEqual(
      [{ kind: "roundRobin" }, { kind: "longestIdle" }],
    );
    expect(valuesOf("name=\"a,b\",'c,d'")).toEqual(["a,b", "c,d"]);
    expect(labelsOf("distributionPolicies[0].mode={kind: roundRobin},{kind: longestIdle}")).toEqual(
      ["{ kind: roundRobin }", "{ kind: longestIdle }"],
    );
  });

  it("takes one value as one value: a field fixed for every point", () => {
    expect(valuesOf("horizon=2h")).toEqual(["2h"]);
    expect(valuesOf("seed=7")).toEqual([7]);
  });

  it("ends the path at the first = outside brackets, as overrides do", () => {
    const set = parseSweepSet('workers["a=b"].count=1,2');
    expect(set.path).toEqual(["workers", { id: "a=b" }, "count"]);
    expect(set.values).toEqual([1, 2]);
    expect(parseSweepSet("workers[x=y].count=3,4").path).toEqual([
      "workers",
      { id: "x=y" },
      "count",
    ]);
  });
});

describe("a range", () => {
  it("counts whole numbers from start to end, both included, by 1 or by a step", () => {
    expect(valuesOf("workers[agents].count=40..45")).toEqual([40, 41, 42, 43, 44, 45]);
    expect(valuesOf("workers[agents].count=40..60..5")).toEqual([40, 45, 50, 55, 60]);
    expect(valuesOf("workers[agents].count=-2..2..2")).toEqual([-2, 0, 2]);
    expect(valuesOf("workers[agents].count=7..7")).toEqual([7]);
  });

  it("stops at the last step that does not pass the end", () => {
    expect(valuesOf("workers[agents].count=40..60..7")).toEqual([40, 47, 54]);
  });

  it("steps decimals exactly, with no binary rounding in the values or their labels", () => {
    const set = parseSweepSet("x=0.5..0.9..0.1");
    expect(set.values).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(set.labels).toEqual(["0.5", "0.6", "0.7", "0.8", "0.9"]);
    expect(labelsOf("x=0.1..0.3..0.1")).toEqual(["0.1", "0.2", "0.3"]);
    expect(labelsOf("x=1..2..0.25")).toEqual(["1", "1.25", "1.5", "1.75", "2"]);
    expect(labelsOf("x=-0.3..0.3..0.15")).toEqual(["-0.3", "-0.15", "0", "0.15", "0.3"]);
    expect(labelsOf("x=0.70..0.80..0.05")).toEqual(["0.7", "0.75", "0.8"]);
  });
});

describe("malformed values", () => {
  it.each([
    ["x=0.5..0.9", "a range of decimals needs a step"],
    ["x=60..40", "the range goes down: write it from 40 to 60"],
    ["x=1..5..0", "the step must be more than 0"],
    ["x=1,,2", "an empty value in the list"],
    ["x=1,2,", "an empty value in the list"],
    ["x=45,46,45", "the value 45 is given twice"],
    ["x=1..1000", `1000 values, more than the ${MAX_SWEEP_VALUES} a field can take`],
    ["x=0.0000000001..1..0.0000000001", "at most 9 decimals"],
  ])("%s: %s", (text, detail) => {
    const message = usageMessage(() => parseSweepSet(text));
    expect(message).toContain(`--set ${JSON.stringify(text)}: `);
    expect(message).toContain(detail);
    expect(message).toContain("e.g. workers[agents].count=40..60..5");
    expect(message).not.toContain("\n");
  });

  it("reports a bad path or an item that is not YAML as overrides do, quoting the text", () => {
    expect(usageMessage(() => parseSweepSet("workers[agents.count=1,2"))).toContain(
      '--set "workers[agents.count=1,2"',
    );
    expect(usageMessage(() => parseSweepSet("=1,2"))).toContain("expected <path>=<value>");
    expect(usageMessage(() => parseSweepSet("count="))).toContain('the value after "=" is empty');
    expect(usageMessage(() => parseSweepSet("name=ok,[draft"))).toContain(
      "the value is not valid YAML",
    );
  });
});

describe("the grid", () => {
  const count = parseSweepSet("workers[agents].count=45..47");
  const rate = parseSweepSet("arrivals[call].arrival.ratePerHour=2000,2500");

  it("is one point per value of one field", () => {
    expect(sweepGridOf([count])).toEqual([
      { indices: [0], name: "workers[agents].count=45" },
      { indices: [1], name: "workers[agents].count=46" },
      { indices: [2], name: "workers[agents].count=47" },
    ]);
  });

  it("is the product of two fields, the first outermost", () => {
    const grid = sweepGridOf([count, rate]);
    expect(grid.map((point) => point.indices)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
    expect(grid[1]?.name).toBe("workers[agents].count=45, arrivals[call].arrival.ratePerHour=2500");
  });

  it("refuses no field, three fields, one field twice and too many points", () => {
    expect(usageMessage(() => sweepGridOf([]))).toContain(
      "sweep needs a --set with several values",
    );
    expect(usageMessage(() => sweepGridOf([count, rate, count]))).toContain(
      "sweep varies at most 2 fields, got 3",
    );
    expect(
      usageMessage(() => sweepGridOf([count, parseSweepSet("workers[agents].count=1,2")])),
    ).toContain("workers[agents].count is swept twice");
    const wide = parseSweepSet("x=1..100");
    const message = usageMessage(() => sweepGridOf([wide, parseSweepSet("y=1..3")]));
    expect(message).toContain(`300 points, more than the ${MAX_SWEEP_POINTS} a sweep runs`);
  });
});
