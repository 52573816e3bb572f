/**
 * The composition root and the replication task, directly: advancing in chunks gives exactly the
 * events of a run to the end; the task reports progress in a bounded number of chunks whatever
 * the drain; a stop request ends it with no result and no events file; an invariant violation
 * names the event that broke it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runReplicationTask } from "../../src/cli/run/replication-task.ts";
import type { RouterEvent } from "../../src/router/index.ts";
import { Replication, runReplication } from "../../src/simulate.ts";
import {
  eventGridLines,
  ONE_QUEUE,
  oneWorker,
  scenarioOf,
  scriptedJobs,
} from "../world/harness.ts";

const BUSY = scenarioOf(`
horizon: 1h
distributionPolicies: [{ id: p, offerExpiresAfterSeconds: 10, mode: { kind: roundRobin } }]
queues: [{ id: q, distributionPolicyId: p }]
workers:
  - id: w
    count: 3
    capacity: 2
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior:
      responseTime: { kind: exponential, mean: 3s }
      acceptProbability: 0.8
      noResponseProbability: 0.1
      wrapUpTime: { kind: uniform, min: 0s, max: 20s }
      unassignProbability: 0.1
      unassignAfter: 30s
arrivals:
  - id: call
    channelId: voice
    queueId: q
    arrival: { kind: poisson, ratePerHour: 150 }
    handleTime: { kind: exponential, mean: 2m }
    patience: { kind: exponential, mean: 2m }
`);

/** A job nobody serves, a 1 s horizon and the default 24 h drain. */
const STUCK = scenarioOf(
  `horizon: 1s\n${ONE_QUEUE}${oneWorker("{}", "    availableForOffers: false")}${scriptedJobs([0], "1m")}`,
);

const scratch = mkdtempSync(join(tmpdir(), "ccsim-replication-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("Replication.advance", () => {
  it("in uneven chunks gives exactly the events and metrics of one run to the end", () => {
    const whole: RouterEvent[] = [];
    const expected = runReplication(BUSY, {
      replication: 2,
      onEvent: (event) => whole.push(event),
    });
    const chunked: RouterEvent[] = [];
    const replication = new Replication(BUSY, {
      replication: 2,
      onEvent: (event) => chunked.push(event),
    });
    let result = null;
    for (let untilSeconds = 0; result === null; untilSeconds += 37 + (untilSeconds % 101)) {
      result = replication.advance(untilSeconds);
    }
    expect(whole.length).toBeGreaterThan(500);
    expect(eventGridLines(BUSY, chunked)).toBe(eventGridLines(BUSY, whole));
    expect(result).toEqual(expected);
  });

  it("reports progress from 0 to 1, never going back", () => {
    const replication = new Replication(BUSY, { replication: 0 });
    const seen = [replication.progress];
    for (let untilSeconds = 600; replication.advance(untilSeconds) === null; untilSeconds += 600)
      seen.push(replication.progress);
    seen.push(replication.progress);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((value, i) => i === 0 || value >= (seen[i - 1] as number))).toBe(true);
  });

  it("names the event after which an invariant broke", () => {
    const replication = new Replication(BUSY, { replication: 0, checkInvariants: true });
    replication.advance(0); // the world starts in the first advance
    // Break the world's bookkeeping behind its back: the router now has a job the world lacks.
    (replication as unknown as { router: { upsertJob(spec: object): unknown } }).router.upsertJob({
      id: "intruder",
      channelId: "voice",
      queueId: "q",
    });
    expect(() => replication.advance(3600)).toThrow(
      /invariant broken after event world:\w+\(\d+\) at t=[\d.]+s:\n {2}the router has \d+ jobs in the system, the world \d+/,
    );
  });
});

describe("runReplicationTask", () => {
  it("gives the result of runReplication and writes the events file", async () => {
    const eventsPath = join(scratch, "events.jsonl");
    const events: RouterEvent[] = [];
    const expected = runReplication(BUSY, {
      replication: 0,
      onEvent: (event) => events.push(event),
    });
    const result = await runReplicationTask({
      scenario: BUSY,
      traces: new Map(),
      replication: 0,
      checkInvariants: false,
      eventsPath,
    });
    expect(result).toEqual(expected);
    expect(readFileSync(eventsPath, "utf8")).toBe(eventGridLines(BUSY, events));
  });

  it("reports a bounded number of chunks however long the drain is", async () => {
    let chunks = 0;
    const result = await runReplicationTask(
      { scenario: STUCK, traces: new Map(), replication: 0, checkInvariants: false },
      () => {
        chunks++;
        return true;
      },
    );
    expect(result?.endTimeSeconds).toBe(1 + 24 * 3600);
    expect(result?.metrics.overall.inSystemAtEnd).toBe(1);
    expect(chunks).toBeLessThanOrEqual(400);
  });

  it("stops when asked, with no result and no events file left", async () => {
    const eventsPath = join(scratch, "stopped", "events.jsonl");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(scratch, "stopped"));
    let chunks = 0;
    const result = await runReplicationTask(
      { scenario: BUSY, traces: new Map(), replication: 0, checkInvariants: false, eventsPath },
      async () => ++chunks < 10,
    );
    expect(result).toBeNull();
    expect(chunks).toBe(10);
    expect(existsSync(eventsPath)).toBe(false);
    expect(readdirSync(join(scratch, "stopped"))).toEqual([]);
  });
});

describe("the world's invariants", () => {
  it("catch a person who believes otherwise than the router about being registered", () => {
    const replication = new Replication(BUSY, { replication: 0, checkInvariants: true });
    replication.advance(0); // the world starts in the first advance
    const world = (
      replication as unknown as { world: { workers: { people: { active: boolean }[] } } }
    ).world;
    const person = world.workers.people[0];
    if (person === undefined) throw new Error("no people");
    person.active = false;
    expect(() => replication.advance(3600)).toThrow(
      /person w-1 believes not registered, the router says active/,
    );
  });
});
