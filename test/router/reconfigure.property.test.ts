/**
 * Run-time changes (configuration/reconfigure.ts, worker-change.ts, jobs/matching-modes.ts,
 * exception policies changed under waiting jobs) mixed at random with the ordinary traffic of jobs, offers and time: after every step the
 * router's invariants hold (offers, loads, indexes, queue lists, waiting groups). The steps are
 * the service's own operations, as `ccsim serve` clients would send them; refusals are allowed
 * (a change that would strand an assigned job, an offer already gone), corruption is not.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../src/router/index.ts";
import type { DistributionModeKind, RouterConfig } from "../../src/router/types.ts";
import { assertProperty } from "../support/property.ts";
import { harness } from "./helpers.ts";

const QUEUES = ["q1", "q2"] as const;
const WORKERS = ["w1", "w2", "w3"] as const;
const MODES: readonly DistributionModeKind[] = ["longestIdle", "roundRobin", "bestWorker"];

/** Raises a job's priority after `raiseAfter` seconds, cancels it after `cancelAfter`. */
function exceptionPolicy(id: string, raiseAfter: number, cancelAfter: number) {
  return {
    id,
    exceptionRules: [
      {
        id: "raise",
        trigger: { kind: "waitTime" as const, thresholdSeconds: raiseAfter },
        actions: [{ kind: "manualReclassify" as const, priority: 3 }],
      },
      {
        id: "give-up",
        trigger: { kind: "waitTime" as const, thresholdSeconds: cancelAfter },
        actions: [{ kind: "cancel" as const }],
      },
    ],
  };
}

function config(): RouterConfig {
  return {
    distributionPolicies: [
      { id: "p1", offerExpiresAfterSeconds: 30, mode: { kind: "longestIdle" } },
      { id: "p2", offerExpiresAfterSeconds: 20, mode: { kind: "roundRobin" } },
    ],
    queues: [
      { id: "q1", distributionPolicyId: "p1", exceptionPolicyId: "e1" },
      { id: "q2", distributionPolicyId: "p2" },
    ],
    exceptionPolicies: [exceptionPolicy("e1", 15, 40), exceptionPolicy("e2", 25, 60)],
    exceptionRulesPerPolicy: 4,
    workers: WORKERS.map((id) => ({
      id,
      capacity: 2,
      queues: ["q1"],
      channels: [{ channelId: "voice", capacityCostPerJob: 1 }],
      labels: { skill: 1 },
      availableForOffers: true,
    })),
    retainEndedJobs: true,
  };
}

type Step =
  | { readonly kind: "job"; readonly queue: number; readonly skill: number; readonly held: boolean }
  | { readonly kind: "accept"; readonly worker: number }
  | { readonly kind: "finish"; readonly worker: number }
  | { readonly kind: "time"; readonly seconds: number }
  | {
      readonly kind: "policy";
      readonly policy: number;
      readonly mode: number;
      readonly min: number;
      readonly max: number;
      readonly bypass: boolean;
    }
  | {
      readonly kind: "move";
      readonly queue: number;
      readonly policy: number;
      readonly exceptions: number;
    }
  | {
      readonly kind: "exceptions";
      readonly policy: number;
      readonly raiseAfter: number;
      readonly cancelAfter: number;
    }
  | {
      readonly kind: "worker";
      readonly worker: number;
      readonly queues: readonly number[];
      readonly capacity: number;
      readonly skill: number;
    }
  | { readonly kind: "activate" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("job" as const),
    queue: fc.nat(1),
    skill: fc.nat(2),
    held: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("accept" as const), worker: fc.nat(2) }),
  fc.record({ kind: fc.constant("finish" as const), worker: fc.nat(2) }),
  fc.record({ kind: fc.constant("time" as const), seconds: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant("policy" as const),
    policy: fc.nat(1),
    mode: fc.nat(2),
    min: fc.integer({ min: 1, max: 2 }),
    max: fc.integer({ min: 2, max: 3 }),
    bypass: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("move" as const),
    queue: fc.nat(1),
    policy: fc.nat(1),
    exceptions: fc.nat(2),
  }),
  fc.record({
    kind: fc.constant("exceptions" as const),
    policy: fc.nat(1),
    raiseAfter: fc.integer({ min: 1, max: 30 }),
    cancelAfter: fc.integer({ min: 1, max: 90 }),
  }),
  fc.record({
    kind: fc.constant("worker" as const),
    worker: fc.nat(2),
    queues: fc.subarray([0, 1]),
    capacity: fc.integer({ min: 1, max: 3 }),
    skill: fc.nat(2),
  }),
  fc.record({ kind: fc.constant("activate" as const) }),
);

describe("run-time changes among ordinary traffic", () => {
  it("keep the router's invariants after every step", () => {
    assertProperty(
      fc.property(fc.array(step, { minLength: 5, maxLength: 60 }), (steps) => {
        const { engine, router } = harness(config());
        let jobs = 0;
        steps.forEach((current, index) => {
          switch (current.kind) {
            case "job":
              jobs++;
              router.upsertJob({
                id: `j${jobs}`,
                channelId: "voice",
                queueId: QUEUES[current.queue] as string,
                requestedWorkerSelectors: [
                  { key: "skill", labelOperator: "greaterThanOrEqual", value: current.skill },
                ],
                ...(current.held ? { matchingMode: { kind: "suspend" as const } } : {}),
              });
              break;
            case "accept": {
              const worker = router.getWorker(WORKERS[current.worker] as string);
              const offer = worker?.offers[0];
              if (worker !== undefined && offer !== undefined) {
                router.acceptJobOffer(worker.id, offer.offerId);
              }
              break;
            }
            case "finish": {
              const assigned = router.getWorker(WORKERS[current.worker] as string)?.assignedJobs[0];
              if (assigned !== undefined) {
                router.completeJob(assigned.jobId, assigned.assignmentId);
                router.closeJob(assigned.jobId, assigned.assignmentId);
              }
              break;
            }
            case "time":
              engine.runUntil(engine.now + current.seconds);
              break;
            case "policy":
              router.updateDistributionPolicy({
                id: `p${current.policy + 1}`,
                offerExpiresAfterSeconds: 30,
                mode: {
                  kind: MODES[current.mode] as DistributionModeKind,
                  minConcurrentOffers: current.min,
                  maxConcurrentOffers: current.max,
                  bypassSelectors: current.bypass,
                },
              });
              break;
            case "move":
              router.updateQueue({
                id: QUEUES[current.queue] as string,
                distributionPolicyId: `p${current.policy + 1}`,
                ...(current.exceptions === 0
                  ? {}
                  : { exceptionPolicyId: `e${current.exceptions}` }),
              });
              break;
            case "exceptions":
              router.updateExceptionPolicy(
                exceptionPolicy(`e${current.policy + 1}`, current.raiseAfter, current.cancelAfter),
              );
              break;
            case "worker":
              router.upsertWorker({
                id: WORKERS[current.worker] as string,
                queues: current.queues.map((queue) => QUEUES[queue] as string),
                capacity: current.capacity,
                labels: { skill: current.skill },
                availableForOffers: true,
              });
              break;
            case "activate":
              for (let id = 1; id <= jobs; id++) {
                if (router.getJob(`j${id}`)?.status === "waitingForActivation") {
                  router.upsertJob({ id: `j${id}`, matchingMode: { kind: "queueAndMatch" } });
                  break;
                }
              }
              break;
          }
          const problems = checkInvariants(router);
          if (problems.length > 0) {
            throw new Error(
              `after step ${index} (${JSON.stringify(current)}): ${problems.join("; ")}`,
            );
          }
        });
        expect(checkInvariants(router)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
