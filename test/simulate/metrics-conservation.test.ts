/**
 * The moved-job rule on real router event streams: in every scope of every replication,
 * arrived + jobsMovedIn − jobsMovedOut = assigned + endedUnanswered + waitingAtEnd, and an
 * escalation queue shows the jobs escalated into it (it used to show none).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { MetricValues, ReplicationMetrics } from "../../src/metrics/types.ts";
import { parseScenario } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";

function conservationGap(values: MetricValues): number {
  const entered = values.arrived + values.jobsMovedIn - values.jobsMovedOut;
  return entered - (values.assigned + values.endedUnanswered + values.waitingAtEnd);
}

function everyScope(metrics: ReplicationMetrics): [string, MetricValues][] {
  return [
    ["overall", metrics.overall],
    ...Object.entries(metrics.queues).map(([id, values]): [string, MetricValues] => [
      `queue:${id}`,
      values,
    ]),
    ...Object.entries(metrics.arrivals).map(([id, values]): [string, MetricValues] => [
      `arrival:${id}`,
      values,
    ]),
  ];
}

/**
 * Jobs bounce between two queues, are unassigned (then re-offered with a long ring, so some move
 * again after their first answer), abandon, and are cancelled by a flood guard.
 */
const BOUNCING = `
name: bouncing
horizon: 1h
warmup: 5m
drain: 10m
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 20, mode: { kind: longestIdle } }]
queues:
  - { id: first, distributionPolicyId: p, exceptionPolicyId: to-second }
  - { id: second, distributionPolicyId: p, exceptionPolicyId: back-to-first }
exceptionPolicies:
  - id: to-second
    exceptionRules:
      - id: flood
        trigger: { kind: queueLength, threshold: 3 }
        actions: [{ kind: cancel, dispositionCode: QueueFull }]
      - id: move
        trigger: { kind: waitTime, thresholdSeconds: 15 }
        actions: [{ kind: manualReclassify, queueId: second }]
  - id: back-to-first
    exceptionRules:
      - id: back
        trigger: { kind: waitTime, thresholdSeconds: 25 }
        actions: [{ kind: manualReclassify, queueId: first }]
workers:
  - id: a
    count: 3
    capacity: 1
    queues: [first]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior:
      responseTime: { kind: exponential, mean: 10s }
      unassignProbability: 0.2
      unassignAfter: 20s
  - id: b
    count: 2
    capacity: 1
    queues: [second]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: { responseTime: 1s, acceptProbability: 0.7 }
arrivals:
  - id: call
    channelId: voice
    queueId: first
    arrival: { kind: poisson, ratePerHour: 200 }
    handleTime: { kind: exponential, mean: 90s }
    patience: { kind: exponential, mean: 2m }
`;

describe("per-queue metrics of moved jobs on router event streams", () => {
  it("conserve jobs in every scope, with moves, unassigns, abandons and cancels", () => {
    const scenario = parseScenario(BOUNCING, "bouncing.yaml");
    let cancelledAfterAnAnswer = 0;
    for (const replication of [0, 1, 2]) {
      const { metrics } = runReplication(scenario, { replication });
      expect(metrics.overall.jobsMovedIn).toBeGreaterThan(0);
      expect(metrics.overall.unassignments).toBeGreaterThan(0);
      expect(metrics.overall.endedUnanswered).toBeGreaterThan(0);
      for (const [scope, values] of everyScope(metrics)) {
        expect(conservationGap(values), `${scope} in replication ${replication}`).toBe(0);
      }
      const queues = Object.values(metrics.queues);
      const total = (pick: (values: MetricValues) => number) =>
        queues.reduce((sum, values) => sum + pick(values), 0);
      expect(total((values) => values.assigned)).toBe(metrics.overall.assigned);
      expect(total((values) => values.jobsMovedIn)).toBe(metrics.overall.jobsMovedIn);
      expect(total((values) => values.jobsMovedOut)).toBe(metrics.overall.jobsMovedOut);
      cancelledAfterAnAnswer += metrics.overall.cancelled - metrics.overall.endedUnanswered;
    }
    // Re-queued after an unassign, moved and cancelled: the case the rule must not double-count.
    expect(cancelledAfterAnAnswer).toBeGreaterThan(0);
  });

  it("show the escalated jobs in the escalation queue of escalation.yaml", () => {
    const text = readFileSync(new URL("../../scenarios/escalation.yaml", import.meta.url), "utf8");
    const scenario = parseScenario(text.replace("horizon: 4h", "horizon: 1h"), "escalation.yaml");
    const { metrics } = runReplication(scenario, { replication: 0 });
    const { general, escalated } = metrics.queues as Record<string, MetricValues>;
    expect(escalated?.arrived).toBe(0);
    expect(escalated?.jobsMovedIn).toBeGreaterThan(0);
    expect(escalated?.jobsMovedIn).toBe(general?.jobsMovedOut);
    expect(escalated?.assigned).toBeGreaterThan(0);
    expect(metrics.overall.exceptionsTriggered).toBeGreaterThanOrEqual(escalated?.jobsMovedIn ?? 0);
    expect(general?.jobsReclassified).toBe(escalated?.jobsMovedIn);
    for (const values of [general, escalated] as MetricValues[])
      expect(conservationGap(values)).toBe(0);
  });
});
