/**
 * The `staffing` field of a worker group: one count per report interval, located problems when
 * the vector's length, the group's count or shifts beside it disagree, and the group's size
 * (`count`) taken from the vector's maximum.
 */
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/index.ts";
import { issueLines, minimalScenario } from "./helpers.ts";

/** The minimal scenario (1 h, intervals of 15 min) with `lines` added to its worker group. */
function withWorkerLines(lines: string): string {
  return minimalScenario().replace("    queues: [queue-1]\n", `    queues: [queue-1]\n${lines}`);
}

describe("staffing", () => {
  it("accepts one count per interval and sizes the group by its maximum", () => {
    const text = withWorkerLines("    staffing: [2, 5, 0, 3]\n");
    expect(issueLines(text)).toEqual([]);
    const group = parseScenario(text, "test.yaml").workers[0];
    expect(group?.count).toBe(5);
    expect(group?.staffing).toEqual([2, 5, 0, 3]);
  });

  it("accepts a count equal to the vector's maximum", () => {
    expect(issueLines(withWorkerLines("    count: 5\n    staffing: [2, 5, 0, 3]\n"))).toEqual([]);
  });

  it.each([
    [
      "a vector shorter than the horizon's intervals",
      withWorkerLines("    staffing: [2, 5]\n"),
      "workers[0].staffing: the staffing vector has 2 count(s) but the horizon (3600s) holds 4 report interval(s) of 900s",
    ],
    [
      "a count that differs from the maximum",
      withWorkerLines("    count: 4\n    staffing: [2, 5, 0, 3]\n"),
      "workers[0].count: count 4 differs from the most the staffing vector puts on duty (5)",
    ],
    [
      "shifts beside the vector",
      withWorkerLines("    staffing: [1, 1, 1, 1]\n    shifts: [{ start: 0, end: 1h }]\n"),
      "workers[0].staffing: a group has either shifts or a staffing vector, not both",
    ],
    [
      "nobody ever on duty",
      withWorkerLines("    staffing: [0, 0, 0, 0]\n"),
      "workers[0].staffing: the staffing vector never puts anyone on duty",
    ],
    [
      "a negative count",
      withWorkerLines("    staffing: [1, -1, 1, 1]\n"),
      "workers[0].staffing[1]:",
    ],
    [
      "a fractional count",
      withWorkerLines("    staffing: [1, 1.5, 1, 1]\n"),
      "workers[0].staffing[1]:",
    ],
  ])("reports %s where it is", (_name, text, expected) => {
    const lines = issueLines(text);
    expect(
      lines.some((line) => line.includes(expected)),
      lines.join("\n"),
    ).toBe(true);
  });

  it("counts the vector's maximum against the worker limit", () => {
    const lines = issueLines(withWorkerLines("    staffing: [1, 100001, 1, 1]\n"));
    expect(lines.some((line) => line.includes("is more workers than ccsim can simulate"))).toBe(
      true,
    );
  });
});
