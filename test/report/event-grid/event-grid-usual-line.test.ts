/**
 * The usual lines (event-grid-usual-line.ts), copied together from kept pieces, must read
 * exactly as the general writer writes them: over streams whose events share jobs, workers,
 * channels, queues, labels, tags and selector lists (so that pieces are found again, replaced
 * when more than a few sets are in use, and written afresh when a worker's labels change), with
 * awkward ids that need escaping (their events take the general path, or their pieces are
 * escaped), non-integer and repeated times, pieces too long to keep, and unfrozen labels (which
 * must not be kept, so that changing them after an event cannot leak into a later line). Each
 * stream is also checked against the test oracle, and the usual path must have taken most of
 * the events it is given (a writer that always fell back would pass the comparisons alone).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventGridSerializer } from "../../../src/report/event-grid/event-grid.ts";
import { UsualLines } from "../../../src/report/event-grid/event-grid-usual-line.ts";
import { JsonBytes } from "../../../src/report/event-grid/json-bytes.ts";
import type { RouterEvent } from "../../../src/router/events/events.ts";
import type { Labels, WorkerSelector } from "../../../src/router/types.ts";
import { assertProperty } from "../../support/property.ts";
import { ReferenceEventGrid } from "./event-grid-reference.ts";

const options = { startTime: "2026-01-01T00:00:00Z", seed: 12, replication: 3 };

/** Ids: mostly plain, some that need escaping (quote, backslash, control, non-ASCII, surrogates). */
const IDS = [
  "call-1",
  "call-22",
  "call-333",
  "agent-1",
  "agent-20",
  "voice",
  "chat",
  "support",
  "sales",
  "a",
  "",
  'say "hi"',
  "back\\slash",
  "tab\there",
  "é-café",
  "日本",
  "lone-\ud800",
  "\udfff-low",
  "pair-\ud83d\ude00",
  "\u2028",
];
const PLAIN_IDS = IDS.slice(0, 10);

/** Frozen labels, as the router hands them out, shared between events by identity. */
const FROZEN_LABELS: readonly Labels[] = [
  Object.freeze({}),
  Object.freeze({}),
  Object.freeze({ Id: "agent-1" }),
  Object.freeze({ Id: "agent-20", skill: 3, senior: true }),
  Object.freeze({ language: "fr", weight: 0.25 }),
  Object.freeze({ 'quo"te': "back\\slash", é: "日本" }),
  Object.freeze({ lone: "\ud800", ctl: "\u0001" }),
  Object.freeze({ n: -1.5e-7, big: 1e21, zero: -0 }),
  Object.freeze({ tier: "gold" }),
  Object.freeze({ tier: "silver" }),
  Object.freeze({ region: "emea", x: 1 }),
];
/** A piece too long to keep (more than 2,048 bytes). */
const LONG_LABELS: Labels = Object.freeze({ notes: "x".repeat(3000) });

function frozenSelector(selector: WorkerSelector): WorkerSelector {
  return Object.freeze(selector);
}

const FROZEN_SELECTORS: readonly (readonly WorkerSelector[])[] = [
  Object.freeze([]),
  Object.freeze([]),
  Object.freeze([
    frozenSelector({
      key: "skill",
      labelOperator: "greaterThanOrEqual",
      value: 2,
      expiresAfterSeconds: 30.5,
      expedite: false,
      status: "active",
      expiresAtSeconds: 123.4567,
    }),
  ]),
  Object.freeze([
    frozenSelector({
      key: 'la"ng',
      labelOperator: "equal",
      value: "é",
      expiresAfterSeconds: null,
      expedite: true,
      status: "expired",
      expiresAtSeconds: null,
    }),
    frozenSelector({
      key: "tier",
      labelOperator: "notEqual",
      value: true,
      expiresAfterSeconds: 0,
      expedite: false,
      status: "active",
      expiresAtSeconds: 0.0005,
    }),
  ]),
];

/**
 * Mostly `usual`, sometimes any of `others`: streams then hold many events that differ from
 * another in one value only, which a kept piece must tell apart.
 */
function usually<T>(usual: T, others: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 8, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: others });
}

const id = fc.constantFrom(...IDS);
const plainId = fc.constantFrom(...PLAIN_IDS);
/** Mostly plain ids, so that most events can take the usual path. */
const mostlyPlainId = fc.oneof({ weight: 9, arbitrary: plainId }, { weight: 1, arbitrary: id });
const labels = usually(
  FROZEN_LABELS[0] as Labels,
  fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom(...FROZEN_LABELS) },
    { weight: 1, arbitrary: fc.constant(LONG_LABELS) },
  ),
);
const selectors = usually(
  FROZEN_SELECTORS[0] as readonly WorkerSelector[],
  fc.constantFrom(...FROZEN_SELECTORS),
);
/** Times: a few repeated instants (cached timestamps), fractions of a millisecond, far years. */
const time = fc.oneof(
  fc.constantFrom(0, 0.0004, 0.0005, 1.5, 33.431, 63.431, 86_399.9996, 86_400),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.double({ min: -1e10, max: 3e11, noNaN: true }),
);
const priority = usually(
  1,
  fc.oneof(
    fc.constantFrom(0, -0, 5, 100),
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ noNaN: true }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
  ),
);
const channelReference = usually<string | null>(null, id);
const channelId = usually("voice", mostlyPlainId);
const jobQueueId = usually<string | null>("support", fc.option(mostlyPlainId));
const jobBase = {
  timeSeconds: time,
  jobId: mostlyPlainId,
  channelReference,
  channelId,
  queueId: jobQueueId,
  labels,
  tags: labels,
};
const offerBase = {
  timeSeconds: time,
  jobId: mostlyPlainId,
  channelReference,
  channelId,
  workerId: mostlyPlainId,
  queueId: usually("support", mostlyPlainId),
  offerId: id,
};
const offerLabels = {
  workerLabels: labels,
  workerTags: labels,
  jobLabels: labels,
  jobTags: labels,
};

/** Every event type the usual path takes, and two it leaves to the general path. */
const usualEvent: fc.Arbitrary<RouterEvent> = fc.oneof(
  fc.record({
    type: fc.constant("RouterJobReceived" as const),
    ...jobBase,
    jobStatus: usually(
      "queued" as const,
      fc.constantFrom("queued", "pendingClassification", "waitingForActivation"),
    ),
    classificationPolicyId: usually<string | null>(null, id),
    priority: usually<number | null>(1, fc.option(priority)),
    requestedWorkerSelectors: selectors,
    scheduledAtSeconds: usually<number | null>(null, time),
    unavailableForMatching: usually(false, fc.boolean()),
  }),
  fc.record({
    type: fc.constant("RouterJobQueued" as const),
    ...jobBase,
    priority,
    requestedWorkerSelectors: selectors,
    attachedWorkerSelectors: selectors,
  }),
  fc.record({
    type: fc.constantFrom("RouterJobUnassigned" as const, "RouterJobCompleted" as const),
    ...jobBase,
    assignmentId: mostlyPlainId,
    workerId: mostlyPlainId,
  }),
  fc.record({
    type: fc.constant("RouterJobClosed" as const),
    ...jobBase,
    assignmentId: mostlyPlainId,
    workerId: mostlyPlainId,
    dispositionCode: usually<string | null>(null, id),
  }),
  fc.record({
    type: fc.constant("RouterWorkerOfferIssued" as const),
    ...offerBase,
    jobPriority: priority,
    offeredAtSeconds: time,
    expiresAtSeconds: time,
    ...offerLabels,
  }),
  fc.record({
    type: fc.constant("RouterWorkerOfferAccepted" as const),
    ...offerBase,
    assignmentId: id,
    jobPriority: priority,
    ...offerLabels,
  }),
  fc.record({
    type: fc.constantFrom(
      "RouterWorkerOfferDeclined" as const,
      "RouterWorkerOfferRevoked" as const,
      "RouterWorkerOfferExpired" as const,
    ),
    ...offerBase,
  }),
  fc.record({
    type: fc.constant("RouterJobCancelled" as const),
    ...jobBase,
    note: fc.option(id),
    dispositionCode: id,
  }),
  fc.record({
    type: fc.constant("RouterWorkerDeregistered" as const),
    timeSeconds: time,
    workerId: id,
  }),
);

/** The stream as written with the usual lines, as written by the general path, and the oracle's. */
function streamThreeWays(events: readonly RouterEvent[], capacity: number) {
  const write = (serializer: EventGridSerializer) => {
    const chunks: Uint8Array[] = [];
    const out = new JsonBytes(capacity, (bytes, length) => chunks.push(bytes.slice(0, length)));
    for (const event of events) serializer.writeLine(out, event);
    out.flush();
    return Buffer.concat(chunks).toString("utf8");
  };
  const reference = new ReferenceEventGrid(options);
  return {
    usual: write(new EventGridSerializer(options)),
    general: write(new EventGridSerializer(options, { generalOnly: true })),
    reference: events.map((event) => `${reference.line(event)}\n`).join(""),
  };
}

/** How many of `events` the usual path writes (rather than leaving to the general path). */
function usualCount(events: readonly RouterEvent[]): number {
  const usual = new UsualLines(new EventGridSerializer(options));
  const out = new JsonBytes(1 << 16, () => {});
  return events.filter((event) => usual.write(out, event, new EventGridSerializer(options))).length;
}

/** A plain job's six usual events, with the router's frozen empty labels and selectors. */
function plainJobEvents(jobId: string, workerId: string, at: number): RouterEvent[] {
  const none = FROZEN_LABELS[0] as Labels;
  const noSelectors = FROZEN_SELECTORS[0] as readonly WorkerSelector[];
  const workerLabels = Object.freeze({ Id: workerId });
  const job = { jobId, channelReference: null, channelId: "voice", labels: none, tags: none };
  const offer = { jobId, channelReference: null, channelId: "voice", workerId, queueId: "q" };
  const assignment = { assignmentId: `assignment-${jobId}`, workerId };
  const labelsOfOffer = { workerLabels, workerTags: none, jobLabels: none, jobTags: none };
  return [
    {
      type: "RouterJobReceived",
      timeSeconds: at,
      ...job,
      queueId: "q",
      jobStatus: "queued",
      classificationPolicyId: null,
      priority: 1,
      requestedWorkerSelectors: noSelectors,
      scheduledAtSeconds: null,
      unavailableForMatching: false,
    },
    {
      type: "RouterJobQueued",
      timeSeconds: at,
      ...job,
      queueId: "q",
      priority: 1,
      requestedWorkerSelectors: noSelectors,
      attachedWorkerSelectors: noSelectors,
    },
    {
      type: "RouterWorkerOfferIssued",
      timeSeconds: at,
      ...offer,
      offerId: `offer-${jobId}`,
      jobPriority: 1,
      offeredAtSeconds: at,
      expiresAtSeconds: at + 30,
      ...labelsOfOffer,
    },
    {
      type: "RouterWorkerOfferAccepted",
      timeSeconds: at,
      ...offer,
      offerId: `offer-${jobId}`,
      assignmentId: assignment.assignmentId,
      jobPriority: 1,
      ...labelsOfOffer,
    },
    { type: "RouterJobCompleted", timeSeconds: at + 180.25, ...job, queueId: "q", ...assignment },
    {
      type: "RouterJobClosed",
      timeSeconds: at + 180.25,
      ...job,
      queueId: "q",
      ...assignment,
      dispositionCode: null,
    },
  ];
}

describe("Event Grid usual lines", () => {
  it("write streams sharing jobs, workers and labels exactly as the general path", () => {
    assertProperty(
      fc.property(
        fc.array(usualEvent, { minLength: 1, maxLength: 60, size: "max" }),
        fc.integer({ min: 1, max: 600 }),
        (events, capacity) => {
          const { usual, general, reference } = streamThreeWays(events, capacity);
          expect(usual).toBe(general);
          expect(usual).toBe(reference);
        },
      ),
      { seed: 1216, numRuns: 500 },
    );
  });

  it("take the usual events of plain ids, and give the general path's lines", () => {
    const events = Array.from({ length: 30 }, (_, job) =>
      plainJobEvents(`call-${job}`, `agent-${job % 4}`, job * 7.25),
    ).flat();
    expect(usualCount(events)).toBe(events.length);
    const { usual, general } = streamThreeWays(events, 1 << 16);
    expect(usual).toBe(general);
  });

  it("take most of a generated stream (the comparisons above test the usual path)", () => {
    assertProperty(
      fc.property(fc.array(usualEvent, { minLength: 200, maxLength: 200 }), (events) => {
        expect(usualCount(events)).toBeGreaterThan(events.length / 3);
      }),
      { seed: 1217, numRuns: 20 },
    );
  });

  it("do not keep pieces of labels that can change", () => {
    const workerLabels: Record<string, string> = { Id: "agent-1" };
    const jobLabels: Record<string, string> = { tier: "gold" };
    const issued = (offerId: string): RouterEvent => ({
      type: "RouterWorkerOfferIssued",
      timeSeconds: 5,
      jobId: "call-1",
      channelReference: null,
      channelId: "voice",
      workerId: "agent-1",
      queueId: "q",
      offerId,
      jobPriority: 1,
      offeredAtSeconds: 5,
      expiresAtSeconds: 35,
      workerLabels,
      workerTags: FROZEN_LABELS[0] as Labels,
      jobLabels,
      jobTags: FROZEN_LABELS[0] as Labels,
    });
    const serializer = new EventGridSerializer(options);
    const reference = new ReferenceEventGrid(options);
    const first = issued("offer-1");
    expect(serializer.serializeLine(first)).toBe(reference.line(first));
    workerLabels.Id = "agent-1b";
    jobLabels.tier = "silver";
    const second = issued("offer-2");
    const line = serializer.serializeLine(second);
    expect(line).toBe(reference.line(second));
    expect(line).toContain('"workerLabels":{"Id":"agent-1b"}');
    expect(line).toContain('"jobLabels":{"tier":"silver"}');
  });
});
