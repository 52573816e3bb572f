/**
 * The Event Grid byte writer must give exactly `JSON.stringify` of the envelope ccsim built
 * before it (event-grid-reference.ts): on every event of the shipped scenarios, and on generated
 * events of every type with hostile strings (quotes, backslashes, control characters,
 * non-ASCII, lone surrogates) in ids, labels, tags and selectors, through a buffer small enough
 * to be flushed inside lines. The fast ids and timestamps are checked against plain references.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deterministicEventId,
  EventGridSerializer,
} from "../../../src/report/event-grid/event-grid.ts";
import { JsonBytes } from "../../../src/report/event-grid/json-bytes.ts";
import type { RouterEvent } from "../../../src/router/events/events.ts";
import type { WorkerSelector } from "../../../src/router/types.ts";
import { loadScenario } from "../../../src/scenario/index.ts";
import { assertProperty } from "../../support/property.ts";
import { runScenario } from "../../world/harness.ts";
import { ReferenceEventGrid } from "./event-grid-reference.ts";

const options = { startTime: "2026-01-01T00:00:00Z", seed: 7, replication: 2 };

/** Each line from the writer, and the reference line, from two serializers in step. */
function linesBothWays(events: readonly RouterEvent[], serializerOptions = options) {
  const fast = new EventGridSerializer(serializerOptions);
  const reference = new ReferenceEventGrid(serializerOptions);
  return events.map((event) => ({
    fast: fast.serializeLine(event),
    reference: reference.line(event),
  }));
}

/**
 * The whole stream as the file writer writes it (`writeLine` into a buffer of `capacity`
 * bytes, flushed to a sink whenever it fills), decoded, and the reference stream.
 */
function streamBothWays(events: readonly RouterEvent[], capacity: number) {
  const serializer = new EventGridSerializer(options);
  const reference = new ReferenceEventGrid(options);
  const chunks: Uint8Array[] = [];
  const out = new JsonBytes(capacity, (bytes, length) => chunks.push(bytes.slice(0, length)));
  for (const event of events) serializer.writeLine(out, event);
  out.flush();
  return {
    fast: Buffer.concat(chunks).toString("utf8"),
    reference: events.map((event) => `${reference.line(event)}\n`).join(""),
  };
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

/** Strings a careless writer gets wrong, mixed with plain text. */
const HOSTILE_PIECES = [
  "",
  "call-1",
  '"',
  "\\",
  "/",
  "\n",
  "\u0000",
  "\u001f",
  "\u007f",
  "\u0080",
  "é",
  "日本",
  "\ud800",
  "\udfff",
  "\ud83d\ude00",
  "\u2028",
  "</script>",
  "\\u0041",
];
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_PIECES),
      fc.string({ unit: "binary", maxLength: 3 }),
      fc.string({
        unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
        maxLength: 2,
      }),
    ),
    { maxLength: 4 },
  )
  .map((pieces) => pieces.join(""));
const id = fc.oneof(fc.constantFrom("job-1", "worker-7", "voice", "q"), text);
const labelValue = fc.oneof(text, fc.double(), fc.integer(), fc.boolean());
const labels = fc.dictionary(text, labelValue, { maxKeys: 4 });
const time = fc.double({ min: 0, max: 1e9, noNaN: true });
const selector: fc.Arbitrary<WorkerSelector> = fc.record({
  key: text,
  labelOperator: fc.constantFrom("equal", "notEqual", "greaterThanOrEqual"),
  value: labelValue,
  expiresAfterSeconds: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
  expedite: fc.boolean(),
  status: fc.constantFrom("active", "expired"),
  expiresAtSeconds: fc.option(time),
});
const selectors = fc.array(selector, { maxLength: 3 });
const priority = fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double());
const queueDetails = fc.record({ id, name: text, labels });
const jobBase = {
  timeSeconds: time,
  jobId: id,
  channelReference: fc.option(text),
  channelId: id,
  queueId: fc.option(id),
  labels,
  tags: labels,
};
const offerBase = {
  timeSeconds: time,
  jobId: id,
  channelReference: fc.option(text),
  channelId: id,
  workerId: id,
  queueId: id,
  offerId: id,
};
const offerLabels = {
  workerLabels: labels,
  workerTags: labels,
  jobLabels: labels,
  jobTags: labels,
};

/** One arbitrary per event type, each with its fields in the order events.ts declares them. */
const EVENT_ARBITRARIES: {
  readonly [T in RouterEvent["type"]]: fc.Arbitrary<Extract<RouterEvent, { type: T }>>;
} = {
  RouterJobReceived: fc.record({
    type: fc.constant("RouterJobReceived"),
    ...jobBase,
    jobStatus: fc.constantFrom(
      "queued",
      "pendingClassification",
      "waitingForActivation",
      "scheduled",
    ),
    classificationPolicyId: fc.option(id),
    priority: fc.option(priority),
    requestedWorkerSelectors: selectors,
    scheduledAtSeconds: fc.option(time),
    unavailableForMatching: fc.boolean(),
  }),
  RouterJobClassified: fc.record({
    type: fc.constant("RouterJobClassified"),
    ...jobBase,
    queueDetails,
    classificationPolicyId: id,
    priority,
    attachedWorkerSelectors: selectors,
  }),
  RouterJobClassificationFailed: fc.record({
    type: fc.constant("RouterJobClassificationFailed"),
    ...jobBase,
    classificationPolicyId: id,
    errors: fc.array(fc.record({ code: text, message: text }), { maxLength: 2 }),
  }),
  RouterJobQueued: fc.record({
    type: fc.constant("RouterJobQueued"),
    ...jobBase,
    priority,
    requestedWorkerSelectors: selectors,
    attachedWorkerSelectors: selectors,
  }),
  RouterJobUnassigned: fc.record({
    type: fc.constant("RouterJobUnassigned"),
    ...jobBase,
    assignmentId: id,
    workerId: id,
  }),
  RouterJobCompleted: fc.record({
    type: fc.constant("RouterJobCompleted"),
    ...jobBase,
    assignmentId: id,
    workerId: id,
  }),
  RouterJobClosed: fc.record({
    type: fc.constant("RouterJobClosed"),
    ...jobBase,
    assignmentId: id,
    workerId: id,
    dispositionCode: fc.option(text),
  }),
  RouterJobCancelled: fc.record({
    type: fc.constant("RouterJobCancelled"),
    ...jobBase,
    note: fc.option(text),
    dispositionCode: text,
  }),
  RouterJobExceptionTriggered: fc.record({
    type: fc.constant("RouterJobExceptionTriggered"),
    ...jobBase,
    ruleKey: id,
    exceptionRuleId: id,
  }),
  RouterJobWorkerSelectorsExpired: fc.record({
    type: fc.constant("RouterJobWorkerSelectorsExpired"),
    ...jobBase,
    expiredRequestedWorkerSelectors: selectors,
    expiredAttachedWorkerSelectors: selectors,
  }),
  RouterJobWaitingForActivation: fc.record({
    type: fc.constant("RouterJobWaitingForActivation"),
    ...jobBase,
    priority,
    expiredRequestedWorkerSelectors: selectors,
    expiredAttachedWorkerSelectors: selectors,
    scheduledAtSeconds: fc.option(time),
    unavailableForMatching: fc.boolean(),
  }),
  RouterWorkerOfferIssued: fc.record({
    type: fc.constant("RouterWorkerOfferIssued"),
    ...offerBase,
    jobPriority: priority,
    offeredAtSeconds: time,
    expiresAtSeconds: time,
    ...offerLabels,
  }),
  RouterWorkerOfferAccepted: fc.record({
    type: fc.constant("RouterWorkerOfferAccepted"),
    ...offerBase,
    assignmentId: id,
    jobPriority: priority,
    ...offerLabels,
  }),
  RouterWorkerOfferDeclined: fc.record({
    type: fc.constant("RouterWorkerOfferDeclined"),
    ...offerBase,
  }),
  RouterWorkerOfferRevoked: fc.record({
    type: fc.constant("RouterWorkerOfferRevoked"),
    ...offerBase,
  }),
  RouterWorkerOfferExpired: fc.record({
    type: fc.constant("RouterWorkerOfferExpired"),
    ...offerBase,
  }),
  RouterWorkerRegistered: fc.record({
    type: fc.constant("RouterWorkerRegistered"),
    timeSeconds: time,
    workerId: id,
    queueAssignments: fc.array(queueDetails, { maxLength: 2 }),
    channelConfigurations: fc.array(
      fc.record({
        channelId: id,
        capacityCostPerJob: fc.integer({ min: 1, max: 100 }),
        maxNumberOfJobs: fc.option(fc.integer({ min: 1, max: 10 })),
      }),
      { maxLength: 2 },
    ),
    totalCapacity: fc.integer({ min: 0, max: 100 }),
    labels,
    tags: labels,
  }),
  RouterWorkerDeregistered: fc.record({
    type: fc.constant("RouterWorkerDeregistered"),
    timeSeconds: time,
    workerId: id,
  }),
};
const anyEvent: fc.Arbitrary<RouterEvent> = fc.oneof(...Object.values(EVENT_ARBITRARIES));

const scenarioFolder = fileURLToPath(new URL("../../../scenarios/", import.meta.url));

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

  it("writes every event type with hostile strings exactly as JSON.stringify does", () => {
    const events = fc.array(anyEvent, { minLength: 1, maxLength: 8 });
    assertProperty(
      fc.property(events, (generated) => {
        for (const { fast, reference } of linesBothWays(generated)) expect(fast).toBe(reference);
      }),
      { seed: 1212, numRuns: 400 },
    );
  });

  it("escapes lone surrogates in a subject as JSON.stringify does", () => {
    const event: RouterEvent = {
      type: "RouterJobCompleted",
      timeSeconds: 1,
      jobId: "job-\ud83d",
      channelReference: null,
      channelId: "\ude00voice",
      queueId: "q",
      labels: {},
      tags: {},
      assignmentId: "a-1",
      workerId: "w\ud83d",
    };
    const [line] = linesBothWays([event]);
    expect(line?.fast).toBe(line?.reference);
    expect(line?.fast).toContain('"subject":"job/job-\\ud83d/channel/\\ude00voice/assignment/a-1"');
  });

  it("streams the same bytes through a buffer that fills inside lines", () => {
    assertProperty(
      fc.property(
        fc.array(anyEvent, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 300 }),
        (generated, capacity) => {
          const { fast, reference } = streamBothWays(generated, capacity);
          expect(fast).toBe(reference);
        },
      ),
      { seed: 1215, numRuns: 200 },
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
        fc.array(
          fc.oneof(
            fc.double({ min: -1e7, max: 1e11, noNaN: true }),
            // Years before 1970 and after 9999 (six-digit years), to the edge of Date's range.
            fc.double({ min: -8.6e12, max: 8.6e12, noNaN: true }),
          ),
          { maxLength: 20 },
        ),
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
