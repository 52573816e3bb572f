/**
 * `ccsim staff` as users run it: on a textbook M/M/c queue it agrees with Erlang C's staffing
 * answer within one agent even when started far away, writes staffing.csv with the contract's
 * columns first and theory's value beside each count; an unreachable target exits 1 saying so
 * and with its best value; bad input exits 2 with one line per problem and no stack trace.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erlangC, erlangCServersFor } from "../../src/theory/index.ts";
import { ccsimAsync, type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

/** Poisson 240/h, exponential 3 min, no abandonment, instant answers; 8 replications of 4 h. */
const TEXTBOOK = "test/fixtures/staff/textbook-mmc.yaml";
const ARRIVAL_RATE = 240 / 3600;
const SERVICE_RATE = 1 / 180;
/** CLI processes share two cores with other suites: far above vitest's 10 s default. */
const TIMEOUT_MS = 240_000;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-staff-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const staff = (...args: string[]) =>
  ccsimAsync("staff", TEXTBOOK, "--group", "agent", "--workers", "1", "--no-progress", ...args);

describe("ccsim staff on a textbook M/M/c queue", () => {
  const out = join(scratch, "textbook");
  let outcome: Outcome;
  beforeAll(async () => {
    // Started at 30 (twice the answer) so that the search, not the start, finds it.
    outcome = await staff(
      "--target",
      "serviceLevel>=0.8",
      "--start",
      "30",
      "--no-charts",
      "--out",
      out,
    );
  }, TIMEOUT_MS);

  it("agrees with Erlang C's answer within one agent", () => {
    expect(outcome.stderr).not.toMatch(STACK_LINE);
    expect(outcome.status, outcome.stderr).toBe(0);
    const erlang = erlangCServersFor({
      arrivalRate: ARRIVAL_RATE,
      serviceRate: SERVICE_RATE,
      serviceLevelThresholdSeconds: 20,
      target: 0.8,
    });
    const study = JSON.parse(readFileSync(join(out, "staffing.json"), "utf8"));
    expect(Math.abs(study.meanAnswer - erlang)).toBeLessThanOrEqual(1);
    expect(Math.abs(study.intervalAnswer - erlang)).toBeLessThanOrEqual(1);
    expect(study.intervalAnswer).toBeGreaterThanOrEqual(study.meanAnswer);
    expect(study.answer).toBe(study.intervalAnswer);
    // The answer comes first, in words.
    const first = outcome.stdout.split("\n")[0] ?? "";
    expect(first).toMatch(
      new RegExp(
        `^textbook-mmc: ${study.intervalAnswer} agents in group agent meet serviceLevel>=0.8 with 95% confidence`,
      ),
    );
  });

  it("writes staffing.csv with the contract's columns first and Erlang C beside each count", () => {
    const lines = readFileSync(join(out, "staffing.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("count,metric,mean,halfWidth,scope,target,erlang,meetsTarget");
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const counts = rows.map((row) => Number(row[0]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts).toContain(30);
    for (const row of rows) {
      const servers = Number(row[0]);
      const theory = erlangC({
        arrivalRate: ARRIVAL_RATE,
        serviceRate: SERVICE_RATE,
        servers,
        serviceLevelThresholdSeconds: 20,
      });
      expect(row[1]).toBe("serviceLevel");
      if (theory.stable) expect(Number(row[6])).toBeCloseTo(theory.serviceLevel, 5);
      const lower = Number(row[2]) - Number(row[3]);
      expect(row[7]).toBe(String(lower >= 0.8));
    }
  });
});

describe("ccsim staff with an unreachable target", () => {
  it(
    "exits 1, says no count meets it, and gives the best value reached",
    async () => {
      const out = join(scratch, "unreachable");
      const outcome = await staff(
        "--target",
        "serviceLevel>=0.9999",
        "--max",
        "17",
        "--replications",
        "3",
        "--no-charts",
        "--out",
        out,
      );
      expect(outcome.stderr).not.toMatch(STACK_LINE);
      expect(outcome.status, outcome.stderr).toBe(1);
      expect(outcome.stdout).toMatch(
        /^textbook-mmc: no count of group agent from 1 to 17 meets serviceLevel>=0\.9999 with 95% confidence; the most tried, 17 agents, reach 0\.\d{3} ± 0\.\d{3}/,
      );
      expect(outcome.stdout).toContain("raise --max (now 17) to search further");
      // The evaluated counts are still written: they are the evidence.
      expect(existsSync(join(out, "staffing.csv"))).toBe(true);
    },
    TIMEOUT_MS,
  );
});

describe("ccsim staff with bad input", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "an unknown group",
      ["--group", "agnet", "--target", "serviceLevel>=0.8"],
      /no such worker group \(did you mean "agent"\? groups: agent\)/,
    ],
    [
      "a misspelt metric",
      ["--group", "agent", "--target", "serviceLevl>=0.8"],
      /unknown metric "serviceLevl" \(did you mean "serviceLevel"\?\)/,
    ],
    [
      "an unknown queue",
      ["--group", "agent", "--target", "queue:texbook.serviceLevel>=0.8"],
      /no queue "texbook" \(did you mean "textbook"\?\)/,
    ],
    [
      "a comparison that is not one",
      ["--group", "agent", "--target", "serviceLevel=0.8"],
      /did you mean >= or <=\?/,
    ],
    [
      "--min above --max",
      ["--group", "agent", "--target", "serviceLevel>=0.8", "--min", "20", "--max", "10"],
      /--min 20 is above --max 10/,
    ],
    [
      "a count that is not whole",
      ["--group", "agent", "--target", "serviceLevel>=0.8", "--max", "1.5"],
      /--max must be a whole number/,
    ],
  ];

  // Started together: each is a process start and a file read, no simulation.
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    outcomes = await Promise.all(
      cases.map(([, args]) =>
        ccsimAsync("staff", TEXTBOOK, "--workers", "1", ...args, "--out", join(scratch, "never")),
      ),
    );
  }, TIMEOUT_MS);

  it.each(cases.map((one, index) => [...one, index] as const))(
    "exits 2 for %s, on one line, without a stack trace",
    (_name, _args, message, index) => {
      const outcome = outcomes[index] as Outcome;
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(message);
      expect(outcome.stderr).not.toMatch(STACK_LINE);
      expect(outcome.stdout).toBe("");
      expect(existsSync(join(scratch, "never"))).toBe(false);
    },
  );

  it(
    "reports every malformed target at once",
    async () => {
      const outcome = await ccsimAsync(
        "staff",
        TEXTBOOK,
        "--group",
        "agent",
        "--target",
        "serviceLevl>=0.8",
        "--target",
        "waitMean<=x",
      );
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(/serviceLevl/);
      expect(outcome.stderr).toMatch(
        /"waitMean<=x": the value after the comparison must be a number/,
      );
    },
    TIMEOUT_MS,
  );
});
