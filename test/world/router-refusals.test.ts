/**
 * The world checks the router's results it counts on: a refusal its model says cannot happen
 * stops the run with an InternalError naming the operation, the job or worker and the router's
 * error code. Refusals are planted by replacing one router operation on a live router; the one
 * refusal the world expects (a fourth unassign) stays silent.
 */
import { describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine.ts";
import { InternalError } from "../../src/errors.ts";
import { RandomStream } from "../../src/random/index.ts";
import { Router, type RouterResult } from "../../src/router/index.ts";
import type { TraceArrivals } from "../../src/scenario/index.ts";
import { routerConfigOf } from "../../src/simulate.ts";
import { UnexpectedRouterRefusal } from "../../src/world/router-refusals.ts";
import { World } from "../../src/world/world.ts";
import { runYaml, scenarioOf } from "./harness.ts";

const SCENARIO = `
name: refusals
horizon: 10m
distributionPolicies:
  - { id: policy, offerExpiresAfterSeconds: 60, mode: { kind: longestIdle } }
queues: [{ id: queue, distributionPolicyId: policy }]
workers:
  - id: agent
    capacity: 1
    queues: [queue]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: { responseTime: 2s, wrapUpTime: 5s }
arrivals:
  - id: call
    channelId: voice
    queueId: queue
    arrival: { kind: scripted, at: [0, 30] }
    handleTime: 1m
    patience: 10s
`;

/** The router operations the world calls (by handles where the router gave it handles). */
type Operation =
  | "acceptOffer"
  | "declineOffer"
  | "completeAssignment"
  | "closeAssignment"
  | "unassignAssignment"
  | "cancelJobAt"
  | "registerWorker"
  | "deregisterWorker"
  | "createJobFrom"
  | "upsertJob";

const BEHAVIOR = "behavior: { responseTime: 2s, wrapUpTime: 5s }";

/** The scenario with the agent's behaviour (or more of its fields) replaced. */
const withAgent = (replacement: string) => SCENARIO.replace(BEHAVIOR, replacement);

/** A run of the scenario (or a variant) in which one router operation always refuses. */
function runWithPlantedRefusal(
  operation: Operation,
  yamlText = SCENARIO,
  trace?: { readonly fileName: string; readonly traces: ReadonlyMap<string, TraceArrivals> },
): () => void {
  const scenario = scenarioOf(yamlText, trace?.fileName);
  const engine = new Engine();
  const random = RandomStream.root(scenario.seed, 0);
  const router = new Router(engine, routerConfigOf(scenario, random));
  const world = new World(engine, router, scenario, random, trace?.traces ?? new Map());
  router.observe(world);
  const refusal: RouterResult<never> = {
    ok: false,
    error: { code: "Conflict", message: "planted refusal" },
  };
  Object.assign(router, { [operation]: () => refusal });
  return () => {
    world.start();
    engine.runUntil(scenario.horizonSeconds + 3600);
  };
}

describe("an unexpected refusal by the router", () => {
  it.each([
    ["acceptOffer", /acceptJobOffer \(worker agent, offer [^)]+\): Conflict: planted refusal/],
    ["completeAssignment", /completeJob \(job call-1, assignment [^,]+, worker agent\): Conflict/],
    ["closeAssignment", /closeJob \(job call-1, assignment [^)]+\): Conflict/],
    ["registerWorker", /registerWorker \(worker agent\): Conflict/],
    // Jobs are created from their stream's template: the service's operation is upsertJob.
    ["createJobFrom", /upsertJob \(job call-1\): Conflict/],
    [
      "declineOffer",
      /declineJobOffer \(worker agent, offer [^)]+\): Conflict/,
      withAgent("behavior: { responseTime: 2s, acceptProbability: 0, declineRetryAfter: 10s }"),
    ],
    [
      "unassignAssignment",
      /unassignJob \(job call-1, assignment [^,]+, worker agent\): Conflict/,
      withAgent("behavior: { responseTime: 2s, unassignProbability: 1, unassignAfter: 5s }"),
    ],
    [
      "deregisterWorker",
      /deregisterWorker \(worker agent\): Conflict/,
      withAgent(`${BEHAVIOR}\n    shifts: [{ start: 0m, end: 5m }]`),
    ],
  ] as const)("of %s is an InternalError naming it", (operation, message, yamlText?: string) => {
    expect(runWithPlantedRefusal(operation, yamlText)).toThrow(UnexpectedRouterRefusal);
    expect(runWithPlantedRefusal(operation, yamlText)).toThrow(InternalError);
    expect(runWithPlantedRefusal(operation, yamlText)).toThrow(message);
  });

  it("of upsertJob, for a job a trace gives labels of its own, is an InternalError naming it", () => {
    const traced = SCENARIO.replace(
      "arrival: { kind: scripted, at: [0, 30] }",
      "arrival: { kind: trace, file: calls.csv }",
    );
    // The file is checked when the scenario is read; the trace is given here.
    const traces = new Map([["call", { timesSeconds: [0, 30], labels: [{ Tier: "gold" }, {}] }]]);
    const fileName = "test/fixtures/world/trace.yaml";
    const run = () => runWithPlantedRefusal("upsertJob", traced, { fileName, traces });
    expect(run()).toThrow(UnexpectedRouterRefusal);
    expect(run()).toThrow(/upsertJob \(job call-1\): Conflict: planted refusal/);
  });

  it("of a customer's hang-up (the second call waits past its patience) is one too", () => {
    // The single agent holds call-1 from 2 s to 67 s: call-2 (at 30 s) hangs up at 40 s.
    expect(runWithPlantedRefusal("cancelJobAt")).toThrow(
      /cancelJob \(job call-2, the customer hung up\): Conflict: planted refusal/,
    );
  });
});

describe("expected refusals stay silent", () => {
  it("the service refuses a fourth unassign: the person completes the job", () => {
    const run = runYaml(
      withAgent("behavior: { responseTime: 2s, unassignProbability: 1, unassignAfter: 5s }"),
    );
    const unassigned = run.events.filter(
      (event) => event.type === "RouterJobUnassigned" && event.jobId === "call-1",
    );
    expect(unassigned).toHaveLength(3);
    expect(
      run.events.some((event) => event.type === "RouterJobCompleted" && event.jobId === "call-1"),
    ).toBe(true);
  });
});
