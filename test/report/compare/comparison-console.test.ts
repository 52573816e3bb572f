/**
 * The console table of `ccsim compare` for hand-built comparisons: the header (scenario,
 * replications, seed, variants, adjustment in words), one block per judged scope with each
 * judged metric's estimates side by side in its unit and a Δ line per other variant with the
 * difference, its interval and the verdict in words; 3 variants fit 100 columns.
 */
import { describe, expect, it } from "vitest";
import type { DifferenceRow } from "../../../src/comparison/index.ts";
import { adjustmentWords, renderComparisonConsole } from "../../../src/report/compare/index.ts";
import {
  ALL_IDENTICAL,
  NO_PAIRS,
  ONE_REPLICATION,
  RUN,
  THREE_MODES,
  TWO_SCOPES,
} from "./fixtures.ts";

const text = renderComparisonConsole(RUN, THREE_MODES);
const lines = text.split("\n");

/** The row of `metric` in the table and the Δ lines under it. */
function blockOf(table: string, metric: string): string[] {
  const all = table.split("\n");
  const start = all.findIndex((line) => line.startsWith(`${metric} `));
  expect(start, metric).toBeGreaterThan(0);
  const end = all.findIndex((line, index) => index > start && !line.startsWith("  Δ "));
  return all.slice(start, end);
}

function differenceOf(variant: string, metric: string): DifferenceRow {
  const row = THREE_MODES.differences.find(
    (one) => one.variant === variant && one.metric === metric,
  );
  if (row === undefined) throw new Error(`no ${variant} ${metric}`);
  return row;
}

describe("the compare console table", () => {
  it("opens with the scenario, variants, replications, seed and the adjustment in words", () => {
    expect(lines[0]).toBe(
      "multi-skill: 3 variants on common random numbers, 10 replications, seed 7",
    );
    expect(lines.slice(1, 4)).toEqual([
      "  longestIdle (baseline): every policy's mode.kind set to longestIdle",
      "  roundRobin: every policy's mode.kind set to roundRobin",
      "  bestWorker: every policy's mode.kind set to bestWorker",
    ]);
    // 12 differences judged together at 95%: each at 1 − 0.05/12 = 99.5833…%.
    expect(text).toContain(
      "Intervals on Δ: 95% family-wise over 12 differences, Bonferroni: each interval at 99.58%.",
    );
  });

  it("fits 100 columns for three variants", () => {
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it("shows each judged metric's estimates side by side, shares as percentages, seconds with units", () => {
    const heading = /^overall\s+longestIdle\s+roundRobin\s+bestWorker$/;
    expect(lines.filter((line) => heading.test(line))).toHaveLength(1);
    const [serviceLevel] = blockOf(text, "serviceLevel");
    const means = THREE_MODES.variants.map(
      (variant) => variant.estimates.get("overall")?.get("serviceLevel")?.mean ?? Number.NaN,
    );
    expect(
      serviceLevel
        ?.split(/\s{2,}/)
        .slice(1)
        .map((cell) => cell.split(" ± ")[0]),
    ).toEqual(means.map((mean) => `${(mean * 100).toFixed(1)}%`));
    const [waitMean] = blockOf(text, "waitMean");
    expect(waitMean).toMatch(/^waitMean\s+\d+\.\d s ± \d+\.\d s\s+/);
  });

  it("gives each other variant's difference with its interval and the verdict in words", () => {
    const worse = differenceOf("bestWorker", "serviceLevel");
    const [, , bestWorker] = blockOf(text, "serviceLevel");
    const mean = (worse.difference.meanDifference * 100).toFixed(2);
    const half = ((worse.difference.halfWidth ?? Number.NaN) * 100).toFixed(2);
    expect(bestWorker).toMatch(new RegExp(`^  Δ bestWorker\\s+${mean} ± ${half} pp\\s+worse$`));
  });

  it("says what a run could have detected when it detects no difference", () => {
    const none = differenceOf("roundRobin", "serviceLevel");
    expect(none.verdict).toBe("no detectable difference");
    const [, roundRobin] = blockOf(text, "serviceLevel");
    const detectable = ((none.difference.smallestDetectable ?? Number.NaN) * 100).toFixed(2);
    expect(roundRobin).toMatch(
      new RegExp(
        `^  Δ roundRobin\\s+\\+\\S+ ± \\S+ pp\\s+no detectable difference \\(could detect ±${detectable} pp\\)$`,
      ),
    );
  });

  it("reads identical, changed and better where they apply, and counts replications left out", () => {
    expect(blockOf(text, "abandonmentRate")[1]).toMatch(/^ {2}Δ roundRobin\s+0 pp\s+identical$/);
    expect(blockOf(text, "utilization")[1]).toMatch(/\s+changed$/);
    expect(blockOf(text, "utilizationSpread")[1]).toMatch(
      /^ {2}Δ roundRobin\s+-\S+ ± \S+ pp\s+better$/,
    );
    expect(blockOf(text, "jobsHandledSpread")[1]).toMatch(
      /^ {2}Δ roundRobin\s+-\d+\.\d+ ± \d+\.\d+\s+better$/,
    );
    expect(blockOf(text, "waitMean")[2]).toMatch(
      /^ {2}Δ bestWorker\s+\+\S+ ± \S+ s\s+worse; 1 of 10 replications left out \(undefined\)$/,
    );
  });

  it("shows only the judged metrics", () => {
    expect(text).not.toMatch(/^arrived /m);
    expect(text).not.toMatch(/^queueLengthMean /m);
  });

  it("reads identical for every difference of a variant run twice", () => {
    const identical = renderComparisonConsole(RUN, ALL_IDENTICAL);
    const deltas = identical.split("\n").filter((line) => line.startsWith("  Δ "));
    expect(deltas).toHaveLength(ALL_IDENTICAL.differences.length);
    for (const line of deltas) expect(line).toMatch(/\s0( pp| s)?\s+identical$/);
  });

  it("gives a block per judged scope, shortens long names in columns and lists them whole", () => {
    const table = renderComparisonConsole(RUN, TWO_SCOPES);
    const all = table.split("\n");
    expect(all).toContain("  offerExpiresAfter=60s: offerExpiresAfter set to 60");
    const headings = all.filter((line) => /^(overall|queue:sales)\s/.test(line));
    expect(headings).toHaveLength(2);
    for (const heading of headings)
      expect(heading).toMatch(/offerExpi…fter=30s\s+offerExpi…fter=60s$/);
    // The columns line up from one block to the next.
    expect(headings[0]?.indexOf("offerExpi…fter=60s")).toBe(
      headings[1]?.indexOf("offerExpi…fter=60s"),
    );
  });

  it("explains differences without pairs and with one replication", () => {
    const noPairs = renderComparisonConsole(RUN, NO_PAIRS);
    expect(noPairs).toMatch(
      /^ {2}Δ after\s+0 s\s+identical \(undefined in every replication of both\)$/m,
    );
    expect(noPairs).toMatch(
      /^ {2}Δ after\s+-\s+no detectable difference \(no replication where both are defined\)$/m,
    );
    const single = renderComparisonConsole(RUN, ONE_REPLICATION);
    expect(single).toContain("1 replication, seed 7");
    expect(single).toMatch(/^serviceLevel\s+80\.0%\s+78\.0%$/m);
    expect(single).toMatch(
      /^ {2}Δ roundRobin\s+-2\.0 pp\s+no detectable difference \(one pair: too few to tell\)$/m,
    );
  });
});

describe("adjustmentWords", () => {
  it("names the family, the count, the method and each interval's confidence", () => {
    expect(
      adjustmentWords({ ...THREE_MODES, comparisons: 16, adjustedConfidence: 1 - 0.05 / 16 }),
    ).toBe("95% family-wise over 16 differences, Bonferroni: each interval at 99.69%");
    expect(adjustmentWords({ ...THREE_MODES, comparisons: 1, adjustedConfidence: 0.95 })).toBe(
      "95% over one difference (no adjustment)",
    );
  });
});
