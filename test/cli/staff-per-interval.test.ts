/**
 * `ccsim staff --per-interval` as users run it, on a three-interval day: it starts from Erlang C's
 * count per interval, ends with a curve whose every interval meets the target (by the CSV's own
 * numbers), each count within a few agents of Erlang C's, and writes staffing-intervals.csv one
 * row per interval; a target intervals.csv cannot judge exits 2 with one line of problem.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../src/index.ts";
import { erlangCServersFor } from "../../src/theory/index.ts";
import { ccsimAsync, type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

/** Three intervals of 30 min at 120, 360 and 180 calls/h, exponential 3 min handle times. */
const DAY = "test/fixtures/staff/three-intervals.yaml";
const RATES_PER_HOUR = [120, 360, 180];
/** CLI processes share two cores with other suites: far above vitest's 10 s default. */
const TIMEOUT_MS = 240_000;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-staff-curve-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const staff = (...args: string[]) =>
  ccsimAsync("staff", DAY, "--group", "agent", "--workers", "1", "--no-progress", ...args);

describe("ccsim staff --per-interval on a three-interval day", () => {
  const out = join(scratch, "curve");
  let outcome: Outcome;
  beforeAll(async () => {
    outcome = await staff("--target", "serviceLevel>=0.8", "--per-interval", "--out", out);
  }, TIMEOUT_MS);

  it("finds a curve meeting the target in every interval, near Erlang C's", () => {
    expect(outcome.stderr).not.toMatch(STACK_LINE);
    expect(outcome.status, outcome.stderr).toBe(0);
    const lines = readFileSync(join(out, "staffing-intervals.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe(
      "intervalStartSeconds,intervalEndSeconds,count,erlang,metric,mean,halfWidth,meetsTarget,target,arrivalsPerHour",
    );
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ["0", "1800"],
      ["1800", "3600"],
      ["3600", "5400"],
    ]);
    rows.forEach((row, interval) => {
      const erlang = erlangCServersFor({
        arrivalRate: (RATES_PER_HOUR[interval] as number) / 3600,
        serviceRate: 1 / 180,
        serviceLevelThresholdSeconds: 20,
        target: 0.8,
      });
      expect(Number(row[3])).toBe(erlang);
      const count = Number(row[2]);
      expect(Math.abs(count - erlang)).toBeLessThanOrEqual(4);
      // Meets on its own numbers: the lower bound of the interval reaches 0.8.
      expect(Number(row[5]) - Number(row[6])).toBeGreaterThanOrEqual(0.8);
      expect(row[7]).toBe("true");
    });
    const total = rows.reduce((sum, row) => sum + Number(row[2]), 0);
    expect(outcome.stdout.split("\n")[0]).toContain(`with ${total} agent-intervals`);
    expect(outcome.stdout).toContain(`curve:  ${rows.map((row) => row[2]).join(" ")}`);
  });

  it("lists the intervals on the scenario's clock (UTC), as the chart's axis does", async () => {
    const { startTime } = await loadScenario(DAY);
    const expected = [0, 1800, 3600].map((seconds) =>
      new Date(Date.parse(startTime) + seconds * 1000).toISOString().slice(11, 16),
    );
    const table = outcome.stdout.split("\n").filter((line) => /^\d\d:\d\d\s/.test(line));
    expect(table.map((line) => line.slice(0, 5))).toEqual(expected);
    expect(outcome.stdout).toMatch(/^from \(UTC\)\s+agents/m);
  });

  it(
    "refuses a target intervals.csv cannot judge, in one line",
    async () => {
      const refused = await staff("--target", "abandonmentRate<=0.05", "--per-interval");
      expect(refused.status).toBe(2);
      expect(refused.stderr).not.toMatch(STACK_LINE);
      // One line of problem, then the usual pointer to --help.
      expect(refused.stderr.split("\n")[0]).toContain("not one of serviceLevel, waitMean");
    },
    TIMEOUT_MS,
  );
});
