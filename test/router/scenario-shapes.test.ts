/**
 * The router takes the scenario's normalised policies as they are: this file type-checks the
 * assignment without casts, and runs the shipped escalation scenario's policies through it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RouterConfig } from "../../src/router/types.ts";
import { parseScenario, type Scenario } from "../../src/scenario/index.ts";
import { harness, unwrap } from "./helpers.ts";

/** Compiles only while the scenario's shapes are assignable to the router's. */
function routerConfigOf(scenario: Scenario): RouterConfig {
  return {
    distributionPolicies: scenario.distributionPolicies,
    queues: scenario.queues,
    classificationPolicies: scenario.classificationPolicies,
    exceptionPolicies: scenario.exceptionPolicies,
  };
}

describe("scenario policies in the router", () => {
  it("escalation.yaml: a job waiting 45 s is reclassified into the escalated queue at priority 10", () => {
    const path = "scenarios/escalation.yaml";
    const scenario = parseScenario(readFileSync(path, "utf8"), path);
    const h = harness({
      ...routerConfigOf(scenario),
      workers: [
        {
          id: "senior",
          capacity: 1,
          queues: ["escalated"],
          channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
          availableForOffers: true,
        },
      ],
    });
    h.take();
    unwrap(h.router.upsertJob({ id: "call-1", channelId: "voice", queueId: "general" }));
    h.engine.runUntil(45);
    expect(h.take()).toEqual([
      "JobReceived call-1",
      "JobQueued call-1",
      "JobExceptionTriggered call-1",
      "JobClassified call-1",
      "JobQueued call-1",
      "WorkerOfferIssued senior call-1",
    ]);
    expect(h.router.getJob("call-1")).toMatchObject({
      queueId: "escalated",
      priority: 10,
      labels: { Escalated: true },
    });
  });
});
