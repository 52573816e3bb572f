/**
 * The words the charts share: durations, percentages, the interval's name and the band and
 * warm-up notes, the same on every machine (no locale, never "-0").
 */
import { describe, expect, it } from "vitest";
import {
  bandCaption,
  bandNote,
  durationText,
  fixed,
  intervalNoun,
  percentText,
  SUBTITLE_LINE_CHARACTERS,
  warmupNotes,
  wrapLine,
} from "../../../src/report/charts/wording.ts";
import { runOf, TWO_QUEUES } from "./fixtures.ts";

describe("wording", () => {
  it("prints fixed decimals and never -0", () => {
    expect(fixed(82.345, 1)).toBe("82.3");
    expect(fixed(-0.00001, 1)).toBe("0.0");
    expect(fixed(-0.4, 0)).toBe("0");
    expect(fixed(-1.25, 1)).toBe("-1.3");
  });

  it.each([
    [20, "20 s"],
    [2.5, "2.5 s"],
    [60, "1 min"],
    [90, "1 min 30 s"],
    [3600, "1 h"],
    [7200, "2 h"],
  ])("says %d seconds as %s", (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
  });

  it("prints percentages with at most one decimal", () => {
    expect(percentText(0.8)).toBe("80%");
    expect(percentText(0.825)).toBe("82.5%");
    expect(percentText(0.9)).toBe("90%");
  });

  it.each([
    [3600, "hour"],
    [1800, "half hour"],
    [900, "quarter hour"],
    [600, "10-minute interval"],
    [45, "45 s interval"],
  ])("names an interval of %d seconds a %s", (seconds, noun) => {
    expect(intervalNoun(seconds)).toBe(noun);
  });

  it("says over how many replications the band is, or that there is none", () => {
    expect(bandNote(10)).toBe("Band: 95% confidence interval over 10 replications.");
    expect(bandNote(1)).toBe("One replication, so no confidence band.");
    expect(bandCaption(2, "bands")).toBe(
      "the shaded bands are the 95% confidence interval over 2 replications",
    );
  });

  it("notes the warm-up only when there is one, ending at the horizon at the latest", () => {
    const run = runOf(TWO_QUEUES);
    expect(warmupNotes(run)).toEqual([]);
    expect(warmupNotes({ ...run, warmupSeconds: 5400 })[0]).toContain("warm-up until 09:30");
    expect(warmupNotes({ ...run, warmupSeconds: 10 * 3600 })[0]).toContain("until 11:00");
  });

  it("wraps long subtitle lines at spaces, keeping every word", () => {
    expect(wrapLine("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrapLine("short", 9)).toEqual(["short"]);
    expect(wrapLine("unbreakable-word here", 9)).toEqual(["unbreakable-word", "here"]);
    const long = "word ".repeat(60).trim();
    const lines = wrapLine(long);
    expect(lines.join(" ")).toBe(long);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(SUBTITLE_LINE_CHARACTERS);
  });
});
