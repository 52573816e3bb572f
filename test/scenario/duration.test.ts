import { describe, expect, it } from "vitest";
import { isDurationString, parseDurationSeconds } from "../../src/scenario/duration.ts";

describe("parseDurationSeconds", () => {
  it.each([
    [0, 0],
    [90, 90],
    [2.5, 2.5],
    ["90s", 90],
    ["250ms", 0.25],
    ["2.5m", 150],
    ["3min", 180],
    ["8h", 28800],
    ["1d", 86400],
    [".5h", 1800],
    ["0.1h", 360],
  ])("reads %j as %d seconds", (input, seconds) => {
    expect(parseDurationSeconds(input)).toBe(seconds);
  });

  it.each([["10 parsecs"], ["10 s"], ["-5s"], ["5"], ["s"], ["1.s"], ["5sec"], ["1e3s"], [""]])(
    "rejects the string %j",
    (input) => {
      expect(parseDurationSeconds(input)).toBeUndefined();
      expect(isDurationString(input)).toBe(false);
    },
  );

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])("rejects the number %d", (input) => {
    expect(parseDurationSeconds(input)).toBeUndefined();
  });

  it("treats m and min alike", () => {
    expect(parseDurationSeconds("7m")).toBe(parseDurationSeconds("7min"));
  });
});
