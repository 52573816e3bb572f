/**
 * Test harness for whole runs: builds a Scenario from YAML text (through the real loading
 * pipeline), runs one replication with invariants checked after every event, and collects the
 * router events. Short trace lines (`"12 OfferIssued w1 job-1"`) make event-trace assertions read
 * like the documentation; `eventGridLines` gives the bytes events.jsonl would hold.
 */
import { EventGridSerializer } from "../../src/report/event-grid/index.ts";
import type { RouterEvent } from "../../src/router/index.ts";
import { parseScenario, readTraces, type Scenario } from "../../src/scenario/index.ts";
import { type ReplicationResult, runReplication } from "../../src/simulate.ts";

/** What one replication produced, with every router event in order. */
export interface Run {
  readonly scenario: Scenario;
  readonly result: ReplicationResult;
  readonly events: RouterEvent[];
}

/**
 * Parses YAML scenario text. `fileName` decides where relative trace paths are resolved, so a
 * scenario that reads a fixture CSV passes a name inside test/fixtures.
 */
export function scenarioOf(yamlText: string, fileName = "test/world/inline.yaml"): Scenario {
  return parseScenario(yamlText, fileName);
}

/**
 * Most router events any test run may produce. A run that goes past it is stuck (e.g. offers
 * re-issued at one instant forever): it fails with a message instead of hanging the test
 * process, which no timeout can interrupt while synchronous code runs.
 */
export const DEFAULT_EVENT_BUDGET = 2_000_000;

/** A run went past its event budget. */
export class EventBudgetExceeded extends Error {}

/** Runs one replication of a scenario with invariants on, recording every event. */
export function runScenario(
  scenario: Scenario,
  replication = 0,
  eventBudget = DEFAULT_EVENT_BUDGET,
): Run {
  const events: RouterEvent[] = [];
  const result = runReplication(scenario, {
    replication,
    traces: readTraces(scenario),
    checkInvariants: true,
    onEvent: (event) => {
      if (events.length >= eventBudget) {
        throw new EventBudgetExceeded(
          `more than ${eventBudget} router events (at t=${event.timeSeconds}s: ${event.type}); the run is stuck or the test's scenario is too large`,
        );
      }
      events.push(event);
    },
  });
  return { scenario, result, events };
}

/** Parses and runs YAML scenario text (replication 0). */
export function runYaml(yamlText: string, fileName?: string): Run {
  return runScenario(scenarioOf(yamlText, fileName));
}

/** `"<time> <type without Router> <workerId?> <jobId?>"` for one event. */
export function traceLine(event: RouterEvent): string {
  const parts: string[] = [String(event.timeSeconds), event.type.replace(/^Router/, "")];
  if ("workerId" in event) parts.push(event.workerId);
  if ("jobId" in event) parts.push(event.jobId);
  return parts.join(" ");
}

/** Trace lines of the events, optionally only those of the given types. */
export function trace(events: readonly RouterEvent[], ...types: RouterEvent["type"][]): string[] {
  const kept = types.length === 0 ? events : events.filter((event) => types.includes(event.type));
  return kept.map(traceLine);
}

/** Events of one type, narrowed. */
export function eventsOfType<T extends RouterEvent["type"]>(
  events: readonly RouterEvent[],
  type: T,
): Extract<RouterEvent, { type: T }>[] {
  return events.filter((event): event is Extract<RouterEvent, { type: T }> => event.type === type);
}

/** Times of the events of one type (optionally only those of one job). */
export function timesOf(
  events: readonly RouterEvent[],
  type: RouterEvent["type"],
  jobId?: string,
): number[] {
  return events
    .filter((event) => event.type === type && (jobId === undefined || jobIdOf(event) === jobId))
    .map((event) => event.timeSeconds);
}

/** The job id of an event, or undefined for worker events. */
export function jobIdOf(event: RouterEvent): string | undefined {
  return "jobId" in event ? event.jobId : undefined;
}

/** The Event Grid JSON lines events.jsonl would hold for these events. */
export function eventGridLines(scenario: Scenario, events: readonly RouterEvent[]): string {
  const serializer = new EventGridSerializer({
    startTime: scenario.startTime,
    seed: scenario.seed,
    replication: 0,
  });
  return events.map((event) => `${serializer.serializeLine(event)}\n`).join("");
}

/** Common scenario head: one longest-idle policy (offers expire after 60 s) and one queue. */
export const ONE_QUEUE = `
distributionPolicies:
  - id: policy
    offerExpiresAfterSeconds: 60
    mode: { kind: longestIdle }
queues:
  - id: q
    distributionPolicyId: policy
`;

/** One worker `w1` (capacity 1, voice cost 1) on queue q with the given behavior YAML map. */
export function oneWorker(behavior: string, extra = ""): string {
  return `
workers:
  - id: w1
    capacity: 1
    queues: [q]
    channels: [{ channelId: voice, capacityCostPerJob: 1 }]
    behavior: ${behavior}
${extra}`;
}

/** One scripted arrival stream `job` on queue q. */
export function scriptedJobs(atSeconds: readonly number[], handleTime: string, extra = ""): string {
  return `
arrivals:
  - id: job
    channelId: voice
    queueId: q
    arrival: { kind: scripted, at: [${atSeconds.join(", ")}] }
    handleTime: ${handleTime}
${extra}`;
}
