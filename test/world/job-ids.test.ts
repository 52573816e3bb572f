/**
 * Job ids: the formatter's table-and-prefix shortcut gives exactly `<prefix><number>`, across
 * the thousands it switches at and far beyond.
 */
import { describe, expect, it } from "vitest";
import { JobIdFormatter } from "../../src/world/job-ids.ts";

describe("JobIdFormatter", () => {
  it("formats every number from 1 to 120,000 in order as prefix + number", () => {
    const formatter = new JobIdFormatter("call-");
    const wrong: string[] = [];
    for (let number = 1; number <= 120_000; number++) {
      const id = formatter.format(number);
      if (id !== `call-${number}`) wrong.push(`${number}: ${id}`);
    }
    expect(wrong).toEqual([]);
  });

  it("formats large numbers, zeros inside them, and numbers out of order", () => {
    const formatter = new JobIdFormatter("s-");
    for (const number of [0, 7, 999, 1000, 1001, 10_000_000, 123_456_789_012, 1005, 2_000_999]) {
      expect(formatter.format(number)).toBe(`s-${number}`);
    }
  });
});
