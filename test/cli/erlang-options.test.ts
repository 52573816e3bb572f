/**
 * `ccsim erlang`'s options, read without a process: durations in the scenario syntax (or bare
 * seconds), agent counts and ranges, targets, and every bad input as one UsageError line each,
 * all at once, including the plain refusal of an Erlang C queue that cannot keep up.
 */
import { describe, expect, it } from "vitest";
import { type ErlangArguments, erlangRequestOf } from "../../src/cli/erlang/erlang-options.ts";
import { parseErlangTarget } from "../../src/cli/erlang/erlang-target-option.ts";
import { UsageError } from "../../src/errors.ts";

const TEXTBOOK: ErlangArguments = {
  ratePerHour: 200,
  handleTime: "3m",
  threshold: "20s",
  agents: "14",
  format: "text",
};

/** The problems of `args`, one per line, or a failure when it is accepted. */
function problemsOf(args: Partial<ErlangArguments>): string[] {
  try {
    erlangRequestOf({ ...TEXTBOOK, ...args });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message.split("\nccsim: ");
  }
  throw new Error("the arguments were accepted");
}

describe("erlangRequestOf", () => {
  it("reads the textbook case: rate per hour, durations, agents, targets, a default --max", () => {
    const request = erlangRequestOf({
      ...TEXTBOOK,
      handleTime: "180",
      agents: "16,12..14,13",
      patience: "2m",
      target: ["serviceLevel>=80%", "waitMean<=0.5m"],
    });
    expect(request.inputs).toEqual({
      ratePerHour: 200,
      handleTimeSeconds: 180,
      thresholdSeconds: 20,
      patienceSeconds: 120,
    });
    expect(request.agents).toEqual([12, 13, 14, 16]);
    expect(request.targets.map(({ metric, operator, value }) => [metric, operator, value])).toEqual(
      [
        ["serviceLevel", ">=", 0.8],
        ["waitMean", "<=", 30],
      ],
    );
    expect(request.maxAgents).toBe(1000);
    const heavy = erlangRequestOf({
      ...TEXTBOOK,
      ratePerHour: 20_000,
      agents: undefined,
      target: ["serviceLevel>=0.8"],
    });
    expect(heavy.maxAgents).toBe(10_000);
    expect(heavy.agents).toBeUndefined();
  });

  it("names a missing rate, zero and negative values, bad counts and a missing question, all at once", () => {
    expect(problemsOf({ ratePerHour: undefined })).toEqual([
      "give the arrival rate: --rate-per-hour <calls per hour> (e.g. 200)",
    ]);
    expect(
      problemsOf({ ratePerHour: 0, handleTime: "0s", patience: "-5s", agents: "12..10", max: 0 }),
    ).toEqual([
      "--rate-per-hour must be a number of calls per hour > 0, got 0",
      "--handle-time must be longer than 0, got 0s",
      "--patience must be a positive duration, got -5s",
      '--agents 12..10: "12..10" is not an agent count or range: write whole numbers ≥ 1, e.g. 14, 12..16 or 10,12..14',
      "--max must be a whole number of agents ≥ 1, got 0",
    ]);
    expect(problemsOf({ threshold: "20 seconds", agents: "0" })).toHaveLength(2);
    expect(problemsOf({ agents: undefined })[0]).toMatch(/^name the agents to evaluate/);
    expect(problemsOf({ agents: "1..5000" })).toEqual([
      "--agents 1..5000 asks for more than 1000 rows",
    ]);
  });

  it("refuses an unstable Erlang C queue plainly, with the load and the minimum, unless a patience makes it Erlang A", () => {
    expect(problemsOf({ agents: "8..12" })).toEqual([
      "--agents 8..12: 8, 9 and 10 agents cannot keep up with 10 Erlangs of load (200 calls/hour × 180 s): the Erlang C queue grows without end; it needs at least 11 agents (or give --patience, for Erlang A where callers hang up)",
    ]);
    expect(erlangRequestOf({ ...TEXTBOOK, agents: "8..12", patience: "2m" }).agents).toHaveLength(
      5,
    );
  });

  it("asks for a patience before answering an abandonment target", () => {
    expect(problemsOf({ target: ["abandonmentRate<=5%"] })).toEqual([
      '--target "abandonmentRate<=5%": nobody hangs up under Erlang C; give --patience (mean patience) for Erlang A',
    ]);
  });
});

describe("parseErlangTarget", () => {
  it("reads shares, percentages, durations and an overall scope", () => {
    expect(parseErlangTarget(" overall.serviceLevel > 0.9 ")).toMatchObject({
      metric: "serviceLevel",
      operator: ">",
      value: 0.9,
    });
    expect(parseErlangTarget("abandonmentRate<5%")).toMatchObject({ value: 0.05 });
    expect(parseErlangTarget("waitMean<=1.5m")).toMatchObject({ value: 90 });
    expect(parseErlangTarget("waitMean<=45")).toMatchObject({ value: 45 });
    expect(parseErlangTarget("occupancy<=0.85")).toMatchObject({ metric: "occupancy" });
  });

  it("refuses malformed targets, unknown metrics, the wrong direction and values out of range", () => {
    expect(parseErlangTarget("serviceLevel=0.8")).toBe(
      '--target "serviceLevel=0.8": "=" is not a comparison a target can make: did you mean >= or <=?',
    );
    expect(parseErlangTarget("serviceLevel 0.8")).toMatch(
      /expected <metric><op><value> with op one of >=, <=, >, < \(e\.g\. "serviceLevel>=0\.8" or "waitMean<=30s"\)$/,
    );
    expect(parseErlangTarget("queue:support.serviceLevel>=0.8")).toMatch(
      /"queue:support" is not a scope: use overall before the metric/,
    );
    expect(parseErlangTarget("servicelevl>=0.8")).toMatch(
      /not a metric the Erlang formulas give \(did you mean "serviceLevel"\?\)/,
    );
    expect(parseErlangTarget("waitP90<=20s")).toMatch(/metrics: serviceLevel, waitMean/);
    expect(parseErlangTarget("waitMean>=20s")).toMatch(
      /falls as agents are added, so only <= or </,
    );
    expect(parseErlangTarget("serviceLevel>=120%")).toMatch(
      /"serviceLevel>=120%": the value after the comparison must be a share between 0 and 1 \(0\.8\) or a percentage \(80%\)/,
    );
    expect(parseErlangTarget("waitMean<=soon")).toMatch(
      /"waitMean<=soon": the value after the comparison must be a duration such as "30s"/,
    );
  });
});
