import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario, workerIdsOf } from "../../src/scenario/index.ts";
import { minimalScenario } from "./helpers.ts";

describe("defaults", () => {
  const scenario = parseScenario(minimalScenario(), "some/dir/minimal.yaml");

  it("fills the top-level defaults of the contract", () => {
    expect(scenario).toMatchObject({
      name: "minimal",
      seed: 1,
      replications: 1,
      horizonSeconds: 3600,
      warmupSeconds: 0,
      drainSeconds: 86400,
      startTime: "2026-01-01T00:00:00Z",
      serviceLevelThresholdSeconds: 20,
      serviceLevelTarget: 0.8,
      intervalLengthSeconds: 900,
      classificationPolicies: [],
      exceptionPolicies: [],
    });
    expect(scenario.sourcePath).toBe(resolve("some/dir/minimal.yaml"));
    expect("description" in scenario).toBe(false);
  });

  it("fills the distribution mode defaults, including scoring options", () => {
    expect(scenario.distributionPolicies[0]?.mode).toEqual({
      kind: "longestIdle",
      minConcurrentOffers: 1,
      maxConcurrentOffers: 1,
      bypassSelectors: false,
      scoringRuleOptions: {
        batchSize: 20,
        scoringParameters: ["jobLabels", "workerSelectors"],
        isBatchScoringEnabled: false,
        descendingOrder: true,
      },
    });
  });

  it("fills worker and behaviour defaults and keeps the group whole", () => {
    const worker = scenario.workers[0];
    expect(worker).toMatchObject({ count: 1, labels: {}, tags: {}, availableForOffers: true });
    expect(worker && "shifts" in worker).toBe(false);
    const zero = { kind: "constant", value: 0 };
    expect(worker?.behavior).toEqual({
      responseTime: zero,
      acceptProbability: 1,
      noResponseProbability: 0,
      handleTimeFactor: 1,
      wrapUpTime: zero,
      unassignProbability: 0,
      unassignAfter: zero,
      unassignSuspendMatching: false,
      reRegisterAfter: zero,
    });
  });

  it("fills arrival defaults; absent patience stays absent (infinite)", () => {
    const arrival = scenario.arrivals[0];
    expect(arrival).toMatchObject({
      priority: 1,
      labels: {},
      tags: {},
      requestedWorkerSelectors: [],
      handleTime: { kind: "constant", value: 120 },
    });
    expect(arrival && "patience" in arrival).toBe(false);
    expect(arrival && "classificationPolicyId" in arrival).toBe(false);
  });

  it("takes an explicit name over the file name", () => {
    expect(parseScenario(minimalScenario("name: chosen\n"), "x/other.yaml").name).toBe("chosen");
  });
});

describe("conversions of the full example", async () => {
  const scenario = await loadScenario("test/fixtures/valid/full.yaml");
  const arrival = (id: string) => scenario.arrivals.find((stream) => stream.id === id);

  it("converts top-level durations to seconds", () => {
    expect(scenario).toMatchObject({
      horizonSeconds: 2 * 3600,
      warmupSeconds: 15 * 60,
      drainSeconds: 3600,
      serviceLevelThresholdSeconds: 30,
      intervalLengthSeconds: 30 * 60,
      startTime: "2026-03-01T08:00:00Z",
      seed: 42,
      replications: 3,
    });
  });

  it("converts every time parameter of every distribution kind", () => {
    expect(arrival("calls")?.handleTime).toEqual({ kind: "lognormal", mean: 240, sd: 120 });
    expect(arrival("calls")?.patience).toEqual({ kind: "weibull", shape: 1.5, scale: 180 });
    expect(arrival("chats")?.handleTime).toEqual({ kind: "erlang", k: 3, mean: 360 });
    expect(arrival("scripted")?.handleTime).toEqual({ kind: "empirical", values: [60, 90, 120] });
    expect(arrival("traced")?.handleTime).toEqual({ kind: "normal", mean: 180, sd: 30 });
    expect(arrival("steady")?.handleTime).toEqual({ kind: "constant", value: 300 });
    const behavior = scenario.workers[0]?.behavior;
    expect(behavior?.responseTime).toEqual({ kind: "uniform", min: 1, max: 5 });
    expect(behavior?.wrapUpTime).toEqual({ kind: "triangular", min: 10, mode: 20, max: 60 });
    expect(behavior?.unassignAfter).toEqual({ kind: "exponential", mean: 120 });
    expect(behavior?.reRegisterAfter).toEqual({ kind: "constant", value: 0.5 });
    expect(behavior?.declineRetryAfterSeconds).toBe(30);
  });

  it("normalises arrival processes", () => {
    expect(arrival("calls")?.arrival).toEqual({
      kind: "piecewisePoisson",
      intervalLengthSeconds: 3600,
      ratesPerHour: [30, 60],
    });
    expect(arrival("chats")?.arrival).toEqual({
      kind: "renewal",
      interarrival: { kind: "gamma", mean: 120, sd: 60 },
    });
    expect(arrival("scripted")?.arrival).toEqual({ kind: "scripted", atSeconds: [0, 90, 90] });
    expect(arrival("traced")?.arrival).toEqual({
      kind: "trace",
      file: resolve("test/fixtures/valid/trace.csv"),
      timeColumn: "arrivedAt",
    });
  });

  it("sorts shifts and names their bounds in seconds", () => {
    expect(scenario.workers[0]?.shifts).toEqual([
      { startSeconds: 0, endSeconds: 1800 },
      { startSeconds: 3600, endSeconds: 7200 },
    ]);
  });

  it("keeps bestWorker options, filling the ones not given", () => {
    expect(scenario.distributionPolicies[1]?.mode.scoringRuleOptions).toEqual({
      batchSize: 5,
      scoringParameters: ["jobLabels", "workerSelectors"],
      isBatchScoringEnabled: false,
      descendingOrder: false,
    });
    expect(scenario.distributionPolicies[1]?.mode.scoringRule).toEqual({
      kind: "expression",
      language: "powerFx",
      expression: "worker.Skill",
    });
  });

  it("maps attachments to selectors and defaults expedite", () => {
    const policy = scenario.classificationPolicies[0];
    expect(policy?.prioritizationRule).toEqual({ kind: "static", value: 5 });
    expect(policy?.queueSelectorAttachments[1]).toEqual({
      kind: "weightedAllocation",
      allocations: [
        { weight: 0.3, selectors: [{ key: "Language", labelOperator: "equal", value: "en" }] },
        { weight: 0.7, selectors: [{ key: "Id", labelOperator: "equal", value: "sales" }] },
      ],
    });
    expect(policy?.workerSelectorAttachments).toEqual([
      { kind: "passThrough", key: "Language", labelOperator: "equal", expiresAfterSeconds: 60 },
      {
        kind: "static",
        selector: { key: "Skill", labelOperator: "greaterThanOrEqual", value: 5, expedite: true },
      },
    ]);
    expect(arrival("chats")?.requestedWorkerSelectors).toEqual([
      {
        key: "Skill",
        labelOperator: "greaterThan",
        value: 3,
        expiresAfterSeconds: 30,
        expedite: false,
      },
    ]);
  });

  it("expands worker groups only on request", () => {
    expect(scenario.workers.map((group) => group.count)).toEqual([3, 1]);
    expect(scenario.workers.flatMap(workerIdsOf)).toEqual([
      "agent-1",
      "agent-2",
      "agent-3",
      "supervisor",
    ]);
  });
});

describe("the shipped quickstart", () => {
  it("loads with the contract's values", async () => {
    const scenario = await loadScenario("scenarios/quickstart.yaml");
    expect(scenario.name).toBe("quickstart");
    expect(scenario.horizonSeconds).toBe(60);
    expect(scenario.workers[0]?.behavior.responseTime).toEqual({ kind: "constant", value: 2 });
    expect(scenario.arrivals[0]?.arrival).toEqual({ kind: "scripted", atSeconds: [0] });
    expect(scenario.arrivals[0]?.requestedWorkerSelectors[0]?.value).toBe(10);
  });
});
