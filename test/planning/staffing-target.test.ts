/**
 * `--target` texts: every form the docs promise parses to its scope, metric, comparison and
 * value; every malformed one is a UsageError of one line that quotes it and, for a typo, names
 * the nearest metric; scopes, queues, streams and groups the scenario lacks are named with the
 * ones it has; the model of a group serving its queue alone starts where Erlang C does.
 */
import { describe, expect, it } from "vitest";
import {
  parseStaffingTarget,
  requireWorkerGroup,
  targetScopeProblems,
} from "../../src/cli/staff/target-text.ts";
import { UsageError } from "../../src/errors.ts";
import { erlangStartCount, groupQueueModel } from "../../src/planning/index.ts";
import { createDistribution } from "../../src/random/index.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { erlangCServersFor } from "../../src/theory/index.ts";

const meanOf = (spec: Parameters<typeof createDistribution>[0]) => createDistribution(spec).mean;

/** The UsageError message of parsing `text`, or a failure. */
function messageOf(text: string): string {
  try {
    parseStaffingTarget(text);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`"${text}" parsed`);
}

describe("parseStaffingTarget", () => {
  it("reads overall targets with each comparison", () => {
    expect(parseStaffingTarget("serviceLevel>=0.8")).toEqual({
      text: "serviceLevel>=0.8",
      scope: "overall",
      metric: "serviceLevel",
      operator: ">=",
      value: 0.8,
    });
    expect(parseStaffingTarget("abandonmentRate <= 0.05").operator).toBe("<=");
    expect(parseStaffingTarget("waitMean<30").operator).toBe("<");
    expect(parseStaffingTarget("utilization>0.5").operator).toBe(">");
    expect(parseStaffingTarget("overall.waitP90<=60").scope).toBe("overall");
  });

  it("reads a percentage as a share", () => {
    expect(parseStaffingTarget("serviceLevel>=80%").value).toBeCloseTo(0.8, 12);
  });

  it("reads queue and arrival scopes, ids with dots included", () => {
    expect(parseStaffingTarget("queue:support.serviceLevel>=0.8").scope).toBe("queue:support");
    const dotted = parseStaffingTarget("arrival:voice.en.abandonmentRate<=0.1");
    expect(dotted.scope).toBe("arrival:voice.en");
    expect(dotted.metric).toBe("abandonmentRate");
  });

  it("suggests the nearest metric for a typo", () => {
    const message = messageOf("serviceLevle>=0.8");
    expect(message).toContain('"serviceLevle>=0.8"');
    expect(message).toContain('did you mean "serviceLevel"?');
    expect(message).not.toContain("\n");
  });

  it("lists the metrics when nothing is close", () => {
    expect(messageOf("happiness>=0.8")).toContain("metrics: arrived, assigned");
  });

  it("refuses a missing or wrong comparison, a missing value, a bad scope", () => {
    expect(messageOf("serviceLevel")).toContain("op one of >=, <=, >, <");
    expect(messageOf("serviceLevel=0.8")).toContain("did you mean >= or <=?");
    expect(messageOf("serviceLevel=>0.8")).toContain("did you mean >=?");
    expect(messageOf("serviceLevel>=")).toContain("must be a number");
    expect(messageOf("serviceLevel>=high")).toContain("must be a number");
    expect(messageOf(">=0.8")).toContain("a metric name comes before");
    expect(messageOf("team:a.serviceLevel>=0.8")).toContain('"team:a" is not a scope');
    expect(messageOf("queue:.serviceLevel>=0.8")).toContain("is not a scope");
  });
});

describe("checks against the scenario", () => {
  it("names a queue or stream the scenario lacks, with the nearest one", async () => {
    const scenario = await loadScenario("scenarios/voice-50.yaml");
    const targets = [
      parseStaffingTarget("queue:suport.serviceLevel>=0.8"),
      parseStaffingTarget("arrival:nothing-like-it.serviceLevel>=0.8"),
      parseStaffingTarget("queue:support.serviceLevel>=0.8"),
    ];
    const problems = targetScopeProblems(targets, scenario);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('no queue "suport" (did you mean "support"?)');
    expect(problems[1]).toContain('no arrival stream "nothing-like-it" (arrival streams: call)');
  });

  it("names the groups that exist for a group that does not", async () => {
    const scenario = await loadScenario("scenarios/multi-skill.yaml");
    expect(() => requireWorkerGroup(scenario, "spanish")).not.toThrow();
    expect(() => requireWorkerGroup(scenario, "spansh")).toThrow(/did you mean "spanish"\?/);
    expect(() => requireWorkerGroup(scenario, "nobody")).toThrow(
      /groups: english-senior, english-junior, spanish, bilingual/,
    );
  });
});

describe("the group's queueing model", () => {
  it("is Erlang A for voice-50, with the response time in the time an agent is occupied", async () => {
    const scenario = await loadScenario("scenarios/voice-50.yaml");
    const model = groupQueueModel(scenario, "agent", meanOf);
    expect(model.available).toBe(true);
    if (!model.available) return;
    expect(model.formula).toBe("Erlang A");
    expect(model.arrivalRate).toBeCloseTo(900 / 3600, 12);
    // 3 min of handling plus a 2 s mean ring time (uniform 1–3 s).
    expect(1 / model.serviceRate).toBeCloseTo(182, 9);
    expect(model.abandonmentRate).toBeCloseTo(1 / 240, 12);
  });

  it("is withheld, with the reason, when groups share queues", async () => {
    const scenario = await loadScenario("scenarios/multi-skill.yaml");
    const model = groupQueueModel(scenario, "english-junior", meanOf);
    expect(model).toEqual({
      available: false,
      reason: expect.stringContaining("also serves queue"),
    });
  });

  it("starts where Erlang C's own staffing answer is for an M/M/c queue", async () => {
    const scenario = await loadScenario("test/fixtures/staff/textbook-mmc.yaml");
    const model = groupQueueModel(scenario, "agent", meanOf);
    if (!model.available) throw new Error(model.reason);
    expect(model.formula).toBe("Erlang C");
    for (const share of [0.5, 0.8, 0.95]) {
      const expected = erlangCServersFor({
        arrivalRate: 240 / 3600,
        serviceRate: 1 / 180,
        serviceLevelThresholdSeconds: 20,
        target: share,
      });
      const targets = [parseStaffingTarget(`serviceLevel>=${share}`)];
      expect(erlangStartCount(model, targets, scenario, 1000)).toBe(expected);
    }
    // A metric theory says nothing of leaves the start to the scenario.
    expect(erlangStartCount(model, [parseStaffingTarget("waitP99<=60")], scenario, 1000)).toBe(
      undefined,
    );
  });
});
