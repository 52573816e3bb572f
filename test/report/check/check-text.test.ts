import { describe, expect, it } from "vitest";
import { renderCheckText } from "../../../src/report/check/index.ts";
import { ALL_IDENTICAL, contextFor, HOSTILE, MIXED, UNPAIRED, WIDE } from "./fixtures.ts";

/** The table rows (lines naming a metric) of a text report. */
function rowOf(text: string, scope: string, metric: string): string {
  const row = text.split("\n").find((line) => line.includes(` ${scope} `) && line.includes(metric));
  if (row === undefined) throw new Error(`no row for ${scope} ${metric} in\n${text}`);
  return row;
}

describe("renderCheckText", () => {
  const mixed = renderCheckText(MIXED, contextFor(MIXED));

  it("states the scenario, the baseline, the pairing and the family-wise level", () => {
    const [first, second, third] = mixed.split("\n");
    expect(first).toBe("check quickstart against baselines/quickstart.json");
    expect(second).toBe("paired by replication");
    expect(third).toBe("95% family-wise over 222 metrics (Bonferroni: each at 99.977%)");
    const unpaired = renderCheckText(UNPAIRED, contextFor(UNPAIRED)).split("\n");
    expect(unpaired[1]).toBe(
      "not paired (the baseline has no per-replication values): intervals from means and half-widths",
    );
    expect(unpaired[2]).toBe("95% family-wise over 111 metrics (Bonferroni: each at 99.955%)");
  });

  it("hides identical checks unless verbose", () => {
    expect(mixed).not.toContain("arrived");
    expect(mixed).not.toContain("waitP50");
    expect(mixed).not.toContain("identical  ");
    const verbose = renderCheckText(MIXED, contextFor(MIXED, { verbose: true }));
    expect(rowOf(verbose, "overall", "arrived")).toMatch(
      /118\.3 ± 4\.2\s+118\.3 ± 4\.2\s.*identical$/,
    );
    expect(rowOf(verbose, "queue:sales", "abandonWaitMean")).toMatch(
      /-\s+-\s+-\s+2 s\s+identical$/,
    );
  });

  it("marks failing rows ✗, inconclusive ones ? with what would settle them, passing ones not", () => {
    for (const metric of ["serviceLevel", "waitMean", "abandonWaitMean"]) {
      expect(rowOf(mixed, "arrival:web-chat", metric).startsWith("✗ ")).toBe(true);
    }
    expect(rowOf(mixed, "overall", "serviceLevel").startsWith("✗ ")).toBe(true);
    expect(rowOf(mixed, "queue:sales", "waitP90").startsWith("✗ ")).toBe(true);
    expect(rowOf(mixed, "queue:sales", "offersIssued").startsWith("✗ ")).toBe(true);
    expect(rowOf(mixed, "overall", "waitMean").startsWith("   overall")).toBe(true);
    expect(rowOf(mixed, "overall", "utilization").startsWith("   overall")).toBe(true);
    const lines = mixed.split("\n");
    const inconclusive = lines.findIndex((line) => line.includes("abandonmentRate"));
    expect(lines[inconclusive]?.startsWith("? ")).toBe(true);
    expect(lines[inconclusive + 1]?.trim()).toBe("about 80 replications would settle it");
    expect(renderCheckText(UNPAIRED, contextFor(UNPAIRED))).toContain(
      "more replications would settle it",
    );
  });

  it("writes shares as percentages with point changes, seconds with units, counts bare", () => {
    expect(rowOf(mixed, "overall", "serviceLevel")).toMatch(
      /80\.1 ± 1\.2%\s+77\.9 ± 1\.1%\s+-2\.2 ± 0\.52 pp\s+1 pp\s+worse$/,
    );
    expect(rowOf(mixed, "overall", "waitMean")).toMatch(
      /12\.3 ± 0\.84 s\s+12\.5 ± 0\.79 s\s+\+0\.15 ± 0\.41 s\s+2 s\s+unchanged$/,
    );
    expect(rowOf(mixed, "queue:sales", "offersIssued")).toMatch(
      /512\.4 ± 9\.7\s+530\.1 ± 10\.2\s+\+17\.7 ± 3\.2\s+10\.2\s+changed$/,
    );
    // A side that lacks the metric, or whose mean is undefined, prints "-", and so does the change.
    expect(rowOf(mixed, "arrival:web-chat", "serviceLevel")).toMatch(
      /91\.2 ± 2%\s+-\s+-\s+1 pp\s+missing$/,
    );
    expect(rowOf(mixed, "arrival:web-chat", "abandonWaitMean")).toMatch(
      /-\s+14\.2 ± 3\.1 s\s+-\s+2 s\s+missing$/,
    );
  });

  it("shows small changes with two significant digits instead of rounding them to 0", () => {
    const unpaired = renderCheckText(UNPAIRED, contextFor(UNPAIRED));
    expect(rowOf(unpaired, "queue:support", "serviceLevelOfAnswered")).toMatch(
      /90 ± 0\.04%\s+90\.1 ± 0\.03%\s+\+0\.07 ± 0\.05 pp/,
    );
  });

  it("closes with the counts per verdict and the outcome", () => {
    expect(mixed.endsWith("\n")).toBe(true);
    const closing = mixed.trimEnd().split("\n").slice(-2).join(" ");
    expect(closing).toBe(
      "check quickstart: 3 identical, 1 unchanged, 1 within tolerance, 1 inconclusive, 1 better, 1 worse, 1 changed, 3 missing — FAILED",
    );
    expect(renderCheckText(UNPAIRED, contextFor(UNPAIRED)).trimEnd().split("\n").at(-1)).toBe(
      "check quickstart: 1 identical, 1 within tolerance, 1 inconclusive — passed",
    );
  });

  it("says in one line that everything is identical, and lists it all when verbose", () => {
    expect(renderCheckText(ALL_IDENTICAL, contextFor(ALL_IDENTICAL))).toBe(
      "check quickstart: all 3 metrics identical to baselines/quickstart.json — passed\n",
    );
    const verbose = renderCheckText(ALL_IDENTICAL, contextFor(ALL_IDENTICAL, { verbose: true }));
    expect(verbose.split("\n").filter((line) => line.endsWith("identical"))).toHaveLength(3);
  });

  it("fits 120 columns, turning scopes into headings when a scope column would not fit", () => {
    for (const fixture of [MIXED, UNPAIRED, WIDE, HOSTILE]) {
      for (const verbose of [false, true]) {
        const text = renderCheckText(fixture, contextFor(fixture, { verbose }));
        for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(120);
      }
    }
    expect(mixed.split("\n")[4]).toMatch(
      /^ +scope +metric +baseline +run +change +allowed +verdict$/,
    );
    const wide = renderCheckText(WIDE, contextFor(WIDE)).split("\n");
    expect(wide[4]).toMatch(/^ +metric +baseline +run +change +allowed +verdict$/);
    expect(wide.slice(5)).toEqual(
      expect.arrayContaining(["queue:technical-en", "arrival:english-senior"]),
    );
    expect(wide.filter((line) => line === "queue:technical-en")).toHaveLength(1);
    const worse = wide.find((line) => line.includes("worse")) ?? "";
    expect(worse.startsWith("✗  serviceLevelExcludingShortAbandons")).toBe(true);
  });

  it("matches its snapshots", () => {
    expect(mixed).toMatchSnapshot();
    expect(renderCheckText(UNPAIRED, contextFor(UNPAIRED))).toMatchSnapshot();
    expect(renderCheckText(WIDE, contextFor(WIDE))).toMatchSnapshot();
  });
});
