/**
 * The events.jsonl writer keeps events and serializes them a batch at a time
 * (src/cli/run/event-log.ts). Its file must hold exactly the bytes of serializing each event the
 * moment it comes: checked here against a serializer called in the run's own listener, on every
 * shipped scenario (whose runs reuse job slots, offers and assignments, and change labels and
 * selectors), and on random streams drawn from those events with batches of several sizes, the
 * last one partial. Serializing later relies on every object an event carries being frozen
 * (the router never mutates them), which is checked for every event of those runs. A
 * serializer error must still surface, at the latest from `finish`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { EventLog } from "../../src/cli/run/event-log.ts";
import { EventGridSerializer, JsonBytes } from "../../src/report/event-grid/index.ts";
import type { RouterEvent } from "../../src/router/index.ts";
import { loadScenario, readTraces } from "../../src/scenario/index.ts";
import { runReplication } from "../../src/simulate.ts";
import { assertProperty } from "../support/property.ts";

const folder = mkdtempSync(join(tmpdir(), "event-log-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let fileNumber = 0;

const options = { startTime: "2026-01-01T00:00:00Z", seed: 7, replication: 0 };

/** Serializes each event as it is given, into memory (the writer before batches). */
class ImmediateLines {
  private readonly serializer = new EventGridSerializer(options);
  private readonly chunks: Buffer[] = [];
  private readonly bytes = new JsonBytes(4096, (bytes, length) =>
    this.chunks.push(Buffer.from(bytes.subarray(0, length))),
  );
  write(event: RouterEvent): void {
    this.serializer.writeLine(this.bytes, event);
  }
  text(): string {
    this.bytes.flush();
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

/** Writes `events` through an EventLog of `eventsPerBatch` and returns the file's text. */
function logged(events: readonly RouterEvent[], eventsPerBatch: number): string {
  const path = join(folder, `events-${fileNumber++}.jsonl`);
  const log = new EventLog(path, options, eventsPerBatch);
  for (const event of events) log.write(event);
  log.finish();
  const text = readFileSync(path, "utf8");
  rmSync(path);
  return text;
}

function immediately(events: readonly RouterEvent[]): string {
  const lines = new ImmediateLines();
  for (const event of events) lines.write(event);
  return lines.text();
}

/** Every object reachable from `value` that is not frozen (path names). */
function unfrozen(value: unknown, path: string, found: string[]): void {
  if (typeof value !== "object" || value === null) return;
  if (!Object.isFrozen(value)) found.push(path);
  for (const [key, member] of Object.entries(value)) unfrozen(member, `${path}.${key}`, found);
}

const root = fileURLToPath(new URL("../../", import.meta.url));
/** The shipped scenarios, and two fixtures for the event types they do not produce. */
const scenarioPaths = [
  ...readdirSync(`${root}scenarios`)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => `scenarios/${name}`),
  "test/fixtures/valid/full.yaml",
  "test/fixtures/world/small-random.yaml",
];

/** The three event types no scenario run produces (they come from the router's API). */
const base = {
  timeSeconds: 12.5,
  jobId: "job-9",
  channelReference: null,
  channelId: "voice",
  queueId: "support",
  labels: Object.freeze({ tier: "gold" }),
  tags: Object.freeze({}),
};
const HANDMADE: readonly RouterEvent[] = [
  Object.freeze({
    ...base,
    type: "RouterJobUnassigned" as const,
    assignmentId: "assignment-3",
    workerId: "agent-1",
  }),
  Object.freeze({
    ...base,
    type: "RouterJobWaitingForActivation" as const,
    priority: 2,
    expiredRequestedWorkerSelectors: Object.freeze([]),
    expiredAttachedWorkerSelectors: Object.freeze([]),
    scheduledAtSeconds: 60,
    unavailableForMatching: true,
  }),
  Object.freeze({
    ...base,
    type: "RouterJobClassificationFailed" as const,
    classificationPolicyId: "policy-1",
    errors: Object.freeze([Object.freeze({ code: "BadRule", message: 'no "queue"' })]),
  }),
];

/** Events of every shipped scenario's first half hour, pooled (for the random streams). */
const pool: RouterEvent[] = [];

describe("EventLog", () => {
  it.each(scenarioPaths)(
    "writes %s's events in batches exactly as serialized at each call",
    async (name) => {
      const loaded = await loadScenario(`${root}${name}`);
      const scenario = { ...loaded, horizonSeconds: Math.min(loaded.horizonSeconds, 1800) };
      const atCall = new ImmediateLines();
      const path = join(folder, `events-${fileNumber++}.jsonl`);
      const log = new EventLog(path, options, 7);
      const events: RouterEvent[] = [];
      const notFrozen: string[] = [];
      runReplication(scenario, {
        replication: 0,
        traces: readTraces(scenario),
        onEvent: (event) => {
          atCall.write(event);
          log.write(event);
          events.push(event);
          for (const [key, member] of Object.entries(event))
            unfrozen(member, `${event.type}.${key}`, notFrozen);
        },
      });
      log.finish();
      const expected = atCall.text();
      expect(events.length).toBeGreaterThan(0);
      expect(readFileSync(path, "utf8")).toBe(expected);
      rmSync(path);
      expect([...new Set(notFrozen)]).toEqual([]);
      // After the run every job slot has been reused many times; the kept events still read
      // as they did at their call.
      expect(logged(events, 1_000_000)).toBe(expected);
      pool.push(...events);
    },
    120_000,
  );

  it("writes random streams of those events alike for any batch size", () => {
    pool.push(...HANDMADE);
    expect(pool.length).toBeGreaterThan(1000);
    // Every event type is in the pool.
    expect(new Set(pool.map((event) => event.type)).size).toBe(18);
    const stream = fc.array(
      fc.oneof(
        fc.nat(pool.length - 1),
        fc.constantFrom(pool.length - 1, pool.length - 2, pool.length - 3),
      ),
      { minLength: 0, maxLength: 300 },
    );
    const batch = fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 9, max: 400 }));
    assertProperty(
      fc.property(stream, batch, (indexes, eventsPerBatch) => {
        const events = indexes.map((index) => pool[index] as RouterEvent);
        expect(logged(events, eventsPerBatch)).toBe(immediately(events));
      }),
      { seed: 1206, numRuns: 200 },
    );
  });

  it("still throws a serializer error, from finish when its batch is not full", () => {
    const first = pool[0] as RouterEvent;
    const outOfRange = { ...first, timeSeconds: 1e20 } as RouterEvent;
    const path = join(folder, `events-${fileNumber++}.jsonl`);
    const log = new EventLog(path, options, 10);
    log.write(first);
    log.write(outOfRange);
    expect(() => log.finish()).toThrow(RangeError);
    log.abort();
    const full = new EventLog(path, options, 2);
    full.write(first);
    expect(() => full.write(outOfRange)).toThrow(RangeError);
    full.abort();
  });
});
