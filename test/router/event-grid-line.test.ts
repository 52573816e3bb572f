/**
 * The direct Event Grid line writer must give exactly `JSON.stringify` of the Event Grid object
 * (the reference shape): on every event of the shipped scenarios, and on generated events with
 * awkward strings, numbers and times. The fast ids and timestamps are checked against plain
 * reference implementations.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deterministicEventId, EventGridSerializer } from "../../src/router/event-grid.ts";
import type { RouterEvent } from "../../src/router/events.ts";
import type { WorkerSelector } from "../../src/router/types.ts";
import { loadScenario } from "../../src/scenario/index.ts";
import { assertProperty } from "../support/property.ts";
import { runScenario } from "../world/harness.ts";

const options = { startTime: "2026-01-01T00:00:00Z", seed: 7, replication: 2 };

/** Each line from the writer, and the reference line, from two serializers in step. */
function linesBothWays(events: readonly RouterEvent[], serializerOptions = options) {
  const fast = new EventGridSerializer(serializerOptions);
  const reference = new EventGridSerializer(serializerOptions);
  return events.map((event) => ({
    fast: fast.serializeLine(event),
    reference: JSON.stringify(reference.serialize(event)),
  }));
}

/** The id as first written: words in an array, hex by toString and padStart, then sliced. */
function referenceEventId(seed: number, replication: number, sequence: number): string {
  const mix32 = (value: number): number => {
    let h = value | 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
  const hex8 = (value: number) => value.toString(16).padStart(8, "0");
  const words: number[] = [];
  let state = mix32((seed >>> 0) ^ 0x9e3779b9);
  for (let lane = 0; lane < 4; lane++) {
    state = mix32(state ^ (Math.floor(seed / 2 ** 32) >>> 0) ^ Math.imul(lane + 1, 0x27d4eb2f));
    state = mix32(state ^ replication);
    state = mix32(state ^ (sequence >>> 0));
    state = mix32(state ^ (Math.floor(sequence / 2 ** 32) >>> 0));
    words.push(state);
  }
  const [a, b, c, d] = words as [number, number, number, number];
  const bHex = hex8(((b & 0xffff0fff) | 0x00008000) >>> 0);
  const cHex = hex8(((c & 0x3fffffff) | 0x80000000) >>> 0);
  return `${hex8(a)}-${bHex.slice(0, 4)}-${bHex.slice(4)}-${cHex.slice(0, 4)}-${cHex.slice(4)}${hex8(d)}`;
}

const scenarioFolder = fileURLToPath(new URL("../../scenarios/", import.meta.url));

describe("Event Grid line writer", () => {
  it.each(readdirSync(scenarioFolder).filter((name) => name.endsWith(".yaml")))(
    "writes every event of %s exactly as JSON.stringify does",
    async (name) => {
      const scenario = await loadScenario(`${scenarioFolder}${name}`);
      // Half an hour is enough to see every event kind the scenario produces.
      const run = runScenario({
        ...scenario,
        horizonSeconds: Math.min(scenario.horizonSeconds, 1800),
      });
      expect(run.events.length).toBeGreaterThan(0);
      for (const { fast, reference } of linesBothWays(run.events)) expect(fast).toBe(reference);
    },
    120_000,
  );

  it("writes awkward labels, selector values and times exactly as JSON.stringify does", () => {
    const text = fc.string({ unit: "binary", maxLength: 6 });
    const labelValue = fc.oneof(text, fc.double(), fc.integer(), fc.boolean());
    const labels = fc.dictionary(text, labelValue, { maxKeys: 4 });
    const selector: fc.Arbitrary<WorkerSelector> = fc.record({
      key: text,
      labelOperator: fc.constantFrom("equal", "notEqual", "greaterThanOrEqual"),
      value: labelValue,
      expiresAfterSeconds: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
      expedite: fc.boolean(),
      status: fc.constantFrom("active", "expired"),
      expiresAtSeconds: fc.option(fc.double({ min: 0, max: 1e8, noNaN: true })),
    });
    const time = fc.double({ min: 0, max: 1e9, noNaN: true });
    const id = fc.oneof(text, fc.constantFrom("job-1", "worker-7"));
    const event: fc.Arbitrary<RouterEvent> = fc.oneof(
      fc.record({
        type: fc.constant("RouterJobReceived" as const),
        timeSeconds: time,
        jobId: id,
        channelReference: fc.option(text),
        channelId: id,
        queueId: fc.option(id),
        labels,
        tags: labels,
        jobStatus: fc.constantFrom("queued" as const, "pendingClassification" as const),
        classificationPolicyId: fc.option(id),
        priority: fc.option(fc.integer({ min: -100, max: 100 })),
        requestedWorkerSelectors: fc.array(selector, { maxLength: 3 }),
        scheduledAtSeconds: fc.option(time),
        unavailableForMatching: fc.boolean(),
      }),
      fc.record({
        type: fc.constant("RouterWorkerOfferIssued" as const),
        timeSeconds: time,
        jobId: id,
        channelReference: fc.option(text),
        channelId: id,
        workerId: id,
        queueId: id,
        offerId: id,
        jobPriority: fc.integer(),
        offeredAtSeconds: time,
        expiresAtSeconds: time,
        workerLabels: labels,
        workerTags: labels,
        jobLabels: labels,
        jobTags: labels,
      }),
      fc.record({
        type: fc.constant("RouterJobCancelled" as const),
        timeSeconds: time,
        jobId: id,
        channelReference: fc.option(text),
        channelId: id,
        queueId: fc.option(id),
        labels,
        tags: labels,
        note: fc.option(text),
        dispositionCode: text,
      }),
      fc.record({
        type: fc.constant("RouterJobWaitingForActivation" as const),
        timeSeconds: time,
        jobId: id,
        channelReference: fc.option(text),
        channelId: id,
        queueId: fc.option(id),
        labels,
        tags: labels,
        priority: fc.integer(),
        expiredRequestedWorkerSelectors: fc.array(selector, { maxLength: 2 }),
        expiredAttachedWorkerSelectors: fc.array(selector, { maxLength: 2 }),
        scheduledAtSeconds: fc.option(time),
        unavailableForMatching: fc.boolean(),
      }),
    );
    assertProperty(
      fc.property(fc.array(event, { minLength: 1, maxLength: 8 }), (events) => {
        for (const { fast, reference } of linesBothWays(events)) expect(fast).toBe(reference);
      }),
      { seed: 1212, numRuns: 300 },
    );
  });

  it("gives the reference ids and timestamps", () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (seed, replication, sequence) => {
          expect(deterministicEventId(seed, replication, sequence)).toBe(
            referenceEventId(seed, replication, sequence),
          );
        },
      ),
      { seed: 1213, numRuns: 2000 },
    );
    const start = "1999-12-31T23:59:58.250Z";
    assertProperty(
      fc.property(
        fc.array(fc.double({ min: -1e7, max: 1e11, noNaN: true }), { maxLength: 20 }),
        (times) => {
          const serializer = new EventGridSerializer({ ...options, startTime: start });
          for (const seconds of [...times, ...times.sort((a, b) => a - b)]) {
            const expected = new Date(Date.parse(start) + Math.round(seconds * 1000)).toISOString();
            expect(serializer.timestamp(seconds)).toBe(expected);
          }
        },
      ),
      { seed: 1214, numRuns: 500 },
    );
  });
});
