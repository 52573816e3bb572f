/**
 * Customers in whole runs: patience (abandon at the drawn time with dispositionCode Abandoned,
 * withdrawn at the first assignment), the arrival kinds with exact times (scripted, renewal,
 * trace with ISO timestamps and label columns), the horizon, the drain and the warm-up.
 */
import { describe, expect, it } from "vitest";
import { createDistribution, RandomStream } from "../../src/random/index.ts";
import { MAX_ARRIVAL_LANES } from "../../src/world/customers.ts";
import {
  eventsOfType,
  ONE_QUEUE,
  oneWorker,
  runScenario,
  runYaml,
  scenarioOf,
  scriptedJobs,
  timesOf,
  trace,
} from "./harness.ts";

const HEAD = "horizon: 10m\ndrain: 1h\n";
/** A worker who is never registered: jobs wait until patience or the drain ends them. */
const NOBODY = oneWorker("{}", "    availableForOffers: false");

describe("patience", () => {
  it("cancels an unassigned job with dispositionCode Abandoned when it runs out", () => {
    const run = runYaml(HEAD + ONE_QUEUE + NOBODY + scriptedJobs([15], "1m", "    patience: 45s"));
    const cancelled = eventsOfType(run.events, "RouterJobCancelled");
    expect(
      cancelled.map((event) => [event.timeSeconds, event.jobId, event.dispositionCode]),
    ).toEqual([[60, "job-1", "Abandoned"]]);
    expect(run.result.metrics.overall.abandoned).toBe(1);
    expect(run.result.metrics.overall.abandonWaitMean).toBe(45);
  });

  it("abandons at the times drawn from the stream's own patience stream", () => {
    const scenario = scenarioOf(
      HEAD +
        ONE_QUEUE +
        NOBODY +
        scriptedJobs([0, 10, 20, 30, 40], "1m", "    patience: { kind: exponential, mean: 2m }"),
    );
    const run = runScenario(scenario);
    const patienceSpec = scenario.arrivals[0]?.patience;
    if (patienceSpec === undefined) throw new Error("the stream has no patience");
    const patience = createDistribution(patienceSpec);
    const random = RandomStream.root(scenario.seed, 0).fork("arrivals:job").fork("patience");
    const expected = [0, 10, 20, 30, 40].map((arrivedAt, index) => [
      `job-${index + 1}`,
      arrivedAt + patience.sample(random),
    ]);
    const cancelled = eventsOfType(run.events, "RouterJobCancelled").map((event) => [
      event.jobId,
      event.timeSeconds,
    ]);
    expect(cancelled.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(expected);
  });

  it("is withdrawn at the first assignment: no cancel once the job is accepted", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{ responseTime: 20s }") +
        scriptedJobs([0], "1m", "    patience: 30s"),
    );
    expect(trace(run.events).filter((line) => line.includes("job-1"))).toEqual([
      "0 JobReceived job-1",
      "0 JobQueued job-1",
      "0 WorkerOfferIssued w1 job-1",
      "20 WorkerOfferAccepted w1 job-1",
      "80 JobCompleted w1 job-1",
      "80 JobClosed w1 job-1",
    ]);
  });

  it("stays withdrawn after an unassign puts the job back", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{ unassignProbability: 1, unassignAfter: 10s, unassignSuspendMatching: true }") +
        scriptedJobs([0], "1m", "    patience: 30s"),
    );
    expect(timesOf(run.events, "RouterJobCancelled")).toEqual([]);
    expect(run.result.metrics.overall.inSystemAtEnd).toBe(1);
  });

  it("runs out in arrival order for customers who arrived and give up at the same instants", () => {
    const run = runYaml(
      HEAD + ONE_QUEUE + NOBODY + scriptedJobs([10, 10, 10, 20, 20], "1m", "    patience: 40s"),
    );
    expect(trace(run.events, "RouterJobCancelled")).toEqual([
      "50 JobCancelled job-1",
      "50 JobCancelled job-2",
      "50 JobCancelled job-3",
      "60 JobCancelled job-4",
      "60 JobCancelled job-5",
    ]);
  });

  it("runs out while an offer is open: cancelled, then the offer revoked, never answered", () => {
    const run = runYaml(
      HEAD +
        ONE_QUEUE +
        oneWorker("{ responseTime: 40s }") +
        scriptedJobs([0], "1m", "    patience: 30s"),
    );
    expect(trace(run.events).slice(1)).toEqual([
      "0 JobReceived job-1",
      "0 JobQueued job-1",
      "0 WorkerOfferIssued w1 job-1",
      "30 JobCancelled job-1",
      "30 WorkerOfferRevoked w1 job-1",
    ]);
    expect(run.result.endTimeSeconds).toBe(600);
  });
});

describe("arrival kinds", () => {
  it("scripted: exactly the listed times, unsorted input sorted", () => {
    const run = runYaml(
      `horizon: 60s\n${ONE_QUEUE}${oneWorker("{}")}${scriptedJobs([30, 0, 59.5], "1s")}`,
    );
    expect(trace(run.events, "RouterJobReceived")).toEqual([
      "0 JobReceived job-1",
      "30 JobReceived job-2",
      "59.5 JobReceived job-3",
    ]);
  });

  it("renewal: the first gap counts from time 0", () => {
    const run = runYaml(`horizon: 60s
${ONE_QUEUE}${oneWorker("{}")}
arrivals:
  - id: job
    channelId: voice
    queueId: q
    arrival: { kind: renewal, interarrival: 10s }
    handleTime: 1s
`);
    expect(timesOf(run.events, "RouterJobReceived")).toEqual([10, 20, 30, 40, 50]);
  });

  it("trace: ISO timestamps relative to startTime, rows sorted, other columns become labels", () => {
    const run = runYaml(
      `horizon: 10m
startTime: 2026-03-01T08:00:00Z
${ONE_QUEUE}${oneWorker("{}")}
arrivals:
  - id: call
    channelId: voice
    queueId: q
    labels: { Tier: none, Source: trace }
    arrival: { kind: trace, file: calls.csv }
    handleTime: 1s
`,
      "test/fixtures/world/trace.yaml",
    );
    const received = eventsOfType(run.events, "RouterJobReceived");
    expect(received.map((event) => [event.timeSeconds, event.jobId, event.labels])).toEqual([
      [5, "call-1", { Tier: "gold", Source: "trace", Language: "en", Callback: true }],
      [30, "call-2", { Tier: "bronze", Source: "trace", Language: "fr" }],
      [60.5, "call-3", { Tier: "silver", Source: "trace", Callback: false }],
    ]);
  });
});

describe("the end of a run", () => {
  it("drains past the horizon and stops when the last job ends", () => {
    const run = runYaml(
      `horizon: 60s\n${ONE_QUEUE}${oneWorker("{}")}${scriptedJobs([50], "100s")}`,
    );
    expect(run.result.endTimeSeconds).toBe(150);
    expect(run.result.metrics.overall.inSystemAtEnd).toBe(0);
  });

  it("stops at horizon + drain with a job stuck, counted in inSystemAtEnd", () => {
    const run = runYaml(
      `horizon: 60s\ndrain: 30m\n${ONE_QUEUE}${NOBODY}${scriptedJobs([0, 10], "1s")}`,
    );
    expect(run.result.endTimeSeconds).toBe(60 + 1800);
    expect(run.result.metrics.overall.inSystemAtEnd).toBe(2);
  });

  it("with drain 0 stops at the horizon, a job still being handled", () => {
    const run = runYaml(
      `horizon: 60s\ndrain: 0\n${ONE_QUEUE}${oneWorker("{}")}${scriptedJobs([10], "100s")}`,
    );
    expect(run.result.endTimeSeconds).toBe(60);
    expect(timesOf(run.events, "RouterJobCompleted")).toEqual([]);
    expect(run.result.metrics.overall.inSystemAtEnd).toBe(1);
  });

  it("simulates warm-up jobs but leaves them out of the metrics", () => {
    const run = runYaml(
      "horizon: 100s\nwarmup: 50s\n" +
        ONE_QUEUE +
        oneWorker("{}") +
        scriptedJobs([10, 20, 60], "5s"),
    );
    expect(timesOf(run.events, "RouterJobReceived")).toEqual([10, 20, 60]);
    expect(run.result.metrics.overall.arrived).toBe(1);
    expect(run.result.metrics.overall.completed).toBe(1);
  });
});

describe("arrival lanes", () => {
  /** Streams that arrive at shared instants (scripted ties, a renewal on the same grid). */
  const STREAMS = `
arrivals:
  - id: a
    channelId: voice
    queueId: q
    arrival: { kind: poisson, ratePerHour: 90 }
    handleTime: { kind: exponential, mean: 2m }
    patience: { kind: exponential, mean: 3m }
  - id: b
    channelId: voice
    queueId: q
    arrival: { kind: scripted, at: [0, 0, 30, 30, 90, 90, 600] }
    handleTime: 1m
    patience: 2m
  - id: c
    channelId: voice
    queueId: q
    arrival: { kind: renewal, interarrival: 45s }
    handleTime: { kind: exponential, mean: 1m }
`;
  /** Streams that never arrive: with them the scenario has more streams than lanes. */
  const SILENT = Array.from(
    { length: 6 },
    (_, index) => `
  - id: silent${index}
    channelId: voice
    queueId: q
    arrival: { kind: poisson, ratePerHour: 0 }
    handleTime: 1m`,
  ).join("");
  const WORKERS = `
workers:
  - id: w
    count: 2
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: { responseTime: { kind: exponential, mean: 5s }, wrapUpTime: 10s }
`;

  it("fire each stream's arrivals as the heap does, ties and all", () => {
    // Three streams get lanes of their own; nine (six silent) go through the heap. Every router
    // event, at every time, must be the same in both runs.
    expect(MAX_ARRIVAL_LANES).toBeGreaterThanOrEqual(3);
    expect(MAX_ARRIVAL_LANES).toBeLessThan(9);
    const head = "horizon: 1h\ndrain: 2h\n";
    const inLanes = runYaml(head + ONE_QUEUE + WORKERS + STREAMS);
    const inHeap = runYaml(head + ONE_QUEUE + WORKERS + STREAMS + SILENT);
    const lines = (run: { events: readonly { timeSeconds: number }[] }) =>
      run.events.map((event) => JSON.stringify(event));
    expect(inLanes.events.length).toBeGreaterThan(200);
    expect(lines(inHeap)).toEqual(lines(inLanes));
  });
});
